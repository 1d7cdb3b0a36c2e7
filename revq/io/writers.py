"""Atomic, deterministic writers: a temp file in the target folder, then a rename."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import polars as pl

from revq.errors import RevqError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _publishable(tmp: str) -> None:
    """mkstemp makes owner-only files; a report or export gets the usual umask permissions."""
    os.chmod(tmp, 0o666 & ~_umask())


def _guard(path: Path, inputs: Iterable[Path]) -> None:
    target = path.resolve()
    for src in inputs:
        if src.resolve() == target:
            raise RevqError(f"{path}: refusing to overwrite an input file; choose another --out")


def write_bytes_atomic(path: Path, data: bytes, inputs: Iterable[Path] = ()) -> None:
    _guard(path, inputs)
    if path.exists() and not path.is_file():
        # /dev/stdout, a pipe: there is nothing to replace atomically, and renaming over a
        # device node would destroy it.
        with path.open("wb") as handle:
            handle.write(data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        _publishable(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_json(data: Any) -> str:
    """Stable JSON: sorted keys would reorder meaningful sections, so insertion order is kept."""
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def frame_bytes(frame: pl.DataFrame, fmt: str) -> bytes:
    if fmt == "csv":
        return frame.write_csv().encode("utf-8")
    if fmt == "json":
        return to_json(frame.to_dicts()).encode("utf-8")
    raise ValueError(fmt)


def write_frame_atomic(path: Path, frame: pl.DataFrame, inputs: Iterable[Path] = ()) -> None:
    """Write CSV, JSON or Parquet by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        _guard(path, inputs)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        try:
            frame.write_parquet(tmp, statistics=False)
            _publishable(tmp)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return
    fmt = "json" if suffix == ".json" else "csv"
    write_bytes_atomic(path, frame_bytes(frame, fmt), inputs)
