"""Typed columns no parser reads as they are (bytes, durations, times of day) written as text.

Parquet and JSON exports arrive with their types. Text, numbers, booleans, dates, timestamps
and categories are read as they are; the other types are made text first, so that a column of
them is checked like any text (a duration where a date is expected is a value that does not
parse, quarantined with its row) rather than stopping the load.
"""

from __future__ import annotations

import polars as pl
from polars.datatypes import DataTypeClass

# A type as a schema holds it, or (a list's inner type) as its class; polars' == compares either
# with a class.
AnyType = pl.DataType | DataTypeClass


def text_of(expr: pl.Expr, dtype: AnyType) -> pl.Expr | None:
    """`expr` as text when its type is one the parsers do not read; None when they do. Bytes
    are written in hex here (see `readable_columns` for bytes that are text)."""
    if dtype == pl.Duration:
        return expr.dt.to_string("iso")
    if dtype == pl.Time:
        return expr.dt.to_string("%H:%M:%S%.f")
    if dtype == pl.Null:
        return expr.cast(pl.String)
    if dtype == pl.Binary:
        return expr.bin.encode("hex")
    return None


def readable_columns(frame: pl.DataFrame, warnings: list[str]) -> pl.DataFrame:
    """The frame with every column of a type the parsers do not read as text. Bytes that are
    all UTF-8 (a writer that stores text untyped) are that text; others are written in hex,
    and said."""
    exprs: list[pl.Expr | pl.Series] = []
    for name, dtype in frame.schema.items():
        if dtype == pl.Binary:
            try:
                exprs.append(frame[name].cast(pl.String))
                continue
            except pl.exceptions.ComputeError:  # not UTF-8
                warnings.append(f"column {name!r} holds bytes that are not text: read as hex")
        text = text_of(pl.col(name), dtype)
        if text is not None:
            exprs.append(text.alias(name))
    return frame.with_columns(exprs) if exprs else frame
