"""The scoring expression as one SQL query for a warehouse's dialect."""

from __future__ import annotations

import importlib
import importlib.util

import ibis
from ibis.expr import types as ir

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


def compile_sql(expr: ir.Table, dialect: str) -> str:
    """`expr` as one SQL query in `dialect` (snowflake, bigquery, databricks, postgres,
    duckdb or spark). Its steps are CTEs named after the config's parts (revq_fit,
    revq_intent, revq_event_points, revq_scores, revq_decisions...).

    Raises:
        RevqError: an unknown dialect (the message lists the known ones).
    """
    compiler = DIALECTS.get(dialect)
    if compiler is None:
        known = ", ".join(DIALECTS)
        raise RevqError(f"unknown SQL dialect {dialect!r}; revq compiles to: {known}")
    if compiler == "pyspark":
        _load_spark_options()
    return str(ibis.to_sql(expr, dialect=compiler))


def _load_spark_options() -> None:
    """Ibis's Spark compiler reads options (how NaN is treated) that its backend registers
    when it is first named; the backend needs pyspark."""
    if importlib.util.find_spec("pyspark") is None:
        raise RevqError("compiling for Spark needs pyspark: pip install 'revq[spark]'")
    _ = ibis.pyspark
