"""What every command shares: error handling, consoles, output flags, load flags."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar, cast

import polars as pl
import typer
from rich.console import Console

from revq.cli.stdin import shown
from revq.config.models import LoadOptions
from revq.core.dedupe import follow_merges
from revq.core.fail_on import Condition, conditions_met, unmeasured
from revq.core.funnel_report import link_opportunities
from revq.errors import ExitCode, RevqError
from revq.io import sources
from revq.io.file_sets import combine, cross_file_duplicates
from revq.io.load import LoadResult, load_table
from revq.io.project import Project, find_project
from revq.io.scan_load import scan_parquet_table
from revq.io.writers import write_bytes_atomic

P = ParamSpec("P")
R = TypeVar("R")


def _console(stream: Any) -> Console:
    is_tty = stream.isatty()
    return Console(
        file=stream,
        width=None if is_tty else 160,
        no_color=not is_tty,
        highlight=False,
        soft_wrap=not is_tty,
    )


class Ui:
    """stdout carries only results; messages, warnings and progress go to stderr."""

    quiet = False
    verbose = False
    # Every file loaded in this run, by resolved path: the report's provenance footer.
    loaded: dict[Path, LoadResult] = {}  # noqa: RUF012
    # Project inputs named in revq.yaml but not found, said once a run.
    missing_inputs: set[str] = set()  # noqa: RUF012
    # Messages a run says once however many times it meets the case (the report audits the
    # same dispositions for three windows).
    said: set[str] = set()  # noqa: RUF012

    @property
    def out(self) -> Console:
        return _console(sys.stdout)

    @property
    def err(self) -> Console:
        return _console(sys.stderr)

    def info(self, message: str) -> None:
        if not self.quiet:
            self.err.print(message, markup=False)

    def info_once(self, message: str) -> None:
        if message not in self.said:
            self.said.add(message)
            self.info(message)

    def debug(self, message: str) -> None:
        if self.verbose and not self.quiet:
            self.err.print(message, markup=False)

    def warn(self, message: str) -> None:
        if not self.quiet:
            self.err.print(f"warning: {message}", markup=False)


ui = Ui()


def user_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a user's error into one line on stderr and exit code 2: never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except RevqError as exc:
            sys.stderr.write(f"revq: error: {shown(str(exc))}\n")
            raise typer.Exit(int(exc.exit_code)) from None
        except OSError as exc:
            message = f"{exc.filename or ''}: {exc.strerror or exc}"
            sys.stderr.write(f"revq: error: {shown(message)}\n")
            raise typer.Exit(int(ExitCode.USAGE)) from None

    return wrapper


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class DateOrder(StrEnum):
    auto = "auto"
    dmy = "dmy"
    mdy = "mdy"


class Decimal(StrEnum):
    dot = "."
    comma = ","


OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="Write the result to this file (atomically) instead of stdout.",
        dir_okay=False,
    ),
]
SourceOpt = Annotated[
    str | None,
    typer.Option("--source", help="Vendor preset: hubspot, salesforce, marketo, pardot, generic."),
]
TableOpt = Annotated[
    str | None,
    typer.Option(
        "--table",
        help="Canonical table: leads, activities, signals, dispositions, "
        "stage_history, opportunities.",
    ),
]
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="Text encoding, e.g. cp1252 or latin-1.")
]
DelimiterOpt = Annotated[str | None, typer.Option("--delimiter", help="Field delimiter.")]
SheetOpt = Annotated[str | None, typer.Option("--sheet", help="XLSX sheet name or 0-based index.")]
DateOrderOpt = Annotated[
    DateOrder | None, typer.Option("--date-order", help="Day/month order of dates like 3/5/2026.")
]
DecimalOpt = Annotated[
    Decimal | None, typer.Option("--decimal", help="Decimal separator of numbers: '.' or ','.")
]
ProjectOpt = Annotated[
    Path | None,
    typer.Option(
        "--project",
        help="Project file (default: revq.yaml in the current folder).",
        exists=True,
        dir_okay=False,
    ),
]


def iso_date(value: str | None) -> str | None:
    """A typer callback: dates on the command line are YYYY-MM-DD, or a usage error."""
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None
    return value


def check_window(since: str | None, until: str | None) -> None:
    """--since after --until selects nothing: a usage error rather than a report of zeros."""
    if since is not None and until is not None and since > until:
        raise RevqError(f"--since {since} is after --until {until}: the window holds no day")


def exit_if_met(conditions: list[Condition], metrics: Mapping[str, Any]) -> None:
    """After the output is written: exit 1 when a --fail-on condition holds. A condition on a
    metric without a value (no data in the period: a stale export, a wrong --as-of) is said,
    since a gate that cannot be measured is not a gate that passed."""
    blind = unmeasured(conditions, metrics)
    if blind:
        ui.warn("--fail-on not measured (no value this run): " + "; ".join(blind))
    met = conditions_met(conditions, metrics)
    if met:
        ui.warn("--fail-on met: " + "; ".join(met))
        raise typer.Exit(int(ExitCode.CONDITION_MET))


def distinct_outputs(**targets: Path | None) -> None:
    """Two outputs of one run written to the same file: the second would replace the first."""
    seen: dict[Path, str] = {}
    for option, path in targets.items():
        if path is None:
            continue
        key = path.resolve()
        flag = "--" + option.replace("_", "-")
        if key in seen:
            raise RevqError(f"{path}: given to both {seen[key]} and {flag}; name two files")
        seen[key] = flag


def current_project(path: Path | None) -> Project | None:
    from revq.io.project import load_project

    return load_project(path) if path is not None else find_project()


def project_input(project: Project | None, table: str) -> Export | None:
    """The export (or exports) revq.yaml names for a table. One named but not there is left
    out, and said once a run: a typo in a path must not pass for an input the team does not
    have."""
    named = project.input_path(table) if project is not None else None
    if named is None:
        return None
    there = [p for p in export_files(named) if sources.present(p)]
    if table not in ui.missing_inputs:
        for path in export_files(named):
            if path not in there:
                what = "is a folder, not an export" if path.is_dir() else "not found"
                where = f"revq.yaml: inputs.{table}: {_relative(project, path)}"
                ui.warn(f"{where} {what}; running without it")
    if len(there) < len(export_files(named)):
        ui.missing_inputs.add(table)
    if not there:
        return None
    return there if isinstance(named, list) else there[0]


def _relative(project: Project | None, path: Path) -> str:
    """A path as revq.yaml writes it."""
    if project is None:
        return str(path)
    try:
        return str(path.relative_to(project.root))
    except ValueError:
        return str(path)


LoadConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="A load config (YAML: columns, values, null_values, date_order, ...) for this file.",
        exists=True,
        dir_okay=False,
    ),
]


def load_options_for(
    project: Project | None,
    file: Path,
    table: str | None,
    config: Path | None = None,
    **flags: Any,
) -> LoadOptions:
    """Project defaults (and the input's own options if FILE is a project input), then the
    --config file, then flags: the most specific wins."""
    base = LoadOptions()
    if project is not None:
        matched = None
        for name in project.config.inputs:
            named = export_files(project.input_path(name))
            if any(candidate.resolve() == file.resolve() for candidate in named):
                matched = name
        base = project.load_options(matched or table)
    update: dict[str, Any] = {}
    if config is not None:
        from revq.config.loader import load_model

        chosen = load_model(config, LoadOptions)
        update.update({k: getattr(chosen, k) for k in chosen.model_fields_set})
    for key, value in flags.items():
        if value is None:
            continue
        if key == "sheet" and isinstance(value, str) and value.isdigit():
            value = int(value)
        update[key] = value.value if isinstance(value, StrEnum) else value
    if table is not None:
        update["table"] = table
    merged = {**base.model_dump(), **{k: _plain(v) for k, v in update.items()}}
    return LoadOptions.model_validate(merged)


def _plain(value: Any) -> Any:
    return value.model_dump() if hasattr(value, "model_dump") else value


def report_load(result: LoadResult) -> None:
    """The row-accounting line printed after every load."""
    ui.loaded[result.path.resolve()] = result
    a = result.accounting
    what = f"{result.vendor} {result.table}" if result.table else "unrecognised table"
    ui.info(
        f"{result.path.name}: {what}: read {a.rows_read:,} rows = {a.rows_loaded:,} loaded"
        f" + {a.rows_rejected:,} rejected + {a.footer_rows:,} footer"
        f" + {a.duplicates_merged:,} duplicates merged"
        + (f" + {a.deleted_in_source:,} deleted in the source" if a.deleted_in_source else "")
        + (f" + {a.other_properties:,} of other properties" if a.other_properties else "")
        + (f" + {a.earlier_versions:,} earlier versions" if a.earlier_versions else "")
    )
    for warning in result.warnings:
        ui.warn(f"{result.path.name}: {warning}")


_loads: dict[tuple[Path, str, str | None, str], LoadResult] = {}


Frame = TypeVar("Frame", bound=pl.DataFrame | None)


def follow_lead_merges(frame: Frame, leads: LoadResult, nouns: tuple[str, str]) -> Frame:
    """`frame` (activities, dispositions, stage history, opportunities) with the id of each lead
    merged away as a duplicate replaced by the id of the record kept. What an export says of a
    duplicate belongs to the person the leads export now holds once: left under the old id it
    scores nothing, joins no lead, and counts the person twice in the funnel."""
    merged = leads.merged_ids
    if frame is None or not merged.height or "lead_id" not in frame.columns:
        return frame
    moved = frame.join(merged, on="lead_id", how="semi").height
    if not moved:
        return frame
    noun = nouns[0] if moved == 1 else nouns[1]
    ui.info_once(f"{moved:,} {noun} for the record kept, of leads merged as duplicates")
    return cast(Frame, follow_merges(frame.lazy(), merged.lazy()).collect())


def link_converted_leads(opps: pl.DataFrame | None, leads: LoadResult) -> pl.DataFrame | None:
    """The opportunities with the lead each was converted from, read off the leads'
    converted opportunity id where the opportunities do not name their lead (Salesforce):
    without it no opportunity meets a lead, and the funnel stops short of them."""
    if opps is None or "converted_opportunity_id" not in leads.frame.columns:
        return opps
    linked = link_opportunities(opps.lazy(), leads.frame.lazy()).collect()
    before = opps["lead_id"].count() if "lead_id" in opps.columns else 0
    found = linked["lead_id"].count() - before
    if found:
        header = leads.mapping.get("converted_opportunity_id", "converted_opportunity_id")
        whose = (
            "opportunity joined to its lead"
            if found == 1
            else "opportunities joined to their leads"
        )
        ui.info_once(f"{found:,} {whose} by the leads' {header}")
    return linked


def start_run(*, quiet: bool, verbose: bool) -> None:
    """Per-run state back to empty: a process that runs several commands (a test suite, a
    notebook) must not see the last run's loads, whose files may since have changed."""
    ui.quiet, ui.verbose = quiet, verbose
    ui.missing_inputs = set()
    ui.said = set()
    ui.loaded = {}
    _loads.clear()


def load_input(
    path: Path | Sequence[Path],
    options: LoadOptions,
    *,
    table: str | None,
    timezone: str = "UTC",
    stream: bool = False,
) -> LoadResult:
    """Load an export once per run (the report reads each input for several sections) and
    print its row accounting. A pattern (`exports/activity_*.csv`) or several files are one
    input: each file loads and is accounted for on its own, then their rows are stacked.

    `stream`: a Parquet export that passes every check in one pass is not held but read as it
    is used (for a run that reads its rows once or twice, as scoring to a file does)."""
    if isinstance(path, Path) and not sources.is_pattern(path):
        return _load_once(path, options, table, timezone, stream)
    files = expand(path)
    name = path if isinstance(path, Path) else set_name(files)
    key = (name.resolve(), options.model_dump_json(), table, timezone)
    if key not in _loads:
        parts = [_load_once(f, options, table, timezone) for f in files]
        combined = combine(name, parts, options.dedupe)
        ui.loaded[name.resolve()] = combined
        crossed = cross_file_duplicates(combined, parts)
        ui.info(
            f"{name.name}: {len(parts)} files: {combined.accounting.rows_loaded:,} rows loaded"
            + (f" after {crossed:,} leads in more than one file merged" if crossed else "")
        )
        _loads[key] = combined
    return _loads[key]


# An input named on the command line: one export, a pattern, or several files read as one.
Export = Path | list[Path]


def export_files(export: Export | None) -> list[Path]:
    """The files an input names, for the guard that keeps outputs off them."""
    if export is None:
        return []
    return list(export) if isinstance(export, list) else [export]


def expand(export: Path | Sequence[Path]) -> list[Path]:
    """Every file an input names, in order: a pattern's matches in name order."""
    named = [export] if isinstance(export, Path) else list(export)
    return [f for p in named for f in (sources.matches(p) if sources.is_pattern(p) else [p])]


def export_name(export: Export) -> Path:
    """What messages call an input."""
    return set_name(export) if isinstance(export, list) else export


def set_name(files: Sequence[Path]) -> Path:
    """What messages call several exports given as one input: their names joined."""
    if len(files) == 1:
        return files[0]
    return files[0].parent / " + ".join(f.name for f in files)


def _load_once(
    path: Path, options: LoadOptions, table: str | None, timezone: str, stream: bool = False
) -> LoadResult:
    key = (path.resolve(), options.model_dump_json(), table, timezone)
    if key not in _loads:
        result = (
            scan_parquet_table(path, options, table=table, timezone=timezone) if stream else None
        )
        if result is None:
            result = load_table(path, options, table=table, timezone=timezone)
        report_load(result)
        _loads[key] = result
    return _loads[key]


def emit_text(text: str, out: Path | None, inputs: Sequence[Path] = (), what: str = "") -> None:
    """A rendered result to --out (atomically, never over an input) or to stdout."""
    if out is None:
        typer.echo(text, nl=False)
        return
    write_bytes_atomic(out, text.encode("utf-8"), inputs=inputs)
    ui.info(f"wrote {what or 'the result'} to {out}")
