"""A scoring run in an engine, end to end: the raw inputs opened (files the engine reads, or
a warehouse's tables), mapped onto revq's canonical tables, scored by the one scoring
expression, and the result written into a table of the engine or brought back."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import ibis.expr.types as ir
import polars as pl
import sqlglot.expressions as sge

from revq.config.models import LoadOptions
from revq.core.scoring.columns import OUTPUT, SCORES
from revq.core.scoring.engine import by_score
from revq.core.scoring.model import ScoringModel
from revq.engines import ibis_scoring
from revq.engines.connect import Engine, split_name
from revq.engines.errors import NotCompiled
from revq.engines.ibis_scoring import score_table
from revq.engines.inputs import EngineInputs, RawInput, canonical_inputs
from revq.engines.reading import kind_of, read_export
from revq.engines.time import instant
from revq.errors import RevqError
from revq.io.mapping import Detection


@dataclass(frozen=True)
class Source:
    """Where one input is: files the engine opens, or a table of the warehouse."""

    options: LoadOptions
    files: tuple[Path, ...] = ()
    table: str | None = None

    @property
    def name(self) -> Path:
        """What messages call it."""
        if self.table is not None:
            return Path(self.table)
        return self.files[0] if len(self.files) == 1 else Path(" + ".join(map(str, self.files)))


@dataclass(frozen=True)
class Prepared:
    """A run's canonical tables in the engine, and what its inputs were read as."""

    leads: ir.Table
    activities: ir.Table | None
    signals: ir.Table | None
    detections: dict[str, Detection]
    not_done: tuple[str, ...]
    stripped: dict[str, frozenset[str]]


@contextmanager
def engine_errors(engine: Engine, doing: str) -> Iterator[None]:
    """An engine's own failure as one line naming the engine, with no credential in it."""
    try:
        yield
    except RevqError:
        raise
    except NotCompiled as exc:
        raise RevqError(f"the {engine.label} engine cannot score this config: {exc}") from None
    except Exception as exc:  # each engine and driver raises its own kinds
        lines = [line for line in engine.redact(str(exc)).splitlines() if line.strip()]
        first = lines[0].strip() if lines else type(exc).__name__
        raise RevqError(f"the {engine.label} engine failed {doing}: {first}") from None


def open_sources(engine: Engine, sources: Mapping[str, Source]) -> dict[str, RawInput]:
    """Each input as a raw table of the engine."""
    raw = {}
    for table, source in sources.items():
        if source.table is not None:
            with engine_errors(engine, f"to open {source.table}"):
                found = engine.table(source.table)
            raw[table] = RawInput(found, source.name, source.options, "table")
        else:
            opened = read_export(engine, list(source.files), source.options, f"revq_{table}")
            raw[table] = RawInput(opened, source.name, source.options, kind_of(source.files[0]))
    return raw


def prepare(engine: Engine, raw: Mapping[str, RawInput], *, timezone: str) -> Prepared:
    """The raw inputs mapped onto canonical tables, computed into temporary tables where the
    engine keeps them (DuckDB, Spark); a warehouse keeps them in its one query. DuckDB reads
    the activities in the scoring query itself (it reads them once there): a table of every
    activity would cost writing them, and holding them."""
    with engine_errors(engine, "to read the inputs"):
        inputs: EngineInputs = canonical_inputs(
            raw,
            timezone=timezone,
            dialect=engine.dialect,
            collect=engine.collect,
            barrier=engine.barrier,
            keep=engine.materialise,
        )
        leads = engine.materialise(inputs.leads)
        activities = inputs.activities
        signals = inputs.signals
        if activities is not None and engine.dialect != "duckdb":
            activities = engine.materialise(activities)
        signals = engine.materialise(signals) if signals is not None else None
    return Prepared(leads, activities, signals, inputs.detections, inputs.not_done, inputs.stripped)


def score(engine: Engine, model: ScoringModel, prepared: Prepared, as_of: datetime) -> ir.Table:
    """The scored leads, as one expression of the engine."""
    with engine_errors(engine, "to build the scoring"):
        return score_table(
            model,
            prepared.leads,
            activities=prepared.activities,
            signals=prepared.signals,
            as_of=as_of,
            stripped=prepared.stripped,
        )


def created_later(engine: Engine, prepared: Prepared, as_of: datetime) -> int:
    """How many leads were created after `as_of`, which scoring leaves out (`existing`)."""
    later = ibis_scoring.created_later(prepared.leads, instant(as_of))
    if later is None:
        return 0
    with engine_errors(engine, "to count the leads created after the as-of time"):
        return int(later.count().to_pyarrow().as_py())


def collect_scored(engine: Engine, expr: ir.Table) -> pl.DataFrame:
    """The scored leads brought back, typed and ordered as the polars engine gives them."""
    with engine_errors(engine, "to score the leads"):
        frame = engine.collect(expr)
    types = {c: pl.Float64 if c in SCORES else pl.String for c in frame.columns}
    frame = frame.cast(types)  # type: ignore[arg-type]
    keep = [c for c in OUTPUT if c in frame.columns]
    return by_score(frame.lazy().select(keep)).collect()


def write_into(engine: Engine, expr: ir.Table, target: str) -> int:
    """The scored leads written into a table of the engine (replaced if there); the rows
    written."""
    name, where = split_name(target)
    catalog, schema = where if isinstance(where, tuple) else (None, where)
    quoted = sge.table_(name, db=schema, catalog=catalog, quoted=True).sql(dialect=engine.dialect)
    with engine_errors(engine, f"to write {target}"):
        # Dropped, then created: the replacing form differs between engines.
        engine.backend.raw_sql(f"DROP TABLE IF EXISTS {quoted}")
        written = engine.backend.create_table(name, expr, database=where)
        count = written.count().to_pyarrow().as_py()
    return int(count)


def counts_in(engine: Engine, target: str) -> pl.DataFrame:
    """Leads per stage, quadrant, gate and whether owned, counted in the engine's table (what
    the summary and the --fail-on metrics read)."""
    with engine_errors(engine, f"to count {target}"):
        table = engine.table(target)
        counted = table.group_by("stage", "quadrant", "gate", owned=table["owner"].notnull()).agg(
            len=table.count()
        )
        frame = engine.collect(counted)
    return frame.with_columns(pl.col("len").cast(pl.UInt32))
