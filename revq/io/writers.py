"""Atomic, deterministic writers: a temp file in the target folder, then a rename. Each write
first sweeps the folder of the temporaries dead runs left there (`revq.io.temps`)."""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl

from revq.errors import RevqError
from revq.io import sources
from revq.io.formulas import escape_formulas
from revq.io.temps import held_temp_file, sweep, swept_message

# Where a writer says what it did besides writing (the temporaries it swept): a run's info.
Say = Callable[[str], None]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _publishable(tmp: str) -> None:
    """mkstemp makes owner-only files; a report or export gets the usual umask permissions."""
    os.chmod(tmp, 0o666 & ~_umask())


def refuse_input(path: Path, inputs: Iterable[Path]) -> None:
    """An error if `path` is one of `inputs` (patterns included): asked of every output
    before the first is written, so that no refused one leaves another half done."""
    sources.refuse_loop(path)
    target = sources.resolved(path)
    for pattern in inputs:
        named = sources.matching(pattern) if sources.is_pattern(pattern) else [pattern]
        if any(sources.resolved(src) == target for src in named):
            raise RevqError(f"{path}: refusing to overwrite an input file; choose another --out")


def _make_folder(path: Path) -> None:
    """The output's folder, made if needed; a file standing where a folder must be is named."""
    for folder in (path.parent, *path.parent.parents):
        if folder.exists():
            if not folder.is_dir():
                raise RevqError(f"{path}: {folder} is a file, not a folder to write into")
            break
    path.parent.mkdir(parents=True, exist_ok=True)


def write_bytes_atomic(
    path: Path, data: bytes, inputs: Iterable[Path] = (), *, say: Say | None = None
) -> None:
    """Write bytes (a report, a config, JSON) to `path` atomically, never over an input; what
    the sweep of the folder removed is said through `say`."""
    refuse_input(path, inputs)
    if path.exists() and not path.is_file():
        # /dev/stdout, a pipe: there is nothing to replace atomically, and renaming over a
        # device node would destroy it.
        with path.open("wb") as handle:
            handle.write(data)
        return
    _atomic_file(path, (), lambda tmp: Path(tmp).write_bytes(data), say)


def sweep_folder(folder: Path, say: Say | None = None) -> int:
    """Remove what dead runs left in a folder revq writes to, and say how many."""
    removed = sweep(folder)
    if removed and say is not None:
        say(swept_message(removed, folder))
    return removed


def csv_text(frame: pl.DataFrame, *, separator: str = ",", escape: bool = True) -> str:
    """A frame as CSV (or TSV) text, formula-safe unless `escape` is False (for a program,
    not a spreadsheet, to read)."""
    return (escape_formulas(frame) if escape else frame).write_csv(separator=separator)


def to_json(data: Any) -> str:
    """Stable JSON: sorted keys would reorder meaningful sections, so insertion order is kept.
    A figure that is not a finite number is null, no figure: JSON has no NaN or Infinity, and
    a reader of `"average_deal": Infinity` fails on the whole document."""
    return _dumps(_finite(data))


def _dumps(data: Any) -> str:
    # allow_nan=False: a non-finite float left anywhere is an error, never invalid JSON
    return json.dumps(data, indent=2, ensure_ascii=False, default=str, allow_nan=False) + "\n"


def _finite(data: Any) -> Any:
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(value) for value in data]
    return data


def frame_bytes(frame: pl.DataFrame, fmt: str, *, escape: bool = True) -> bytes:
    """A frame as CSV (formula-safe unless `escape` is False) or JSON (as it is, but for NaN
    and the infinities, null as in to_json and as polars writes JSON Lines)."""
    if fmt == "csv":
        return csv_text(frame, escape=escape).encode("utf-8")
    if fmt == "json":
        # nulled by polars, column by column: a pass over a million rows' dicts costs seconds
        floats = [c for c, dtype in frame.schema.items() if dtype.is_float()]
        finite = frame.with_columns(pl.when(pl.col(c).is_finite()).then(pl.col(c)) for c in floats)
        return _dumps(finite.to_dicts()).encode("utf-8")
    raise ValueError(fmt)


# Output types by suffix; a name without one (a device such as /dev/stdout) gets CSV.
FRAME_SUFFIXES = (".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".parquet", ".xlsx", "")
# JSON Lines: one object per line, as a warehouse load (BigQuery, Snowflake) takes it.
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# A worksheet's rows, the header included.
EXCEL_MAX_ROWS = 1_048_576


# What a text result (a backtest, a diff) is written as, by its file's suffix.
TEXT_SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json"}


def text_format(path: Path) -> str:
    """ "md" or "json", as `path` is named; an error for another name (a .csv would get JSON
    bytes a spreadsheet calls corrupt)."""
    fmt = TEXT_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise RevqError(
            f"{path}: cannot write a {path.suffix or 'suffix-less'!r} file; name it .md or "
            ".json, or pass --format"
        )
    return fmt


def check_frame_path(path: Path) -> None:
    """Refuse an output type revq cannot write before any work is done: an .xls or .docx name
    must not get CSV bytes that the program opening it calls corrupt."""
    if path.suffix.lower() not in FRAME_SUFFIXES:
        raise RevqError(
            f"{path}: cannot write a {path.suffix!r} file; name it .csv, .tsv, .json, "
            ".jsonl, .parquet or .xlsx"
        )


def _atomic_file(
    path: Path, inputs: Iterable[Path], write: Callable[[str], object], say: Say | None = None
) -> None:
    """Call write(tmp) for a temp file beside `path`, locked while it is written, then rename
    it over `path`."""
    refuse_input(path, inputs)
    _make_folder(path)
    sweep_folder(path.parent, say)
    with held_temp_file(path.parent, path.name) as tmp:
        try:
            write(str(tmp))
            _publishable(str(tmp))
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


# The most characters an Excel cell holds; xlsxwriter cuts a longer string without a word.
EXCEL_MAX_CHARS = 32_767


def _cut_to_cells(path: Path, frame: pl.DataFrame, say: Say | None) -> pl.DataFrame:
    """Text longer than a cell holds (a CRM's notes of a megabyte), cut to it, and said."""
    text = [n for n, t in frame.schema.items() if t == pl.String]
    if not text:
        return frame
    over = pl.col(text).str.len_chars().gt(EXCEL_MAX_CHARS).sum()
    too_long = int(frame.select(pl.sum_horizontal(over)).item())
    if not too_long:
        return frame
    if say is not None:
        say(
            f"{path}: {too_long:,} {'cell' if too_long == 1 else 'cells'} longer than Excel's "
            f"{EXCEL_MAX_CHARS:,} characters cut to fit; .csv or .parquet keeps them whole"
        )
    return frame.with_columns(pl.col(text).str.slice(0, EXCEL_MAX_CHARS))


def _write_xlsx(
    path: Path, frame: pl.DataFrame, tmp: str, escape: bool, say: Say | None = None
) -> None:
    import xlsxwriter  # only a workbook output needs it

    if frame.height + 1 > EXCEL_MAX_ROWS:
        raise RevqError(
            f"{path}: {frame.height:,} rows do not fit in a worksheet (at most "
            f"{EXCEL_MAX_ROWS - 1:,}); write .csv or .parquet instead"
        )
    # Excel has no time zones: timestamps (all UTC in revq) are written as UTC wall time.
    zoned = [n for n, t in frame.schema.items() if isinstance(t, pl.Datetime) and t.time_zone]
    frame = frame.with_columns(pl.col(zoned).dt.replace_time_zone(None))
    if escape:
        frame = escape_formulas(frame)
    frame = _cut_to_cells(path, frame, say)
    # Text is written as text whatever it starts with: left to itself, xlsxwriter writes a
    # string that starts with = as a live formula and one that looks like a URL as a link.
    workbook = xlsxwriter.Workbook(tmp, {"strings_to_formulas": False, "strings_to_urls": False})
    # A fixed creation time: the same rows give the same bytes.
    workbook.set_properties({"created": datetime(2000, 1, 1)})
    sheet = re.sub(r"[\[\]:*?/\\]", "_", path.stem)[:31] or "revq"
    frame.write_excel(workbook=workbook, worksheet=sheet, autofit=frame.height <= 10_000)
    workbook.close()


PARQUET_ROW_GROUP = 256 * 1024


def write_frame_atomic(
    path: Path,
    frame: pl.DataFrame,
    inputs: Iterable[Path] = (),
    *,
    escape: bool = True,
    say: Say | None = None,
) -> None:
    """Write CSV, TSV, JSON, JSON Lines, Parquet or an Excel workbook, by the file's suffix.
    CSV, TSV and workbooks are formula-safe unless `escape` is False (`escape_formulas`);
    JSON, JSON Lines and Parquet hold the values as they are."""
    check_frame_path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        # Without a set row-group size, pages follow chunk boundaries, which vary with thread
        # timing on large frames; with one, the bytes depend on the values alone (and, unlike
        # a rechunk, no copy of the frame is made).
        _atomic_file(
            path,
            inputs,
            lambda tmp: frame.write_parquet(
                tmp, statistics=False, row_group_size=PARQUET_ROW_GROUP
            ),
            say,
        )
        return
    if suffix == ".xlsx":
        _atomic_file(path, inputs, lambda tmp: _write_xlsx(path, frame, tmp, escape, say), say)
        return
    if suffix in JSONL_SUFFIXES:
        _atomic_file(path, inputs, lambda tmp: frame.write_ndjson(tmp), say)
        return
    if suffix == ".tsv":
        data = csv_text(frame, separator="\t", escape=escape).encode("utf-8")
    else:
        data = frame_bytes(frame, "json" if suffix == ".json" else "csv", escape=escape)
    write_bytes_atomic(path, data, inputs, say=say)


# Suffixes a lazy result can be streamed to, never held whole in memory.
SINK_SUFFIXES = (".parquet", ".csv", ".tsv", *JSONL_SUFFIXES)


def sink_frame_atomic(
    path: Path,
    frame: pl.LazyFrame,
    inputs: Iterable[Path] = (),
    *,
    escape: bool = True,
    say: Say | None = None,
) -> None:
    """Stream a lazy result to .parquet, .csv, .tsv or .jsonl: the same bytes `write_frame_atomic`
    writes for the collected frame (formula-safe CSV and TSV included), without holding the
    whole result in memory."""
    suffix = path.suffix.lower()
    if suffix not in SINK_SUFFIXES:
        raise ValueError(suffix)
    if suffix == ".parquet":
        _atomic_file(
            path,
            inputs,
            lambda tmp: frame.sink_parquet(tmp, statistics=False, row_group_size=PARQUET_ROW_GROUP),
            say,
        )
        return
    if suffix in JSONL_SUFFIXES:
        _atomic_file(path, inputs, lambda tmp: frame.sink_ndjson(tmp), say)
        return
    sep = "\t" if suffix == ".tsv" else ","
    safe = escape_formulas(frame) if escape else frame
    _atomic_file(path, inputs, lambda tmp: safe.sink_csv(tmp, separator=sep), say)
