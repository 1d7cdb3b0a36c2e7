"""`revq compile`: the scoring as one SQL query for a warehouse's dialect, reading the tables
warehouse.tables names with their columns as the exports have them, or as a dbt model a team
runs inside its own dbt project."""

from __future__ import annotations

import hashlib
import os
import shlex
import textwrap
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from revq import __version__
from revq.app.inputs import load_options_for, project_input, timezone_of
from revq.app.results import Outcome
from revq.app.run import Run
from revq.app.scoring import scoring_config_path
from revq.config.scoring import check_columns, load_scoring
from revq.config.warehouse import WarehouseTable, WarehouseTables
from revq.engines.compiled import (
    TableSpec,
    comment_lines,
    compile_scoring,
    dbt_model,
    export_schema,
)
from revq.engines.contents import table_of_contents
from revq.engines.dialects import DIALECTS, Dialect
from revq.errors import ConfigError, RevqError
from revq.io.exports import expand
from revq.io.project import Project
from revq.io.writers import write_bytes_atomic

INPUTS = ("leads", "activities", "signals")


@dataclass(frozen=True, eq=False, repr=False)
class CompileResult(Outcome):
    """The scoring as one query: `sql` (as printed, or as the dbt model written), and the
    dbt model written, if any.

    Attributes:
        dialect: the SQL dialect written.
        sql: the query, opened by a comment: what it was compiled from, the tables it reads
            and its steps.
        dbt: the dbt model file written, if any.
        tables: input -> the warehouse table the query reads.
    """

    dialect: str
    sql: str
    dbt: Path | None
    tables: dict[str, str]
    _run: Run = field(repr=False)

    def metrics(self) -> dict[str, Any]:
        return {}

    def _summary(self) -> dict[str, Any]:
        return {"dialect": self.dialect, "dbt": str(self.dbt) if self.dbt else None}


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compile_query(
    run: Run,
    project: Project | None,
    *,
    dialect: str,
    as_of: datetime | None = None,
    config: Path | None = None,
    dbt: Path | None = None,
    dbt_refs: dict[str, str] | None = None,
    project_file: Path | None = None,
    typed: bool = False,
) -> CompileResult:
    """The scoring of the project as one query in `dialect`, opened by a comment naming what
    it was compiled from and listing its steps; as a dbt model at `dbt`.

    The columns of each table are those of the export revq.yaml names for it (a warehouse
    table a connector lands has the export's columns), text unless `warehouse.tables`
    declares their types; `typed` takes every column the mapping reads as a date, number or
    flag to have that type. `warehouse.tables` names the tables (default: leads,
    activities, signals)."""
    if dialect not in DIALECTS:
        raise RevqError(f"--dialect {dialect!r}: expected one of {', '.join(DIALECTS)}")
    if project is None:
        raise RevqError(
            "revq compile reads revq.yaml (the inputs' exports give the tables' columns): "
            "run it in the project's folder or pass --project"
        )
    for name in dbt_refs or {}:
        if name not in INPUTS:
            raise RevqError(f"--dbt-ref {name}=...: expected one of {', '.join(INPUTS)}")
    given_project = project_file
    project_file = project_file or project.root / "revq.yaml"
    config_path = scoring_config_path(project, config)
    scoring = load_scoring(config_path)
    warehouse = project.config.warehouse
    tables = warehouse.tables if warehouse is not None else WarehouseTables()
    specs: dict[str, TableSpec] = {}
    for input_name in INPUTS:
        table: WarehouseTable | None = getattr(tables, input_name)
        export = project_input(run, project, input_name)
        if table is None or export is None:
            if input_name == "leads":
                raise RevqError(
                    "no leads export: revq compile reads the leads table's columns from the "
                    "export inputs.leads names in revq.yaml"
                )
            continue
        first = expand(export)[0]
        options = load_options_for(project, first, input_name)
        _check_types(project_file, input_name, table, export_schema(first, options).names)
        specs[input_name] = TableSpec(table.name, first, options, table.types)
    with run.step(f"compiling the scoring for {dialect}"):
        query = compile_scoring(
            scoring.model,
            specs,
            dialect=dialect,
            timezone=timezone_of(project),
            as_of=as_of,
            dbt_sources=dbt is not None,
            # a column the config reads and the exports lack, named as revq score names it
            check_columns=partial(check_columns, scoring, config_path),
            typed=typed,
        )
    run.warn(
        "the query reads the inputs as revq's loader does, except that it does not: "
        + "; ".join(query.not_done)
    )
    used = {name: spec.table for name, spec in specs.items()}
    command = _command(dialect, as_of, typed, dbt, dbt_refs or {}, given_project, config)
    header = _header(project_file, config_path, dialect, as_of, command)
    header += ["", *_tables_read(specs, query.columns), ""]
    header += ["steps (CTEs), in the order the query computes them:"]
    header += table_of_contents(query.steps)
    if dbt is not None:
        text = dbt_model(query, header, refs=dbt_refs)
        write_bytes_atomic(dbt, text.encode("utf-8"), inputs=run.guarded(config_path), say=run.info)
        run.info(f"wrote the dbt model to {dbt} ({_model_inputs(sorted(used), dbt_refs or {})})")
        return CompileResult(dialect, text, dbt, used, run)
    return CompileResult(dialect, f"{comment_lines(header)}\n\n{query.sql}", dbt, used, run)


def _check_types(
    project_file: Path, input_name: str, table: WarehouseTable, columns: list[str]
) -> None:
    """Each column warehouse.tables declares a type for is a column of the table."""
    for column in table.types:
        if column not in columns:
            raise ConfigError(
                project_file,
                f"warehouse.tables.{input_name}.types",
                f"no column {column!r} in the {input_name} table (its columns are the header "
                f"of the export inputs.{input_name} names: {', '.join(columns)})",
            )


def _command(
    dialect: str,
    as_of: datetime | None,
    typed: bool,
    dbt: Path | None,
    refs: dict[str, str],
    project_file: Path | None,
    config: Path | None,
) -> list[str]:
    """The command that writes this query again, run from the folder this one ran in (the
    project and config as they were named, relative to it)."""
    command = ["revq", "compile", "--dialect", dialect]
    if project_file is not None:
        command += ["--project", _from_here(project_file)]
    if config is not None:
        command += ["--config", _from_here(config)]
    if dbt is not None:
        command += ["--dbt", str(dbt)]
    if as_of is not None:
        command += ["--as-of", _day(as_of)]
    if typed:
        command.append("--typed")
    for name, model in refs.items():
        command += ["--dbt-ref", f"{name}={model}"]
    return command


def _from_here(path: Path) -> str:
    """`path` relative to the working folder, so that a model committed to git names no one's
    home folder and the command runs again from where it ran; as it was given when the two
    share no folder but the root (a relative path would climb to it)."""
    here, there = Path.cwd(), path.absolute()
    try:
        shared = Path(os.path.commonpath([here, there]))
    except ValueError:  # another drive (Windows)
        return str(path)
    return str(path) if shared == Path(shared.anchor) else os.path.relpath(there, here)


def _model_inputs(inputs: list[str], refs: dict[str, str]) -> str:
    """'activities, signals from its sources; leads from the model stg_contacts'."""
    sourced = [name for name in inputs if name not in refs]
    parts = [f"{', '.join(sourced)} from its sources"] if sourced else []
    parts += [f"{name} from the model {refs[name]}" for name in inputs if name in refs]
    return "; ".join(parts)


def _day(as_of: datetime) -> str:
    """The day --as-of names: as of its end, the next midnight."""
    return (as_of - timedelta(days=1)).date().isoformat()


def _header(
    project_file: Path,
    config_path: Path,
    dialect: Dialect | str,
    as_of: datetime | None,
    command: list[str],
) -> list[str]:
    scored = (
        "the end of the day it runs (UTC)" if as_of is None else f"the end of {_day(as_of)} (UTC)"
    )
    return [
        f"revq scoring model: {_relative(config_path, project_file.parent)} "
        f"(sha256 {sha256_of(config_path)})",
        f"project: {project_file.name} (sha256 {sha256_of(project_file)})",
        f"revq {__version__}; dialect {dialect}; scored as of {scored}",
        f"written by: {shlex.join(command)}; do not edit: compile again",
    ]


def _tables_read(specs: dict[str, TableSpec], columns: dict[str, dict[str, str]]) -> list[str]:
    """A line per table the query reads: its name, the export whose columns it has, and
    the columns that are not text, by type."""
    lines = ["tables read, with the columns of the exports revq.yaml names:"]
    width = max(len(name) for name in specs) + 2
    for name, spec in specs.items():
        types = columns[name]
        text = sum(1 for t in types.values() if t == "text")
        by_type: dict[str, list[str]] = {}
        for column, kind in types.items():
            if kind != "text":
                by_type.setdefault(kind, []).append(column)
        parts = [f"{spec.table} ({spec.export.name}): {text} text column{'s' * (text != 1)}"]
        parts += [f"{kind}: {', '.join(cols)}" for kind, cols in by_type.items()]
        lines += _wrap(f"  {name.ljust(width)}", "; ".join(parts))
    return lines


def _wrap(lead: str, text: str, width: int = 97) -> list[str]:
    out = textwrap.wrap(text, width - len(lead), break_on_hyphens=False) or [""]
    return [(lead if i == 0 else " " * len(lead)) + line for i, line in enumerate(out)]


def _relative(path: Path, root: Path) -> str:
    """A path as revq.yaml writes it: from the project's folder."""
    try:
        return Path(os.path.relpath(path.resolve(), root.resolve())).as_posix()
    except ValueError:  # another drive
        return path.name
