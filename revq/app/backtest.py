"""Backtesting a scoring config: each lead scored as of its own decision time, compared with
what became of it."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl

from revq.app.funnel import stage_dates
from revq.app.results import Outcome
from revq.app.run import Run
from revq.app.scoring import ScoringInputs
from revq.app.table_outcome import outcome_from_tables
from revq.config.scoring import Compiled, load_scoring
from revq.config.suggest import suggest_config
from revq.core import backtest, calibrate
from revq.core.backtest import OUTCOME
from revq.core.outcome import reached_expr
from revq.errors import RevqError
from revq.io import sources
from revq.io.exports import Export
from revq.io.project import Project
from revq.io.writers import text_format, to_json, write_bytes_atomic
from revq.render.backtest_view import backtest_markdown

DECISION = "_decision_at"
OUTCOME_DEFAULTS = ("is_converted", "is_won", "opportunity_at", "sql_at")
TABLE_OUTCOME = "_reached_in_tables"


def outcome_expr(frame: pl.DataFrame, column: str) -> pl.Expr:
    """A column as a yes/no outcome, read as `revq init` reads one to learn from: booleans as
    they are, dates reached when present, numbers when above zero (NaN is unknown), a
    lifecycle stage at SQL or past it, text that says yes. Missing values count as no."""
    return reached_expr(frame.schema, column).alias(OUTCOME)


def pick_outcome(
    frame: pl.DataFrame, given: str | None, mapping: dict[str, str] | None = None
) -> str:
    """The outcome column, by canonical name or by the export's own header."""
    if given is not None:
        by_header = {h.lower(): c for c, h in (mapping or {}).items()}
        given = given if given in frame.columns else by_header.get(given.lower(), given)
        if given not in frame.columns:
            raise RevqError(
                f"--outcome {given}: no such column in the leads; columns: "
                + ", ".join(c for c in frame.columns if not c.startswith("_"))
            )
        return given
    for name in OUTCOME_DEFAULTS:
        if name in frame.columns:
            return name
    raise RevqError(
        "no outcome column: pass --outcome COLUMN (a yes/no, a number, or a date reached)"
    )


DEFAULT_DECISION_TIME = "mql_at,created_at"


def with_decision_time(
    run: Run, frame: pl.DataFrame, spec: str | None, as_of: datetime
) -> tuple[pl.DataFrame, str]:
    """Each lead's decision time: the first present of the named columns, else the as-of time.
    Scoring as of it is the leakage guard: later events count for nothing. Columns the user
    named (`spec` given) must all be date columns of the leads: a misspelt one would quietly
    hand the decision to the next, or to the as-of time."""
    names = [c.strip() for c in (spec or DEFAULT_DECISION_TIME).split(",") if c.strip()]
    present = [c for c in names if c in frame.columns and frame.schema[c].is_temporal()]
    if spec is not None and len(present) < len(names):
        dates = ", ".join(c for c, t in frame.schema.items() if t.is_temporal())
        bad = next(c for c in names if c not in present)
        raise RevqError(
            f"--decision-time {bad}: not a date column of the leads; their date columns: "
            f"{dates or 'none'}"
        )
    spec = spec or DEFAULT_DECISION_TIME
    fallback = pl.lit(as_of, dtype=pl.Datetime("us", "UTC"))
    if not present:
        run.warn(
            f"--decision-time {spec}: no such date column; every lead is scored as of "
            f"{(as_of - timedelta(days=1)).date()}, so activity after a lead's decision "
            "could leak into its score"
        )
        return frame.with_columns(fallback.alias(DECISION)), "as-of date (no decision dates)"
    when = pl.coalesce([pl.col(c).cast(pl.Datetime("us", "UTC")) for c in present] + [fallback])
    return frame.with_columns(when.alias(DECISION)), ", then ".join(present)


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
    return str(path) if relative.startswith("..") else relative


def parse_capacity(text: str | None) -> tuple[float, bool] | None:
    if text is None:
        return None
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(/\s*(week|wk|w))?\s*", text)
    if not match:
        raise RevqError(f"--capacity {text!r}: expected a number of leads, e.g. 50/week or 400")
    return float(match.group(1)), match.group(2) is not None


def evaluate(
    scored: pl.DataFrame,
    compiled: Compiled,
    capacity: tuple[float, bool] | None,
    ledger: pl.DataFrame | None,
) -> dict[str, Any]:
    d = compiled.model.decision
    thresholds = {"sales_ready": d.sales_ready, "nurture": d.nurture}
    if d.mql_threshold is not None:
        thresholds["mql"] = d.mql_threshold
    span = scored.select(
        (pl.col(DECISION).max() - pl.col(DECISION).min()).dt.total_seconds()
    ).item()
    weeks = span / 604_800 if span else None
    swept = backtest.sweep(scored, weeks)
    result: dict[str, Any] = {
        "leads": scored.height,
        "conversions": int(scored[OUTCOME].sum()),
        "base_rate": backtest.base_rate(scored),
        "auc": backtest.auc(scored),
        "weeks": round(weeks, 1) if weeks else None,
        "deciles": backtest.deciles(scored).to_dicts(),
        "cells": backtest.by_cell(scored, "quadrant").to_dicts()
        if "quadrant" in scored.columns
        else [],
        "thresholds": backtest.at_thresholds(scored, thresholds).to_dicts(),
        "calibration": backtest.calibration(scored, sorted(set(thresholds.values()))).to_dicts(),
        "sweep": swept.to_dicts(),
    }
    if capacity is not None:
        amount, per_week = capacity
        if per_week and weeks is None:
            raise RevqError("--capacity N/week needs decision dates; pass a total, e.g. 400")
        pick = backtest.recommend(swept, amount, per_week)
        result["capacity"] = {
            "leads": amount,
            "per": "week" if per_week else "total",
            "recommended": pick,
        }
    if ledger is not None:
        result["rules"] = backtest.rule_evidence(ledger, scored).to_dicts()
    return result


def _with_stage_dates(inputs: ScoringInputs, history: Path | None, when: datetime) -> pl.DataFrame:
    """The leads with the stage dates of the history for the stages they have no date of."""
    loaded = inputs.leads
    leads = loaded.frame
    dates = stage_dates(inputs.run, inputs.project, history, when, loaded)
    if dates is None:
        raise RevqError(
            "--reached needs a stage history: pass --history or set "
            "inputs.stage_history in revq.yaml"
        )
    new = [c for c in dates.columns if c != "lead_id" and c not in leads.columns]
    return leads.join(dates.select("lead_id", *new), on="lead_id", how="left")


def _suggest(
    run: ScoringInputs,
    leads: pl.DataFrame,
    scored: pl.DataFrame,
    ledger: pl.DataFrame,
    target: Path,
    holdout: float,
    seed: int,
) -> dict[str, Any]:
    """Fit on the training leads, write the config, compare AUCs on the held-out leads."""
    positives = int(scored[OUTCOME].sum())
    smaller = min(positives, scored.height - positives)
    if smaller < 10:
        raise RevqError(
            f"--suggest needs at least 10 converted and 10 unconverted leads to fit and hold "
            f"out; the outcome has {positives:,} converted of {scored.height:,}"
        )
    ids = scored["lead_id"]
    held = calibrate.split(ids, scored[OUTCOME], holdout, seed)
    x, scale = calibrate.features(ledger, ids)
    refits = calibrate.fit(x.filter(~held), scored[OUTCOME].filter(~held), scale)
    text, changed, zeroed = suggest_config(run.config_path, {r.rule: r.ratio for r in refits})
    write_bytes_atomic(
        target, text.encode("utf-8"), inputs=run.run.guarded(*run.inputs), say=run.run.info
    )
    run.run.info(f"wrote the suggested config to {target} ({len(changed)} rules refitted)")
    new = load_scoring(target)
    test_ids = ids.filter(held)
    held_leads = leads.filter(pl.col("lead_id").is_in(test_ids.implode()))
    rescored = run.score(DECISION, new.model.as_decided(), held_leads).collect()
    before = scored.filter(held)
    return {
        "file": _shown(target),
        "holdout": holdout,
        "seed": seed,
        "train_leads": int((~held).sum()),
        "test_leads": int(held.sum()),
        "auc_before": backtest.auc(before),
        "auc_after": backtest.auc(rescored),
        "rules": [
            {
                "rule": r.rule,
                "current_points": r.full_points,
                "coefficient": r.coefficient,
                "suggested_points": r.suggested_points,
                "refitted": r.rule in changed,
                "zeroed": r.rule in zeroed,
            }
            for r in sorted(refits, key=lambda r: (-abs(r.coefficient), r.rule))
        ],
    }


@dataclass(frozen=True, eq=False, repr=False)
class BacktestResult(Outcome):
    """A backtest (`report`, as `revq backtest --format json` prints it): deciles, cells, AUC,
    thresholds, calibration, the capacity sweep, rule evidence and any suggested refit."""

    report: dict[str, Any]
    inputs: list[Path] = field(repr=False)
    _run: Run = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """Exactly what `revq backtest --format json` prints."""
        return self.report

    def to_json(self) -> str:
        return to_json(self.report)

    def markdown(self) -> str:
        """What `revq backtest --format md` prints."""
        return backtest_markdown(self.report)

    def metrics(self) -> dict[str, Any]:
        return {k: self.report[k] for k in ("leads", "conversions", "base_rate", "auc")}

    def write(self, path: Path | str) -> None:
        """The backtest to a file, atomically: .md Markdown, .json JSON.

        Raises:
            RevqError: another suffix.
        """
        path = Path(path)
        text = self.markdown() if text_format(path) == "md" else self.to_json()
        write_bytes_atomic(
            path, text.encode("utf-8"), inputs=self._run.guarded(*self.inputs), say=self._run.info
        )


def run_backtest(
    run: Run,
    project: Project | None,
    *,
    leads: Export | None = None,
    config: Path | None = None,
    activities: Path | None = None,
    signals: Path | None = None,
    outcome: str | None = None,
    reached: str | None = None,
    history: Path | None = None,
    decision_time: str | None = None,
    capacity: str | None = None,
    suggest: Path | None = None,
    holdout: float = 0.3,
    seed: int = 7,
    as_of: datetime,
    load_config: Path | None = None,
) -> BacktestResult:
    """Score each lead as of its decision time and compare with the outcome; with `suggest`,
    refit the points and write the suggested config there (never over the config itself)."""
    cap = parse_capacity(capacity)
    if not 0.05 <= holdout <= 0.9:
        raise RevqError(f"holdout {holdout}: the held-out share is between 0.05 and 0.9")
    if suggest is not None:
        try:
            import sklearn  # noqa: F401
        except ImportError:
            raise RevqError("--suggest needs scikit-learn: pip install 'revq[calibrate]'") from None
    inputs = ScoringInputs(
        run,
        project,
        leads=leads,
        config=config,
        activities=activities,
        signals=signals,
        load_config=load_config,
    )
    if suggest is not None and sources.resolved(suggest) == sources.resolved(inputs.config_path):
        raise RevqError(f"{suggest}: --suggest never overwrites the config it starts from")
    frame = inputs.leads.frame
    if reached is not None or history is not None:
        frame = _with_stage_dates(inputs, history, as_of)
        if reached is not None:
            outcome = f"{reached}_at"
            if outcome not in frame.columns:
                raise RevqError(f"--reached {reached}: not a stage of the funnel ladder")
    told = None  # the outcome in words, when it is read from another table
    if outcome is None and project is not None and not set(OUTCOME_DEFAULTS) & set(frame.columns):
        # As `revq init` learns from it: a won opportunity (or SQL) in the project's tables.
        found = outcome_from_tables(run, project, inputs.leads)
        if found is not None:
            outcome, told = TABLE_OUTCOME, found.text
            frame = frame.with_columns(
                pl.col("lead_id").is_in(found.lead_ids.implode()).alias(TABLE_OUTCOME)
            )
    column = pick_outcome(frame, outcome, inputs.leads.mapping)
    frame, decided_by = with_decision_time(run, frame, decision_time, as_of)
    frame = frame.with_columns(outcome_expr(frame, column))
    if inputs.compiled.model.intent_decay_by_last_activity is not None:
        run.warn(
            "aggregate activity columns are snapshots taken at export time: they may include "
            "activity after a lead's decision time (only dated events can be cut off)"
        )
    model = inputs.decided_model("which its decision time did not know")
    # Scored rows keep the leads' outcome and decision time.
    with run.step(f"scoring {frame.height:,} leads, each as of its decision time"):
        scored = inputs.score(DECISION, model, leads=frame).collect()
        ledger = inputs.ledger(DECISION, model, leads=frame).collect()
    report: dict[str, Any] = {
        "config": _shown(inputs.config_path),
        "outcome": told or column,
        "decision_time": decided_by,
        **evaluate(scored, inputs.compiled, cap, ledger),
    }
    if suggest is not None:
        report["suggest"] = _suggest(inputs, frame, scored, ledger, suggest, holdout, seed)
    report["sweep"] = [r for r in report["sweep"] if r["routed"] > 0]
    return BacktestResult(report, inputs.inputs, run)
