"""How `revq inspect` shows a load: a terminal view for people, one JSON object for machines."""

from __future__ import annotations

from typing import Any

import polars as pl
from rich.text import Text

from revq.io.exports import accounted
from revq.io.load import LoadResult
from revq.io.writers import to_json
from revq.render.layout import Column, Lines, pairs, table, title, wrap


def inspect_payload(result: LoadResult, profile: pl.DataFrame) -> dict[str, Any]:
    payload = result.summary()
    payload["profile"] = profile.to_dicts()
    payload["rejects"] = result.rejects.head(50).to_dicts()
    return payload


def inspect_json(result: LoadResult, profile: pl.DataFrame) -> str:
    return to_json(inspect_payload(result, profile))


def inspect_view(result: LoadResult, profile: pl.DataFrame, width: int) -> Lines:
    """What an export holds and how revq reads it: the accounting first, then how its columns
    map, a profile line a column and the first rejected rows."""
    what = f"{result.vendor} {result.table}" if result.table else "an unrecognised table"
    lines: Lines = wrap(f"{result.path.name}: {what}", width, style="bold")
    about = [
        ("rows", accounted(result.accounting)),
        ("encoding", result.encoding),
        ("delimiter", repr(result.delimiter) if result.delimiter else "-"),
    ]
    lines += pairs(about, width)
    source = result.mapping
    columns = [
        Column("column", cut=True, min_width=16),
        Column("from", drop=3),  # a header to find in the export: never cut
        Column("type"),
        Column("non-null", right=True),
        Column("nulls", right=True),
        Column("distinct", right=True, drop=1),
        Column("examples", cut=True, min_width=12, drop=2),
    ]
    rows = [
        [
            r["column"],
            source.get(r["column"], ""),
            r["type"],
            f"{r['non_null']:,}",
            f"{r['nulls']:,}",
            f"{r['distinct']:,}",
            " | ".join(str(e) for e in r["examples"]),
        ]
        for r in profile.iter_rows(named=True)
    ]
    head = "columns: the canonical name, the export's header it is read from, a profile"
    lines += [Text(""), title(head), *table(columns, rows, width)]
    if result.rejects.height:
        shown = result.rejects.head(20)
        columns = [
            Column("line", right=True),
            Column("column", cut=True, min_width=12),
            Column("rule", cut=True, min_width=12),
            Column("raw value", cut=True, min_width=12),
        ]
        rows = [
            [str(r["line"]), r["column"], r["rule"], str(r["raw_value"])]
            for r in shown.iter_rows(named=True)
        ]
        head = f"rejected rows (the first {shown.height} of {result.rejects.height:,})"
        lines += [Text(""), title(head), *table(columns, rows, width)]
    return lines


def archive_frame(archive: str, rows: list[dict[str, Any]]) -> pl.DataFrame:
    """One row per export of an archive: member, bytes, vendor, table, note."""
    schema = {"member": pl.String, "bytes": pl.Int64, "vendor": pl.String, "table": pl.String}
    return pl.DataFrame(rows, schema=schema | {"note": pl.String})


def archive_json(archive: str, rows: list[dict[str, Any]]) -> str:
    return to_json({"file": archive, "exports": rows})


def archive_view(archive: str, rows: list[dict[str, Any]], width: int) -> Lines:
    """The exports of an archive, a line each; a member's name is whole, since it is what a
    command is given (`export.zip/Lead.csv`)."""
    columns = [
        Column("member", style="cyan"),
        Column("bytes", right=True),
        Column("vendor"),
        Column("table"),
        Column("note", cut=True, min_width=12),
    ]
    body = [
        [r["member"], f"{r['bytes']:,}", r["vendor"] or "", r["table"] or "", r["note"] or ""]
        for r in rows
    ]
    return [title(f"{archive}: {len(rows)} exports"), *table(columns, body, width)]
