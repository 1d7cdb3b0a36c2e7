"""A scoring run's inputs inside an engine: the raw leads, activities and signals (as the
exports, or the connector's tables, have them) mapped onto revq's canonical tables with the
same presets and load options as revq.io.load, the lead fields derived, duplicate leads
merged and the activities of a merged lead moved to the record kept; all of it part of the
engine's query.

What the polars loader does that an engine's query cannot (count and list the rows it leaves
out, warn of placeholders, find report footers...) is listed in `not_done`, to be said once,
plainly, rather than skipped in silence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import ibis.expr.types as ir

from revq.config.models import LoadOptions
from revq.core.dedupe import MASTER_RECORD_ID, MERGED_RECORD_IDS
from revq.engines.dialects import Dialect
from revq.engines.load.canonical import (
    Barrier,
    Context,
    Mapped,
    detect_table,
    map_table,
    text_date_headers,
)
from revq.engines.load.date_census import Collect, take_census
from revq.engines.load.dedupe import follow_merges, merge_duplicate_leads
from revq.engines.load.lead_fields import derive_lead_fields
from revq.engines.load.text import Text
from revq.engines.load.timestamps import Timestamps
from revq.io.mapping import Detection

Kind = Literal["csv", "parquet", "table"]
TABLES = ("leads", "activities", "signals")


@dataclass(frozen=True)
class RawInput:
    """One input as the engine reads it: a file it opened, or a warehouse table."""

    table: ir.Table
    name: Path  # what messages call it: the file, or the warehouse table's name
    options: LoadOptions
    kind: Kind = "table"


@dataclass(frozen=True)
class EngineInputs:
    """The canonical leads (derived fields added, duplicates merged), activities and signals
    of a scoring run, as expressions of one engine."""

    leads: ir.Table
    activities: ir.Table | None
    signals: ir.Table | None
    detections: dict[str, Detection]
    not_done: tuple[str, ...] = ()
    date_orders: dict[str, dict[str, str]] = field(default_factory=dict)
    # By table, the text columns with no white space at either end (each value stripped as
    # it was read; the lead ids derived, merged and followed are such values).
    stripped: dict[str, frozenset[str]] = field(default_factory=dict)


def canonical_inputs(
    raw: Mapping[str, RawInput],
    *,
    timezone: str,
    dialect: Dialect,
    collect: Collect | None = None,
    barrier: Barrier | None = None,
    keep: Barrier | None = None,
) -> EngineInputs:
    """The run's raw inputs (`leads`, and `activities` and `signals` when given) as canonical
    tables. `collect` runs a query in the engine: given, a census of each table's text date
    columns (one aggregate query) finds the shapes of date to read and the day/month order
    where the load options leave it to the data; without it (SQL compiled for later) every
    shape is read, and dates like 3/5/2026 month-first unless load.date_order says. `keep`
    computes a table into the engine: given, the leads are computed once, before and after
    their merge, where the activities' query would otherwise read them again to follow the
    merges."""
    mapped: dict[str, Mapped] = {}
    for table in TABLES:
        given = raw.get(table)
        if given is None:
            continue
        zone = given.options.timezone or timezone
        ctx = Context(given.name, given.options, zone, dialect, barrier)
        detection = detect_table(given.table, ctx, table)
        census = None
        if collect is not None:
            stamps = Timestamps(Text(dialect), dialect, ctx.timezone)
            headers = text_date_headers(given.table, detection, ctx)
            census = take_census(
                given.table, headers, stamps, collect, given.name, fixed=given.kind != "table"
            )
        mapped[table] = map_table(given.table, ctx, table, census, detection)
    if "leads" not in mapped:
        raise ValueError("a scoring run needs its leads")

    text = Text(dialect)
    opts = raw["leads"].options
    leads = derive_lead_fields(mapped["leads"].table, text, tuple(opts.personal_domains)).alias(
        "revq_leads_mapped"
    )
    activities = mapped["activities"].table if "activities" in mapped else None
    if opts.dedupe.enabled:
        if keep is not None and activities is not None:
            leads = keep(leads)
        merged = merge_duplicate_leads(leads, keep if activities is not None else None)
        leads = merged.leads.alias("revq_leads_merged")
        if activities is not None:
            activities = follow_merges(activities, merged.merged_ids)
    signals = mapped["signals"].table.alias("revq_signals_mapped") if "signals" in mapped else None
    if activities is not None:
        activities = activities.alias("revq_activities_mapped")
    return EngineInputs(
        leads=leads,
        activities=activities,
        signals=signals,
        detections={t: m.detection for t, m in mapped.items()},
        not_done=tuple(_not_done(raw, mapped)),
        date_orders={t: m.date_orders for t, m in mapped.items()},
        stripped={t: m.stripped for t, m in mapped.items()},
    )


def _not_done(raw: Mapping[str, RawInput], mapped: Mapping[str, Mapped]) -> list[str]:
    """The load steps of revq's own loader that these inputs' query leaves out, in words."""
    out = [
        "count and list the rows it leaves out (values that do not parse, records without "
        "their id): `revq inspect FILE` lists them",
        "warn of placeholder values ('Select', '--None--'), of picklist labels no preset maps, "
        "or of a column whose values mostly fail (a header mapped to the wrong column)",
    ]
    kinds = {given.kind for given in raw.values()}
    if "csv" in kinds:
        out.append(
            "find report footers (a Salesforce report's 'Grand Totals' line), blank lines or "
            "ragged rows, or guess the encoding of a file not in UTF-8"
        )
    leads = mapped["leads"]
    opts = raw["leads"].options
    if opts.dedupe.enabled:
        recorded = [
            c for c in (MERGED_RECORD_IDS, MASTER_RECORD_ID) if c in leads.detection.mapping
        ]
        if recorded:
            headers = ", ".join(repr(leads.detection.mapping[c]) for c in recorded)
            out.append(f"follow the merges the CRM recorded ({headers})")
        if opts.dedupe.keep != "latest_activity":
            out.append(
                f"keep the {opts.dedupe.keep.replace('_', ' ')} of duplicate leads (an engine "
                "keeps no file order: the latest activity wins)"
            )
    for table in TABLES:
        if table in mapped:
            out.extend(mapped[table].not_done)
    return out
