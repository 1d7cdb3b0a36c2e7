"""Text columns that hold few distinct values (a picklist, an activity type, a page), and
those values. Over such a column a question is asked once per distinct value rather than
once per row: whether any value has whitespace around it (the loader), and what a condition
answers for each value (scoring's codes)."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

# A column holds few values when a sample of SAMPLE_ROWS rows spread over it holds at most
# SAMPLE_FEW, and all its rows at most MOST: not an id or an email, whose distinct values cost
# what reading each row does. The sample is spread, not the first rows, so that an export
# sorted by a column (a report grouped by activity type) does not make its other columns look
# few in the sample and send them through a pass for their values that finds too many.
SAMPLE_ROWS = 1 << 16
SAMPLE_FEW = 1 << 12
MOST = 1 << 16


def sampled_few(frame: pl.DataFrame, columns: Sequence[str]) -> list[str]:
    """Those of the String `columns` whose sample holds few distinct values: the ones worth
    a pass for their values (`distinct`)."""
    texts = [c for c in columns if frame.schema.get(c) == pl.String]
    if not texts:
        return []
    step = max(1, frame.height // SAMPLE_ROWS)
    sample = frame.select(pl.col(texts).gather_every(step).n_unique()).row(0)
    return [c for c, n in zip(texts, sample, strict=True) if n <= SAMPLE_FEW]


def distinct(frame: pl.DataFrame, column: str) -> pl.LazyFrame:
    """The plan of a column's distinct values, sorted, without the missing one."""
    return frame.lazy().select(pl.col(column).drop_nulls().unique().sort())


def few(values: pl.Series) -> bool:
    """Whether a column's distinct values are few enough to stand for it (and not none: a
    column of missing values alone has no value to ask about)."""
    return 0 < values.len() <= MOST


def few_values(frame: pl.DataFrame, columns: Sequence[str]) -> dict[str, pl.Series]:
    """The distinct values (sorted, no null) of each of `columns` that is text holding few,
    the columns' passes run together."""
    chosen = sampled_few(frame, sorted(set(columns)))
    found = pl.collect_all([distinct(frame, c) for c in chosen])
    return {c: f[c] for c, f in zip(chosen, found, strict=True) if few(f[c])}
