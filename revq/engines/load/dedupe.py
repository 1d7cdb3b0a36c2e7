"""Duplicate leads merged in an engine as revq.core.dedupe merges them: leads sharing a lead
id, then leads sharing a normalised email, become one record, the most recent first (latest
activity, then created), a tie settled by the records' content; every field the winner lacks
is taken from the next record in that order, and the creation time is the earliest. With
window functions and one aggregate: no row leaves the engine.

The ids merged away are kept (`lead_id -> merged_into`), so that the activities of a
duplicate reach the record kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from revq.core.dedupe import CREATED
from revq.core.schema import EMAIL_NORMALISED

_COUNT, _RANK = "__revq_sharing", "__revq_rank"


@dataclass(frozen=True)
class Merged:
    leads: ir.Table
    # lead_id -> merged_into: each id the email merge removed, and the id kept for its email.
    merged_ids: ir.Table


def _order(leads: ir.Table) -> list[ir.Value]:
    """What puts the winning record of a group first (revq.core.dedupe's latest_activity):
    the latest activity, the latest creation, then the record with more fields filled, the
    longer (then greater) id, and each field's value in turn; the greater first, nulls last."""
    recency = [leads[c] for c in ("last_activity_at", "created_at") if c in leads.columns]
    fields = [
        c
        for c in leads.columns
        if not (
            leads[c].type().is_array() or leads[c].type().is_struct() or leads[c].type().is_map()
        )
    ]
    filled = sum((leads[c].notnull().cast("int64") for c in fields), ibis.literal(0, "int64"))
    by_id = []
    if "lead_id" in leads.columns:
        lead_id = leads["lead_id"].cast("string")
        by_id = [lead_id.length(), lead_id]
    keys = [*recency, filled, *by_id, *(leads[c] for c in fields)]
    return [k.desc(nulls_first=False) for k in keys]


def merge_on(leads: ir.Table, key: str, step: str) -> ir.Table:
    """Leads sharing `key` merged into one; leads with no key, or a key of their own, as
    they are."""
    columns = list(leads.columns)
    sharing = leads[key].count().over(ibis.window(group_by=leads[key]))
    counted = leads.mutate(**{_COUNT: sharing}).alias(f"revq_leads_sharing_{step}")
    single = counted.filter(counted[key].isnull() | (counted[_COUNT] < 2)).select(columns)
    shared = counted.filter(counted[key].notnull() & (counted[_COUNT] >= 2)).select(columns)
    window = ibis.window(group_by=shared[key], order_by=_order(shared))
    ranked = shared.mutate(**{_RANK: ibis.row_number().over(window)}).alias(
        f"revq_leads_ranked_by_{step}"
    )
    # As revq.core.dedupe: the first value in winning order, the earliest creation time.
    merged = ranked.group_by(key).agg(
        **{
            c: ranked[c].min()
            if c == CREATED
            else ranked[c].argmin(ranked[_RANK], where=ranked[c].notnull())
            for c in columns
            if c != key
        }
    )
    return single.union(merged.select(columns)).alias(f"revq_leads_merged_by_{step}")


def merge_duplicate_leads(
    leads: ir.Table, keep: Callable[[ir.Table], ir.Table] | None = None
) -> Merged:
    """Leads sharing a lead id merged, then leads sharing a normalised email; and each id the
    email merge removed, with the id kept for its email. `keep`, given, computes the merged
    leads into the engine, for the ids merged away to be found from them rather than by
    merging again."""
    if "lead_id" in leads.columns:
        leads = merge_on(leads, "lead_id", "id")
    if EMAIL_NORMALISED not in leads.columns or "lead_id" not in leads.columns:
        empty = leads.select(lead_id=ibis.null("string"), merged_into=ibis.null("string")).filter(
            ibis.literal(False)
        )
        return Merged(keep(leads) if keep is not None else leads, empty)
    after = merge_on(leads, EMAIL_NORMALISED, "email")
    if keep is not None:
        after = keep(after)
    kept = after.select(
        _email=after[EMAIL_NORMALISED], merged_into=after["lead_id"].cast("string")
    ).filter(lambda t: t._email.notnull())
    # Traced from the records merged by id, each with the one email it kept: an id exported
    # twice with two emails ends where its merged record's email went (revq.io.load).
    ids = leads.select("lead_id", _email=leads[EMAIL_NORMALISED])
    survivors = after.select(_kept=after["lead_id"])
    gone = ids.anti_join(survivors, ids["lead_id"] == survivors["_kept"])
    pairs = gone.join(kept, "_email").select(
        lead_id=gone["lead_id"].cast("string"), merged_into=kept["merged_into"]
    )
    merged_ids = pairs.alias("revq_leads_merged_away")
    return Merged(after, merged_ids)


def follow_merges(frame: ir.Table, merged_ids: ir.Table) -> ir.Table:
    """`frame` (activities) with each merged-away lead id replaced by the id kept."""
    if "lead_id" not in frame.columns:
        return frame
    ids = merged_ids.rename(_merged_from="lead_id")
    moved = frame.left_join(ids, frame["lead_id"] == ids["_merged_from"])
    kept = ibis.coalesce(moved["merged_into"], moved["lead_id"])
    return moved.select(*(kept.name(c) if c == "lead_id" else moved[c] for c in frame.columns))
