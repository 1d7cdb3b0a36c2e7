"""What changed between two runs of the same output: the rows a CRM sync needs to push.

A row of the new output is pushed when its key is new, or when any column both outputs hold
differs (a value that appeared or went away counts). Values are compared as text, so a CSV
written yesterday compares exactly with one written today."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

_OLD = "__old"


@dataclass(frozen=True)
class Changes:
    """The new output's rows to push (in its order), and how many rows fell where."""

    rows: pl.DataFrame
    new: int
    changed: int
    unchanged: int
    gone: int  # keys of the old output the new one no longer has
    by_column: dict[str, int]  # among rows in both, how many differ in each column compared


def changed_rows(
    old: pl.DataFrame, new: pl.DataFrame, key: str, columns: list[str] | None = None
) -> Changes:
    """The rows of `new` whose `key` is not in `old`, or whose `columns` (default: every
    column both hold) differ."""
    wanted = columns if columns is not None else new.columns
    shared = [c for c in wanted if c in old.columns and c in new.columns and c != key]
    as_text = [pl.col(c).cast(pl.String) for c in shared]
    previous = old.select(
        pl.col(key).cast(pl.String).alias("__key"),
        pl.lit(True).alias(_OLD),
        *(e.alias(f"{_OLD}{i}") for i, e in enumerate(as_text)),
    )
    joined = (
        new.with_row_index("__row")
        .with_columns(pl.col(key).cast(pl.String).alias("__key"))
        .join(previous, on="__key", how="left")
    )
    each = [e.ne_missing(pl.col(f"{_OLD}{i}")) for i, e in enumerate(as_text)]
    differs = pl.any_horizontal(pl.lit(False), *each)
    is_new = pl.col(_OLD).is_null()
    counts = joined.filter(~is_new).select(
        *(d.sum().alias(c) for d, c in zip(each, shared, strict=True))
    )
    by_column = {c: int(counts[c][0]) for c in shared} if shared else {}
    flagged = joined.with_columns(is_new.alias("__new"), (~is_new & differs).alias("__changed"))
    push = flagged.filter(pl.col("__new") | pl.col("__changed")).sort("__row")
    new_count = int(flagged["__new"].sum())
    changed = int(flagged["__changed"].sum())
    keys = [pl.col(key).cast(pl.String)]
    gone = old.select(keys).join(new.select(keys), on=key, how="anti").height
    return Changes(
        rows=push.select(new.columns),
        new=new_count,
        changed=changed,
        unchanged=new.height - new_count - changed,
        gone=gone,
        by_column=by_column,
    )
