"""`revq score` and `revq explain`: the ranked, staged, explained list sales can act on."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import polars as pl
import typer

from revq.cli.common import (
    Export,
    OutOpt,
    ProjectOpt,
    SourceOpt,
    TableFormat,
    current_project,
    distinct_outputs,
    exit_if_met,
    export_files,
    export_name,
    follow_lead_merges,
    iso_date,
    load_input,
    load_options_for,
    project_input,
    report_load,
    ui,
    user_errors,
)
from revq.cli.stdin import accept_stdin
from revq.config.models import ExportSpec
from revq.config.scoring import Compiled, check_columns, load_scoring
from revq.core.fail_on import Condition, FailOnError, parse_fail_on
from revq.core.scoring.accounts import roll_up_accounts
from revq.core.scoring.columns import COMPUTED, OUTPUT
from revq.core.scoring.coverage import input_warnings, unused_rule_warnings
from revq.core.scoring.engine import AsOf, build_ledger, score_leads, sort_ledger
from revq.core.scoring.export import export_rows
from revq.core.scoring.metrics import METRICS, lead_counts, scoring_metrics
from revq.core.scoring.model import ScoringModel
from revq.errors import InputError, RevqError
from revq.io.load import LoadResult, load_related
from revq.io.project import Project
from revq.io.score_bands import BAND_ROWS, in_score_bands
from revq.io.writers import (
    JSONL_SUFFIXES,
    SINK_SUFFIXES,
    check_frame_path,
    frame_bytes,
    sink_frame_atomic,
    write_bytes_atomic,
    write_frame_atomic,
)
from revq.render.score_view import (
    account_summary,
    decision_path,
    lead_summary,
    ledger_table,
    score_table,
)

OUTPUT_COLUMNS = list(OUTPUT)


class By(StrEnum):
    lead = "lead"
    account = "account"


def parse_as_of(value: str | None) -> datetime:
    """--as-of DATE means 'as of the end of DATE' (UTC): events on that day count."""
    day = date.fromisoformat(value) if value else datetime.now(UTC).date()
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=1)


AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        callback=iso_date,
        help="As of the end of this day (YYYY-MM-DD): what happened later does not count. "
        "Default today; cron jobs should pass it explicitly.",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Scoring config (default: configs.scoring in revq.yaml).",
        dir_okay=False,
    ),
]
LeadsArg = Annotated[
    Path | None,
    typer.Argument(
        help="Leads export (default: inputs.leads; - reads stdin).",
        dir_okay=False,
        callback=accept_stdin,
    ),
]
ActivitiesOpt = Annotated[
    Path | None,
    typer.Option(
        "--activities",
        help="Activities export (default: inputs.activities).",
        dir_okay=False,
        callback=accept_stdin,
    ),
]
SignalsOpt = Annotated[
    Path | None,
    typer.Option(
        "--signals",
        help="Account signals export (default: inputs.signals).",
        dir_okay=False,
        callback=accept_stdin,
    ),
]


def _from_project(project: Project | None, given: Path | None, table: str) -> Export | None:
    return given if given is not None else project_input(project, table)


def _config_path(project: Project | None, given: Path | None) -> Path:
    if given is not None:
        return given
    if project is not None and "scoring" in project.config.configs:
        return project.root / project.config.configs["scoring"]
    raise RevqError(
        "no scoring config: pass --config configs/scoring.yaml, or set configs.scoring in revq.yaml"
    )


def scoring_inputs(
    project: Project | None, config: Path | None, file: Export | None
) -> tuple[Path, Export]:
    """The scoring config and the leads export a scoring run needs, or an error naming the one
    missing, before any export is read."""
    config_path = _config_path(project, config)
    named = file if file is not None else project_input(project, "leads")
    if named is None:
        raise RevqError("no leads file: pass one, or set inputs.leads in revq.yaml")
    return config_path, named


LoadConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--load-config",
        help="Load config for the leads file (columns, values, null_values, ...).",
        exists=True,
        dir_okay=False,
    ),
]


def _related_activities(leads: LoadResult, tz: str) -> pl.DataFrame | None:
    """The activities a leads export holds in its records (a Salesforce query's Tasks and
    Events sub-queries), when no activities export is given."""
    frames = []
    for name in sorted(leads.related):
        try:
            loaded = load_related(leads, name, table="activities", timezone=tz)
        except InputError as exc:  # a related list that is not activities: not for scoring
            ui.debug(f"{leads.path.name}: related list {name!r} is not activities ({exc})")
            continue
        if loaded is not None:
            report_load(loaded)  # its load line names it: leads.json[Tasks]
            frames.append(loaded.frame)
    return pl.concat(frames, how="diagonal_relaxed") if frames else None


class Inputs:
    """Everything a scoring run reads, loaded and checked against the config."""

    def __init__(
        self,
        file: Export | None,
        config: Path | None,
        activities: Path | None,
        signals: Path | None,
        source: str | None,
        project_file: Path | None,
        load_config: Path | None = None,
        project: Project | None = None,
        stream: bool = False,
    ) -> None:
        project = project or current_project(project_file)
        self.project = project
        self.config_path, named = scoring_inputs(project, config, file)
        self.compiled: Compiled = load_scoring(self.config_path)  # config errors before data
        leads_path = export_name(named)
        self.leads_path = leads_path
        tz = project.config.timezone if project else "UTC"
        self.leads = load_input(
            named,
            load_options_for(project, leads_path, "leads", load_config, source=source),
            table="leads",
            timezone=tz,
            stream=stream,
        )
        self.activities = self._optional(project, activities, "activities", tz)
        if self.activities is None and self.leads.related:
            self.activities = _related_activities(self.leads, tz)
        self.activities = follow_lead_merges(
            self.activities, self.leads, ("activity counts", "activities count")
        )
        self.signals = self._optional(project, signals, "signals", tz)
        check_columns(
            self.compiled,
            self.config_path,
            set(self.leads.columns),
            set(self.activities.columns) if self.activities is not None else None,
        )
        # The export's own owner is the existing owner routing keeps; any other column named
        # like one scoring writes (a CRM's total_score, fit_grade) is replaced, and said so.
        replaced = sorted((set(self.leads.columns) & COMPUTED) - {"owner"})
        if replaced:
            ui.warn(
                f"{leads_path.name}: the export's {', '.join(replaced)} "
                f"{'is' if len(replaced) == 1 else 'are'} replaced by this scoring's "
                "(rules and outputs see revq's values)"
            )
        model = self.compiled.model
        if model.events is not None and self.activities is None:
            ui.warn(
                "the config scores events but no activities file was given; "
                "intent.events rules are skipped"
            )
        if model.signals is not None and self.signals is None:
            ui.warn("the config scores signals but no signals file was given")
        self.inputs = [*export_files(named), self.config_path] + [
            p for p in (activities, signals) if p is not None
        ]

    def _optional(
        self, project: Project | None, given: Path | None, table: str, tz: str
    ) -> pl.DataFrame | None:
        path = _from_project(project, given, table)
        if path is None:
            return None
        options = load_options_for(project, export_name(path), table)
        return load_input(path, options, table=table, timezone=tz).frame

    def lazy(self, frame: pl.DataFrame | None) -> pl.LazyFrame | None:
        return frame.lazy() if frame is not None else None

    def score(
        self,
        as_of: AsOf,
        model: ScoringModel | None = None,
        leads: pl.DataFrame | None = None,
        ordered: bool = True,
        order: Callable[[pl.LazyFrame], pl.LazyFrame] | None = None,
    ) -> pl.LazyFrame:
        """The leads (or some of them) scored with this run's activities and signals, by the
        run's config or another one."""
        return score_leads(
            self.leads.lazy() if leads is None else leads.lazy(),
            model or self.compiled.model,
            activities=self.lazy(self.activities),
            signals=self.lazy(self.signals),
            as_of=as_of,
            ordered=ordered,
            order=order,
        )

    def ledger(
        self,
        as_of: AsOf,
        model: ScoringModel | None = None,
        leads: pl.DataFrame | None = None,
    ) -> pl.LazyFrame:
        """The explanation ledger of the same scoring."""
        return build_ledger(
            self.leads.lazy() if leads is None else leads.lazy(),
            model or self.compiled.model,
            activities=self.lazy(self.activities),
            signals=self.lazy(self.signals),
            as_of=as_of,
        )


@user_errors
def score(
    file: LeadsArg = None,
    config: ConfigOpt = None,
    activities: ActivitiesOpt = None,
    signals: SignalsOpt = None,
    as_of: AsOfOpt = None,
    by: Annotated[By, typer.Option("--by", help="One row per lead, or per account.")] = By.lead,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = (
        TableFormat.table
    ),
    out: OutOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows shown in the table.")] = 20,
    explain_out: Annotated[
        Path | None,
        typer.Option(
            "--explain-out",
            help="Write the explanation ledger (CSV, JSON, Parquet).",
            dir_okay=False,
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a condition holds, e.g. unowned_handoffs>0,rejected_rate>0.02 "
            f"(metrics: {', '.join(sorted(METRICS))}).",
        ),
    ] = None,
    export: Annotated[
        str | None,
        typer.Option(
            "--export",
            help="Write the leads in a layout named under exports in revq.yaml (the columns a "
            "CRM import wants, under its field names); to --out, else CSV on stdout.",
        ),
    ] = None,
    source: SourceOpt = None,
    load_config: LoadConfigOpt = None,
    project_file: ProjectOpt = None,
) -> None:
    """Score and stage leads: fit, intent, signals and negatives; grade, quadrant, stage,
    why-now, next action and owner. Rows are ordered by total score (highest first), then
    lead id; the same inputs and --as-of give byte-identical output."""
    distinct_outputs(out=out, explain_out=explain_out)
    for target in (out, explain_out):
        if target is not None:
            check_frame_path(target)  # before any work, not after it
    conditions = _conditions(fail_on)
    project = current_project(project_file)
    layout = _export_spec(project, export, by)
    # Scored straight into a file, the leads are read as they are scored, not held (Parquet).
    sinks = out is not None and out.suffix.lower() in SINK_SUFFIXES
    stream = sinks and by is By.lead and layout is None
    run = Inputs(
        file, config, activities, signals, source, project_file, load_config, project, stream
    )
    when = parse_as_of(as_of)
    if not ui.quiet:  # a warning nobody reads is not worth a pass over the leads
        leads, model = run.leads.lazy(), run.compiled.model
        acts, sigs = run.lazy(run.activities), run.lazy(run.signals)
        for line in unused_rule_warnings(leads, model, acts) + input_warnings(
            leads, model, acts, sigs, when
        ):
            ui.warn(line)
    scored = run.score(when)
    keep = [c for c in OUTPUT_COLUMNS if c in scored.collect_schema()]
    if by is By.account:
        acc = run.compiled.accounts
        extra = [c for c in ("account_key",) if c not in keep]
        result = roll_up_accounts(
            scored.select(*keep, *extra),
            min_engaged_contacts=acc.min_engaged_contacts,
            min_intent=acc.min_intent,
            roles=acc.roles,
        ).collect()
        for line in account_summary(result):
            ui.info(line)
        counts = lead_counts(run.score(when, ordered=False)) if conditions else None
    elif layout is not None:
        counts = lead_counts(run.score(when, ordered=False))
        for line in lead_summary(counts):
            ui.info(line)
        _write_ledger(run, when, explain_out)
        _write_export(run, scored, layout, export or "", out, fmt)
        _fail_if_met(conditions, counts, run)
        return
    elif out is None and fmt is TableFormat.table:
        # The terminal shows the top rows: only those get texts, and the summary is counted
        # without ordering or holding the leads (on 10M leads, 1.9 GB not collected).
        counts = lead_counts(run.score(when, ordered=False))
        for line in lead_summary(counts):
            ui.info(line)
        _write_ledger(run, when, explain_out)
        ui.out.print(score_table(scored.select(keep).head(top).collect(), top, by.value))
        _fail_if_met(conditions, counts, run)
        return
    elif out is not None and sinks:
        # Streamed to the file, never held whole (on 10M leads the result alone is 1.9 GB);
        # the summary reads back the four columns it counts.
        _sink_scored(run, when, out, keep)
        counts = lead_counts(read_columns(out, ["stage", "quadrant", "gate", "owner"]))
        written, loaded = int(counts["len"].sum()), run.leads.accounting.rows_loaded
        if written != loaded:  # a streamed export is read again to be scored: it was replaced
            raise InputError(
                run.leads_path,
                f"changed while revq read it: {loaded:,} leads loaded but {written:,} scored; "
                "run again once the export is written",
            )
        for line in lead_summary(counts):
            ui.info(line)
        _write_ledger(run, when, explain_out)
        ui.info(f"wrote {int(counts['len'].sum()):,} rows to {out}")
        _fail_if_met(conditions, counts, run)
        return
    else:
        result = scored.select(keep).collect()
        counts = lead_counts(result)
        for line in lead_summary(counts):
            ui.info(line)
    _write_ledger(run, when, explain_out)
    if out is not None:
        write_frame_atomic(out, result, inputs=run.inputs)
        ui.info(f"wrote {result.height:,} rows to {out}")
    elif fmt is TableFormat.table:
        ui.out.print(score_table(result, top, by.value))
    else:
        typer.echo(frame_bytes(result, fmt.value).decode("utf-8"), nl=False)
    _fail_if_met(conditions, counts, run)


def _sink_scored(run: Inputs, when: AsOf, out: Path, keep: list[str]) -> None:
    """The scored leads into `out` in the documented order. Leads read as they are scored are
    put in order a score band at a time (through a scratch file beside `out`), so that the
    sort does not hold them all: the same bytes as one sort."""
    if not run.leads.streamed:
        sink_frame_atomic(out, run.score(when).select(keep), inputs=run.inputs)
        return
    try:
        if run.leads.accounting.rows_loaded <= BAND_ROWS:
            sink_frame_atomic(out, run.score(when).select(keep), inputs=run.inputs)
            return
        with tempfile.TemporaryDirectory(dir=out.parent, prefix=".revq-bands-") as scratch:
            scored = run.score(when, order=in_score_bands(Path(scratch), BAND_ROWS))
            sink_frame_atomic(out, scored.select(keep), inputs=run.inputs)
    except pl.exceptions.ComputeError as exc:  # the export read again is not the one checked
        first = str(exc).splitlines()[0]
        raise InputError(
            run.leads_path,
            f"could not be read again to be scored ({first}): was it replaced "
            "while revq ran? Run again once the export is written",
        ) from None


def _export_spec(project: Project | None, name: str | None, by: By) -> ExportSpec | None:
    if name is None:
        return None
    if by is By.account:
        raise RevqError("--export writes leads; it does not go with --by account")
    if project is None:
        raise RevqError(f"--export {name}: export layouts live under exports in revq.yaml")
    spec = project.config.exports.get(name)
    if spec is None:
        known = ", ".join(sorted(project.config.exports)) or "none"
        raise RevqError(f"--export {name}: no such layout under exports in revq.yaml ({known})")
    return spec


def _write_export(
    run: Inputs,
    scored: pl.LazyFrame,
    layout: ExportSpec,
    name: str,
    out: Path | None,
    fmt: TableFormat,
) -> None:
    rows, missing = export_rows(scored, layout.columns, layout.stages, layout.values)
    for column in missing:
        ui.warn(f"exports.{name}: these leads have no {column}; its field is written empty")
    if out is not None and out.suffix.lower() in SINK_SUFFIXES:
        sink_frame_atomic(out, rows, inputs=run.inputs)
        ui.info(f"wrote the {name} layout to {out}")
        return
    frame = rows.collect()
    if out is not None:
        write_frame_atomic(out, frame, inputs=run.inputs)
        ui.info(f"wrote {frame.height:,} rows in the {name} layout to {out}")
        return
    data = frame_bytes(frame, "json" if fmt is TableFormat.json else "csv")
    typer.echo(data.decode("utf-8"), nl=False)


def _conditions(fail_on: str | None) -> list[Condition]:
    if not fail_on:
        return []
    try:
        return parse_fail_on(fail_on, set(METRICS))
    except FailOnError as exc:
        raise RevqError(str(exc)) from None


def _fail_if_met(conditions: list[Condition], counts: pl.DataFrame | None, run: Inputs) -> None:
    """After the output is written: exit 1 when a --fail-on condition holds."""
    if not conditions or counts is None:
        return
    accounting = run.leads.accounting
    metrics = scoring_metrics(counts, accounting.rows_read, accounting.rows_rejected)
    exit_if_met(conditions, metrics)


def _write_ledger(run: Inputs, when: AsOf, explain_out: Path | None) -> None:
    if explain_out is not None:
        ledger = sort_ledger(run.ledger(when)).collect()
        write_frame_atomic(explain_out, ledger, inputs=run.inputs)
        ui.info(f"wrote the ledger ({ledger.height:,} rows) to {explain_out}")


def read_columns(path: Path, columns: list[str]) -> pl.DataFrame:
    """Columns of a frame revq has just written (.parquet, .csv, .tsv or .jsonl)."""
    if path.suffix.lower() == ".parquet":
        return pl.read_parquet(path, columns=columns)
    if path.suffix.lower() in JSONL_SUFFIXES:
        return pl.scan_ndjson(path).select(columns).collect()
    sep = "\t" if path.suffix.lower() == ".tsv" else ","
    return pl.read_csv(path, columns=columns, separator=sep, infer_schema=False)


@user_errors
def explain(
    lead_ids: Annotated[list[str], typer.Argument(help="Lead ids to explain.")],
    leads: Annotated[
        Path | None,
        typer.Option(
            "--leads",
            help="Leads export (default: inputs.leads).",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    config: ConfigOpt = None,
    activities: ActivitiesOpt = None,
    signals: SignalsOpt = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = (
        TableFormat.table
    ),
    out: OutOpt = None,
    source: SourceOpt = None,
    load_config: LoadConfigOpt = None,
    project_file: ProjectOpt = None,
) -> None:
    """The explanation ledger of leads, rule by rule (raw points, decay factor, cap, points
    counted), with the scores and the stage decision path."""
    run = Inputs(leads, config, activities, signals, source, project_file, load_config)
    when = parse_as_of(as_of)
    chosen = pl.col("lead_id").is_in(lead_ids)
    known = set(run.leads.frame.filter(chosen)["lead_id"].to_list())
    missing = [i for i in lead_ids if i not in known]
    merged = dict(run.leads.merged_ids.filter(pl.col("lead_id").is_in(missing)).iter_rows())
    if merged:
        gone, kept = next(iter(merged.items()))
        raise RevqError(
            f"{run.leads_path}: lead {gone!r} was merged into {kept!r}, the record kept for "
            f"it (same email, or a merge the CRM recorded); explain {kept}"
        )
    if missing:
        raise RevqError(
            f"{run.leads_path}: no lead with id {missing[0]!r} (ids are case-sensitive)"
        )
    model = run.compiled.model
    sig = run.lazy(run.signals)
    ledger = build_ledger(
        run.leads.frame.filter(chosen).lazy(),
        model,
        activities=run.lazy(run.activities),
        signals=sig,
        as_of=when,
    ).collect()
    # Scored with every lead, then picked: round-robin routing gives a lead its turn among all
    # the leads of its team, so scoring the chosen ones alone would name another owner.
    scored = run.score(when, ordered=False).filter(chosen).collect()
    if fmt is not TableFormat.table:
        data = frame_bytes(sort_ledger(ledger.lazy()).collect(), fmt.value)
        if out is not None:
            write_bytes_atomic(out, data, inputs=run.inputs)
        else:
            typer.echo(data.decode("utf-8"), nl=False)
        return
    for lead_id in lead_ids:
        row = scored.filter(pl.col("lead_id") == lead_id).row(0, named=True)
        ui.out.print(ledger_table(ledger.filter(pl.col("lead_id") == lead_id), row))
        for line in decision_path(row, model):
            ui.out.print(line, markup=False)
