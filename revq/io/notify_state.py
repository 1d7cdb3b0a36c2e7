"""Which leads were told of, in which stage, through which channel: a Parquet file in the
project (`.revq/notified.parquet`). It holds ids, stages, times and message ids, never a
secret, and is replaced atomically with what succeeded, so a run killed half-way or a failed
delivery is tried again by the next run and nothing is sent twice."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from revq.core.notify import STATE_SCHEMA
from revq.errors import InputError, RevqError
from revq.io.writers import write_frame_atomic


def read_state(path: Path) -> pl.DataFrame:
    """What earlier runs sent; nothing when no run has sent anything yet."""
    if not path.exists():
        return pl.DataFrame(schema=STATE_SCHEMA)
    try:
        found = pl.read_parquet(path, glob=False)
    except Exception as exc:  # polars raises several kinds for a file that is not Parquet
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(path, f"not a notification state file revq wrote ({first})") from None
    missing = [c for c in STATE_SCHEMA if c not in found.columns]
    if missing:
        raise InputError(path, f"not a notification state file: no {', '.join(missing)} column")
    return found.select(pl.col(c).cast(t) for c, t in STATE_SCHEMA.items())


def add_to_state(path: Path, before: pl.DataFrame, sent: pl.DataFrame) -> pl.DataFrame:
    """The state with `sent` (deliveries that succeeded) added, written atomically and
    returned; ordered so that the same history gives the same bytes."""
    if not sent.height:
        return before
    rows = pl.concat([before, sent.select(list(STATE_SCHEMA))], how="vertical_relaxed")
    rows = rows.unique(["lead_id", "stage", "channel"], keep="first", maintain_order=True)
    rows = rows.sort("sent_at", "channel", "lead_id", "stage")
    write_frame_atomic(path, rows)
    return rows


@contextmanager
def state_lock(path: Path) -> Iterator[None]:
    """One notify run at a time per project: a second (an overlapping cron job) would read the
    same state and send the same messages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(path.name + ".lock")
    with lock.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RevqError(
                f"{path}: another revq notify is running on this project; try again when it "
                "has finished"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
