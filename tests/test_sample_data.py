"""The bundled sample data: byte-reproducible from its generator, with its patterns planted.

Pattern checks use DuckDB on the raw files, independently of revq's own code."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, SAMPLE

FILES = [
    "activities.csv",
    "dispositions.csv",
    "hubspot_contacts.csv",
    "opportunities.csv",
    "salesforce_leads.csv",
    "signals.csv",
    "stage_history.csv",
]


def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    pytest.importorskip("numpy")
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "make_sample_data.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    gen.generate(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == FILES
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (SAMPLE / name).read_bytes(), name


def _one(sql: str) -> tuple:  # type: ignore[type-arg]
    row = duckdb.execute(sql).fetchone()
    assert row is not None
    return row


def test_planted_bad_source() -> None:
    rows = duckdb.execute(
        f"""select h."Original Source", avg((d.disposition = 'rejected')::int) as rate
            from '{SAMPLE}/dispositions.csv' d
            join read_csv('{SAMPLE}/hubspot_contacts.csv', all_varchar=true) h
              on h."Record ID" = d.lead_id::varchar
            where d.disposition <> 'open' group by 1 order by 2 desc"""
    ).fetchall()
    assert rows[0][0] == "Purchased List"
    assert rows[0][1] > 1.6 * rows[1][1]


def test_planted_silent_rep() -> None:
    rows = duckdb.execute(
        f"""select rep, avg((reason is null)::int) from '{SAMPLE}/dispositions.csv'
            where disposition = 'rejected' group by 1 order by 2 desc"""
    ).fetchall()
    assert rows[0][0] == "Dana Whitfield" and rows[0][1] > 0.6 and rows[1][1] < 0.15


def test_planted_sla_breaches() -> None:
    weekend, weekday = _one(
        f"""select avg((epoch(first_touch_at - handed_off_at) > 86400)::int)
                     filter (where dayofweek(handed_off_at) in (0, 6)),
                   avg((epoch(first_touch_at - handed_off_at) > 86400)::int)
                     filter (where dayofweek(handed_off_at) between 1 and 4)
            from '{SAMPLE}/dispositions.csv'"""
    )
    assert weekend > 0.5 > 0.15 > weekday
    slowest = _one(
        f"""select rep from '{SAMPLE}/dispositions.csv' group by 1
            order by median(epoch(first_touch_at - handed_off_at)) desc limit 1"""
    )
    assert slowest[0] == "Sam Ortiz"


def test_planted_signal_qualified_lift() -> None:
    # Signal-qualified, as planted: an account signal within 60 days before the MQL at a
    # company of 50+ people, by a Manager-or-above with a company email.
    sq, other = _one(
        f"""with h as (select * from read_csv('{SAMPLE}/hubspot_contacts.csv', all_varchar=true)),
            m as (select "Record ID" id, split_part(lower(trim("Email")), '@', 2) dom,
                     strptime("Became a Marketing Qualified Lead Date", '%Y-%m-%d %H:%M') mql,
                     "Became a Sales Qualified Lead Date" is not null sql,
                     cast("Number of Employees" as int) emp, "Job Title" t from h
                   where "Became a Marketing Qualified Lead Date" is not null),
            s as (select distinct m.id from m join '{SAMPLE}/signals.csv' g
                   on g.account_key = m.dom and g.occurred_at::timestamp <= m.mql
                   and g.occurred_at::timestamp >= m.mql - interval 60 day
                   where m.emp >= 50 and regexp_matches(m.t,
                     'Chief|CMO|VP|Director|Head|Manager'))
            select avg(sql::int) filter (where id in (select id from s)),
                   avg(sql::int) filter (where id not in (select id from s)) from m"""
    )
    assert sq > 2 * other
