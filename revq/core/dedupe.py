"""Deterministic merging of duplicate records."""

from __future__ import annotations

from typing import Literal

import polars as pl

from revq.core.schema import EMAIL_NORMALISED, LINE

MERGED_RECORD_IDS = "merged_record_ids"  # on the record kept: HubSpot's merged record ids
MASTER_RECORD_ID = "master_record_id"  # on the record merged away: Salesforce's MasterRecordId
MERGED_AWAY = "_merged_away"  # a record the CRM merged away, now under the id it was merged into
MERGES_SCHEMA = {"lead_id": pl.String, "merged_into": pl.String}
CREATED = "created_at"

Keep = Literal["latest_activity", "first_seen", "last_seen"]


def _recency_order(schema: pl.Schema, keep: Keep) -> tuple[list[pl.Expr], list[bool]]:
    """Sort keys that put the winning record of each group first."""
    # A record the CRM merged away never wins over the record it was merged into.
    first: tuple[list[pl.Expr], list[bool]] = (
        ([pl.col(MERGED_AWAY)], [False]) if MERGED_AWAY in schema else ([], [])
    )
    by, descending = _keep_order(schema, keep)
    return first[0] + by, first[1] + descending


def _keep_order(schema: pl.Schema, keep: Keep) -> tuple[list[pl.Expr], list[bool]]:
    if keep == "first_seen":
        return [pl.col(LINE)], [False]
    if keep == "last_seen":
        return [pl.col(LINE)], [True]
    keys = [pl.col(c) for c in ("last_activity_at", "created_at") if c in schema]
    ties = _content_order(schema)
    return [*keys, *ties], [True] * (len(keys) + len(ties))


def _content_order(schema: pl.Schema) -> list[pl.Expr]:
    """What settles a tie on recency by the records' content, never by where they stand in
    the export, so that an export re-ordered merges the same: the record with more fields
    filled, then the greater record id (a longer id is the greater, so numeric ids compare as
    numbers), then each field's value in turn. Records equal in every field are one record."""
    fields = [
        n
        for n, t in schema.items()
        if n not in (LINE, MERGED_AWAY) and not isinstance(t, pl.List | pl.Array | pl.Struct)
    ]
    filled = pl.sum_horizontal(pl.col(n).is_not_null() for n in fields)
    by_id = []
    if "lead_id" in schema:
        lead_id = pl.col("lead_id").cast(pl.String)
        by_id = [lead_id.str.len_bytes(), lead_id]
    return [filled, *by_id, *(pl.col(n) for n in fields)]


def _merged_fields(names: list[str], key: str) -> list[pl.Expr]:
    """Each field of a merged record, its duplicates in winning order: the first value there
    is, except the creation time, the earliest, since the person existed from their first
    record (HubSpot's own merge keeps the older create date): scored as of a day between two of
    its creations, the lead is there, not left out as created later."""
    return [
        pl.col(n).min() if n == CREATED else pl.col(n).drop_nulls().first()
        for n in names
        if n != key
    ]


def _merge_on(lf: pl.LazyFrame, key: str, keep: Keep) -> pl.LazyFrame:
    schema = lf.collect_schema()
    by, descending = _recency_order(schema, keep)
    # Hashes are a cheap prefilter: a collision only sends a unique record through the merge,
    # which returns it unchanged.
    shared = pl.col(key).is_not_null() & pl.col(key).hash().is_duplicated()
    lf = lf.with_columns(shared.alias("_shared")).cache()
    # Only records that share a key need merging; the rest pass through untouched.
    single = lf.filter(~pl.col("_shared")).drop("_shared")
    ranked = (
        lf.filter(pl.col("_shared"))
        .drop("_shared")
        .sort(by, descending=descending, nulls_last=True)
    )
    # Winner first; every other column takes the first non-null value in that order, so a
    # field the winner lacks is filled from the next most recent duplicate (_merged_fields).
    merged = ranked.group_by(key, maintain_order=True).agg(_merged_fields(schema.names(), key))
    return pl.concat([single, merged.select(schema.names())]).sort(LINE)


def recorded_merges(leads: pl.LazyFrame) -> pl.LazyFrame:
    """`lead_id -> merged_into` as the CRM recorded its merges: the ids a HubSpot record lists
    as merged into it ("123;456", or "123:1661707291575;..." with the merge time in
    milliseconds, as warehouse syncs write them), and a Salesforce record's MasterRecordId (set
    on the record a merge deleted). One row per id merged away, sorted; a record's own id, and
    an id listed under two records (the first record in id order is taken), are left out."""
    schema = leads.collect_schema()
    parts = []
    if MERGED_RECORD_IDS in schema and "lead_id" in schema:
        parts.append(
            leads.select(
                pl.col(MERGED_RECORD_IDS).cast(pl.String).str.split(";").alias("lead_id"),
                pl.col("lead_id").cast(pl.String).alias("merged_into"),
            )
            .explode("lead_id")
            .with_columns(pl.col("lead_id").str.replace(r":\d+$", "").str.strip_chars(" ,[]\"'"))
        )
    if MASTER_RECORD_ID in schema and "lead_id" in schema:
        parts.append(
            leads.select(
                pl.col("lead_id").cast(pl.String),
                pl.col(MASTER_RECORD_ID).cast(pl.String).str.strip_chars().alias("merged_into"),
            )
        )
    if not parts:
        return pl.LazyFrame(schema=MERGES_SCHEMA)
    return (
        pl.concat(parts)
        .filter(
            (pl.col("lead_id") != "")
            & (pl.col("merged_into") != "")
            & (pl.col("lead_id") != pl.col("merged_into"))
        )
        .sort("lead_id", "merged_into")
        .unique("lead_id", keep="first", maintain_order=True)
    )


def resolve_chains(merges: pl.DataFrame, limit: int = 32) -> pl.DataFrame:
    """Each id merged away pointed at the record it finally ended in (A into B, then B into C:
    A into C). Raises ValueError with an id whose chain leads back to itself."""
    then = merges.rename({"lead_id": "merged_into", "merged_into": "_then"})
    out = merges
    for _ in range(limit):
        step = out.join(then, on="merged_into", how="left", maintain_order="left")
        if step["_then"].null_count() == step.height:
            return out
        out = step.select("lead_id", pl.coalesce("_then", "merged_into").alias("merged_into"))
        looped = out.filter(pl.col("lead_id") == pl.col("merged_into"))
        if looped.height:
            raise ValueError(looped["lead_id"][0])
    raise ValueError(out["lead_id"][0])


def apply_recorded_merges(leads: pl.LazyFrame, merges: pl.LazyFrame) -> pl.LazyFrame:
    """Each record the CRM merged away under the id of the record it was merged into, marked
    as merged away, so that the merge by lead id folds it into that record, which wins."""
    return (
        leads.join(merges, on="lead_id", how="left", maintain_order="left")
        .with_columns(
            pl.col("merged_into").is_not_null().alias(MERGED_AWAY),
            pl.coalesce("merged_into", "lead_id").alias("lead_id"),
        )
        .drop("merged_into")
    )


DEDUPE_KEYS = ("lead_id", EMAIL_NORMALISED)


def merge_duplicate_leads(
    lf: pl.LazyFrame, keep: Keep = "latest_activity", keys: tuple[str, ...] = DEDUPE_KEYS
) -> pl.LazyFrame:
    """Merge leads sharing a lead id, then leads sharing a normalised email (of `keys`: a
    caller that knows no two leads share a key leaves it out, and its pass).

    Ids are compared exactly: Salesforce 15-character ids differ only by case.
    """
    schema = lf.collect_schema()
    for key in DEDUPE_KEYS:
        if key in keys and key in schema:
            lf = _merge_on(lf, key, keep)
    return lf


def merge_held_duplicates(
    frame: pl.DataFrame, keep: Keep = "latest_activity", keys: tuple[str, ...] = DEDUPE_KEYS
) -> pl.DataFrame:
    """merge_duplicate_leads of a held frame, with the same rows in the same order: a record
    no other shares a key with stays where it is, and only the records kept for a key are
    written again, rather than every record being copied back into line order."""
    for key in DEDUPE_KEYS:
        if key in keys and key in frame.columns:
            frame = _merge_held_on(frame, key, keep)
    return frame


# Column types a record kept is written into in place; a frame with others merges as a plan.
_IN_PLACE = (pl.String, pl.Boolean, pl.Datetime, pl.Date, pl.Int64, pl.Int32, pl.Float64)


def _merge_held_on(frame: pl.DataFrame, key: str, keep: Keep) -> pl.DataFrame:
    in_place = all(isinstance(t, _IN_PLACE) for t in frame.schema.values())
    if not in_place or not frame[LINE].is_sorted():
        return _merge_on(frame.lazy(), key, keep).collect()
    shared = frame.select(
        pl.col(key).is_not_null() & pl.col(key).hash().is_duplicated()
    ).to_series()
    if not shared.any():
        return frame
    by, descending = _recency_order(frame.schema, keep)
    # As _merge_on: the winner first, each column its first value in that order; a merged
    # record keeps its winner's line, where it is written.
    merged = (
        frame.filter(shared)
        .sort(by, descending=descending, nulls_last=True)
        .group_by(key, maintain_order=True)
        .agg(_merged_fields(frame.columns, key))
        .select(frame.columns)
        .sort(LINE)
    )
    kept = frame.filter(~shared | pl.col(LINE).is_in(merged[LINE].implode()))
    at = kept[LINE].search_sorted(merged[LINE])
    written = []
    for name in frame.columns:
        value = merged[name].cast(kept.schema[name])
        if not kept[name].gather(at).equals(value):  # most columns: the winner's own values
            written.append(kept[name].clone().scatter(at, value))
    return kept.with_columns(written) if written else kept


def merge_held_traced(
    frame: pl.DataFrame, keep: Keep = "latest_activity", keys: tuple[str, ...] = DEDUPE_KEYS
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """merge_held_duplicates, and `lead_id -> merged_into` for each id the merge by email
    removed (`merged_into`), traced from the records merged by id: each has the one email it
    kept, so an id exported twice with two emails (or a record the CRM merged, carrying the
    merged record's email) ends where its own merged record's email went."""
    by_id = merge_held_duplicates(frame, keep, tuple(k for k in keys if k == "lead_id"))
    kept = merge_held_duplicates(by_id, keep, tuple(k for k in keys if k != "lead_id"))
    return kept, merged_into(by_id.lazy(), kept.lazy()).collect()


def merged_into(before: pl.LazyFrame, after: pl.LazyFrame) -> pl.LazyFrame:
    """`lead_id -> merged_into` for each id the email merge removed: the id of the record kept
    for its email, so what other exports say of a duplicate (its activities) reaches it."""
    names = before.collect_schema().names()
    if "lead_id" not in names or EMAIL_NORMALISED not in names:
        return pl.LazyFrame(schema={"lead_id": pl.String, "merged_into": pl.String})
    kept = after.select(EMAIL_NORMALISED, pl.col("lead_id").alias("merged_into"))
    return (
        before.select("lead_id", EMAIL_NORMALISED)
        .join(after.select("lead_id"), on="lead_id", how="anti")
        .join(kept.drop_nulls(EMAIL_NORMALISED), on=EMAIL_NORMALISED, how="inner")
        .select(pl.col("lead_id").cast(pl.String), pl.col("merged_into").cast(pl.String))
        .unique("lead_id", keep="first")
        .sort("lead_id")
    )


def follow_merges(frame: pl.LazyFrame, merged: pl.LazyFrame) -> pl.LazyFrame:
    """`frame` (activities, say) with each merged-away lead id replaced by the id kept."""
    return (
        frame.join(merged, on="lead_id", how="left", maintain_order="left")
        .with_columns(pl.coalesce("merged_into", "lead_id").alias("lead_id"))
        .drop("merged_into")
    )
