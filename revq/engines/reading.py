"""An engine opening the exports itself: CSV (every value as text, as revq reads it) and
Parquet (with its types), one file or several read as one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import ibis.expr.types as ir

from revq.config.models import LoadOptions
from revq.engines.connect import Engine
from revq.engines.inputs import Kind
from revq.errors import InputError, RevqError
from revq.io.load import PARQUET_SUFFIXES
from revq.io.text import detect_delimiter

TEXT_SUFFIXES = (".csv", ".tsv", ".txt", ".csv.gz", ".tsv.gz")
BOM = "\ufeff"


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
    if engine.dialect == "spark":
        # Ibis's Spark backend reads one Parquet path; Spark itself reads several as one.
        frame = engine.backend._session.read.parquet(*paths)
        frame.createOrReplaceTempView(name)
        table = engine.backend.table(name)
        assert isinstance(table, ir.Table)
        return table
    table = engine.backend.read_parquet(paths, table_name=name)
    assert isinstance(table, ir.Table)
    return table


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
