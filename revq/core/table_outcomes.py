"""A lead's outcome read off the other tables of an export, when the leads carry none: the lead
reached a won opportunity (the opportunity names the lead, or the lead's contact), or its stage
history reached a stage past the hand-off. The opportunity's own columns are never the lead's:
they are filled in after the outcome, and only the lead ids are read from them."""

from __future__ import annotations

import polars as pl

from revq.core.leakage import words

# Stages of a history that say the lead was handed on and taken up: SQL or further.
PAST_HAND_OFF = ("sql", "opportunity", "won")


def key_column(frame: pl.DataFrame, name: str) -> str | None:
    """The column holding the `name` key (lead_id, contact_id): by revq's name, else an
    export header of the same words (Lead ID, LeadId) that the export's vendor did not map."""
    if name in frame.columns:
        return name
    wanted = words(name)
    return next((c for c in frame.columns if words(c) == wanted), None)


def opportunity_leads(opportunities: pl.DataFrame, leads: pl.DataFrame, *, won: bool) -> pl.Series:
    """The ids of the leads that reached an opportunity (a won one, with `won`): named by the
    opportunity's lead id, or by its contact id where the leads carry the same contact."""
    opps = opportunities
    if won:
        opps = opps.filter(pl.col("is_won").fill_null(False))
    parts = []
    lead_key = key_column(opps, "lead_id")
    if lead_key is not None:
        parts.append(opps.select(pl.col(lead_key).cast(pl.String).alias("lead_id")))
    contact_key, their_contact = key_column(opps, "contact_id"), key_column(leads, "contact_id")
    if contact_key is not None and their_contact is not None:
        contacts = (
            opps.select(pl.col(contact_key).cast(pl.String).alias("contact_id")).drop_nulls()
        ).unique()
        parts.append(
            leads.select(
                pl.col("lead_id").cast(pl.String),
                pl.col(their_contact).cast(pl.String).alias("contact_id"),
            )
            .join(contacts, on="contact_id", how="semi")
            .select("lead_id")
        )
    if not parts:
        return pl.Series("lead_id", [], dtype=pl.String)
    ids = pl.concat(parts)["lead_id"].drop_nulls().unique().sort()
    return ids.filter(ids.is_in(leads["lead_id"].cast(pl.String).implode()))


def stage_leads(history: pl.DataFrame, leads: pl.DataFrame) -> pl.Series:
    """The ids of the leads whose stage history reached SQL or further."""
    ids = (
        history.filter(pl.col("stage").cast(pl.String).str.to_lowercase().is_in(PAST_HAND_OFF))
        .select(pl.col("lead_id").cast(pl.String))["lead_id"]
        .drop_nulls()
        .unique()
        .sort()
    )
    return ids.filter(ids.is_in(leads["lead_id"].cast(pl.String).implode()))
