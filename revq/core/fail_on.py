"""`--fail-on` conditions: 'missing_reason_rate>0.05,rejection_rate>=0.8'."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
    ">": operator.gt,
    "<": operator.lt,
}
_CONDITION = re.compile(r"^\s*([a-z_][a-z0-9_]*)\s*(>=|<=|==|!=|>|<)\s*(-?[0-9.]+)\s*$")


class FailOnError(ValueError):
    pass


@dataclass(frozen=True)
class Condition:
    metric: str
    op: str
    value: float

    def __str__(self) -> str:
        return f"{self.metric}{self.op}{self.value:g}"


def parse_fail_on(text: str, known: set[str]) -> list[Condition]:
    out = []
    for part in text.split(","):
        m = _CONDITION.match(part)
        if not m:
            raise FailOnError(
                f"--fail-on: expected METRIC OP NUMBER like {min(known, default='rate')}>0.5 "
                f"(OP one of {' '.join(_OPS)}), got {part.strip()!r}"
            )
        metric, op, value = m.group(1), m.group(2), float(m.group(3))
        if metric not in known:
            raise FailOnError(
                f"--fail-on: unknown metric {metric!r}; known: {', '.join(sorted(known))}"
            )
        out.append(Condition(metric, op, value))
    return out


def conditions_met(conditions: list[Condition], metrics: Mapping[str, Any]) -> list[str]:
    """The conditions that hold; a metric with no value (no data) never meets one."""
    met = []
    for c in conditions:
        value = metrics.get(c.metric)
        if isinstance(value, int | float) and _OPS[c.op](float(value), c.value):
            met.append(f"{c} (is {value:g})")
    return met


def unmeasured(conditions: list[Condition], metrics: Mapping[str, Any]) -> list[str]:
    """The conditions whose metric has no value this run, so they can neither hold nor pass."""
    return [str(c) for c in conditions if not isinstance(metrics.get(c.metric), int | float)]
