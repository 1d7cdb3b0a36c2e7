"""A starter scoring config as YAML a person reads and edits: the rules of each column together,
each commented with what its level holds, the columns left out and why, the thresholds with
what they select. The text is checked against the scoring config schema before it is used."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from revq.config.loader import load_yaml, validate_data
from revq.config.scoring import Compiled, ScoringConfig, _Compiler
from revq.core.cutoffs import Cutoffs
from revq.core.event_counts import EVENT_TYPE, EventRule
from revq.core.lead_columns import ColumnKind
from revq.core.leakage import LeftOut
from revq.core.levels import Feature, Level, number_text
from revq.core.scoring.model import AllOf, Compare, Condition, Scalar

WIDTH = 96
OTHERS_NAMED = 5  # the values at 0 points a column's comment names, beyond its most common
GROUPS = ("fit", "intent", "negative")
_YAML_OPS = {
    "eq": "equals",
    "in": "in",
    "gt": "gt",
    "lt": "lt",
    "gte": "gte",
    "between": "between",
    "is_null": "is_null",
    "not_null": "not_null",
}


def scalar(value: Scalar) -> str:
    """A value as a YAML flow scalar: plain where YAML reads it back as the same text, else
    double-quoted (JSON's quoting is YAML's)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number_text(float(value))
    plain = (
        value == value.strip()
        and re.fullmatch(r"[^-?:,\[\]{}#&*!|>'\"%@`\s][^,\[\]{}#]*", value) is not None
        and ": " not in value
        and not value.endswith(":")
    )
    if plain:
        try:
            plain = yaml.safe_load(f"[{value}]") == [value]
        except yaml.YAMLError:
            plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)


def condition_yaml(cond: Condition) -> str:
    """A condition of a starter rule as a YAML flow mapping."""
    if isinstance(cond, AllOf):
        return "{all: [" + ", ".join(condition_yaml(c) for c in cond.items) + "]}"
    assert isinstance(cond, Compare), cond
    op = _YAML_OPS[cond.op]
    value = cond.value
    if cond.op in ("is_null", "not_null"):
        shown = "true"
    elif isinstance(value, tuple):
        shown = "[" + ", ".join(scalar(v) for v in value) + "]"
    else:
        assert value is not None
        shown = scalar(value)
    return f"{{column: {scalar(cond.column)}, {op}: {shown}}}"


def slug(text: str, limit: int) -> str:
    """Words of a name as a rule name's part: 'Lead Origin' -> lead_origin."""
    words = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "value"
    if len(words) <= limit:
        return words
    cut = words[:limit]
    return cut[: cut.rfind("_")] if "_" in cut else cut


def comment(text: str, indent: int, bullet: str = "") -> list[str]:
    """`text` as comment lines at `indent` spaces, wrapped to the config's width; a `bullet`
    ('- ') starts the first line and indents the others under it."""
    pad = " " * indent + "# "
    flat = " ".join(text.split())
    first = pad + bullet
    rest = pad + (" " * len(bullet) if bullet else "  ")
    return textwrap.wrap(flat, WIDTH - len(rest), initial_indent=first, subsequent_indent=rest)


def leads_text(n: int) -> str:
    """'1 lead', '1,234 leads'."""
    return f"{n:,} lead{'' if n == 1 else 's'}"


def holds(level: Level, leads: int, base_rate: float | None) -> str:
    """What a level holds: its leads, their share, and with an outcome their conversion and
    lift over all leads'."""
    share = level.leads / leads if leads else 0.0
    text = f"{leads_text(level.leads)} ({share:.1%})"
    if base_rate is not None and level.converted is not None and level.leads:
        rate = level.converted / level.leads
        lift = rate / base_rate if base_rate else 0.0
        text += f", {rate:.1%} converted, lift {lift:.2f}"
    return text


@dataclass(frozen=True)
class EventsBlock:
    """The event rules of a starter config, under `intent.events`.

    Attributes:
        about: what the events counted are and how the rules were set, for the block's
            opening comment (paragraphs).
        rules: a rule per activity type, in the order written.
        note: what the types without a rule hold, for the comment after the rules.
    """

    about: Sequence[str]
    rules: Sequence[EventRule] = field(default_factory=tuple)
    note: str = ""


def event_holds(rule: EventRule, leads: int, base_rate: float | None) -> str:
    """What an activity type holds: the leads with an event of it, their share, and with an
    outcome their conversion and lift; the leads at the cap likewise; without one, its events
    and the most a lead has."""
    kind = rule.type
    some = Level("", None, kind.leads, rule.converted)
    text = f"{kind.label}, one or more: {holds(some, leads, base_rate)}"
    if base_rate is None or rule.converted is None:
        return f"{text}; {kind.events:,} events, at most {kind.most:,} a lead"
    if rule.cap > 1:
        top = Level("", None, rule.at_cap, rule.at_cap_converted)
        text += f"; {rule.cap} or more: {holds(top, leads, base_rate)}"
    return text


def _event_rule_lines(rule: EventRule, name: str, dormant: bool) -> list[str]:
    """A rule's lines; a dormant one (0 points, to set) commented out, with no cap to set
    before its points are."""
    mark = "# " if dormant else ""
    when = condition_yaml(Compare(EVENT_TYPE, "eq", rule.type.label))
    points = f"{rule.points} point{'' if abs(rule.points) == 1 else 's'}"
    per = "for one event" if rule.cap == 1 else f"an event, up to {rule.cap} events"
    return [
        *([] if dormant else comment(f"{points} {per}", 6)),
        f"      {mark}- name: {name}",
        f"      {mark}  when: {when}",
        f"      {mark}  points: {rule.points}",
        *([] if dormant else [f"      {mark}  cap: {abs(rule.most)}"]),
    ]


def _events_lines(
    block: EventsBlock, names: _Names, leads: int, base_rate: float | None, zero_rules: bool
) -> list[str]:
    """`intent.events` with its rules; without a rule (live or to set), its comments alone,
    under `intent`."""
    written = [r for r in block.rules if r.points != 0 or zero_rules]
    indent = 4 if written else 2  # without a rule, the block is a comment under intent
    lines: list[str] = [""] if not written else []
    for i, paragraph in enumerate(block.about):
        lines += ([" " * indent + "#"] if i else []) + comment(paragraph, indent)
    if not written:
        return lines + (["  #", *comment(block.note, 2)] if block.note else [])
    live = any(r.points != 0 for r in written)
    out = ["  events:", *lines, "    rules:" if live else "    rules: []"]
    for rule in written:
        out += comment(event_holds(rule, leads, base_rate), 6)
        out += _event_rule_lines(rule, names.name("events", rule.type.label), rule.points == 0)
    if block.note:
        out += comment(block.note, 6)
    return out


class _Names:
    """Rule names, unique across the config."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def name(self, column: str, label: str) -> str:
        base = f"{slug(column, 32)}_{slug(label, 24)}"
        name, n = base, 2
        while name in self.used:
            name, n = f"{base}_{n}", n + 1
        self.used.add(name)
        return name


def _group_of(feature: Feature, level: Level) -> str:
    return "negative" if level.points < 0 else feature.group


def _zero_note(feature: Feature, shown: str, leads: int, base_rate: float | None) -> str:
    """What a column's values at 0 points hold: the most common one's leads, the others'
    names."""
    if not feature.rest:
        if not feature.rare:
            return shown
        values = "value" if feature.rare == 1 else "values"
        return f"{shown}: {feature.rare} rarer {values} without a rule score 0"
    first = feature.rest[0]
    note = f"{shown}: 0 points for {first.label} ({_brief(first, base_rate)})"
    others = [lv.label for lv in feature.rest[1:]]
    named = others[:OTHERS_NAMED]
    more = len(others) - len(named) + feature.rare
    kind = "more" if named else "rarer"
    tail = named + ([f"{more} {kind} value{'s' if more > 1 else ''}"] if more else [])
    if tail:
        note += ", as for " + ", ".join(tail[:-1]) + (" and " if len(tail) > 1 else "") + tail[-1]
    return note


def _brief(level: Level, base_rate: float | None) -> str:
    text = leads_text(level.leads)
    if base_rate is not None and level.converted is not None and level.leads:
        text += f", {level.converted / level.leads:.1%} converted"
    return text


def scale_of(
    features: Sequence[Feature], events: Sequence[EventRule] = ()
) -> dict[str, tuple[int, int]]:
    """Each group's [low, high]: every total its rules can give a lead (one level a column,
    each event rule up to its cap, in intent as the engine adds them), so no score is ever
    cut to fit."""
    high = dict.fromkeys(GROUPS, 0)
    low = dict.fromkeys(GROUPS, 0)
    for f in features:
        by_group: dict[str, list[int]] = {}
        for lv in f.levels:
            by_group.setdefault(_group_of(f, lv), []).append(lv.points)
        for group, points in by_group.items():
            high[group] += max(0, *points)
            low[group] += min(0, *points)
    for rule in events:
        high["intent"] += max(0, rule.most)
        low["intent"] += min(0, rule.most)
    return {g: (low[g], high[g]) for g in GROUPS}


def render_starter(
    header: Sequence[str],
    features: Sequence[Feature],
    cutoffs: Cutoffs,
    *,
    leads: int,
    base_rate: float | None,
    notes: Mapping[str, str],
    left_out: Sequence[LeftOut] = (),
    skipped: Sequence[ColumnKind] = (),
    zero_rules: bool = False,
    headers: Mapping[str, str] | None = None,
    events: EventsBlock | None = None,
    converted: Compare | None = None,
) -> str:
    """The starter config's text.

    Args:
        header: the opening comment, in sentences.
        features: the columns scored, with their points.
        cutoffs: the decision thresholds.
        leads: the leads the counts are of.
        base_rate: the share of them that converted; None without an outcome.
        notes: decision key -> what the threshold selects, for its comment.
        left_out: columns left out as filled in after the outcome.
        skipped: columns no rule can use, with why.
        zero_rules: write the levels at 0 points as rules commented out, to set points for.
        headers: column -> the export's header, where revq reads it under another name.
        events: the event rules, by activity type; None when the project has no activities.
        converted: what marks a lead that reached the outcome (the column learned from), for
            a gate that takes it off the call list: it is past the hand-off already.
    """
    headers = headers or {}

    def shown(column: str) -> str:
        header = headers.get(column)
        return f"{column} (the export's {header})" if header and header != column else column

    out: list[str] = []
    for paragraph in header:
        out += comment(paragraph, 0) if paragraph else ["#"]
    if left_out:
        why = "Left out, as filled in after the outcome (revq init --keep-column NAME keeps one):"
        out += ["#", *comment(why, 0)]
        for lo in left_out:
            out += comment(f"{shown(lo.column)}: {lo.reason}", 0, bullet="- ")
    reasons: dict[str, list[str]] = {}
    for k in skipped:
        if k.why:
            reasons.setdefault(k.why, []).append(shown(k.column))
    if reasons:
        listed = "; ".join(f"{why}: {', '.join(columns)}" for why, columns in reasons.items())
        out += ["#", *comment(f"Not scored, as {listed}.", 0)]
    out += ["version: 1", "", "scale:"]
    scored_events = [r for r in events.rules if r.points != 0] if events is not None else []
    for group, (low, high) in scale_of(features, scored_events).items():
        out.append(f"  {group}: [{low}, {high}]")
    names = _Names()
    for group in GROUPS:
        block: list[str] = []
        live_rules = 0
        for f in features:
            levels = [lv for lv in f.levels if _group_of(f, lv) == group]
            if not levels:
                continue
            # The column's zero levels are said where its rules first appear.
            first = min((_group_of(f, lv) for lv in f.levels), key=GROUPS.index) == group
            name = shown(f.column)
            block += comment(_zero_note(f, name, leads, base_rate) if first else name, 4)
            for lv in levels:
                assert lv.when is not None
                dormant = zero_rules and lv.points == 0
                mark = "# " if dormant else ""
                block += comment(f"{lv.label}: {holds(lv, leads, base_rate)}", 4)
                block += [
                    f"    {mark}- name: {names.name(f.column, lv.label)}",
                    f"    {mark}  when: {condition_yaml(lv.when)}",
                    f"    {mark}  points: {lv.points}",
                ]
                live_rules += not dormant
        out += ["", f"{group}:", "  rules:" if live_rules else "  rules: []", *block]
        if group == "intent" and events is not None:
            out += _events_lines(events, names, leads, base_rate, zero_rules)
    out += ["", "decision:"]
    values = {
        "sales_ready": cutoffs.sales_ready,
        "nurture": cutoffs.nurture,
        "fit_high": cutoffs.fit_high,
        "intent_high": cutoffs.intent_high,
    }
    for key, value in values.items():
        if key in notes:
            out += comment(notes[key], 2)
        out.append(f"  {key}: {value}")
    if "grades" in notes:
        out += comment(notes["grades"], 2)
    grades = ", ".join(f"{letter}: {cut}" for letter, cut in cutoffs.grades)
    out.append(f"  grades: {{{grades}}}")
    if converted is not None:
        why = (
            f"A lead the export shows converted, by {shown(converted.column)}, is past the "
            "hand-off: stage converted, no sales action and off the call list, whatever it "
            "scores. The backtest, the audit and the funnel's cut by recommended stage leave "
            "this gate out: it reads the outcome they measure."
        )
        out += ["", "gates:", *comment(why, 2)]
        out += [
            "  - name: already_converted",
            f"    when: {condition_yaml(converted)}",
            "    reason: already_converted",
            "    outcome: converted",
        ]
    return "\n".join(out) + "\n"


def compile_starter(text: str, where: Path) -> Compiled:
    """The starter's text read and compiled as `revq score` reads a config file (`where` is
    the file it is for, in messages): a text that does not pass is a fault here, never a config
    handed to the user."""
    config = validate_data(where, load_yaml(text), None, ScoringConfig)
    return _Compiler(config, where, None).compile()
