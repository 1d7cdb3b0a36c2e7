"""An engine opening the exports itself: CSV (every value as text, as revq reads it) and
Parquet (with its types), one file or several read as one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import ibis
import ibis.expr.types as ir

from revq.config.models import LoadOptions
from revq.engines.connect import Engine
from revq.engines.inputs import Kind
from revq.errors import InputError, RevqError
from revq.io.load import PARQUET_SUFFIXES
from revq.io.text import detect_delimiter

TEXT_SUFFIXES = (".csv", ".tsv", ".txt", ".csv.gz", ".tsv.gz")
BOM = "\ufeff"
GLOB_CHARACTERS = "*?[]{}"


def kind_of(path: Path) -> Kind:
    name = path.name.lower()
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    if name.endswith(TEXT_SUFFIXES):
        return "csv"
    raise RevqError(
        f"{path}: the engine reads CSV and Parquet exports; {path.suffix or 'this file'} is "
        "read by revq itself: leave --engine out (or name the polars engine)"
    )


def read_export(engine: Engine, files: Sequence[Path], opts: LoadOptions, name: str) -> ir.Table:
    """The files of one input, opened by the engine as one table named `name`."""
    kinds = {kind_of(f) for f in files}
    if len(kinds) > 1:
        raise RevqError(f"{files[0]}: one input's files are all CSV or all Parquet")
    for path in files:
        if not path.is_file():
            raise InputError(path, "not found (the engine reads files, not archives or folders)")
        if any(c in GLOB_CHARACTERS for c in str(path)):
            # DuckDB and Spark take such a path as a pattern, with no way to say otherwise:
            # leads[1].csv would read leads1.csv in its place.
            raise InputError(
                path,
                f"the {engine.label} engine reads a path with any of {GLOB_CHARACTERS} as a "
                "pattern of files, not as this file: rename it (or its folder), or leave "
                "--engine out",
            )
    paths = [str(f) for f in files]
    try:
        if kinds == {"parquet"}:
            table = _read_parquet(engine, paths, name)
        else:
            table = _read_csv(engine, paths, files[0], opts, name)
    except RevqError:
        raise
    except Exception as exc:  # each engine raises its own kinds for a file it cannot read
        first = engine.redact(str(exc)).strip().splitlines()
        raise InputError(
            files[0], f"the {engine.label} engine cannot read it: {first[0]}"
        ) from None
    return _clean_headers(table)


def _read_parquet(engine: Engine, paths: list[str], name: str) -> ir.Table:
    if engine.dialect != "spark":
        return engine.backend.read_parquet(paths, table_name=name)
    # Ibis hands Spark's reader one path (a list would be read as a path of its own): the
    # files are read one by one and put together.
    tables = [
        engine.backend.read_parquet(path, table_name=f"{name}_{i}" if len(paths) > 1 else name)
        for i, path in enumerate(paths)
    ]
    return tables[0] if len(tables) == 1 else ibis.union(*tables)


def _read_csv(
    engine: Engine, paths: list[str], first: Path, opts: LoadOptions, name: str
) -> ir.Table:
    delimiter = opts.delimiter or _delimiter(first)
    if engine.dialect == "spark":
        return engine.backend.read_csv(
            paths,
            table_name=name,
            header=True,
            inferSchema=False,
            sep=delimiter,
            multiLine=True,
            escape='"',
            encoding=opts.encoding or "UTF-8",
            mode="FAILFAST",
        )
    options = {"encoding": opts.encoding} if opts.encoding else {}
    return engine.backend.read_csv(
        paths,
        table_name=name,
        all_varchar=True,
        header=True,
        delim=delimiter,
        quote='"',
        escape='"',
        allow_quoted_nulls=False,
        **options,
    )


def _delimiter(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    line = head.decode("utf-8", errors="ignore").lstrip(BOM).splitlines()
    return detect_delimiter(line[0]) if line else ","


def _clean_headers(table: ir.Table) -> ir.Table:
    """Headers as revq reads them: trimmed, without a byte-order mark."""
    renames = {}
    for column in table.columns:
        clean = column.lstrip(BOM).strip()
        if clean != column and clean not in table.columns:
            renames[clean] = column
    return table.rename(**renames) if renames else table
