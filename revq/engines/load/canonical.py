"""One raw table (its columns as the export or the connector has them) mapped onto a canonical
revq table inside the engine, as revq.io.load maps a file: the same preset and load options
pick the headers, each value is typed by the same rules, a row whose values do not parse (or
that lacks what makes it a record) is left out, a record deleted in the source or a past
version of one is set aside, and the columns no preset maps are kept as they are."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir
import polars as pl

from revq.config.models import LoadOptions
from revq.core.dedupe import MASTER_RECORD_ID
from revq.core.schema import TABLES, Kind, Table
from revq.engines.dialects import Dialect
from revq.engines.load.date_census import ColumnCensus
from revq.engines.load.numbers import Numbers
from revq.engines.load.text import Text
from revq.engines.load.timestamps import AS_WRITTEN, SHAPES, UTC, Timestamps
from revq.errors import InputError
from revq.io.load import (
    ACTIVE_VERSION,
    DELETION_FLAGS,
    VERSION_END,
    VERSION_START,
    _raise_unmapped,
    unmapped_columns,
)
from revq.io.mapping import Detection, detect
from revq.io.parsers import EXPECTED, FAILURE_RULES, parse_constant
from revq.io.presets import norm_header

TYPES: dict[Kind, dt.DataType] = {
    Kind.TEXT: dt.string,
    Kind.ID: dt.string,
    Kind.STAGE: dt.string,
    Kind.DISPOSITION: dt.string,
    Kind.INTEGER: dt.int64,
    Kind.NUMBER: dt.float64,
    Kind.BOOLEAN: dt.boolean,
    Kind.DATETIME: UTC,
}
_REJECT = "__revq_rejected"
_STEM = 20  # a header's share of a working column's name
Barrier = Callable[[ir.Table], ir.Table]


@dataclass(frozen=True)
class Mapped:
    """A raw table mapped onto a canonical one, and what was read how."""

    table: ir.Table
    detection: Detection
    # Load steps of revq.io.load this mapping could not take, in words (said once a run).
    not_done: tuple[str, ...] = ()
    date_orders: dict[str, str] = field(default_factory=dict)  # header -> dmy or mdy
    # The canonical text columns read from the raw table, each value stripped of white space.
    stripped: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Context:
    """What every column of one table is read with."""

    name: Path  # what messages call the table: its file, or the warehouse table
    opts: LoadOptions
    timezone: str
    dialect: Dialect
    # Ends a stage of the query where an engine's optimiser would otherwise fold every stage
    # into the next (Spark's does: a leads table's plan then outgrows the driver's memory).
    barrier: Barrier | None = None


class _Columns:
    """Temporary columns, added stage by stage to the raw table, with names no export has.
    Each stage is a named step of the query (a CTE): the next one reads its columns, rather
    than repeating the expressions that made them."""

    def __init__(self, table: ir.Table, prefix: str, barrier: Barrier | None) -> None:
        self.table = table
        self.prefix = prefix
        self.barrier = barrier
        self.taken = set(table.columns)
        self.stages: dict[str, int] = {}

    def name(self, header: str, part: str) -> str:
        """A name for `part` of the column `header` (`_create_date_dash_year`): the header's
        letters and digits, short enough for every engine's identifiers (PostgreSQL cuts them
        at 63 bytes), numbered where two headers (or a header of the table) would meet."""
        stem = re.sub(r"[^0-9a-z]+", "_", header.lower()).strip("_")[:_STEM].strip("_")
        name, n = f"_{stem or 'column'}_{part}", 1
        while name in self.taken:
            n += 1
            name = f"_{stem or 'column'}_{n}_{part}"
        self.taken.add(name)
        return name

    def add(self, columns: Mapping[str, ir.Value], stage: str) -> None:
        if not columns:
            return
        self.stages[stage] = self.stages.get(stage, 0) + 1
        n = self.stages[stage]
        name = f"revq_{self.prefix}_{stage}" + (f"_{n}" if n > 1 else "")
        self.table = self.table.mutate(**columns).alias(name)
        if self.barrier is not None:
            self.table = self.barrier(self.table)

    def __getitem__(self, name: str) -> ir.Value:
        return self.table[name]


def detect_table(raw: ir.Table, ctx: Context, table: str) -> Detection:
    """Which preset maps the raw table's headers onto `table`, or the loader's error."""
    headers = list(raw.columns)
    found = detect(
        headers,
        ctx.name,
        vendor=ctx.opts.source,
        table=table,
        overrides=ctx.opts.columns,
        defaults=ctx.opts.defaults,  # a column load.defaults fills counts as there
    )
    if found is None or not found.complete:
        _raise_unmapped(ctx.name, headers, found, table)
    assert found is not None
    return found


def text_date_headers(raw: ir.Table, detection: Detection, ctx: Context) -> dict[str, bool]:
    """The headers of the text date columns a table's mapping reads, each with whether its
    day/month order is to be found from the data (load.date_order auto)."""
    spec = TABLES[detection.table]
    out: dict[str, bool] = {}
    for canonical, header in detection.mapping.items():
        typed = raw[header].type()
        if spec.column(canonical).kind is Kind.DATETIME and not (
            typed.is_timestamp() or typed.is_date()
        ):
            out[header] = ctx.opts.date_order == "auto"
    return out


def map_table(
    raw: ir.Table,
    ctx: Context,
    table: str,
    census: Mapping[str, ColumnCensus] | None = None,
    detection: Detection | None = None,
) -> Mapped:
    """The raw table as the canonical `table`. `census` says, for a text date column (by
    header), which shapes its values have and (where the load option is auto) its day/month
    order; without one every shape is read, month-first, and said."""
    detection = detection or detect_table(raw, ctx, table)
    spec = TABLES[detection.table]
    text = Text(ctx.dialect)
    numbers = Numbers(text)
    stamps = Timestamps(text, ctx.dialect, ctx.timezone)
    not_done: list[str] = []
    raw = _nan_as_empty(_with_null_values(raw, ctx.opts.null_values))
    cols = _Columns(raw, table, ctx.barrier)
    headers = list(raw.columns)

    # Stage 1: every mapped text column trimmed once (its parsers and checks all read that),
    # but a date column whose census found every value a real time as written (nothing to
    # trim).
    written = {h for h, found in (census or {}).items() if AS_WRITTEN in found.shapes}
    trimmed: dict[str, str] = {}
    stage: dict[str, ir.Value] = {}
    for header in dict.fromkeys(detection.mapping.values()):
        if raw[header].type().is_string() and header not in written:
            trimmed[header] = cols.name(header, "trimmed")
            stage[trimmed[header]] = text.strip(cols[header])
    cols.add(stage, "trimmed")

    # The text date columns, read in the timestamp parser's stages, all columns at once.
    orders: dict[str, str] = {}
    shapes: dict[str, frozenset[str]] = {}
    unordered: list[str] = []
    dated: dict[str, dict[str, str]] = {}  # header -> part -> column
    for canonical, header in detection.mapping.items():
        if spec.column(canonical).kind is not Kind.DATETIME or header in dated:
            continue
        if stamps.typed(raw[header]) is not None:
            continue
        if _date_format(ctx.opts, canonical, header) is not None:
            not_done.append(f"load.date_formats for {header!r} (its dates are read by their shape)")
        found = (census or {}).get(header)
        orders[header] = _order(ctx, header, found, unordered)
        shapes[header] = found.shapes if found is not None else SHAPES
        dated[header] = {"value": trimmed.get(header, header)}
    if unordered:
        shown = ", ".join(map(repr, unordered))
        not_done.append(
            f"find the day/month order of {ctx.name.name}'s {shown} (dates like 3/5/2026 are "
            "read month-first unless load.date_order says otherwise)"
        )
    stage_names = [name for name, _ in stamps.stages("mdy")]
    for i, stage_name in enumerate(stage_names):
        stage = {}
        for header, parts in dated.items():
            _, step = stamps.stages(orders[header], shapes[header])[i]
            added = step({p: cols[c] for p, c in parts.items()})
            named = {part: cols.name(header, part) for part in added}
            stage.update({named[part]: value for part, value in added.items()})
            parts.update(named)
        cols.add(stage, stage_name)

    # The canonical columns, each value typed, and whether its row is kept.
    values: dict[str, ir.Value] = {}
    failed: list[ir.BooleanValue] = []
    for canonical, header in detection.mapping.items():
        kind = spec.column(canonical).kind
        source = cols[header]
        given = cols[trimmed[header]] if header in trimmed else source
        if header in dated:
            parts = dated[header]
            value: ir.Value = stamps.assemble(
                {p: cols[c] for p, c in parts.items()}, shapes[header]
            )
        else:
            labels = {**detection.values.get(canonical, {}), **ctx.opts.values.get(canonical, {})}
            value = _typed(kind, source, given, labels, ctx.opts, numbers, stamps, text)
        values[canonical] = value.cast(TYPES[kind])
        if header in dated and header in written:
            continue  # every value is a real time: none fails to be read
        if kind in FAILURE_RULES:
            failed.append(_present(source, given) & values[canonical].isnull())
    for group in spec.required:
        present = [
            _present(cols[h], cols[trimmed[h]] if h in trimmed else cols[h])
            for h in dict.fromkeys(detection.mapping[c] for c in group if c in detection.mapping)
        ]
        if present:
            failed.append(~_any(present))
    extras = {name: cols[h] for h, name in unmapped_columns(headers, detection.mapping)}
    rejected = _any(failed) if failed else ibis.literal(False)
    mapped = cols.table.select(**values, **extras, **{_REJECT: rejected})
    mapped = mapped.filter(~mapped[_REJECT]).drop(_REJECT)

    mapped = _current_versions(mapped, detection, numbers)
    if not ctx.opts.keep_deleted:
        mapped = _not_deleted(mapped, headers, numbers)
    mapped = _with_defaults(mapped, ctx, spec, detection)
    stripped = frozenset(c for c in values if spec.column(c).kind in (Kind.ID, Kind.TEXT))
    return Mapped(mapped, detection, tuple(not_done), orders, stripped)


def _typed(
    kind: Kind,
    source: ir.Value,
    given: ir.Value,
    labels: dict[str, str],
    opts: LoadOptions,
    numbers: Numbers,
    stamps: Timestamps,
    text: Text,
) -> ir.Value:
    """One column's values typed as revq.io.parsers.typed_column types them (`given` is the
    raw value trimmed, when it is text)."""
    typed = source.type()
    if kind is Kind.ID:
        if typed.is_floating():
            whole = (source.abs() < float("inf")) & (source.cast("int64").cast("float64") == source)
            return ibis.cases((whole, source.cast("int64").cast("string")), else_=text.text(source))
        return given if typed.is_string() else text.text(source)
    if kind is Kind.TEXT:
        if labels:
            named = ibis.coalesce(text.map_labels(source, labels), source.cast("string"))
            return text.blank_to_null(text.strip(named))
        return text.blank_to_null(given if typed.is_string() else text.text(source))
    if kind is Kind.NUMBER:
        return numbers.number(given if typed.is_string() else source, opts.decimal)
    if kind is Kind.INTEGER:
        return numbers.integer(given if typed.is_string() else source, opts.decimal)
    if kind is Kind.BOOLEAN:
        return numbers.boolean(given if typed.is_string() else source)
    if kind is Kind.DATETIME:
        stamped = stamps.typed(source)
        assert stamped is not None, "text dates are read in stages"
        return stamped
    return text.map_labels(source, labels)  # stages and dispositions: picklists


def _present(source: ir.Value, trimmed: ir.Value) -> ir.BooleanValue:
    """A cell holds a value: not null, and not blank text."""
    if not source.type().is_string():
        return source.notnull()
    return (trimmed.notnull() & (trimmed != "")).fill_null(False)


def _any(flags: list[ir.BooleanValue]) -> ir.BooleanValue:
    out = flags[0]
    for flag in flags[1:]:
        out = out | flag
    return out


def _with_null_values(raw: ir.Table, null_values: list[str]) -> ir.Table:
    """load.null_values: the text cells that mean empty, made null before anything reads them."""
    if not null_values:
        return raw
    return raw.mutate(
        **{
            c: ibis.cases((raw[c].isin(null_values), ibis.null("string")), else_=raw[c])
            for c in raw.columns
            if raw[c].type().is_string()
        }
    )


def _nan_as_empty(raw: ir.Table) -> ir.Table:
    """A typed table's NaN is an empty value, not a number (pandas writes a missing number as
    NaN), as revq.io.load reads a Parquet file: made null before anything reads it.

    NaN is found by its text ('nan', '-nan', 'NaN'): DuckDB answers isnan() and comparisons
    from a Parquet file's statistics, which leave NaN out, so over a file it finds none."""
    floats = [c for c in raw.columns if raw[c].type().is_floating()]
    if not floats:
        return raw
    nan = {c: raw[c].cast("string").lower().isin(["nan", "-nan"]) for c in floats}
    return raw.mutate(**{c: ibis.ifelse(nan[c], ibis.null(raw[c].type()), raw[c]) for c in floats})


def _date_format(opts: LoadOptions, canonical: str, header: str) -> str | None:
    return opts.date_formats.get(canonical) or opts.date_formats.get(header)


def _order(ctx: Context, header: str, found: ColumnCensus | None, unordered: list[str]) -> str:
    if ctx.opts.date_order != "auto":
        return ctx.opts.date_order
    if found is not None and found.order is not None:
        return found.order
    unordered.append(header)
    return "mdy"


def _current_versions(table: ir.Table, detection: Detection, numbers: Numbers) -> ir.Table:
    """A history-mode sync's table read as the records, each as it is now (revq.io.load's
    current_version)."""
    columns = set(table.columns)
    if detection.table == "stage_history" or not {VERSION_START, VERSION_END} <= columns:
        return table
    end = numbers.t.text(table[VERSION_END])
    open_ended = end.isnull() | end.startswith("9999")
    current = open_ended
    if ACTIVE_VERSION in columns:
        active = numbers.boolean(numbers.t.text(table[ACTIVE_VERSION]))
        current = active.fill_null(open_ended)
    return table.filter(current)


def _not_deleted(table: ir.Table, headers: list[str], numbers: Numbers) -> ir.Table:
    """Records a deletion flag marks (IsDeleted, _fivetran_deleted) set aside, except a record
    a merge deleted: it folds into the record it was merged into (revq.io.load's
    deleted_in_source)."""
    flags = [
        numbers.boolean(numbers.t.text(table[h])).fill_null(False)
        for h in headers
        if h in table.columns and norm_header(h).replace("_", "") in DELETION_FLAGS
    ]
    if not flags:
        return table
    gone = _any(flags)
    if MASTER_RECORD_ID in table.columns:
        gone = gone & table[MASTER_RECORD_ID].isnull()
    return table.filter(~gone)


def _with_defaults(table: ir.Table, ctx: Context, spec: Table, detection: Detection) -> ir.Table:
    """load.defaults and the preset's constants for the columns the export lacks, each parsed
    as its column is (revq.io.parsers.with_defaults)."""
    added: dict[str, ir.Value] = {}
    for canonical, given in {**detection.constants, **ctx.opts.defaults}.items():
        if canonical in detection.mapping:
            continue
        if canonical not in spec.names:
            raise InputError(
                ctx.name,
                f"load.defaults names {canonical!r}, which is not a column of "
                f"the {detection.table} table",
            )
        kind = spec.column(canonical).kind
        value = pl.select(parse_constant(pl.lit(given), kind, ctx.opts, ctx.timezone)).item()
        if value is None:
            raise InputError(
                ctx.name,
                f"load.defaults.{canonical}: {given!r} is not "
                f"{EXPECTED.get(kind, 'a valid value')}",
            )
        added[canonical] = ibis.literal(value, TYPES[kind])
    return table.mutate(**added) if added else table
