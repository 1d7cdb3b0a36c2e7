"""Reaching the engine a run names: DuckDB in this process, Spark (local or a cluster's master
URL), or a warehouse by its Ibis connection URL, with `${VAR}` read from the environment and
every credential kept out of what revq says."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir
import polars as pl

from revq.config.warehouse import (
    MissingVariable,
    expand_variables,
    redact_text,
    redact_url,
    secrets_of,
)
from revq.engines.compilers import DUCKDB
from revq.engines.dialects import BACKEND_DIALECT, Dialect
from revq.errors import RevqError

# `--engine spark`: Spark in this process, on two cores.
LOCAL_SPARK = "local[2]"
SPARK_MASTER = re.compile(r"^(spark://.+|local(\[(\d+|\*)\])?)$")
# The engines named by a word; anything else with :// is a connection URL.
WORDS = ("polars", "duckdb", "spark", "warehouse")


@dataclass
class Engine:
    """A connected engine: its Ibis backend, the SQL dialect it speaks, and how revq names it
    in messages (never with a credential)."""

    label: str
    backend: Any
    dialect: Dialect
    reads_files: bool
    secrets: list[str] = field(default_factory=list, repr=False)
    _closers: list[Callable[[], None]] = field(default_factory=list, repr=False)
    _tables: int = field(default=0, repr=False)

    def redact(self, text: str) -> str:
        """A message with every credential of this connection masked."""
        return redact_text(text, self.secrets)

    def collect(self, expr: ir.Table) -> pl.DataFrame:
        """An expression's rows, brought back as a polars frame."""
        with self._compiling():
            frame = self.backend.to_polars(expr)
        assert isinstance(frame, pl.DataFrame)
        return frame

    @contextmanager
    def _compiling(self) -> Iterator[None]:
        """Ibis merges each SELECT of a query into the next where it can, at a cost that grows
        faster than the query (for revq's scoring, most of the time Ibis takes to write it);
        DuckDB plans the nested SELECTs as it would the merged ones, so its queries are
        written as built."""
        if self.backend.name != "duckdb":
            yield
            return
        options = ibis.options.sql
        fused = options.fuse_selects
        options.fuse_selects = False
        try:
            yield
        finally:
            options.fuse_selects = fused

    def table(self, name: str) -> ir.Table:
        """A table of the engine by its name: TABLE, SCHEMA.TABLE or CATALOG.SCHEMA.TABLE."""
        table, where = split_name(name)
        found = self.backend.table(table, database=where)
        assert isinstance(found, ir.Table)
        return found

    def has_table(self, name: str) -> bool:
        """Whether the engine has the table (looked up, not listed: listing is what some
        backends' drivers do differently)."""
        try:
            self.table(name)
        except Exception:  # each backend says "no such table" its own way
            return False
        return True

    def materialise(self, expr: ir.Table) -> ir.Table:
        """An expression computed into a temporary table of the engine's (DuckDB, Spark), so
        that the queries that read it start from rows, not from the expression; a warehouse
        keeps the expression, for one query. A table of the engine's is itself."""
        name = self.backend.name
        if name not in ("duckdb", "pyspark") or _computed(expr):
            return expr
        self._tables += 1
        table = f"revq_step_{self._tables}"
        if name == "duckdb":
            with self._compiling():
                self.backend.create_table(table, expr, temp=True)
        else:
            frame = self.backend._session.sql(self.backend.compile(expr)).cache()
            frame.createOrReplaceTempView(table)
        found = self.backend.table(table)
        assert isinstance(found, ir.Table)
        return found

    @property
    def barrier(self) -> Callable[[ir.Table], ir.Table] | None:
        """Where a stage of a long query must be computed before the next: on Spark, whose
        optimiser folds each stage into the next until the plan outgrows the driver."""
        return self.materialise if self.dialect == "spark" else None

    def close(self) -> None:
        for close in self._closers:
            close()
        self._closers.clear()


def _computed(expr: ir.Table) -> bool:
    """Whether an expression is a table of the engine's (under a name of the query's, or not)."""
    op = expr.op()
    if isinstance(op, ops.AliasedRelation):
        op = op.parent
    return isinstance(op, ops.DatabaseTable)


def split_name(name: str) -> tuple[str, str | tuple[str, str] | None]:
    """'ANALYTICS.CONTACTS' -> ('CONTACTS', 'ANALYTICS'); a catalog too -> a pair."""
    *database, table = name.split(".")
    if len(database) == 2:
        return table, (database[0], database[1])
    return table, database[0] if database else None


def is_engine_url(spec: str) -> bool:
    return "://" in spec


def describe(spec: str) -> str:
    """How a run names an engine it was given: a URL without its password."""
    return redact_url(spec) if is_engine_url(spec) else spec


def connect(spec: str, warehouse_url: str | None = None) -> Engine:
    """The engine `--engine` names: duckdb, spark (local[2]), a Spark master URL (spark://...,
    local[N]), warehouse (the URL of revq.yaml's warehouse), or an Ibis connection URL."""
    if spec == "duckdb":
        return _duckdb()
    if spec == "spark" or SPARK_MASTER.match(spec):
        return _spark(LOCAL_SPARK if spec == "spark" else spec)
    if spec == "warehouse":
        if warehouse_url is None:
            raise RevqError(
                "--engine warehouse: revq.yaml names no warehouse to connect to (set "
                "warehouse.url and warehouse.tables)"
            )
        return _url(warehouse_url)
    if is_engine_url(spec):
        return _url(spec)
    raise RevqError(
        f"--engine {spec!r}: expected polars, duckdb, spark, a Spark master URL "
        "(spark://host:7077, local[4]), warehouse, or a connection URL such as "
        "duckdb:///path/wh.db or postgres://user:${REVQ_WAREHOUSE_PASSWORD}@host/db"
    )


def _duckdb() -> Engine:
    backend = ibis.duckdb.connect()
    backend.compiler = DUCKDB
    return Engine("duckdb", backend, "duckdb", reads_files=True, _closers=[backend.disconnect])


def _spark(master: str) -> Engine:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise RevqError(
            "--engine spark needs pyspark: pip install 'revq[spark]' (and a Java runtime)"
        ) from None
    try:
        with _jvm_output_discarded():
            session = (
                SparkSession.builder.master(master)
                .appName("revq")
                .config("spark.driver.memory", "2g")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .getOrCreate()
            )
    except Exception as exc:  # pyspark raises its own kinds when Java cannot start
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RevqError(
            f"--engine {master}: Spark did not start ({first}); Spark needs a Java runtime "
            "(17 or later: apt-get install default-jre-headless) and pyspark"
        ) from None
    session.sparkContext.setLogLevel("ERROR")
    backend = ibis.pyspark.connect(session)
    label = "spark" if master == LOCAL_SPARK else f"spark ({master})"
    return Engine(label, backend, "spark", reads_files=True, _closers=[session.stop])


@contextmanager
def _jvm_output_discarded() -> Iterator[None]:
    """Spark's JVM, started here, writes its notices and log lines to the standard error it
    inherits (a hostname warning, a native-library notice, code-generation fallbacks): revq's
    messages are its own, so the JVM is given none. Spark's errors still reach revq, as
    exceptions."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _url(url: str) -> Engine:
    shown = redact_url(url)
    try:
        expanded = expand_variables(url)
    except MissingVariable as exc:
        raise RevqError(
            f"{shown}: the environment variable {exc.name} is not set (the connection URL "
            f"names it as ${{{exc.name}}})"
        ) from None
    secrets = secrets_of(expanded)
    scheme = expanded.split("://", 1)[0].lower()
    try:
        backend = ibis.connect(expanded)
    except ImportError:
        raise RevqError(
            f"{shown}: the {scheme} backend needs its driver, not installed here: "
            f"pip install 'ibis-framework[{scheme}]'"
        ) from None
    except Exception as exc:  # drivers raise their own kinds; their text may quote the URL
        message = redact_text(str(exc), secrets).splitlines()
        first = message[0] if message else type(exc).__name__
        raise RevqError(f"cannot connect to {shown}: {first}") from None
    name = getattr(backend, "name", scheme)
    dialect = BACKEND_DIALECT.get(name)
    if dialect is None:
        backend.disconnect()
        known = ", ".join(sorted(BACKEND_DIALECT))
        raise RevqError(f"{shown}: revq does not score on the {name} backend (it does on {known})")
    if name == "duckdb":
        backend.raw_sql("SET TimeZone = 'UTC'")
        backend.compiler = DUCKDB
    return Engine(shown, backend, dialect, reads_files=name == "duckdb", secrets=secrets,
                  _closers=[backend.disconnect])  # fmt: skip
