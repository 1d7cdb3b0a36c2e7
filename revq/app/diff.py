"""What a scoring config change would do to the same leads: stage and quadrant transitions,
sales-ready gains and losses, owner queues, and conversion capture."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl

from revq.app.backtest import outcome_expr, pick_outcome
from revq.app.results import Outcome
from revq.app.run import Run
from revq.app.scoring import ScoringInputs
from revq.config.scoring import Compiled, check_columns, load_scoring
from revq.core import backtest, diff
from revq.io.exports import Export
from revq.io.project import Project
from revq.io.writers import text_format, to_json, write_bytes_atomic
from revq.render.backtest_view import diff_markdown

STAGE_ORDER = (
    "sales_ready",
    "signal_qualified",
    "pql",
    "mql",
    "nurture",
    "recycle",
    "disqualified",
)
_EMPTY = {
    "old_stage": pl.String,
    "new_stage": pl.String,
    "old_quadrant": pl.String,
    "new_quadrant": pl.String,
}


def metric_names() -> set[str]:
    """The metrics a diff's `--fail-on` can test."""
    return set(diff.summary(pl.DataFrame(schema=_EMPTY)))


@dataclass(frozen=True, eq=False, repr=False)
class DiffResult(Outcome):
    """A config change's effect (`report`, as `revq diff --format json` prints it)."""

    report: dict[str, Any]
    inputs: list[Path] = field(repr=False)
    _run: Run = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """Exactly what `revq diff --format json` prints."""
        return self.report

    def to_json(self) -> str:
        return to_json(self.report)

    def markdown(self) -> str:
        """What `revq diff` prints by default: Markdown fit for a pull-request comment."""
        return diff_markdown(self.report)

    def metrics(self) -> dict[str, Any]:
        return dict(self.report["summary"])

    def write(self, path: Path | str) -> None:
        """The diff to a file, atomically: .json JSON, .md Markdown.

        Raises:
            RevqError: another suffix.
        """
        path = Path(path)
        text = self.to_json() if text_format(path) == "json" else self.markdown()
        write_bytes_atomic(
            path, text.encode("utf-8"), inputs=self._run.guarded(*self.inputs), say=self._run.info
        )


def compare_configs(
    run: Run,
    project: Project | None,
    old: Path,
    new: Path,
    *,
    leads: Export | None = None,
    activities: Path | None = None,
    signals: Path | None = None,
    outcome: str | None = None,
    as_of: datetime,
    top: int = 20,
    load_config: Path | None = None,
) -> DiffResult:
    """Score the same leads with two configs and compare."""
    proposed = load_scoring(new)  # config errors before any data is read
    inputs = ScoringInputs(
        run,
        project,
        leads=leads,
        config=old,
        activities=activities,
        signals=signals,
        load_config=load_config,
    )
    check_columns(
        proposed,
        new,
        set(inputs.leads.frame.columns),
        set(inputs.activities.columns) if inputs.activities is not None else None,
    )
    with run.step(f"scoring {inputs.leads.accounting.rows_loaded:,} leads with both configs"):
        before = inputs.score(as_of).collect()
        after = inputs.score(as_of, proposed.model).collect()
    paired = diff.pair(before, after)
    summary = diff.summary(paired)
    seen = set(paired["old_stage"].to_list()) | set(paired["new_stage"].to_list())
    stages = [s for s in STAGE_ORDER if s in seen] + sorted(seen - set(STAGE_ORDER))
    matrix: dict[str, dict[str, int]] = {}
    for row in diff.transitions(paired, "stage").to_dicts():
        matrix.setdefault(row["old"], {})[row["new"]] = row["leads"]
    report: dict[str, Any] = {
        "old": str(old),
        "new": str(new),
        "as_of": (as_of - timedelta(days=1)).date().isoformat(),
        "summary": summary,
        "stages": stages,
        "transitions": matrix,
        "quadrants": diff.transitions(paired, "quadrant")
        .filter(pl.col("old") != pl.col("new"))
        .to_dicts(),
        "owners": diff.owner_queues(paired).filter(pl.col("change") != 0).to_dicts()
        if "old_owner" in paired.columns
        else [],
        "gained": diff.sales_ready_moves(paired, True).head(top).to_dicts(),
        "lost": diff.sales_ready_moves(paired, False).head(top).to_dicts(),
    }
    if outcome is not None:
        report["capture"] = _capture(inputs, outcome, before, after, inputs.compiled, proposed)
    return DiffResult(report, [*inputs.inputs, new], run)


def _capture(
    inputs: ScoringInputs,
    column: str,
    before: pl.DataFrame,
    after: pl.DataFrame,
    old: Compiled,
    new: Compiled,
) -> list[dict[str, Any]]:
    frame = inputs.leads.frame
    column = pick_outcome(frame, column, inputs.leads.mapping)
    outcomes = frame.select("lead_id", outcome_expr(frame, column))
    rows = []
    for name, scored, compiled in (("old", before, old), ("new", after, new)):
        # Capture counts what the stage matrix counts: the leads staged sales-ready, which a
        # gate can keep from a score over the threshold.
        joined = scored.select("lead_id", "stage").join(outcomes, on="lead_id")
        row = backtest.capture(joined, "sales_ready").row(0, named=True)
        rows.append({"config": name, "score": compiled.model.decision.sales_ready, **row})
    return rows
