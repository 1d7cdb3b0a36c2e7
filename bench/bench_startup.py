"""Start-up of the command line against `python -c "import polars"` on the same machine.

Usage: python bench/bench_startup.py [--runs N] [--budget 1.5]

Each round runs the reference and every command once, in turn, so that a busy moment of the
machine weighs on all of them alike (paired runs). Prints the median wall time of each over
the rounds, and its median ratio to the reference's time in the same round; exits 1 when a
median ratio is over the budget. A measurement, not a test: timings belong to a machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ("import polars", [sys.executable, "-c", "import polars"])
COMMANDS = [
    ("revq --help", ["--help"]),
    ("revq --version", ["--version"]),
    ("revq score --help", ["score", "--help"]),
    ("revq audit rejections --help", ["audit", "rejections", "--help"]),
    ("revq funnel --help", ["funnel", "--help"]),
    ("revq report --help", ["report", "--help"]),
]


def wall(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--budget", type=float, default=1.5)
    args = parser.parse_args()
    revq = [sys.executable, "-m", "revq"]
    runs = [REFERENCE, *((name, [*revq, *words]) for name, words in COMMANDS)]
    for _, argv in runs:  # warm the file cache and the bytecode once
        wall(argv)
    times: dict[str, list[float]] = {name: [] for name, _ in runs}
    for _ in range(args.runs):
        for name, argv in runs:
            times[name].append(wall(argv))
    reference = times[REFERENCE[0]]
    print(f"{'command':<32} {'median s':>9} {'ratio':>6}   ({args.runs} paired runs)")
    print(f"{REFERENCE[0]:<32} {statistics.median(reference):>9.3f} {1:>6.2f}")
    over = False
    for name, _ in runs[1:]:
        ratio = statistics.median(t / r for t, r in zip(times[name], reference, strict=True))
        over = over or ratio > args.budget
        print(f"{name:<32} {statistics.median(times[name]):>9.3f} {ratio:>6.2f}")
    print(f"budget: {args.budget}x the reference; " + ("over" if over else "within"))
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
