"""Text as the polars engine sees it: what a column is as text, stripped and lowercased."""

from __future__ import annotations

from typing import Literal

import ibis
import ibis.expr.datatypes as dt
from ibis.expr import types as ir

from revq.engines.errors import NotCompiled
from revq.engines.unicode import (
    DOTTED_CAPITAL_I,
    DOTTED_CAPITAL_I_LOWER,
    WHITE_SPACE,
    class_items,
    merge_ranges,
    unstable_lower,
)

# How polars sees a column: `text` is a String column; a column absent from the frame polars
# looked at when it chose the operation is `unknown` (its value is compared as it is).
Kind = Literal["text", "int", "float", "bool", "time", "unknown", "other"]

_SPACE = "[" + class_items(merge_ranges({ord(c) for c in WHITE_SPACE})) + "]"
STRIP_PATTERN = f"^{_SPACE}+|{_SPACE}+\\z"


def kind_of(dtype: dt.DataType) -> Kind:
    if dtype.is_string():
        return "text"
    if dtype.is_boolean():
        return "bool"
    if dtype.is_integer():
        return "int"
    if dtype.is_floating() or dtype.is_decimal():
        return "float"
    if dtype.is_temporal():
        return "time"
    return "other"


def kinds_of(table: ir.Table) -> dict[str, Kind]:
    """Each column's kind, as polars would see the same frame."""
    return {name: kind_of(dtype) for name, dtype in table.schema().items()}


def as_text(value: ir.Value, kind: Kind, where: str, column: str) -> ir.StringValue:
    """The column cast to text as polars casts it (`cast(pl.String)`): integers and
    true/false are written alike everywhere; floats and times are not (polars writes 1e+16
    and 2026-01-01 05:06:07.000000+00:00, engines otherwise), so they are refused."""
    if kind in ("text", "unknown"):
        if not value.type().is_string():
            raise NotCompiled(where, f"column {column!r} is not text ({value.type()})")
        return value
    if kind in ("int", "bool"):
        return value.cast("string")
    raise NotCompiled(
        where,
        f"a text test on the {value.type()} column {column!r} (SQL engines write its values "
        "as text differently from polars)",
    )


def strip(value: ir.StringValue) -> ir.StringValue:
    """polars' `strip_chars()`: Unicode whitespace off both ends (SQL's TRIM takes spaces).
    The regex runs only on values that start or end with whitespace: most do not."""
    spaces = list(WHITE_SPACE)
    padded = value.substr(0, 1).isin(spaces) | value.right(1).isin(spaces)
    return ibis.ifelse(padded, value.re_replace(STRIP_PATTERN, ""), value)


def lower(value: ir.StringValue) -> ir.StringValue:
    """polars' `to_lowercase()`, capital I with dot above spelt out first (DuckDB would
    drop its dot; Rust and Java keep it as a combining character)."""
    return value.replace(DOTTED_CAPITAL_I, DOTTED_CAPITAL_I_LOWER).lower()


def normalise(value: ir.StringValue) -> ir.StringValue:
    """What text comparisons compare: stripped, then lowercased."""
    return lower(strip(value))


def literal_text(value: str | int | float | bool, where: str) -> str:
    """A config value as text comparisons see it (the polars engine's `_text`), refused when
    engines lowercase a character of it differently."""
    text = str(value).strip().lower()
    check_lowercase(text, where)
    return text


def check_lowercase(text: str, where: str) -> None:
    odd = unstable_lower(text)
    if odd is not None:
        raise NotCompiled(
            where,
            f"the value {text!r} holds {odd!r} (U+{ord(odd):04X}), which SQL engines lowercase "
            "differently from polars (a Greek final sigma, or a letter newer than their "
            "Unicode tables)",
        )


def null_text() -> ir.StringValue:
    return ibis.null("string")
