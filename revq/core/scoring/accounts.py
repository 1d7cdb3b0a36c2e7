"""Account roll-up (ABM): contacts aggregated by account domain."""

from __future__ import annotations

import polars as pl


def roll_up_accounts(
    scored: pl.LazyFrame, *, min_engaged_contacts: int, min_intent: float, roles: dict[str, str]
) -> pl.LazyFrame:
    """One row per account: contacts, account fit (best contact), summed decayed intent,
    strongest signal, engaged contacts and buying-committee roles, and the
    marketing-qualified-account flag (enough engaged contacts and enough intent together),
    ordered by summed intent, then account."""
    role: pl.Expr = pl.lit(None, dtype=pl.String)
    title = pl.col("title").cast(pl.String) if "title" in scored.collect_schema() else pl.lit("")
    for name, pattern in reversed(list(roles.items())):
        role = (
            pl.when(title.str.contains(f"(?i){pattern}").fill_null(False))
            .then(pl.lit(name))
            .otherwise(role)
        )
    engaged = pl.col("intent_score") > 0
    out = (
        scored.filter(pl.col("account_key").is_not_null())
        .with_columns(role.alias("_role"))
        .group_by("account_key")
        .agg(
            pl.len().alias("contacts"),
            pl.col("fit_score").max().alias("account_fit"),
            pl.col("intent_score").sum().round(2).alias("account_intent"),
            pl.col("signal_score").max().alias("account_signal"),
            engaged.sum().alias("engaged_contacts"),
            pl.col("_role")
            .filter(engaged)
            .drop_nulls()
            .unique()
            .sort()
            .str.join(", ")
            .alias("engaged_roles"),
            (pl.col("stage").is_in(["sales_ready", "mql", "signal_qualified"]))
            .sum()
            .alias("qualified_contacts"),
        )
    )
    mqa = (pl.col("engaged_contacts") >= min_engaged_contacts) & (
        pl.col("account_intent") >= min_intent
    )
    return out.with_columns(mqa.alias("mqa")).sort(
        ["account_intent", "account_key"], descending=[True, False]
    )
