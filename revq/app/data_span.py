"""The dates each export covers, and what a command asked for a period outside all of them
does: it stops with one line naming what is missing and the dates the exports do cover. A
report, funnel or audit of a period the exports do not reach is a stale export or a mistyped
date, never a quiet period: written as one, a scheduled job would publish empty results
without anyone knowing. `allow_empty` says an empty result is expected (a backfill of
periods before the CRM was in use): then it is a warning."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import polars as pl

from revq.app.run import Run
from revq.errors import RevqError
from revq.io import sources
from revq.io.exports import export_name
from revq.io.load import LoadResult

UTC_US = pl.Datetime("us", "UTC")

# The columns that date a row of each table: what a period of it is made of.
DATE_COLUMNS: dict[str, tuple[str, ...]] = {
    "leads": (
        "created_at",
        "mql_at",
        "sql_at",
        "opportunity_at",
        "customer_at",
        "converted_at",
        "last_activity_at",
    ),
    "stage_history": ("entered_at",),
    "opportunities": ("created_at", "closed_at"),
    "dispositions": ("disposition_at", "handed_off_at"),
    "activities": ("occurred_at",),
    "signals": ("occurred_at",),
}
# A row of each table, as the message names what a period lacks.
NOUNS = {
    "leads": "lead",
    "stage_history": "stage entry",
    "opportunities": "opportunity",
    "dispositions": "disposition",
    "activities": "activity",
    "signals": "signal",
}


@dataclass(frozen=True)
class Span:
    """The first and last date of an export's rows (both None: no row is dated)."""

    name: str  # the export's file name, as the user knows it
    table: str
    first: datetime | None
    last: datetime | None

    def overlaps(self, start: datetime | None, end: datetime | None) -> bool:
        """Whether any day of [first, last] falls in [start, end)."""
        if self.first is None or self.last is None:
            return False
        return (end is None or self.first < end) and (start is None or self.last >= start)

    @property
    def days(self) -> str:
        """2015-03-02..2016-07-28, or 'no date'."""
        if self.first is None or self.last is None:
            return "no date"
        return f"{self.first:%Y-%m-%d}..{self.last:%Y-%m-%d}"


def span_of(
    name: str, table: str, rows: pl.DataFrame | pl.LazyFrame, columns: Iterable[str] = ()
) -> Span:
    """The dates `rows` cover, over `columns` (default: the dating columns of `table`)."""
    lf = rows.lazy()
    present = set(lf.collect_schema().names())
    dated = [c for c in (tuple(columns) or DATE_COLUMNS.get(table, ())) if c in present]
    if not dated:
        return Span(name, table, None, None)
    first, last = (
        lf.select(
            pl.min_horizontal(pl.col(c).cast(UTC_US).min() for c in dated).alias("first"),
            pl.max_horizontal(pl.col(c).cast(UTC_US).max() for c in dated).alias("last"),
        )
        .collect()
        .row(0)
    )
    return Span(name, table, first, last)


def span_of_load(load: LoadResult, table: str | None = None) -> Span:
    """The dates a loaded export covers, named by its file."""
    kind = table or load.table or ""
    return span_of(Path(load.path).name, kind, load.lazy())


@dataclass(frozen=True)
class Period:
    """What a command was asked for: [start, end) (None: open), as the message names it, and
    the options that would choose another (`--as-of`, `--since/--until`)."""

    start: datetime | None
    end: datetime | None
    phrase: str  # "in 2026-W43 (2026-10-19..2026-10-25)", "by 2026-10-31"
    choose: str


def day_range(start: datetime | None, end: datetime | None) -> str:
    """[start, end) as its first and last day: 2026-10-19..2026-10-25."""
    first = f"{start:%Y-%m-%d}" if start is not None else ""
    last = f"{end - timedelta(days=1):%Y-%m-%d}" if end is not None else ""
    return f"{first}..{last}"


def window_period(
    since: datetime | None, until: datetime | None, as_of: datetime | None = None
) -> Period:
    """A --since/--until window (its end no later than the end of the as-of day), or, with
    neither, everything up to the as-of day."""
    end = until if as_of is None else min(until, as_of) if until is not None else as_of
    if since is None and until is None:
        assert as_of is not None  # a command without a window counts up to its as-of day
        return Period(None, as_of, f"by {as_of - timedelta(days=1):%Y-%m-%d}", "--as-of")
    if since is not None and end is not None and since >= end:  # after the as-of day
        last = f"{end - timedelta(days=1):%Y-%m-%d}"
        raise RevqError(
            f"--since {since:%Y-%m-%d} is after {last}, the as-of day: the window holds no day"
        )
    return Period(since, end, f"in {day_range(since, end)}", "--since/--until")


def _nouns(spans: list[Span]) -> str:
    named = list(dict.fromkeys(NOUNS.get(s.table, "row") for s in spans))
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]


def no_data_message(spans: list[Span], period: Period) -> str:
    """`no lead or stage entry in 2026-W43 (...): the exports end on 2016-07-28 (leads.csv
    covers A..B, history.csv C..D)`."""
    covers = ", ".join(
        f"{s.name} covers {s.days}" if i == 0 else f"{s.name} {s.days}" for i, s in enumerate(spans)
    )
    if len(spans) > 1:
        lasts = [s.last for s in spans if s.last is not None]
        firsts = [s.first for s in spans if s.first is not None]
        if period.start is not None and max(lasts) < period.start:
            covers = f"the exports end on {max(lasts):%Y-%m-%d} ({covers})"
        elif period.end is not None and min(firsts) >= period.end:
            covers = f"the exports begin on {min(firsts):%Y-%m-%d} ({covers})"
    return f"no {_nouns(spans)} {period.phrase}: {covers}"


def check_period(
    run: Run, spans: list[Span], period: Period, *, allow_empty: bool, empty: str
) -> bool:
    """Whether some export has data in the period. When none has, an error naming what is
    missing and the dates the exports cover, or with `allow_empty` a warning; exports that
    hold no date at all say nothing of the period (that is said where it matters). `empty`
    names the empty result: 'an empty report'."""
    dated = [s for s in spans if s.first is not None]
    if not dated or any(s.overlaps(period.start, period.end) for s in dated):
        return True
    message = no_data_message(dated, period)
    if not allow_empty:
        them = "it" if len(dated) == 1 else "them"
        raise RevqError(
            f"{message}; pass {period.choose} inside {them}, or --allow-empty to write {empty}"
        )
    run.warn(f"{message}; writing {empty} (--allow-empty)")
    return False


def loaded_spans(run: Run, named: Iterable[tuple[str, Path | list[Path] | None]]) -> list[Span]:
    """The spans of the inputs `named` (table and export) that this run has read."""
    spans = []
    for table, export in named:
        if export is None:
            continue
        load = run.loaded.get(sources.resolved(export_name(export)))
        if load is not None:
            spans.append(span_of_load(load, table))
    return spans
