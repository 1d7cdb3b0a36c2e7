"""Random stage histories, and the time-in-stage definition computed by DuckDB, shared by the
funnel and timeline tests."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

AS_OF = datetime(2026, 3, 1, tzinfo=UTC)
CUT = "timestamptz '2026-03-01 00:00+00'"


def random_history(seed: int, leads: int = 30, rows: int = 500) -> pl.DataFrame:
    rng = random.Random(seed)
    stages = ["lead", "mql", "sal", "sql", "recycled", "opportunity", "won", None]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    out: dict[str, list[Any]] = {"lead_id": [], "stage": [], "entered_at": [], "exited_at": []}
    for _ in range(rows):
        # few distinct minutes: entries at the same time, and repeats, are common
        entered = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 90, 97))
        out["lead_id"].append(rng.choice([None, *(f"L{i}" for i in range(leads))]))
        out["stage"].append(rng.choice(stages))
        out["entered_at"].append(entered)
        exit_draw = rng.random()
        if exit_draw < 0.15:  # an exit after the entry, some after the as-of time
            out["exited_at"].append(entered + timedelta(hours=rng.randrange(0, 900)))
        elif exit_draw < 0.18:  # an exit recorded before its entry: the data says so
            out["exited_at"].append(entered - timedelta(hours=rng.randrange(1, 50)))
        else:
            out["exited_at"].append(None)
    # typed as a loaded history is, even when a tiny draw leaves a column all missing
    types = {"lead_id": pl.String, "stage": pl.String, "exited_at": pl.Datetime("us", "UTC")}
    return pl.DataFrame(out, schema_overrides=types)


def duckdb_entries(path: Path, exits: bool = True) -> pl.DataFrame:
    """The definition, in SQL: an entry lasts until its exit, else the lead's next entry (in
    time, then stage name order, then one without an exit time before one with: the same entry
    twice, once closed, says the open one ended as the closed one began), else the as-of time,
    never past the as-of time."""
    exit_at = "exited_at" if exits else "null"
    rows = duckdb.execute(
        f"""with e as (select * from '{path}' where entered_at <= {CUT} and lead_id is not null),
        n as (select *, lead(entered_at) over (partition by lead_id
                                               order by entered_at, stage nulls first,
                                                        {exit_at} is not null) nxt
              from e),
        d as (select *, least(coalesce({exit_at}, nxt, {CUT}), {CUT}) until_at from n)
        select lead_id, stage, epoch_us(min(entered_at)) first_entered_at,
               epoch_us(max(entered_at)) latest_entered_at, count(*) entries,
               sum(epoch_us(until_at) - epoch_us(entered_at)) / 86400e6 as days
        from d group by lead_id, stage"""
    ).fetchall()
    # typed, so that a history whose stages are all missing still joins on `stage`
    schema = {"lead_id": pl.String, "stage": pl.String, "first_entered_at": pl.Int64}
    schema |= {"latest_entered_at": pl.Int64, "entries": pl.Int64, "days": pl.Float64}
    return pl.DataFrame(rows, schema=schema, orient="row")
