"""Why a funnel measured nothing, said in one warning with the way out. Tables of headers with
no figure under them, and exit 0, tell the analyst nothing of what is missing: a stage history
of other properties only, leads dated only by their creation, opportunities that name no
lead."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from revq.core.funnel_report import STAGE_DATE_COLUMNS
from revq.io.exports import accounted
from revq.io.load import LoadResult

# The lead columns that date a stage after the lead's creation.
LATER_STAGE_DATES = tuple(c for c in STAGE_DATE_COLUMNS if c != "created_at")


@dataclass
class StageSources:
    """What the funnel's stage entries came from, kept as they are assembled, for the warning
    that says why there are none to measure."""

    empty_history: LoadResult | None = None  # a stage history that loaded no entry
    lead_dates: tuple[str, list[str]] | None = None  # the leads' name and stage date columns
    unlinked: tuple[str, int] | None = None  # opportunities that name no lead

    def causes(self) -> list[str]:
        found = []
        if self.empty_history is not None:
            load = self.empty_history
            a = load.accounting
            why = (
                f"its {a.rows_read:,} rows are of other properties than load.stage_properties"
                if a.other_properties and a.other_properties == a.rows_read
                else accounted(a)
            )
            found.append(f"{load.path.name} holds no stage change ({why})")
        if self.lead_dates is not None:
            name, columns = self.lead_dates
            if not set(columns) & set(LATER_STAGE_DATES):
                found.append(f"{name} dates only creation (no {_or(LATER_STAGE_DATES)} column)")
        if self.unlinked is not None:
            name, count = self.unlinked
            what = "opportunity names" if count == 1 else "opportunities name"
            found.append(f"{name}'s {count:,} {what} no lead")
        return found


def _or(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def measured_nothing(report: dict[str, Any]) -> bool:
    """No headline figure and no lead between any two stages: the tables would be headers."""
    values = [h.get("value") for h in report["headline"].values()]
    return all(v is None for v in values) and not any(r["leads"] for r in report["velocity"])


def reached_counts(stages: pl.LazyFrame, names: Sequence[str]) -> dict[str, int]:
    """Leads that reached each stage."""
    row = stages.select(pl.col(f"{s}_at").is_not_null().sum().alias(s) for s in names).collect()
    return {s: int(row[s][0]) for s in names}


def why_empty(reached: dict[str, int], within: str, sources: StageSources) -> str:
    """The warning: what the leads reached, what in the exports is missing, the way out."""
    got = {stage: n for stage, n in reached.items() if n}
    if not got:
        head = f"no lead entered a stage {within}"
    elif len(got) == 1:
        ((stage, n),) = got.items()
        head = f"{within} its {n:,} leads reached only the {stage} stage"
    else:
        head = f"{within} its leads reached only {_and([f'{s} ({n:,})' for s, n in got.items()])}"
    causes = sources.causes()
    way_out = (
        "map the leads' stage dates with load.columns, or give a stage history "
        "(inputs.stage_history in revq.yaml; --history for revq funnel)"
    )
    if sources.unlinked is not None:
        way_out += " or opportunities that name their lead"
    return "; ".join(
        [f"the funnel measures nothing: {head}", *([_and(causes)] if causes else []), way_out]
    )
