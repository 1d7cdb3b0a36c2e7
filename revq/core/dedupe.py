"""Deterministic merging of duplicate records."""

from __future__ import annotations

from typing import Literal

import polars as pl

from revq.core.schema import EMAIL_NORMALISED, LINE

Keep = Literal["latest_activity", "first_seen", "last_seen"]


def _recency_order(schema: pl.Schema, keep: Keep) -> tuple[list[pl.Expr], list[bool]]:
    """Sort keys that put the winning record of each group first."""
    if keep == "first_seen":
        return [pl.col(LINE)], [False]
    if keep == "last_seen":
        return [pl.col(LINE)], [True]
    keys = [pl.col(c) for c in ("last_activity_at", "created_at") if c in schema]
    return [*keys, pl.col(LINE)], [True] * (len(keys) + 1)


def _merge_on(lf: pl.LazyFrame, key: str, keep: Keep) -> pl.LazyFrame:
    schema = lf.collect_schema()
    by, descending = _recency_order(schema, keep)
    # Hashes are a cheap prefilter: a collision only sends a unique record through the merge,
    # which returns it unchanged.
    shared = pl.col(key).is_not_null() & pl.col(key).hash().is_duplicated()
    lf = lf.with_columns(shared.alias("_shared")).cache()
    # Only records that share a key need merging; the rest pass through untouched.
    single = lf.filter(~pl.col("_shared")).drop("_shared")
    ranked = (
        lf.filter(pl.col("_shared"))
        .drop("_shared")
        .sort(by, descending=descending, nulls_last=True)
    )
    # Winner first; every other column takes the first non-null value in that order, so a
    # field the winner lacks is filled from the next most recent duplicate.
    merged = ranked.group_by(key, maintain_order=True).agg(pl.exclude(key).drop_nulls().first())
    return pl.concat([single, merged.select(schema.names())]).sort(LINE)


def merge_duplicate_leads(lf: pl.LazyFrame, keep: Keep = "latest_activity") -> pl.LazyFrame:
    """Merge leads sharing a lead id, then leads sharing a normalised email.

    Ids are compared exactly: Salesforce 15-character ids differ only by case.
    """
    schema = lf.collect_schema()
    if "lead_id" in schema:
        lf = _merge_on(lf, "lead_id", keep)
    if EMAIL_NORMALISED in schema:
        lf = _merge_on(lf, EMAIL_NORMALISED, keep)
    return lf


def merged_into(before: pl.LazyFrame, after: pl.LazyFrame) -> pl.LazyFrame:
    """`lead_id -> merged_into` for each id the email merge removed: the id of the record kept
    for its email, so what other exports say of a duplicate (its activities) reaches it."""
    names = before.collect_schema().names()
    if "lead_id" not in names or EMAIL_NORMALISED not in names:
        return pl.LazyFrame(schema={"lead_id": pl.String, "merged_into": pl.String})
    kept = after.select(EMAIL_NORMALISED, pl.col("lead_id").alias("merged_into"))
    return (
        before.select("lead_id", EMAIL_NORMALISED)
        .join(after.select("lead_id"), on="lead_id", how="anti")
        .join(kept.drop_nulls(EMAIL_NORMALISED), on=EMAIL_NORMALISED, how="inner")
        .select(pl.col("lead_id").cast(pl.String), pl.col("merged_into").cast(pl.String))
        .unique("lead_id", keep="first")
        .sort("lead_id")
    )


def follow_merges(frame: pl.LazyFrame, merged: pl.LazyFrame) -> pl.LazyFrame:
    """`frame` (activities, say) with each merged-away lead id replaced by the id kept."""
    return (
        frame.join(merged, on="lead_id", how="left", maintain_order="left")
        .with_columns(pl.coalesce("merged_into", "lead_id").alias("lead_id"))
        .drop("merged_into")
    )
