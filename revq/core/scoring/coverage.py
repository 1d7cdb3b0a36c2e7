"""Rules that gave no lead any points: the sign of a config that does not fit its data (a value
spelt another way, a column the export leaves empty), which would otherwise pass unseen."""

from __future__ import annotations

from datetime import datetime

import polars as pl

from revq.core.scoring.conditions import condition_expr, with_normalised_texts
from revq.core.scoring.engine import all_rules, assign_segments, points_expr
from revq.core.scoring.model import ScoringModel, condition_columns

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


def unused_rule_warnings(
    leads: pl.LazyFrame,
    model: ScoringModel,
    activities: pl.LazyFrame | None,
    sample_rows: int = SAMPLE_ROWS,
) -> list[str]:
    """One line per rule that gave no lead points (or matched no activity), with what the
    columns it reads hold instead. Rules that score in the first `sample_rows` rows are not
    counted further."""
    out = []
    by_name = {name: rule for name, _, rule in all_rules(model)}
    event_rules = model.events.rules if model.events is not None else ()
    if not by_name and not event_rules and model.signals is None and not model.gates:
        # Most likely the wrong file: it validates, but it scores nothing.
        out.append(
            "the scoring config has no rules, event rules, signals or gates: every lead scores 0"
        )
    unseen = _unused(rule_hits(leads.head(sample_rows), model))
    for name, applies, hits in rule_hits(leads, model, unseen).iter_rows():
        if hits == 0 and applies > 0:
            seen = "; ".join(column_values(leads, c) for c in sorted(by_name[name].columns()))
            out.append(
                f"rule {name!r} gave points to none of the {applies:,} leads it applies to"
                + (f" ({seen})" if seen else "")
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
                    f"event rule {name!r} matched none of the {total:,} activities"
                    + (f" ({seen})" if seen else "")
                )
    return out


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
            (pl.col("lead_id") if key == "lead_id" else pl.col("email_normalised")).implode()
        )
        matched = theirs.is_in(ours.collect().to_series()).fill_null(False)  # no key: unknown
        total, orphans, late = (
            activities.select(pl.len(), (~matched).sum(), after.sum()).collect().row(0)
        )
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
