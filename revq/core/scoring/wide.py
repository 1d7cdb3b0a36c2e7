"""Scores in wide form: one contribution column per rule, summed row by row.

This is the fast path `score_leads` takes: leads stay one row each, events are aggregated per
lead and signals per lead or per account, then joined, and no long table is built. The long
ledger (engine.py) applies the same rules for `explain`; tests check that each lead's ledger
sums to its scores.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from revq.core.arith import MICRO, from_micro
from revq.core.scoring.conditions import NO_CODES, Codes, condition_expr, with_normalised_texts
from revq.core.scoring.model import ScoringModel
from revq.core.texts import joined

PREFIX = "__c__"
KEY = "__lead_key__"  # the key events are summed and joined by


@dataclass(frozen=True)
class Contribution:
    column: str  # the frame column holding this rule's points (null: did not fire)
    name: str  # the rule's ledger name
    group: str


def col_name(rule: str) -> str:
    return f"{PREFIX}{rule}"


def micro_sum(columns: list[str]) -> pl.Expr:
    """Row-wise sum in whole micro-points: exact, so it equals the ledger's sums."""
    if not columns:
        return pl.lit(0.0)
    return from_micro(pl.sum_horizontal([(pl.col(c) * MICRO).round() for c in columns]))


def number_id(column: str) -> pl.Expr:
    """An id as the whole number its text writes plainly (no sign but a minus, no leading zero,
    no space), else null: two texts get the same number only if they are the same text, so a
    join or a group-by on the numbers is one on the texts, for ids that all have one."""
    number = pl.col(column).cast(pl.Int64, strict=False)
    return pl.when(number.cast(pl.String) == pl.col(column)).then(number)


@dataclass(frozen=True)
class LeadIds:
    """What holds of every id of a held leads frame, each fact letting scoring take a faster
    path to the same rows: `numbers`, every id is a plain whole number (`number_id`), by which
    events are summed; `distinct`, no id is missing or held twice, so that each lead's account
    signals are its account's, summed once per account (with an id held twice, as an export
    loaded without merging duplicates holds it, each of its rows gets the signals of both)."""

    numbers: bool = False
    distinct: bool = False

    @classmethod
    def of(cls, leads: pl.DataFrame) -> LeadIds:
        if "lead_id" not in leads.columns or leads.schema["lead_id"] != pl.String:
            return cls()
        ids = pl.col("lead_id")
        # Ids whose hashes all differ differ, and hashes are counted far faster than texts; a
        # clash of hashes only sends the run the general way.
        numbers, distinct = (
            leads.lazy()
            .select(
                (number_id("lead_id").is_not_null() | ids.is_null()).all().alias("numbers"),
                ((ids.null_count() == 0) & (ids.hash().n_unique() == pl.len())).alias("distinct"),
            )
            .collect()
            .row(0)
        )
        return cls(numbers=bool(numbers), distinct=bool(distinct))


UNKNOWN_IDS = LeadIds()  # nothing known of the ids: the paths that hold for any ids


def add_event_columns(
    leads: pl.LazyFrame,
    acts: pl.LazyFrame,
    model: ScoringModel,
    *,
    number_ids: bool = False,
    codes: Codes = NO_CODES,
) -> tuple[pl.LazyFrame, list[Contribution]]:
    """One column per event rule: its decayed, weighted points summed per lead, then capped.
    `acts` carries lead_id, _weight and _decay per event (engine.prepare_events).

    Each event's points are computed first, as whole micro-points (0 where the rule does not
    fire), and the group-by only sums them: plain sums of integers, where conditions inside
    the aggregation would be evaluated group by group. A rule that fired for no points and one
    that did not fire add the same nothing to a lead's scores and reasons, so neither is told
    apart. The text columns the rules compare are normalised once.

    `number_ids`: every lead's id is a plain whole number (`LeadIds.numbers`), and the events
    are summed and joined by that number rather than by hashing the texts; an event whose id
    has no such number belongs to no lead then. `codes`: those of the activities' texts."""
    events = model.events
    assert events is not None
    if not events.rules:
        return leads, []
    acts, _ = with_normalised_texts(acts, model.event_conditions(), codes)
    schema = acts.collect_schema()
    fired = []
    points = []
    capped = []
    out = []
    for i, rule in enumerate(events.rules):
        column = col_name(rule.name)
        fired.append(condition_expr(rule.when, schema, codes).alias(f"_fired{i}"))
        pts = pl.lit(float(rule.points)) * pl.col("_weight") * pl.col("_decay")
        micro = (pts * MICRO).round().cast(pl.Int64)
        points.append(pl.when(pl.col(f"_fired{i}")).then(micro).otherwise(0).alias(column))
        summed: pl.Expr = from_micro(pl.col(column))
        if rule.cap is not None:
            summed = summed.clip(-abs(rule.cap), abs(rule.cap))
        capped.append(summed.alias(column))
        out.append(Contribution(column, rule.name, "intent"))
    # An event no rule scores (an email open) changes no lead's sums: it is dropped before
    # its points are computed, and it is not grouped.
    key = number_id("lead_id").alias(KEY) if number_ids else pl.col("lead_id").alias(KEY)
    per_lead = (
        acts.select("lead_id", "_weight", "_decay", *fired)
        .filter(pl.any_horizontal(pl.col(f"_fired{i}") for i in range(len(fired))))
        .select(key, *points)
        .group_by(KEY)
        .agg(pl.col(c.column).sum() for c in out)
        .select(KEY, *capped)
    )
    joined = leads.with_columns(key).join(per_lead, on=KEY, how="left")
    return joined.drop(KEY), out


def add_signal_columns(
    leads: pl.LazyFrame, events: pl.LazyFrame, model: ScoringModel, key: str = "lead_id"
) -> tuple[pl.LazyFrame, list[Contribution]]:
    """One column per signal type, the strongest signal as why-now, and its age. `events` are
    keyed by `key`: each lead's own (lead_id) or each account's (account_key), joined to the
    leads by that key."""
    spec = model.signals
    assert spec is not None
    aggs = []
    out = []
    # Each signal's points go into its type's column first, as whole micro-points (0 in the
    # others'), and the group-by sums them: conditions inside an aggregation are evaluated
    # group by group. A type a lead has no signal of adds nothing, as one summing to zero does.
    kind = pl.col("signal_type").str.to_lowercase()
    micro = (pl.col("points") * MICRO).round().cast(pl.Int64)
    typed = []
    for signal_type, _ in spec.weights:
        name = f"signal:{signal_type}"
        column = col_name(name)
        typed.append(pl.when(kind == signal_type).then(micro).otherwise(0).alias(column))
        aggs.append(from_micro(pl.col(column).sum()).alias(column))
        out.append(Contribution(column, name, "signal"))
    events = events.with_columns(typed)
    schema = events.collect_schema()
    detail = joined(" (", pl.col("detail"), ")").fill_null("") if "detail" in schema else pl.lit("")
    label = joined(
        pl.col("signal_type"), " on ", pl.col("occurred_at").dt.strftime("%Y-%m-%d"), detail
    )
    # The label last: two signals alike in all else (a news feed's two items on one day) are
    # told apart by it, so the row order of the signals export cannot change why-now.
    order = [pl.col("points"), pl.col("age_days"), pl.col("signal_type"), label]
    aggs.append(
        label.sort_by(order, descending=[True, False, False, False]).first().alias("_signal")
    )
    aggs.append(pl.col("age_days").min().alias("_signal_age"))
    per_key = events.group_by(key).agg(aggs)
    return leads.join(per_key, on=key, how="left"), out


@dataclass(frozen=True)
class Ranked:
    """Integer slot columns holding each row's largest items as packed keys (see `rank_items`),
    and what it takes to decode them."""

    slots: list[str]
    base: int
    names: dict[int, str]

    def decode(self, k: int) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
        """(present, signed value, name) of slot k."""
        key = pl.col(self.slots[k])
        packed = key // self.base
        size = packed // 2
        negative = packed % 2 == 1
        value = from_micro(pl.when(negative).then(-size).otherwise(size))
        # A gather from a literal lookup streams; replace_strict makes polars hold the column.
        lookup = pl.Series([self.names.get(t) for t in range(self.base)], dtype=pl.String)
        name = pl.lit(lookup).gather(key % self.base)
        return size > 0, value, name


def rank_items(
    lf: pl.LazyFrame, items: list[tuple[pl.Expr | str, str]], tag: str, n: int
) -> tuple[pl.LazyFrame, Ranked]:
    """Add the `n` largest non-zero items of each row (by size, ties by name) as packed keys.

    An item's key packs its size in micro-points, its sign and its name order into one
    integer: ((size * 2 + negative) * base + tie), the earlier name having the larger tie. The
    largest key is the top item; the next is the largest key below it, and so on. Each slot is
    one horizontal max over the items: vectorised, and no per-pair comparisons. The slots are
    integers so that the rows can be sorted before the texts are built from them: moving
    strings is what a sort spends its time on."""
    by_name = sorted(range(len(items)), key=lambda i: items[i][1])
    tie = {i: len(items) - by_name.index(i) for i in range(len(items))}  # earlier name wins
    base = len(items) + 1
    keys = [f"_{tag}_k{i}" for i in range(len(items))]
    lf = lf.with_columns(
        (
            (
                ((pl.col(c) if isinstance(c, str) else c).fill_null(0.0) * MICRO)
                .round()
                .cast(pl.Int64)
                .abs()
                * 2
                + ((pl.col(c) if isinstance(c, str) else c) < 0).fill_null(False).cast(pl.Int64)
            )
            * base
            + tie[i]
        ).alias(keys[i])
        for i, (c, _) in enumerate(items)
    )
    slots = [f"_{tag}_s{k}" for k in range(n)]
    for k, slot in enumerate(slots):
        if k == 0:
            top = pl.max_horizontal(keys)
        else:
            below = pl.col(slots[k - 1])
            top = pl.max_horizontal([pl.col(x) * (pl.col(x) < below).cast(pl.Int64) for x in keys])
        lf = lf.with_columns(top.alias(slot))
    names = {tie[i]: name for i, (_, name) in enumerate(items)}
    return lf.drop(keys), Ranked(slots, base, names)


def rank_top_reasons(
    lf: pl.LazyFrame, items: list[tuple[pl.Expr | str, str]], n: int = 3
) -> tuple[pl.LazyFrame, Ranked | None]:
    """The slots top_reasons is built from (None when there are no items)."""
    if not items:
        return lf, None
    return rank_items(lf, items, "tr", n)


def top_reasons_text(ranked: Ranked | None) -> pl.Expr:
    """top_reasons: '+25.0 demo_request, +15.0 seniority, -20.0 personal_email'."""
    if ranked is None:
        return pl.lit(None, dtype=pl.String)
    texts = []
    for k in range(len(ranked.slots)):
        present, value, name = ranked.decode(k)
        sign = pl.when(value >= 0).then(pl.lit("+")).otherwise(pl.lit(""))
        texts.append(pl.when(present).then(joined(sign, value.round(1), " ", name)))
    listed = pl.concat_str(texts, separator=", ", ignore_nulls=True)
    # Slots fill in order, so a lead with no first reason has none: testing the first slot
    # rather than the listed text keeps the text from being built twice.
    return pl.when(ranked.decode(0)[0]).then(listed)


def rank_strongest(
    lf: pl.LazyFrame, items: list[tuple[pl.Expr | str, str]], tag: str
) -> tuple[pl.LazyFrame, Ranked | None]:
    """The slot holding the largest positive item (ties by name)."""
    if not items:
        return lf, None
    positive: list[tuple[pl.Expr | str, str]] = [
        ((pl.col(c) if isinstance(c, str) else c).clip(lower_bound=0), name) for c, name in items
    ]
    return rank_items(lf, positive, tag, 1)


def strongest_name(ranked: Ranked | None) -> pl.Expr:
    """The name of the strongest item, or null."""
    if ranked is None:
        return pl.lit(None, dtype=pl.String)
    present, _, name = ranked.decode(0)
    return pl.when(present).then(name)


def contribution_items(contribs: list[Contribution]) -> list[tuple[pl.Expr | str, str]]:
    return [(c.column, c.name) for c in contribs]


def score_columns(
    frame: pl.LazyFrame, model: ScoringModel, contribs: list[Contribution]
) -> tuple[pl.LazyFrame, list[tuple[pl.Expr | str, str]]]:
    """Group scores within their bounds, the total, and the items top reasons are drawn from
    (each rule, plus a cap:<group> item where a bound cut the group's sum)."""
    items = contribution_items(contribs)
    exprs = []
    for group in ("fit", "intent", "signal", "negative"):
        cols = [c.column for c in contribs if c.group == group]
        raw = micro_sum(cols)
        bounds = model.bounds.get(group)
        bounded = raw.clip(bounds.low, bounds.high) if bounds is not None else raw
        exprs.append(raw.alias(f"_raw_{group}"))
        exprs.append(bounded.alias(f"{group}_score"))
    frame = frame.with_columns(exprs)
    for group in ("fit", "intent", "signal", "negative"):
        adjust = pl.col(f"{group}_score") - pl.col(f"_raw_{group}")
        items.append((pl.when(adjust.abs() > 1e-9).then(adjust), f"cap:{group}"))
    scores = [f"{g}_score" for g in ("fit", "intent", "signal", "negative")]
    total = pl.sum_horizontal(scores)
    bounds = model.bounds.get("total")
    if bounds is not None:
        total = total.clip(bounds.low, bounds.high)
    return frame.with_columns(total.alias("total_score")), items
