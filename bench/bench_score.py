"""Scoring benchmark: `revq score` end to end on N synthetic leads (Parquet in, Parquet out),
against the floor of polars reading and writing the same file, and against DuckDB computing
the same output (scores, grade, quadrant, stage, why-now, next action, owner, top reasons, in
the same order) as one SQL query. The DuckDB output is checked equal to revq's, so the two
times are for the same work.

Every contender runs as its own process, start-up included, the way a cron job runs it; the
in-process floor is printed too.

    python bench/bench_score.py [--rows 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

from revq.core.derive import PERSONAL_DOMAINS

HERE = Path(__file__).resolve().parent


def _quoted(values: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


# bench/scoring.yaml as SQL, with revq's defaults: scales fit/intent 0-50, negative -50-0,
# grades A>=40 B>=30 C>=20, fit-high 25, intent-high 20, sales-ready 70, nurture 40, and the
# default next actions. Top reasons: the three largest contributions by size; at equal size a
# negative one first, then by name.
SQL = """
copy (
with src as (select * from read_parquet('{src}')),
rules as (
  select lead_id, trim(email) as email, trim(title) as title, 'default' as segment,
    case when regexp_matches(title, '(?i)\\b(chief|vp)\\b') then 15.0
         when regexp_matches(title, '(?i)director') then 10.0
         when regexp_matches(title, '(?i)manager') then 5.0 end::double as seniority,
    case when employees between 200 and 5000 then 10.0 end::double as size,
    case when lower(trim(industry)) in ('software', 'financial services', 'healthcare')
         then 10.0 end::double as industry,
    case when lower(trim(country)) in ('united states', 'germany', 'united kingdom')
         then 5.0 end::double as country,
    least(greatest(pricing_views * 5.0, -15.0), 15.0)::double as pricing_views,
    case when demo_requested then 25.0 end::double as demo,
    case when regexp_matches(lower(trim(email)), '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$')
          and split_part(lower(trim(email)), '@', 2) in ({personal})
         then -20.0 end::double as personal,
    case when employees < 10 then -10.0 end::double as tiny
  from src
),
sums as (
  select *,
    coalesce(seniority, 0) + coalesce(size, 0) + coalesce(industry, 0) + coalesce(country, 0)
      as fit_raw,
    coalesce(pricing_views, 0) + coalesce(demo, 0) as intent_raw,
    coalesce(personal, 0) + coalesce(tiny, 0) as negative_raw
  from rules
),
scores as (
  select *,
    least(greatest(fit_raw, 0), 50) as fit,
    least(greatest(intent_raw, 0), 50) as intent,
    least(greatest(negative_raw, -50), 0) as negative
  from sums
),
decided as (
  select *,
    round(fit, 2) as fit_score, round(intent, 2) as intent_score, 0.0::double as signal_score,
    round(negative, 2) as negative_score, round(fit + intent + negative, 2) as total_score,
    case when fit >= 40 then 'A' when fit >= 30 then 'B' when fit >= 20 then 'C' else 'D' end
      as fit_grade,
    case when fit >= 25 and intent >= 20 then 'prioritise_now'
         when fit >= 25 then 'nurture_patiently'
         when intent >= 20 then 'qualify_carefully' else 'ignore' end as quadrant,
    case when greatest(coalesce(demo, 0), 0) = 0 and greatest(coalesce(pricing_views, 0), 0) = 0
         then null
         when greatest(coalesce(demo, 0), 0) >= greatest(coalesce(pricing_views, 0), 0)
         then 'demo' else 'pricing_views' end as why_now,
    list_transform(
      list_slice(list_sort(list_filter([
        {reasons}
      ], lambda x: coalesce(x.v, 0) <> 0)), 1, 3),
      lambda x: printf('%s%.1f %s', case when x.v >= 0 then '+' else '' end, x.v, x.n)
    ) as reasons
  from scores
),
staged as (
  select *,
    case when total_score >= 70 then 'sales_ready'
         when total_score >= 40 then 'nurture'
         when quadrant = 'ignore' then 'disqualified' else 'nurture' end as stage,
    null::varchar as gate, null::varchar as gate_reason, null::varchar as owner
  from decided
)
select lead_id, email, title, segment, fit_score, intent_score, signal_score, negative_score,
  total_score, fit_grade, quadrant, stage, gate, gate_reason, why_now,
  case stage
    when 'sales_ready' then 'Route to ' || coalesce(owner, 'an owner') || ' now: first touch '
      || 'within 24 hours (1 hour for a demo request). Why now: '
      || coalesce(why_now, 'no single trigger') || '.'
    when 'nurture' then 'Keep in nurture and re-check when intent rises.'
    when 'disqualified' then 'No sales action ('
      || coalesce(gate_reason, 'low fit and intent') || ').'
  end as next_action,
  owner,
  nullif(array_to_string(reasons, ', '), '') as top_reasons
from staged
order by total_score desc, lead_id
) to '{dst}' (format parquet)
"""


# Each contribution a top reason can name: (name, SQL value).
ITEMS = [
    *((rule, rule) for rule in ("seniority", "size", "industry", "country")),
    *((rule, rule) for rule in ("pricing_views", "demo", "personal", "tiny")),
    *((f"cap:{g}", f"{g} - {g}_raw") for g in ("fit", "intent", "negative")),
]


def _reasons() -> str:
    return ",\n        ".join(
        f"{{'k': -abs({v}), 'pos': {v} >= 0, 'n': '{n}', 'v': {v}}}" for n, v in ITEMS
    )


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


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{cmd[:3]} failed with status {status}")
    return elapsed, usage.ru_maxrss / 2**10


def best(cmd: list[str], repeat: int) -> tuple[float, float]:
    runs = [run(cmd) for _ in range(repeat)]
    return min(t for t, _ in runs), max(m for _, m in runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--make", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make is not None:
        make(args.make, args.rows)
        return
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "leads.parquet"
        ours_out, duck_out = Path(tmp) / "revq.parquet", Path(tmp) / "duck.parquet"
        # Generated by a process of its own, and the in-process floor timed last: Linux hands a
        # forked child its parent's peak RSS, so a parent that had held the leads would make
        # every contender's peak at least that.
        run([py, __file__, "--rows", str(args.rows), "--make", str(src)])
        sql = SQL.format(
            src=src, dst=duck_out, personal=_quoted(PERSONAL_DOMAINS), reasons=_reasons()
        )
        floor_cmd = [
            py,
            "-c",
            f"import polars as pl; pl.read_parquet({str(src)!r}).write_parquet({str(ours_out)!r})",
        ]
        duck_cmd = [py, "-c", "import duckdb, sys; duckdb.execute(sys.argv[1])", sql]
        revq_cmd = [py, "-m", "revq", "-q", "score", str(src), "--config"]
        revq_cmd += [str(HERE / "scoring.yaml"), "--as-of", "2026-11-01", "--out", str(ours_out)]

        floor, floor_mem = best(floor_cmd, args.repeat)
        duck, duck_mem = best(duck_cmd, args.repeat)
        ours, ours_mem = best(revq_cmd, args.repeat)
        start_up, _ = best([py, "-m", "revq", "-q", "score", "--help"], args.repeat)
        a, b = pl.read_parquet(ours_out), pl.read_parquet(duck_out)
        same = a.schema == b.schema and a.equals(b)
        del a, b
        start = time.perf_counter()
        pl.read_parquet(src).write_parquet(Path(tmp) / "copy.parquet")
        in_process = time.perf_counter() - start
        print(f"rows={args.rows:,}")
        print(f"floor, polars read + write as a process: {floor:.2f} s, {floor_mem:.0f} MiB")
        print(f"  (in-process, without start-up: {in_process:.2f} s)")
        print(f"duckdb, the same output as one SQL query: {duck:.2f} s, {duck_mem:.0f} MiB")
        print(
            f"revq score: {ours:.2f} s, {ours_mem:.0f} MiB "
            f"({ours / floor:.1f}x floor, {ours / duck:.2f}x duckdb; start-up {start_up:.2f} s)"
        )
        print(f"outputs identical: {'yes' if same else 'NO'}")
        if not same:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
