"""The floor the realistic benchmark measures scoring against: polars alone reading the three
exports, counting each lead's activities and writing the leads with their counts. No loader,
no checks, no scoring: what any program that reads these files and writes the leads pays.

    python bench/realistic_floor.py LEADS ACTIVITIES SIGNALS OUT.parquet

The files are CSV or Parquet (by their suffix), as polars reads them by default.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl


def read(path: Path) -> pl.DataFrame:
    return pl.read_parquet(path) if path.suffix == ".parquet" else pl.read_csv(path)


def main() -> None:
    leads, activities, signals, out = (Path(a) for a in sys.argv[1:5])
    counts = read(activities).group_by("lead_id").len("activities")
    read(signals)
    scored = read(leads).join(counts, left_on="Record ID", right_on="lead_id", how="left")
    scored.write_parquet(out)


if __name__ == "__main__":
    main()
