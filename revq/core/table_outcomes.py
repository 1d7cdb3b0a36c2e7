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


def _time(frame: pl.DataFrame, columns: tuple[str, ...]) -> pl.Expr:
    """The first of `columns` the frame has filled, as UTC timestamps; null without any."""
    present = [
        pl.col(c).cast(pl.Datetime("us", "UTC"))
        for c in columns
        if c in frame.columns and frame.schema[c].is_temporal()
    ]
    return pl.coalesce(present) if present else pl.lit(None, dtype=pl.Datetime("us", "UTC"))


def opportunity_leads(
    opportunities: pl.DataFrame, leads: pl.DataFrame, *, won: bool
) -> pl.DataFrame:
    """The leads that reached an opportunity (a won one, with `won`), named by the
    opportunity's lead id, or by its contact id where the leads carry the same contact: their
    ids (`lead_id`, sorted) and when they reached it (`reached_at`, UTC: the earliest such
    opportunity's creation, else its close; null when the opportunities have neither)."""
    opps = opportunities
    if won:
        opps = opps.filter(pl.col("is_won").fill_null(False))
    when = _time(opps, ("created_at", "closed_at")).alias("reached_at")
    parts = []
    lead_key = key_column(opps, "lead_id")
    if lead_key is not None:
        parts.append(opps.select(pl.col(lead_key).cast(pl.String).alias("lead_id"), when))
    contact_key, their_contact = key_column(opps, "contact_id"), key_column(leads, "contact_id")
    if contact_key is not None and their_contact is not None:
        contacts = (
            opps.select(pl.col(contact_key).cast(pl.String).alias("contact_id"), when)
            .drop_nulls("contact_id")
            .group_by("contact_id")
            .agg(pl.col("reached_at").min())
        )
        parts.append(
            leads.select(
                pl.col("lead_id").cast(pl.String),
                pl.col(their_contact).cast(pl.String).alias("contact_id"),
            )
            .join(contacts, on="contact_id", how="inner")
            .select("lead_id", "reached_at")
        )
    return _reached(parts, leads)


def stage_leads(history: pl.DataFrame, leads: pl.DataFrame) -> pl.DataFrame:
    """The leads whose stage history reached SQL or further: their ids (`lead_id`, sorted)
    and when they first did (`reached_at`, UTC)."""
    reached = history.filter(
        pl.col("stage").cast(pl.String).str.to_lowercase().is_in(PAST_HAND_OFF)
    ).select(pl.col("lead_id").cast(pl.String), _time(history, ("entered_at",)).alias("reached_at"))
    return _reached([reached], leads)


def _reached(parts: list[pl.DataFrame], leads: pl.DataFrame) -> pl.DataFrame:
    """Each lead of `leads` among `parts` once, at its earliest time, in lead id order."""
    if not parts:
        return pl.DataFrame(schema={"lead_id": pl.String, "reached_at": pl.Datetime("us", "UTC")})
    known = leads["lead_id"].cast(pl.String).implode()
    return (
        pl.concat(parts)
        .drop_nulls("lead_id")
        .filter(pl.col("lead_id").is_in(known))
        .group_by("lead_id")
        .agg(pl.col("reached_at").min())
        .sort("lead_id")
    )
