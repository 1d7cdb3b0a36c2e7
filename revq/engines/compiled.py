"""The scoring as one SQL query for a warehouse (`revq compile`): it reads the warehouse's
tables with their columns as the exports have them, maps them onto revq's canonical tables
inside the query, and scores them; written plain, or as a dbt model whose sources are
`{{ source('revq', 'leads') }}` (or `{{ ref('...') }}`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import ibis
import ibis.expr.datatypes as dt
import polars as pl
import sqlglot
import sqlglot.expressions as sge

from revq.config.models import LoadOptions
from revq.core.schema import TABLES, Kind
from revq.core.scoring.model import ScoringModel
from revq.engines.builtins import builtin
from revq.engines.connect import split_name
from revq.engines.contents import Entry
from revq.engines.dialects import Dialect
from revq.engines.ibis_scoring import existing, score_table
from revq.engines.inputs import RawInput, canonical_inputs
from revq.engines.load.canonical import Context, detect_table
from revq.engines.load.timestamps import NAIVE, UTC
from revq.engines.reading import kind_of
from revq.engines.sql import DAY_END_UTC, SQLGLOT_DIALECTS, compile_sql_steps
from revq.errors import InputError
from revq.io.text import decode, sniff_headers

# The lead column holding the time scored as of, when the query scores as of the day it runs.
AS_OF_COLUMN = "revq_as_of"
# A table's name in the query before its dbt source replaces it.
_PLACEHOLDER = "revq_dbt_source_{}"
SNIFF_BYTES = 256 * 1024
# The types a warehouse column is declared with (warehouse.tables.<input>.types).
COLUMN_TYPES: dict[str, dt.DataType] = {
    "text": dt.string,
    "timestamp": UTC,
    "datetime": NAIVE,
    "date": dt.date,
    "integer": dt.int64,
    "number": dt.float64,
    "boolean": dt.boolean,
}
# What a typed table (`revq compile --typed`) holds in a column revq reads as each kind: the
# types a connector such as Fivetran's writes. The other kinds (ids, text, picklists) are text.
TYPED_KINDS: dict[Kind, str] = {
    Kind.DATETIME: "timestamp",
    Kind.INTEGER: "integer",
    Kind.NUMBER: "number",
    Kind.BOOLEAN: "boolean",
}


@dataclass(frozen=True)
class TableSpec:
    """One input of the query: the warehouse table it reads, the export whose columns (and,
    for Parquet, types) the table has, and the types declared for its columns."""

    table: str
    export: Path
    options: LoadOptions
    types: Mapping[str, str] = field(default_factory=dict)  # column -> a COLUMN_TYPES name


# Told the canonical columns of the leads and the activities; raises for one a config reads
# that they lack.
ColumnCheck = Callable[[set[str], set[str] | None], None]


@dataclass(frozen=True)
class CompiledQuery:
    """The query; the load steps it does not take, in words; its steps (CTEs) in order; and
    the columns of each table it reads (input -> column -> type, as `column_type` names it)."""

    sql: str
    not_done: tuple[str, ...]
    steps: tuple[Entry, ...] = ()
    columns: dict[str, dict[str, str]] = field(default_factory=dict)


def column_type(dtype: dt.DataType) -> str:
    """A column's type as warehouse.tables.<input>.types writes it (else as Ibis does)."""
    if dtype.is_string():
        return "text"
    if dtype.is_timestamp():
        return "timestamp" if dtype.timezone is not None else "datetime"
    if dtype.is_integer():
        return "integer"
    if dtype.is_floating() or dtype.is_decimal():
        return "number"
    if dtype.is_date():
        return "date"
    if dtype.is_boolean():
        return "boolean"
    return str(dtype)


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


def table_schema(
    spec: TableSpec, input_name: str, *, timezone: str, dialect: Dialect, typed: bool
) -> ibis.Schema:
    """The columns of a warehouse table: the export's, with the types `spec` declares; with
    `typed`, each column the mapping reads as a date, number or flag has that type unless
    declared otherwise."""
    schema = export_schema(spec.export, spec.options)
    types = dict(schema.items())
    if typed:
        ctx = Context(Path(spec.table), spec.options, timezone, dialect)
        detection = detect_table(ibis.table(schema, name="raw"), ctx, input_name)
        columns = TABLES[detection.table]
        for canonical, header in detection.mapping.items():
            kind = TYPED_KINDS.get(columns.column(canonical).kind)
            if kind is not None and types[header].is_string():
                types[header] = COLUMN_TYPES[kind]
    types.update({column: COLUMN_TYPES[t] for column, t in spec.types.items()})
    return ibis.schema(types)


def compile_scoring(
    model: ScoringModel,
    specs: Mapping[str, TableSpec],
    *,
    dialect: Dialect,
    timezone: str,
    as_of: datetime | None,
    dbt_sources: bool = False,
    check_columns: ColumnCheck | None = None,
    typed: bool = False,
) -> CompiledQuery:
    """The scoring of the tables `specs` names, as one query in `dialect`; as of the end of
    the day it runs (UTC) when `as_of` is None. With `dbt_sources`, each table is named by a
    placeholder `dbt_model` replaces; with `typed`, the tables' date, number and flag columns
    are taken to have those types (see `table_schema`). `check_columns` is given the canonical
    columns of the leads and the activities (None without them) before the scoring reads
    them, to say which column a config reads that the exports do not give."""
    raw = {}
    columns: dict[str, dict[str, str]] = {}
    for input_name, spec in specs.items():
        zone = spec.options.timezone or timezone
        schema = table_schema(spec, input_name, timezone=zone, dialect=dialect, typed=typed)
        columns[input_name] = {name: column_type(dtype) for name, dtype in schema.items()}
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
        leads, moment = leads.mutate(**{AS_OF_COLUMN: builtin(DAY_END_UTC, UTC)()}), AS_OF_COLUMN
        leads = existing(leads, leads[AS_OF_COLUMN])
    else:
        moment = as_of
    expr = score_table(
        model,
        leads,
        activities=inputs.activities,
        signals=inputs.signals,
        as_of=moment,
        stripped=inputs.stripped,
    )
    query = compile_sql_steps(expr, dialect)
    sql = _portable(query.sql, dialect)
    return CompiledQuery(sql, inputs.not_done, query.steps, columns)


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
    `refs`). Braces that Jinja would read (of the query's own, or in a name the header
    quotes) are written as Jinja strings."""
    body = _jinja_safe(query.sql)
    for name in ("leads", "activities", "signals"):
        placeholder = _PLACEHOLDER.format(name)
        ref = (refs or {}).get(name)
        jinja = f"{{{{ ref('{ref}') }}}}" if ref else f"{{{{ source('revq', '{name}') }}}}"
        for quote in ('"', "`"):
            body = body.replace(f"{quote}{placeholder}{quote}", jinja)
        body = body.replace(placeholder, jinja)
    comments = _jinja_safe(comment_lines(header))
    return "\n".join([comments, "", "{{ config(materialized='table') }}", "", body]) + "\n"


def comment_lines(lines: list[str]) -> str:
    """Lines as SQL line comments; a control character (a line break would end the comment
    and start SQL) written as a space."""
    clean = ["".join(" " if ord(c) < 32 or c == "\x7f" else c for c in line) for line in lines]
    return "\n".join(f"-- {line}".rstrip() for line in clean)


def _jinja_safe(text: str) -> str:
    for opening in ("{{", "{%", "{#"):
        text = text.replace(opening, "\x00" + opening)
    text = text.replace("\x00{{", "{{ '{{' }}").replace("\x00{%", "{{ '{%' }}")
    return text.replace("\x00{#", "{{ '{#' }}")
