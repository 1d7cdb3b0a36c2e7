"""`revq audit rejections`: what sales rejected, by reason, source, rep and score band."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import polars as pl
import typer

from revq.cli.common import (
    OutOpt,
    ProjectOpt,
    check_window,
    current_project,
    distinct_outputs,
    emit_text,
    exit_if_met,
    export_name,
    follow_lead_merges,
    iso_date,
    load_input,
    load_options_for,
    ui,
    user_errors,
)
from revq.cli.score_cmd import AsOfOpt, Inputs, parse_as_of
from revq.cli.stdin import accept_stdin
from revq.config.reasons import load_reasons
from revq.core import audit
from revq.core.fail_on import FailOnError, parse_fail_on
from revq.core.scoring.dimensions import with_dimensions
from revq.errors import RevqError
from revq.io import sources
from revq.io.load import LoadResult
from revq.io.project import Project
from revq.io.writers import JSONL_SUFFIXES, check_frame_path, to_json, write_frame_atomic
from revq.render.audit_view import audit_markdown, audit_tables

audit_app = typer.Typer(help="Audits of the sales hand-off.", no_args_is_help=True)

DEFAULT_BY = "lead_source,rep,score_band,quadrant,stage,signal_type,month"


class AuditFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"
    csv = "csv"


def _score_output(path: Path) -> pl.DataFrame | None:
    """A `revq score` output (Parquet, CSV or JSON Lines holding its stage and total score),
    read as written; None for any other file."""
    if sources.is_pattern(path):
        return None
    source = sources.locate(path)
    ids = {"lead_id": pl.String}
    if source.suffix in (".parquet", ".pq"):
        if "stage" in pl.read_parquet_schema(source.readable()):
            return pl.read_parquet(source.readable())
    elif source.suffix == ".csv":
        header = source.head(1 << 16).decode("utf-8-sig", errors="replace").split("\n", 1)[0]
        if "total_score" in header and "stage" in header:
            return pl.read_csv(source.readable(), schema_overrides=ids)
    elif source.suffix in JSONL_SUFFIXES:
        first = source.head(1 << 16).split(b"\n", 1)[0]
        if b'"total_score"' in first and b'"stage"' in first:
            return pl.read_ndjson(source.readable(), schema_overrides=ids)
    return None


class ScoredLeads(NamedTuple):
    """The leads the dispositions are joined to, and the load that knows which lead ids it
    merged away as duplicates (none for a `revq score` output, which holds only the kept)."""

    frame: pl.DataFrame
    loaded: LoadResult | None


def _scored_leads(
    leads: Path | None, config: Path | None, project_file: Path | None, as_of: datetime
) -> ScoredLeads | None:
    """A `revq score` output as is, or a leads export scored on the fly with the config."""
    project = current_project(project_file)
    scored = _score_output(leads) if leads is not None else None
    if scored is not None:
        return ScoredLeads(scored, None)
    has_config = config is not None or (project is not None and "scoring" in project.config.configs)
    if leads is None and (project is None or "leads" not in project.config.inputs):
        return None
    if not has_config:
        if leads is None:
            return None
        result = load_input(leads, load_options_for(project, leads, "leads"), table="leads")
        return ScoredLeads(result.frame, result)
    run = Inputs(leads, config, None, None, None, project_file)
    # Joined on lead id: the order of `revq score` would be paid for and thrown away.
    return ScoredLeads(run.score(as_of, ordered=False).collect(), run.leads)


def _by_email(d: pl.DataFrame, leads: pl.DataFrame) -> pl.DataFrame:
    """Dispositions keyed by email alone (a list sales worked) given the lead id of the lead
    with that address, so they join the scored leads."""
    if "lead_id" in d.columns or "email" not in d.columns or "email" not in leads.columns:
        return d
    address = pl.col("email").str.strip_chars().str.to_lowercase().alias("_address")
    ids = (
        leads.select("lead_id", address)
        .filter(pl.col("_address").is_not_null() & (pl.col("_address") != ""))
        .unique("_address", keep="first", maintain_order=True)
    )
    return d.with_columns(address).join(ids, on="_address", how="left").drop("_address")


def _enrich(d: pl.DataFrame, scored: ScoredLeads | None) -> pl.DataFrame:
    if scored is not None:
        d = _by_email(d, scored.frame)
    if scored is not None and "lead_id" in d.columns:
        if scored.loaded is not None:
            # A duplicate's disposition is the person's: it joins the record kept in its place.
            d = follow_lead_merges(d, scored.loaded, ("disposition counts", "dispositions count"))
        leads = scored.frame
        keep = [c for c in leads.columns if c not in d.columns or c == "lead_id"]
        d = d.join(leads.select(keep).unique("lead_id", keep="first"), on="lead_id", how="left")
    d = with_dimensions(d)
    when = "disposition_at" if "disposition_at" in d.columns else "handed_off_at"
    if when in d.columns:
        d = d.with_columns(pl.col(when).dt.strftime("%Y-%m").alias("month"))
    return d


@audit_app.command("rejections")
@user_errors
def rejections(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="Dispositions export (default: inputs.dispositions; - reads stdin).",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    leads: Annotated[
        Path | None,
        typer.Option(
            "--leads",
            help="A `revq score` output, or a leads export to score with --config.",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="Scoring config.", dir_okay=False)
    ] = None,
    reasons: Annotated[
        Path | None,
        typer.Option(
            "--reasons",
            help="Reason taxonomy (default: configs.reasons, else configs/reasons.yaml, else "
            "the built-in one).",
            dir_okay=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", callback=iso_date, help="First disposition day (YYYY-MM-DD)."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", callback=iso_date, help="Last disposition day (YYYY-MM-DD)."),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Comma-separated cuts [default: lead_source,rep,score_band,quadrant,stage,"
            "signal_type,month: those the data has].",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[AuditFormat, typer.Option("--format", "-f", help="Output format.")] = (
        AuditFormat.table
    ),
    out: OutOpt = None,
    recycle_out: Annotated[
        Path | None,
        typer.Option("--recycle-out", help="Write the recycle list (CSV) here.", dir_okay=False),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a condition holds, e.g. missing_reason_rate>0.05,rejection_rate>0.8",
        ),
    ] = None,
    load_config: Annotated[
        Path | None,
        typer.Option(
            "--load-config",
            help="Load config for the dispositions file.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    project_file: ProjectOpt = None,
) -> None:
    """Audit sales dispositions: acceptance and rejection rates, reasons (mapped onto canonical
    codes, unmapped labels reported), cuts by source, rep, score band, quadrant, stage, signal
    type and month, sources with outsized rejection (Wilson intervals), miscalibration flags,
    and the recycle list."""
    if recycle_out is not None:
        check_frame_path(recycle_out)
    check_window(since, until)
    distinct_outputs(out=out, recycle_out=recycle_out)
    project = current_project(project_file)
    when = parse_as_of(as_of)
    conditions = []
    if fail_on:
        try:
            conditions = parse_fail_on(fail_on, _metric_names())
        except FailOnError as exc:
            raise RevqError(str(exc)) from None
    run = compute_audit(
        project,
        dispositions=file,
        scored=lambda: _scored_leads(leads, config, project_file, when),
        reasons=reasons,
        since=since,
        until=until,
        by=by or DEFAULT_BY,
        when=when,
        load_config=load_config,
        strict_by=by is not None,
    )
    if recycle_out is not None:
        write_frame_atomic(recycle_out, run.recycle, inputs=[run.path])
        ui.info(f"wrote {run.recycle.height:,} leads to re-check to {recycle_out}")
    _emit(run.report, fmt, out, [run.path], run.dims)
    exit_if_met(conditions, run.report["overall"])


@dataclass
class AuditRun:
    """The audit report and the classified dispositions it was computed from."""

    report: dict[str, Any]
    dispositions: pl.DataFrame
    recycle: pl.DataFrame
    dims: list[str]
    path: Path


def compute_audit(
    project: Project | None,
    *,
    dispositions: Path | None,
    scored: Callable[[], ScoredLeads | None],
    reasons: Path | None = None,
    since: str | None = None,
    until: str | None = None,
    by: str = DEFAULT_BY,
    when: datetime,
    load_config: Path | None = None,
    strict_by: bool = False,
) -> AuditRun:
    """Load the dispositions, classify reasons, join the scored leads and cut the results.
    `scored` is called only once the dispositions have loaded, so input errors come first.
    A cut the data lacks is skipped with a warning, or with `strict_by` (cuts the user named)
    is an error: a typo must not quietly drop the cut from a scheduled report."""
    taxonomy = load_reasons(_reasons_path(project, reasons))
    codes = tuple(
        audit.Code(name, c.class_, c.recheck_days, tuple(c.labels), tuple(c.patterns))
        for name, c in taxonomy.codes.items()
    )
    disp_path = dispositions or (project.input_path("dispositions") if project else None)
    if disp_path is None:
        raise RevqError("no dispositions file: pass one, or set inputs.dispositions in revq.yaml")
    loaded = load_input(
        disp_path,
        load_options_for(project, export_name(disp_path), "dispositions", load_config),
        table="dispositions",
        timezone=project.config.timezone if project else "UTC",
    )
    d = audit.classify_reasons(loaded.frame.lazy(), codes).collect()
    d = _filter_period(d, since, until)
    d = _enrich(d, scored())
    dims = [x.strip() for x in by.split(",") if x.strip()]
    # A cut named by the export's header ("Lead Source") reads the canonical column it feeds.
    header_of = {header: canonical for canonical, header in loaded.mapping.items()}
    named = {x: header_of[x] for x in dims if x not in d.columns and header_of.get(x) in d.columns}
    d = d.with_columns(pl.col(canonical).alias(dim) for dim, canonical in named.items())
    for dim in [x for x in dims if x not in d.columns]:
        if strict_by:
            there = ", ".join(sorted(c for c in d.columns if not c.startswith("_")))
            raise RevqError(
                f"--by {dim}: not a column of the dispositions or the scored leads joined to "
                f"them; the columns are: {there}"
            )
        ui.warn(f"--by {dim}: no such column in the joined data; skipped")
    dims = [x for x in dims if x in d.columns]
    report = _report(d, dims, when, since, until)
    return AuditRun(report, d, audit.recycle_list(d, when), dims, export_name(disp_path))


def _reasons_path(project: Any, given: Path | None) -> Path:
    if given is not None:
        return given
    if project is not None and "reasons" in project.config.configs:
        return Path(project.root / project.config.configs["reasons"])
    default = Path("configs/reasons.yaml")
    if default.exists():
        return default
    # The built-in taxonomy (the canonical codes and common CRM labels), the one `revq init`
    # writes: an analyst with only a dispositions export still gets an audit.
    ui.info("no reason taxonomy given: using revq's built-in one (revq init writes a copy)")
    return Path(str(resources.files("revq.data") / "project" / "reasons.yaml"))


def _metric_names() -> set[str]:
    empty = pl.DataFrame(schema={"disposition": pl.String, "reason_code": pl.String})
    return set(audit.overall(empty))


def _filter_period(d: pl.DataFrame, since: str | None, until: str | None) -> pl.DataFrame:
    column = "disposition_at" if "disposition_at" in d.columns else "handed_off_at"
    if column not in d.columns or (since is None and until is None):
        return d
    when = pl.coalesce(column, "handed_off_at") if "handed_off_at" in d.columns else pl.col(column)
    if since is not None:
        start = datetime.fromisoformat(since).replace(tzinfo=UTC)
        d = d.filter(when >= start)
    if until is not None:
        end = datetime.fromisoformat(until).replace(tzinfo=UTC) + timedelta(days=1)
        d = d.filter(when < end)
    return d


def _report(
    d: pl.DataFrame, dims: list[str], as_of: datetime, since: str | None, until: str | None
) -> dict[str, Any]:
    cuts = {dim: audit.by_dimension(d, dim) for dim in dims}
    outsized = {
        dim: frame.filter(pl.col("outsized"))[dim].to_list()
        for dim, frame in cuts.items()
        if frame.height and frame["outsized"].any()
    }
    rej = d.filter(pl.col("disposition") == "rejected")
    # Most frequent first, ties by text: value_counts leaves ties in hash order, so the same
    # input could list them differently from run to run.
    unmapped = (
        rej.filter(pl.col("reason_code") == audit.UNMAPPED)
        .group_by("reason")
        .agg(pl.len().alias("rejected"))
        .sort(["rejected", "reason"], descending=[True, False], nulls_last=True)
        .to_dicts()
    )
    # Reps who give no reason are flagged whatever the cuts asked for: an unexplained
    # rejection is what the audit is for.
    by_rep = cuts.get("rep")
    if by_rep is None and "rep" in d.columns:
        by_rep = audit.by_dimension(d, "rep")
    silent = (
        by_rep.filter(pl.col("missing_reason_rate") > 0.25)
        .select("rep", "rejected", "missing_reason", "missing_reason_rate")
        .to_dicts()
        if by_rep is not None
        else []
    )
    recycle = audit.recycle_list(d, as_of)
    return {
        "period": {"since": since, "until": until, "as_of": (as_of - timedelta(days=1)).date()},
        "overall": audit.overall(d),
        "by_reason": audit.by_reason(d).to_dicts(),
        "by_source": cuts["lead_source"].to_dicts() if "lead_source" in cuts else [],
        "by": {dim: frame.to_dicts() for dim, frame in cuts.items()},
        "flags": {
            "outsized_rejection": outsized,
            "missing_reasons_by_rep": silent,
            "unmapped_reason_labels": unmapped,
            "miscalibration": audit.miscalibration(d),
        },
        "separation": audit.separation(d).to_dicts(),
        "recycle": {"total": recycle.height, "due": int(recycle["due"].sum())},
    }


def _emit(
    report: dict[str, Any],
    fmt: AuditFormat,
    out: Path | None,
    inputs: list[Path],
    dims: list[str],
) -> None:
    if fmt is AuditFormat.table and out is None:
        for renderable in audit_tables(report, dims):
            ui.out.print(renderable)
        return
    if fmt is AuditFormat.csv:
        rows = [
            {"dimension": dim, "value": str(r[dim]), **{k: v for k, v in r.items() if k != dim}}
            for dim in dims
            for r in report["by"][dim]
        ]
        text = pl.DataFrame(rows).write_csv() if rows else ""
    elif fmt is AuditFormat.md:
        text = audit_markdown(report, dims)
    else:
        text = to_json(report)
    emit_text(text, out, inputs, "the audit")
