"""Upsert files a team's own sync pushes to the CRM: HubSpot batch upsert request bodies and a
Salesforce Bulk API 2.0 upsert CSV, from the leads in an export layout."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from revq.io.writers import to_json, write_bytes_atomic, write_frame_atomic

HUBSPOT_BATCH = 100  # inputs per batch request, HubSpot's limit for batch upsert


def hubspot_batches(rows: pl.DataFrame, id_property: str, id_field: str) -> list[str]:
    """The JSON bodies of POST /crm/v3/objects/contacts/batch/upsert: each row an input with
    its id (`id_field` of the layout) matched on `id_property`, the other fields as properties
    (HubSpot's property values are strings; an empty one is left out, never blanked)."""
    fields = [c for c in rows.columns if c != id_field]
    bodies = []
    for start in range(0, rows.height, HUBSPOT_BATCH):
        batch = rows.slice(start, HUBSPOT_BATCH)
        inputs = [
            {
                "idProperty": id_property,
                "id": str(record[id_field]),
                "properties": {f: str(record[f]) for f in fields if record[f] is not None},
            }
            for record in batch.iter_rows(named=True)
        ]
        bodies.append(to_json({"inputs": inputs}))
    return bodies


HUBSPOT_FILES = "hubspot_upsert_*.json"
SALESFORCE_FILE = "salesforce_upsert.csv"


def clear_earlier(folder: Path) -> int:
    """Remove the upsert files an earlier run wrote here: a sync pushes what the folder holds,
    and last run's leads must not be pushed again. Only revq's own file names are touched."""
    earlier = [*folder.glob(HUBSPOT_FILES), *folder.glob(SALESFORCE_FILE)]
    for path in earlier:
        path.unlink()
    return len(earlier)


def write_hubspot(folder: Path, rows: pl.DataFrame, id_property: str, id_field: str) -> list[Path]:
    """hubspot_upsert_001.json, ...: one request body a file. Rows without an id are not
    written (the caller counts them)."""
    rows = rows.filter(pl.col(id_field).is_not_null() & (pl.col(id_field).cast(pl.String) != ""))
    paths = []
    for number, body in enumerate(hubspot_batches(rows, id_property, id_field), start=1):
        path = folder / f"hubspot_upsert_{number:03d}.json"
        write_bytes_atomic(path, body.encode("utf-8"))
        paths.append(path)
    return paths


def write_salesforce(folder: Path, rows: pl.DataFrame, external_id: str) -> Path:
    """salesforce_upsert.csv: the layout's API names as headers, for a Bulk API 2.0 upsert job
    (the job names the external id field); rows without the external id are not written."""
    rows = rows.filter(
        pl.col(external_id).is_not_null() & (pl.col(external_id).cast(pl.String) != "")
    )
    path = folder / SALESFORCE_FILE
    write_frame_atomic(path, rows, escape=False)  # a machine load: the values as they are
    return path
