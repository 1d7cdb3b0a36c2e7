"""Rules that gave no lead any points: the sign of a config that does not fit its data (a value
spelt another way, a column the export leaves empty), which would otherwise pass unseen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import polars as pl

from revq.core.scoring.conditions import condition_expr, with_normalised_texts
from revq.core.scoring.engine import (
    AsOf,
    account_signal_events,
    all_rules,
    assign_segments,
    points_expr,
    prepare_events,
    signal_events,
)
from revq.core.scoring.model import Group, ScoringModel, condition_columns

# The groups of points a lead's score is the sum of.
POINT_GROUPS = ("fit", "intent", "signal", "negative")

# Rules are first looked for in this many leading rows: a rule that scores there is in use,
# and only the others are counted over every row (most configs fit their data).
SAMPLE_ROWS = 100_000


def rule_hits(
    leads: pl.LazyFrame, model: ScoringModel, names: set[str] | None = None
) -> pl.DataFrame:
    """Per lead-column rule (segment rules as `segment.rule`; those in `names`, when given):
    the leads it applies to and the leads it gave non-zero points, before decay and caps."""
    lf = assign_segments(leads, model)
    schema = lf.collect_schema()
    rules = [r for r in all_rules(model) if names is None or r[0] in names]
    if not rules:
        return pl.DataFrame(schema={"rule": pl.String, "applies": pl.UInt32, "hits": pl.UInt32})
    # As columns first: a rule for every lead applies as a literal, whose sum would be 1.
    lf = lf.with_columns(applies.alias(f"a{i}") for i, (_, applies, _) in enumerate(rules))
    exprs = []
    for i, (_, _, rule) in enumerate(rules):
        applies = pl.col(f"a{i}")
        points = pl.when(condition_expr(rule.when, schema) & applies).then(points_expr(rule.points))
        exprs.append(applies.sum().cast(pl.UInt32).alias(f"a{i}"))
        exprs.append((points.fill_null(0) != 0).sum().cast(pl.UInt32).alias(f"h{i}"))
    row = lf.select(exprs).collect().row(0)
    return pl.DataFrame(
        {
            "rule": [name for name, _, _ in rules],
            "applies": row[0::2],
            "hits": row[1::2],
        },
        schema={"rule": pl.String, "applies": pl.UInt32, "hits": pl.UInt32},
    )


def column_values(frame: pl.LazyFrame, column: str, n: int = 3) -> str:
    """What a column holds, in a few words: its most frequent values, or its range."""
    values = frame.select(pl.col(column)).drop_nulls()
    dtype = frame.collect_schema()[column]
    if dtype == pl.String:
        top = (
            values.group_by(column)
            .len()
            .sort(["len", column], descending=[True, False])
            .head(n)
            .collect()
        )
        if top.height == 0:
            return f"{column} is always empty"
        shown = ", ".join(f"{v!r} {c:,}" for v, c in top.iter_rows())
        return f"{column}: {shown}"
    low, high, count = (
        values.select(
            pl.col(column).min().alias("low"), pl.col(column).max().alias("high"), pl.len()
        )
        .collect()
        .row(0)
    )
    if count == 0:
        return f"{column} is always empty"
    return f"{column}: {count:,} values from {_number(low)} to {_number(high)}"


def _number(value: object) -> str:
    return f"{value:,.10g}" if isinstance(value, int | float) else str(value)


def event_rule_hits(
    activities: pl.LazyFrame, model: ScoringModel, names: set[str] | None = None
) -> pl.DataFrame:
    """Per activity-event rule (those in `names`, when given): the activities (of any date) it
    matches."""
    rules = model.events.rules if model.events is not None else ()
    rules = tuple(r for r in rules if names is None or r.name in names)
    activities, _ = with_normalised_texts(activities, [r.when for r in rules])
    schema = activities.collect_schema()
    counts = (
        activities.select(
            condition_expr(r.when, schema).sum().cast(pl.UInt32).alias(f"h{i}")
            for i, r in enumerate(rules)
        )
        .collect()
        .row(0)
        if rules
        else ()
    )
    return pl.DataFrame(
        {"rule": [r.name for r in rules], "hits": list(counts)},
        schema={"rule": pl.String, "hits": pl.UInt32},
    )


def _unused(hits: pl.DataFrame) -> set[str]:
    return set(hits.filter(pl.col("hits") == 0)["rule"])


def sampled_rule_hits(
    leads: pl.LazyFrame, model: ScoringModel, sample_rows: int = SAMPLE_ROWS
) -> pl.DataFrame:
    """`rule_hits`, where a rule that scores in the first `sample_rows` rows is counted there
    only: whether a rule (or a group) gave any lead points is all its callers ask of those,
    and only the others are counted over every row."""
    seen = rule_hits(leads.head(sample_rows), model)
    rest = rule_hits(leads, model, _unused(seen))
    return pl.concat([seen.filter(pl.col("hits") > 0), rest])


def unused_rule_warnings(
    leads: pl.LazyFrame,
    model: ScoringModel,
    activities: pl.LazyFrame | None,
    sample_rows: int = SAMPLE_ROWS,
) -> list[str]:
    """One line per rule that gave no lead points (or matched no activity), with what the
    columns it reads hold instead. Rules that score in the first `sample_rows` rows are not
    counted further."""
    return [line for _, line in unused_rules(leads, model, activities, sample_rows=sample_rows)]


def unused_rules(
    leads: pl.LazyFrame,
    model: ScoringModel,
    activities: pl.LazyFrame | None,
    hits: pl.DataFrame | None = None,
    sample_rows: int = SAMPLE_ROWS,
) -> list[tuple[Group | None, str]]:
    """`unused_rule_warnings`, each line with the group of its rule (None: of the config).
    `hits`: `rule_hits` (or `sampled_rule_hits`) of these leads, when already counted. Rules
    that score in the first `sample_rows` rows are not counted further."""
    out: list[tuple[Group | None, str]] = []
    by_name = {name: rule for name, _, rule in all_rules(model)}
    event_rules = model.events.rules if model.events is not None else ()
    if not by_name and not event_rules and model.signals is None and not model.gates:
        # Most likely the wrong file: it validates, but it scores nothing.
        out.append(
            (
                None,
                "the scoring config has no rules, event rules, signals or gates: every lead "
                "scores 0",
            )
        )
    counted = sampled_rule_hits(leads, model, sample_rows) if hits is None else hits
    for name, applies, hit in counted.iter_rows():
        if hit == 0 and applies > 0:
            seen = "; ".join(column_values(leads, c) for c in sorted(by_name[name].columns()))
            out.append(
                (
                    by_name[name].group,
                    f"rule {name!r} gave points to none of the {applies:,} leads it applies to"
                    + (f" ({seen})" if seen else ""),
                )
            )
    if activities is not None and model.events is not None:
        events = {r.name: r for r in model.events.rules}
        total = activities.select(pl.len()).collect().item()
        unseen = _unused(event_rule_hits(activities.head(sample_rows), model))
        for name, hits in event_rule_hits(activities, model, unseen).iter_rows():
            if hits == 0 and total > 0:
                cols = sorted(condition_columns(events[name].when))
                seen = "; ".join(column_values(activities, c) for c in cols)
                out.append(
                    (
                        "intent",
                        f"event rule {name!r} matched none of the {total:,} activities"
                        + (f" ({seen})" if seen else ""),
                    )
                )
    return out


def scored_groups(model: ScoringModel) -> list[str]:
    """The groups of points the config has rules for (event rules are intent; signal weights
    the signal group): a group it has none for gives no lead points by design."""
    groups: set[str] = {r.group for _, _, r in all_rules(model)}
    if model.events is not None and model.events.rules:
        groups.add("intent")
    if model.signals is not None and model.signals.weights:
        groups.add("signal")
    return [g for g in POINT_GROUPS if g in groups]


def groups_given_points(
    leads: pl.LazyFrame,
    model: ScoringModel,
    activities: pl.LazyFrame | None,
    signals: pl.LazyFrame | None,
    as_of: AsOf,
    hits: pl.DataFrame | None = None,
    sample_rows: int = SAMPLE_ROWS,
) -> dict[str, bool]:
    """Per group of points (fit, intent, signal, negative), whether one of its rules gave any
    lead points, before decay and caps: an event or a signal counts for a lead of the export,
    inside its window. A group that gave none is a config that does not fit the data: every
    score it adds is the same. `hits`: `rule_hits` (or `sampled_rule_hits`) of these leads,
    when already counted."""
    hits = sampled_rule_hits(leads, model, sample_rows) if hits is None else hits
    group_of = {name: rule.group for name, _, rule in all_rules(model)}
    given = dict.fromkeys(POINT_GROUPS, False)
    for name, hit in hits.select("rule", "hits").iter_rows():
        given[group_of[name]] = given[group_of[name]] or hit > 0
    events = model.events
    if activities is not None and events is not None and not given["intent"]:
        scoring = [r.when for r in events.rules if r.points != 0]

        def event_points(acts: pl.LazyFrame) -> bool:
            by_id = "lead_id" in acts.collect_schema() and not isinstance(as_of, str)
            acts = prepare_events(leads, acts, model, as_of, known_only=not by_id)
            schema = acts.collect_schema()
            matched = pl.any_horizontal([condition_expr(w, schema) for w in scoring])
            scoring_events = acts.filter(matched & (pl.col("_weight") != 0))
            if by_id:
                return _of_a_lead(leads, "lead_id", scoring_events)
            return scoring_events.head(1).collect().height > 0

        given["intent"] = bool(scoring) and _in_sample_or_all(activities, event_points, sample_rows)
    lead_schema = leads.collect_schema()
    if signals is not None and model.signals is not None and "account_key" in lead_schema:
        # Whether a signal gives points depends on the lead only through its account, unless
        # each lead has its own as-of time.
        def signal_points(sigs: pl.LazyFrame) -> bool:
            if isinstance(as_of, str):
                return signal_events(leads, sigs, model, as_of).head(1).collect().height > 0
            return _of_a_lead(leads, "account_key", account_signal_events(sigs, model, as_of))

        given["signal"] = _in_sample_or_all(signals, signal_points, sample_rows)
    return given


def _of_a_lead(leads: pl.LazyFrame, key: str, rows: pl.LazyFrame) -> bool:
    """Whether one of `rows` has the `key` of one of the leads. The rows' keys are gathered
    first and the leads' looked up among them: on a sample they are few, where a table of
    every lead's key would be built to look up each row's."""
    keys = rows.select(pl.col(key).drop_nulls().unique()).collect().to_series()
    if keys.is_empty():
        return False
    return bool(leads.select(pl.col(key).is_in(keys.implode()).any()).collect().item())


def _in_sample_or_all(
    rows: pl.LazyFrame, found: Callable[[pl.LazyFrame], bool], sample_rows: int
) -> bool:
    """`found` of the first `sample_rows` rows, and of every row only when those gave nothing:
    on a real export the first rows almost always answer, at a fraction of the whole's cost."""
    return found(rows.head(sample_rows)) or found(rows)


def _orphans_and_late(
    activities: pl.LazyFrame, theirs: pl.Expr, ours: pl.Series, late: pl.Expr
) -> tuple[int, int, int]:
    """The activities, those whose key (`theirs`) is none of the leads' (`ours`; no key is
    none), and those `late`. A key is looked up by its hash, then compared with the key the
    hash found: as exact as looking each text up among the leads' texts, and cheaper. Where
    two of the leads' keys share a hash, each key is looked up as it is."""
    hashes = ours.hash()
    if hashes.n_unique() < hashes.len():
        known = theirs.is_in(ours.implode()).fill_null(False)
        return activities.select(pl.len(), (~known).sum(), late.sum()).collect().row(0)
    found = pl.DataFrame({"_key_hash": hashes, "_their_lead": ours}).lazy()
    keys = activities.select(theirs.alias("_key")).with_columns(
        pl.col("_key").hash().alias("_key_hash")
    )
    pairs = keys.join(found, on="_key_hash", how="inner")  # one lead at most: hashes differ
    same = pairs.select((pl.col("_their_lead") == pl.col("_key")).sum())
    matched, counted = pl.collect_all([same, activities.select(pl.len(), late.sum())])
    total, after = counted.row(0)
    return total, total - matched.item(), after


def input_warnings(
    leads: pl.LazyFrame,
    model: ScoringModel,
    activities: pl.LazyFrame | None,
    signals: pl.LazyFrame | None,
    as_of: datetime,
) -> list[str]:
    """Rows of the activities and signals exports that can score nothing: events of no lead in
    the leads export (ids that do not match: a 15- and an 18-character Salesforce id), dated
    after the as-of time, or of a signal type the config gives no points."""
    out = []
    after = pl.col("occurred_at") > pl.lit(as_of, dtype=pl.Datetime("us", "UTC"))
    if activities is not None and model.events is not None:
        schema = activities.collect_schema()
        key = "lead_id" if "lead_id" in schema else "email"
        a_key = "a lead_id" if key == "lead_id" else "an email"
        theirs = (
            pl.col(key) if key == "lead_id" else pl.col(key).str.strip_chars().str.to_lowercase()
        )
        ours = leads.select(
            pl.col("lead_id") if key == "lead_id" else pl.col("email_normalised")
        ).collect()
        total, orphans, late = _orphans_and_late(activities, theirs, ours.to_series(), after)
        if total and orphans == total:
            out.append(
                f"none of the {total:,} activities has {a_key} in the leads export, so no "
                "event scores: do both exports carry the same ids (15- and 18-character "
                "Salesforce ids differ)?"
            )
        elif orphans:
            out.append(
                f"{orphans:,} of {total:,} activities ({orphans / total:.1%}) have {a_key} "
                "not in the leads export and score nothing"
            )
        if late:
            what = "activity is" if late == 1 else "activities are"
            out.append(f"{late:,} {what} dated after the as-of time and not counted")
    if signals is not None and model.signals is not None:
        known = [t for t, _ in model.signals.weights]
        kinds = (
            signals.group_by(pl.col("signal_type").cast(pl.String).str.to_lowercase())
            .agg(pl.len().alias("n"), after.sum().alias("late"))
            .sort("signal_type")
            .collect()
        )
        unknown = kinds.filter(~pl.col("signal_type").is_in(known))
        if unknown.height:
            listed = ", ".join(f"{t} ({n:,})" for t, n in unknown.select("signal_type", "n").rows())
            out.append(f"signal types without points in signals.weights score nothing: {listed}")
        late = int(kinds["late"].sum())
        if late:
            what = "signal is" if late == 1 else "signals are"
            out.append(f"{late:,} {what} dated after the as-of time and not counted")
    return out
