"""The decision thresholds of a starter scoring config, set from the scores its points give the
team's own leads: a fixed 70 to route to sales means nothing on a scale the points were not
made for, and would put every lead in one stage."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

# The share of leads at or above each threshold it is set for (the nearest a score reaches).
SALES_READY = 0.2
NURTURE = 0.6
HIGH = 0.4  # fit_high and intent_high: the fit x intent matrix's "high"
GRADE_SHARES = (0.1, 0.3, 0.6)  # fit grades A, B, C (a grade no score separates is left out)


@dataclass(frozen=True)
class Cutoffs:
    """Thresholds for `decision` in a scoring config, whole points."""

    sales_ready: int
    nurture: int
    fit_high: int
    intent_high: int
    grades: tuple[tuple[str, int], ...]  # best first, each lower than the one before


def reaching(
    scores: pl.Series, share: float, *, below: int | None = None, floor: int | None = None
) -> int | None:
    """The score that the share of leads at or above it comes nearest `share` for (the higher
    score on a tie), among the scores under `below` and at least `floor`; None when none is."""
    n = scores.len()
    if n == 0:
        return None
    tail = (
        scores.rename("s")
        .value_counts(name="n")
        .sort("s", descending=True)
        .with_columns((pl.col("n").cum_sum() / n).alias("share"))
    )
    if below is not None:
        tail = tail.filter(pl.col("s") < below)
    if floor is not None:
        tail = tail.filter(pl.col("s") >= floor)
    if tail.height == 0:
        return None
    best = tail.with_columns((pl.col("share") - share).abs().alias("gap")).sort(
        ["gap", "s"], descending=[False, True]
    )
    return int(best["s"][0])


def set_cutoffs(fit: pl.Series, intent: pl.Series, total: pl.Series) -> Cutoffs:
    """Thresholds from the leads' scores: about a fifth of them sales-ready, three fifths at or
    above nurture, two fifths of fit and of intent "high"; fit grades A, B, C for about the top
    tenth, three tenths and six tenths. A score every lead shares is no threshold: the one
    above it (which no lead reaches) is taken. A lead no rule gave a point is never
    sales-ready, however few the leads are that have more."""
    top = int(total.max() or 0)  # type: ignore[arg-type]
    lowest = int(total.min() or 0)  # type: ignore[arg-type]
    sales_ready = reaching(total, SALES_READY, floor=max(lowest + 1, 1))
    sales_ready = top + 1 if sales_ready is None else sales_ready
    nurture = reaching(total, NURTURE, below=sales_ready)
    nurture = sales_ready if nurture is None else nurture
    fit_high = reaching(fit, HIGH, floor=1) or int(fit.max() or 0) + 1  # type: ignore[arg-type]
    intent_high = reaching(intent, HIGH, floor=1) or int(intent.max() or 0) + 1  # type: ignore[arg-type]
    cuts: list[int] = []
    for share in GRADE_SHARES:
        cut = reaching(fit, share, below=cuts[-1] if cuts else None, floor=1)
        if cut is not None:
            cuts.append(cut)
    grades = tuple(zip("ABC", cuts, strict=False))
    return Cutoffs(sales_ready, nurture, fit_high, intent_high, grades)
