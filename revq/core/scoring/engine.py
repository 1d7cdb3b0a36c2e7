"""The polars engine: a compiled ScoringModel -> the explanation ledger -> scores -> decisions.

Every point a lead gets is one ledger row (lead, rule, group, raw points, decay factor, cap
applied, points counted), caps included as rows of their own, so a lead's scores are exactly
the sums of its ledger and `revq explain` shows the same numbers `revq score` used.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import polars as pl

from revq.core.arith import MICRO, from_micro, times_reciprocal
from revq.core.scoring.columns import COMPUTED
from revq.core.scoring.conditions import (
    NO_CODES,
    Codes,
    code_name,
    condition_expr,
    with_normalised_texts,
)
from revq.core.scoring.decide import decide, with_lead_tests
from revq.core.scoring.model import (
    POINTS_LIMIT,
    Decay,
    Fixed,
    PerUnit,
    Points,
    Rule,
    ScoringModel,
)
from revq.core.scoring.wide import (
    UNKNOWN_IDS,
    Contribution,
    LeadIds,
    add_event_columns,
    add_signal_columns,
    col_name,
    rank_strongest,
    rank_top_reasons,
    score_columns,
    strongest_name,
    top_reasons_text,
)
from revq.core.texts import joined

LEDGER_SCHEMA: pl.Schema = pl.Schema(
    {
        "lead_id": pl.String(),
        "rule": pl.String(),
        "group": pl.String(),
        "raw_points": pl.Float64(),
        "decay_factor": pl.Float64(),
        "cap_applied": pl.Boolean(),
        "points": pl.Float64(),
    }
)
GROUPS = ("fit", "intent", "signal", "negative")
SEGMENT = "segment"
DEFAULT_SEGMENT = "default"


# When scores are computed: one time for every lead, or the name of a lead column holding each
# lead's own decision time (a backtest scores each lead as of its MQL date: later events,
# signals and activity dates then count for nothing, as if they had not happened yet).
AsOf = datetime | str


def exact_sum(expr: pl.Expr) -> pl.Expr:
    """A sum that does not depend on the order rows arrive in: values are summed as whole
    micro-points, so the same inputs give byte-identical outputs under parallel group-bys."""
    return from_micro((expr * MICRO).round().cast(pl.Int64).sum())


def points_expr(points: Points, codes: Codes = NO_CODES) -> pl.Expr:
    """A rule's points where it fires; a lookup of a column `codes` has is made once per
    distinct value (`Codes`)."""
    if isinstance(points, Fixed):
        return pl.lit(float(points.points))
    if isinstance(points, PerUnit):
        units = pl.col(points.column).cast(pl.Float64, strict=False)
        given = (units * points.each).clip(-POINTS_LIMIT, POINTS_LIMIT)
        return pl.when(units.is_finite()).then(given)  # NaN, inf: did not fire
    if points.column in codes.values:  # the frame holds its codes
        answers = codes.answers(points.column, points_expr(points))
        return pl.lit(answers).gather(pl.col(code_name(points.column)))
    expr: pl.Expr = pl.lit(None, dtype=pl.Float64)
    for pattern, value in reversed(points.table):  # first match wins
        hit = pl.col(points.column).cast(pl.String).str.contains(f"(?i){pattern}").fill_null(False)
        expr = pl.when(hit).then(pl.lit(float(value))).otherwise(expr)
    return expr


def _capped(raw: pl.Expr, cap: float | None) -> pl.Expr:
    if cap is None:
        return raw
    return raw.clip(-abs(cap), abs(cap))


def _as_of_expr(as_of: AsOf) -> pl.Expr:
    if isinstance(as_of, str):
        return pl.col(as_of)
    # The moment it names, in UTC (a naive time is taken as UTC).
    moment = as_of.astimezone(UTC) if as_of.tzinfo is not None else as_of.replace(tzinfo=UTC)
    return pl.lit(moment, dtype=pl.Datetime("us", "UTC"))


def created_after(leads: pl.LazyFrame, as_of: AsOf) -> pl.Expr | None:
    """Whether each lead was created after `as_of`, or None when none can be (no creation
    time, or each lead scored as of a time of its own, a column). `as_of` is the end of a day,
    the next day's first instant: a lead created then, as an export that gives dates alone
    dates every lead of the next day, is of that day."""
    if isinstance(as_of, str) or "created_at" not in leads.collect_schema():
        return None
    return (pl.col("created_at") >= _as_of_expr(as_of)).fill_null(False)


def existing(leads: pl.LazyFrame, as_of: AsOf) -> pl.LazyFrame:
    """The leads that existed as of `as_of`: one created after it is left out (what happened
    later does not count: a list as of last Monday holds no lead from Tuesday); one without a
    creation time is kept."""
    later = created_after(leads, as_of)
    return leads if later is None else leads.filter(~later)


def _age_days(column: str, as_of: AsOf) -> pl.Expr:
    seconds = (_as_of_expr(as_of) - pl.col(column)).dt.total_seconds(fractional=True)
    return times_reciprocal(seconds, 86_400.0)


def _decay_factor(age: pl.Expr, decay: Decay) -> pl.Expr:
    factor = (
        pl.lit(1.0)
        if decay.half_life_days is None
        else 0.5 ** times_reciprocal(age, decay.half_life_days)
    )
    if decay.window_days is not None:
        factor = pl.when(age <= decay.window_days).then(factor).otherwise(0.0)
    return pl.when(age >= 0).then(factor).otherwise(0.0)  # events after as-of do not count


def _last_activity_decay(model: ScoringModel, as_of: AsOf) -> pl.Expr:
    """Aggregate intent columns decay by the last activity date; no date, no decay."""
    assert model.intent_decay_by_last_activity is not None
    age = _age_days("last_activity_at", as_of)
    factor = _decay_factor(age, model.intent_decay_by_last_activity)
    return pl.when(pl.col("last_activity_at").is_null()).then(1.0).otherwise(factor)


def assign_segments(
    leads: pl.LazyFrame, model: ScoringModel, codes: Codes = NO_CODES
) -> pl.LazyFrame:
    schema = leads.collect_schema()
    expr: pl.Expr = pl.lit(DEFAULT_SEGMENT)
    for seg in reversed(model.segments):
        hit = condition_expr(seg.when, schema, codes)
        expr = pl.when(hit).then(pl.lit(seg.name)).otherwise(expr)
    return leads.with_columns(expr.alias(SEGMENT))


def all_rules(model: ScoringModel) -> list[tuple[str, pl.Expr, Rule]]:
    """(ledger name, who it applies to, rule). A segment's rule replaces the base rule of the
    same name for that segment's leads; its other rules are added."""
    out = []
    for r in model.rules:
        overriding = [s.name for s in model.segments if any(x.name == r.name for x in s.rules)]
        applies = ~pl.col(SEGMENT).is_in(overriding) if overriding else pl.lit(True)
        out.append((r.name, applies, r))
    for seg in model.segments:
        out += [(f"{seg.name}.{r.name}", pl.col(SEGMENT) == seg.name, r) for r in seg.rules]
    return out


def _column_ledger(leads: pl.LazyFrame, model: ScoringModel, as_of: AsOf) -> pl.LazyFrame:
    schema = leads.collect_schema()
    rules = all_rules(model)
    if not rules:
        return pl.LazyFrame(schema=LEDGER_SCHEMA)
    wide = leads.select(
        pl.col("lead_id"),
        *[
            pl.when(condition_expr(r.when, schema) & applies)
            .then(points_expr(r.points))
            .alias(name)
            for name, applies, r in rules
        ],
        *(
            [_last_activity_decay(model, as_of).alias("_intent_decay")]
            if model.intent_decay_by_last_activity is not None and "last_activity_at" in schema
            else []
        ),
    )
    meta = pl.LazyFrame(
        {
            "rule": [n for n, _, _ in rules],
            "group": [r.group for _, _, r in rules],
            "cap": [r.cap for _, _, r in rules],
        },
        schema={"rule": pl.String, "group": pl.String, "cap": pl.Float64},
    )
    index = ["lead_id"] + (["_intent_decay"] if "_intent_decay" in wide.collect_schema() else [])
    long = (
        wide.unpivot(index=index, variable_name="rule", value_name="raw_points")
        .filter(pl.col("raw_points").is_not_null() & (pl.col("raw_points") != 0))
        .join(meta, on="rule", how="left")
    )
    decay = pl.lit(1.0)
    if "_intent_decay" in index:
        decay = pl.when(pl.col("group") == "intent").then(pl.col("_intent_decay")).otherwise(1.0)
    long = long.with_columns(decay.alias("decay_factor"))
    decayed = pl.col("raw_points") * pl.col("decay_factor")
    capped = (
        pl.when(pl.col("cap").is_not_null())
        .then(decayed.clip(-pl.col("cap").abs(), pl.col("cap").abs()))
        .otherwise(decayed)
    )
    return long.select(
        "lead_id",
        "rule",
        "group",
        "raw_points",
        "decay_factor",
        (capped != decayed).alias("cap_applied"),
        capped.alias("points"),
    )


def prepare_events(
    leads: pl.LazyFrame,
    activities: pl.LazyFrame,
    model: ScoringModel,
    as_of: AsOf,
    *,
    known_only: bool = True,
    codes: Codes = NO_CODES,
) -> pl.LazyFrame:
    """Events of known leads inside the window, with their channel weight and decay.

    `known_only=False` keeps the events of lead ids the leads do not have, for a caller that
    joins what it makes of the events to the leads anyway (the wide scores): that join drops
    them, and a semi-join of every event against every lead is a pass of its own. `codes`:
    the activities' (`Codes`), by which a coded channel is weighed once per distinct value."""
    events = model.events
    assert events is not None
    keyed_by_id = "lead_id" in activities.collect_schema()
    if known_only or not keyed_by_id or isinstance(as_of, str):
        acts = _attach_lead_ids(leads, activities)
    else:
        acts = activities
    if isinstance(as_of, str):
        acts = acts.join(leads.select("lead_id", as_of), on="lead_id", how="inner")
    schema = acts.collect_schema()
    weights = dict(events.channel_weights)
    weight = (
        pl.col("channel")
        .cast(pl.String)
        .str.to_lowercase()
        .replace_strict(weights, default=1.0, return_dtype=pl.Float64)
        if "channel" in schema and weights
        else pl.lit(1.0)
    )
    if "channel" in codes.values and weights:
        weight = pl.lit(codes.answers("channel", weight)).gather(codes.code("channel"))
    decay = _decay_factor(_age_days("occurred_at", as_of), events.decay)
    # Weighed once outside the window's events are dropped: most exports reach further back.
    acts = acts.with_columns(decay.alias("_decay")).filter(pl.col("_decay") > 0)
    return acts.with_columns(weight.alias("_weight"))


def _event_ledger(
    leads: pl.LazyFrame, activities: pl.LazyFrame, model: ScoringModel, as_of: AsOf
) -> pl.LazyFrame:
    events = model.events
    assert events is not None
    acts = prepare_events(leads, activities, model, as_of)
    schema = acts.collect_schema()
    wide = acts.select(
        "lead_id",
        "_weight",
        "_decay",
        *[
            pl.when(condition_expr(r.when, schema)).then(pl.lit(float(r.points))).alias(r.name)
            for r in events.rules
        ],
    )
    caps = pl.LazyFrame(
        {"rule": [r.name for r in events.rules], "cap": [r.cap for r in events.rules]},
        schema={"rule": pl.String, "cap": pl.Float64},
    )
    per_rule = (
        wide.unpivot(index=["lead_id", "_weight", "_decay"], variable_name="rule", value_name="p")
        .filter(pl.col("p").is_not_null())
        .group_by("lead_id", "rule")
        .agg(
            exact_sum(pl.col("p") * pl.col("_weight")).alias("raw_points"),
            exact_sum(pl.col("p") * pl.col("_weight") * pl.col("_decay")).alias("_decayed"),
        )
        .join(caps, on="rule", how="left")
    )
    capped = (
        pl.when(pl.col("cap").is_not_null())
        .then(pl.col("_decayed").clip(-pl.col("cap").abs(), pl.col("cap").abs()))
        .otherwise(pl.col("_decayed"))
    )
    return per_rule.select(
        "lead_id",
        "rule",
        pl.lit("intent").alias("group"),
        "raw_points",
        (pl.col("_decayed") / pl.col("raw_points")).alias("decay_factor"),
        (capped != pl.col("_decayed")).alias("cap_applied"),
        capped.alias("points"),
    )


def _attach_lead_ids(leads: pl.LazyFrame, activities: pl.LazyFrame) -> pl.LazyFrame:
    """Events keyed by lead id, or by email when the export has no lead id."""
    schema = activities.collect_schema()
    if "lead_id" in schema:
        return activities.join(leads.select("lead_id"), on="lead_id", how="semi")
    by_email = leads.select("lead_id", pl.col("email_normalised").alias("_email"))
    return activities.with_columns(
        pl.col("email").str.strip_chars().str.to_lowercase().alias("_email")
    ).join(by_email, on="_email", how="inner")


def signal_events(
    leads: pl.LazyFrame, signals: pl.LazyFrame, model: ScoringModel, as_of: AsOf
) -> pl.LazyFrame:
    """Each lead's account signals inside the window, with their decayed points."""
    keep = ["lead_id", "account_key", *([as_of] if isinstance(as_of, str) else [])]
    joined = leads.select(keep).join(_signal_columns(signals), on="account_key", how="inner")
    return _weighed_signals(joined, model, as_of)


def account_signal_events(
    signals: pl.LazyFrame, model: ScoringModel, as_of: datetime
) -> pl.LazyFrame:
    """The account signals inside the window, with their decayed points: every lead of an
    account has the same ones when all are scored as of one time, so they are weighed and
    summed once per account rather than once per lead (an account holds many leads)."""
    return _weighed_signals(_signal_columns(signals), model, as_of)


def _signal_columns(signals: pl.LazyFrame) -> pl.LazyFrame:
    detail = ["detail"] if "detail" in signals.collect_schema() else []
    return signals.select("account_key", "signal_type", "occurred_at", *detail)


def _weighed_signals(joined: pl.LazyFrame, model: ScoringModel, as_of: AsOf) -> pl.LazyFrame:
    spec = model.signals
    assert spec is not None
    weights = dict(spec.weights)
    age = _age_days("occurred_at", as_of)
    weight = (
        pl.col("signal_type")
        .str.to_lowercase()
        .replace_strict(weights, default=0.0, return_dtype=pl.Float64)
    )
    return (
        joined.with_columns(
            age.alias("age_days"),
            weight.alias("raw_points"),
            _decay_factor(age, spec.decay).alias("decay_factor"),
        )
        .filter((pl.col("decay_factor") > 0) & (pl.col("raw_points") != 0))
        .with_columns((pl.col("raw_points") * pl.col("decay_factor")).alias("points"))
    )


def _signal_ledger(events: pl.LazyFrame) -> pl.LazyFrame:
    return (
        events.group_by("lead_id", "signal_type")
        .agg(exact_sum(pl.col("raw_points")), exact_sum(pl.col("points")))
        .select(
            "lead_id",
            joined("signal:", pl.col("signal_type")).alias("rule"),
            pl.lit("signal").alias("group"),
            "raw_points",
            (pl.col("points") / pl.col("raw_points")).alias("decay_factor"),
            pl.lit(False).alias("cap_applied"),
            "points",
        )
    )


def _cap_rows(ledger: pl.LazyFrame, model: ScoringModel) -> pl.LazyFrame:
    """One ledger row per group whose sum falls outside its bounds, bringing it inside."""
    sums = ledger.group_by("lead_id", "group").agg(exact_sum(pl.col("points")).alias("s"))
    bounds = pl.LazyFrame(
        {
            "group": list(model.bounds),
            "low": [b.low for b in model.bounds.values()],
            "high": [b.high for b in model.bounds.values()],
        },
        schema={"group": pl.String, "low": pl.Float64, "high": pl.Float64},
    )
    adjusted = pl.col("s").clip(pl.col("low"), pl.col("high"))
    return (
        sums.join(bounds, on="group", how="inner")
        .with_columns(
            pl.col("low").fill_null(float("-inf")), pl.col("high").fill_null(float("inf"))
        )
        .filter(adjusted != pl.col("s"))
        .select(
            "lead_id",
            joined("cap:", pl.col("group")).alias("rule"),
            "group",
            pl.lit(0.0).alias("raw_points"),
            pl.lit(1.0).alias("decay_factor"),
            pl.lit(True).alias("cap_applied"),
            (adjusted - pl.col("s")).alias("points"),
        )
    )


def build_ledger(
    leads: pl.LazyFrame,
    model: ScoringModel,
    *,
    activities: pl.LazyFrame | None = None,
    signals: pl.LazyFrame | None = None,
    as_of: AsOf,
) -> pl.LazyFrame:
    """The explanation ledger, long form: one row per (lead, rule) that counted, unordered
    (sort_ledger orders it)."""
    leads = assign_segments(existing(leads, as_of), model)
    parts = [_column_ledger(leads, model, as_of)]
    if activities is not None and model.events is not None:
        parts.append(_event_ledger(leads, activities, model, as_of))
    if signals is not None and model.signals is not None:
        parts.append(_signal_ledger(signal_events(leads, signals, model, as_of)))
    ledger = pl.concat([p.select(list(LEDGER_SCHEMA)).cast(LEDGER_SCHEMA) for p in parts])
    return pl.concat([ledger, _cap_rows(ledger, model)])


def sort_ledger(ledger: pl.LazyFrame) -> pl.LazyFrame:
    """The ledger in its documented order (lead, group, rule), for writing it out."""
    return ledger.sort("lead_id", "group", "rule")


def _column_contributions(
    leads: pl.LazyFrame, model: ScoringModel, as_of: AsOf, codes: Codes
) -> tuple[pl.LazyFrame, list[Contribution]]:
    schema = leads.collect_schema()
    decay = (
        _last_activity_decay(model, as_of)
        if model.intent_decay_by_last_activity is not None and "last_activity_at" in schema
        else None
    )
    cols = []
    contribs = []
    for name, applies, rule in all_rules(model):
        pts: pl.Expr = pl.when(condition_expr(rule.when, schema, codes) & applies).then(
            points_expr(rule.points, codes)
        )
        if rule.group == "intent" and decay is not None:
            pts = pts * decay
        cols.append(_capped(pts, rule.cap).alias(col_name(name)))
        contribs.append(Contribution(col_name(name), name, rule.group))
    return leads.with_columns(cols), contribs


def score_leads(
    leads: pl.LazyFrame | pl.DataFrame,
    model: ScoringModel,
    *,
    activities: pl.LazyFrame | None = None,
    signals: pl.LazyFrame | None = None,
    as_of: AsOf,
    ordered: bool = True,
    order: Callable[[pl.LazyFrame], pl.LazyFrame] | None = None,
    ids: LeadIds = UNKNOWN_IDS,
    lead_codes: Codes = NO_CODES,
    event_codes: Codes = NO_CODES,
) -> pl.LazyFrame:
    """Scores, grade, quadrant, stage, why-now, next action, owner and top reasons per lead,
    ordered by total score (highest first), then lead id (in no set order when `ordered` is
    False: for counting, which need not pay for the sort). `order` puts the rows in that order
    another way than `by_score` (in bands, not holding them all): it gets them while every
    decision is still a number, before the texts are built. Leads created after `as_of`
    are left out (`existing`). `ids`: what holds of every lead id (`LeadIds.of` the leads),
    for the faster paths it allows; `lead_codes` and `event_codes`, the codes of the leads'
    and the activities' texts (`Codes.of` the held frames), by which their conditions are
    evaluated once per distinct value. Held leads (a DataFrame) give the same rows as the
    same leads lazily, sorted for less (`_sorted_without_texts`)."""
    held = leads if isinstance(leads, pl.DataFrame) and ordered else None
    lazy = leads.lazy() if held is None else leads.lazy().with_row_index(HELD_ROW)
    # Each text the lead's conditions compare is normalised once for all of them.
    lf, copies = with_normalised_texts(existing(lazy, as_of), model.lead_conditions(), lead_codes)
    lf = assign_segments(lf, model, lead_codes)
    lf, contribs = _column_contributions(lf, model, as_of, lead_codes)
    lf = with_lead_tests(lf, model, lead_codes).drop(copies)
    if activities is not None and model.events is not None:
        acts = prepare_events(lf, activities, model, as_of, known_only=False, codes=event_codes)
        lf, more = add_event_columns(lf, acts, model, number_ids=ids.numbers, codes=event_codes)
        contribs += more
    has_signals = signals is not None and model.signals is not None
    if has_signals:
        assert signals is not None
        if ids.distinct and not isinstance(as_of, str):
            events, key = account_signal_events(signals, model, as_of), "account_key"
        else:
            events, key = signal_events(lf, signals, model, as_of), "lead_id"
        lf, more = add_signal_columns(lf, events, model, key)
        contribs += more
    lf, items = score_columns(lf, model, contribs)
    intent_items: list[tuple[pl.Expr | str, str]] = [
        (c.column, c.name) for c in contribs if c.group == "intent"
    ]
    lf, behaviour = rank_strongest(lf, intent_items, "st")
    lf, reasons = rank_top_reasons(lf, items)
    scores = [f"{g}_score" for g in GROUPS]
    lf = lf.with_columns(pl.col([*scores, "total_score"]).round(2))
    temp = [c.column for c in contribs] + [f"_raw_{g}" for g in GROUPS]
    # Sorted while the decisions are still numbers: texts are built after, in place. The
    # segment travels as its code (one byte, not a 16-byte string view per lead).
    segments = pl.Enum(sorted({DEFAULT_SEGMENT, *(s.name for s in model.segments)}))
    lf = lf.drop(temp).with_columns(pl.col(SEGMENT).cast(segments))
    if held is not None:
        lf = _sorted_without_texts(lf, held, order or by_score)
    elif ordered:
        lf = (order or by_score)(lf)
    lf = lf.with_columns(pl.col(SEGMENT).cast(pl.String))
    if not has_signals:
        lf = lf.with_columns(
            pl.lit(None, dtype=pl.String).alias("_signal"),
            pl.lit(None, dtype=pl.Float64).alias("_signal_age"),
        )
    lf = lf.with_columns(
        top_reasons_text(reasons).alias("top_reasons"),
        pl.coalesce("_signal", strongest_name(behaviour)).alias("why_now"),
    )
    slots = [*(reasons.slots if reasons else []), *(behaviour.slots if behaviour else [])]
    return decide(lf.drop([*slots, "_signal"]), model)


# Each held lead's place among the held leads, while they are sorted.
HELD_ROW = "__held_row__"


def _sorted_without_texts(
    scored: pl.LazyFrame, held: pl.DataFrame, order: Callable[[pl.LazyFrame], pl.LazyFrame]
) -> pl.LazyFrame:
    """`order(scored)`, with the held leads' texts that scoring passes on as they are (name,
    email, title...) left out of the sort and gathered after it by each lead's place among
    the held leads: the sort gathers each column it carries from the pieces the query
    streamed, several times slower than a gather from the held frame's one piece. The lead
    id is a key of the sort; the columns scoring writes are its own. What holds this
    together: every column scoring writes before the sort is named with a leading underscore
    or is one of COMPUTED, so no held text it leaves out has been written over (the sample
    project's scores are held to those of the lazy path, tests/test_conditions.py)."""
    schema = scored.collect_schema()
    texts = [
        c
        for c, dtype in held.schema.items()
        if dtype == pl.String
        and schema.get(c) == pl.String
        and c != "lead_id"
        and c not in COMPUTED
        and not c.startswith("_")
    ]
    ordered = order(scored.drop(texts))
    gathered = (pl.lit(held.get_column(c)).gather(pl.col(HELD_ROW)).alias(c) for c in texts)
    return ordered.with_columns(gathered).select(schema.names()).drop(HELD_ROW)


def by_score(scored: pl.LazyFrame) -> pl.LazyFrame:
    """Rows by total score (highest first), then lead id (a missing one first); rows alike in
    both keep their order."""
    return scored.sort(
        ["total_score", "lead_id"], descending=[True, False], nulls_last=False, maintain_order=True
    )
