"""`revq backtest`: score each lead as of its own decision time and compare with outcomes."""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import polars as pl
import typer

from revq.cli.common import OutOpt, ProjectOpt, current_project, emit_text, ui, user_errors
from revq.cli.funnel_cmd import HistoryOpt, stage_dates
from revq.cli.score_cmd import (
    ActivitiesOpt,
    AsOfOpt,
    ConfigOpt,
    Inputs,
    LeadsArg,
    LoadConfigOpt,
    SignalsOpt,
    parse_as_of,
)
from revq.config.scoring import Compiled, load_scoring
from revq.config.suggest import suggest_config
from revq.core import backtest, calibrate
from revq.core.backtest import OUTCOME
from revq.errors import RevqError
from revq.io.load import LoadResult
from revq.io.writers import to_json, write_bytes_atomic
from revq.render.backtest_view import backtest_markdown, backtest_tables

DECISION = "_decision_at"
OUTCOME_DEFAULTS = ("is_converted", "is_won", "opportunity_at", "sql_at")


class BacktestFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"


def outcome_expr(frame: pl.DataFrame, column: str) -> pl.Expr:
    """A column as a yes/no outcome: booleans as they are, dates reached when present,
    numbers when above zero. Missing values count as no."""
    dtype = frame.schema[column]
    col = pl.col(column)
    if dtype == pl.Boolean:
        out = col
    elif dtype.is_temporal():
        out = col.is_not_null()
    elif dtype.is_numeric():
        out = col > 0
    else:
        text = col.cast(pl.String).str.strip_chars().str.to_lowercase()
        out = text.is_in(["1", "true", "yes", "y", "won", "converted"])
    return out.fill_null(False).alias(OUTCOME)


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
    frame: pl.DataFrame, spec: str | None, as_of: datetime
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
        ui.warn(
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


@user_errors
def backtest_command(
    file: LeadsArg = None,
    config: ConfigOpt = None,
    activities: ActivitiesOpt = None,
    signals: SignalsOpt = None,
    outcome: Annotated[
        str | None,
        typer.Option(
            "--outcome",
            help="Outcome column: yes/no, a number, or a date reached (default: the first of "
            + ", ".join(OUTCOME_DEFAULTS)
            + ").",
        ),
    ] = None,
    reached: Annotated[
        str | None,
        typer.Option(
            "--reached",
            help="Outcome from the stage history: the lead reached this stage (sql, "
            "opportunity, won, ...). Stage dates from the history also serve --decision-time.",
        ),
    ] = None,
    history: HistoryOpt = None,
    decision_time: Annotated[
        str | None,
        typer.Option(
            "--decision-time",
            help="Date columns, first present wins, giving each lead's decision time; it is "
            "scored with only what was known then [default: mql_at,created_at, those the "
            "leads have].",
            show_default=False,
        ),
    ] = None,
    capacity: Annotated[
        str | None,
        typer.Option("--capacity", help="Sales capacity: 50/week, or a total like 400."),
    ] = None,
    suggest: Annotated[
        Path | None,
        typer.Option(
            "--suggest",
            help="Refit the rule points and write the suggested config here (needs "
            "revq[calibrate]).",
            dir_okay=False,
        ),
    ] = None,
    holdout: Annotated[
        float, typer.Option("--holdout", min=0.05, max=0.9, help="Held-out share for --suggest.")
    ] = 0.3,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the held-out split.")] = 7,
    as_of: AsOfOpt = None,
    fmt: Annotated[BacktestFormat, typer.Option("--format", "-f", help="Output format.")] = (
        BacktestFormat.table
    ),
    out: OutOpt = None,
    load_config: LoadConfigOpt = None,
    project_file: ProjectOpt = None,
) -> None:
    """Backtest a scoring config against outcomes: each lead scored as of its own decision
    time, then conversion by decile and fit x intent cell, AUC, precision and recall at the
    thresholds, calibration, a threshold sweep against capacity, and per-rule evidence.
    --suggest refits the points and writes a new config, never over the old one."""
    cap = parse_capacity(capacity)
    if suggest is not None:
        try:
            import sklearn  # noqa: F401
        except ImportError:
            raise RevqError("--suggest needs scikit-learn: pip install 'revq[calibrate]'") from None
    run = Inputs(file, config, activities, signals, None, project_file, load_config)
    if suggest is not None and suggest.resolve() == run.config_path.resolve():
        raise RevqError(f"{suggest}: --suggest never overwrites the config it starts from")
    when = parse_as_of(as_of)
    leads = run.leads.frame
    if reached is not None or history is not None:
        leads = _with_stage_dates(run.leads, history, project_file, when)
        if reached is not None:
            outcome = f"{reached}_at"
            if outcome not in leads.columns:
                raise RevqError(f"--reached {reached}: not a stage of the funnel ladder")
    column = pick_outcome(leads, outcome, run.leads.mapping)
    leads, decided_by = with_decision_time(leads, decision_time, when)
    leads = leads.with_columns(outcome_expr(leads, column))
    if run.compiled.model.intent_decay_by_last_activity is not None:
        ui.warn(
            "aggregate activity columns are snapshots taken at export time: they may include "
            "activity after a lead's decision time (only dated events can be cut off)"
        )
    # Scored rows keep the leads' outcome and decision time.
    scored = run.score(DECISION, leads=leads).collect()
    ledger = run.ledger(DECISION, leads=leads).collect()
    report: dict[str, Any] = {
        "config": _shown(run.config_path),
        "outcome": column,
        "decision_time": decided_by,
        **evaluate(scored, run.compiled, cap, ledger),
    }
    if suggest is not None:
        report["suggest"] = _suggest(run, leads, scored, ledger, suggest, holdout, seed)
    report["sweep"] = [r for r in report["sweep"] if r["routed"] > 0]
    _emit(report, fmt, out, run.inputs)


def _with_stage_dates(
    loaded: LoadResult, history: Path | None, project_file: Path | None, when: datetime
) -> pl.DataFrame:
    """The leads with the stage dates of the history for the stages they have no date of."""
    leads = loaded.frame
    dates = stage_dates(current_project(project_file), history, when, loaded)
    if dates is None:
        raise RevqError(
            "--reached needs a stage history: pass --history or set "
            "inputs.stage_history in revq.yaml"
        )
    new = [c for c in dates.columns if c != "lead_id" and c not in leads.columns]
    return leads.join(dates.select("lead_id", *new), on="lead_id", how="left")


def _suggest(
    run: Inputs,
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
    write_bytes_atomic(target, text.encode("utf-8"), inputs=run.inputs)
    ui.info(f"wrote the suggested config to {target} ({len(changed)} rules refitted)")
    new = load_scoring(target)
    test_ids = ids.filter(held)
    held_leads = leads.filter(pl.col("lead_id").is_in(test_ids.implode()))
    rescored = run.score(DECISION, new.model, held_leads).collect()
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


def _emit(
    report: dict[str, Any], fmt: BacktestFormat, out: Path | None, inputs: list[Path]
) -> None:
    if fmt is BacktestFormat.table and out is None:
        for renderable in backtest_tables(report):
            ui.out.print(renderable)
        return
    text = backtest_markdown(report) if fmt is BacktestFormat.md else to_json(report)
    emit_text(text, out, inputs, "the backtest")
