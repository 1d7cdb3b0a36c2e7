"""The reason-code taxonomy (configs/reasons.yaml): canonical codes, the labels and patterns
that map onto them, and whether each disqualifies or recycles."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from revq.config.loader import load_model
from revq.config.models import Frozen
from revq.config.patterns import regex_error

CANONICAL_CODES = (
    "not_decision_maker",
    "no_budget",
    "unresponsive",
    "competitor_chosen",
    "bad_timing",
    "bad_fit_industry",
    "bad_fit_size",
    "bad_fit_geography",
    "student_or_competitor_or_spam",
    "duplicate",
    "other",
)


class ReasonCode(Frozen):
    class_: Literal["disqualify", "recycle"] = Field(alias="class")
    recheck_days: int | None = Field(
        None, ge=1, description="Recycle: re-check after this many days."
    )
    labels: list[str] = Field(
        default_factory=list, description="Exact labels (case/space-insensitive)."
    )
    patterns: list[str] = Field(default_factory=list, description="Case-insensitive regexes.")

    @field_validator("patterns")
    @classmethod
    def _regexes(cls, v: list[str]) -> list[str]:
        for pattern in v:
            problem = regex_error(pattern)
            if problem is not None:
                raise ValueError(f"invalid regular expression {pattern!r}: {problem}")
        return v


class ReasonsConfig(Frozen):
    """Reason codes for sales dispositions."""

    version: Literal[1] = 1
    codes: dict[str, ReasonCode]

    @field_validator("codes")
    @classmethod
    def _all_canonical(cls, v: dict[str, ReasonCode]) -> dict[str, ReasonCode]:
        missing = [c for c in CANONICAL_CODES if c not in v]
        if missing:
            raise ValueError(f"missing canonical codes {missing}; every team needs these")
        owner: dict[str, str] = {}
        for name, code in v.items():
            if code.class_ == "disqualify" and code.recheck_days is not None:
                raise ValueError(
                    f"{name}: recheck_days is for recycle codes; a disqualified lead is not "
                    "re-checked (make it class: recycle, or drop recheck_days)"
                )
            for label in code.labels:
                key = " ".join(label.lower().split())  # as labels are matched
                if key in owner and owner[key] != name:
                    # the first code would take it and the second never see it
                    raise ValueError(
                        f"label {label!r} is under both {owner[key]} and {name}; "
                        "a label maps to one code"
                    )
                owner[key] = name
        return v


def load_reasons(path: Path) -> ReasonsConfig:
    return load_model(path, ReasonsConfig)
