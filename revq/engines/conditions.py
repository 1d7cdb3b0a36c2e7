"""Compiled conditions -> Ibis booleans, meaning what revq.core.scoring.conditions means.

Text comparisons ignore case and surrounding whitespace; a condition on a missing (null)
value is false, except `is_null`; numeric tests read numbers out of text columns; a regex
searches the value. The column's kind is the one polars saw when it built the expression
(`kinds`): a column absent from it is compared as it is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import ibis
from ibis.expr import types as ir

from revq.core.scoring.model import AllOf, Always, AnyOf, Compare, Condition, Not, Scalar
from revq.engines.errors import NotCompiled
from revq.engines.numbers import is_missing, is_present, lit, nan_to_null, null_float
from revq.engines.regex import search_pattern
from revq.engines.text import Kind, as_text, literal_text, lower, normalise, strip

# What polars' cast from text to a float reads (DuckDB and Spark also read '1_000', ' 1').
NUMBER_PATTERN = (
    r"^[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
    r"|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[nN][aA][nN])\z"
)


@dataclass(frozen=True)
class Scope:
    """How polars saw the frame a condition is compiled against: each column's kind (a
    column absent is compared as it is), the columns already normalised for text
    comparisons (column -> the column holding it stripped and lowercased), and the text
    columns with no white space at either end (as revq's loaders leave them), which need
    lowercasing alone."""

    kinds: Mapping[str, Kind]
    normalised: Mapping[str, str] = field(default_factory=dict)
    stripped: frozenset[str] = frozenset()

    def kind(self, name: str) -> Kind:
        return self.kinds.get(name, "unknown")


def normalised_text(table: ir.Table, scope: Scope, name: str, where: str) -> ir.StringValue:
    """The column as text comparisons compare it."""
    held = scope.normalised.get(name)
    if held is not None and held in table.columns:
        return table[held]
    return normalise(as_text(column(table, name, where), scope.kind(name), where, name))


def column(table: ir.Table, name: str, where: str) -> ir.Value:
    if name not in table.columns:
        raise NotCompiled(where, f"unknown column {name!r}")
    return table[name]


def text_number(text: ir.StringValue) -> ir.FloatingValue:
    """polars' `cast(pl.Float64, strict=False)` of text: null unless it is a number polars
    reads."""
    return ibis.ifelse(text.re_search(NUMBER_PATTERN), text.try_cast("float64"), null_float())


def number(value: ir.Value, kind: Kind, where: str, name: str) -> ir.FloatingValue:
    """The value as a number for gt/between tests, as the polars engine's `_number`."""
    if kind == "float":
        return nan_to_null(value)
    if kind == "int":
        return value
    if kind == "time":
        raise NotCompiled(where, f"a number test on the time column {name!r}")
    if kind == "bool":
        return null_float()  # polars reads 'true' as no number
    return nan_to_null(text_number(strip(as_text(value, kind, where, name))))


def _scalar(v: Scalar | tuple[Scalar, ...] | None) -> Scalar:
    assert v is not None and not isinstance(v, tuple)
    return v


def _many(v: Scalar | tuple[Scalar, ...] | None) -> tuple[Scalar, ...]:
    assert v is not None
    return v if isinstance(v, tuple) else (v,)


def _is_number(v: Scalar) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _finite(v: Scalar, where: str) -> float:
    if not _is_number(v) or not math.isfinite(float(v)):
        raise NotCompiled(where, f"the value {v!r} is not a finite number")
    return float(v)


def _plain(c: Compare, value: ir.Value, kind: Kind, where: str) -> tuple[Scalar, ...]:
    """The values a non-text column is compared with as they are (eq, in): numbers with a
    number column, true/false with a true/false column; what polars refuses is refused."""
    values = _many(c.value)
    if kind == "unknown":
        return values
    if kind in ("int", "float") and all(_is_number(v) for v in values):
        for v in values:
            _finite(v, where)
        if kind == "int" and c.op in ("in", "not_in") and any(v != int(v) for v in values):
            raise NotCompiled(where, f"{c.column!r} holds whole numbers; {values!r} does not")
        return values
    if kind == "bool" and all(isinstance(v, bool) for v in values):
        return values
    raise NotCompiled(where, f"{c.op} on the {value.type()} column {c.column!r} with {values!r}")


def _compare(c: Compare, table: ir.Table, scope: Scope, where: str) -> ir.Value:
    value = column(table, c.column, where)
    kind = scope.kind(c.column)
    is_text = kind == "text"
    match c.op:
        case "is_null":
            return is_missing(value)
        case "not_null":
            return is_present(value)
        case "eq" | "ne":
            if is_text:
                text = normalised_text(table, scope, c.column, where)
                hit = text == literal_text(_scalar(c.value), where)
            else:
                hit = value == _plain(c, value, kind, where)[0]
            return hit if c.op == "eq" else ~hit
        case "in" | "not_in":
            if is_text:
                text = normalised_text(table, scope, c.column, where)
                hit = text.isin([literal_text(x, where) for x in _many(c.value)])
            else:
                hit = value.isin(list(_plain(c, value, kind, where)))
            return hit if c.op == "in" else ~hit
        case "regex":
            pattern = search_pattern(str(c.value), where)
            return as_text(value, kind, where, c.column).re_search(pattern)
        case "contains" | "starts_with" | "ends_with":
            text = normalised_text(table, scope, c.column, where)
            needle = literal_text(_scalar(c.value), where)
            if c.op == "contains":
                return text.contains(needle)
            return text.startswith(needle) if c.op == "starts_with" else text.endswith(needle)
        case "between":
            low, high = (_finite(x, where) for x in _many(c.value))
            n = number(value, kind, where, c.column)
            return (n >= lit(low)) & (n <= lit(high))
        case "gt" | "gte" | "lt" | "lte":
            n = number(value, kind, where, c.column)
            bound = lit(_finite(_scalar(c.value), where))
            return {"gt": n > bound, "gte": n >= bound, "lt": n < bound, "lte": n <= bound}[c.op]
        case "domain_in":
            text = normalised_text(table, scope, c.column, where)
            domain = text.re_extract(r"([^@]*)\z", 1)  # after the last @, or all of it
            return domain.isin([literal_text(x, where) for x in _many(c.value)])
    raise AssertionError(c.op)  # pragma: no cover


def condition(cond: Condition, table: ir.Table, scope: Scope, where: str) -> ir.BooleanValue:
    """A boolean that is never null: unknown counts as false."""
    if isinstance(cond, Always):
        return ibis.literal(True)
    if isinstance(cond, Compare):
        return _compare(cond, table, scope, where).fill_null(False)
    if isinstance(cond, AllOf | AnyOf):
        parts = [condition(c, table, scope, where) for c in cond.items]
        if not parts:
            return ibis.literal(isinstance(cond, AllOf))
        out = parts[0]
        for part in parts[1:]:
            out = (out & part) if isinstance(cond, AllOf) else (out | part)
        return out
    if isinstance(cond, Not):
        return ~condition(cond.item, table, scope, where)
    raise AssertionError(cond)  # pragma: no cover


TEXT_OPS = frozenset({"eq", "ne", "in", "not_in", "contains", "starts_with", "ends_with"})


def text_compared(cond: Condition) -> set[str]:
    """The columns a condition compares as normalised text (a text column's eq, in...)."""
    if isinstance(cond, Compare):
        return {cond.column} if cond.op in TEXT_OPS | {"domain_in"} else set()
    if isinstance(cond, AllOf | AnyOf):
        return set().union(*(text_compared(c) for c in cond.items))
    if isinstance(cond, Not):
        return text_compared(cond.item)
    return set()


def normalise_columns(
    table: ir.Table, scope: Scope, names: set[str], prefix: str
) -> tuple[ir.Table, Scope]:
    """Add each named text column normalised once (`prefix` + name), for the comparisons
    that read it; the scope records where."""
    chosen = sorted(n for n in names if scope.kind(n) == "text" and n in table.columns)
    held = {n: f"{prefix}{n}" for n in chosen}
    if not held:
        return table, scope
    table = table.mutate(
        **{held[n]: lower(table[n]) if n in scope.stripped else normalise(table[n]) for n in chosen}
    )
    return table, Scope(scope.kinds, {**scope.normalised, **held}, scope.stripped)
