"""`revq funnel`: conversion, velocity, lead velocity, win rate and speed to lead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import polars as pl
import typer

from revq.cli.common import (
    Export,
    OutOpt,
    ProjectOpt,
    check_window,
    current_project,
    distinct_outputs,
    emit_text,
    exit_if_met,
    export_files,
    export_name,
    follow_lead_merges,
    iso_date,
    link_converted_leads,
    load_input,
    load_options_for,
    project_input,
    report_load,
    ui,
    user_errors,
)
from revq.cli.score_cmd import AsOfOpt, Inputs, parse_as_of
from revq.cli.stdin import accept_stdin, accept_stdin_list
from revq.config.funnel import FunnelConfig, load_funnel
from revq.core import funnel
from revq.core.fail_on import FailOnError, parse_fail_on
from revq.core.funnel_report import (
    SPEED_COLUMNS,
    STAGE_DATE_COLUMNS,
    first_stage_within,
    funnel_report,
    history_from_leads,
    history_from_opportunities,
)
from revq.core.parse import parse_datetime, parse_number
from revq.core.schema import LINE
from revq.core.scoring.dimensions import with_dimensions
from revq.errors import InputError, RevqError
from revq.io import sources
from revq.io.load import LoadResult, load_table, sniff_table
from revq.io.project import Project
from revq.io.writers import check_frame_path, to_json, write_frame_atomic
from revq.render.funnel_view import funnel_markdown, funnel_tables


class Period(StrEnum):
    week = "week"
    month = "month"
    quarter = "quarter"


class Method(StrEnum):
    cohort = "cohort"
    period = "period"
    both = "both"


# What each conversion method alone shows: the other method's columns and headline figures go.
_ONLY = {
    Method.cohort: ("entered_b", "period_rate"),
    Method.period: ("cohort_reached_b", "cohort_rate", "maturing"),
}


def for_method(report: dict[str, Any], method: Method) -> dict[str, Any]:
    """The report with one conversion method's figures (both: unchanged)."""
    if method is Method.both:
        return report
    other = "period" if method is Method.cohort else "cohort"
    drop = set(_ONLY[method])
    return {
        **report,
        "method": method.value,
        "headline": {k: v for k, v in report["headline"].items() if not k.endswith(f"_{other}")},
        "conversions": [
            {k: v for k, v in row.items() if k not in drop} for row in report["conversions"]
        ],
    }


class FunnelFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def _load_result(project: Project | None, given: Export | None, table: str) -> LoadResult | None:
    for file in export_files(given):
        if not sources.present(file):
            raise RevqError(f"{file}: file not found")
    named = given or project_input(project, table)
    if named is None:
        return None
    return load_input(
        named,
        load_options_for(project, export_name(named), table),
        table=table,
        timezone=project.config.timezone if project else "UTC",
    )


def _load(project: Project | None, given: Export | None, table: str) -> pl.DataFrame | None:
    result = _load_result(project, given, table)
    return result.frame if result is not None else None


ENTRIES = ("stage entry counts", "stage entries count")


def _cost(
    path: Path, stages: pl.LazyFrame, cal: funnel.Calendar, cfg: FunnelConfig
) -> list[dict[str, Any]]:
    raw = load_table(path, require_table=False)
    report_load(raw)
    frame = raw.frame
    lower = {c.lower(): c for c in frame.columns}
    period_col = lower.get("period") or lower.get("month") or lower.get("date")
    spend_col = lower.get("spend") or lower.get("cost") or lower.get("amount")
    if period_col is None or spend_col is None:
        raise RevqError(
            f"{path}: expected a period (or month/date) column and a spend (or "
            f"cost/amount) column; found {', '.join(frame.columns)}"
        )
    text = pl.col(period_col).cast(pl.String).str.strip_chars()
    month_only = text.str.contains(r"^\d{4}-\d{2}$")
    period = parse_datetime(pl.when(month_only).then(text + "-01").otherwise(text), "dmy", "UTC")
    parsed = frame.select(period.alias("period"), parse_number(pl.col(spend_col)).alias("spend"))
    bad = parsed.with_columns(frame[LINE]).filter(
        pl.col("period").is_null() | pl.col("spend").is_null()
    )
    if bad.height:
        line = int(bad[LINE][0])
        raise InputError(
            path,
            "expected a period (YYYY-MM or a date) and a number",
            line=line,
            column=f"{period_col}/{spend_col}",
        )
    stage_names = tuple(s for s in ("mql", "sql") if s in cfg.stages)
    return funnel.cost_per_stage(stages, parsed.lazy(), cal, stage_names).collect().to_dicts()


HistoryOpt = Annotated[
    Path | None,
    typer.Option(
        "--history",
        help="Stage history export (default: inputs.stage_history).",
        dir_okay=False,
        callback=accept_stdin,
    ),
]

FUNNEL_INPUTS = ("stage_history", "leads", "opportunities", "dispositions")


def assign_inputs(
    project: Project | None, files: list[Path], given: dict[str, Path | None]
) -> dict[str, Export | None]:
    """Each export named without an option goes to the input its headers say it is; several
    of one input (a lead history and an opportunity history, monthly exports) are read as one."""
    roles: dict[str, Export | None] = dict(given)
    for path in files:
        table = sniff_table(sources.matches(path)[0], load_options_for(project, path, None))
        if table not in FUNNEL_INPUTS:
            what = f"an export of {table}" if table else "not an export revq recognises"
            raise RevqError(
                f"{path}: {what}, not a funnel input: expected a stage history, leads, "
                "opportunities or dispositions export (or name its role with --history, "
                "--leads, --opportunities or --dispositions)"
            )
        before = export_files(roles[table])
        if any(p.resolve() == path.resolve() for p in before):
            raise RevqError(f"{path}: given twice; name each export once")
        roles[table] = [*before, path] if before else path
    return roles


@user_errors
def funnel_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Exports in any order; each goes to the input its headers say it is (stage "
            "history, leads, opportunities, dispositions), several of one input read as one; "
            "- reads stdin.",
            dir_okay=False,
            show_default=False,
            callback=accept_stdin_list,
        ),
    ] = None,
    history: HistoryOpt = None,
    leads: Annotated[
        Path | None,
        typer.Option(
            "--leads",
            help="Leads export, for --by and for stage dates when there is no history.",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    opportunities: Annotated[
        Path | None,
        typer.Option(
            "--opportunities",
            help="Opportunities export (win rate).",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    dispositions: Annotated[
        Path | None,
        typer.Option(
            "--dispositions",
            help="Dispositions export (speed to lead).",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="Funnel config.", dir_okay=False)
    ] = None,
    spend: Annotated[
        Path | None,
        typer.Option(
            "--spend",
            help="Marketing spend (CSV with period and spend columns, "
            "YYYY-MM or dates) for cost per MQL and SQL.",
            dir_okay=False,
        ),
    ] = None,
    period: Annotated[
        Period | None,
        typer.Option("--period", help="Reporting period (default: period in the funnel config)."),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="A lead column to cut conversions by (lead_source, owner, ...)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", callback=iso_date, help="First day (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", callback=iso_date, help="Last day (YYYY-MM-DD).")
    ] = None,
    as_of: AsOfOpt = None,
    method: Annotated[
        Method | None,
        typer.Option(
            "--method",
            help="Conversion rates by cohort (of those entering A in the period, the share "
            "reaching B), by period (B entered / A entered in the period), or both (default: "
            "method in the funnel config).",
        ),
    ] = None,
    fmt: Annotated[FunnelFormat, typer.Option("--format", "-f", help="Output format.")] = (
        FunnelFormat.table
    ),
    out: OutOpt = None,
    entries_out: Annotated[
        Path | None,
        typer.Option(
            "--entries-out",
            help="Write each lead's time in each stage here (first and latest entry, entries, "
            "cumulative days): .csv, .parquet, .xlsx, .json, .jsonl or .tsv.",
            dir_okay=False,
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a condition on a headline metric holds, e.g. sla_compliance<0.9",
        ),
    ] = None,
    project_file: ProjectOpt = None,
) -> None:
    """Funnel metrics by period: stage conversions by cohort and by period, velocity between
    stages, lead velocity rate, win rate, and speed to lead against the SLA, each headline
    against its benchmark band."""
    if entries_out is not None:
        check_frame_path(entries_out)
    distinct_outputs(out=out, entries_out=entries_out)
    project = current_project(project_file)
    roles = assign_inputs(
        project,
        files or [],
        {
            "stage_history": history,
            "leads": leads,
            "opportunities": opportunities,
            "dispositions": dispositions,
        },
    )
    check_window(since, until)
    when = parse_as_of(as_of)
    run = compute_funnel(
        project,
        history=roles["stage_history"],
        leads=roles["leads"],
        opportunities=roles["opportunities"],
        dispositions=roles["dispositions"],
        config=config,
        spend=spend,
        period=period.value if period is not None else None,
        by=by,
        since=since,
        until=until,
        when=when,
    )
    report = for_method(run.report, method or Method(run.config.method))
    inputs = [f for role in roles.values() for f in export_files(role)]
    if entries_out is not None:
        # The entries time in stage is computed from, each lead's: an entry repeated across
        # exports counts once here too.
        entries = funnel.stage_entries(run.history.lazy(), when, each_entry_once=True).collect()
        write_frame_atomic(entries_out, entries, inputs=inputs)
        ui.info(f"wrote {entries.height:,} lead and stage rows to {entries_out}")
    _emit(report, fmt, out, inputs)
    if fail_on:
        try:
            conditions = parse_fail_on(fail_on, set(report["headline"]))
        except FailOnError as exc:
            raise RevqError(str(exc)) from None
        values = {k: v["value"] for k, v in report["headline"].items()}
        exit_if_met(conditions, values)


DEFAULT_LADDER = ("lead", "mql", "sal", "sql", "opportunity", "won")
HISTORY_SCHEMA: dict[str, pl.DataType] = {
    "lead_id": pl.String(),
    "stage": pl.String(),
    "entered_at": funnel.UTC_US,
}


def stage_dates(
    project: Project | None,
    history: Path | None,
    when: datetime,
    leads: LoadResult | None = None,
) -> pl.DataFrame | None:
    """Per lead, when it first reached each stage of the ladder (`<stage>_at`), from the stage
    history and the opportunities; None when the project has no stage history. The entries of
    a lead merged away as a duplicate count for the record of `leads` kept in its place."""
    hist = _load(project, history, "stage_history")
    if hist is None:
        return None
    opps = _load(project, None, "opportunities")
    if leads is not None:
        opps = link_converted_leads(opps, leads)
    if opps is not None and "lead_id" in opps.columns:
        hist = pl.concat(
            [hist.select("lead_id", "stage", "entered_at"), history_from_opportunities(opps)]
        )
    if leads is not None:
        hist = follow_lead_merges(hist, leads, ENTRIES)
    ladder: tuple[str, ...] = DEFAULT_LADDER
    pass_through = True
    if project is not None and "funnel" in project.config.configs:
        cfg = load_funnel(project.root / project.config.configs["funnel"])
        ladder, pass_through = tuple(cfg.stages), cfg.pass_through
    return funnel.reached(hist.lazy(), funnel.Ladder(ladder, pass_through), when).collect()


# Cuts that come from scoring the leads (as of --as-of) rather than from the export.
SCORED_CUTS = ("quadrant", "segment", "fit_grade", "score_band", "signal_type", "recommended_stage")


def _dimension(
    project: Project | None,
    lead_frame: pl.DataFrame | None,
    leads: Export | None,
    by: str,
    when: datetime,
) -> pl.DataFrame:
    """lead_id and the --by column: a column of the leads, or a cut scoring gives."""
    if lead_frame is not None and by in lead_frame.columns:
        return lead_frame.select("lead_id", by).unique("lead_id", keep="first")
    if by not in SCORED_CUTS:
        raise RevqError(
            f"--by {by}: not a column of the leads (pass --leads), nor a cut scoring gives "
            f"({', '.join(SCORED_CUTS)})"
        )
    if lead_frame is None:
        raise RevqError(f"--by {by}: needs the leads to score (pass --leads)")
    if project is None or "scoring" not in project.config.configs:
        raise RevqError(f"--by {by}: needs a scoring config (configs.scoring in revq.yaml)")
    run = Inputs(leads, None, None, None, None, None, project=project)
    scored = run.score(when, ordered=False).collect()  # joined on lead id: no order needed
    scored = with_dimensions(scored.rename({"stage": "recommended_stage"}))
    return scored.select("lead_id", by)


@dataclass
class FunnelRun:
    """The funnel report and the frames it was computed from, for the report command."""

    report: dict[str, Any]
    calendar: funnel.Calendar
    config: FunnelConfig
    leads: pl.DataFrame | None
    opportunities: pl.DataFrame | None
    signals: pl.DataFrame | None
    speed: pl.DataFrame | None
    history: pl.DataFrame  # the stage entries the figures were computed from


def compute_funnel(
    project: Project | None,
    *,
    history: Export | None = None,
    leads: Export | None = None,
    opportunities: Export | None = None,
    dispositions: Export | None = None,
    config: Path | None = None,
    spend: Path | None = None,
    period: str | None = None,
    by: str | None = None,
    since: str | None = None,
    until: str | None = None,
    when: datetime,
    stageless_ok: bool = False,
) -> FunnelRun:
    """Load the exports named (or the project's) and compute every funnel metric. With
    `stageless_ok` (the report, whose other sections stand without it), exports holding no
    stage date give empty funnel figures instead of an error."""
    cfg_path = config or (
        project.root / project.config.configs["funnel"]
        if project and "funnel" in project.config.configs
        else None
    )
    cfg = load_funnel(cfg_path)
    period = period or cfg.period
    lead_result = _load_result(project, leads, "leads")
    lead_frame = lead_result.frame if lead_result is not None else None
    hist = _load(project, history, "stage_history")
    opps = _load(project, opportunities, "opportunities")
    if lead_result is not None:
        # A duplicate's history is the person's: left under its own id it is a second lead.
        hist = follow_lead_merges(hist, lead_result, ENTRIES)
        opps = link_converted_leads(opps, lead_result)
        opps = follow_lead_merges(opps, lead_result, ("opportunity counts", "opportunities count"))
    dateless = ""  # the leads, when they were given but hold no stage date
    if hist is None and lead_frame is not None:
        hist = history_from_leads(lead_frame)
        if hist is None:
            named = export_name(leads) if leads else None
            fallback = project_input(project, "leads")
            named = named or (export_name(fallback) if fallback else None)
            dateless = str(named or "the leads")
            if opps is None and not stageless_ok:
                raise RevqError(
                    f"{dateless}: no stage dates ({', '.join(STAGE_DATE_COLUMNS)}: a create "
                    "date or 'Became a ... Date' columns); pass a stage history with "
                    "--history, or map those columns with load.columns"
                )
    if hist is None and opps is None:  # nothing dates a stage
        if not stageless_ok:
            raise RevqError(
                "no stage history, leads or opportunities: pass --history, --leads or "
                "--opportunities, or set inputs.stage_history in revq.yaml"
            )
        ui.warn(
            "no stage dates in the project's exports (no stage history, no stage date columns "
            "on the leads, no opportunities): the funnel figures are empty"
        )
        hist = pl.DataFrame(schema=HISTORY_SCHEMA)
    elif hist is None:
        assert opps is not None  # the branch above took the case without
        # An opportunity report alone: each opportunity is one way through the funnel's last
        # stages (opportunity, won), so win rates, velocity and cycle length still hold.
        ui.info(
            f"{Path(dateless).name}: no stage dates; the funnel starts at the opportunity stage"
            if dateless
            else "only opportunities given: the funnel starts at the opportunity stage"
        )
        hist = history_from_opportunities(
            opps.with_columns(pl.col("opportunity_id").alias("lead_id"))
        )
        # Nothing is known of the stages before: none is taken as passed through.
        cfg = cfg.model_copy(update={"pass_through": False})
    elif opps is not None and "lead_id" in opps.columns:
        hist = pl.concat(
            [hist.select("lead_id", "stage", "entered_at"), history_from_opportunities(opps)]
        )
    ladder = funnel.Ladder(tuple(cfg.stages), cfg.pass_through)
    # Every lead's first entries once: the leads reached, and how many leads there are, which
    # the time-in-stage figures check their lead keys against.
    firsts = funnel.first_entries(hist.lazy(), ladder.stages, when).collect()
    stages = funnel.reached_from(firsts.lazy(), ladder)
    if by is not None:
        cut = _dimension(project, lead_frame, leads, by, when)
        stages = stages.join(cut.lazy(), on="lead_id", how="left")
    stages = first_stage_within(stages, cfg.stages, *_window(since, until)).collect().lazy()
    # The same entry can come from two exports (history and opportunities), or twice from one:
    # it counts once. First entries are the same either way.
    entries = funnel.stage_durations(hist.lazy(), when, leads=firsts.height, each_entry_once=True)
    cal = funnel.Calendar(
        period,
        project.config.fiscal_year_start_month if project else 1,
        project.config.week_start if project else "monday",
    )
    disp = _load(project, dispositions, "dispositions")
    # Activities only tell which hand-offs were demo requests (the stricter SLA).
    speed_measured = disp is not None and set(disp.columns) >= SPEED_COLUMNS
    acts = _load(project, None, "activities") if speed_measured else None
    if lead_result is not None:
        disp = follow_lead_merges(disp, lead_result, ("disposition counts", "dispositions count"))
        acts = follow_lead_merges(acts, lead_result, ("activity counts", "activities count"))
    report, speed = funnel_report(stages, cfg, cal, when, by, opps, disp, acts, lead_frame)
    report["time_in_stage"] = funnel.time_in_stage(entries, tuple(cfg.stages)).collect().to_dicts()
    report["entries_by_period"] = (
        funnel.entries_by_period(stages, tuple(cfg.stages), cal).collect().to_dicts()
    )
    if spend is not None:
        report["cost"] = _cost(spend, stages, cal, cfg)
    sig = _load(project, None, "signals")
    if (
        opps is not None
        and lead_frame is not None
        and sig is not None
        and "created_at" in (opps.columns)
        and "account_key" in lead_frame.columns
    ):
        tagged = funnel.signal_before_opportunity(opps.lazy(), lead_frame.lazy(), sig.lazy())
        report["pipeline_by_signal_type"] = (
            funnel.pipeline_by(tagged, "signal_type").collect().to_dicts()
        )
    return FunnelRun(report, cal, cfg, lead_frame, opps, sig, speed, hist)


def _window(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """--since and --until as the start of their first day and the end of their last."""
    start = datetime.fromisoformat(since).replace(tzinfo=UTC) if since else None
    end = datetime.fromisoformat(until).replace(tzinfo=UTC) + timedelta(days=1) if until else None
    return start, end


def _emit(report: dict[str, Any], fmt: FunnelFormat, out: Path | None, inputs: list[Path]) -> None:
    if fmt is FunnelFormat.table and out is None:
        for renderable in funnel_tables(report):
            ui.out.print(renderable)
        return
    if fmt is FunnelFormat.csv:
        text = pl.DataFrame(report["conversions"]).write_csv()
    elif fmt is FunnelFormat.md:
        text = funnel_markdown(report)
    else:
        text = to_json(report)
    emit_text(text, out, inputs, "the funnel")
