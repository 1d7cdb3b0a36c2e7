"""Each lead's events per activity type, as numbers a starter scoring config learns from and
writes as event rules: one rule per type, points for every event of the type up to a cap, which
is what `revq score` adds for `intent.events`. The events counted are the ones the scoring
engine gives a lead (by its id, or by its email when the activities have no lead id; with a
time), and, when the outcome has a time, only those before it: an event after a lead converted
would score what had already happened."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from revq.core.lead_columns import level_key

EVENT_TYPE = "activity_type"
# The leads' count columns: named so no export's column is taken for one, and, starting with
# an underscore, never read as a column a rule of its own could score.
COUNT_PREFIX = "__revq_events_"
_KEY, _UNTIL = "__revq_type", "__revq_until"


@dataclass(frozen=True)
class EventType:
    """An activity type and the leads' events of it.

    Attributes:
        label: the type as the activities spell it most often (a rule's `equals`, which
            ignores case and spaces, counts every spelling).
        column: the leads' column holding each lead's count.
        leads: leads with at least one event of the type counted.
        events: the events counted.
        most: the most events of the type one lead has.
    """

    label: str
    column: str
    leads: int
    events: int
    most: int


@dataclass(frozen=True)
class EventCounts:
    """The leads with a count column per activity type, and what was counted.

    Attributes:
        frame: the leads, with a count column for each type (0 for a lead without one).
        types: the types, the one most leads have first.
        events: the leads' events with a time and a type.
        later: of them, those at or after their lead's outcome time: not counted.
    """

    frame: pl.DataFrame
    types: tuple[EventType, ...]
    events: int
    later: int


def _of_leads(leads: pl.DataFrame, activities: pl.DataFrame) -> pl.DataFrame:
    """The events of the leads, as the scoring engine gives them one: by lead id, or by email
    when the activities have no lead id (an email two leads share gives the event to both)."""
    kept = [pl.col("occurred_at"), pl.col(EVENT_TYPE)]
    if "lead_id" in activities.columns:
        acts = activities.select(pl.col("lead_id").cast(pl.String), *kept)
        ids = leads.select(pl.col("lead_id").cast(pl.String))
        return acts.join(ids, on="lead_id", how="semi")
    if "email" not in activities.columns or "email_normalised" not in leads.columns:
        return activities.clear().select(pl.lit("").alias("lead_id"), *kept)
    by_email = leads.select(
        pl.col("lead_id").cast(pl.String), pl.col("email_normalised").alias("_email")
    )
    return (
        activities.select(
            pl.col("email").str.strip_chars().str.to_lowercase().alias("_email"), *kept
        )
        .join(by_email, on="_email", how="inner")
        .select("lead_id", *kept)
    )


def count_events(
    leads: pl.DataFrame, activities: pl.DataFrame, until: pl.Expr | None = None
) -> EventCounts:
    """Each lead's events of each activity type, with a time; with `until` (an expression
    over the leads: each lead's outcome time, UTC, null for a lead without one), only the
    events before it."""
    dtype = activities.schema[EVENT_TYPE]
    acts = (
        _of_leads(leads, activities)
        .filter(pl.col("occurred_at").is_not_null())
        .with_columns(level_key(EVENT_TYPE, dtype).alias(_KEY))
        .filter(pl.col(_KEY).is_not_null() & (pl.col(_KEY) != ""))
    )
    seen = acts.height
    if until is not None:
        bounds = leads.select(pl.col("lead_id").cast(pl.String), until.alias(_UNTIL))
        acts = acts.join(bounds, on="lead_id", how="left")
        acts = acts.filter(pl.col(_UNTIL).is_null() | (pl.col("occurred_at") < pl.col(_UNTIL)))
    per_lead = acts.group_by("lead_id", _KEY).agg(pl.len().cast(pl.Int64).alias("n"))
    spelled = (
        acts.group_by(_KEY, pl.col(EVENT_TYPE).cast(pl.String).str.strip_chars().alias("label"))
        .len()
        .sort([_KEY, "len", "label"], descending=[False, True, False])
        .unique(_KEY, keep="first", maintain_order=True)
        .select(_KEY, "label")
    )
    stats = (
        per_lead.group_by(_KEY)
        .agg(
            pl.len().alias("leads"),
            pl.col("n").sum().alias("events"),
            pl.col("n").max().alias("most"),
        )
        .join(spelled, on=_KEY)
        .sort(["leads", "label", _KEY], descending=[True, False, False])
        .with_columns((pl.lit(COUNT_PREFIX) + pl.int_range(pl.len()).cast(pl.String)).alias("col"))
    )
    types = tuple(
        EventType(label, column, int(n), int(events), int(most))
        for label, column, n, events, most in stats.select(
            "label", "col", "leads", "events", "most"
        ).iter_rows()  # a loop over the types, not the events
    )
    frame = leads
    if types:
        wide = (
            per_lead.join(stats.select(_KEY, "col"), on=_KEY)
            .pivot(on="col", index="lead_id", values="n")
            .with_columns(pl.col("lead_id").cast(leads.schema["lead_id"]))
        )
        columns = [t.column for t in types]
        frame = leads.join(wide, on="lead_id", how="left", maintain_order="left").with_columns(
            pl.col(columns).fill_null(0)
        )
    return EventCounts(frame, types, seen, seen - acts.height)


@dataclass(frozen=True)
class EventRule:
    """An activity type as an event rule: `points` for each event of the type, for at most
    `cap` events (the config's cap is `points` times `cap`), with what the history holds.

    Attributes:
        type: the activity type and its counts.
        points: the points of one event.
        cap: the most events that count.
        converted: of the leads with at least one event, those that converted; None
            without an outcome.
        at_cap: leads with `cap` events or more.
        at_cap_converted: of them, those that converted.
    """

    type: EventType
    points: int
    cap: int
    converted: int | None = None
    at_cap: int = 0
    at_cap_converted: int | None = None

    @property
    def most(self) -> int:
        """The most points the rule gives a lead."""
        return self.points * self.cap

    def expr(self) -> pl.Expr:
        """A lead's points from the rule, as the engine adds them: `points` per event,
        clipped at the cap."""
        return pl.min_horizontal(pl.col(self.type.column), pl.lit(self.cap)) * self.points


def event_rule(
    frame: pl.DataFrame, kind: EventType, points: int, cap: int, outcome: pl.Series | None
) -> EventRule:
    """The rule for `kind` with these points and cap, and its leads and conversion in
    `frame` (the leads with their counts)."""
    n = pl.col(kind.column)
    y = outcome.cast(pl.Int64) if outcome is not None else pl.Series([0] * frame.height)
    row = (
        frame.select(n)
        .with_columns(y.alias("y"))
        .select(
            (n >= 1).sum().alias("some"),
            ((n >= 1) * pl.col("y")).sum().alias("some_y"),
            (n >= cap).sum().alias("cap"),
            ((n >= cap) * pl.col("y")).sum().alias("cap_y"),
        )
        .row(0)
    )
    known = outcome is not None
    return EventRule(
        kind,
        points,
        cap,
        int(row[1]) if known else None,
        int(row[2]),
        int(row[3]) if known else None,
    )
