"""The SQL dialects revq runs on or compiles to, and what differs between them that the
expressions revq builds must know (how a regular expression writes a character, how
milliseconds since the epoch become a timestamp)."""

from __future__ import annotations

from typing import Literal

import ibis

# What `revq compile --dialect` takes, and the Ibis compiler of each.
Dialect = Literal["duckdb", "spark", "databricks", "snowflake", "bigquery", "postgres"]
DIALECTS: tuple[Dialect, ...] = (
    "snowflake",
    "bigquery",
    "databricks",
    "postgres",
    "duckdb",
    "spark",
)
IBIS_COMPILER = {
    "duckdb": "duckdb",
    "spark": "pyspark",
    "databricks": "databricks",
    "snowflake": "snowflake",
    "bigquery": "bigquery",
    "postgres": "postgres",
}
# The Ibis backends revq connects to, by the dialect of their SQL (others: as their name).
BACKEND_DIALECT: dict[str, Dialect] = {
    "duckdb": "duckdb",
    "pyspark": "spark",
    "databricks": "databricks",
    "snowflake": "snowflake",
    "bigquery": "bigquery",
    "postgres": "postgres",
}

# The characters polars' strip_chars() takes for white space (Unicode White_Space), as each
# regular-expression flavour writes them: RE2 (DuckDB, BigQuery) and Java (Spark) read \x{HH};
# PostgreSQL \uHHHH; Snowflake's POSIX flavour gets the characters themselves.
_WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


# The same characters as ranges where they run on: (first, last) code points.
_RANGES = ((0x09, 0x0D), (0x20, 0x20), (0x85, 0x85), (0xA0, 0xA0), (0x1680, 0x1680),
           (0x2000, 0x200A), (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F),
           (0x3000, 0x3000))  # fmt: skip


def _escaped(code: int, dialect: Dialect) -> str:
    if code == 0x20:
        return " "
    if dialect == "postgres":
        return f"\\u{code:04X}"
    return f"\\x{{{code:02X}}}"


def white_space(dialect: Dialect) -> str:
    """The white-space characters, to go inside a regular expression's [...]."""
    if dialect == "snowflake":
        return _WHITE_SPACE
    out = []
    for first, last in _RANGES:
        out.append(_escaped(first, dialect))
        if last == first + 1:
            out.append(_escaped(last, dialect))
        elif last > first:
            out.append("-" + _escaped(last, dialect))
    return "".join(out)


def register_backend(dialect: Dialect) -> None:
    """Ibis sets up the Spark compiler's options when its backend is first reached."""
    if dialect == "spark":
        _ = ibis.pyspark
