"""Loader benchmark: `load_table` on N synthetic HubSpot-style leads against the floor of
polars reading the same CSV as strings.

    python bench/bench_load.py [--rows 1000000] [--repeat 3]

Prints one line per measurement and a summary ratio. Memory is the process's peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import polars as pl

from revq.io.load import load_table


def _pick(options: list[str], i: pl.Expr) -> pl.Expr:
    return pl.lit(pl.Series(options)).gather(i % len(options))


def make_csv(path: Path, rows: int) -> None:
    i = pl.col("i")
    frame = pl.DataFrame({"i": pl.int_range(rows, eager=True)}).select(
        **{
            "Record ID": (i + 10_000_000).cast(pl.String),
            "Email": pl.format("user{}@company{}.com", i, i % 5000),
            "Job Title": _pick(["VP Marketing", "Director", "Manager", "Analyst"], i),
            "Company Name": pl.format("Company {}", i % 5000),
            "Number of Employees": ((i * 7919) % 20000 + 5).cast(pl.String),
            "Annual Revenue": ((i * 104729) % 50_000_000).cast(pl.String),
            "Country/Region": _pick(["United States", "Germany", "India"], i),
            "Original Source": _pick(["Organic Search", "Paid Search", "Events"], i),
            "Lifecycle Stage": _pick(["Lead", "Marketing Qualified Lead"], i),
            "Create Date": pl.format("2026-0{}-1{} 1{}:2{}", i % 9 + 1, i % 9, i % 9, i % 6),
        }
    )
    frame.write_csv(path)


def best_of(repeat: int, fn) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "leads.csv"
        make_csv(path, args.rows)
        size = path.stat().st_size / 2**20
        floor = best_of(args.repeat, lambda: pl.read_csv(path, infer_schema=False))
        revq = best_of(args.repeat, lambda: load_table(path))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10
        print(f"rows={args.rows:,} file={size:.0f} MiB")
        print(f"polars read_csv (strings): {floor:.2f} s")
        print(f"revq load_table (validated, typed, deduped): {revq:.2f} s ({revq / floor:.1f}x)")
        print(f"peak RSS: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
