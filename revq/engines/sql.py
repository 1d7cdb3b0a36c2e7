"""The scoring expression as one SQL query for a warehouse's dialect."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from functools import partial

import ibis
import sqlglot
import sqlglot.expressions as sge
from ibis.expr import types as ir

from revq.engines.compilers import DUCKDB
from revq.engines.contents import Entry, describe
from revq.engines.sql_tidy import (
    annotate_steps,
    ctes_of,
    fold_constants,
    order_steps,
    prune_columns,
)
from revq.engines.steps import LOOKUP, POINTS
from revq.errors import RevqError

# revq's dialect names -> Ibis's compilers (Spark SQL is Ibis's PySpark compiler).
DIALECTS = {
    "snowflake": "snowflake",
    "bigquery": "bigquery",
    "databricks": "databricks",
    "postgres": "postgres",
    "duckdb": "duckdb",
    "spark": "pyspark",
}
# The sqlglot dialect each query is written in (to parse it back).
SQLGLOT_DIALECTS = {name: ("spark" if name == "spark" else name) for name in DIALECTS}


# The end of the current day in UTC, when the query runs: Ibis writes this function's name,
# and each dialect's own SQL for it replaces it (Ibis's today() is the session's day, which
# is not UTC's in a session of another time zone, as a Snowflake session is by default).
DAY_END_UTC = "revq_day_end_utc"
# The next multiple of a day's 86,400 seconds after now, counted from the epoch: an instant,
# the same whatever the session's time zone (a UTC day has no leap second in epoch time).
_DAY_END_UTC_SQL = {
    "duckdb": "TO_TIMESTAMP((FLOOR(EPOCH(CURRENT_TIMESTAMP) / 86400) + 1) * 86400)",
    "postgres": "TO_TIMESTAMP((FLOOR(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) / 86400) + 1) * 86400)",
    "snowflake": "TO_TIMESTAMP_TZ((FLOOR(DATE_PART(EPOCH_SECOND, CURRENT_TIMESTAMP()) / 86400) "
    "+ 1) * 86400)",
    "bigquery": "TIMESTAMP_SECONDS((DIV(UNIX_SECONDS(CURRENT_TIMESTAMP()), 86400) + 1) * 86400)",
    "databricks": "TIMESTAMP_SECONDS((FLOOR(UNIX_TIMESTAMP() / 86400) + 1) * 86400)",
    "spark": "TIMESTAMP_SECONDS((FLOOR(UNIX_TIMESTAMP() / 86400) + 1) * 86400)",
}

# How long a run of text may grow before the query breaks it onto lines of its own (sqlglot's
# default, 80, breaks a CASE WHEN comparing two working columns onto four lines).
WIDTH = 100
# What a step no name of revq's describes is called in the table of contents.
UNDESCRIBED = "a step of the query"


@dataclass(frozen=True)
class SqlQuery:
    """One query, and its steps (CTEs) in the order it computes them."""

    sql: str
    steps: tuple[Entry, ...]


def compile_sql(expr: ir.Table, dialect: str) -> str:
    """`expr` as one SQL query in `dialect` (snowflake, bigquery, databricks, postgres,
    duckdb or spark). Its steps are CTEs named after the config's parts (revq_fit,
    revq_intent, revq_event_points, revq_scores, revq_decisions...).

    Raises:
        RevqError: an unknown dialect (the message lists the known ones).
    """
    return compile_sql_steps(expr, dialect).sql


def compile_sql_steps(expr: ir.Table, dialect: str) -> SqlQuery:
    """`expr` as one SQL query in `dialect`, made for reading (see revq.engines.sql_tidy):
    each step keeps only the columns later steps read, the steps come in reading order, and
    each opens with a comment saying what it computes; and the list of those steps.

    Raises:
        RevqError: an unknown dialect (the message lists the known ones).
    """
    compiler = DIALECTS.get(dialect)
    if compiler is None:
        known = ", ".join(DIALECTS)
        raise RevqError(f"unknown SQL dialect {dialect!r}; revq compiles to: {known}")
    if compiler == "pyspark":
        _load_spark_options()
    compilers = importlib.import_module("ibis.backends.sql.compilers")
    sql_compiler = DUCKDB if compiler == "duckdb" else getattr(compilers, compiler).compiler
    tree = sql_compiler.to_sqlglot(expr.unbind())
    tree = tree.transform(partial(_day_end_utc, dialect))
    if dialect in ("spark", "databricks"):
        tree = tree.transform(_instant_difference)
    tree = fold_constants(tree)
    prune_columns(tree)
    order_steps(tree)
    steps = tuple(_entry(cte) for cte in ctes_of(tree))
    notes = {step.name: step.note for step in steps}
    annotate_steps(tree, lambda cte: notes[cte.alias])
    sql = tree.sql(dialect=sql_compiler.dialect, pretty=True, max_text_width=WIDTH)
    return SqlQuery(str(sql), steps)


def _entry(cte: sge.CTE) -> Entry:
    """A step's entry in the table of contents: what it computes, and the columns of rules'
    points (and of lookups several rules read) it adds."""
    points = tuple(
        p.alias_or_name
        for p in cte.this.selects
        if p.alias_or_name.startswith((POINTS, LOOKUP)) and not isinstance(p, sge.Column)
    )
    return Entry(cte.alias, describe(cte.alias) or UNDESCRIBED, points)


def _day_end_utc(dialect: str, node: sge.Expression) -> sge.Expression:
    """The dialect's SQL for DAY_END_UTC."""
    if not (isinstance(node, sge.Anonymous) and node.name.lower() == DAY_END_UTC):
        return node
    parsed = sqlglot.parse_one(_DAY_END_UTC_SQL[dialect], read=SQLGLOT_DIALECTS[dialect])
    assert isinstance(parsed, sge.Expression)
    return parsed


def _instant_difference(node: sge.Expression) -> sge.Expression:
    """Spark's DATEDIFF(MICROSECOND, a, b) counts between local date-times in the session's
    time zone (an hour out across a DST change outside UTC); the difference of the two
    instants' UNIX_MICROS is the same in every session."""
    if not isinstance(node, sge.DateDiff | sge.TimestampDiff):
        return node
    unit = node.args.get("unit")
    if unit is None or unit.name.upper() != "MICROSECOND":
        return node
    later = sge.Anonymous(this="UNIX_MICROS", expressions=[node.this])
    earlier = sge.Anonymous(this="UNIX_MICROS", expressions=[node.expression])
    return sge.Paren(this=sge.Sub(this=later, expression=earlier))


def _load_spark_options() -> None:
    """Ibis's Spark compiler reads options (how NaN is treated) that its backend registers
    when it is first named; the backend needs pyspark."""
    if importlib.util.find_spec("pyspark") is None:
        raise RevqError("compiling for Spark needs pyspark: pip install 'revq[spark]'")
    _ = ibis.pyspark
