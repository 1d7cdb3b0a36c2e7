"""`-` as an export: standard input, so that an API answer or a query can be piped straight in
(`sf data query --json ... | revq score -`).

The loader sniffs a file's encoding, delimiter and table before it reads it, and reads some
files twice, so standard input is first kept whole in a temporary file, named for what its
bytes look like (`stdin.csv`, `stdin.json`, ...): that name is the one messages give."""

from __future__ import annotations

import gzip
import io
import json
from dataclasses import replace
from pathlib import Path

import polars as pl

from revq.errors import RevqError
from revq.io import sources
from revq.io.load import LoadResult
from revq.io.temps import spool_folder, sweep, system_temp

_spools: list[Path] = []  # every spool of this process, to name in messages


def stdin_suffix(data: bytes) -> str:
    """The file type standard input's bytes are: Parquet, a workbook, a zip archive, gzip (and
    what it holds), JSON, JSON Lines, or delimited text (whose delimiter the loader sniffs as
    for any file)."""
    if data.startswith(b"PAR1"):
        return ".parquet"
    if data.startswith(b"PK\x03\x04"):  # a zip: a workbook, or an archive of exports
        if b"opendocument.spreadsheet" in data[:200]:  # OpenDocument names its type first
            return ".ods"
        return ".xlsx" if b"[Content_Types].xml" in data[:4096] or b"xl/" in data[:4096] else ".zip"
    if data.startswith(b"\x1f\x8b"):  # gzip: named for what it holds once decompressed
        try:
            inner = gzip.GzipFile(fileobj=io.BytesIO(data)).read(1 << 16)
        except (OSError, EOFError):
            return ".csv.gz"  # the loader says what is wrong with it
        return stdin_suffix(inner) + ".gz"
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # the compound file of a legacy .xls
        return ".xls"
    head = data[: 1 << 16].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head[:1] not in (b"{", b"["):
        return ".csv"
    # JSON Lines: a whole object on the first line and more after it. A pretty-printed or a
    # one-line document fails one of the two.
    first, _, rest = head.partition(b"\n")
    if rest.strip():
        try:
            return ".jsonl" if isinstance(json.loads(first), dict) else ".json"
        except ValueError:
            return ".json"
    return ".json"


def spool(data: bytes) -> Path:
    """Standard input's bytes kept in a temporary file removed when the process exits."""
    if not data:
        raise RevqError("standard input (-) is empty: pipe an export into revq, or name a file")
    path = spool_folder() / f"stdin{stdin_suffix(data)}"
    path.write_bytes(data)
    several = sources.several_exports(path)
    if several is not None:  # its members cannot be named after a pipe
        names = ", ".join(n for n, _ in several)
        raise RevqError(
            f"standard input (-) is a zip archive of {len(several)} exports ({names}): save it "
            "and name one as export.zip/MEMBER"
        )
    _spools.append(path)
    return path


def sweep_spools() -> int:
    """Remove the standard input that killed runs left in the system's temporary folder;
    returns how many."""
    return sweep(system_temp())


def shown(message: str) -> str:
    """A message with standard input's temporary file named as the load line names it."""
    for path in _spools:
        message = message.replace(str(path), path.name)
    return message


def shown_result(result: LoadResult) -> LoadResult:
    """A load of standard input named `stdin.csv` (...) in what is shown and written, rather
    than by its temporary file."""
    if result.path not in _spools:
        return result
    name = result.path.name
    rejects = result.rejects.with_columns(pl.lit(name).alias("source_file"))
    return replace(result, path=Path(name), rejects=rejects)
