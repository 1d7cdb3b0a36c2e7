"""The scoring as one SQL query for a warehouse (`revq compile`): it reads the warehouse's
tables with their columns as the exports have them, maps them onto revq's canonical tables
inside the query, and scores them; written plain, or as a dbt model whose sources are
`{{ source('revq', 'leads') }}` (or `{{ ref('...') }}`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import ibis
import ibis.expr.datatypes as dt
import polars as pl
import sqlglot
import sqlglot.expressions as sge

from revq.config.models import LoadOptions
from revq.core.scoring.model import ScoringModel
from revq.engines.connect import split_name
from revq.engines.dialects import Dialect
from revq.engines.ibis_scoring import score_table
from revq.engines.inputs import RawInput, canonical_inputs
from revq.engines.load.timestamps import UTC
from revq.engines.reading import kind_of
from revq.engines.sql import SQLGLOT_DIALECTS, compile_sql
from revq.errors import InputError
from revq.io.text import decode, sniff_headers

# The lead column holding the time scored as of, when the query scores as of the day it runs.
AS_OF_COLUMN = "revq_as_of"
# A table's name in the query before its dbt source replaces it.
_PLACEHOLDER = "revq_dbt_source_{}"
SNIFF_BYTES = 256 * 1024


@dataclass(frozen=True)
class TableSpec:
    """One input of the query: the warehouse table it reads, and the export whose columns
    (and, for Parquet, types) the table has."""

    table: str
    export: Path
    options: LoadOptions


# Told the canonical columns of the leads and the activities; raises for one a config reads
# that they lack.
ColumnCheck = Callable[[set[str], set[str] | None], None]


@dataclass(frozen=True)
class CompiledQuery:
    sql: str
    not_done: tuple[str, ...]


def export_schema(path: Path, opts: LoadOptions) -> ibis.Schema:
    """The columns of an export as a warehouse table holds them: every column text for a CSV
    (as a connector or a COPY INTO lands it), the file's own types for Parquet."""
    if kind_of(path) == "parquet":
        schema = pl.read_parquet_schema(path)
        return ibis.Schema.from_polars(schema)
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    text = decode(head[: head.rfind(b"\n") + 1] or head, path, opts.encoding)[0]
    headers = sniff_headers(text.lstrip("\ufeff"), opts.delimiter)
    if not headers:
        raise InputError(path, "has no header line: revq compile reads the columns from it")
    return ibis.schema({h: dt.string for h in headers})


def compile_scoring(
    model: ScoringModel,
    specs: Mapping[str, TableSpec],
    *,
    dialect: Dialect,
    timezone: str,
    as_of: datetime | None,
    dbt_sources: bool = False,
    check_columns: ColumnCheck | None = None,
) -> CompiledQuery:
    """The scoring of the tables `specs` names, as one query in `dialect`; as of the end of
    the day it runs (UTC) when `as_of` is None. With `dbt_sources`, each table is named by a
    placeholder `dbt_model` replaces. `check_columns` is given the canonical columns of the
    leads and the activities (None without them) before the scoring reads them, to say
    which column a config reads that the exports do not give."""
    raw = {}
    for input_name, spec in specs.items():
        schema = export_schema(spec.export, spec.options)
        if dbt_sources:
            table = ibis.table(schema, name=_PLACEHOLDER.format(input_name))
        else:
            name, where = split_name(spec.table)
            catalog, database = where if isinstance(where, tuple) else (None, where)
            table = ibis.table(schema, name=name, catalog=catalog, database=database)
        raw[input_name] = RawInput(table, Path(spec.table), spec.options, "table")
    inputs = canonical_inputs(raw, timezone=timezone, dialect=dialect)
    if check_columns is not None:
        activities = inputs.activities
        acts = set(activities.columns) if activities is not None else None
        check_columns(set(inputs.leads.columns), acts)
    leads = inputs.leads
    moment: datetime | str
    if as_of is None:
        # The end of the current day (UTC): events of the day the query runs count.
        today = ibis.today().cast(dt.Timestamp(scale=6)).cast(UTC) + ibis.interval(days=1)
        leads, moment = leads.mutate(**{AS_OF_COLUMN: today}), AS_OF_COLUMN
    else:
        moment = as_of
    expr = score_table(
        model, leads, activities=inputs.activities, signals=inputs.signals, as_of=moment
    )
    return CompiledQuery(_portable(compile_sql(expr, dialect), dialect), inputs.not_done)


def _portable(sql: str, dialect: Dialect) -> str:
    """The query as the dialect's engines run it: Databricks takes no precision on a
    TIMESTAMP (Ibis writes TIMESTAMP(6))."""
    if dialect != "databricks":
        return sql
    read = SQLGLOT_DIALECTS[dialect]
    tree = sqlglot.parse_one(sql, read=read)

    def plain(node: sge.Expression) -> sge.Expression:
        if isinstance(node, sge.DataType) and node.this == sge.DataType.Type.TIMESTAMP:
            return sge.DataType(this=sge.DataType.Type.TIMESTAMP)
        return node

    return str(tree.transform(plain).sql(dialect=read, pretty=True))


def dbt_model(
    query: CompiledQuery, header: list[str], *, refs: Mapping[str, str] | None = None
) -> str:
    """The query as a dbt model: `header` as comment lines, the config block, then the query
    reading `{{ source('revq', '<input>') }}` (or `{{ ref('<model>') }}` for the inputs in
    `refs`). Braces of the query's own that Jinja would read are written as Jinja strings."""
    body = query.sql
    for opening in ("{{", "{%", "{#"):
        body = body.replace(opening, "\x00" + opening)
    body = body.replace("\x00{{", "{{ '{{' }}").replace("\x00{%", "{{ '{%' }}")
    body = body.replace("\x00{#", "{{ '{#' }}")
    for name in ("leads", "activities", "signals"):
        placeholder = _PLACEHOLDER.format(name)
        ref = (refs or {}).get(name)
        jinja = f"{{{{ ref('{ref}') }}}}" if ref else f"{{{{ source('revq', '{name}') }}}}"
        for quote in ('"', "`"):
            body = body.replace(f"{quote}{placeholder}{quote}", jinja)
        body = body.replace(placeholder, jinja)
    comments = [f"-- {line}" if line else "--" for line in header]
    return "\n".join([*comments, "", "{{ config(materialized='table') }}", "", body]) + "\n"
