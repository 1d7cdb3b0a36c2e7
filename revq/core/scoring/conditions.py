"""Compiled conditions -> polars expressions.

Text comparisons ignore case and surrounding whitespace; a condition on a missing (null)
value is false, except `is_null`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import polars as pl

from revq.core.few_values import few, few_values
from revq.core.scoring.model import AllOf, Always, AnyOf, Compare, Condition, Not, Scalar


def _norm(expr: pl.Expr) -> pl.Expr:
    return expr.cast(pl.String).str.strip_chars().str.to_lowercase()


# Ops that compare a column as normalised text (any column for the string ops; a text column
# for the others, which compare other types as they are).
_STRING_OPS = frozenset({"contains", "starts_with", "ends_with", "domain_in"})
_TEXT_OPS = frozenset({"eq", "ne", "in", "not_in"})


def normalised_name(column: str) -> str:
    """The name of a column's normalised copy (see `with_normalised_texts`)."""
    return f"__norm__{column}"


def _compares(cond: Condition) -> list[Compare]:
    if isinstance(cond, Compare):
        return [cond]
    if isinstance(cond, AllOf | AnyOf):
        return [c for item in cond.items for c in _compares(item)]
    if isinstance(cond, Not):
        return _compares(cond.item)
    return []


def code_name(column: str) -> str:
    """The name of a column's codes (see `Codes`)."""
    return f"__code__{column}"


@dataclass(frozen=True)
class Codes:
    """Text columns of a held frame that hold few distinct values, with those values. A
    condition on such a column is evaluated once per distinct value, and each row looks its
    answer up by its value's code (the value's index among them), rather than normalising and
    comparing every row's text. The answers are the same by construction: a comparison reads
    one value alone. `with_normalised_texts` adds the codes; `condition_expr` reads them."""

    values: Mapping[str, pl.Series] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        frame: pl.DataFrame,
        columns: Iterable[str],
        known: Mapping[str, pl.Series] | None = None,
    ) -> Codes:
        """The codes of those of `columns` that are text holding few values (`few_values`).
        `known`: values found already for some columns (the load's, `LoadResult.values`), each
        the distinct values of its column or more: a code stands for a value whatever else the
        list holds, so no pass over those columns is needed."""
        wanted = sorted(c for c in set(columns) if frame.schema.get(c) == pl.String)
        given = {c: known[c] for c in wanted if known is not None and c in known}
        found = few_values(frame, [c for c in wanted if c not in given])
        found.update((c, v) for c, v in given.items() if few(v))
        return cls(dict(sorted(found.items())))

    def code(self, column: str) -> pl.Expr:
        """Each row's code: its value's index among the distinct values, and a null value the
        index after them."""
        values = self.values[column]
        # An enum of the values numbers them in their order, and a cast to it looks each row's
        # text up for less than replace_strict's join with them does.
        return (
            pl.col(column)
            .cast(pl.Enum(values))
            .to_physical()
            .cast(pl.UInt32)
            .fill_null(len(values))
        )

    def answers(self, column: str, expr: pl.Expr) -> pl.Series:
        """`expr`, an expression of `column` alone, for each distinct value and then for a
        null one: what rows look up by their codes."""
        values = self.values[column]
        null = pl.Series([None], dtype=pl.String)
        distinct = pl.DataFrame({column: pl.concat([values, null])})
        return distinct.select(expr).to_series()


NO_CODES = Codes()


def with_normalised_texts(
    frame: pl.LazyFrame, conditions: list[Condition], codes: Codes = NO_CODES
) -> tuple[pl.LazyFrame, list[str]]:
    """The frame with the codes of each column `codes` has, and a normalised copy (stripped,
    lower case) of each other text column the conditions compare; and the added columns'
    names (to drop once the conditions are evaluated).

    condition_expr reads a column's codes or copy where the frame has them: a column that
    several conditions compare is then normalised once, not once per condition (polars does
    not share the work between them). Worth it over many rows: events, whose rules mostly
    compare the same activity type and detail."""
    schema = frame.collect_schema()
    coded = sorted(c for c in codes.values if c in schema)
    columns = sorted(
        {
            c.column
            for cond in conditions
            for c in _compares(cond)
            if c.column in schema
            and c.column not in codes.values
            and (c.op in _STRING_OPS or (c.op in _TEXT_OPS and schema[c.column] == pl.String))
        }
    )
    copies = [normalised_name(c) for c in columns]
    added = [*copies, *(code_name(c) for c in coded)]
    return frame.with_columns(
        *(_norm(pl.col(c)).alias(n) for c, n in zip(columns, copies, strict=True)),
        *(codes.code(c).alias(code_name(c)) for c in coded),
    ), added


def _text(value: Scalar) -> str:
    return str(value).strip().lower()


def _scalar(v: Scalar | tuple[Scalar, ...] | None) -> Scalar:
    if v is None or isinstance(v, tuple):
        raise AssertionError(f"expected one value, got {v!r}")  # pragma: no cover - compiled
    return v


def _many(v: Scalar | tuple[Scalar, ...] | None) -> tuple[Scalar, ...]:
    if v is None:
        raise AssertionError("expected values")  # pragma: no cover - compiled
    return v if isinstance(v, tuple) else (v,)


def _number(col: pl.Expr, dtype: pl.DataType | None) -> pl.Expr:
    """Numeric comparisons work on unmapped text columns too ('5' > 3); text that is not a
    number compares as unknown, so the condition is false."""
    if dtype is not None and dtype.is_float():
        return col.fill_nan(None)  # NaN is unknown, not larger than every number
    if dtype is not None and (dtype.is_numeric() or dtype.is_temporal()):
        return col
    number = col.cast(pl.String).str.strip_chars().cast(pl.Float64, strict=False)
    return number.fill_nan(None)


def _compare(c: Compare, schema: pl.Schema) -> pl.Expr:
    col = pl.col(c.column)
    dtype = schema.get(c.column)
    is_text = dtype == pl.String
    copy = normalised_name(c.column)
    norm = pl.col(copy) if copy in schema else _norm(col)
    v = c.value
    match c.op:
        case "is_null":
            return col.is_null()
        case "not_null":
            return col.is_not_null()
        case "eq" | "ne":
            hit: pl.Expr = norm == _text(_scalar(v)) if is_text else col == _scalar(v)
            return hit if c.op == "eq" else ~hit
        case "in" | "not_in":
            values = _many(v)
            hit = norm.is_in([_text(x) for x in values]) if is_text else col.is_in(list(values))
            return hit if c.op == "in" else ~hit
        case "regex":
            return col.cast(pl.String).str.contains(f"(?i){v}")
        case "contains":
            return norm.str.contains(_text(_scalar(v)), literal=True)
        case "starts_with":
            return norm.str.starts_with(_text(_scalar(v)))
        case "ends_with":
            return norm.str.ends_with(_text(_scalar(v)))
        case "between":
            low, high = _many(v)
            return _number(col, dtype).is_between(low, high, closed="both")
        case "gt":
            return _number(col, dtype) > _scalar(v)
        case "gte":
            return _number(col, dtype) >= _scalar(v)
        case "lt":
            return _number(col, dtype) < _scalar(v)
        case "lte":
            return _number(col, dtype) <= _scalar(v)
        case "domain_in":
            values = _many(v)
            domain = norm.str.split("@").list.last()
            return domain.is_in([_text(x) for x in values])
    raise AssertionError(c.op)  # pragma: no cover


def condition_expr(cond: Condition, schema: pl.Schema, codes: Codes = NO_CODES) -> pl.Expr:
    """A boolean expression that is never null: unknown counts as false. A column whose codes
    the frame holds (`with_normalised_texts`) is compared by them."""
    if isinstance(cond, Always):
        return pl.lit(True)
    if isinstance(cond, Compare):
        if cond.column in codes.values and code_name(cond.column) in schema:
            value = pl.Schema({cond.column: pl.String()})
            answers = codes.answers(cond.column, _compare(cond, value).fill_null(False))
            return pl.lit(answers).gather(pl.col(code_name(cond.column)))
        return _compare(cond, schema).fill_null(False)
    if isinstance(cond, AllOf):
        return pl.all_horizontal(condition_expr(c, schema, codes) for c in cond.items)
    if isinstance(cond, AnyOf):
        return pl.any_horizontal(condition_expr(c, schema, codes) for c in cond.items)
    if isinstance(cond, Not):
        return ~condition_expr(cond.item, schema, codes)
    raise AssertionError(cond)  # pragma: no cover
