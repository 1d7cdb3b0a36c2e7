"""Scored leads in a layout a CRM imports: chosen columns under its field names."""

from __future__ import annotations

import polars as pl


def export_rows(
    scored: pl.LazyFrame,
    columns: dict[str, str],
    stages: list[str] | None = None,
    values: dict[str, dict[str, str]] | None = None,
) -> tuple[pl.LazyFrame, list[str]]:
    """The rows (in scoring order, only `stages` when given) with `columns` (field name ->
    score column) renamed and `values` relabelled (score column -> revq value -> label); and
    the score columns these leads lack, which are written empty."""
    schema = scored.collect_schema()
    if stages is not None:
        scored = scored.filter(pl.col("stage").is_in(stages))
    missing = [c for c in dict.fromkeys(columns.values()) if c not in schema]

    def field(column: str) -> pl.Expr:
        if column not in schema:
            return pl.lit(None, dtype=pl.String)
        labels = (values or {}).get(column, {})
        if not labels:
            return pl.col(column)
        text = pl.col(column).cast(pl.String)  # labels are text, whatever the column holds
        expr = text
        # A chain of whens, not .replace: polars streams it into --out.
        for value, label in labels.items():
            expr = pl.when(text == value).then(pl.lit(label)).otherwise(expr)
        return expr

    return scored.select(field(c).alias(name) for name, c in columns.items()), missing
