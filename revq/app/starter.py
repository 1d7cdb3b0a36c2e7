"""The scoring config `revq init --exports` writes: fitted to the team's own leads.

With an outcome in the leads (a converted or won flag, a stage date), points are learned from
that history (revq.core.learn), the columns filled in after the outcome left out
(revq.core.leakage), and the points checked on held-out leads beside a plain logistic
regression. Without one (or with learn=False), the starter comes from the profile of the leads:
their picklists and engagement counts as rules, with revq's usual starting points. With
activities, each activity type becomes an event rule (revq.app.starter_events), learned or
guessed likewise. Either way the thresholds are set from the scores the points give these
leads, so the first `revq score` does not put every lead in one stage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import polars as pl

from revq.app.run import Run
from revq.app.starter_events import (
    Events,
    learned_block,
    learning_events,
    outcome_time,
    profile_block,
    profile_events,
    usable,
)
from revq.app.table_outcome import TableOutcome
from revq.config.models import LoadOptions
from revq.config.scoring import unknown_columns
from revq.config.starter_yaml import EventsBlock, compile_starter, leads_text, render_starter
from revq.core import learn
from revq.core.cutoffs import Cutoffs, set_cutoffs
from revq.core.event_counts import EVENT_TYPE, EventRule
from revq.core.lead_columns import ColumnKind, column_kinds, level_key
from revq.core.leakage import LeftOut, event_leaks, event_name, find_leaks, name_reason
from revq.core.levels import Feature, build_feature
from revq.core.outcome import reached_condition
from revq.core.starter_guess import guess_points
from revq.errors import InputError, RevqError
from revq.io.load import load_table

# The leads' own clock for the leakage guard: what a lead was at creation (or MQL) is known
# before its outcome.
DECISION_TIMES = ("created_at", "mql_at")
# The leads' column for an outcome read off the other tables: revq's own (a leading underscore
# is never a rule), added for the learning only.
TABLE_OUTCOME = "_reached_outcome"


@dataclass(frozen=True)
class StarterOptions:
    """How `revq init --exports` makes the scoring config.

    Attributes:
        outcome: the leads' column that says a lead converted (a flag, a number, a date
            reached), by canonical name or the export's header; None finds one.
        learn: learn points from the outcome; False keeps the starter from the profile.
        keep: columns (or activity types) the leakage guard may not leave out, by name or
            header.
    """

    outcome: str | None = None
    learn: bool = True
    keep: tuple[str, ...] = ()


@dataclass(frozen=True)
class Starter:
    """A starter scoring config.

    Attributes:
        text: the YAML.
        outcome: the column learned from; None for a starter from the profile.
        auc: the held-out ROC AUC of the learned points, as `revq score` adds them.
        plain_auc: a plain logistic regression's on the same held-out leads.
        held_out: the held-out leads.
        left_out: the columns left out as filled in after the outcome.
        lines: what init says about it once the files are written.
    """

    text: str
    outcome: str | None = None
    auc: float | None = None
    plain_auc: float | None = None
    held_out: int = 0
    left_out: tuple[LeftOut, ...] = ()
    lines: tuple[str, ...] = ()


def _by_header(frame: pl.DataFrame, mapping: dict[str, str], name: str, option: str) -> list[str]:
    """The columns a user named: by its name in the loaded leads, or by its export header (one
    header may be read as two columns: Salesforce's Lead Status is the status and the stage)."""
    if name in frame.columns:
        return [name]
    wanted = name.strip().lower()
    columns = [c for c in frame.columns if mapping.get(c, "").strip().lower() == wanted]
    if not columns:
        shown = ", ".join(mapping.get(c, c) for c in frame.columns if not c.startswith("_"))
        raise RevqError(f"{option} {name}: no such column in the leads; columns: {shown}")
    return columns


def learn_starter(
    run: Run, path: Path, vendor: str, options: StarterOptions = StarterOptions()
) -> Starter | None:
    """The starter config for the leads export at `path` (read as `vendor`'s), or None when
    it does not load (said as a warning: init then writes revq's example config)."""
    try:
        leads = load_table(path, LoadOptions(source=vendor), table="leads")
    except InputError as exc:
        run.warn(f"could not load the leads to fit the scoring config to them: {exc}")
        return None
    return starter_config(run, leads.frame, options, name=path.name, headers=dict(leads.mapping))


@dataclass(frozen=True)
class _Made:
    """What every starter is made from.

    Attributes:
        leads: the leads, in lead id order.
        name: the export's name, for the comments.
        headers: column -> the export's header.
        keep: columns the leakage guard may not leave out.
        keep_events: activity types (in lower case) it may not leave out.
        same: joined column -> the canonical column filled from it.
        activities: the activities, when they have a type and a time to count events by.
    """

    leads: pl.DataFrame
    name: str
    headers: dict[str, str]
    keep: frozenset[str]
    keep_events: frozenset[str]
    same: dict[str, str]
    activities: pl.DataFrame | None


def starter_config(
    run: Run,
    leads: pl.DataFrame,
    options: StarterOptions = StarterOptions(),
    *,
    name: str = "the leads",
    headers: dict[str, str] | None = None,
    table_outcome: TableOutcome | None = None,
    same_as: dict[str, str] | None = None,
    activities: pl.DataFrame | None = None,
) -> Starter:
    """The starter config for `leads` (canonical and export columns): learned from their
    outcome when they hold one, else from their profile.

    Args:
        leads: the leads, as loaded.
        options: the outcome, whether to learn, the columns to keep.
        name: the export's name, for the config's comments.
        headers: canonical column -> the export's header, so the user may name either.
        table_outcome: the leads that reached an outcome recorded in the other tables (a won
            opportunity, a stage history): learned from when the leads hold no outcome column.
        same_as: joined column -> the canonical column filled from it (contact_title ->
            title): one fact, scored once, by the canonical column.
        activities: the project's activities, as `revq score` reads them: each activity type
            becomes an event rule.

    Raises:
        RevqError: an outcome or a column to keep that the leads do not have, or an outcome
            named that has too few leads of either kind to learn from.
    """
    headers = headers or {}
    # In lead id order, so the same leads give the same config whatever order they came in.
    leads = leads.sort("lead_id")
    acts = activities if usable(activities) else None
    types: set[str] = set()
    if acts is not None:
        key = level_key(EVENT_TYPE, acts.schema[EVENT_TYPE])
        types = set(acts.select(key.unique())[EVENT_TYPE].drop_nulls().to_list())
    named_types = frozenset(k.strip().lower() for k in options.keep if k.strip().lower() in types)
    keep = frozenset(
        c
        for k in options.keep
        if k.strip().lower() not in named_types
        for c in _by_header(leads, headers, k, "--keep-column")
    )
    made = _Made(leads, name, headers, keep, named_types, same_as or {}, acts)
    if not options.learn:
        if options.outcome is not None:
            raise RevqError("--outcome names what to learn from; it does not go with --no-learn")
        return _from_profile(made, "as asked (--no-learn)")
    reached: tuple[pl.DataFrame, str] | None = None
    if options.outcome is not None:
        outcome = _by_header(leads, headers, options.outcome, "--outcome")[0]
    else:
        found = learn.find_outcome(leads)
        if found is None and table_outcome is not None:
            ids = table_outcome.lead_ids.implode()
            leads = leads.with_columns(
                pl.col("lead_id").cast(pl.String).is_in(ids).alias(TABLE_OUTCOME)
            )
            headers = {**headers, TABLE_OUTCOME: table_outcome.text}
            made = replace(made, leads=leads, headers=headers)
            found = TABLE_OUTCOME
            if table_outcome.reached_at is not None:
                reached = (table_outcome.reached_at, table_outcome.when)
        if found is None:
            return _from_profile(
                made, "no outcome column to learn from; name one with --outcome COLUMN"
            )
        outcome = found
    y = learn.reached(leads, outcome)
    shown = headers.get(outcome, outcome)
    positives = int(y.sum())
    if min(positives, leads.height - positives) < learn.MIN_CLASS:
        why = (
            f"{shown}: {positives:,} of {leads_text(leads.height)} converted; learning needs "
            f"{learn.MIN_CLASS} converted and {learn.MIN_CLASS} not at least"
        )
        if options.outcome is not None:
            raise RevqError(f"--outcome {options.outcome}: {why}")
        return _from_profile(made, why)
    try:
        return _learned(run, made, outcome, y, shown, reached)
    except learn.MissingExtra:
        run.warn(
            "learning points from history needs scikit-learn: pip install 'revq[calibrate]'; "
            f"the scoring config comes from the profile of {name}"
        )
        return _from_profile(made, "scikit-learn is not installed")


def _decision_time(leads: pl.DataFrame) -> str | None:
    return next(
        (c for c in DECISION_TIMES if c in leads.columns and leads.schema[c].is_temporal()), None
    )


def _learned(
    run: Run,
    made: _Made,
    outcome: str,
    y: pl.Series,
    shown: str,
    reached: tuple[pl.DataFrame, str] | None,
) -> Starter:
    leads, name, headers, keep = made.leads, made.name, made.headers, made.keep
    schema = leads.schema  # the outcome column's type, before event counts join the leads
    with run.step(f"learning points from {shown} ({leads.height:,} leads)"):
        held = learn.held_out(leads["lead_id"], y, learn.HOLDOUT, learn.SEED)
        decision = _decision_time(leads)
        # The outcome is what is learned; the decision time is the clock, the same for all.
        kinds = _kinds(leads, frozenset({outcome, decision or outcome}), made.same)
        leaks = find_leaks(leads, kinds, y, held, decision=decision, keep=keep)
        out = {lo.column for lo in leaks}
        used = [k for k in kinds if k.kind != "skip" and k.column not in out]
        events: Events | None = None
        offered = []
        if made.activities is not None:
            timed, time, time_name = outcome_time(leads, outcome, reached)
            events = learning_events(timed, made.activities, y, time, time_name or "")
            leads = events.counts.frame
            event_leaked = event_leaks(leads, events.counts.types, y, held, keep=made.keep_events)
            leaks += event_leaked
            gone = {lo.column for lo in event_leaked}
            offered = [t for t in events.counts.types if event_name(t) not in gone]
        model = learn.learn_points(leads, used, y, held, offered)
    scores = learn.totals(leads, model.features, model.events)
    cutoffs = set_cutoffs(scores["fit"], scores["intent"], scores["total"])
    base = float(y.mean() or 0.0)  # type: ignore[arg-type]
    test = int(held.sum())
    checked = (
        f"the {test:,} leads"
        if model.checked == test
        else f"a sample of {model.checked:,} of the {test:,} leads"
    )
    header = [
        f"Scoring model learned by revq init from the history in {name}: {leads.height:,} "
        f"leads, {int(y.sum()):,} converted ({shown}, {base:.1%}).",
        "",
        f"Points are fitted on {leads.height - test:,} of the leads (a logistic regression on "
        "each column's values and bands"
        + (" and each activity type's events" if events is not None else "")
        + ", turned into whole points; a column's most common "
        f"value scores 0, as does a value worth less than {learn.MIN_POINTS} points or one "
        "whose points would go against its lift); the other "
        f"{test:,}, held out (stratified, seed {learn.SEED}), check them"
        + ("" if model.checked == test else f" (a sample of {model.checked:,})")
        + ": ROC AUC "
        f"{model.auc:.3f} as revq score adds them, {model.plain_auc:.3f} for a plain logistic "
        f"regression on the same columns. About {_number(model.points_per_doubling)} points "
        "double a lead's odds of converting.",
        "",
        "Each rule says what its value holds in the history: leads, their share, how many "
        f"converted and the lift over all leads' {base:.1%}. Edit freely; revq backtest "
        "checks an edit against the same history.",
    ]
    block = learned_block(events, model, leaks, headers) if events is not None else None
    text = render_starter(
        header,
        model.features,
        cutoffs,
        leads=leads.height,
        base_rate=base,
        notes=_notes(scores, cutoffs, y),
        left_out=leaks,
        skipped=[k for k in kinds if k.kind == "skip"],
        headers=headers,
        events=block,
        converted=None if outcome == TABLE_OUTCOME else reached_condition(schema, outcome),
    )
    _check(text, leads, made.activities)
    # An outcome from another table is named in full once; a column's name says itself.
    told = [f"outcome: {shown} ({int(y.sum()):,} of {leads.height:,} leads)"]
    lines = [
        *(told if outcome == TABLE_OUTCOME else []),
        f"scoring config learned from {shown}: {int(y.sum()):,} of {leads.height:,} leads "
        f"converted ({base:.1%})",
        f"  ROC AUC on {checked} held out ({learn.HOLDOUT:.0%}, stratified, seed {learn.SEED}):",
        f"    the learned points, as revq score adds them  {model.auc:.3f}",
        f"    a plain logistic regression, same columns    {model.plain_auc:.3f}",
    ]
    if events is not None:
        lines.append(_events_line(events, model.events, headers))
    if outcome != TABLE_OUTCOME:
        lines.append(
            f"  a gate puts the {int(y.sum()):,} that converted in stage converted, off the "
            "call list"
        )
    if leaks:
        lines.append("  left out as filled in after the outcome (--keep-column NAME keeps one):")
        lines += [f"    {_named(lo.column, headers)}: {lo.reason}" for lo in leaks]
    return Starter(
        text=text,
        outcome=shown if outcome == TABLE_OUTCOME else outcome,
        auc=model.auc,
        plain_auc=model.plain_auc,
        held_out=test,
        left_out=tuple(leaks),
        lines=tuple(lines),
    )


def _events_line(events: Events, rules: Sequence[EventRule], headers: dict[str, str]) -> str:
    """What init says of the event rules: how many types scored, counted up to when."""
    types = len(events.counts.types)
    scored = f"  event rules: {len(rules)} of {types} activity type{'s' if types != 1 else ''}"
    if not types:
        return f"{scored} (the activities name none of the leads)"
    if events.until is None:
        return f"{scored}, events counted whatever their date (the outcome has none)"
    until = headers.get(events.until, events.until)
    return f"{scored}, a converted lead's events counted before {until}"


def _from_profile(made: _Made, why: str) -> Starter:
    """The starter from the leads' profile: picklists and engagement counts as rules, with
    revq's usual starting points, and with activities an event rule per type. An outcome
    column, and the columns whose names sales fills in after contact, are left out even so:
    points on them would score what already happened."""
    leads, name, headers, keep = made.leads, made.name, made.headers, made.keep
    everyone = pl.Series([True] * leads.height)
    # A value a hundredth of the leads hold is worth a rule to set points for (30 at most).
    min_leads = max(1, min(30, leads.height // 100))
    kinds = _kinds(leads, frozenset(), made.same)
    outcome = learn.find_outcome(leads)
    left_out = [LeftOut(outcome, "the outcome itself")] if outcome and outcome not in keep else []
    left_out += [
        LeftOut(k.column, reason)
        for k in kinds
        if k.kind in ("levels", "bands") and k.column != outcome and k.column not in keep
        for reason in [name_reason(k.column)]
        if reason is not None
    ]
    out = {lo.column for lo in left_out}
    features: list[Feature] = []
    for kind in kinds:
        if kind.kind not in ("levels", "bands") or kind.column in out:
            continue
        cuts = learn.quantile_cuts(leads, kind.column) if kind.kind == "bands" else []
        feature = build_feature(
            leads, kind, everyone, None, min_leads=min_leads, cuts=cuts, reference=False
        )
        if feature is not None:
            features.append(guess_points(feature, leads.height))
    block: EventsBlock | None = None
    event_rules: list[EventRule] = []
    if made.activities is not None:
        events = profile_events(leads, made.activities)
        leads = events.counts.frame
        block, event_rules = profile_block(events, min_leads)
    scores = learn.totals(leads, features, event_rules)
    cutoffs = set_cutoffs(scores["fit"], scores["intent"], scores["total"])
    header = [
        f"Starter scoring model written by revq init from the profile of {name} "
        f"({leads.height:,} leads): {why}.",
        "",
        "Each common value of a picklist and each band of an engagement count is a rule, "
        "commented with the leads it holds. The points are starting guesses: more engagement "
        "is more intent; a demo request or a referral counts for a lead, a student, a "
        "competitor or a bounced address against, a question most leads answer but left blank "
        "a little against; other values are rules at 0 points, commented out, to set. With an "
        "outcome column, revq init --exports learns the points from your history instead.",
    ]
    skipped = [k for k in kinds if k.kind in ("skip", "date") and not k.column.startswith("_")]
    text = render_starter(
        header,
        features,
        cutoffs,
        leads=leads.height,
        base_rate=None,
        notes=_notes(scores, cutoffs, None),
        skipped=[
            k if k.kind == "skip" else ColumnKind(k.column, "skip", "a date") for k in skipped
        ],
        left_out=left_out,
        zero_rules=True,
        headers=headers,
        events=block,
    )
    _check(text, leads, made.activities)
    return Starter(
        text=text,
        left_out=tuple(left_out),
        lines=(f"scoring config from the profile of {name}: {why}",),
    )


def _kinds(leads: pl.DataFrame, leave: frozenset[str], same: dict[str, str]) -> list[ColumnKind]:
    """What each column can become; a joined column that filled a canonical one is not
    scored again (said in the config's comment)."""
    return [
        ColumnKind(k.column, "skip", f"{same[k.column]} holds it")
        if k.column in same and k.kind != "skip"
        else k
        for k in column_kinds(leads, leave)
    ]


def _named(column: str, headers: dict[str, str]) -> str:
    """A column as the user knows it: 'lead_status (Lead Status)' when read under a name of
    revq's."""
    header = headers.get(column)
    return f"{column} ({header})" if header and header != column else column


def _check(text: str, leads: pl.DataFrame, activities: pl.DataFrame | None) -> None:
    compiled = compile_starter(text, Path("configs/scoring.yaml"))
    missing = unknown_columns(compiled, set(leads.columns))
    assert not missing, missing  # the rules are built from the leads' own columns
    read = set(compiled.activity_refs)
    assert read <= set(activities.columns if activities is not None else ()), read


def _number(value: float) -> str:
    return f"{value:g}"


def _notes(scores: pl.DataFrame, cutoffs: Cutoffs, y: pl.Series | None) -> dict[str, str]:
    """What each threshold selects among the leads the starter was made from."""
    n = scores.height
    framed = scores.with_columns(y=y if y is not None else pl.lit(None, dtype=pl.Boolean))

    def share(expr: pl.Expr) -> str:
        picked = framed.filter(expr)
        text = f"{leads_text(picked.height)} ({picked.height / n:.0%}"
        if y is not None and picked.height:
            rate = float(picked["y"].mean() or 0.0)  # type: ignore[arg-type]
            text += f", {rate:.1%} converted"
        return text + ")"

    total, fit, intent = pl.col("total"), pl.col("fit"), pl.col("intent")
    ready, nurture = cutoffs.sales_ready, cutoffs.nurture
    grades = "; ".join(f"{letter} or better {share(fit >= cut)}" for letter, cut in cutoffs.grades)
    return {
        "sales_ready": "Set from the scores these points give the leads. Sales-ready: "
        + share(total >= ready),
        "nurture": f"Nurture: {share((total >= nurture) & (total < ready))}; below it, a lead "
        "low on both fit and intent is disqualified, others nurtured",
        "fit_high": f"High fit: {share(fit >= cutoffs.fit_high)}",
        "intent_high": f"High intent: {share(intent >= cutoffs.intent_high)}",
        "grades": f"Fit grades: {grades}"
        if grades
        else "Fit grades: no fit score tells leads apart",
    }
