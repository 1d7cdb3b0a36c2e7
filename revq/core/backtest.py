"""Backtest a scoring model against outcomes: deciles, cells, AUC, thresholds, calibration,
a threshold sweep against sales capacity, and per-rule evidence.

Every function takes a frame of scored leads with a boolean `outcome` column and is pure.
"""

from __future__ import annotations

import itertools
import math

import polars as pl

OUTCOME = "outcome"
# Rates and shares keep six decimals: rounded to four, a rate such as 0.465496 became 0.4655
# and then read 46.6% where it is 46.5% (rounded twice).
RATE_DIGITS = 6


def _rate(k: pl.Expr, n: pl.Expr) -> pl.Expr:
    return pl.when(n > 0).then(k / n).otherwise(None).round(RATE_DIGITS)


def base_rate(scored: pl.DataFrame) -> float | None:
    n = scored.height
    return None if n == 0 else round(int(scored[OUTCOME].sum()) / n, RATE_DIGITS)


def ntile(rank: pl.Expr, buckets: int) -> pl.Expr:
    """SQL's NTILE over 1-based ranks: `buckets` groups whose sizes differ by at most one, the
    larger groups first."""
    n = pl.len()
    size = n // buckets
    extra = n % buckets
    big = extra * (size + 1)
    return (
        pl.when(rank <= big)
        .then((rank - 1) // (size + 1) + 1)
        .otherwise(extra + (rank - 1 - big) // pl.max_horizontal(size, 1) + 1)
        .cast(pl.Int64)
    )


def deciles(scored: pl.DataFrame, buckets: int = 10) -> pl.DataFrame:
    """Conversion by score decile (1 = highest scores; ties broken by lead id), with lift over
    the base rate and the cumulative share of all conversions captured from the top down."""
    base = base_rate(scored) or 0.0
    total = max(int(scored[OUTCOME].sum()), 1)
    return (
        scored.sort(["total_score", "lead_id"], descending=[True, False])
        .with_row_index("_rank", offset=1)
        .with_columns(ntile(pl.col("_rank").cast(pl.Int64), buckets).alias("decile"))
        .group_by("decile")
        .agg(
            pl.len().alias("leads"),
            pl.col(OUTCOME).sum().alias("conversions"),
            pl.col("total_score").min().alias("min_score"),
            pl.col("total_score").max().alias("max_score"),
        )
        .sort("decile")
        .with_columns(_rate(pl.col("conversions"), pl.col("leads")).alias("rate"))
        .with_columns(
            (pl.col("rate") / base).round(2).alias("lift") if base else pl.lit(None).alias("lift"),
            (pl.col("conversions").cum_sum() / total)
            .round(RATE_DIGITS)
            .alias("cumulative_capture"),
        )
    )


def by_cell(scored: pl.DataFrame, column: str = "quadrant") -> pl.DataFrame:
    """Conversion by fit x intent cell (or any column), with lift over the base rate."""
    base = base_rate(scored) or 0.0
    return (
        scored.group_by(pl.col(column).fill_null("(none)"))
        .agg(pl.len().alias("leads"), pl.col(OUTCOME).sum().alias("conversions"))
        .with_columns(_rate(pl.col("conversions"), pl.col("leads")).alias("rate"))
        .with_columns(
            (pl.col("rate") / base).round(2).alias("lift") if base else pl.lit(None).alias("lift")
        )
        .sort(["rate", column], descending=[True, False], nulls_last=True)
    )


def auc(scored: pl.DataFrame, score: str = "total_score") -> float | None:
    """ROC AUC by the Mann-Whitney U statistic, ties counting one half."""
    positives = int(scored[OUTCOME].sum())
    negatives = scored.height - positives
    if positives == 0 or negatives == 0:
        return None
    ranks = scored.select(
        pl.col(score).rank("average").filter(pl.col(OUTCOME)).sum().alias("r")
    ).item()
    u = float(ranks) - positives * (positives + 1) / 2
    return round(u / (positives * negatives), 4)


def capture(scored: pl.DataFrame, stage: str) -> pl.DataFrame:
    """Precision and recall of the leads in `stage` (their outcome in OUTCOME)."""
    total = int(scored[OUTCOME].sum())
    flagged = scored.filter(pl.col("stage") == stage)
    hits = int(flagged[OUTCOME].sum())
    return pl.DataFrame(
        {
            "threshold": [stage],
            "flagged": [flagged.height],
            "conversions": [hits],
            "precision": [round(hits / flagged.height, RATE_DIGITS) if flagged.height else None],
            "recall": [round(hits / total, RATE_DIGITS) if total else None],
        },
        schema={
            "threshold": pl.String,
            "flagged": pl.Int64,
            "conversions": pl.Int64,
            "precision": pl.Float64,
            "recall": pl.Float64,
        },
    )


def at_thresholds(scored: pl.DataFrame, thresholds: dict[str, float]) -> pl.DataFrame:
    """Precision and recall of 'score >= threshold' for each named threshold."""
    total = int(scored[OUTCOME].sum())
    rows = []
    for name, cut in thresholds.items():
        flagged = scored.filter(pl.col("total_score") >= cut)
        hits = int(flagged[OUTCOME].sum())
        rows.append(
            {
                "threshold": name,
                "score": cut,
                "flagged": flagged.height,
                "conversions": hits,
                "precision": round(hits / flagged.height, RATE_DIGITS) if flagged.height else None,
                "recall": round(hits / total, RATE_DIGITS) if total else None,
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "threshold": pl.String,
            "score": pl.Float64,
            "flagged": pl.Int64,
            "conversions": pl.Int64,
            "precision": pl.Float64,
            "recall": pl.Float64,
        },
    )


def score_span(low: float, high: float) -> str:
    """'20-30', and '-4 to -1' where a bound is negative: '-4--1' reads as a typo."""
    if low < 0 or high < 0:
        return f"{low:g} to {high:g}"
    return f"{low:g}-{high:g}"


def calibration(scored: pl.DataFrame, cuts: list[float]) -> pl.DataFrame:
    """Observed conversion by score band, lowest band first, and whether each band converts
    at least as well as the one below it (a calibrated score is monotonic)."""
    edges = sorted(cuts)
    labels = [f"< {edges[0]:g}"]
    labels += [score_span(lo, hi) for lo, hi in itertools.pairwise(edges)]
    labels.append(f">= {edges[-1]:g}")
    band: pl.Expr = pl.lit(0)
    for i, edge in enumerate(edges, start=1):
        band = pl.when(pl.col("total_score") >= edge).then(pl.lit(i)).otherwise(band)
    frame = (
        scored.group_by(band.alias("_band"))
        .agg(pl.len().alias("leads"), pl.col(OUTCOME).sum().alias("conversions"))
        .sort("_band")
        .with_columns(_rate(pl.col("conversions"), pl.col("leads")).alias("rate"))
    )
    return frame.with_columns(
        pl.col("_band")
        .replace_strict(dict(enumerate(labels)), return_dtype=pl.String)
        .alias("band"),
        (pl.col("rate") >= pl.col("rate").shift(1)).fill_null(True).alias("monotonic"),
    ).select("band", "leads", "conversions", "rate", "monotonic")


def sweep(scored: pl.DataFrame, weeks: float | None, step: float = 5.0) -> pl.DataFrame:
    """For each threshold (every `step` points): leads routed (per week when the span of
    decision times is known), conversions among them, precision, and the share of all
    conversions captured."""
    if scored.height == 0:
        return pl.DataFrame()
    low = math.floor(float(scored["total_score"].min()) / step) * step  # type: ignore[arg-type]
    high = math.ceil(float(scored["total_score"].max()) / step) * step  # type: ignore[arg-type]
    cuts = pl.DataFrame(
        {"threshold": [low + i * step for i in range(int((high - low) / step) + 1)]}
    )
    total = max(int(scored[OUTCOME].sum()), 1)
    per_week = 1.0 / weeks if weeks else None
    rows = (
        cuts.join(scored.select("total_score", OUTCOME), how="cross")
        .filter(pl.col("total_score") >= pl.col("threshold"))
        .group_by("threshold")
        .agg(pl.len().alias("routed"), pl.col(OUTCOME).sum().alias("conversions"))
    )
    out = (
        cuts.join(rows, on="threshold", how="left")
        .with_columns(pl.col("routed", "conversions").fill_null(0))
        .sort("threshold")
        .with_columns(
            _rate(pl.col("conversions"), pl.col("routed")).alias("precision"),
            (pl.col("conversions") / total).round(RATE_DIGITS).alias("capture"),
        )
    )
    if per_week is not None:
        out = out.with_columns(
            (pl.col("routed") * per_week).round(1).alias("routed_per_week"),
            (pl.col("conversions") * per_week).round(2).alias("conversions_per_week"),
        )
    return out


def recommend(swept: pl.DataFrame, capacity: float, per_week: bool) -> dict[str, object] | None:
    """The lowest threshold whose routed volume fits the capacity: the most conversions sales
    can work."""
    column = "routed_per_week" if per_week else "routed"
    if column not in swept.columns:
        return None
    fits = swept.filter(pl.col(column) <= capacity)
    return fits.row(0, named=True) if fits.height else None


def rule_evidence(fired: pl.DataFrame, scored: pl.DataFrame, min_leads: int = 30) -> pl.DataFrame:
    """Per rule: how often it fired, the conversion rate with and without it, and a flag when
    its points point the wrong way (positive points, lower conversion; or negative points,
    higher conversion) on at least `min_leads` leads each side."""
    n = scored.height
    outcomes = scored.select("lead_id", OUTCOME)
    total_hits = int(scored[OUTCOME].sum())
    per_rule = (
        fired.filter((pl.col("points") != 0) & ~pl.col("rule").str.starts_with("cap:"))
        .group_by("lead_id", "rule")
        .agg(pl.col("points").sum())
        .join(outcomes, on="lead_id", how="inner")
        .group_by("rule")
        .agg(
            pl.len().alias("fired"),
            pl.col(OUTCOME).sum().alias("conversions_with"),
            pl.col("points").mean().round(2).alias("mean_points"),
        )
    )
    return (
        per_rule.with_columns(
            (pl.lit(n) - pl.col("fired")).alias("not_fired"),
            (pl.lit(total_hits) - pl.col("conversions_with")).alias("conversions_without"),
        )
        .with_columns(
            (pl.col("fired") / n).round(RATE_DIGITS).alias("fire_rate"),
            _rate(pl.col("conversions_with"), pl.col("fired")).alias("rate_with"),
            _rate(pl.col("conversions_without"), pl.col("not_fired")).alias("rate_without"),
        )
        .with_columns(
            (
                (pl.col("fired") >= min_leads)
                & (pl.col("not_fired") >= min_leads)
                & (
                    ((pl.col("mean_points") > 0) & (pl.col("rate_with") < pl.col("rate_without")))
                    | ((pl.col("mean_points") < 0) & (pl.col("rate_with") > pl.col("rate_without")))
                )
            ).alias("wrong_way")
        )
        .select(
            "rule",
            "fired",
            "fire_rate",
            "mean_points",
            "rate_with",
            "rate_without",
            "wrong_way",
        )
        .sort(["fired", "rule"], descending=[True, False])
    )
