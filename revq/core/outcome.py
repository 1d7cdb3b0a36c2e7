"""Whether a lead reached the outcome a team learns from or tests against, read from the column
that holds it whatever its type: one reading for `revq init`'s learned points and for
`revq backtest`, so that both count the same leads as converted."""

from __future__ import annotations

import polars as pl

from revq.core.parse import TRUE_TEXT, parse_boolean
from revq.core.scoring.model import Compare

REACHED_STAGES = ("sql", "opportunity", "won")
# Text that says yes for an outcome column of text.
YES = ("1", "true", "t", "yes", "y", "won", "closed won", "converted", "x")
# Every text `reached_expr` reads as yes: a yes of parse_boolean's, or one of YES it does
# not read as no.
_YES_TEXT = tuple(dict.fromkeys((*TRUE_TEXT, *YES)))


def reached_expr(schema: pl.Schema, column: str) -> pl.Expr:
    """The outcome as yes/no: a flag as it is, a date reached when filled, a number when above
    zero, a stage when it is SQL or further, text when it says yes. Empty is no."""
    dtype = schema[column]
    col = pl.col(column)
    if dtype == pl.Boolean:
        out = col
    elif dtype.is_temporal():
        out = col.is_not_null()
    elif dtype.is_float():
        out = col.fill_nan(None) > 0  # NaN compares above every number in polars: unknown
    elif dtype.is_numeric():
        out = col > 0
    elif column == "lifecycle_stage":
        out = col.cast(pl.String).str.to_lowercase().is_in(REACHED_STAGES)
    else:
        text = col.cast(pl.String).str.strip_chars().str.to_lowercase()
        out = parse_boolean(col).fill_null(text.is_in(YES))
    return out.fill_null(False)


def reached_condition(schema: pl.Schema, column: str) -> Compare:
    """`reached_expr` as a scoring condition (which compares text stripped, in lower case):
    what a config's gate writes to mark the leads that reached the outcome."""
    dtype = schema[column]
    if dtype == pl.Boolean:
        return Compare(column, "eq", True)
    if dtype.is_temporal():
        return Compare(column, "not_null")
    if dtype.is_numeric():
        return Compare(column, "gt", 0)
    if column == "lifecycle_stage":
        return Compare(column, "in", REACHED_STAGES)
    return Compare(column, "in", _YES_TEXT)
