"""Per-column profile of a loaded table: type, nulls, distinct values, examples."""

from __future__ import annotations

import polars as pl

from revq.core.parse import parse_boolean, parse_datetime, parse_number
from revq.core.schema import LINE

_TYPE_NAMES = {
    pl.String: "text",
    pl.Int64: "integer",
    pl.Float64: "number",
    pl.Boolean: "boolean",
}


def _type_name(dtype: pl.DataType) -> str:
    if dtype.is_temporal():
        return "datetime"
    for known, name in _TYPE_NAMES.items():
        if dtype == known:
            return name
    return str(dtype)


# A type is tried on this many distinct values first: one that fails there fails on all of
# them, and most text columns (names, emails) fail every type at once.
_SAMPLE = 1000


def infer_text_type(values: pl.Series) -> str:
    """What an unmapped text column holds, judged by whether every value parses."""
    present = values.drop_nulls()
    present = present.filter(present.str.strip_chars() != "").unique()
    if present.len() == 0:
        return "empty"
    checks = {
        "boolean": parse_boolean(pl.col("v")),
        "number": parse_number(pl.col("v")),
        "datetime (day-first)": parse_datetime(pl.col("v"), "dmy", "UTC"),
        "datetime": parse_datetime(pl.col("v"), "mdy", "UTC"),
    }
    sample = present.head(_SAMPLE).to_frame("v")
    for name, check in checks.items():
        if not _all_parse(sample, check) or not _all_parse(present.to_frame("v"), check):
            continue
        if name == "number" and bool(present.str.contains(r"^-?\d+$").all()):
            return "integer"
        return name
    return "text"


def _all_parse(frame: pl.DataFrame, parsed: pl.Expr) -> bool:
    return bool(frame.select(parsed.is_not_null().all()).item())


def common_values(values: pl.Series, k: int) -> list[str]:
    """A column's `k` most common values, the most common first, equal counts in value order:
    what the column holds, whatever order the export's rows are in (the first values seen
    would change with it), a placeholder such as --None-- among them when it is common."""
    counts = values.rename("v").drop_nulls().value_counts(name="n")
    top = counts.top_k(k, by=["n", "v"], reverse=[False, True])
    return top.sort(["n", "v"], descending=[True, False])["v"].to_list()


def profile_columns(frame: pl.DataFrame, examples: int = 3) -> pl.DataFrame:
    """One row per column (LINE excluded): column, type, non_null, nulls, distinct, examples."""
    cols = [c for c in frame.columns if c != LINE]
    rows = []
    for name in cols:  # a loop over columns, not rows
        s = frame[name]
        kind = _type_name(s.dtype)
        if kind == "text":
            kind = infer_text_type(s) if s.null_count() < s.len() else "empty"
            kind = kind if kind != "text" else "text"
        if isinstance(s.dtype, pl.Datetime):  # ISO 8601, short enough to show whole
            text = s.dt.convert_time_zone("UTC") if s.dtype.time_zone else s
            as_text = text.dt.strftime("%Y-%m-%dT%H:%M:%S") + ("Z" if s.dtype.time_zone else "")
        else:
            as_text = s.cast(pl.String)
        rows.append(
            {
                "column": name,
                "type": kind,
                "non_null": s.len() - s.null_count(),
                "nulls": s.null_count(),
                "distinct": s.n_unique(),
                "examples": common_values(as_text, examples),
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "column": pl.String,
            "type": pl.String,
            "non_null": pl.Int64,
            "nulls": pl.Int64,
            "distinct": pl.Int64,
            "examples": pl.List(pl.String),
        },
    )
