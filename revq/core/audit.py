"""The rejection audit: what sales did with the leads marketing handed over, and why.

Pure functions over polars frames. A disposition is decided when it is accepted, converted,
rejected or recycled; rates are over decided dispositions. Counts are exact; the only
statistics are Wilson score intervals, used to flag groups whose rejection rate is higher than
the rest's by more than chance allows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import polars as pl

from revq.core.texts import joined

DECIDED = ("accepted", "converted", "rejected", "recycled")
ACCEPTED = ("accepted", "converted")
MISSING = "(missing)"
UNMAPPED = "(unmapped)"
Z95 = 1.959963984540054


@dataclass(frozen=True)
class Code:
    name: str
    klass: str  # disqualify | recycle
    recheck_days: int | None
    labels: tuple[str, ...]
    patterns: tuple[str, ...]


def _norm(expr: pl.Expr) -> pl.Expr:
    return expr.cast(pl.String).str.strip_chars().str.to_lowercase().str.replace_all(r"\s+", " ")


def classify_reasons(d: pl.LazyFrame, codes: tuple[Code, ...]) -> pl.LazyFrame:
    """Add reason_code (a canonical code, '(missing)' or '(unmapped)'), reason_class and
    recheck_days. Exact labels win over patterns; codes are tried in config order. An export
    without a reason column has no reason for any verdict."""
    if "reason" not in d.collect_schema():
        d = d.with_columns(pl.lit(None, dtype=pl.String).alias("reason"))
    text = _norm(pl.col("reason"))
    code: pl.Expr = pl.lit(UNMAPPED)
    for c in reversed(codes):
        for pattern in reversed(c.patterns):
            code = pl.when(text.str.contains(f"(?i){pattern}")).then(pl.lit(c.name)).otherwise(code)
    for c in reversed(codes):
        labels = [" ".join(label.lower().split()) for label in c.labels]
        if labels:
            code = pl.when(text.is_in(labels)).then(pl.lit(c.name)).otherwise(code)
    missing = pl.col("reason").is_null() | (pl.col("reason").str.strip_chars() == "")
    d = d.with_columns(pl.when(missing).then(pl.lit(MISSING)).otherwise(code).alias("reason_code"))
    klass = {c.name: c.klass for c in codes}
    days = {c.name: c.recheck_days for c in codes}
    return d.with_columns(
        pl.col("reason_code")
        .replace_strict(klass, default=None, return_dtype=pl.String)
        .alias("reason_class"),
        pl.col("reason_code")
        .replace_strict(days, default=None, return_dtype=pl.Int64)
        .alias("recheck_days"),
    )


def wilson(k: pl.Expr, n: pl.Expr, z: float = Z95) -> tuple[pl.Expr, pl.Expr]:
    """Wilson score interval for k successes in n trials."""
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)).sqrt()) / denom
    return (centre - half), (centre + half)


def wilson_bounds(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (centre - half, centre + half)


def decided(d: pl.LazyFrame) -> pl.LazyFrame:
    return d.filter(pl.col("disposition").is_in(DECIDED))


def overall(d: pl.DataFrame) -> dict[str, Any]:
    """Headline counts and rates."""
    dec = d.filter(pl.col("disposition").is_in(DECIDED))
    rejected = dec.filter(pl.col("disposition") == "rejected")
    n_dec = dec.height
    n_acc = int(dec["disposition"].is_in(ACCEPTED).sum())
    n_rej = rejected.height
    n_rec = int((dec["disposition"] == "recycled").sum())
    missing = int((rejected["reason_code"] == MISSING).sum())
    hours = None
    if {"handed_off_at", "disposition_at"} <= set(d.columns):
        gap = dec.select(
            (
                (pl.col("disposition_at") - pl.col("handed_off_at")).dt.total_seconds() / 3600
            ).median()
        ).item()
        hours = None if gap is None else round(float(gap), 2)
    return {
        "dispositions": d.height,
        "open": d.height - n_dec,
        "decided": n_dec,
        "accepted": n_acc,
        "rejected": n_rej,
        "recycled": n_rec,
        "acceptance_rate": _rate(n_acc, n_dec),
        "rejection_rate": _rate(n_rej, n_dec),
        "missing_reason": missing,
        "missing_reason_rate": _rate(missing, n_rej),
        "unmapped_reason": int((rejected["reason_code"] == UNMAPPED).sum()),
        "median_hours_to_disposition": hours,
    }


def _rate(k: int, n: int) -> float | None:
    return None if n == 0 else round(k / n, 4)


def by_reason(d: pl.DataFrame) -> pl.DataFrame:
    """Rejections by reason code: count and share of rejections, largest first."""
    rej = d.filter(pl.col("disposition") == "rejected")
    total = rej.height
    return (
        rej.group_by("reason_code", "reason_class")
        .agg(pl.len().alias("rejected"))
        .with_columns((pl.col("rejected") / max(total, 1)).round(4).alias("share"))
        .sort(["rejected", "reason_code"], descending=[True, False])
    )


def by_dimension(d: pl.DataFrame, dim: str) -> pl.DataFrame:
    """Per value of `dim`: decided, accepted, rejected, recycled, rates, missing reasons, the
    top rejection reason, and whether its rejection rate is outsized against the rest (its
    Wilson lower bound above the rest's Wilson upper bound)."""
    dec = d.filter(pl.col("disposition").is_in(DECIDED)).with_columns(
        pl.col(dim).cast(pl.String).fill_null(MISSING).alias("value")
    )
    n_all = dec.height
    rej_all = int((dec["disposition"] == "rejected").sum())
    mix = (
        dec.filter(pl.col("disposition") == "rejected")
        .group_by("value", "reason_code")
        .agg(pl.len().alias("n"))
        .with_columns((pl.col("n") / pl.col("n").sum().over("value")).alias("share"))
        .sort(["value", "n", "reason_code"], descending=[False, True, False])
    )
    top_reason = mix.group_by("value", maintain_order=True).agg(
        pl.col("reason_code").first().alias("top_reason"),
        # the reason mix of this group's rejections, largest first: "unresponsive 31%, ..."
        joined(pl.col("reason_code"), " ", (pl.col("share") * 100).round(0).cast(pl.Int64), "%")
        .str.join(", ")
        .alias("reasons"),
    )
    out = (
        dec.group_by("value")
        .agg(
            pl.len().alias("decided"),
            pl.col("disposition").is_in(ACCEPTED).sum().alias("accepted"),
            (pl.col("disposition") == "rejected").sum().alias("rejected"),
            (pl.col("disposition") == "recycled").sum().alias("recycled"),
            ((pl.col("disposition") == "rejected") & (pl.col("reason_code") == MISSING))
            .sum()
            .alias("missing_reason"),
        )
        .join(top_reason, on="value", how="left")
    )
    k, n = pl.col("rejected").cast(pl.Float64), pl.col("decided").cast(pl.Float64)
    rest_k, rest_n = pl.lit(float(rej_all)) - k, pl.lit(float(n_all)) - n
    low, high = wilson(k, n)
    _, rest_high = wilson(rest_k, rest_n)
    return (
        out.with_columns(
            (k / n).round(4).alias("rejection_rate"),
            (pl.col("accepted") / n).round(4).alias("acceptance_rate"),
            # No rejection, no share of them without a reason; a lone group has no rest: None,
            # not NaN, and the group stays listed.
            pl.when(k > 0).then(pl.col("missing_reason") / k).round(4).alias("missing_reason_rate"),
            low.round(4).alias("ci_low"),
            high.round(4).alias("ci_high"),
            pl.when(rest_n > 0).then(rest_k / rest_n).round(4).alias("rest_rejection_rate"),
            ((low > rest_high) & (rest_n > 0)).fill_null(False).alias("outsized"),
        )
        .sort(["decided", "value"], descending=[True, False])
        .rename({"value": dim})
    )


def recycle_list(d: pl.DataFrame, as_of: datetime, default_days: int = 90) -> pl.DataFrame:
    """Leads to re-check: recycled dispositions and rejections whose reason recycles, with the
    re-check date (disposition date + the code's recheck_days) and whether it is due."""
    dated = [c for c in ("disposition_at", "handed_off_at") if c in d.columns]
    # No dates in the export: the list still names the leads, without re-check dates.
    when = pl.coalesce(dated) if dated else pl.lit(None, dtype=pl.Datetime("us", "UTC"))
    rows = d.filter(
        (pl.col("disposition") == "recycled")
        | ((pl.col("disposition") == "rejected") & (pl.col("reason_class") == "recycle"))
    )
    days = pl.col("recheck_days").fill_null(default_days)
    recheck = when + pl.duration(days=days)
    keep = [
        c
        for c in ("lead_id", "email", "rep", "disposition", "reason", "reason_code")
        if c in d.columns
    ]
    return (
        rows.with_columns(
            when.alias("decided_at"),
            recheck.alias("recheck_on"),
            (recheck <= pl.lit(as_of, dtype=pl.Datetime("us", "UTC"))).alias("due"),
        )
        .select(*keep, "decided_at", "recheck_on", "due")
        .sort(["recheck_on", keep[0]])
    )


def reason_tokens(expr: pl.Expr) -> pl.Expr:
    """'+25.0 demo_request, -20.0 personal_email' -> ['demo_request', 'personal_email']."""
    return expr.str.split(", ").list.eval(pl.element().str.replace(r"^[-+]?[\d.]+ ", ""))


def miscalibration(
    d: pl.DataFrame, ready: tuple[str, ...] = ("sales_ready", "mql")
) -> dict[str, Any]:
    """Rejected leads the model called sales-ready (with the rules most common among them) and
    accepted or converted leads it scored low."""
    if "stage" not in d.columns:
        return {}
    rejected_ready = d.filter((pl.col("disposition") == "rejected") & pl.col("stage").is_in(ready))
    rules: list[dict[str, Any]] = []
    if "top_reasons" in d.columns and rejected_ready.height:
        rules = (
            rejected_ready.select(reason_tokens(pl.col("top_reasons")).alias("rule"))
            .explode("rule")
            .drop_nulls()
            .group_by("rule")
            .len()
            .sort(["len", "rule"], descending=[True, False])
            .head(5)
            .rename({"len": "leads"})
            .to_dicts()
        )
    accepted_low = d.filter(
        pl.col("disposition").is_in(ACCEPTED) & (pl.col("stage") == "disqualified")
    )
    n_rej = int((d["disposition"] == "rejected").sum())
    return {
        "rejected_but_sales_ready": rejected_ready.height,
        "rejected_but_sales_ready_share": _rate(rejected_ready.height, n_rej),
        "rules_among_them": rules,
        "accepted_but_scored_low": accepted_low.height,
        "accepted_but_scored_low_ids": sorted(accepted_low["lead_id"].cast(pl.String).to_list())[
            :20
        ],
    }


def separation(d: pl.DataFrame, top: int = 10) -> pl.DataFrame:
    """Which rules and signal types were present more often among accepted than rejected leads:
    presence rate in each group and the difference, largest differences first."""
    if "top_reasons" not in d.columns:
        return pl.DataFrame()
    dec = d.filter(pl.col("disposition").is_in(("accepted", "converted", "rejected")))
    accepted = pl.col("disposition").is_in(ACCEPTED)
    n_acc = int(dec.select(accepted.sum()).item())
    n_rej = dec.height - n_acc
    if n_acc == 0 or n_rej == 0:
        return pl.DataFrame()
    tokens = reason_tokens(pl.col("top_reasons").fill_null(""))
    if "why_now" in dec.columns:
        signal = pl.col("why_now").str.extract(r"^([a-z_]+) on \d{4}-", 1)
        tokens = tokens.list.concat(pl.concat_list(joined("signal:", signal)))
    long = (
        dec.select(pl.col("lead_id"), accepted.alias("accepted"), tokens.alias("factor"))
        .explode("factor")
        .filter(pl.col("factor").is_not_null() & (pl.col("factor") != ""))
        # A lead counted once in each group it has a disposition in: one accepted and then
        # rejected counts in both, whichever row comes first.
        .unique(["lead_id", "accepted", "factor"])
    )
    return (
        long.group_by("factor")
        .agg(
            (pl.col("accepted").sum() / n_acc).round(4).alias("among_accepted"),
            ((~pl.col("accepted")).sum() / n_rej).round(4).alias("among_rejected"),
        )
        .with_columns(
            (pl.col("among_accepted") - pl.col("among_rejected")).round(4).alias("difference")
        )
        .sort([pl.col("difference").abs(), "factor"], descending=[True, False])
        .head(top)
    )
