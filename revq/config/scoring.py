"""The scoring config (configs/scoring.yaml): validated models and their compilation into the
engine-neutral ScoringModel. Compilation resolves named lists and lookups and records where in
the YAML each column is referenced, so an unknown column is reported at its key path."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import ConfigDict, Field, field_validator, model_validator

from revq.config.loader import line_of_key, parse_yaml, validate_data
from revq.config.models import Frozen
from revq.config.patterns import regex_error
from revq.core.scoring import model as ir
from revq.core.scoring.columns import COMPUTED
from revq.core.scoring.decide import template_fields
from revq.errors import ConfigError

_COLUMN_OPS: dict[str, ir.Op] = {
    "equals": "eq",
    "not_equals": "ne",
    "in_": "in",
    "not_in": "not_in",
    "regex": "regex",
    "between": "between",
    "gt": "gt",
    "gte": "gte",
    "lt": "lt",
    "lte": "lte",
    "is_null": "is_null",
    "not_null": "not_null",
    "contains": "contains",
    "starts_with": "starts_with",
    "ends_with": "ends_with",
    "domain_in": "domain_in",
}
_YAML_NAMES = {"in_": "in", "all_": "all", "any_": "any", "not_": "not"}


# A rule's points, a cap, a signal's weight: within the most points a rule gives.
PointsValue = Annotated[float, Field(ge=-ir.POINTS_LIMIT, le=ir.POINTS_LIMIT)]
CapValue = Annotated[float, Field(gt=0, le=ir.POINTS_LIMIT)]
# How many times an event on a channel counts: a thousand at most (a weight times a rule's
# points stays within what a lead's events are summed in).
ChannelWeight = Annotated[float, Field(ge=-1000, le=1000)]


def finite_numbers(v: Any) -> Any:
    """A value (or list of values) with no NaN or infinity: YAML reads .nan and .inf as
    numbers, which no rule can compare with or score."""
    for x in v if isinstance(v, list) else [v]:
        if isinstance(x, float) and not math.isfinite(x):
            raise ValueError(f"expected a finite number, got {x!r}")
    return v


class Condition(Frozen):
    """`{column: X, <operator>: value}`, or `{all: [...]}`, `{any: [...]}`, `{not: {...}}`.

    Operators: equals, not_equals, in, not_in (a list or a $named list), regex, between [lo, hi],
    gt, gte, lt, lte, is_null, not_null, contains, starts_with, ends_with, domain_in.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    column: str | None = None
    equals: str | int | float | bool | None = None
    not_equals: str | int | float | bool | None = None
    in_: list[str | int | float] | str | None = Field(None, alias="in")
    not_in: list[str | int | float] | str | None = None
    regex: str | None = None
    between: Any = None
    gt: float | None = None
    gte: float | None = None
    lt: float | None = None
    lte: float | None = None
    is_null: bool | None = None
    not_null: bool | None = None
    contains: str | None = None
    starts_with: str | None = None
    ends_with: str | None = None
    domain_in: list[str] | str | None = None
    all_: list[Condition] | None = Field(None, alias="all")
    any_: list[Condition] | None = Field(None, alias="any")
    not_: Condition | None = Field(None, alias="not")

    @field_validator("equals", "not_equals", "in_", "not_in", mode="before")
    @classmethod
    def _finite(cls, v: Any) -> Any:
        return finite_numbers(v)

    @field_validator("between")
    @classmethod
    def _two_numbers(cls, v: Any) -> Any:
        if v is None:
            return v
        ok = (
            isinstance(v, list)
            and len(v) == 2
            and all(isinstance(x, int | float) and not isinstance(x, bool) for x in v)
        )
        if not ok:
            raise ValueError(f"expected two numbers, got {v!r}")
        finite_numbers(v)
        if v[0] > v[1]:
            raise ValueError(f"expected [low, high] with low <= high, got {v!r}")
        return v

    @model_validator(mode="after")
    def _one_operator(self) -> Condition:
        ops = [k for k in (*_COLUMN_OPS, "all_", "any_", "not_") if getattr(self, k) is not None]
        if len(ops) != 1:
            names = [_YAML_NAMES.get(k, k) for k in ops]
            raise ValueError(
                f"expected exactly one operator, got {names or 'none'}; allowed: "
                + ", ".join(_YAML_NAMES.get(k, k) for k in (*_COLUMN_OPS, "all_", "any_", "not_"))
            )
        if ops[0] in _COLUMN_OPS and self.column is None:
            raise ValueError(f"'{_YAML_NAMES.get(ops[0], ops[0])}' needs a 'column'")
        if ops[0] not in _COLUMN_OPS and self.column is not None:
            raise ValueError("'column' goes inside the conditions of all/any/not")
        return self


class PerUnitPoints(Frozen):
    per: str = Field(description="Numeric column: points are `each` times its value.")
    each: float


class LookupPoints(Frozen):
    lookup: str = Field(description="Name of a table under `lookups`.")
    column: str


class RuleConfig(Frozen):
    name: str
    when: Condition | None = Field(None, description="Fires when true; always when absent.")
    points: PointsValue | PerUnitPoints | LookupPoints
    cap: CapValue | None = Field(None, description="Largest magnitude the rule contributes.")
    reason: str | None = Field(None, description="Reason code shown when the rule fires.")

    @field_validator("points", mode="before")
    @classmethod
    def _finite(cls, v: Any) -> Any:
        finite_numbers(v)
        if isinstance(v, int | float) and not isinstance(v, bool) and abs(v) > ir.POINTS_LIMIT:
            raise ValueError(
                f"expected at most {ir.POINTS_LIMIT:,.0f} points either way, got {v:g}"
            )
        return v


class LookupRow(Frozen):
    match: str = Field(description="Case-insensitive regular expression.")
    points: PointsValue


class DecayConfig(Frozen):
    half_life_days: float | None = Field(None, gt=0)
    window_days: float | None = Field(None, gt=0)


class EventRuleConfig(Frozen):
    name: str
    when: Condition
    points: PointsValue
    cap: CapValue | None = None


class EventsConfig(DecayConfig):
    channel_weights: dict[str, ChannelWeight] = Field(
        default_factory=dict, description="Multiplier by activity channel (g2: 2.0, blog: 0.5)."
    )
    rules: list[EventRuleConfig]


class GroupConfig(Frozen):
    rules: list[RuleConfig] = Field(default_factory=list)


class IntentConfig(GroupConfig):
    events: EventsConfig | None = None
    decay_by_last_activity: DecayConfig | None = None


class SignalsConfig(DecayConfig):
    weights: dict[str, PointsValue] = Field(
        description="Points by signal type; the literature ranks executive_hire highest."
    )
    cap: CapValue | None = None


class GateConfig(Frozen):
    name: str
    when: Condition
    reason: str
    # converted: the lead is past the hand-off already (a customer, a converted lead); it
    # leaves the queues with no sales action, whatever it scores.
    outcome: Literal["disqualify", "recycle", "converted"] = "disqualify"


class SignalQualifiedConfig(Frozen):
    min_fit: float = 25
    within_days: float = 30
    context: list[str] = Field(default_factory=lambda: ["title", "company"])


class DecisionConfig(Frozen):
    fit_high: float = 25
    intent_high: float = 20
    sales_ready: float = 70
    nurture: float = 40
    mql_threshold: float | None = Field(
        None, description="Single-score style: at or above this total a lead is an MQL."
    )
    grades: dict[str, float] = Field(
        default_factory=lambda: {"A": 40.0, "B": 30.0, "C": 20.0},
        description="Fit grade -> lowest fit score for it, best grade first.",
    )
    signal_qualified: SignalQualifiedConfig = Field(default_factory=SignalQualifiedConfig)
    pql: Condition | None = None

    @model_validator(mode="after")
    def _ordered(self) -> DecisionConfig:
        if self.sales_ready < self.nurture:
            raise ValueError(
                f"sales_ready ({self.sales_ready:g}) is below nurture ({self.nurture:g}): "
                "a lead must score more to be routed to sales than to be nurtured"
            )
        pairs = list(self.grades.items())
        for (better, high), (worse, low) in itertools.pairwise(pairs):
            if low >= high:
                raise ValueError(
                    f"grades are listed best first, each lower than the one before: "
                    f"{worse}: {low:g} is not below {better}: {high:g}"
                )
        return self


class RouteConfig(Frozen):
    when: Condition
    team: list[str] = Field(min_length=1)


class RoutingConfig(Frozen):
    keep_existing_owner: bool = True
    routes: list[RouteConfig] = Field(default_factory=list)
    default_team: list[str] = Field(default_factory=list)


class SegmentConfig(Frozen):
    name: str
    when: Condition
    fit: GroupConfig = Field(default_factory=GroupConfig)
    intent: GroupConfig = Field(default_factory=GroupConfig)
    negative: GroupConfig = Field(default_factory=GroupConfig)


class AccountsConfig(Frozen):
    min_engaged_contacts: int = Field(2, ge=1)
    min_intent: float = 20
    roles: dict[str, str] = Field(
        default_factory=lambda: {
            "executive": r"\b(chief|ceo|cfo|cmo|cro|cto|coo|vp|vice president|president)\b",
            "director": r"\b(director|head of)\b",
            "manager": r"\bmanager\b",
        },
        description="Buying-committee role -> title pattern.",
    )


_DEFAULT_SCALE: dict[str, tuple[float | None, float | None]] = {
    "fit": (0.0, 50.0),
    "intent": (0.0, 50.0),
    "signal": (0.0, 30.0),
    "negative": (-50.0, 0.0),
}


class ScoringConfig(Frozen):
    """A lead-scoring model: fit, intent, signals, negatives, gates, decision, actions, routing."""

    version: Literal[1] = 1
    scale: dict[str, tuple[float | None, float | None]] = Field(
        default_factory=lambda: _DEFAULT_SCALE.copy(),
        description="[low, high] per score: fit, intent, signal, negative, total (null: open).",
    )
    lists: dict[str, list[str | int | float]] = Field(default_factory=dict)
    lookups: dict[str, list[LookupRow]] = Field(default_factory=dict)
    fit: GroupConfig = Field(default_factory=GroupConfig)
    intent: IntentConfig = Field(default_factory=IntentConfig)
    negative: GroupConfig = Field(default_factory=GroupConfig)
    signals: SignalsConfig | None = None
    gates: list[GateConfig] = Field(default_factory=list)
    decision: DecisionConfig = Field(default_factory=DecisionConfig)
    actions: dict[str, str] = Field(default_factory=dict)
    routing: RoutingConfig | None = None
    segments: list[SegmentConfig] = Field(default_factory=list)
    accounts: AccountsConfig = Field(default_factory=AccountsConfig)

    @field_validator("scale")
    @classmethod
    def _known_scales(
        cls, v: dict[str, tuple[float | None, float | None]]
    ) -> dict[str, tuple[float | None, float | None]]:
        unknown = sorted(set(v) - {"fit", "intent", "signal", "negative", "total"})
        if unknown:
            raise ValueError(
                f"unknown score {unknown}; allowed: fit, intent, signal, negative, total"
            )
        for name, (low, high) in v.items():
            if low is not None and high is not None and low > high:
                raise ValueError(
                    f"{name}: expected [low, high] with low <= high, got [{low:g}, {high:g}]"
                )
        return v


Condition.model_rebuild()


@dataclass
class Compiled:
    """A compiled model plus where each referenced column appears in the YAML."""

    model: ir.ScoringModel
    lead_refs: dict[str, str] = field(default_factory=dict)  # column -> first key path
    activity_refs: dict[str, str] = field(default_factory=dict)
    accounts: AccountsConfig = field(default_factory=AccountsConfig)


class _Compiler:
    def __init__(self, cfg: ScoringConfig, path: Path, node: yaml.Node | None) -> None:
        self.cfg = cfg
        self.path = path
        self.node = node
        self.lead_refs: dict[str, str] = {}
        self.activity_refs: dict[str, str] = {}

    def fail(self, key: str, message: str) -> ConfigError:
        return ConfigError(self.path, key, message, line=line_of_key(self.node, key))

    def values(self, v: Any, key: str) -> tuple[ir.Scalar, ...]:
        if isinstance(v, str) and v.startswith("$"):
            name = v[1:]
            if name not in self.cfg.lists:
                known = ", ".join(sorted(self.cfg.lists)) or "none defined"
                raise self.fail(key, f"unknown list {v!r}; lists: {known}")
            return tuple(self.cfg.lists[name])
        if isinstance(v, list):
            return tuple(v)
        return (v,)

    def cond(self, c: Condition | None, key: str, refs: dict[str, str]) -> ir.Condition:
        if c is None:
            return ir.Always()
        if c.all_ is not None:
            return ir.AllOf(
                tuple(self.cond(x, f"{key}.all[{i}]", refs) for i, x in enumerate(c.all_))
            )
        if c.any_ is not None:
            return ir.AnyOf(
                tuple(self.cond(x, f"{key}.any[{i}]", refs) for i, x in enumerate(c.any_))
            )
        if c.not_ is not None:
            return ir.Not(self.cond(c.not_, f"{key}.not", refs))
        assert c.column is not None
        refs.setdefault(c.column, f"{key}.column")
        for attr, op in _COLUMN_OPS.items():
            v = getattr(c, attr)
            if v is None:
                continue
            name = _YAML_NAMES.get(attr, attr)
            if op in ("in", "not_in", "domain_in"):
                return ir.Compare(c.column, op, self.values(v, f"{key}.{name}"))
            if op == "between":
                return ir.Compare(c.column, op, (float(v[0]), float(v[1])))
            if op in ("is_null", "not_null"):
                real = op if v else ("not_null" if op == "is_null" else "is_null")
                return ir.Compare(c.column, real)
            if op == "regex":
                self.check_regex(v, f"{key}.regex")
            return ir.Compare(c.column, op, v)
        raise AssertionError("validated: one operator")  # pragma: no cover

    def check_regex(self, pattern: str, key: str) -> None:
        problem = regex_error(pattern)
        if problem is not None:
            raise self.fail(key, f"invalid regular expression {pattern!r}: {problem}")

    def points(self, p: float | PerUnitPoints | LookupPoints, key: str) -> ir.Points:
        if isinstance(p, PerUnitPoints):
            self.lead_refs.setdefault(p.per, f"{key}.per")
            return ir.PerUnit(p.per, p.each)
        if isinstance(p, LookupPoints):
            if p.lookup not in self.cfg.lookups:
                known = ", ".join(sorted(self.cfg.lookups)) or "none defined"
                raise self.fail(f"{key}.lookup", f"unknown lookup {p.lookup!r}; lookups: {known}")
            self.lead_refs.setdefault(p.column, f"{key}.column")
            rows = self.cfg.lookups[p.lookup]
            for i, row in enumerate(rows):
                self.check_regex(row.match, f"lookups.{p.lookup}[{i}].match")
            return ir.Lookup(p.column, tuple((r.match, r.points) for r in rows))
        return ir.Fixed(float(p))

    def rules(
        self, group: ir.Group, rules: list[RuleConfig], key: str, seen: dict[str, str]
    ) -> tuple[ir.Rule, ...]:
        out = []
        for i, r in enumerate(rules):
            k = f"{key}.rules[{i}]"
            self.unique(r.name, f"{k}.name", seen)
            if group == "negative" and isinstance(r.points, float | int) and r.points > 0:
                raise self.fail(
                    f"{k}.points",
                    f"negative rules subtract: expected a number <= 0, got {r.points:g}",
                )
            out.append(
                ir.Rule(
                    r.name,
                    group,
                    self.cond(r.when, f"{k}.when", self.lead_refs),
                    self.points(r.points, f"{k}.points"),
                    r.cap,
                    r.reason,
                )
            )
        return tuple(out)

    def unique(self, name: str, key: str, seen: dict[str, str]) -> None:
        """Rules, event rules and signal types each name a contribution in the ledger."""
        if name in seen:
            raise self.fail(
                key, f"name {name!r} is already used at {seen[name]}; names must be unique"
            )
        seen[name] = key.removesuffix(".name")

    def _segment_rules(self, s: SegmentConfig, i: int) -> tuple[ir.Rule, ...]:
        seen: dict[str, str] = {}
        return (
            self.rules("fit", s.fit.rules, f"segments[{i}].fit", seen)
            + self.rules("intent", s.intent.rules, f"segments[{i}].intent", seen)
            + self.rules("negative", s.negative.rules, f"segments[{i}].negative", seen)
        )

    def compile(self) -> Compiled:
        cfg = self.cfg
        seen: dict[str, str] = {}
        rules = (
            self.rules("fit", cfg.fit.rules, "fit", seen)
            + self.rules("intent", cfg.intent.rules, "intent", seen)
            + self.rules("negative", cfg.negative.rules, "negative", seen)
        )
        events = None
        if cfg.intent.events is not None:
            ev = cfg.intent.events
            for i, r in enumerate(ev.rules):
                self.unique(r.name, f"intent.events.rules[{i}].name", seen)
            events = ir.EventScoring(
                tuple(
                    ir.EventRule(
                        r.name,
                        self.cond(r.when, f"intent.events.rules[{i}].when", self.activity_refs),
                        r.points,
                        r.cap,
                    )
                    for i, r in enumerate(ev.rules)
                ),
                ir.Decay(ev.half_life_days, ev.window_days),
                tuple((k.lower(), v) for k, v in ev.channel_weights.items()),
            )
        signals = None
        if cfg.signals is not None:
            s = cfg.signals
            for kind in s.weights:
                # a signal type's points are a contribution of that name, as a rule's are
                self.unique(kind.lower(), f"signals.weights.{kind}", seen)
            ranked = sorted(s.weights.items(), key=lambda kv: (-kv[1], kv[0]))
            signals = ir.SignalScoring(
                tuple((k.lower(), v) for k, v in ranked),
                ir.Decay(s.half_life_days, s.window_days),
                s.cap,
            )
        gates = tuple(
            ir.Gate(
                g.name, self.cond(g.when, f"gates[{i}].when", self.lead_refs), g.reason, g.outcome
            )
            for i, g in enumerate(cfg.gates)
        )
        d = cfg.decision
        decision = ir.Decision(
            fit_high=d.fit_high,
            intent_high=d.intent_high,
            sales_ready=d.sales_ready,
            nurture=d.nurture,
            mql_threshold=d.mql_threshold,
            grades=tuple(sorted(d.grades.items(), key=lambda kv: -kv[1])),
            signal_within_days=d.signal_qualified.within_days,
            signal_min_fit=d.signal_qualified.min_fit,
            signal_context=tuple(d.signal_qualified.context),
            pql=self.cond(d.pql, "decision.pql", self.lead_refs) if d.pql else None,
        )
        routing = None
        if cfg.routing is not None:
            rt = cfg.routing
            routing = ir.Routing(
                rt.keep_existing_owner,
                tuple(
                    ir.Route(
                        self.cond(r.when, f"routing.routes[{i}].when", self.lead_refs),
                        tuple(r.team),
                    )
                    for i, r in enumerate(rt.routes)
                ),
                tuple(rt.default_team),
            )
        segments = tuple(
            ir.Segment(
                s.name,
                self.cond(s.when, f"segments[{i}].when", self.lead_refs),
                self._segment_rules(s, i),
            )
            for i, s in enumerate(cfg.segments)
        )
        bounds = {name: ir.Bounds(low, high) for name, (low, high) in cfg.scale.items()}
        for group in ("fit", "intent", "signal", "negative"):
            bounds.setdefault(group, ir.Bounds(None, None))
        if cfg.signals is not None and cfg.signals.cap is not None:
            bounds["signal"] = ir.Bounds(bounds["signal"].low, cfg.signals.cap)
        decay = cfg.intent.decay_by_last_activity
        model = ir.ScoringModel(
            rules=rules,
            bounds=bounds,
            decision=decision,
            events=events,
            signals=signals,
            gates=gates,
            intent_decay_by_last_activity=(
                ir.Decay(decay.half_life_days, decay.window_days) if decay else None
            ),
            actions=dict(cfg.actions),
            routing=routing,
            segments=segments,
        )
        for stage, template in cfg.actions.items():
            for name in template_fields(template):
                self.lead_refs.setdefault(name, f"actions.{stage}")
        return Compiled(model, self.lead_refs, self.activity_refs, cfg.accounts)


def load_scoring(path: Path) -> Compiled:
    """Parse, validate and compile a scoring config; every error names file, line and key."""
    data, node = parse_yaml(path)
    cfg = validate_data(path, data, node, ScoringConfig)
    return _Compiler(cfg, path, node).compile()


def refs_line(path: Path, key: str) -> int | None:
    """The line of a key path in the config file, for messages."""
    try:
        _, node = parse_yaml(path)
    except ConfigError:  # pragma: no cover - the file was already parsed once
        return None
    return line_of_key(node, key)


def unknown_columns(compiled: Compiled, lead_columns: set[str]) -> list[tuple[str, str]]:
    """(column, key path of its first use) for each lead column the config reads that the
    leads do not have."""
    return [
        (column, key)
        for column, key in compiled.lead_refs.items()
        if column not in lead_columns and column not in COMPUTED
    ]


def check_columns(
    compiled: Compiled,
    path: Path,
    lead_columns: set[str],
    activity_columns: set[str] | None,
    *,
    left_out: Iterable[str] = (),
) -> None:
    """Unknown column references, reported at their YAML key path before any scoring.
    `left_out`: activity columns the run did not read, named with those it did."""
    for column, key in unknown_columns(compiled, lead_columns)[:1]:
        shown = sorted(c for c in lead_columns if not c.startswith("_"))
        raise ConfigError(
            path,
            key,
            f"unknown column {column!r}; the leads have: " + ", ".join(shown),
            line=refs_line(path, key),
        )
    if activity_columns is not None:
        for column, key in compiled.activity_refs.items():
            if column not in activity_columns:
                shown = sorted(c for c in {*activity_columns, *left_out} if not c.startswith("_"))
                raise ConfigError(
                    path,
                    key,
                    f"unknown activity column {column!r}; activities have: " + ", ".join(shown),
                    line=refs_line(path, key),
                )
