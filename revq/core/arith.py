"""Division by a constant that gives every row the same bits, however polars evaluates it."""

from __future__ import annotations

import polars as pl

MICRO = 1_000_000


def times_reciprocal(expr: pl.Expr, divisor: float) -> pl.Expr:
    """`expr / divisor` as polars computes it for a column: times the reciprocal.

    polars divides a column by a constant as a multiplication by its reciprocal, but a value
    it holds as a scalar (a rule without a condition, a batch of one row) by a true division.
    The two can differ in the last bit, and a score on a rounding boundary then rounds apart
    (2,035,000 micro-points divided are 2.035, a fit score of 2.04; times 1e-6 they are
    2.0349999999999997, a fit score of 2.03). One multiplication is the same either way, and
    is what the SQL engines compute (`revq.engines.numbers.times_reciprocal`)."""
    return expr * (1.0 / divisor)


def from_micro(expr: pl.Expr) -> pl.Expr:
    """Whole micro-points as points."""
    return times_reciprocal(expr, MICRO)
