"""What each step of the compiled query computes, in one line: the comment that opens each CTE
and the table of contents at the head of the query. A step is known by its name (see
revq.engines.steps); a rule's points are a column named after the rule (`pts_<rule>`)."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from revq.engines.steps import PREFIX

INPUTS = ("leads", "activities", "signals")
# The load's steps, for each input table (revq.engines.load.canonical).
LOAD = {
    "trimmed": "the text columns, trimmed of white space",
    "date_text": "date texts, a trailing UTC, GMT or Z written +0000",
    "date_shapes": "each date's shape (2026-03-05, 2026/03/05, 3/5/2026, epoch ms)",
    "date_parts": "each date's year, month and day, read by its shape",
    "time_parts": "each date's hour, minute, second and time zone",
    "dates_checked": "each date checked (a real day and time), in one form",
    "mapped": "revq's columns, values typed; rows that do not parse left out",
}
DEDUPE = {
    "sharing": "how many records share each {key}",
    "ranked_by": "the records sharing {a_key}, latest activity first",
    "merged_by": "one record per {key}: each field from the first that has it",
}
KEYS = {"id": ("lead id", "a lead id"), "email": ("email", "an email")}
RANKED = {"strongest": "why now's strongest behaviour", "reason": "top reasons"}
STEPS = {
    "leads_merged": "the leads, duplicates merged (by lead id, then by email)",
    "leads_merged_away": "each lead id merged away, and the id its activities move to",
    "leads_prepared": "the columns scoring reads; text that rules compare, normalised",
    "segments": "each lead's segment: the first it meets, else default",
    "activity_ages": "each activity's lead, age in days and channel weight",
    "activities_counted": "the activities inside the window, with their decay",
    "activity_points": "each activity's points for each event rule it meets",
    "event_points": "event rules' points per lead: summed, then capped",
    "signal_ages": "each lead's account signals: age in days and weight",
    "signals_counted": "the signals inside the window, decayed and labelled",
    "signal_points": "signal points per type; the strongest signal; the newest's age",
    "group_micro_points": "each group's rules summed in whole micro-points, and the sign of a zero",
    "group_sums": "each group's points summed (fit, intent, signal, negative)",
    "group_scores": "each group's sum within its scale",
    "scores": "the total score; where a scale cut a group's sum",
    "reasons": "top reasons and why now; scores rounded to two decimals",
    "decisions": "fit grade, quadrant, gate and stage",
    "routing": "each lead's turn in its team's round robin (owner routing)",
}
GROUPS = ("fit", "intent", "negative")
RESULT = "the scored leads as `revq score` writes them, best first"
RESULT_NAME = "(the SELECT)"
_LOAD_STEP = re.compile(rf"^({'|'.join(INPUTS)})_({'|'.join(LOAD)})(_[0-9]+)?$")
_DEDUPE_STEP = re.compile(r"^leads_(sharing|ranked_by|merged_by)_(id|email)$")
_RANKED_STEP = re.compile(rf"^({'|'.join(RANKED)})_(items|keys|[0-9]+)$")


@dataclass(frozen=True)
class Entry:
    """One step of the query: its CTE, what it computes, and the columns of rules' points
    (and of lookups several rules read) it adds."""

    name: str
    note: str
    points: tuple[str, ...] = ()


def describe(cte: str) -> str | None:
    """What the step `cte` computes, or None for a name no step of revq's has."""
    if not cte.startswith(PREFIX):
        return None
    name = cte[len(PREFIX) :]
    if name in STEPS:
        return STEPS[name]
    if name in GROUPS:
        return f"{name} rules' points, a column per rule (null: did not fire)"
    found = _LOAD_STEP.match(name)
    if found:
        return LOAD[found[2]]
    found = _DEDUPE_STEP.match(name)
    if found:
        key, a_key = KEYS[found[2]]
        return DEDUPE[found[1]].format(key=key, a_key=a_key)
    found = _RANKED_STEP.match(name)
    if found:
        what, part = RANKED[found[1]], found[2]
        if part == "items":
            return f"{what}: each item's micro-points and sign"
        if part == "keys":
            return f"{what}: each item's sort key (size, sign, name)"
        return f"{what}: place {part}"
    return None


def table_of_contents(steps: tuple[Entry, ...], width: int = 100) -> list[str]:
    """A line per step, its name then what it computes (a rule step's points columns on the
    lines below it), ending with the query's own SELECT; lines within `width` (with the
    comment's `-- `) where the names allow."""
    names = [s.name for s in steps] + [RESULT_NAME]
    column = max(len(n) for n in names) + 2
    room = max(width - 3 - 2 - column, 30)
    lines = []
    for step in [*steps, Entry(RESULT_NAME, RESULT)]:
        lines += _wrapped(f"  {step.name.ljust(column)}", step.note, room)
        if step.points:
            lines += _wrapped(" " * (column + 4), ", ".join(step.points), room - 2)
    return lines


def _wrapped(lead: str, text: str, room: int) -> list[str]:
    out = textwrap.wrap(text, room, break_on_hyphens=False, break_long_words=False) or [""]
    pad = " " * len(lead)
    return [(lead if i == 0 else pad) + line for i, line in enumerate(out)]
