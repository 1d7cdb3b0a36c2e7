"""The report's action lists as a rep works them: one row per action, where the leads of one
account that share a trigger are one action (the account, its trigger, its contacts ranked by
fit, one owner), not one row per contact."""

from __future__ import annotations

from typing import Any

import polars as pl

CONTACT_COLUMNS = ("lead_id", "first_name", "last_name", "title", "fit_score", "total_score")


def group_actions(leads: pl.DataFrame, account: str) -> pl.DataFrame:
    """One row per action, highest score first. `leads` are scored leads (with `account`,
    why_now, owner and next_action); contacts of one account with one why-now form one action,
    whose owner and next action are those of its highest-scoring contact."""
    trigger = pl.col("why_now").is_not_null() & pl.col(account).is_not_null()
    key = (
        pl.when(trigger)
        .then(pl.concat_str(pl.col(account), pl.lit("\x1f"), pl.col("why_now")))
        .otherwise(pl.concat_str(pl.lit("lead\x1f"), pl.col("lead_id")))
        .alias("_action")
    )
    keyed = leads.with_columns(key)
    # The contact an action names (its best score) first, then the others by fit.
    best = pl.col("lead_id").sort_by(["total_score", "lead_id"], descending=[True, False])
    named = (pl.col("lead_id") == best.first().over("_action")).alias("_named")
    ranked = keyed.with_columns(named).sort(
        ["_named", "fit_score", "total_score", "lead_id"], descending=[True, True, True, False]
    )
    present = [c for c in (*CONTACT_COLUMNS, "url") if c in ranked.columns]
    top = pl.col("total_score").arg_max()
    return (
        ranked.group_by("_action", maintain_order=True)
        .agg(
            pl.len().alias("contacts"),
            pl.col("total_score").max().alias("score"),
            *[
                pl.col(c).get(top).alias(c)
                for c in ("lead_id", "company", "why_now", "owner", "next_action", "stage")
                if c in ranked.columns
            ],
            pl.struct(present).alias("people"),
        )
        .sort(["score", "lead_id"], descending=[True, False])
        .drop("_action")
    )


def person(contact: dict[str, Any]) -> str:
    name = " ".join(p for p in (contact.get("first_name"), contact.get("last_name")) if p)
    return ", ".join(p for p in (name, contact.get("title")) if p) or str(contact["lead_id"])
