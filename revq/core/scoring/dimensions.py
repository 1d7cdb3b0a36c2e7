"""Cuts derived from a scoring output, shared by the audit and the funnel: the score band and
the type of the signal that made a lead timely."""

from __future__ import annotations

import polars as pl

# (lowest total, label), highest band first.
SCORE_BANDS = [(70.0, "70+"), (40.0, "40-70"), (20.0, "20-40"), (0.0, "0-20")]


def score_band() -> pl.Expr:
    band: pl.Expr = pl.lit("<0")
    for cut, label in reversed(SCORE_BANDS):
        band = pl.when(pl.col("total_score") >= cut).then(pl.lit(label)).otherwise(band)
    return pl.when(pl.col("total_score").is_not_null()).then(band).alias("score_band")


def signal_type() -> pl.Expr:
    """'funding on 2026-10-02 (Series B)' -> 'funding'; a behaviour or nothing -> '(none)'."""
    return (pl.col("why_now").str.extract(r"^([a-z_]+) on \d{4}-", 1).fill_null("(none)")).alias(
        "signal_type"
    )


def with_dimensions(scored: pl.DataFrame) -> pl.DataFrame:
    """score_band and signal_type added where the columns they come from exist."""
    extra = []
    if "total_score" in scored.columns:
        extra.append(score_band())
    if "why_now" in scored.columns:
        extra.append(signal_type())
    return scored.with_columns(extra) if extra else scored
