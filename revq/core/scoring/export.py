"""Scored leads in a layout a CRM imports: chosen columns under its field names."""

from __future__ import annotations

import polars as pl


def export_rows(
    scored: pl.LazyFrame, columns: dict[str, str], stages: list[str] | None = None
) -> tuple[pl.LazyFrame, list[str]]:
    """The rows (in scoring order, only `stages` when given) with `columns` (field name ->
    score column) renamed; and the score columns these leads lack, which are written empty."""
    schema = scored.collect_schema()
    if stages is not None:
        scored = scored.filter(pl.col("stage").is_in(stages))
    missing = [c for c in dict.fromkeys(columns.values()) if c not in schema]
    return (
        scored.select(
            (pl.col(c) if c in schema else pl.lit(None, dtype=pl.String)).alias(field)
            for field, c in columns.items()
        ),
        missing,
    )
