"""Funnel benchmark: stage reach, conversions, velocity and time in stage on N leads with
about 10 stage events each (ladder entries, then recycles and re-entries, as a property
history has them), in Parquet, from reading the file to the last figure, against the floor of
reading the same file, and against revq's own load of it (decode, typing, the ingestion checks).

    python bench/bench_funnel.py [--leads 1000000] [--reentries 8]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from revq.core import funnel
from revq.io.load import load_table

STAGES = ("lead", "mql", "sal", "sql", "opportunity", "won")


def make(path: Path, leads: int, reentries: int) -> int:
    i = pl.int_range(leads, eager=True).alias("i")
    base = pl.DataFrame(i).with_columns(
        pl.format("L{}", pl.col("i")).alias("lead_id"),
        # how far each lead gets: everyone is a lead, fewer reach each later stage
        ((pl.col("i") * 2654435761) % 100).alias("depth_draw"),
    )
    cut = [100, 60, 35, 20, 10, 3]
    parts = []
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for k, stage in enumerate(STAGES):
        parts.append(
            base.filter(pl.col("depth_draw") < cut[k]).select(
                "lead_id",
                pl.lit(stage).alias("stage"),
                (pl.lit(start) + pl.duration(hours=(pl.col("i") % 8760) + 24 * 7 * k)).alias(
                    "entered_at"
                ),
            )
        )
    churn = ("recycled", "mql", "sal", "lead")
    for r in range(reentries):
        parts.append(
            base.select(
                "lead_id",
                pl.lit(churn[r % len(churn)]).alias("stage"),
                (pl.lit(start) + pl.duration(hours=(pl.col("i") % 8760) + 24 * 30 * (r + 1))).alias(
                    "entered_at"
                ),
            )
        )
    frame = pl.concat(parts)
    frame.write_parquet(path)
    return frame.height


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--leads", type=int, default=1_000_000)
    parser.add_argument("--reentries", type=int, default=8, help="Extra events per lead.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "history.parquet"
        events = make(path, args.leads, args.reentries)
        as_of = datetime(2027, 1, 1, tzinfo=UTC)
        ladder = funnel.Ladder(STAGES)

        def compute() -> None:
            # read once, as `revq funnel` does: every figure below works on the same rows
            hist = pl.read_parquet(path).lazy()
            firsts = funnel.first_entries(hist, ladder.stages, as_of).collect()
            stages = funnel.reached_from(firsts.lazy(), ladder).collect().lazy()
            funnel.conversions(
                stages,
                [("mql", "sql"), ("sql", "opportunity")],
                period="month",
                as_of=as_of,
                maturity_days=84,
            ).collect()
            funnel.velocity(stages, [("mql", "sql"), ("opportunity", "won")]).collect()
            funnel.lead_velocity(stages, "mql", "month").collect()
            durations = funnel.stage_durations(hist, as_of, leads=firsts.height)
            funnel.time_in_stage(durations, STAGES).collect()

        floor = min(timed(lambda: pl.read_parquet(path)) for _ in range(2))
        loaded = min(timed(lambda: load_table(path)) for _ in range(2))
        ours = min(timed(compute) for _ in range(2))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10
        print(f"leads={args.leads:,} events={events:,}")
        print(f"floor: read the history: {floor:.2f} s")
        print(f"revq's load of it (typed, checked, as `revq funnel` reads it): {loaded:.2f} s")
        print(
            f"funnel metrics, from the read: {ours:.2f} s ({ours / floor:.1f}x the read, "
            f"{ours / loaded:.1f}x revq's load), peak RSS {peak:.0f} MiB"
        )


if __name__ == "__main__":
    main()
