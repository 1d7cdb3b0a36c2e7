"""Reporting windows: the last complete week or month before an as-of time, and its labels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from revq.core.funnel import Calendar


@dataclass(frozen=True)
class Window:
    """A reporting period [start, end) and the one before it [prior_start, start)."""

    kind: str  # week | month
    start: datetime
    end: datetime
    prior_start: datetime
    label: str  # 2026-W43, 2026-10
    prior_label: str
    fiscal_quarter: str  # FY2027 Q3

    @property
    def last_day(self) -> datetime:
        return self.end - timedelta(days=1)


def _start_of(moment: datetime, cal: Calendar) -> datetime:
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if cal.period == "week":
        back = day.weekday() if cal.week_start == "monday" else (day.weekday() + 1) % 7
        return day - timedelta(days=back)
    if cal.period == "month":
        return day.replace(day=1)
    raise ValueError(f"reports cover a week or a month, not a {cal.period}")


def previous(start: datetime, cal: Calendar) -> datetime:
    if cal.period == "week":
        return start - timedelta(days=7)
    year, month = (start.year, start.month - 1) if start.month > 1 else (start.year - 1, 12)
    return start.replace(year=year, month=month)


def label(start: datetime, cal: Calendar) -> str:
    """ISO week of the period (2026-W43; a Sunday-start week is labelled by its Monday), or the
    month (2026-10)."""
    if cal.period == "week":
        monday = start + timedelta(days=1) if cal.week_start == "sunday" else start
        year, week, _ = monday.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{start.year}-{start.month:02d}"


def fiscal_quarter(moment: datetime, fiscal_start_month: int) -> str:
    """Fiscal year named by the calendar year it ends in (FY2027 starts in Feb 2026 when the
    fiscal year starts in February), as Salesforce names it by default."""
    year = moment.year + (
        1 if fiscal_start_month != 1 and moment.month >= fiscal_start_month else 0
    )
    quarter = (moment.month - fiscal_start_month) % 12 // 3 + 1
    return f"FY{year} Q{quarter}"


def last_complete(as_of: datetime, cal: Calendar) -> Window:
    """The last period that ended at or before `as_of` (the end of the as-of day)."""
    end = _start_of(as_of, cal)
    start = previous(end, cal)
    prior = previous(start, cal)
    return Window(
        kind=cal.period,
        start=start,
        end=end,
        prior_start=prior,
        label=label(start, cal),
        prior_label=label(prior, cal),
        fiscal_quarter=fiscal_quarter(start, cal.fiscal_start_month),
    )


def trailing_start(window: Window, periods: int) -> datetime:
    """The start of the `periods` periods ending with the window (a steadier base for rates)."""
    start = window.start
    cal = Calendar(window.kind)
    for _ in range(periods - 1):
        start = previous(start, cal)
    return start
