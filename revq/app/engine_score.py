"""Scoring leads in another engine (`revq score --engine duckdb|spark|URL`): DuckDB or Spark
reading the exports itself, or a warehouse scoring its own tables; the scored leads written
into a table there (`--into`) or brought back, as the polars engine's, byte for byte."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl

from revq.app.inputs import load_options_for, project_input, timezone_of
from revq.app.results import Outcome
from revq.app.run import Run
from revq.app.scoring import left_out_said, scoring_config_path
from revq.config.models import ExportSpec, LoadOptions
from revq.config.scoring import check_columns, load_scoring
from revq.config.warehouse import WarehouseTable, WarehouseTables
from revq.core.scoring.export import export_rows
from revq.core.scoring.metrics import lead_counts, scoring_metrics
from revq.engines import session
from revq.engines.connect import Engine, connect, describe, is_engine_url
from revq.errors import RevqError
from revq.io.event_kinds import table_kinds, with_kind
from revq.io.exports import Export, expand, export_files
from revq.io.project import Project
from revq.io.writers import check_frame_path, frame_bytes, write_frame_atomic

INPUTS = ("leads", "activities", "signals")


@dataclass(frozen=True, eq=False, repr=False)
class EngineScoreResult(Outcome):
    """A scoring run in another engine: the scored leads brought back (`leads`), or written
    into a table of the engine (`into`, with `rows` written). What the polars engine counts
    of the load (rows rejected) is not measured: the engine leaves those rows out uncounted.

    Attributes:
        engine: the engine, as messages name it (a URL without its password).
        as_of: the end of the as-of day (UTC), what scoring counts up to.
        into: the table written, if any.
        rows: the leads scored.
    """

    engine: str
    as_of: datetime
    into: str | None
    rows: int
    counts: pl.DataFrame = field(repr=False)
    scored: pl.DataFrame | None = field(repr=False)
    inputs: list[Path] = field(repr=False)
    layout: ExportSpec | None = field(repr=False)
    export: str | None = field(repr=False)
    _run: Run = field(repr=False)

    @property
    def leads(self) -> pl.DataFrame:
        """The scored leads, as `revq score --format csv` writes them."""
        if self.scored is None:
            raise RevqError(f"the leads were written into {self.into}, not brought back")
        return self.scored

    @property
    def exported(self) -> pl.DataFrame:
        """The leads in the export layout (`revq score --export NAME`)."""
        if self.layout is None:
            raise RevqError("no export layout was named (export=NAME)")
        rows, missing = export_rows(
            self.leads.lazy(), self.layout.columns, self.layout.stages, self.layout.values
        )
        for column in missing:
            self._run.warn(
                f"exports.{self.export}: these leads have no {column}; its field is written empty"
            )
        return rows.collect()

    @property
    def rows_out(self) -> pl.DataFrame:
        """What the command outputs: the export layout, or the leads."""
        return self.exported if self.layout is not None else self.leads

    def metrics(self) -> dict[str, Any]:
        found = scoring_metrics(self.counts, 0, 0)
        found["rows_rejected"] = None  # not counted in an engine: never a gate that passed
        found["rejected_rate"] = None
        return found

    def _summary(self) -> dict[str, Any]:
        day = (self.as_of - timedelta(days=1)).date().isoformat()
        return {"engine": self.engine, "as_of": day, "leads": self.rows, "into": self.into}

    def head(self, n: int, *, to_work: bool = False) -> pl.DataFrame:
        """The first `n` scored leads; `to_work`: of those not converted already."""
        leads = self.leads.filter(pl.col("stage") != "converted") if to_work else self.leads
        return leads.head(n)

    def to_csv(self, *, escape_formulas: bool = True) -> str:
        return frame_bytes(self.rows_out, "csv", escape=escape_formulas).decode("utf-8")

    def to_json(self) -> str:
        return frame_bytes(self.rows_out, "json").decode("utf-8")

    def write(self, path: Path | str, *, escape_formulas: bool = True) -> int:
        """The rows to a file, atomically, by its suffix (the bytes the polars engine's
        `revq score --out PATH` writes); returns the rows written."""
        path = Path(path)
        check_frame_path(path)
        frame = self.rows_out
        with self._run.step(f"writing {path.name}"):
            write_frame_atomic(
                path,
                frame,
                inputs=self._run.guarded(*self.inputs),
                escape=escape_formulas,
                say=self._run.info,
            )
        return frame.height


def engine_score(
    run: Run,
    project: Project | None,
    *,
    engine: str,
    as_of: datetime,
    leads: Export | None = None,
    config: Path | None = None,
    activities: Path | None = None,
    signals: Path | None = None,
    into: str | None = None,
    export: str | None = None,
    layout: ExportSpec | None = None,
    source: str | None = None,
    load_config: Path | None = None,
) -> EngineScoreResult:
    """Score in `engine` (duckdb, spark, a Spark master URL, warehouse, or a connection URL).
    DuckDB and Spark read the exports (given, else revq.yaml's inputs); a warehouse its tables
    (warehouse.tables in revq.yaml). The load steps an engine's query cannot take are said in
    one warning."""
    config_path = scoring_config_path(project, config)
    compiled = load_scoring(config_path)  # config errors before any connection
    warehouse = project.config.warehouse if project is not None else None
    tables_mode = is_engine_url(engine) or engine == "warehouse"
    if into is not None and not tables_mode and engine == "duckdb":
        raise RevqError(
            "--into writes into a table of the engine, and --engine duckdb runs in memory: "
            "name a database, --engine duckdb:///path/to/wh.db"
        )
    if tables_mode:
        given = [p for p in (leads, activities, signals) if p is not None]
        if given:
            raise RevqError(
                f"--engine {describe(engine)} scores the warehouse's tables (warehouse.tables "
                "in revq.yaml), not files: leave the files out, or use --engine duckdb"
            )
        sources = _table_sources(run, project, warehouse.tables if warehouse else None, source)
    else:
        sources = _file_sources(run, project, leads, activities, signals, source, load_config)
    with run.step(f"connecting to {describe(engine)}"):
        connected = connect(engine, warehouse.url if warehouse is not None else None)
    try:
        return _score(
            run, project, connected, sources, compiled, config_path, as_of, into, export, layout
        )
    finally:
        connected.close()


def _score(
    run: Run,
    project: Project | None,
    engine: Engine,
    sources: dict[str, session.Source],
    compiled: Any,
    config_path: Path,
    as_of: datetime,
    into: str | None,
    export: str | None,
    layout: ExportSpec | None,
) -> EngineScoreResult:
    if tables_missing := [
        t for t, s in sources.items() if s.table is not None and not engine.has_table(s.table)
    ]:
        if "leads" in tables_missing:
            raise RevqError(
                f"{engine.label}: no table {sources['leads'].table} (warehouse.tables.leads in "
                "revq.yaml)"
            )
        for table in tables_missing:
            run.warn(f"{engine.label}: no table {sources[table].table}; scoring without {table}")
            del sources[table]
    with run.step(f"reading the inputs in {engine.label}"):
        raw = session.open_sources(engine, sources)
        prepared = session.prepare(engine, raw, timezone=timezone_of(project))
    for table, found in prepared.detections.items():
        run.info(
            f"{sources[table].name.name}: {found.vendor} {table}: read by the {engine.label} engine"
        )
    run.warn(
        f"the {engine.label} engine reads the inputs in its own query, which does not: "
        + "; ".join(prepared.not_done)
    )
    check_columns(
        compiled,
        config_path,
        set(prepared.leads.columns),
        set(prepared.activities.columns) if prepared.activities is not None else None,
    )
    model = compiled.model
    if model.events is not None and prepared.activities is None:
        run.warn(
            "the config scores events but no activities were given; intent.events rules are skipped"
        )
    if model.signals is not None and prepared.signals is None:
        run.warn("the config scores signals but no signals were given")
    later = session.created_later(engine, prepared, as_of)
    if later:
        run.info(left_out_said(later))
    expr = session.score(engine, model, prepared, as_of)
    files = [f for s in sources.values() for f in s.files] + [config_path]
    if into is not None:
        with run.step(f"scoring into {into}"):
            rows = session.write_into(engine, expr, into)
            counts = session.counts_in(engine, into)
        scored = None
    else:
        with run.step(f"scoring in {engine.label}"):
            scored = session.collect_scored(engine, expr)
        rows, counts = scored.height, lead_counts(scored)
    return EngineScoreResult(
        engine.label, as_of, into, rows, counts, scored, files, layout, export, run
    )


def _file_sources(
    run: Run,
    project: Project | None,
    leads: Export | None,
    activities: Path | None,
    signals: Path | None,
    source: str | None,
    load_config: Path | None,
) -> dict[str, session.Source]:
    given: dict[str, Export | None] = {"leads": leads, "activities": activities, "signals": signals}
    out: dict[str, session.Source] = {}
    for table in INPUTS:
        named = given[table]
        if named is None:
            named = project_input(run, project, table)
        elif any(not f.exists() for f in export_files(named)):
            missing = next(f for f in export_files(named) if not f.exists())
            raise RevqError(f"{missing}: not found")
        if named is None:
            if table == "leads":
                raise RevqError("no leads file: pass one, or set inputs.leads in revq.yaml")
            continue
        files = expand(named)
        first = files[0]
        if table == "leads":
            options = load_options_for(project, first, table, load_config, source=source)
        else:
            options = load_options_for(project, first, table)
        if table == "activities" and len(files) == 1:
            # A table of one kind of event without a type column: its rows are of the kind
            # its name says, as revq's loader reads it (several files are one table here).
            options = with_kind(options, table_kinds(files)[first])
        out[table] = session.Source(options, files=tuple(files))
    return out


def _table_sources(
    run: Run, project: Project | None, tables: WarehouseTables | None, source: str | None
) -> dict[str, session.Source]:
    names = tables or WarehouseTables()
    out = {}
    for table in INPUTS:
        named: WarehouseTable | None = getattr(names, table)
        if named is None:
            continue
        options: LoadOptions = project.load_options(table) if project is not None else LoadOptions()
        if table == "leads" and source is not None:
            options = options.model_copy(update={"source": source})
        out[table] = session.Source(options.model_copy(update={"table": table}), table=named.name)
    return out
