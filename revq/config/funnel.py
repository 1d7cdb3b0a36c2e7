"""The funnel config (configs/funnel.yaml): the stage ladder, the conversions and spans to
report, the definition of "qualified", maturity, SLAs and benchmark bands."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from revq.config.loader import load_model
from revq.config.models import Frozen
from revq.core.schema import STAGES

Pair = tuple[str, str]


class SlaConfig(Frozen):
    default_hours: float = Field(24, gt=0, description="SLA for a routed MQL.")
    demo_request_hours: float = Field(1, gt=0, description="SLA when the lead asked for a demo.")
    demo_activity: str = Field("demo_request", description="activity_type of a demo request.")
    demo_lookback_days: float = Field(
        2, gt=0, description="A demo request this close before the hand-off sets the 1-hour SLA."
    )


_DEFAULT_BANDS: dict[str, tuple[float | None, float | None]] = {
    "mql_to_sql": (0.16, 0.20),
    "sql_to_opportunity": (0.20, 0.30),
    "opportunity_to_won": (0.20, 0.30),
    "lead_velocity_rate": (0.10, None),
    "sla_compliance": (0.90, None),
}


# Headline metrics a band can be set for, besides each conversion (`mql_to_sql`).
BANDED_METRICS = (
    "accepted_lead_rate",
    "lead_velocity_rate",
    "median_hours_to_first_touch",
    "opportunities_from_accepted",  # the report's count
    "opportunity_from_accepted",  # the funnel's share
    "sla_compliance",
    "win_rate",
)


class FunnelConfig(Frozen):
    """Funnel definitions, pinned so every figure can be reproduced."""

    version: Literal[1] = 1
    stages: list[str] = Field(
        default_factory=lambda: ["lead", "mql", "sal", "sql", "opportunity", "won"]
    )
    pass_through: bool = Field(True, description="A skipped stage counts as passed.")
    conversions: list[Pair] = Field(
        default_factory=lambda: [("mql", "sql"), ("sql", "opportunity"), ("opportunity", "won")]
    )
    velocity: list[Pair] = Field(
        default_factory=lambda: [
            ("mql", "sal"),
            ("sal", "sql"),
            ("sql", "opportunity"),
            ("opportunity", "won"),
            ("lead", "opportunity"),
            ("mql", "won"),
        ]
    )
    period: Literal["week", "month", "quarter"] = Field(
        "month", description="Reporting period of `revq funnel` when --period is not given."
    )
    method: Literal["cohort", "period", "both"] = Field(
        "both", description="Conversion method(s) `revq funnel` shows when --method is not given."
    )
    qualified_stage: str = Field("mql", description="What counts as qualified for lead velocity.")
    maturity_days: int = Field(84, ge=0, description="Cohorts younger than this are maturing.")
    sla: SlaConfig = Field(default_factory=SlaConfig)
    benchmarks: dict[str, tuple[float | None, float | None]] = Field(
        default_factory=lambda: _DEFAULT_BANDS.copy(),
        description="[low, high] bands by headline metric (DOMAIN.md defaults).",
    )

    @model_validator(mode="after")
    def _known_stages(self) -> FunnelConfig:
        unknown = [s for s in self.stages if s not in STAGES]
        if unknown:
            raise ValueError(f"unknown stages {unknown}; allowed: {', '.join(STAGES)}")
        repeated = sorted({s for s in self.stages if self.stages.count(s) > 1})
        if repeated:
            raise ValueError(f"stages {repeated} appear twice in the ladder {self.stages}")
        used = {s for pair in (*self.conversions, *self.velocity) for s in pair}
        used.add(self.qualified_stage)
        outside = sorted(used - set(self.stages))
        if outside:
            raise ValueError(f"stages {outside} are used but not in the ladder {self.stages}")
        rank = {s: i for i, s in enumerate(self.stages)}
        for key, pairs in (("conversions", self.conversions), ("velocity", self.velocity)):
            for a, b in pairs:
                if rank[a] >= rank[b]:
                    raise ValueError(
                        f"{key}: [{a}, {b}] does not go up the ladder {self.stages}: "
                        "name the earlier stage first"
                    )
        return self

    @model_validator(mode="after")
    def _known_bands(self) -> FunnelConfig:
        for key, (low, high) in self.benchmarks.items():
            if low is not None and high is not None and low > high:
                raise ValueError(
                    f"benchmarks.{key}: expected [low, high] with low <= high, got "
                    f"[{low:g}, {high:g}]"
                )
        if "benchmarks" not in self.model_fields_set:
            return self  # the defaults name pairs of the default ladder
        known = {f"{a}_to_{b}" for a, b in self.conversions} | set(BANDED_METRICS)
        unknown = sorted(set(self.benchmarks) - known)
        if unknown:
            raise ValueError(
                f"benchmarks for {unknown}, which no figure has; known: {', '.join(sorted(known))}"
            )
        return self

    def qualified_hash(self) -> str:
        """A short hash of what "qualified" means, printed with the lead velocity rate."""
        spec = {
            "stages": self.stages,
            "pass_through": self.pass_through,
            "qualified_stage": self.qualified_stage,
        }
        return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:12]


def load_funnel(path: Path | None) -> FunnelConfig:
    return FunnelConfig() if path is None else load_model(path, FunnelConfig)
