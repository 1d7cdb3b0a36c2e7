"""A clean delimited export, read straight by polars.

Most large exports are plain: one record a line, the header first, no blank line, no ragged
row, no report footer. For them, the line-by-line accounting of `text.read_delimited` (which
splits the file into lines, joins lines into records and counts each record's fields) finds
nothing, and costs more than parsing the file. Here a few passes over the bytes prove a file
plain, and polars parses it as `read_delimited` would; any doubt returns None, and the file is
read the careful way. The two give the same table for every file this one accepts, which
tests/test_plain_csv.py checks on generated files.

A file on disk is mapped rather than read (`mapped`), and polars parses it from its path:
neither copies the export into memory, which for a large one is time and its size at the peak.
"""

from __future__ import annotations

import codecs
import mmap
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from revq.core.schema import LINE
from revq.errors import InputError
from revq.io.text import (
    BLANK,
    DELIMITERS,
    PREAMBLE_WINDOW,
    RawTable,
    bare_text,
    empty_rejects,
    find,
    footer_like,
    has_lone_cr,
    header_start,
    settle_headers,
    split_header,
    warn_replacement_characters,
)

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

# Bytes the census counts at a time: small enough that each of its passes over a slice
# (delimiters, line ends, quotes, the spans between quotes) finds it still in the core's cache;
# slices of a MiB were measured slower on the realistic bench's quoted leads export.
_CHUNK = 1 << 17


# The bytes of an export: read into memory, or mapped from its file.
Buffer = bytes | mmap.mmap


@contextmanager
def mapped(file: Path) -> Iterator[Buffer | None]:
    """The file mapped read-only for as long as the block runs (None: it is empty). Where
    the file system cannot map it, its bytes are read instead."""
    with file.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            yield None
            return
        try:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            yield handle.read()
            return
        with data:
            yield data


def read_plain(
    path: Path,
    data: Buffer,
    *,
    file: Path | None = None,
    encoding: str | None,
    delimiter: str | None,
    null_values: list[str],
) -> RawTable | None:
    """The export read by polars, when it is provably plain; else None. `file`: the file
    `data` is mapped from, which polars then parses itself (by default, it parses `data`)."""
    if encoding is not None or null_values or not len(data):
        return None  # (a null value is matched against a field, not the line's text)
    # every leading mark (a file saved twice with one), as the careful reader decodes it
    skip = 0
    while data[skip : skip + 3] == codecs.BOM_UTF8:
        skip += 3
    bom = skip > 0
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return None
    if find(data, b"\x00") >= 0 or has_lone_cr(data):
        return None
    leading = _leading_lines(data, PREAMBLE_WINDOW + 1, skip=skip)
    if not leading or any(pl.Series(leading, dtype=pl.String).str.contains(BLANK)):
        return None  # (no line at all: a byte-order mark alone)
    start, delim = header_start(leading[:PREAMBLE_WINDOW], delimiter)
    fields = split_header(leading[0], delim)
    if start or delim not in DELIMITERS or len(fields) < 1 or fields[-1].strip() == "":
        return None
    census = _Census(data, delim, len(fields))
    if not (census.quotes_close and census.rows_full) or _last_line_is_footer(data, delim):
        return None
    lines = census.line_ends + (0 if data[-1:] == b"\n" else 1)
    warnings: list[str] = []
    headers = settle_headers(path, fields, 1, warnings)
    warn_replacement_characters(data, warnings)
    seen = _identity(file) if file is not None else None
    parsed = file if file is not None else data
    assert not isinstance(parsed, mmap.mmap), "a mapped export is parsed from its file"
    if isinstance(data, mmap.mmap) and hasattr(mmap, "MADV_DONTNEED"):
        # Every byte is counted: the mapping's pages are let go before polars maps the file
        # again, rather than counted twice in the process's memory.
        data.madvise(mmap.MADV_DONTNEED)
    try:
        frame = pl.read_csv(
            parsed,
            has_header=True,
            separator=delim,
            infer_schema=False,
            quote_char='"',
            glob=False,  # a name such as leads[1].csv is the file itself, not a pattern
            # Numbered as parsed, so the line numbers come in the columns' chunks: a column
            # chunked otherwise makes polars copy every column into one chunk at the first
            # select. Each record is one line here, the header the first.
            row_index_name=LINE,
            row_index_offset=2,
        )
    except pl.exceptions.PolarsError:
        return None  # a long row, a stray quote, bytes that are not UTF-8: read with care
    if file is not None and _identity(file) != seen:
        raise InputError(path, "changed while revq read it; run again once the export is written")
    if frame.height == 0 or frame.height != lines - 1 or frame.width != len(headers) + 1:
        return None  # a record over several lines, or polars skipped a line
    # The columns by position (the row index first), named as revq names them: polars names
    # repeated or empty headers its own way.
    line, *values = frame.get_columns()
    named = (v.alias(h) for v, h in zip(values, headers, strict=True))
    frame = pl.DataFrame([*named, line.cast(pl.Int64)])  # LINE last, as read_delimited
    if _has_blank_row(frame, headers):
        return None
    return RawTable(
        path=path,
        headers=headers,
        frame=frame,
        encoding="utf-8-sig" if bom else "utf-8",
        delimiter=delim,
        rows_read=frame.height,
        footer_rows=0,
        blank_lines=0,
        rejects=empty_rejects(),
        warnings=warnings,
    )


class _Census:
    """What the careful reader would find in a file's lines, from one pass over its bytes a
    slice at a time: how many lines end, whether each line holds an even number of quotes (no
    quoted field runs over a line end, no stray quote opens one: each line is one record), and
    whether every line after the header has as many fields as the header. Fields are counted
    as the careful reader counts them: delimiters outside quoted text, which (with quotes
    even on every line) is the text between a line's first and second quote, third and
    fourth, and so on.

    Delimiters are totalled, not placed line by line. A line with more fields than the header
    makes polars refuse the file (tests/test_plain_csv.py holds it to that; polars takes fewer
    quotes for quoting than this count does, so it finds at least as many fields), so if the
    delimiters outside quotes total as many as full lines hold, no line is short either. The
    header is not held to its own count, and the last line when no line end follows it is
    counted alone: polars drops its extra empty field."""

    def __init__(self, data: Buffer, delim: str, width: int) -> None:
        import numpy as np  # here: every command imports this module, few read a CSV

        view = np.frombuffer(data, dtype=np.uint8)
        quoted = find(data, b'"') >= 0
        self.line_ends = 0
        self.quotes_close = self.rows_full = True
        quotes = 0  # quotes before the slice
        outside = 0  # delimiters outside quotes, in every line
        for at in range(0, view.size, _CHUNK):
            chunk = view[at : at + _CHUNK]
            is_delim = chunk == ord(delim)
            outside += int(np.count_nonzero(is_delim))
            if not quoted:
                self.line_ends += int(np.count_nonzero(chunk == ord("\n")))
                continue
            ends = np.flatnonzero(chunk == ord("\n"))
            marks = np.flatnonzero(chunk == ord('"'))
            if ((quotes + np.searchsorted(marks, ends)) % 2).any():
                self.quotes_close = False
                return
            outside -= _delimiters_inside(is_delim, marks, opened=quotes % 2 == 1)
            quotes += marks.size
            self.line_ends += ends.size
        self.quotes_close = quotes % 2 == 0
        if not self.quotes_close or not self.line_ends:
            return  # a header alone: no row to count
        header = _outside_quotes(data[: data.find(b"\n")], delim)
        rows = self.line_ends - 1
        if data[-1:] != b"\n":
            last = _outside_quotes(data[data.rfind(b"\n") + 1 :], delim)
            if last != width - 1:
                self.rows_full = False
                return
            outside -= last
        self.rows_full = outside - header == (width - 1) * rows


def _delimiters_inside(
    is_delim: NDArray[np.bool_], marks: NDArray[np.intp], *, opened: bool
) -> int:
    """Delimiters inside quotes in a slice. A quoted span runs from an odd quote of its line to
    the next (`opened`: the slice starts inside one, which may run past its end); each span's
    delimiters are summed in one pass over the slice."""
    import numpy as np

    if opened:
        marks = np.concatenate(([0], marks))
    if not marks.size:
        return 0
    # Sums over [mark, next mark) and the last one to the end: every other one is inside a
    # span. Two marks are never equal but for a span opened before the slice and closed at its
    # first byte, whose sum, the quote's, is nought.
    sums = np.add.reduceat(is_delim, marks, dtype=np.int64)
    return int(sums[0::2].sum())


def _outside_quotes(line: Buffer, delim: str) -> int:
    """Delimiters outside quotes in one line (quotes even in it)."""
    return sum(part.count(delim.encode()) for part in bytes(line).split(b'"')[0::2])


def _identity(file: Path) -> tuple[int, int, int]:
    """What tells the file polars parsed from the one that was mapped: the same file, and not
    written since."""
    found = os.stat(file)
    return found.st_ino, found.st_size, found.st_mtime_ns


def _leading_lines(data: Buffer, count: int, *, skip: int) -> list[str] | None:
    """The first `count` lines as text (None: not UTF-8), without copying the rest."""
    lines: list[str] = []
    at = skip
    while len(lines) < count and at < len(data):
        end = data.find(b"\n", at)
        end = len(data) if end < 0 else end
        try:
            lines.append(data[at:end].decode("utf-8").removesuffix("\r"))
        except UnicodeDecodeError:
            return None
        at = end + 1
    return lines


def _last_line_is_footer(data: Buffer, delim: str) -> bool:
    """A report footer ends the file: if the last line is not one, there is none."""
    end = len(data)
    while end and data[end - 1] in b"\r\n":
        end -= 1
    last = data[data.rfind(b"\n", 0, end) + 1 : end].decode("utf-8", errors="replace")
    found = pl.select(footer_like(bare_text(pl.lit(last), delim))).item()
    return bool(found)


def _has_blank_row(frame: pl.DataFrame, columns: list[str]) -> bool:
    """A row of nothing but white space, quotes and delimiters in `columns`: a blank line to
    the careful reader, which counts it rather than reading it. Only rows whose first value is
    blank are tested further: in most files, none."""
    first, *rest = columns
    maybe = frame.filter(pl.col(first).str.contains(BLANK).fill_null(True))
    if maybe.height == 0 or not rest:
        return maybe.height > 0
    blank = pl.all_horizontal(pl.col(c).str.contains(BLANK).fill_null(True) for c in rest)
    return bool(maybe.select(blank.any()).item())
