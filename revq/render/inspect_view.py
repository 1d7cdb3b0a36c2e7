"""How `revq inspect` shows a load: rich tables for people, one JSON object for machines."""

from __future__ import annotations

from typing import Any

import polars as pl
from rich.table import Table

from revq.io.load import LoadResult
from revq.io.writers import to_json


def inspect_payload(result: LoadResult, profile: pl.DataFrame) -> dict[str, Any]:
    payload = result.summary()
    payload["profile"] = profile.to_dicts()
    payload["rejects"] = result.rejects.head(50).to_dicts()
    return payload


def inspect_json(result: LoadResult, profile: pl.DataFrame) -> str:
    return to_json(inspect_payload(result, profile))


def inspect_tables(result: LoadResult, profile: pl.DataFrame) -> list[Table]:
    a = result.accounting
    head = Table(title=f"{result.path.name}", show_header=False, title_justify="left")
    head.add_column("key")
    head.add_column("value")
    head.add_row("vendor", str(result.vendor or "unknown"))
    head.add_row("table", str(result.table or "unknown"))
    head.add_row("encoding", result.encoding)
    head.add_row("delimiter", repr(result.delimiter) if result.delimiter else "-")
    head.add_row("rows read", f"{a.rows_read:,}")
    head.add_row("rows loaded", f"{a.rows_loaded:,}")
    head.add_row("rows rejected", f"{a.rows_rejected:,}")
    head.add_row("footer rows", f"{a.footer_rows:,}")
    head.add_row("duplicates merged", f"{a.duplicates_merged:,}")
    head.add_row("deleted in the source", f"{a.deleted_in_source:,}")
    if a.other_properties:
        head.add_row("other properties", f"{a.other_properties:,}")
    if a.earlier_versions:
        head.add_row("earlier versions", f"{a.earlier_versions:,}")
    tables = [head]
    if result.mapping:
        mapping = Table(title="column mapping", title_justify="left")
        mapping.add_column("canonical")
        mapping.add_column("source header")
        for canonical, header in result.mapping.items():
            mapping.add_row(canonical, header)
        tables.append(mapping)
    prof = Table(title="profile", title_justify="left")
    for name in ("column", "type", "non-null", "nulls", "distinct", "examples"):
        prof.add_column(
            name, justify="right" if name in ("non-null", "nulls", "distinct") else "left"
        )
    for row in profile.iter_rows(named=True):
        prof.add_row(
            row["column"],
            row["type"],
            f"{row['non_null']:,}",
            f"{row['nulls']:,}",
            f"{row['distinct']:,}",
            " | ".join(str(e)[:30] for e in row["examples"]),
        )
    tables.append(prof)
    if result.rejects.height:
        rej = Table(title=f"rejects (first 20 of {result.rejects.height})", title_justify="left")
        for name in ("line", "column", "rule", "raw value"):
            rej.add_column(name)
        for r in result.rejects.head(20).iter_rows(named=True):
            rej.add_row(str(r["line"]), r["column"], r["rule"], str(r["raw_value"])[:60])
        tables.append(rej)
    return tables


def archive_frame(archive: str, rows: list[dict[str, Any]]) -> pl.DataFrame:
    """One row per export of an archive: member, bytes, vendor, table, note."""
    schema = {"member": pl.String, "bytes": pl.Int64, "vendor": pl.String, "table": pl.String}
    return pl.DataFrame(rows, schema=schema | {"note": pl.String})


def archive_json(archive: str, rows: list[dict[str, Any]]) -> str:
    return to_json({"file": archive, "exports": rows})


def archive_table(archive: str, rows: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{archive}: {len(rows)} exports")
    for name in ("member", "bytes", "vendor", "table", "note"):
        table.add_column(name, justify="right" if name == "bytes" else "left")
    for r in rows:
        table.add_row(
            r["member"], f"{r['bytes']:,}", r["vendor"] or "", r["table"] or "", r["note"] or ""
        )
    return table
