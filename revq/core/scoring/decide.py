"""From scores to decisions: fit grade, fit x intent quadrant, stage, why-now, next action,
owner and the top reasons."""

from __future__ import annotations

import re
from typing import Any

import polars as pl

from revq.core.scoring.conditions import NO_CODES, Codes, condition_expr
from revq.core.scoring.model import Condition, ScoringModel

QUADRANTS = {
    (True, True): "prioritise_now",
    (True, False): "nurture_patiently",
    (False, True): "qualify_carefully",
    (False, False): "ignore",
}
SALES_STAGES = ("sales_ready", "mql", "signal_qualified", "pql")

DEFAULT_ACTIONS = {
    "sales_ready": "Route to {owner|an owner} now: first touch within 24 hours (1 hour for a "
    "demo request). Why now: {why_now|no single trigger}.",
    "mql": "Route to {owner|an owner} now: first touch within 24 hours. "
    "Why now: {why_now|no single trigger}.",
    "signal_qualified": "{owner|Sales}: reach out this week with context: {why_now}.",
    "pql": "{owner|Sales}: offer help to the active trial user; usage crossed the PQL bar.",
    "nurture": "Keep in nurture and re-check when intent rises.",
    "recycled": "Recycle to nurture; re-check in 90 days ({gate_reason}).",
    "disqualified": "No sales action ({gate_reason|low fit and intent}).",
    "converted": "No sales action: already converted ({gate_reason}).",
}

# {column} or {column|text shown when the lead has no value}
TEMPLATE_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_ ]*)(?:\|([^{}]*))?\}")


def template_expr(template: str) -> pl.Expr:
    """'Call {first_name} at {company|their company}' -> a string expression; a missing value
    shows as the text after '|', or as '-'."""
    parts: list[pl.Expr] = []
    pos = 0
    for m in TEMPLATE_FIELD.finditer(template):
        if m.start() > pos:
            parts.append(pl.lit(template[pos : m.start()]))
        fallback = m.group(2) if m.group(2) is not None else "-"
        parts.append(pl.col(m.group(1)).cast(pl.String).fill_null(fallback))
        pos = m.end()
    if pos < len(template):
        parts.append(pl.lit(template[pos:]))
    return pl.concat_str(parts) if parts else pl.lit("")


def template_fields(template: str) -> list[str]:
    """The fields a template names, in the order it names them (messages name the first)."""
    return list(dict.fromkeys(m.group(1) for m in TEMPLATE_FIELD.finditer(template)))


# What the decisions read of a lead's own columns, as numbers (`with_lead_tests`).
GATE, TEAM, PQL = "_gate", "_team", "_pql"


def with_lead_tests(
    leads: pl.LazyFrame, model: ScoringModel, codes: Codes = NO_CODES
) -> pl.LazyFrame:
    """The leads with what `decide` tests of their own columns: the first gate each hits
    (`_gate`, its index in the config; null for none), its routing team (`_team`, the index of
    the first route it matches, else the default team's) and whether it passes the PQL bar
    (`_pql`). Tested where scoring tests the rules, so that each compared text is normalised
    once for all of them (`with_normalised_texts`), and carried as numbers: the leads are put
    in order before they are decided, and the sort need not carry the texts."""
    schema = leads.collect_schema()

    def first_hit(conditions: list[Condition], none: int | None) -> pl.Expr:
        """The index of the first condition a lead meets, else `none`."""
        hit: pl.Expr = pl.lit(none, dtype=pl.Int32)
        for i, condition in reversed(list(enumerate(conditions))):
            hit = (
                pl.when(condition_expr(condition, schema, codes))
                .then(pl.lit(i, pl.Int32))
                .otherwise(hit)
            )
        return hit

    tests = []
    if model.gates:
        tests.append(first_hit([g.when for g in model.gates], None).alias(GATE))
    if model.routing is not None:
        routes = [route.when for route in model.routing.routes]
        tests.append(first_hit(routes, len(routes)).alias(TEAM))  # else the default team
    if model.decision.pql is not None:
        tests.append(condition_expr(model.decision.pql, schema, codes).alias(PQL))
    return leads.with_columns(tests)


def _assign_owners(scored: pl.LazyFrame, model: ScoringModel) -> pl.LazyFrame:
    schema = scored.collect_schema()
    existing = pl.col("owner") if "owner" in schema else pl.lit(None, dtype=pl.String)
    routing = model.routing
    if routing is None:
        return scored.with_columns(existing.alias("owner"))
    teams = [route.team for route in routing.routes] + [routing.default_team]
    keep = existing.is_not_null() if routing.keep_existing_owner else pl.lit(False)
    needs = pl.col("stage").is_in(SALES_STAGES) & ~keep
    # A lead's turn in its team counts only where it is routed: the others' order keys are
    # left empty, which spares the window putting every lead in order (a sort of all of them).
    order = [
        pl.when(pl.col("_needs")).then(pl.col(c))
        for c in (["created_at", "lead_id"] if "created_at" in schema else ["lead_id"])
    ]
    scored = scored.with_columns(needs.alias("_needs")).with_columns(
        pl.int_range(pl.len()).over([TEAM, "_needs"], order_by=order).alias("_turn")
    )
    routed: pl.Expr = pl.lit(None, dtype=pl.String)
    for i, team in enumerate(teams):
        if not team:
            continue
        pick = pl.lit(pl.Series(list(team), dtype=pl.String)).gather(pl.col("_turn") % len(team))
        routed = pl.when(pl.col(TEAM) == i).then(pick).otherwise(routed)
    owner = pl.when(keep).then(existing).when(pl.col("_needs")).then(routed).otherwise(existing)
    return scored.with_columns(owner.alias("owner")).drop("_needs", "_turn")


def decide(scored: pl.LazyFrame, model: ScoringModel) -> pl.LazyFrame:
    """`scored` has the scores, why_now, top_reasons, _signal_age (days since the most
    recent account signal, null when none) and the tests of `with_lead_tests`."""
    d = model.decision
    schema = scored.collect_schema()
    fit, intent, sig, total = (
        pl.col(c) for c in ("fit_score", "intent_score", "signal_score", "total_score")
    )
    grade: pl.Expr = pl.lit("D")
    for letter, cutoff in reversed(d.grades):
        grade = pl.when(fit >= cutoff).then(pl.lit(letter)).otherwise(grade)
    fit_high = fit >= d.fit_high
    intent_high = (intent + sig) >= d.intent_high
    quadrant = (
        pl.when(fit_high & intent_high)
        .then(pl.lit(QUADRANTS[(True, True)]))
        .when(fit_high)
        .then(pl.lit(QUADRANTS[(True, False)]))
        .when(intent_high)
        .then(pl.lit(QUADRANTS[(False, True)]))
        .otherwise(pl.lit(QUADRANTS[(False, False)]))
    )
    gate_name: pl.Expr = pl.lit(None, dtype=pl.String)
    gate_reason: pl.Expr = pl.lit(None, dtype=pl.String)
    gate_outcome: pl.Expr = pl.lit(None, dtype=pl.String)
    for i, gate in reversed(list(enumerate(model.gates))):
        hit = pl.col(GATE) == i
        gate_name = pl.when(hit).then(pl.lit(gate.name)).otherwise(gate_name)
        gate_reason = pl.when(hit).then(pl.lit(gate.reason)).otherwise(gate_reason)
        gate_outcome = pl.when(hit).then(pl.lit(gate.outcome)).otherwise(gate_outcome)
    scored = scored.with_columns(
        grade.alias("fit_grade"),
        quadrant.alias("quadrant"),
        gate_name.alias("gate"),
        gate_reason.alias("gate_reason"),
        gate_outcome.alias("_gate_outcome"),
    )
    context = [pl.col(c).is_not_null() for c in d.signal_context if c in schema]
    signal_qualified = (
        (fit >= d.signal_min_fit)
        & (pl.col("_signal_age") <= d.signal_within_days).fill_null(False)
        & pl.all_horizontal(context or [pl.lit(True)])
    )
    top_stage, top_cut = (
        ("mql", d.mql_threshold) if d.mql_threshold is not None else ("sales_ready", d.sales_ready)
    )
    stage: Any = (
        pl.when(pl.col("_gate_outcome") == "disqualify")
        .then(pl.lit("disqualified"))
        .when(pl.col("_gate_outcome") == "recycle")
        .then(pl.lit("recycled"))
        .when(pl.col("_gate_outcome") == "converted")
        .then(pl.lit("converted"))
    )
    if d.pql is not None:
        stage = stage.when(pl.col(PQL)).then(pl.lit("pql"))
    stage = (
        stage.when(total >= top_cut)
        .then(pl.lit(top_stage))
        .when(signal_qualified)
        .then(pl.lit("signal_qualified"))
        .when(total >= d.nurture)
        .then(pl.lit("nurture"))
        .when(pl.col("quadrant") == "ignore")
        .then(pl.lit("disqualified"))
        .otherwise(pl.lit("nurture"))
    )
    scored = scored.with_columns(stage.alias("stage")).drop("_gate_outcome", "_signal_age")
    scored = _assign_owners(scored, model)
    actions = {**DEFAULT_ACTIONS, **model.actions}
    action: pl.Expr = pl.lit(None, dtype=pl.String)
    for stage_name, template in actions.items():
        action = (
            pl.when(pl.col("stage") == stage_name).then(template_expr(template)).otherwise(action)
        )
    tested = [c for c in (GATE, TEAM, PQL) if c in schema]
    return scored.with_columns(action.alias("next_action")).drop(tested)
