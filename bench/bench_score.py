"""Scoring benchmark: `revq score` end to end on N synthetic leads (Parquet in, Parquet out),
against the floor of polars reading and writing the same file, and against DuckDB running the
same rules as SQL.

    python bench/bench_score.py [--rows 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import polars as pl

HERE = Path(__file__).resolve().parent

SQL = """
copy (
  select lead_id,
    least(greatest(
      case when regexp_matches(lower(title), '\\b(chief|vp)\\b') then 15
           when regexp_matches(lower(title), 'director') then 10
           when regexp_matches(lower(title), 'manager') then 5 else 0 end
      + case when employees between 200 and 5000 then 10 else 0 end
      + case when lower(industry) in ('software', 'financial services', 'healthcare')
             then 10 else 0 end
      + case when lower(country) in ('united states', 'germany', 'united kingdom')
             then 5 else 0 end,
      0), 50) as fit,
    least(least(coalesce(pricing_views, 0) * 5, 15) + case when demo_requested then 25 else 0 end,
          50) as intent,
    greatest(case when split_part(lower(email), '@', 2) in ('gmail.com', 'yahoo.com')
                  then -20 else 0 end
             + case when employees < 10 then -10 else 0 end, -50) as negative
  from '{src}'
) to '{dst}' (format parquet)
"""


def make(path: Path, rows: int) -> None:
    i = pl.col("i")

    def pick(options: list[str]) -> pl.Expr:
        return pl.lit(pl.Series(options)).gather(i % len(options))

    pl.DataFrame({"i": pl.int_range(rows, eager=True)}).select(
        lead_id=pl.format("L{}", i),
        email=pl.format("user{}@", i) + pick(["acme.com", "gmail.com", "beta.io", "yahoo.com"]),
        title=pick(["VP Sales", "Marketing Director", "Manager", "Analyst", "Chief of Staff"]),
        employees=(i * 7919) % 20000 + 1,
        industry=pick(["Software", "Retail", "Healthcare", "Education"]),
        country=pick(["United States", "Germany", "India"]),
        pricing_views=(i % 7),
        demo_requested=(i % 11) == 0,
    ).write_parquet(path)


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "leads.parquet", Path(tmp) / "out.parquet"
        make(src, args.rows)
        revq = [
            sys.executable,
            "-m",
            "revq",
            "-q",
            "score",
            str(src),
            "--config",
            str(HERE / "scoring.yaml"),
            "--as-of",
            "2026-11-01",
            "--out",
            str(out),
        ]
        floor = min(
            timed(lambda: pl.read_parquet(src).write_parquet(out)) for _ in range(args.repeat)
        )
        duck = min(
            timed(lambda: duckdb.execute(SQL.format(src=src, dst=out))) for _ in range(args.repeat)
        )
        ours = min(timed(lambda: subprocess.run(revq, check=True)) for _ in range(args.repeat))
        start_up = min(
            timed(
                lambda: subprocess.run(
                    [sys.executable, "-m", "revq", "--version"], check=True, capture_output=True
                )
            )
            for _ in range(args.repeat)
        )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**10
        print(f"rows={args.rows:,}")
        print(f"floor: polars read + write parquet: {floor:.2f} s")
        print(f"duckdb SQL of the same rules:        {duck:.2f} s")
        print(
            f"revq score (process, incl. start-up {start_up:.2f} s): {ours:.2f} s "
            f"({ours / floor:.1f}x floor, {ours / duck:.1f}x duckdb)"
        )
        print(f"peak RSS of the child processes: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
