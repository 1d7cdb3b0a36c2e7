"""The registry of config kinds: which model validates which file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from revq.config.funnel import FunnelConfig
from revq.config.models import LoadOptions, Preset, ProjectConfig
from revq.config.reasons import ReasonsConfig
from revq.config.scoring import ScoringConfig

CONFIG_KINDS: dict[str, type[BaseModel]] = {
    "project": ProjectConfig,
    "load": LoadOptions,
    "preset": Preset,
    "scoring": ScoringConfig,
    "reasons": ReasonsConfig,
    "funnel": FunnelConfig,
}


def detect_kind(path: Path, data: Any) -> str:
    """By file name first (revq.yaml), then by a top-level `kind:` key, then by shape."""
    if path.name in ("revq.yaml", "revq.yml"):
        return "project"
    if isinstance(data, dict):
        declared = data.get("kind")
        if isinstance(declared, str) and declared in CONFIG_KINDS:
            return declared
        if "vendor" in data and "tables" in data:
            return "preset"
        if "codes" in data:
            return "reasons"
        if {"conversions", "velocity", "qualified_stage"} & set(data):
            return "funnel"
        if {"fit", "intent", "negative", "decision", "gates", "signals"} & set(data):
            return "scoring"
        if "inputs" in data or "name" in data:
            return "project"
    return "load"
