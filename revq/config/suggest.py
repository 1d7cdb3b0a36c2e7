"""Write a suggested scoring config: the old config with each refitted rule's points scaled."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

GROUPS = ("fit", "intent", "negative")


def _scaled(value: float, ratio: float, whole: bool) -> float | int:
    new = value * ratio
    return round(new) if whole else round(new, 4)


def _scale_points(points: Any, ratio: float, lookups: dict[str, Any], done: set[str]) -> Any:
    """Fixed points -> whole points; per-unit -> `each` scaled; lookup -> the table scaled once."""
    if isinstance(points, int | float):
        return _scaled(float(points), ratio, True)
    if isinstance(points, dict) and "each" in points:
        return {**points, "each": _scaled(float(points["each"]), ratio, False)}
    if isinstance(points, dict) and "lookup" in points:
        name = points["lookup"]
        if name not in done and name in lookups:
            for row in lookups[name]:
                row["points"] = _scaled(float(row["points"]), ratio, True)
            done.add(name)
        return points
    if isinstance(points, dict) and "table" in points:
        table = [
            {**row, "points": _scaled(float(row["points"]), ratio, True)} for row in points["table"]
        ]
        return {**points, "table": table}
    return points


def suggest_config(source: Path, ratios: dict[str, float]) -> tuple[str, list[str], list[str]]:
    """The YAML text of the suggested config, the rules it changed, and those it set to zero
    because the fit gave them the opposite sign (a negative rule whose leads convert better, a
    positive one whose leads convert worse): a rule never changes side. Segment rules and
    gates are kept as they are (they were not refitted)."""
    raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    data = copy.deepcopy(raw)
    lookups = data.get("lookups", {}) or {}
    done: set[str] = set()
    changed = []
    zeroed = [name for name, ratio in ratios.items() if ratio < 0]
    ratios = {name: max(ratio, 0.0) for name, ratio in ratios.items()}
    rule_lists = [(data.get(g) or {}).get("rules") or [] for g in GROUPS]
    events = ((data.get("intent") or {}).get("events") or {}).get("rules") or []
    for rules in [*rule_lists, events]:
        for rule in rules:
            ratio = ratios.get(rule.get("name"))
            if ratio is None:
                continue
            rule["points"] = _scale_points(rule["points"], ratio, lookups, done)
            if rule.get("cap") is not None and ratio > 0:  # a zeroed rule keeps its cap
                rule["cap"] = _scaled(float(rule["cap"]), abs(ratio), True)
            changed.append(rule["name"])
    weights = (data.get("signals") or {}).get("weights") or {}
    for kind in list(weights):
        ratio = ratios.get(f"signal:{kind}")
        if ratio is not None:
            weights[kind] = _scaled(float(weights[kind]), ratio, True)
            changed.append(f"signal:{kind}")
    header = (
        f"# Suggested by `revq backtest --suggest` from {source.name}: the points of the rules\n"
        "# refitted to outcomes (logistic regression, see the backtest report). Thresholds,\n"
        "# gates and segment rules are unchanged; comments of the original are not carried\n"
        "# over. Review it, backtest it, then replace the old config in a pull request.\n"
    )
    body = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None
    )
    return header + body, changed, [z for z in zeroed if z in changed]
