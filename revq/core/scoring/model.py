"""The compiled scoring model: an engine-neutral intermediate form.

A scoring config compiles once into these frozen objects: conditions, points, caps, decay and
decisions, with no polars (or SQL) types in them, so a second engine can run the same model.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Scalar = str | int | float | bool

Op = Literal[
    "eq",
    "ne",
    "in",
    "not_in",
    "regex",
    "between",
    "gt",
    "gte",
    "lt",
    "lte",
    "is_null",
    "not_null",
    "contains",
    "starts_with",
    "ends_with",
    "domain_in",
]


# The most points a rule gives or takes. A rule of points per unit gives at most this much
# (a revenue in a currency's smallest unit, a misplaced column: more is no score); a config's
# points and caps stay within it. Every engine then holds a rule's points as whole
# micro-points in a 64-bit integer, exactly.
POINTS_LIMIT = 1_000_000.0


@dataclass(frozen=True)
class Compare:
    column: str
    op: Op
    value: Scalar | tuple[Scalar, ...] | None = None


@dataclass(frozen=True)
class AllOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    item: Condition


@dataclass(frozen=True)
class Always:
    pass


Condition = Compare | AllOf | AnyOf | Not | Always


@dataclass(frozen=True)
class Fixed:
    points: float


@dataclass(frozen=True)
class PerUnit:
    """`each` points per unit of a numeric column (5 per pricing-page view)."""

    column: str
    each: float


@dataclass(frozen=True)
class Lookup:
    """Points from the first pattern (case-insensitive regex) that matches a text column."""

    column: str
    table: tuple[tuple[str, float], ...]


Points = Fixed | PerUnit | Lookup
Group = Literal["fit", "intent", "negative"]


@dataclass(frozen=True)
class Rule:
    name: str
    group: Group
    when: Condition
    points: Points
    cap: float | None = None  # largest magnitude this rule may contribute
    reason: str | None = None

    def columns(self) -> set[str]:
        """The lead columns the rule reads."""
        cols = condition_columns(self.when)
        if isinstance(self.points, PerUnit | Lookup):
            cols.add(self.points.column)
        return cols


@dataclass(frozen=True)
class EventRule:
    name: str
    when: Condition  # over activity columns
    points: float
    cap: float | None = None


@dataclass(frozen=True)
class Decay:
    half_life_days: float | None  # None: no decay
    window_days: float | None  # None: no window


@dataclass(frozen=True)
class EventScoring:
    rules: tuple[EventRule, ...]
    decay: Decay
    channel_weights: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class SignalScoring:
    weights: tuple[tuple[str, float], ...]  # signal_type -> points, strongest first
    decay: Decay
    cap: float | None = None


@dataclass(frozen=True)
class Gate:
    name: str
    when: Condition
    reason: str
    outcome: Literal["disqualify", "recycle", "converted"] = "disqualify"


@dataclass(frozen=True)
class Bounds:
    low: float | None
    high: float | None


@dataclass(frozen=True)
class Decision:
    fit_high: float
    intent_high: float
    sales_ready: float
    nurture: float
    mql_threshold: float | None  # single-score style: at or above is an MQL
    grades: tuple[tuple[str, float], ...]  # ("A", 40), ("B", 30), ...; below the last: "D"
    signal_within_days: float
    signal_min_fit: float
    signal_context: tuple[str, ...]  # columns that must be known for signal-qualified
    pql: Condition | None = None


@dataclass(frozen=True)
class Route:
    when: Condition
    team: tuple[str, ...]


@dataclass(frozen=True)
class Routing:
    keep_existing_owner: bool
    routes: tuple[Route, ...]
    default_team: tuple[str, ...]


@dataclass(frozen=True)
class Segment:
    """A segment model: its own rules for leads matching `when`; first match wins."""

    name: str
    when: Condition
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class ScoringModel:
    rules: tuple[Rule, ...]
    bounds: dict[str, Bounds]  # fit, intent, signal, negative, total
    decision: Decision
    events: EventScoring | None = None
    signals: SignalScoring | None = None
    gates: tuple[Gate, ...] = ()
    intent_decay_by_last_activity: Decay | None = None
    actions: dict[str, str] = field(default_factory=dict)  # stage -> next-action template
    routing: Routing | None = None
    segments: tuple[Segment, ...] = ()

    def as_decided(self) -> ScoringModel:
        """The model as it scores a lead at its decision time, in the past: without the gates
        that mark a lead converted, which read its present state (whether it converted since)
        and would hand a backtest the very outcome it measures."""
        if not self.converted_gates:
            return self
        return replace(self, gates=tuple(g for g in self.gates if g.outcome != "converted"))

    @property
    def converted_gates(self) -> tuple[Gate, ...]:
        """The gates that mark a lead converted: they read its present state."""
        return tuple(g for g in self.gates if g.outcome == "converted")

    def lead_conditions(self) -> list[Condition]:
        """Every condition scoring tests on a lead: its rules' (a segment's too), segments',
        gates', routes' and the PQL bar's."""
        rules = (*self.rules, *(r for s in self.segments for r in s.rules))
        conditions = [r.when for r in rules] + [g.when for g in self.gates]
        conditions += [s.when for s in self.segments]
        if self.routing:
            conditions += [route.when for route in self.routing.routes]
        if self.decision.pql is not None:
            conditions.append(self.decision.pql)
        return conditions

    def event_conditions(self) -> list[Condition]:
        """Every condition scoring tests on an activity: its event rules'."""
        return [r.when for r in self.events.rules] if self.events is not None else []

    def event_columns(self) -> set[str]:
        """The activity columns the event rules compare, and the channel their weights read."""
        compared = set().union(*(condition_columns(c) for c in self.event_conditions()))
        weighed = {"channel"} if self.events is not None and self.events.channel_weights else set()
        return compared | weighed

    def lead_columns(self) -> set[str]:
        """Every lead column the model reads (to check them before any scoring)."""
        cols: set[str] = set()
        for rule in (*self.rules, *(r for s in self.segments for r in s.rules)):
            cols |= rule.columns()
        for gate in self.gates:
            cols |= condition_columns(gate.when)
        for seg in self.segments:
            cols |= condition_columns(seg.when)
        if self.routing:
            for route in self.routing.routes:
                cols |= condition_columns(route.when)
        if self.decision.pql is not None:
            cols |= condition_columns(self.decision.pql)
        return cols

    def activity_columns(self) -> frozenset[str]:
        """The activity columns scoring reads: an event's lead (its id, else its email), time
        and channel, and what the event rules compare."""
        if self.events is None:
            return frozenset()
        compared = (c for r in self.events.rules for c in condition_columns(r.when))
        return frozenset({*EVENT_KEYS, *compared})

    def signal_columns(self) -> frozenset[str]:
        """The signal columns scoring reads (the detail is shown in why-now)."""
        return SIGNAL_READS if self.signals is not None else frozenset()


EVENT_KEYS = ("lead_id", "email", "occurred_at", "channel")
SIGNAL_READS = frozenset({"account_key", "signal_type", "occurred_at", "detail"})


def condition_columns(cond: Condition) -> set[str]:
    if isinstance(cond, Compare):
        return {cond.column}
    if isinstance(cond, AllOf | AnyOf):
        out: set[str] = set()
        for item in cond.items:
            out |= condition_columns(item)
        return out
    if isinstance(cond, Not):
        return condition_columns(cond.item)
    return set()
