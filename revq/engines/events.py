"""Activities and account signals, summed per lead as the polars engine sums them.

Each event's points are weighted by channel and decayed by age, summed per lead and rule in
whole micro-points (so the order rows arrive in cannot change a sum), then capped. Signals
join leads by account and count per signal type; the strongest one is the lead's why-now.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

import ibis
from ibis.expr import types as ir

from revq.core.scoring.model import ScoringModel
from revq.engines.conditions import Scope, condition, normalise_columns, text_compared
from revq.engines.numbers import clip, from_micro, lit, null_float, to_micro
from revq.engines.steps import step
from revq.engines.text import as_text, check_lowercase, kinds_of, lower, strip
from revq.engines.time import age_days, decay_factor, utc_date_text

LEAD = "lead_id"
# one moment, or the name of each lead's own column
AsOfValue: TypeAlias = ir.TimestampValue | str


@dataclass(frozen=True)
class PerLead:
    """Columns to join to the leads by lead id (`_lead`), each a contribution's points."""

    table: ir.Table
    columns: list[tuple[str, str]]  # (column, ledger name)


def _as_of(table: ir.Table, as_of: AsOfValue) -> ir.TimestampValue:
    return table[as_of] if isinstance(as_of, str) else as_of


def _weight_lookup(
    value: ir.StringValue, weights: tuple[tuple[str, float], ...], default: float, where: str
) -> ir.FloatingValue:
    """polars' `to_lowercase().replace_strict(weights, default=...)`: a null is the default."""
    for key, _ in weights:
        check_lowercase(key, where)
    if not weights:
        return lit(default)
    lowered = lower(value)
    return ibis.cases(*[(lowered == key, lit(w)) for key, w in weights], else_=lit(default))


def _attach_lead_ids(leads: ir.Table, activities: ir.Table) -> ir.Table:
    """Events keyed by lead id, or by email when the export has no lead id. Events keyed by
    id are not matched to the leads here: the sums per lead id are joined to the leads (those
    of an id no lead has, or of none, join no lead), which costs less than matching every
    event first."""
    if LEAD in activities.columns:
        return activities
    by_email = leads.select(**{LEAD: leads[LEAD], "_email": leads["email_normalised"]})
    keyed = activities.mutate(_email=lower(strip(activities["email"])))
    return keyed.join(by_email, "_email", how="inner")


def event_points(
    leads: ir.Table,
    activities: ir.Table,
    model: ScoringModel,
    as_of: AsOfValue,
    columns: list[str],
    stripped: frozenset[str] = frozenset(),
) -> PerLead:
    """Per lead, one column per event rule (named `columns`): its decayed, weighted points,
    summed and capped (null when no event of the rule counted). `stripped`: the activities'
    text columns with no white space at either end."""
    events = model.events
    assert events is not None
    acts = _attach_lead_ids(leads, activities)
    if isinstance(as_of, str):
        acts = acts.join(leads.select(LEAD, as_of), LEAD, how="inner")
    weights = events.channel_weights
    if "channel" in acts.columns and weights:
        channel = as_text(acts["channel"], kinds_of(acts)["channel"], "channel_weights", "channel")
        weight = _weight_lookup(channel, weights, 1.0, "intent.events.channel_weights")
    else:
        weight = lit(1.0)
    age = age_days(acts["occurred_at"], _as_of(acts, as_of))
    acts = step(acts.mutate(_age=age, _weight=weight), "activity_ages")
    acts = acts.mutate(_decay=decay_factor(acts["_age"], events.decay))
    scope = Scope(kinds_of(acts), stripped=stripped)
    compared = set().union(*(text_compared(r.when) for r in events.rules))
    acts, scope = normalise_columns(acts, scope, compared, "_n_")
    acts = step(acts.filter(acts["_decay"] > lit(0.0)), "activities_counted")
    names = [f"_e{i}" for i in range(len(events.rules))]
    scored = acts.select(
        _lead=acts[LEAD],
        **{
            name: ibis.ifelse(
                condition(rule.when, acts, scope, f"event rule {rule.name!r}"),
                lit(rule.points) * acts["_weight"] * acts["_decay"],
                null_float(),
            )
            for name, rule in zip(names, events.rules, strict=True)
        },
    )
    scored = step(scored, "activity_points")
    # A sum of no values is null: a rule no event of the lead counted for has no points.
    per_lead = scored.group_by("_lead").aggregate(
        **{name: from_micro(to_micro(scored[name]).sum()) for name in names}
    )
    capped = per_lead.select(
        "_lead",
        **{
            out: clip(
                per_lead[name],
                -abs(rule.cap) if rule.cap is not None else None,
                abs(rule.cap) if rule.cap is not None else None,
            )
            for out, name, rule in zip(columns, names, events.rules, strict=True)
        },
    )
    capped = step(capped, "event_points")
    return PerLead(capped, [(c, r.name) for c, r in zip(columns, events.rules, strict=True)])


@dataclass(frozen=True)
class SignalsPerLead(PerLead):
    """Also the strongest signal's label (`_signal`) and the newest signal's age in days."""


def signal_points(
    leads: ir.Table,
    signals: ir.Table,
    model: ScoringModel,
    as_of: AsOfValue,
    columns: list[str],
) -> SignalsPerLead:
    """Per lead, one column per signal type (decayed points summed), the strongest signal as
    'funding on 2026-10-20 (Series B)' and the age of the newest signal counted."""
    spec = model.signals
    assert spec is not None
    keep = [LEAD, "account_key", *([as_of] if isinstance(as_of, str) else [])]
    picked = ["account_key", "signal_type", "occurred_at"]
    has_detail = "detail" in signals.columns
    sig = signals.select(*picked, *(["detail"] if has_detail else []))
    joined = leads.select(*keep).join(sig, "account_key", how="inner")
    kind = kinds_of(joined)["signal_type"]
    signal_type = as_text(joined["signal_type"], kind, "signals.weights", "signal_type")
    joined = joined.mutate(
        signal_type=signal_type,
        age_days=age_days(joined["occurred_at"], _as_of(joined, as_of)),
        raw_points=_weight_lookup(signal_type, spec.weights, 0.0, "signals.weights"),
    )
    joined = step(joined, "signal_ages")
    joined = joined.mutate(decay_factor=decay_factor(joined["age_days"], spec.decay))
    joined = joined.filter((joined["decay_factor"] > lit(0.0)) & (joined["raw_points"] != lit(0.0)))
    detail = (" (" + joined["detail"].cast("string") + ")").fill_null("") if has_detail else ""
    label = joined["signal_type"] + " on " + utc_date_text(joined["occurred_at"]) + detail
    events = joined.mutate(
        points=joined["raw_points"] * joined["decay_factor"],
        _type=lower(joined["signal_type"]),
        _label=label,
    )
    events = step(events, "signals_counted")
    # The strongest: most points, then the newest, then the type's name, then the label
    # (the polars engine orders the same way).
    order = [
        ibis.desc(events["points"]),
        events["age_days"],
        events["signal_type"],
        events["_label"],
    ]
    ranked = events.mutate(_rank=ibis.row_number().over(group_by=LEAD, order_by=order))
    names = [f"_s{i}" for i in range(len(spec.weights))]
    per_lead = ranked.group_by(ranked[LEAD].name("_lead")).aggregate(
        **{
            name: ibis.ifelse(
                ranked["_type"] == key, to_micro(ranked["points"]), ibis.null("int64")
            ).sum()
            for name, (key, _) in zip(names, spec.weights, strict=True)
        },
        **{
            f"{name}_n": (ranked["_type"] == key).sum()
            for name, (key, _) in zip(names, spec.weights, strict=True)
        },
        _signal=ranked["_label"].max(where=ranked["_rank"] == 0),
        _signal_age=ranked["age_days"].min(),
    )
    out = per_lead.select(
        "_lead",
        "_signal",
        "_signal_age",
        **{
            out: ibis.ifelse(per_lead[f"{name}_n"] > 0, from_micro(per_lead[name]), null_float())
            for out, name, (key, _) in zip(columns, names, spec.weights, strict=True)
        },
    )
    out = step(out, "signal_points")
    named = [(c, f"signal:{key}") for c, (key, _) in zip(columns, spec.weights, strict=True)]
    return SignalsPerLead(out, named)
