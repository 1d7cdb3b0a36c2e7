"""From scores to decisions, as revq.core.scoring.decide: fit grade, fit x intent quadrant,
gate, stage, owner (round robin within each team) and the next action's text."""

from __future__ import annotations

from collections.abc import Mapping

import ibis
from ibis.expr import types as ir

from revq.core.scoring.decide import DEFAULT_ACTIONS, QUADRANTS, SALES_STAGES, TEMPLATE_FIELD
from revq.core.scoring.model import ScoringModel
from revq.engines.conditions import Scope, condition
from revq.engines.errors import NotCompiled
from revq.engines.numbers import decimal_text, is_negative, is_present, lit, round_half_even
from revq.engines.steps import step, without
from revq.engines.text import Kind, as_text, kinds_of, null_text


def decide(
    scored: ir.Table,
    model: ScoringModel,
    unrounded: Mapping[str, str],
    normalised: Mapping[str, str],
) -> ir.Table:
    """`scored` has the rounded scores, why_now, top_reasons and _signal_age; `unrounded`
    names the columns holding each score before rounding (for writing a score as text),
    `normalised` the lead columns already normalised for text comparisons."""
    d = model.decision
    kinds = kinds_of(scored)  # what polars sees when decide() begins
    scope = Scope(kinds, normalised)
    fit, intent, sig = (scored[c] for c in ("fit_score", "intent_score", "signal_score"))
    grade: ir.StringValue = (
        ibis.cases(
            *[(fit >= lit(cutoff), ibis.literal(letter)) for letter, cutoff in d.grades],
            else_=ibis.literal("D"),
        )
        if d.grades
        else ibis.literal("D")
    )
    fit_high = fit >= lit(d.fit_high)
    intent_high = (intent + sig) >= lit(d.intent_high)
    quadrant = ibis.cases(
        (fit_high & intent_high, QUADRANTS[(True, True)]),
        (fit_high, QUADRANTS[(True, False)]),
        (intent_high, QUADRANTS[(False, True)]),
        else_=QUADRANTS[(False, False)],
    )
    hits = [(condition(g.when, scored, scope, f"gate {g.name!r}"), g) for g in model.gates]

    def first_gate(pick: str) -> ir.StringValue:
        if not hits:
            return null_text()
        return ibis.cases(
            *[(hit, ibis.literal(getattr(g, pick))) for hit, g in hits], else_=null_text()
        )

    table = scored.mutate(
        fit_grade=grade,
        quadrant=quadrant,
        gate=first_gate("name"),
        gate_reason=first_gate("reason"),
        _gate_outcome=first_gate("outcome"),
    )
    context = [is_present(table[c]) for c in d.signal_context if c in kinds]
    signal_qualified = (fit >= lit(d.signal_min_fit)) & (
        table["_signal_age"] <= lit(d.signal_within_days)
    ).fill_null(False)
    for known in context:
        signal_qualified = signal_qualified & known
    top_stage, top_cut = (
        ("mql", d.mql_threshold) if d.mql_threshold is not None else ("sales_ready", d.sales_ready)
    )
    outcome = table["_gate_outcome"]
    branches: list[tuple[ir.BooleanValue, str]] = [
        ((outcome == "disqualify").fill_null(False), "disqualified"),
        ((outcome == "recycle").fill_null(False), "recycled"),
    ]
    if model.converted_gates:  # else the query need not say it
        branches.append(((outcome == "converted").fill_null(False), "converted"))
    if d.pql is not None:
        branches.append((condition(d.pql, table, scope, "decision.pql"), "pql"))
    branches += [
        (table["total_score"] >= lit(top_cut), top_stage),
        (signal_qualified, "signal_qualified"),
        (table["total_score"] >= lit(d.nurture), "nurture"),
        (table["quadrant"] == QUADRANTS[(False, False)], "disqualified"),
    ]
    stage = ibis.cases(*branches, else_="nurture")
    table = step(without(table.mutate(stage=stage), "_gate_outcome", "_signal_age"), "decisions")
    table = assign_owners(table, model, normalised)
    return table.mutate(next_action=next_action(table, model, unrounded))


def assign_owners(scored: ir.Table, model: ScoringModel, normalised: Mapping[str, str]) -> ir.Table:
    """The existing owner kept (when routing says so), else the next owner of the lead's
    team in turn, by creation time then lead id, among the team's leads that need one."""
    existing = scored["owner"] if "owner" in scored.columns else null_text()
    routing = model.routing
    if routing is None:
        return scored.mutate(owner=existing)
    scope = Scope(kinds_of(scored), normalised)
    teams = [route.team for route in routing.routes] + [routing.default_team]
    team_id: ir.IntegerValue = (
        ibis.cases(
            *[
                (condition(route.when, scored, scope, f"routing.routes[{i}]"), i)
                for i, route in enumerate(routing.routes)
            ],
            else_=len(teams) - 1,
        )
        if routing.routes
        else ibis.literal(len(teams) - 1)
    )
    keep = existing.notnull() if routing.keep_existing_owner else ibis.literal(False)
    needs = scored["stage"].isin(list(SALES_STAGES)) & ~keep
    table = scored.mutate(_team=team_id, _needs=needs, _keep=keep)
    order = [
        ibis.asc(table[c], nulls_first=True)
        for c in (("created_at", "lead_id") if "created_at" in table.columns else ("lead_id",))
    ]
    turn = ibis.row_number().over(group_by=[table["_team"], table["_needs"]], order_by=order)
    table = step(table.mutate(_turn=turn), "routing")
    routed: ir.StringValue = null_text()
    picks = []
    for i, team in enumerate(teams):
        if not team:
            continue
        turn = table["_turn"] % len(team)
        pick = ibis.cases(*[(turn == j, ibis.literal(name)) for j, name in enumerate(team)])
        picks.append((table["_team"] == i, pick))
    if picks:
        routed = ibis.cases(*picks, else_=null_text())
    current = table["owner"] if "owner" in table.columns else null_text()  # as `existing`
    owner = ibis.cases((table["_keep"], current), (table["_needs"], routed), else_=current)
    return without(table.mutate(owner=owner), "_team", "_needs", "_keep", "_turn")


def next_action(table: ir.Table, model: ScoringModel, unrounded: Mapping[str, str]) -> ir.Value:
    actions = {**DEFAULT_ACTIONS, **model.actions}
    kinds = kinds_of(table)
    return ibis.cases(
        *[
            (table["stage"] == stage, template_text(template, table, kinds, unrounded, stage))
            for stage, template in actions.items()
        ],
        else_=null_text(),
    )


def template_text(
    template: str,
    table: ir.Table,
    kinds: Mapping[str, Kind],
    unrounded: Mapping[str, str],
    stage: str,
) -> ir.StringValue:
    """'Call {first_name} at {company|their company}': a missing value shows as the text
    after '|', or as '-' (the polars engine's `template_expr`)."""
    where = f"actions.{stage}"
    parts: list[ir.StringValue] = []
    pos = 0
    for m in TEMPLATE_FIELD.finditer(template):
        if m.start() > pos:
            parts.append(ibis.literal(template[pos : m.start()]))
        fallback = m.group(2) if m.group(2) is not None else "-"
        name = m.group(1)
        if name not in table.columns:
            raise NotCompiled(where, f"unknown column {name!r} in the template")
        parts.append(field_text(table, name, kinds[name], unrounded, where).fill_null(fallback))
        pos = m.end()
    if pos < len(template):
        parts.append(ibis.literal(template[pos:]))
    if not parts:
        return ibis.literal("")
    out = parts[0]
    for part in parts[1:]:
        out = out.concat(part)
    return out


def field_text(
    table: ir.Table, name: str, kind: Kind, unrounded: Mapping[str, str], where: str
) -> ir.StringValue:
    """A column as a template shows it. A score is written as polars writes a float rounded
    to two decimals; other floats and times are refused (see `as_text`)."""
    if name in unrounded:
        before = table[unrounded[name]]
        hundredths = round_half_even(before * lit(100.0))
        negative = is_negative(table[name])  # the rounded score: -0.0 shows as polars shows it
        return ibis.ifelse(table[name].isnull(), null_text(), decimal_text(hundredths, 2, negative))
    return as_text(table[name], kind, where, name)
