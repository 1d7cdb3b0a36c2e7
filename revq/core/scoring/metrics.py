"""The figures of a scoring run: what its summary prints and `revq score --fail-on` tests."""

from __future__ import annotations

import polars as pl

from revq.core.scoring.columns import STAGES
from revq.core.scoring.decide import SALES_STAGES


def lead_counts(scored: pl.LazyFrame | pl.DataFrame) -> pl.DataFrame:
    """Leads (`len`) per stage, quadrant, gate and whether they have an owner: everything the
    summary and the metrics read, so the leads themselves need not be held to count them."""
    owned = pl.col("owner").is_not_null().alias("owned")
    return scored.lazy().group_by("stage", "quadrant", "gate", owned).len().collect()


def scoring_metrics(
    counts: pl.DataFrame, rows_read: int, rows_rejected: int
) -> dict[str, float | None]:
    """Leads per stage; hand-offs (leads in a sales stage), with their share of the leads and
    how many have no owner; leads a gate stopped; rows the load quarantined. A share of
    nothing is None, which no --fail-on condition meets."""
    total = int(counts["len"].sum())

    def leads(condition: pl.Expr) -> int:
        return int(counts.filter(condition)["len"].sum())

    handoff = pl.col("stage").is_in(SALES_STAGES)
    handoffs = leads(handoff)
    gated = leads(pl.col("gate").is_not_null())
    return {
        "leads": total,
        **{stage: leads(pl.col("stage") == stage) for stage in STAGES},
        "handoffs": handoffs,
        "handoff_rate": handoffs / total if total else None,
        "unowned_handoffs": leads(handoff & ~pl.col("owned")),
        "gated": gated,
        "gated_rate": gated / total if total else None,
        "rows_rejected": rows_rejected,
        "rejected_rate": rows_rejected / rows_read if rows_read else None,
    }


METRICS = frozenset(
    scoring_metrics(
        pl.DataFrame(
            schema={"stage": pl.String, "gate": pl.String, "owned": pl.Boolean, "len": pl.UInt32}
        ),
        0,
        0,
    )
)
