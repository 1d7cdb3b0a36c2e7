"""A scoring whose rules give no lead a point tells sales nothing: every lead gets the same
score, and a config that does not fit the exports passes for a verdict on the leads. Said once
a run, with the way out, whichever command scored (score, report, the audit's and the
funnel's scored cuts); the rules one by one are detail, shown with --verbose."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import polars as pl

from revq.app.run import Run
from revq.app.scoring import ScoringInputs
from revq.core.scoring.coverage import groups_given_points, scored_groups
from revq.core.scoring.model import Group

# The groups of points whose silence is said: without fit or intent there is no matrix.
WATCHED = ("fit", "intent")
WAY_OUT = (
    "learn a config from the leads' history with revq init --exports FILE, or start from an "
    "example config in the configs/ folder of revq's repository"
)
DETAIL = "revq score -v names each rule and what its columns hold"


def unfit_groups(configured: Sequence[str], given: dict[str, bool]) -> list[str]:
    """The groups the config has rules for that gave no lead a point: all of them (when no
    rule gave any), else those of fit and intent; [] when the config fits."""
    silent = [g for g in configured if not given.get(g)]
    if configured and len(silent) == len(configured):
        return list(configured)
    return [g for g in WATCHED if g in silent]


def unfit_message(
    config: str, leads: int, groups: Sequence[str], every: bool, detail: bool = False
) -> str:
    """The one warning: which rules gave nothing, what that means, the way out; `detail`:
    each rule's own line is shown with --verbose."""
    if every:
        what = (
            f"no rule of {config} gave points to any of the {leads:,} leads: every lead scores "
            "0, so their scores and stages say nothing of them"
        )
    else:
        named = " or ".join(groups)
        what = (
            f"no {named} rule of {config} gave points to any of the {leads:,} leads: their "
            f"{' and '.join(groups)} scores are all 0"
        )
    return f"{what}{f' ({DETAIL})' if detail else ''}; {WAY_OUT}"


def say_unfit(
    run: Run,
    inputs: ScoringInputs,
    as_of: datetime,
    rule_lines: Sequence[tuple[Group | None, str]] = (),
    hits: pl.DataFrame | None = None,
) -> bool:
    """Say the rules that gave no lead points: each rule's own line (`rule_lines`), as a
    warning, or as detail when its whole group gave none, which one warning says with the way
    out. `hits`: the rules' hits, when counted for those lines. Returns whether it said that
    no rule at all gave a lead points (every lead then scores 0)."""
    model = inputs.compiled.model
    configured = scored_groups(model)
    leads = inputs.leads.accounting.rows_loaded
    given = groups_given_points(
        inputs.leads.lazy(),
        model,
        inputs.lazy(inputs.activities),
        inputs.lazy(inputs.signals),
        as_of,
        hits,
    )
    # No lead to give points to: nothing to say of the config.
    groups = unfit_groups(configured, given) if leads else []
    every = bool(groups) and len(groups) == len(configured)
    detail = False
    for group, line in rule_lines:
        said = every or group in groups
        detail = detail or said
        (run.debug if said else run.warn)(line)
    if groups:
        run.warn(unfit_message(inputs.config_path.name, leads, groups, every, detail))
    return every
