"""The scoring model as one Ibis expression: the polars engine's `score_leads`, in SQL.

`score_table` takes tables with revq's canonical columns and types (what revq's loader
gives: lead_id, email_normalised, account_key, UTC timestamps...) and returns the columns
`revq score` writes, in its order, with its rows in its order (total score, highest first,
then lead id). Run on DuckDB or Spark, or compiled for a warehouse, it gives the polars
engine's numbers bit for bit and its texts character for character: every float operation
is the one polars does (see `numbers`), text is stripped and lowercased as polars does it
(`text`), and regexes mean what they mean to polars (`regex`). A rule that cannot be
compiled with that meaning raises NotCompiled, naming it.

The expression is built in named steps, which compile to named CTEs: segments, then a step
per config group (fit, intent, negative), events and event_points, signal_events and
signal_points, scores, reasons, decisions, routing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

import ibis
from ibis.expr import types as ir

from revq.core.scoring.columns import COMPUTED, OUTPUT
from revq.core.scoring.decide import DEFAULT_ACTIONS, template_fields
from revq.core.scoring.model import (
    POINTS_LIMIT,
    Always,
    Condition,
    Fixed,
    Lookup,
    PerUnit,
    Rule,
    ScoringModel,
)
from revq.engines.conditions import (
    Scope,
    column,
    condition,
    normalise_columns,
    text_compared,
    text_number,
)
from revq.engines.decide import decide
from revq.engines.errors import MissingColumn, NotCompiled
from revq.engines.events import AsOfValue, event_points, signal_points
from revq.engines.numbers import (
    clip,
    from_micro_total,
    is_finite,
    lit,
    micro_total,
    null_float,
    pairwise_sum,
    round_to,
    zero_total,
)
from revq.engines.reasons import Item, rank_items, strongest_name, top_reasons_text
from revq.engines.regex import search_pattern
from revq.engines.steps import LOOKUP, POINTS, step, without
from revq.engines.text import as_text, kinds_of, null_text
from revq.engines.time import age_days, decay_factor, instant

GROUPS = ("fit", "intent", "signal", "negative")
RULE_GROUPS = ("fit", "intent", "negative")
SEGMENT = "segment"
DEFAULT_SEGMENT = "default"
LEAD = "lead_id"
SCORE_COLUMNS = (*(f"{g}_score" for g in GROUPS), "total_score")

AsOf = datetime | str  # one time for every lead, or the name of each lead's own time column


@dataclass(frozen=True)
class Contribution:
    column: str  # the table column holding this rule's points (null: did not fire)
    name: str  # the rule's ledger name
    group: str


class _Names:
    """Column names for contributions: `pts_` and the rule's name, made safe for every
    dialect's identifiers and distinct from each other and from the leads' columns."""

    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = set(taken)

    def __call__(self, rule: str) -> str:
        base = POINTS + re.sub(r"[^0-9A-Za-z_]", "_", rule)
        name, n = base, 1
        while name in self.taken:
            n += 1
            name = f"{base}_{n}"
        self.taken.add(name)
        return name


def score_table(
    model: ScoringModel,
    leads: ir.Table,
    *,
    activities: ir.Table | None = None,
    signals: ir.Table | None = None,
    as_of: AsOf,
    stripped: Mapping[str, frozenset[str]] | None = None,
) -> ir.Table:
    """The scored leads, as the polars engine's `score_leads` then `revq score` gives them.

    Args:
        model: the compiled scoring model (`revq.config.scoring.load_scoring(...).model`).
        leads: the leads, with revq's canonical column names and types.
        activities: the activities (canonical), or None: no event rules are scored.
        signals: the account signals (canonical), or None: no signals are scored.
        as_of: the time scored as of (a timezone-aware datetime; naive is taken as UTC), or
            the name of a lead column holding each lead's own time.
        stripped: by table (leads, activities), the text columns that hold no white space
            at either end, as revq's loaders leave the text they read (compared lowercased
            alone); none unless given.

    Returns:
        A table with the columns of `revq score` (those of revq.core.scoring.columns.OUTPUT
        the leads have, then segment, scores and decisions), ordered by total score, highest
        first, then lead id (a missing id first).

    Raises:
        NotCompiled: a rule that cannot be compiled with the polars engine's meaning.
        MissingColumn: a table lacks a canonical column scoring reads.
    """
    check_inputs(model, leads, activities, signals)
    moment: AsOfValue = as_of if isinstance(as_of, str) else instant(as_of)
    if not isinstance(moment, str):
        leads = existing(leads, moment)
    stripped = stripped or {}
    table, scope, lookups = prepare_leads(leads, model, moment, stripped.get("leads", frozenset()))
    # events and signals are keyed from this early step, so that the query's steps form a
    # chain, not a tree that repeats every earlier step in each join
    keyed = table
    names = _Names(table.columns)
    table, contribs = column_contributions(table, model, scope, names, lookups)
    if activities is not None and model.events is not None:
        columns = [names(r.name) for r in model.events.rules]
        per = event_points(
            keyed, activities, model, moment, columns, stripped.get("activities", frozenset())
        )
        table = _join_per_lead(table, per.table)
        contribs += [Contribution(c, n, "intent") for c, n in per.columns]
    if signals is not None and model.signals is not None:
        columns = [names(key) for key, _ in model.signals.weights]
        sig = signal_points(keyed, signals, model, moment, columns)
        table = _join_per_lead(table, sig.table)
        contribs += [Contribution(c, n, "signal") for c, n in sig.columns]
    else:
        table = table.mutate(_signal=null_text(), _signal_age=null_float())
    table, items = score_columns(table, model, contribs)
    table = explain(table, contribs, items)
    unrounded = {score: f"_u_{score}" for score in SCORE_COLUMNS}
    decided = decide(table, model, unrounded, scope.normalised)
    keep = [c for c in OUTPUT if c in decided.columns]
    out = decided.select(*keep)
    return out.order_by([ibis.desc(out["total_score"]), ibis.asc(out[LEAD], nulls_first=True)])


def _existed(leads: ir.Table, moment: ir.TimestampValue) -> ir.BooleanValue:
    """Whether each lead existed at `moment` (the polars engine's `created_after`, negated)."""
    return leads.created_at.isnull() | (leads.created_at < moment)


def existing(leads: ir.Table, moment: ir.TimestampValue) -> ir.Table:
    """The leads that existed at `moment`: one created after it is left out, one without a
    creation time kept (the polars engine's `existing`)."""
    return leads.filter(_existed(leads, moment)) if "created_at" in leads.columns else leads


def created_later(leads: ir.Table, moment: ir.TimestampValue) -> ir.Table | None:
    """The leads `existing` leaves out; None when the leads have no creation time."""
    return leads.filter(~_existed(leads, moment)) if "created_at" in leads.columns else None


def check_inputs(
    model: ScoringModel, leads: ir.Table, activities: ir.Table | None, signals: ir.Table | None
) -> None:
    """The canonical columns scoring reads, there before any expression reads them (what
    revq's loader makes sure of for the polars engine)."""
    needed = [("leads", leads, LEAD, "each lead is scored by its id")]
    if activities is not None and model.events is not None:
        if LEAD not in activities.columns and "email" not in activities.columns:
            raise MissingColumn(
                "activities", LEAD, "nor 'email': events are matched to leads by one of them"
            )
        if LEAD not in activities.columns:
            needed.append(("leads", leads, "email_normalised", "events are matched by email"))
        needed.append(("activities", activities, "occurred_at", "events decay with their age"))
    if signals is not None and model.signals is not None:
        matched = "signals are matched to leads by their account"
        needed += [
            ("leads", leads, "account_key", matched),
            ("signals", signals, "account_key", matched),
            ("signals", signals, "signal_type", "signals are weighed by their type"),
            ("signals", signals, "occurred_at", "signals decay with their age"),
        ]
    for name, table, wanted, why in needed:
        if wanted not in table.columns:
            raise MissingColumn(name, wanted, why)


def needed_columns(model: ScoringModel, leads: ir.Table, as_of: AsOfValue) -> list[str]:
    """The lead columns scoring reads or writes out, in the leads' order: the rest are not
    carried through every step of the query."""
    wanted = set(OUTPUT) | model.lead_columns() | set(model.decision.signal_context)
    wanted |= {LEAD, "owner", "created_at", "last_activity_at", "email_normalised"}
    wanted |= {"account_key"}
    for template in {**DEFAULT_ACTIONS, **model.actions}.values():
        wanted |= set(template_fields(template))
    if isinstance(as_of, str):
        wanted.add(as_of)
    return [c for c in leads.columns if c in wanted]


def prepare_leads(
    leads: ir.Table, model: ScoringModel, as_of: AsOfValue, stripped: frozenset[str] = frozenset()
) -> tuple[ir.Table, Scope, dict[Lookup, str]]:
    """The leads' columns scoring needs, the text columns rules compare normalised once,
    the intent decay by last activity, the lookups several rules read (each in the column
    the returned dict names), and each lead's segment."""
    table = leads.select(*needed_columns(model, leads, as_of))
    scope = Scope(kinds_of(table), stripped=stripped)
    compared: set[str] = set()
    for cond in _lead_conditions(model):
        compared |= text_compared(cond)
    # a column scoring writes (segment, owner, stage...) changes on the way: not cached
    table, scope = normalise_columns(table, scope, compared - COMPUTED - {"owner"}, "_n_")
    if model.intent_decay_by_last_activity is not None and "last_activity_at" in scope.kinds:
        table = table.mutate(_intent_decay=_last_activity_decay(table, model, as_of))
    lookups: dict[Lookup, str] = {}
    for points, where in shared_lookups(model):
        name = LOOKUP + re.sub(r"[^0-9A-Za-z_]", "_", points.column)
        while name in table.columns:
            name += "_"
        lookups[points] = name
        table = table.mutate(**{name: looked_up(points, table, scope, where)})
    table = step(table, "leads_prepared")
    table = step(assign_segments(table, model, scope), "segments")
    return table, scope, lookups


def shared_lookups(model: ScoringModel) -> list[tuple[Lookup, str]]:
    """The lookups more than one lead rule reads (a segment's rule overriding a base rule
    often reads the same), each with the first such rule (for messages): each is looked up
    once per lead, in a column of its own, rather than once per rule."""
    first: dict[Lookup, str] = {}
    readers: dict[Lookup, int] = {}
    named = [(r.name, r) for r in model.rules]
    named += [(f"{seg.name}.{r.name}", r) for seg in model.segments for r in seg.rules]
    for name, rule in named:
        if isinstance(rule.points, Lookup):
            first.setdefault(rule.points, f"rule {name!r}")
            readers[rule.points] = readers.get(rule.points, 0) + 1
    return [(points, where) for points, where in first.items() if readers[points] > 1]


def _lead_conditions(model: ScoringModel) -> list[Condition]:
    conds = [r.when for r in model.rules] + [s.when for s in model.segments]
    conds += [r.when for s in model.segments for r in s.rules]
    conds += [g.when for g in model.gates]
    if model.routing is not None:
        conds += [r.when for r in model.routing.routes]
    if model.decision.pql is not None:
        conds.append(model.decision.pql)
    return conds


def _join_per_lead(table: ir.Table, per_lead: ir.Table) -> ir.Table:
    joined = table.left_join(per_lead, table[LEAD] == per_lead["_lead"])
    return without(joined, "_lead")


def assign_segments(leads: ir.Table, model: ScoringModel, scope: Scope) -> ir.Table:
    """Each lead's segment: the first whose condition it meets, else 'default'."""
    if not model.segments:
        return leads.mutate(**{SEGMENT: ibis.literal(DEFAULT_SEGMENT)})
    segment = ibis.cases(
        *[
            (condition(seg.when, leads, scope, f"segment {seg.name!r}"), ibis.literal(seg.name))
            for seg in model.segments
        ],
        else_=ibis.literal(DEFAULT_SEGMENT),
    )
    return leads.mutate(**{SEGMENT: segment})


def all_rules(
    model: ScoringModel, table: ir.Table
) -> list[tuple[str, ir.BooleanValue | None, Rule]]:
    """(ledger name, who it applies to (None: every lead), rule), as the polars engine's
    `all_rules`: a segment's rule replaces the base rule of the same name for that segment's
    leads."""
    out: list[tuple[str, ir.BooleanValue | None, Rule]] = []
    segment = table[SEGMENT]
    for r in model.rules:
        overriding = [s.name for s in model.segments if any(x.name == r.name for x in s.rules)]
        out.append((r.name, ~segment.isin(overriding) if overriding else None, r))
    for seg in model.segments:
        out += [(f"{seg.name}.{r.name}", segment == seg.name, r) for r in seg.rules]
    return out


def points_value(
    rule: Rule,
    table: ir.Table,
    scope: Scope,
    where: str,
    decay: ir.FloatingValue | None,
    lookups: dict[Lookup, str] | None = None,
) -> ir.FloatingValue:
    """A rule's points when it fires (fixed, per unit of a column, or from a lookup),
    decayed when `decay` is given, within the rule's cap. A constant is capped here rather
    than in the query. A lookup in `lookups` is read from the column that holds it."""
    points = rule.points
    cap = abs(rule.cap) if rule.cap is not None else None

    def capped_number(value: float) -> float:
        return value if cap is None else min(max(value, -cap), cap)

    def capped(value: ir.FloatingValue) -> ir.FloatingValue:
        return clip(value, -cap if cap is not None else None, cap)

    if isinstance(points, Fixed):
        if decay is not None:
            return capped(lit(points.points) * decay)
        return lit(capped_number(points.points))
    if isinstance(points, PerUnit):
        units = _units(column(table, points.column, where), scope, points.column, where)
        given = clip(units * lit(points.each), -POINTS_LIMIT, POINTS_LIMIT)
        value = ibis.ifelse(is_finite(units), given, null_float())
        return capped(value * decay if decay is not None else value)
    assert isinstance(points, Lookup)
    held = (lookups or {}).get(points)
    if held is not None:
        found = table[held]
        return capped(found * decay if decay is not None else found)
    if decay is not None:
        return capped(looked_up(points, table, scope, where) * decay)
    return looked_up(points, table, scope, where, capped_number)


def looked_up(
    points: Lookup,
    table: ir.Table,
    scope: Scope,
    where: str,
    each: Callable[[float], float] = float,
) -> ir.FloatingValue:
    """The points of the lookup's first pattern that the column matches (each given by
    `each`), or null."""
    value = column(table, points.column, where)
    text = as_text(value, scope.kind(points.column), where, points.column)
    branches = []
    for pattern, number in points.table:
        found = text.re_search(search_pattern(pattern, f"{where} (its lookup)"))
        branches.append((found.fill_null(False), lit(each(number))))
    return ibis.cases(*branches, else_=null_float()) if branches else null_float()


def _units(value: ir.Value, scope: Scope, name: str, where: str) -> ir.FloatingValue:
    """polars' `cast(pl.Float64, strict=False)` of a column (text is not stripped)."""
    kind = scope.kind(name)
    if kind in ("int", "float", "bool"):
        return value.cast("float64")
    if kind == "time":
        raise NotCompiled(where, f"points per unit of the time column {name!r}")
    return text_number(as_text(value, kind, where, name))


def _last_activity_decay(
    table: ir.Table, model: ScoringModel, as_of: AsOfValue
) -> ir.FloatingValue:
    """Aggregate intent columns decay by the last activity date; no date, no decay."""
    assert model.intent_decay_by_last_activity is not None
    at = table["last_activity_at"]
    moment = table[as_of] if isinstance(as_of, str) else as_of
    factor = decay_factor(age_days(at, moment), model.intent_decay_by_last_activity)
    return ibis.ifelse(at.isnull(), lit(1.0), factor)


def column_contributions(
    table: ir.Table,
    model: ScoringModel,
    scope: Scope,
    names: _Names,
    lookups: dict[Lookup, str] | None = None,
) -> tuple[ir.Table, list[Contribution]]:
    """One column per lead-column rule, a step per group: the rule's points where it fires
    (decayed for intent when the config says so), capped."""
    contribs: list[Contribution] = []
    for group in RULE_GROUPS:
        columns = {}
        for name, applies, rule in all_rules(model, table):
            if rule.group != group:
                continue
            where = f"rule {name!r}"
            fires = applies
            if not isinstance(rule.when, Always):
                test = condition(rule.when, table, scope, where)
                fires = test if applies is None else test & applies
            has_decay = group == "intent" and "_intent_decay" in table.columns
            rule_decay = table["_intent_decay"] if has_decay else None
            value = points_value(rule, table, scope, where, rule_decay, lookups)
            col = names(name)
            columns[col] = value if fires is None else ibis.ifelse(fires, value, null_float())
            contribs.append(Contribution(col, name, group))
        if columns:
            # each group reads the leads' columns, so each is a step over the previous one
            table = step(table.mutate(**columns), group)
    return table, contribs


def score_columns(
    table: ir.Table, model: ScoringModel, contribs: list[Contribution]
) -> tuple[ir.Table, list[Item]]:
    """Group sums in whole micro-points, within their bounds, and the total; the items top
    reasons are drawn from (each rule, plus cap:<group> where a bound cut the group's sum)."""
    totals = {}
    for group in GROUPS:
        values = [table[c.column] for c in contribs if c.group == group]
        if values:
            totals[f"_mp_{group}"] = micro_total(values)
            totals[f"_zero_{group}"] = zero_total(values)
    table = step(table.mutate(**totals), "group_micro_points")
    raw = {}
    for group in GROUPS:
        if f"_mp_{group}" in table.columns:
            total, zeros = table[f"_mp_{group}"], table[f"_zero_{group}"]
            raw[f"_raw_{group}"] = from_micro_total(total, zeros)
        else:
            raw[f"_raw_{group}"] = lit(0.0)
    table = step(without(table.mutate(**raw), *totals), "group_sums")
    bounded = {}
    for group in GROUPS:
        bounds = model.bounds.get(group)
        value = table[f"_raw_{group}"]
        bounded[f"_u_{group}_score"] = (
            clip(value, bounds.low, bounds.high) if bounds is not None else value
        )
    table = step(table.mutate(**bounded), "group_scores")
    total = pairwise_sum([table[f"_u_{g}_score"] for g in GROUPS])
    bounds = model.bounds.get("total")
    if bounds is not None:
        total = clip(total, bounds.low, bounds.high)
    caps = {}
    for group in GROUPS:
        adjust = table[f"_u_{group}_score"] - table[f"_raw_{group}"]
        caps[f"_cap_{group}"] = ibis.ifelse(adjust.abs() > lit(1e-9), adjust, null_float())
    table = step(table.mutate(_u_total_score=total, **caps), "scores")
    items: list[Item] = [(c.column, c.name) for c in contribs]
    items += [(f"_cap_{group}", f"cap:{group}") for group in GROUPS]
    return table, items


def explain(table: ir.Table, contribs: list[Contribution], items: list[Item]) -> ir.Table:
    """Top reasons and why-now (the strongest signal, else the strongest behaviour), then
    the scores rounded to two decimals; the working columns dropped."""
    intent: list[Item] = [(c.column, c.name) for c in contribs if c.group == "intent"]
    strongest = None
    if intent:
        table, strongest = rank_items(table, intent, "strongest", 1, positive=True)
    table, reasons = rank_items(table, items, "reason", 3)
    texts = table.mutate(
        top_reasons=top_reasons_text(table, reasons),
        why_now=ibis.coalesce(table["_signal"], strongest_name(table, strongest)),
        **{score: round_to(table[f"_u_{score}"], 2) for score in SCORE_COLUMNS},
    )
    working = [c.column for c in contribs] + [f"_raw_{g}" for g in GROUPS] + ["_signal"]
    working += [f"_cap_{g}" for g in GROUPS] + reasons.columns
    if strongest is not None:
        working += strongest.columns
    return step(without(texts, *working), "reasons")
