"""Arithmetic that gives the polars engine's floats bit for bit, in any SQL engine.

polars divides by a constant as a multiplication by its reciprocal, rounds halves to even
(`Expr.round`'s default) as rint(x * 10^d) / 10^d, and adds four columns pairwise. SQL engines
divide, and round halves away from zero (DuckDB, Spark, Snowflake) or to even (Postgres).
Each helper here spells the polars operation out with operations that are exact everywhere:
comparisons, integer arithmetic and IEEE addition, multiplication and division.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import ibis
from ibis.expr import types as ir

MICRO = 1_000_000
_FLOAT = "float64"
LARGEST_FLOAT = 1.7976931348623157e308


def lit(value: float) -> ir.FloatingValue:
    """A float literal, typed as a double in every dialect. -0.0 is cast from its text: SQL
    reads the literal -0.0 as a decimal, whose zero has no sign."""
    if value == 0 and math.copysign(1.0, value) < 0:
        return ibis.literal("-0.0").cast(_FLOAT)
    return ibis.literal(float(value), type=_FLOAT)


def one_like(x: ir.FloatingValue) -> ir.FloatingValue:
    """1.0 typed as a double by the SQL itself, from a finite double x: x * 0.0 + 1.0. A bare
    1.0 is a decimal in DuckDB, Spark and Snowflake, so a CASE of such literals is a decimal,
    and its product with another decimal has no negative zero where polars' float product
    has one (-5 points x a decay of 0.0)."""
    return x * lit(0.0) + lit(1.0)


def null_float() -> ir.FloatingValue:
    return ibis.null(_FLOAT)


def times_reciprocal(x: ir.NumericValue, divisor: float) -> ir.FloatingValue:
    """`x / divisor` as polars computes it for a constant divisor: x * (1 / divisor)."""
    return x.cast(_FLOAT) * lit(1.0 / divisor)


# 1.5 * 2**52: adding it leaves no fraction bits, so the addition itself rounds to a whole
# number, half to even as IEEE arithmetic does; subtracting it again is exact.
_ROUNDER = 6755399441055744.0
ROUNDS_BELOW = 2.0**51  # the trick holds for magnitudes below this


def round_half_even(x: ir.FloatingValue) -> ir.IntegerValue:
    """rint(x), halves to the even neighbour, as an integer: polars' `round()`. Written as
    (x + 1.5 * 2**52) - 1.5 * 2**52, two IEEE additions every engine does alike, where SQL's
    ROUND rounds halves away from zero in DuckDB and Spark and to even in Postgres (and
    floor-based forms repeat x several times)."""
    return ((x + lit(_ROUNDER)) - lit(_ROUNDER)).cast("int64")


def to_micro(x: ir.FloatingValue) -> ir.IntegerValue:
    """Points as whole micro-points, as polars' `(x * 1_000_000).round()`."""
    return round_half_even(x * lit(MICRO))


def from_micro(m: ir.IntegerValue) -> ir.FloatingValue:
    """Whole micro-points back to points, as polars' `m / 1_000_000`."""
    return times_reciprocal(m, MICRO)


def signed_zero(x: ir.FloatingValue) -> ir.FloatingValue:
    """A zero with the sign of `x` (finite): x * 0.0, which IEEE arithmetic makes -0.0 for a
    negative x. What polars' float arithmetic leaves where SQL's integers have no sign."""
    return x * lit(0.0)


def is_negative(x: ir.FloatingValue) -> ir.BooleanValue:
    """x < 0, or x is -0.0 (which polars writes with its minus). A zero's sign is read from
    its text, which every engine writes with the minus ('-0.0', '-0'); arithmetic cannot
    tell it (Spark's atan2 adds 0.0 to its arguments first, dividing by it is an error)."""
    return (x < lit(0.0)) | ((x == lit(0.0)) & x.cast("string").startswith("-"))


def round_to(x: ir.FloatingValue, decimals: int) -> ir.FloatingValue:
    """polars' `x.round(decimals)`: rint(x * 10^d) / 10^d, so that a negative rounding to
    nothing is -0.0 (polars writes it so)."""
    scale = 10.0**decimals
    rounded = round_half_even(x * lit(scale))
    return ibis.ifelse(rounded == 0, signed_zero(x), rounded.cast(_FLOAT) / lit(scale))


def micro_total(values: Sequence[ir.FloatingValue]) -> ir.IntegerValue:
    """The values in whole micro-points, summed (a null counts as none): exact in any order,
    as polars' `sum_horizontal([(v * 10^6).round() ...])`."""
    total = to_micro(values[0]).fill_null(0)
    for value in values[1:]:
        total = total + to_micro(value).fill_null(0)
    return total


def zero_total(values: Sequence[ir.FloatingValue]) -> ir.FloatingValue:
    """The sum of zeros signed as the values are (a null is +0.0): the sign polars' float sum
    of micro-points takes when it is zero, -0.0 only if every value is negative (IEEE adds
    -0.0 and +0.0 to +0.0, and x + -x to +0.0)."""
    zeros = signed_zero(values[0]).fill_null(lit(0.0))
    for value in values[1:]:
        zeros = zeros + signed_zero(value).fill_null(lit(0.0))
    return zeros


def from_micro_total(total: ir.IntegerValue, zeros: ir.FloatingValue) -> ir.FloatingValue:
    """A micro-point total back to points, a zero signed as polars' sum would be."""
    return ibis.ifelse(total == 0, zeros, from_micro(total))


def clip(x: ir.FloatingValue, low: float | None, high: float | None) -> ir.FloatingValue:
    """polars' `clip`: a null stays null (SQL's GREATEST and LEAST would skip it)."""
    branches = []
    if low is not None:
        branches.append((x < lit(low), lit(low)))
    if high is not None:
        branches.append((x > lit(high), lit(high)))
    if not branches:
        return x
    return ibis.cases(*branches, else_=x)


def pairwise_sum(values: Sequence[ir.FloatingValue]) -> ir.FloatingValue:
    """polars' `sum_horizontal` of floats: the halves summed, each the same way, so that the
    rounding of every addition is the same: (a + b) + (c + d); a + (b + c) for three."""
    if len(values) == 1:
        return values[0]
    half = len(values) // 2
    return pairwise_sum(values[:half]) + pairwise_sum(values[half:])


def is_finite(x: ir.FloatingValue) -> ir.BooleanValue:
    """Neither infinite nor NaN (nor null): NaN compares false in DuckDB and Spark alike
    (they sort it above infinity)."""
    return (x.abs() <= lit(LARGEST_FLOAT)).fill_null(False)


def is_missing(value: ir.Value) -> ir.BooleanValue:
    """polars' `is_null()`: a NaN is a value. Ibis's Spark SQL tests a float for IS NULL or
    isnan together; spelt this way every dialect leaves NaN out."""
    if not value.type().is_floating():
        return value.isnull()
    return value.isnull() & ~value.isnan().fill_null(False)


def is_present(value: ir.Value) -> ir.BooleanValue:
    """polars' `is_not_null()`: a NaN is a value (see `is_missing`)."""
    if not value.type().is_floating():
        return value.notnull()
    return value.notnull() | value.isnan().fill_null(False)


def nan_to_null(x: ir.FloatingValue) -> ir.FloatingValue:
    """polars' `fill_nan(None)`: NaN is unknown, not a number larger than any other."""
    return ibis.ifelse(x.isnan(), null_float(), x)


def exact_quotient(a: ir.IntegerValue, b: int) -> ir.IntegerValue:
    """a // b for a >= 0, without a float division that could round up."""
    return ((a - a % b) / b).cast("int64")


def decimal_text(
    scaled: ir.IntegerValue, decimals: int, negative: ir.BooleanValue
) -> ir.StringValue:
    """How polars writes the float `scaled / 10^decimals` (shortest form: 15.0, 22.5, 72.35,
    72.3): `negative` gives the sign, so that -0.0 is written with its minus as polars does."""
    magnitude = scaled.abs()
    unit = 10**decimals
    whole = exact_quotient(magnitude, unit).cast("string")
    fraction = magnitude % unit
    if decimals == 1:
        digits = fraction.cast("string")
    else:
        tens = exact_quotient(fraction, 10)
        digits = ibis.ifelse(
            fraction % 10 == 0, tens.cast("string"), fraction.cast("string").lpad(decimals, "0")
        )
    sign = ibis.ifelse(negative, "-", "")
    return sign.concat(whole, ".", digits)
