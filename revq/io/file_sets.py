"""Several exports read as one input: the activity table per type a warehouse sync writes,
monthly lead exports, a Salesforce Lead export beside its Contact export.

Each file loads on its own, with its own detection, row accounting and line numbers in its
messages; the rows are then stacked in file-name order, and leads found in more than one file
are merged as duplicates in one file are, so a person exported twice counts once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import polars as pl

from revq.config.models import DedupeOptions
from revq.core.dedupe import merge_held_traced
from revq.core.schema import LINE
from revq.errors import InputError
from revq.io.load import Accounting, LoadResult, all_merges, has_duplicates

SOURCE_FILE = "source_file"  # on a file set's rejects: which file the line is in


def combine(name: Path, parts: list[LoadResult], dedupe: DedupeOptions) -> LoadResult:
    """The loads of a file set as one load named `name` (the pattern, or the files' names)."""
    first = parts[0]
    for part in parts[1:]:
        if part.table != first.table:
            raise InputError(
                name,
                f"{part.path.name} is {_what(part)} but {first.path.name} is {_what(first)}; "
                "the files of one input are exports of one table",
            )
    frames, offset = [], 0
    for part in parts:
        # Lines go on from one file to the next, so "first seen" and "last seen" follow the
        # files' order and every row keeps a distinct position.
        frames.append(part.frame.with_columns(pl.col(LINE) + offset))
        offset += int(part.frame[LINE].max() or 0)  # type: ignore[arg-type]
    frame = pl.concat(frames, how="diagonal_relaxed")
    merged = 0
    merges = pl.concat([p.merged_ids for p in parts])
    if first.table == "leads" and dedupe.enabled and has_duplicates(frame):
        kept, by_email = merge_held_traced(frame, dedupe.keep)
        merges = all_merges(merges, by_email)
        merged, frame = frame.height - kept.height, kept
    total = _summed([p.accounting for p in parts])
    accounting = replace(
        total, rows_loaded=frame.height, duplicates_merged=total.duplicates_merged + merged
    )
    mapping: dict[str, str] = {}
    for part in parts:
        mapping = {**part.mapping, **mapping}
    return LoadResult(
        path=name,
        vendor=_joined(p.vendor for p in parts),
        table=first.table,
        mapping=mapping,
        rows=frame,
        rejects=pl.concat(
            [p.rejects.with_columns(pl.lit(str(p.path)).alias(SOURCE_FILE)) for p in parts],
            how="diagonal_relaxed",
        ),
        accounting=accounting,
        encoding=_joined(p.encoding for p in parts) or "",
        delimiter=_joined(p.delimiter for p in parts),
        headers=list(dict.fromkeys(h for p in parts for h in p.headers)),
        left_out=sorted({c for p in parts for c in p.left_out} - set(frame.columns)),
        merged_ids=merges.sort("lead_id"),
        values=_values(parts),
    )


def _values(parts: list[LoadResult]) -> dict[str, pl.Series]:
    """The values of the columns whose values every file that has the column found."""
    named = sorted({c for p in parts for c in p.values})
    every = [c for c in named if all(c in p.values or c not in p.columns for p in parts)]
    return {
        c: pl.concat([p.values[c] for p in parts if c in p.values]).unique().sort() for c in every
    }


def cross_file_duplicates(combined: LoadResult, parts: list[LoadResult]) -> int:
    """Leads merged because they were in more than one file of the set."""
    return combined.accounting.duplicates_merged - sum(
        p.accounting.duplicates_merged for p in parts
    )


def _what(part: LoadResult) -> str:
    return f"an export of {part.table}" if part.table else "not an export revq recognises"


def _summed(parts: list[Accounting]) -> Accounting:
    fields = Accounting.__dataclass_fields__
    return Accounting(**{f: sum(getattr(a, f) for a in parts) for f in fields})


def _joined(values: Iterable[str | None]) -> str | None:
    distinct = sorted({v for v in values if v})
    return "+".join(distinct) if distinct else None
