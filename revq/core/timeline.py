"""Time in stage from a stage history, with each lead's timeline put in order by sorting
integers rather than ids.

Per lead and stage, an entry lasts until its exit time, else until the lead's next entry into
any stage, else until the as-of time (see `funnel.stage_entries`). Finding "the lead's next
entry" needs the history in lead and time order, and sorting 10M rows by a string id and a time
while carrying their columns along is most of the cost of a funnel. So each entry becomes one
128-bit integer: a 64-bit hash of its lead id in the high half; its time (microseconds from the
history's earliest time), stage number and whether it has an exit time packed in the low half.
Sorting those integers alone is a tenth of the cost, and everything the figures need is read
back from the sorted keys: no column travels through the sort. A second sort of keys made of
(lead hash, stage, duration) puts each lead's entries into a stage next to each other, and a
third of (lead hash, stage, time) gives their first and latest entry.

The first key's order is the tie rule: at one time, stages in name order, then an entry without
an exit time before one with. Neighbours equal in lead, time and stage are repeats, which a
caller can ask to count once.

Two ids with the same hash would merge their timelines, so the number of distinct hashes is
checked against the number of distinct ids, and a collision is hashed again with another seed.
A history whose times do not fit the packing (a span of centuries) takes the plain sort.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import polars as pl

UTC_US = pl.Datetime("us", "UTC")
DAY_US = 86_400_000_000
HIGH = pl.lit(1 << 64, dtype=pl.Int128)
SEEDS = (0, 1, 2)


def lead_hash(seed: int) -> pl.Expr:
    """The lead id's 64-bit hash, as a signed integer so that it can be the high half of an
    Int128 key."""
    return pl.col("lead_id").hash(seed).reinterpret(signed=True)


@dataclass(frozen=True)
class Packing:
    """How an entry's time, stage and duration share the low 64 bits of a key."""

    base: int  # the earliest entry or exit time, in microseconds since the epoch
    span: int  # from base to the as-of time
    names: tuple[str, ...]  # stage numbers: 0 for a missing stage, then the names in order
    stage_bits: int

    @property
    def stages(self) -> int:
        return len(self.names) + 1

    @property
    def payload_bits(self) -> int:
        # stage * 2**payload_bits + payload, and 2**payload_bits itself, stay below 2**63
        return 62 - self.stage_bits


def entries_until(history: pl.LazyFrame, as_of: datetime) -> pl.LazyFrame:
    """The entries of a lead up to the as-of time; entries without a lead id belong to no
    lead's timeline."""
    return history.filter(
        (pl.col("entered_at") <= pl.lit(as_of, dtype=UTC_US)) & pl.col("lead_id").is_not_null()
    )


def packing(rows: pl.LazyFrame, as_of: datetime) -> Packing | None:
    """The packing for these entries, or None when their times span too long to pack."""
    exits = "exited_at" in rows.collect_schema()
    stats = rows.select(
        pl.col("stage").drop_nulls().unique().sort().implode().alias("names"),
        pl.min_horizontal(
            pl.col("entered_at").min(), *([pl.col("exited_at").min()] if exits else [])
        )
        .dt.epoch("us")
        .alias("base"),
    ).collect()
    now = _epoch_us(as_of)
    names = tuple(stats["names"][0])
    base = stats["base"][0]
    base = now if base is None else min(base, now)
    pack = Packing(base, now - base, names, len(names).bit_length())
    # Each key's low half must stay below 2**63: (time, stage, has-exit) in the first sort;
    # stage and a duration (-span..span, offset by span) or a time in the others.
    if (pack.span * pack.stages + pack.stages) * 2 >= 1 << 63:
        return None
    if 2 * pack.span >= 1 << pack.payload_bits:
        return None
    return pack


def _epoch_us(when: datetime) -> int:
    return int(pl.select(pl.lit(when, dtype=UTC_US).dt.epoch("us")).item())


def _stage_number(pack: Packing) -> pl.Expr:
    return pl.col("stage").cast(pl.Enum(pack.names)).to_physical().cast(pl.Int64).fill_null(-1) + 1


def _time(pack: Packing, column: str = "entered_at") -> pl.Expr:
    return pl.col(column).dt.epoch("us") - pack.base


def _key(high: pl.Expr, low: pl.Expr) -> pl.Expr:
    return high.cast(pl.Int128) * HIGH + low.cast(pl.Int128)


def _durations(rows: pl.LazyFrame, pack: Packing, seed: int) -> tuple[pl.LazyFrame, pl.LazyFrame]:
    """Keys of (lead hash, stage, duration + span), sorted; and the number of distinct lead
    hashes, and whether any entry is repeated."""
    exits = "exited_at" in rows.collect_schema()
    has_exit = pl.col("exited_at").is_not_null().cast(pl.Int64) if exits else pl.lit(0)
    stage = _stage_number(pack)
    timeline = rows.select(
        _key(lead_hash(seed), (_time(pack) * pack.stages + stage) * 2 + has_exit).alias("k")
    ).sort("k")
    k = pl.col("k")
    # Back to two 64-bit halves first: shifting and comparing 128-bit columns is slow.
    halves = timeline.select(
        (k // HIGH).cast(pl.Int64, wrap_numerical=True).alias("lead"),
        (k % HIGH).cast(pl.Int64, wrap_numerical=True).alias("low"),
    )
    lead, low = pl.col("lead"), pl.col("low")
    # In key order the next row is the lead's next entry, if it is the same lead's. Entries
    # with an exit time last until that exit instead and are timed from the rows themselves
    # below; they are set aside only after every entry has found its next one, since the entry
    # before them still ends where they begin.
    t = low // 2 // pack.stages
    until = pl.when(lead.shift(-1) == lead).then(t.shift(-1)).otherwise(pack.span)
    shift = pl.lit(1 << pack.payload_bits, dtype=pl.Int64)
    by_next = halves.select(
        _key(lead, low // 2 % pack.stages * shift + until - t + pack.span).alias("k"),
        *([(low % 2 == 1).alias("has_exit")] if exits else []),
    )
    parts = [by_next.filter(~pl.col("has_exit")).drop("has_exit") if exits else by_next]
    if exits:
        exit_at = pl.min_horizontal(_time(pack, "exited_at"), pl.lit(pack.span))
        parts.append(
            rows.filter(pl.col("exited_at").is_not_null()).select(
                _key(lead_hash(seed), stage * shift + exit_at - _time(pack) + pack.span).alias("k")
            )
        )
    # the number of lead hashes, and whether an entry is repeated (same lead, time and stage)
    entry = low // 2
    stats = halves.select(
        lead.ne_missing(lead.shift()).sum().alias("leads"),
        (lead.eq_missing(lead.shift()) & entry.eq_missing(entry.shift())).any().alias("repeats"),
    )
    return pl.concat(parts).sort("k"), stats


def _runs(keys: pl.DataFrame, pack: Packing, *, times: bool = False) -> pl.LazyFrame:
    """Per run of keys with the same (lead hash, stage), in key order: `_lead`, `_stage` (the
    stage number), `entries` and `_sum` of the payloads; with `times`, also the first and last
    payload (`_first`, `_latest`). Read off each run's last row rather than grouped: the rows
    are in run order already."""
    k = pl.col("k")
    step = 1 << pack.payload_bits
    lead, stage, p = pl.col("_lead"), pl.col("_stage"), pl.col("p")
    ends = lead.ne_missing(lead.shift(-1)) | stage.ne_missing(stage.shift(-1))
    row = pl.int_range(pl.len(), dtype=pl.Int64)
    # an exact running total (Int128: 10M payloads of up to 2**60 overflow 64 bits)
    total = p.cast(pl.Int128).cum_sum()
    extra = []
    if times:
        starts = lead.ne_missing(lead.shift()) | stage.ne_missing(stage.shift())
        extra = [pl.when(starts).then(p).forward_fill().alias("_first"), p.alias("_latest")]
    at_ends = (
        keys.lazy()
        # 64-bit halves: comparing and shifting 128-bit columns is slow
        .select(
            (k // HIGH).cast(pl.Int64, wrap_numerical=True).alias("_lead"),
            (k % HIGH).cast(pl.Int64, wrap_numerical=True).alias("low"),
        )
        .select(lead, (pl.col("low") // step).alias("_stage"), (pl.col("low") % step).alias("p"))
        .with_columns(ends.alias("_end"), row.alias("_row"), total.alias("_total"), *extra)
        .filter(pl.col("_end"))
    )
    before = pl.col("_row").shift(fill_value=-1)
    return at_ends.select(
        lead,
        stage,
        (pl.col("_row") - before).cast(pl.UInt32).alias("entries"),
        (pl.col("_total") - pl.col("_total").shift(fill_value=0)).alias("_sum"),
        *([pl.col("_first"), pl.col("_latest")] if times else []),
    )


def _stage_name(pack: Packing) -> pl.Expr:
    # stage number 0 is an entry without a stage; an Enum, since gathering and grouping its
    # numbers is cheaper than copying a string per run
    names = pl.Series([None, *pack.names], dtype=pl.Enum(pack.names))
    return pl.lit(names).gather(pl.col("_stage"))


@dataclass(frozen=True)
class Packed:
    pack: Packing
    seed: int
    durations: pl.DataFrame  # sorted keys of (lead hash, stage, duration + span)
    repeats: bool  # some lead entered a stage twice at the same time


def pack_timelines(
    rows: pl.LazyFrame, as_of: datetime, count_leads: Callable[[], int]
) -> Packed | None:
    """The sorted duration keys, hashed with the first seed whose hashes are as many as the
    lead ids; None when the times do not pack or every seed collides."""
    pack = packing(rows, as_of)
    if pack is None:
        return None
    leads: int | None = None
    for seed in SEEDS:
        keys, hashes = _durations(rows, pack, seed)
        durations, stats = pl.collect_all([keys, hashes])
        if leads is None:
            leads = count_leads()
        if stats["leads"].item() == leads:
            return Packed(pack, seed, durations, bool(stats["repeats"].item()))
    return None


def first_of_repeats(history: pl.LazyFrame) -> pl.LazyFrame:
    """Each entry (lead, stage, time) once: the first of a repeat, so that its other columns (an
    exit time) do not depend on the order of the rows' arrival."""
    return history.unique(["lead_id", "stage", "entered_at"], keep="first", maintain_order=True)


def duration_figures(packed: Packed) -> pl.LazyFrame:
    """Per lead hash and stage (in key order): `_lead`, `_stage`, entries and days in the
    stage."""
    pack = packed.pack
    # payloads are durations offset by the span, so that they are never negative
    offset = pl.col("entries").cast(pl.Int128) * pack.span
    return (
        _runs(packed.durations, pack)
        .with_columns(
            (pl.col("_sum") - offset).alias("_us"),
        )
        .with_columns(
            (pl.col("_us").cast(pl.Float64) / DAY_US).round(4).alias("days_in_stage"),
        )
    )


def entry_times(rows: pl.LazyFrame, packed: Packed) -> pl.LazyFrame:
    """Per lead hash and stage (in the same key order as `duration_figures`): the first and
    latest entry time, in microseconds from the packing's base."""
    pack = packed.pack
    shift = pl.lit(1 << pack.payload_bits, dtype=pl.Int64)
    keys = rows.select(
        _key(lead_hash(packed.seed), _stage_number(pack) * shift + _time(pack)).alias("k")
    ).sort("k")
    return _runs(keys.collect(), pack, times=True)


def stage_name(packed: Packed) -> pl.Expr:
    """The stage name of a run's stage number (an Enum of the history's stage names)."""
    return _stage_name(packed.pack).alias("stage")
