"""Ages and dates from timestamps, the same in every engine and every session time zone.

A timestamp's age is taken as a count of microseconds between two instants, never through a
cast to a local time (DuckDB and Spark cast by the session's time zone); days are the
polars engine's `(as_of - t).dt.total_seconds(fractional=True)` times `1 / 86_400`
(`revq.core.arith.times_reciprocal`): microseconds * 1e-6 * (1 / 86400).
"""

from __future__ import annotations

from datetime import UTC, datetime

import ibis
from ibis.expr import types as ir

from revq.core.scoring.model import Decay
from revq.engines.numbers import lit, one_like, times_reciprocal

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
DAY_MICROS = 86_400_000_000


def instant(value: datetime) -> ir.TimestampValue:
    """A moment as a UTC timestamp literal (naive datetimes are taken as UTC, as polars
    takes them for a UTC column)."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return ibis.timestamp(aware.astimezone(UTC))


def micros_between(earlier: ir.TimestampValue, later: ir.TimestampValue) -> ir.IntegerValue:
    """later - earlier in whole microseconds."""
    return later.delta(earlier, unit="microsecond")


def age_days(at: ir.TimestampValue, as_of: ir.TimestampValue) -> ir.FloatingValue:
    """Days from `at` to `as_of`, fractional, as the polars engine's `_age_days`."""
    seconds = micros_between(at, as_of).cast("float64") * lit(1e-6)
    return times_reciprocal(seconds, 86_400.0)


def decay_factor(age: ir.FloatingValue, decay: Decay) -> ir.FloatingValue:
    """The polars engine's `_decay_factor`: half-life decay, nothing outside the window, and
    nothing for events after the as-of time (or without a time)."""
    factor = (
        one_like(age)  # (a double: see one_like)
        if decay.half_life_days is None
        else lit(0.5) ** times_reciprocal(age, decay.half_life_days)
    )
    if decay.window_days is not None:
        factor = ibis.ifelse((age <= lit(decay.window_days)).fill_null(False), factor, lit(0.0))
    return ibis.ifelse((age >= lit(0.0)).fill_null(False), factor, lit(0.0))


def utc_date_text(at: ir.TimestampValue) -> ir.StringValue:
    """YYYY-MM-DD of the UTC day, as polars' strftime('%Y-%m-%d') of a UTC column."""
    micros = micros_between(instant(EPOCH), at)
    below = ((micros % DAY_MICROS) + DAY_MICROS) % DAY_MICROS  # floor remainder, also before 1970
    days = ((micros - below) / DAY_MICROS).cast("int64")
    return (ibis.date(1970, 1, 1) + days.as_interval("D")).strftime("%Y-%m-%d")
