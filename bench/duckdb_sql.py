"""Run a SQL file in DuckDB with named values: each NAME=VALUE is set as a DuckDB variable the
file reads with getvariable('NAME') (file paths, the as-of day).

    python bench/duckdb_sql.py bench/realistic_scoring.sql leads=L.csv activities=A.csv ...
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb


def main() -> None:
    sql, *pairs = sys.argv[1:]
    con = duckdb.connect()
    for pair in pairs:
        name, value = pair.split("=", 1)
        con.execute(f"set variable {name} = ?", [value])
    con.execute(Path(sql).read_text())


if __name__ == "__main__":
    main()
