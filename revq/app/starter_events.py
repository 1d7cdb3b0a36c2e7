"""The event rules of the starter scoring config: each lead's events per activity type, counted
as `revq score` counts them, and offered to the learner as numbers (revq.core.learn), or given
starting points by their names (revq.core.starter_guess). With an outcome that has a time (a
conversion date, a won opportunity's creation, a stage history's entry to SQL), a converted
lead's events are counted up to that time only: what it did once converted is no sign of
converting."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from revq.config.starter_yaml import EventsBlock, leads_text
from revq.core.event_counts import EVENT_TYPE, EventCounts, EventRule, count_events
from revq.core.lead_columns import ColumnKind, date_expr
from revq.core.leakage import LeftOut, event_name
from revq.core.learn import MIN_POINTS, TREND_CLEAR, Learned
from revq.core.starter_guess import guess_event

# A converted or won flag's time, when the leads keep one beside it (Salesforce's
# ConvertedDate), the likeliest first.
OUTCOME_TIMES = ("converted_at", "opportunity_at", "sql_at", "customer_at")
# The leads' column for an outcome time read off another table, for the counting only.
REACHED_AT = "__revq_reached_at"


@dataclass(frozen=True)
class Events:
    """The leads' events per activity type, as counted for the starter.

    Attributes:
        counts: the leads with a count column per type, and what was counted.
        activities: the events in the activities, the leads' or not.
        until: what a converted lead's events are counted up to, in words (converted_at,
            the opportunity's creation); None when the outcome has no time.
        untimed: converted leads with no such time: all their events are counted.
    """

    counts: EventCounts
    activities: int
    until: str | None = None
    untimed: int = 0


def usable(activities: pl.DataFrame | None) -> bool:
    """Activities with a type and a time to count events by."""
    return (
        activities is not None
        and EVENT_TYPE in activities.columns
        and "occurred_at" in activities.columns
        and activities.schema["occurred_at"].is_temporal()
    )


def outcome_time(
    leads: pl.DataFrame, outcome: str, reached: tuple[pl.DataFrame, str] | None = None
) -> tuple[pl.DataFrame, pl.Expr | None, str | None]:
    """The leads (with the time read off another table joined in, when `reached` gives one:
    lead_id and reached_at, and its name), the expression of each lead's outcome time (UTC),
    and its name; None and None when the outcome has no time."""
    if reached is not None:
        reached_at, when = reached
        joined = leads.join(
            reached_at.select(
                pl.col("lead_id").cast(leads.schema["lead_id"]),
                pl.col("reached_at").alias(REACHED_AT),
            ),
            on="lead_id",
            how="left",
            maintain_order="left",
        )
        if joined[REACHED_AT].null_count() < joined.height:
            return joined, pl.col(REACHED_AT), when
        return leads, None, None
    dtype = leads.schema[outcome]
    if dtype.is_temporal():
        return leads, date_expr(ColumnKind(outcome, "date"), dtype), outcome
    for name in OUTCOME_TIMES:
        if (
            name in leads.columns
            and leads.schema[name].is_temporal()
            and leads[name].null_count() < leads.height
        ):
            return leads, date_expr(ColumnKind(name, "date"), leads.schema[name]), name
    return leads, None, None


def learning_events(
    leads: pl.DataFrame,
    activities: pl.DataFrame,
    y: pl.Series,
    time: pl.Expr | None,
    time_name: str,
) -> Events:
    """The leads' events per type, a converted lead's counted up to its outcome `time` (all,
    without one)."""
    if time is None:
        return Events(count_events(leads, activities), activities.height)
    until = pl.when(pl.lit(y)).then(time)
    untimed = int(leads.select((pl.lit(y) & time.is_null()).sum()).item())
    counts = count_events(leads, activities, until)
    frame = counts.frame.drop(REACHED_AT, strict=False)
    return Events(
        EventCounts(frame, counts.types, counts.events, counts.later),
        activities.height,
        time_name,
        untimed,
    )


def profile_events(leads: pl.DataFrame, activities: pl.DataFrame) -> Events:
    """The leads' events per type, all of them: without an outcome, none is after it."""
    return Events(count_events(leads, activities), activities.height)


def _none_of_these(events: Events) -> EventsBlock | None:
    if events.counts.types:
        return None
    return EventsBlock(
        [
            f"No event rule: none of the {events.activities:,} events of the activities is "
            "one of these leads' (by lead id, or by email when the activities have none) with "
            "a time and a type."
        ]
    )


def _listed(names: list[str], most: int = 8) -> str:
    shown = names[:most]
    more = len(names) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more else "")


def learned_block(
    events: Events, learned: Learned, left_out: list[LeftOut], headers: dict[str, str]
) -> EventsBlock:
    """The event rules learned, with what was counted and why the other types have none."""
    empty = _none_of_these(events)
    if empty is not None:
        return empty
    counts = events.counts
    if events.until is not None:
        untimed = (
            f"; the {events.untimed:,} converted leads without one have all theirs counted"
            if events.untimed
            else ""
        )
        counted = (
            f"A converted lead's events are counted up to when it converted "
            f"({headers.get(events.until, events.until)}): the {counts.later:,} events at or "
            f"after it are not, as they would score what had already happened{untimed}."
        )
    else:
        counted = (
            "The outcome has no time, so each lead's events are counted whatever their date: "
            "an event after a lead converted cannot be told from one before (a type only "
            "converted leads have is left out)."
        )
    about = [
        "Events: a rule per activity type, its points for every event of the type up to its "
        "cap, as revq score adds them. " + counted,
        "A type's cap is the count where its conversion stops rising (the cap that fits "
        "conversion best on the training leads); the points of an event are fitted with the "
        "columns', and a type whose count goes with conversion by less than "
        f"{TREND_CLEAR:g} standard errors, or whose cap is worth less than {MIN_POINTS} "
        "points, scores 0. No decay (half_life_days) or window (window_days): the points were "
        "learned from plain counts.",
    ]
    scored = {r.type.label for r in learned.events}
    out = {lo.column for lo in left_out}
    offered = {r.type.label for r in learned.counted}
    zero = [
        f"{r.type.label} ({leads_text(r.type.leads)})"
        for r in learned.counted
        if r.type.label not in scored
    ]
    rare = [t.label for t in counts.types if t.label not in offered and event_name(t) not in out]
    notes = []
    if zero:
        notes.append(f"At 0 points, no rule: {_listed(zero)}")
    if rare:
        notes.append(f"too few leads for a rule: {_listed(rare)}")
    note = "; ".join(notes) + "." if notes else ""
    return EventsBlock(about, learned.events, note[:1].upper() + note[1:])


def profile_block(events: Events, min_leads: int) -> tuple[EventsBlock, list[EventRule]]:
    """Starting event rules for the types at least `min_leads` leads have, and the block."""
    empty = _none_of_these(events)
    if empty is not None:
        return empty, []
    rules = [guess_event(t) for t in events.counts.types if t.leads >= min_leads]
    rare = [t.label for t in events.counts.types if t.leads < min_leads]
    about = [
        "Events: a rule per activity type the leads have, its points for every event of the "
        "type up to its cap. The points are starting guesses by the type's name (a demo "
        "request 20 once, pricing 10 twice, a webinar 6, a form or a download 5, a click or a "
        "visit 2, an email open 1, each for a few events at most); a type of what the team "
        "did (sent, delivered, bounced, changed, merged) or one revq does not know is a rule "
        "at 0 points, commented out, to set."
    ]
    note = f"Too few leads for a rule: {_listed(rare)}." if rare else ""
    return EventsBlock(about, rules, note), [r for r in rules if r.points != 0]
