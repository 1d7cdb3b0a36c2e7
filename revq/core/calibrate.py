"""Refit rule points to outcomes: a regularised logistic regression on the rules' points.

Each rule becomes one feature, its points divided by the largest points it gave any lead, so a
fixed-points rule is a 0/1 indicator (or 0/-1 for a negative rule) and a per-unit or lookup rule
keeps its gradation. A coefficient is then the log-odds of a rule at full strength; scaled so the
rules' total magnitude stays that of the current config, it becomes the rule's new full points.
The fitting is scikit-learn's (the optional `revq[calibrate]` extra), not hand-written.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from revq.core.backtest import OUTCOME


class MissingExtra(RuntimeError):
    """scikit-learn is not installed."""


@dataclass(frozen=True)
class Refit:
    rule: str
    full_points: float  # the largest points (signed) the rule gave a lead, as configured
    coefficient: float
    suggested_points: float  # the new full points, on the config's scale
    ratio: float  # suggested / current: what every number of the rule is multiplied by


def features(ledger: pl.DataFrame, lead_ids: pl.Series) -> tuple[pl.DataFrame, dict[str, float]]:
    """One row per lead (in `lead_ids` order), one column per rule: points / |full points|."""
    counted = (
        ledger.filter(~pl.col("rule").str.starts_with("cap:") & (pl.col("points") != 0))
        .group_by("lead_id", "rule")
        .agg(pl.col("points").sum())
    )
    full = counted.group_by("rule").agg(
        pl.col("points").abs().max().alias("size"), pl.col("points").mean().alias("mean")
    )
    scale = {
        r["rule"]: (r["size"] if r["mean"] >= 0 else -r["size"])
        for r in full.sort("rule").to_dicts()
    }
    wide = (
        counted.join(full.select("rule", "size"), on="rule")
        .with_columns((pl.col("points") / pl.col("size")).alias("x"))
        .pivot(on="rule", index="lead_id", values="x", sort_columns=True)
    )
    rules = sorted(scale)
    frame = (
        pl.DataFrame({"lead_id": lead_ids})
        .join(wide, on="lead_id", how="left", maintain_order="left")
        .select("lead_id", *[pl.col(r).fill_null(0.0) for r in rules])
    )
    return frame, scale


def split(lead_ids: pl.Series, outcome: pl.Series, holdout: float, seed: int) -> pl.Series:
    """True for the held-out leads: a stratified split by scikit-learn, seeded."""
    try:
        from sklearn.model_selection import train_test_split
    except ImportError as exc:
        raise MissingExtra("pip install 'revq[calibrate]'") from exc
    order = pl.DataFrame({"lead_id": lead_ids, OUTCOME: outcome}).sort("lead_id")
    _, test = train_test_split(
        order["lead_id"].to_list(),
        test_size=holdout,
        random_state=seed,
        stratify=order[OUTCOME].to_list(),
    )
    held = set(test)
    return lead_ids.is_in(list(held))


def fit(x: pl.DataFrame, y: pl.Series, scale: dict[str, float], c: float = 1.0) -> list[Refit]:
    """L2-regularised logistic regression on the rule features; new full points per rule."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise MissingExtra("pip install 'revq[calibrate]'") from exc
    rules = [c_ for c_ in x.columns if c_ != "lead_id"]
    model = LogisticRegression(C=c, max_iter=1000)
    model.fit(x.select(rules).to_numpy(), y.cast(pl.Int8).to_numpy())
    coefficients = [float(b) for b in model.coef_[0]]
    budget = sum(abs(scale[r]) for r in rules)
    spent = sum(abs(b) for b in coefficients) or 1.0
    k = budget / spent
    return [
        Refit(
            rule=r,
            full_points=scale[r],
            coefficient=round(b, 4),
            suggested_points=round(k * b * (1 if scale[r] >= 0 else -1), 2),
            ratio=round(k * b / abs(scale[r]), 4),
        )
        for r, b in zip(rules, coefficients, strict=True)
    ]
