"""The kind of event a table holds, by its name, for the tables that do not say it row by row:
a warehouse sync writes one table per activity type (marketo_activity_open_email_data.csv),
a CRM one per object (Task, Event). Each row's activity_type is its type column's value, or,
lacking one, the name of its table."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from revq.config.models import LoadOptions
from revq.io.load import LoadResult
from revq.io.presets import squash_header

# What an export's name ends with that says nothing of its rows.
_EXPORT_SUFFIX = re.compile(r"[_-]?(data|export|table)$", re.I)
_SEPARATORS = "_- ."


def table_kinds(files: Sequence[Path]) -> dict[Path, str]:
    """Each file's kind of event: the part of its name the other files of the input do not
    share (open_email among marketo_activity_*_data.csv; task and event for sf_task_data.csv
    and sf_event_data.csv), or for a file alone its name without `_data`."""
    stems = [_stem(f) for f in files]
    if len(stems) == 1:
        return {files[0]: _tidy(_EXPORT_SUFFIX.sub("", stems[0])) or _tidy(stems[0])}
    prefix = _at_separator(_common([s for s in stems]), forward=True)
    suffix = _at_separator(_common([s[::-1] for s in stems]), forward=False)
    out = {}
    for f, stem in zip(files, stems, strict=True):
        middle = stem[len(prefix) : len(stem) - len(suffix)]
        out[f] = _tidy(middle) or _tidy(stem)
    return out


def with_kind(options: LoadOptions, kind: str) -> LoadOptions:
    """Load options that give an events table without a type column its kind."""
    if "activity_type" in options.defaults:
        return options
    defaults = {**options.defaults, "activity_type": kind}
    return options.model_copy(update={"defaults": defaults})


def name_type_ids(result: LoadResult, kind: str) -> LoadResult:
    """Type ids the preset does not name (Marketo's 29 in its table of deleted leads) are the
    table's kind: a type id is a code, the table's name says what it stands for."""
    header = result.mapping.get("activity_type")
    if header is None or not squash_header(header).endswith("id"):
        return result
    code = pl.col("activity_type").str.contains(r"^\d+$").fill_null(False)
    if not result.frame.select(code.any()).item():
        return result
    frame = result.frame.with_columns(
        pl.when(code).then(pl.lit(kind)).otherwise(pl.col("activity_type")).alias("activity_type")
    )
    values = {c: v for c, v in result.values.items() if c != "activity_type"}
    return dataclasses.replace(result, rows=frame, values=values)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".zip"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name.rsplit(".", 1)[0] if "." in name else name


def _common(words: list[str]) -> str:
    first, last = min(words), max(words)
    same = next((i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), None)
    return first if same is None else first[:same]


def _at_separator(shared: str, *, forward: bool) -> str:
    """What the names share, cut back to a separator (so `email_` is not cut to `e`)."""
    cut = max(shared.rfind(c) for c in _SEPARATORS)
    kept = shared[: cut + 1] if cut >= 0 else ""
    return kept if forward else kept[::-1]


def _tidy(text: str) -> str:
    return text.strip(_SEPARATORS).lower().replace(" ", "_").replace("-", "_")
