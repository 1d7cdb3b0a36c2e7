"""The impact of a scoring config change: two scorings of the same leads, side by side."""

from __future__ import annotations

from typing import Any

import polars as pl

QUEUE_STAGES = ("sales_ready", "signal_qualified")
KEEP = ("lead_id", "total_score", "stage", "quadrant", "owner")


def pair(old: pl.DataFrame, new: pl.DataFrame) -> pl.DataFrame:
    """One row per lead with old_* and new_* score, stage, quadrant and owner."""
    cols = [c for c in KEEP if c in old.columns and c in new.columns]
    rename = {c: f"old_{c}" for c in cols if c != "lead_id"}
    return (
        old.select(cols)
        .rename(rename)
        .join(
            new.select(cols).rename({c: f"new_{c}" for c in cols if c != "lead_id"}),
            on="lead_id",
            how="inner",
        )
    )


def transitions(paired: pl.DataFrame, column: str) -> pl.DataFrame:
    return (
        paired.group_by(pl.col(f"old_{column}").alias("old"), pl.col(f"new_{column}").alias("new"))
        .agg(pl.len().alias("leads"))
        .sort(["old", "new"])
    )


def owner_queues(paired: pl.DataFrame) -> pl.DataFrame:
    """Leads each owner would have to work (sales-ready or signal-qualified), before and after."""
    old = pl.col("old_stage").is_in(QUEUE_STAGES)
    new = pl.col("new_stage").is_in(QUEUE_STAGES)
    long = pl.concat(
        [
            paired.filter(old).select(
                pl.col("old_owner").alias("owner"), pl.lit("old").alias("side")
            ),
            paired.filter(new).select(
                pl.col("new_owner").alias("owner"), pl.lit("new").alias("side")
            ),
        ]
    )
    return (
        long.with_columns(pl.col("owner").fill_null("(unassigned)"))
        .group_by("owner")
        .agg(
            (pl.col("side") == "old").sum().cast(pl.Int64).alias("old"),
            (pl.col("side") == "new").sum().cast(pl.Int64).alias("new"),
        )
        .with_columns((pl.col("new") - pl.col("old")).alias("change"))
        .sort(["change", "owner"], descending=[False, False])
    )


def summary(paired: pl.DataFrame) -> dict[str, Any]:
    n = paired.height
    stage = int((paired["old_stage"] != paired["new_stage"]).sum())
    quadrant = int((paired["old_quadrant"] != paired["new_quadrant"]).sum())
    was = paired["old_stage"] == "sales_ready"
    now = paired["new_stage"] == "sales_ready"
    return {
        "leads": n,
        "changed_stage": stage,
        "changed_stage_share": round(stage / n, 4) if n else 0.0,
        "changed_quadrant": quadrant,
        "changed_quadrant_share": round(quadrant / n, 4) if n else 0.0,
        "gained_sales_ready": int((now & ~was).sum()),
        "lost_sales_ready": int((was & ~now).sum()),
    }


def sales_ready_moves(paired: pl.DataFrame, gained: bool) -> pl.DataFrame:
    was = pl.col("old_stage") == "sales_ready"
    now = pl.col("new_stage") == "sales_ready"
    moved = paired.filter(now & ~was) if gained else paired.filter(was & ~now)
    return moved.sort(["new_total_score", "lead_id"], descending=[True, False]).select(
        "lead_id",
        pl.col("old_stage"),
        pl.col("new_stage"),
        pl.col("old_total_score").alias("old_score"),
        pl.col("new_total_score").alias("new_score"),
    )
