"""`revq compile`: the scoring as one SQL query for a warehouse's dialect, reading the tables
warehouse.tables names with their columns as the exports have them, or as a dbt model a team
runs inside its own dbt project."""

from __future__ import annotations

import hashlib
import os
import shlex
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
from revq.config.warehouse import WarehouseTables
from revq.engines.compiled import TableSpec, compile_scoring, dbt_model
from revq.engines.dialects import DIALECTS, Dialect
from revq.errors import RevqError
from revq.io.exports import expand
from revq.io.project import Project
from revq.io.writers import write_bytes_atomic

INPUTS = ("leads", "activities", "signals")


@dataclass(frozen=True, eq=False, repr=False)
class CompileResult(Outcome):
    """The scoring as one query: `sql` (plain), and the dbt model written, if any.

    Attributes:
        dialect: the SQL dialect written.
        sql: the query.
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
) -> CompileResult:
    """The scoring of the project as one query in `dialect`; as a dbt model at `dbt`.

    The columns of each table are those of the export revq.yaml names for it (a warehouse
    table a connector lands has the export's columns); `warehouse.tables` names the tables
    (default: leads, activities, signals)."""
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
    config_path = scoring_config_path(project, config)
    scoring = load_scoring(config_path)
    warehouse = project.config.warehouse
    tables = warehouse.tables if warehouse is not None else WarehouseTables()
    specs: dict[str, TableSpec] = {}
    for input_name in INPUTS:
        table = getattr(tables, input_name)
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
        specs[input_name] = TableSpec(table, first, options)
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
        )
    run.warn(
        "the query reads the inputs as revq's loader does, except that it does not: "
        + "; ".join(query.not_done)
    )
    used = {name: spec.table for name, spec in specs.items()}
    if dbt is not None:
        project_file = project_file or project.root / "revq.yaml"
        header = _dbt_header(project_file, config_path, dialect, as_of, dbt, dbt_refs or {})
        text = dbt_model(query, header, refs=dbt_refs)
        write_bytes_atomic(dbt, text.encode("utf-8"), inputs=[config_path], say=run.info)
        run.info(f"wrote the dbt model to {dbt} ({', '.join(sorted(used))} from its sources)")
    return CompileResult(dialect, query.sql, dbt, used, run)


def _dbt_header(
    project_file: Path,
    config_path: Path,
    dialect: Dialect | str,
    as_of: datetime | None,
    dbt: Path,
    refs: dict[str, str],
) -> list[str]:
    day = (as_of - timedelta(days=1)).date().isoformat() if as_of is not None else None
    command = ["revq", "compile", "--dialect", dialect, "--dbt", str(dbt)]
    if day is not None:
        command += ["--as-of", day]
    for name, model in refs.items():
        command += ["--dbt-ref", f"{name}={model}"]
    scored = "the end of the day the model runs (UTC)" if day is None else f"the end of {day}"
    return [
        f"revq scoring model: {_relative(config_path, project_file.parent)} "
        f"(sha256 {sha256_of(config_path)})",
        f"project: {project_file.name} (sha256 {sha256_of(project_file)})",
        f"revq {__version__}; dialect {dialect}; scored as of {scored}",
        f"written by: {shlex.join(command)}; do not edit: compile again",
    ]


def _relative(path: Path, root: Path) -> str:
    """A path as revq.yaml writes it: from the project's folder."""
    try:
        return Path(os.path.relpath(path.resolve(), root.resolve())).as_posix()
    except ValueError:  # another drive
        return path.name
