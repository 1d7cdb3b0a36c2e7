"""Funnel metrics: hand-made stage histories with recycles and skipped stages, and the sample
data against DuckDB."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest
import yaml

from revq.core import funnel
from tests.conftest import CONTACTS, ROOT, SAMPLE, SAMPLE_HISTORY, realdata, run_cli
from tests.histories import random_history

AS_OF = datetime(2026, 4, 1, tzinfo=UTC)


def t(month: int, day: int) -> datetime:
    return datetime(2026, month, day, tzinfo=UTC)


HISTORY = pl.LazyFrame(
    {
        "lead_id": ["a", "a", "a", "a", "b", "b", "c", "c", "c", "d"],
        "stage": [
            "mql",
            "recycled",
            "mql",
            "sql",
            "mql",
            "opportunity",
            "mql",
            "sql",
            "won",
            "mql",
        ],
        "entered_at": [
            t(1, 5),
            t(1, 20),
            t(2, 10),
            t(2, 15),
            t(1, 7),
            t(3, 1),
            t(2, 1),
            t(2, 3),
            t(5, 1),
            t(3, 3),
        ],
    }
)
LADDER = funnel.Ladder(("mql", "sql", "opportunity", "won"))


def test_reached_first_entry_and_pass_through() -> None:
    got = funnel.reached(HISTORY, LADDER, AS_OF).collect().sort("lead_id")
    rows = {r["lead_id"]: r for r in got.iter_rows(named=True)}
    # a: first MQL entry counts, not the re-entry after recycling
    assert rows["a"]["mql_at"] == t(1, 5)
    assert rows["a"]["sql_at"] == t(2, 15)
    # b skipped SQL: counted as passed when it reached opportunity
    assert rows["b"]["sql_at"] == t(3, 1)
    # c's win is after the as-of date: not reached yet
    assert rows["c"]["won_at"] is None and rows["c"]["sql_at"] == t(2, 3)
    strict = funnel.reached(HISTORY, funnel.Ladder(LADDER.stages, False), AS_OF).collect()
    assert strict.filter(pl.col("lead_id") == "b")["sql_at"][0] is None


def test_conversions_cohort_and_period() -> None:
    stages = funnel.reached(HISTORY, LADDER, AS_OF)
    got = funnel.conversions(
        stages, [("mql", "sql")], period="month", as_of=AS_OF, maturity_days=30
    ).collect()
    rows = {r["period"].month: r for r in got.iter_rows(named=True)}
    # January cohort: a and b reached MQL; both reached SQL later (a in Feb, b via March)
    assert (rows[1]["entered_a"], rows[1]["cohort_reached_b"], rows[1]["entered_b"]) == (2, 2, 0)
    assert rows[1]["cohort_rate"] == 1.0 and rows[1]["period_rate"] == 0.0
    # February: c entered MQL (and SQL); a and c entered SQL in February
    assert (rows[2]["entered_a"], rows[2]["cohort_reached_b"], rows[2]["entered_b"]) == (1, 1, 2)
    assert rows[2]["period_rate"] == 2.0
    # March: d entered MQL, b passed SQL; the March cohort ended 0 days before as-of: maturing
    assert (rows[3]["entered_a"], rows[3]["entered_b"]) == (1, 1)
    assert rows[3]["maturing"] and not rows[1]["maturing"]


def test_velocity_and_lead_velocity() -> None:
    stages = funnel.reached(HISTORY, LADDER, AS_OF)
    v = funnel.velocity(stages, [("mql", "sql")]).collect().row(0, named=True)
    # a: Jan 5 -> Feb 15 = 41 days; b: Jan 7 -> Mar 1 = 53; c: Feb 1 -> Feb 3 = 2
    assert v["leads"] == 3 and v["median_days"] == 41.0
    assert v["p75_days"] == pytest.approx(47.0)  # linear between 41 and 53
    lvr = funnel.lead_velocity(stages, "mql", "month").collect()
    # qualified: Jan 2, Feb 1, Mar 1 -> LVR Feb -50%, Mar 0%
    assert lvr["qualified"].to_list() == [2, 1, 1]
    assert lvr["lead_velocity_rate"].to_list() == [None, -0.5, 0.0]


def test_win_rates_and_speed_to_lead() -> None:
    opps = pl.LazyFrame(
        {
            "is_closed": [True, True, True, False],
            "is_won": [True, False, True, False],
            "amount": [100.0, 300.0, 50.0, 1000.0],
        }
    )
    w = funnel.win_rates(opps).collect().row(0, named=True)
    assert (w["closed"], w["won"], w["win_rate"]) == (3, 2, 0.6667)
    assert w["win_rate_by_amount"] == pytest.approx(150 / 450, abs=1e-4)
    d = pl.LazyFrame(
        {
            "handed_off_at": [t(3, 1), t(3, 1), t(3, 30), t(3, 31)],
            "first_touch_at": [
                datetime(2026, 3, 1, 20, tzinfo=UTC),
                datetime(2026, 3, 2, 1, tzinfo=UTC),
                None,
                None,
            ],
        }
    )
    s = funnel.speed_to_lead(d, pl.lit(24.0), AS_OF).collect()
    # 20h ok; 25h late; untouched 2 days after hand-off: late; untouched for 24h: still in SLA
    assert s["hours_to_first_touch"].to_list() == [20.0, 25.0, None, None]
    assert s["within_sla"].to_list() == [True, False, False, True]


# --- the sample data against DuckDB ---------------------------------------------------------


def test_the_sample_merges_are_told_apart_by_activity_or_creation() -> None:
    # MERGES leaves out the loader's last tie-break (the later row): no pair needs it
    (ties, people) = duckdb.execute(
        f"""select count(*) filter (where n > 1), count(*) from (
            select email, count(*) n from {CONTACTS} group by email, activity, created)"""
    ).fetchone()  # type: ignore[misc]
    (twice,) = duckdb.execute(
        f"select count(*) from (select email from {CONTACTS} group by 1 having count(*) > 1)"
    ).fetchone()  # type: ignore[misc]
    assert ties == 0 and twice > 0 and people > 0


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    result = run_cli(["funnel", "--as-of", "2026-10-31", "-f", "json"], cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_sample_conversions_against_duckdb(report: dict[str, Any]) -> None:
    rows = duckdb.execute(
        f"""with h as (select lead_id, stage, cast(entered_at as timestamptz) as t
                   from {SAMPLE_HISTORY}),
        first as (select lead_id,
            -- pass-through: a lead that skipped a stage passed it when it reached a later one
            coalesce(min(t) filter (where stage = 'mql'),
                     min(t) filter (where stage in ('sal', 'sql', 'opportunity', 'won'))) as mql,
            coalesce(min(t) filter (where stage = 'sql'),
                     min(t) filter (where stage in ('opportunity', 'won'))) as sql
          from h group by 1)
        select strftime(date_trunc('month', mql), '%Y-%m'), count(*), count(sql)
        from first where mql is not null group by 1 order by 1"""
    ).fetchall()
    got = {
        r["period"][:7]: (r["entered_a"], r["cohort_reached_b"])
        for r in report["conversions"]
        if r["conversion"] == "mql->sql"
    }
    assert got == {m: (n, k) for m, n, k in rows}


def test_sample_velocity_against_duckdb(report: dict[str, Any]) -> None:
    (median,) = duckdb.execute(
        f"""with h as (select lead_id, stage, cast(entered_at as timestamptz) as t
                   from {SAMPLE_HISTORY}),
        f as (select lead_id, min(t) filter (where stage = 'opportunity') o,
                     min(t) filter (where stage = 'won') w from h group by 1)
        select median(epoch(w - o) / 86400) from f where o is not null and w is not null"""
    ).fetchone()  # type: ignore[misc]
    row = next(r for r in report["velocity"] if r["span"] == "opportunity->won")
    assert row["median_days"] == pytest.approx(median, abs=0.01)


def test_sample_sla_against_duckdb(report: dict[str, Any]) -> None:
    # 1 hour for a lead with a demo request in the 2 days before hand-off, else 24 hours
    compliance, october, routed = duckdb.execute(
        f"""with d as (select lead_id, cast(handed_off_at as timestamptz) h,
                              cast(first_touch_at as timestamptz) f
                       from read_csv('{SAMPLE}/dispositions.csv', all_varchar = true)),
        demo as (select distinct d.lead_id from d
                 join read_csv('{SAMPLE}/activities.csv', all_varchar = true) a
                   on a.lead_id = d.lead_id and a.activity_type = 'demo_request'
                  and cast(a.occurred_at as timestamptz) <= d.h
                  and cast(a.occurred_at as timestamptz) >= d.h - interval 2 day),
        met as (select h, (epoch(f - h) / 3600 <= case when lead_id in (select lead_id from demo)
                                                then 1 else 24 end)::int ok from d)
        select avg(ok),
               avg(ok) filter (where h >= timestamptz '2026-10-01 00:00+00'
                                 and h < timestamptz '2026-11-01 00:00+00'),
               count(*) filter (where h >= timestamptz '2026-10-01 00:00+00'
                                  and h < timestamptz '2026-11-01 00:00+00') from met"""
    ).fetchone()  # type: ignore[misc]
    assert report["speed_to_lead"]["sla_compliance"] == round(compliance, 4)
    # The headline is the last complete period's (October, a monthly funnel), as every other
    # headline figure is, and as --fail-on sla_compliance gates on.
    assert report["latest_complete_period"].startswith("2026-10-01")
    assert report["headline"]["sla_compliance"]["value"] == round(october, 4)
    assert report["headline"]["sla_compliance"]["routed"] == routed
    weekend = {r["weekday"]: r["breach_rate"] for r in report["speed_to_lead"]["by_weekday"]}
    assert weekend["Sat"] > 0.5 > 0.2 > weekend["Tue"]  # the planted weekend breaches


def test_sample_lead_velocity_and_hash(report: dict[str, Any]) -> None:
    lv = report["headline"]["lead_velocity_rate"]
    oct_, sep = duckdb.execute(
        f"""with h as (select lead_id, stage, cast(entered_at as timestamptz) t
                   from {SAMPLE_HISTORY}),
        f as (select lead_id, coalesce(min(t) filter (where stage = 'mql'),
                     min(t) filter (where stage in ('sal', 'sql', 'opportunity', 'won'))) m
              from h group by 1)
        select count(*) filter (where m >= timestamptz '2026-10-01 00:00+00'
                                  and m < timestamptz '2026-11-01 00:00+00'),
               count(*) filter (where m >= timestamptz '2026-09-01 00:00+00'
                                  and m < timestamptz '2026-10-01 00:00+00') from f"""
    ).fetchone()  # type: ignore[misc]
    assert lv["value"] == round((oct_ - sep) / sep, 4)
    assert len(lv["definition_hash"]) == 12


def test_fail_on() -> None:
    met = run_cli(
        ["funnel", "--as-of", "2026-10-31", "-f", "json", "--fail-on", "sla_compliance<0.9"],
        cwd=SAMPLE,
    )
    assert met.exit_code == 1 and "sla_compliance<0.9" in met.stderr
    ok = run_cli(
        ["funnel", "--as-of", "2026-10-31", "-f", "json", "--fail-on", "sla_compliance<0.1"],
        cwd=SAMPLE,
    )
    assert ok.exit_code == 0


def test_olist_mql_to_won_by_origin(tmp_path: Path) -> None:
    folder = realdata("olist-marketing-funnel")
    mqls = folder / "olist_marketing_qualified_leads_dataset.csv"
    deals = folder / "olist_closed_deals_dataset.csv"
    # A project file whose inputs carry their own load options, with the shipped configs' keys
    leads_opts = yaml.safe_load((ROOT / "configs" / "olist-mqls.yaml").read_text())
    deal_opts = yaml.safe_load((ROOT / "configs" / "olist-deals.yaml").read_text())
    project = {
        "version": 1,
        "name": "olist",
        "inputs": {
            "leads": {"path": str(mqls), **leads_opts},
            "opportunities": {"path": str(deals), **deal_opts},
        },
    }
    (tmp_path / "revq.yaml").write_text(yaml.safe_dump(project))
    (tmp_path / "funnel.yaml").write_text(
        "stages: [lead, mql, won]\nconversions: [[mql, won]]\nvelocity: [[mql, won]]\n"
        "maturity_days: 180\nbenchmarks: {}\n"
    )
    result = run_cli(
        [
            "funnel",
            "--config",
            "funnel.yaml",
            "--by",
            "lead_source",
            "--as-of",
            "2018-12-31",
            "-f",
            "json",
        ],
        cwd=tmp_path,
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    got: dict[Any, list[int]] = {}
    for r in report["conversions"]:
        tally = got.setdefault(r["lead_source"], [0, 0])
        tally[0] += r["entered_a"]
        tally[1] += r["cohort_reached_b"]
    rows = duckdb.execute(
        f"""select nullif(nullif(m.origin, ''), 'unknown'), count(*), count(d.mql_id)
            from read_csv('{mqls}', all_varchar = true) m
            left join read_csv('{deals}', all_varchar = true) d using (mql_id) group by 1"""
    ).fetchall()
    assert got == {origin: [n, won] for origin, n, won in rows}
    median, negative = duckdb.execute(
        f"""with s as (select epoch(strptime(d.won_date, '%d-%m-%Y %H:%M')
                               - strptime(m.first_contact_date, '%d-%m-%Y')) / 86400 as span
            from read_csv('{mqls}', all_varchar = true) m
            join read_csv('{deals}', all_varchar = true) d using (mql_id))
            select median(span) filter (where span >= 0), count(*) filter (where span < 0)
            from s"""
    ).fetchone()  # type: ignore[misc]
    velocity = report["velocity"][0]
    # Deals won before their lead's first contact are left out of the figure, and counted.
    assert velocity["leads"] == 842 and velocity["negative"] == negative > 0
    assert velocity["median_days"] == pytest.approx(median, abs=0.01)


def test_fiscal_quarters_and_sunday_weeks() -> None:
    frame = pl.DataFrame({"t": [t(1, 15), t(2, 1), t(4, 30), t(3, 4)]}, schema={"t": funnel.UTC_US})
    fiscal = funnel.Calendar("quarter", fiscal_start_month=2)
    got = frame.select(funnel.period_start("t", fiscal))["t"].to_list()
    # fiscal year from February: Q4 is Nov-Jan, Q1 Feb-Apr
    assert got == [datetime(2025, 11, 1, tzinfo=UTC), t(2, 1), t(2, 1), t(2, 1)]
    weeks = frame.select(funnel.period_start("t", funnel.Calendar("week", week_start="sunday")))
    # 2026-03-04 is a Wednesday: its Sunday-start week began on 2026-03-01
    assert weeks["t"][3] == t(3, 1)


def test_acceptance_pipeline_and_sales_velocity_by_hand() -> None:
    d = pl.LazyFrame(
        {
            "handed_off_at": [t(1, 2), t(1, 3), t(1, 4), t(2, 1)],
            "disposition": ["accepted", "rejected", "open", "converted"],
        }
    )
    acc = funnel.acceptance_by_period(d, "month").collect()
    assert acc["routed"].to_list() == [3, 1] and acc["acceptance_rate"].to_list() == [0.5, 1.0]
    opps = pl.LazyFrame(
        {
            "lead_source": ["web", "web", None],
            "amount": [100.0, 300.0, 200.0],
            "is_won": [True, False, True],
            "is_closed": [True, True, True],
            "created_at": [t(1, 1), t(1, 1), t(1, 1)],
            "closed_at": [t(1, 11), t(1, 21), t(1, 31)],
        }
    )
    pipe = {
        r["lead_source"]: r for r in funnel.pipeline_by(opps, "lead_source").collect().to_dicts()
    }
    assert (pipe["web"]["opportunities"], pipe["web"]["amount"], pipe["web"]["won_amount"]) == (
        2,
        400.0,
        100.0,
    )
    assert pipe["(missing)"]["won"] == 1
    v = funnel.sales_velocity(opps).collect().row(0, named=True)
    # 3 opps x 200 average x 2/3 win rate / 20 days (won cycles 10 and 30) = 20 per day
    assert (v["average_deal"], v["cycle_days"], v["per_day"]) == (200.0, 20.0, 20.0)


def test_movement_readings() -> None:
    assert "tightening" in (funnel.movement_reading(-0.1, 0.05) or "")
    assert "volume" in (funnel.movement_reading(0.2, -0.01) or "")
    assert funnel.movement_reading(None, 0.1) is None


def test_sample_accepted_lead_rate_against_duckdb(report: dict[str, Any]) -> None:
    (rate,) = duckdb.execute(
        f"""select count(*) filter (where disposition in ('accepted', 'converted'))
                   / count(*) filter (where disposition <> 'open')
            from read_csv('{SAMPLE}/dispositions.csv', all_varchar = true)
            where cast(handed_off_at as timestamptz) >= timestamptz '2026-10-01 00:00+00'
              and cast(handed_off_at as timestamptz) < timestamptz '2026-11-01 00:00+00'"""
    ).fetchone()  # type: ignore[misc]
    assert report["headline"]["accepted_lead_rate"]["value"] == round(rate, 4)
    assert report["reading"] is not None


def test_stage_entries_with_recycles_by_hand() -> None:
    entries = funnel.stage_entries(HISTORY, AS_OF).collect()
    a = {r["stage"]: r for r in entries.filter(pl.col("lead_id") == "a").iter_rows(named=True)}
    # a: MQL Jan 5 -> recycled Jan 20 (15 days), MQL again Feb 10 -> SQL Feb 15 (5 days)
    assert a["mql"]["entries"] == 2
    assert a["mql"]["first_entered_at"] == t(1, 5) and a["mql"]["latest_entered_at"] == t(2, 10)
    assert a["mql"]["days_in_stage"] == 20.0
    # recycled Jan 20 -> Feb 10 = 21 days; SQL Feb 15 until the as-of time (Apr 1) = 45 days
    assert a["recycled"]["days_in_stage"] == 21.0
    assert a["sql"]["days_in_stage"] == 45.0
    # c's win on May 1 is after the as-of time: not an entry yet
    assert "won" not in set(entries.filter(pl.col("lead_id") == "c")["stage"])
    summary = funnel.time_in_stage(entries.lazy(), LADDER.stages).collect()
    mql = summary.filter(pl.col("stage") == "mql").row(0, named=True)
    assert (mql["leads"], mql["re_entered"]) == (4, 1)


def test_signal_before_opportunity_by_hand() -> None:
    opps = pl.LazyFrame(
        {
            "opportunity_id": ["o1", "o2", "o3"],
            "lead_id": ["a", "b", "c"],
            "created_at": [t(3, 1), t(3, 1), t(3, 1)],
        }
    )
    leads = pl.LazyFrame({"lead_id": ["a", "b", "c"], "account_key": ["x.com", "y.com", None]})
    signals = pl.LazyFrame(
        {
            "account_key": ["x.com", "x.com", "y.com"],
            "signal_type": ["funding", "executive_hire", "funding"],
            "occurred_at": [t(1, 10), t(2, 20), t(3, 5)],
        }
    )
    got = funnel.signal_before_opportunity(opps, leads, signals).collect().sort("opportunity_id")
    # o1: the latest signal before creation; o2's signal came after; o3 has no account
    assert got["signal_type"].to_list() == ["executive_hire", "(none)", "(none)"]


def test_cost_per_stage_from_a_spend_file(tmp_path: Path) -> None:
    (tmp_path / "spend.csv").write_text('month,spend\n2026-09,"45,000"\n2026-10,USD 47500\n')
    result = run_cli(
        ["funnel", "--as-of", "2026-10-31", "--spend", str(tmp_path / "spend.csv"), "-f", "json"],
        cwd=SAMPLE,
    )
    assert result.exit_code == 0, result.stderr
    cost = {r["period"][:7]: r for r in json.loads(result.stdout)["cost"]}
    (mqls,) = duckdb.execute(
        f"""with h as (select lead_id, stage, cast(entered_at as timestamptz) t
                   from {SAMPLE_HISTORY}),
        f as (select lead_id, coalesce(min(t) filter (where stage = 'mql'),
                     min(t) filter (where stage in ('sal', 'sql', 'opportunity', 'won'))) m
              from h group by 1)
        select count(*) from f where m >= timestamptz '2026-10-01 00:00+00'
                                 and m < timestamptz '2026-11-01 00:00+00'"""
    ).fetchone()  # type: ignore[misc]
    assert cost["2026-10"]["mqls"] == mqls
    assert cost["2026-10"]["cost_per_mql"] == round(47500 / mqls, 2)
    (tmp_path / "bad.csv").write_text("month,spend\n2026-09,lots\n")
    bad = run_cli(
        ["funnel", "--as-of", "2026-10-31", "--spend", str(tmp_path / "bad.csv")], cwd=SAMPLE
    )
    assert bad.exit_code == 2 and "bad.csv:2" in bad.stderr


def test_bad_dates_are_usage_errors() -> None:
    result = run_cli(["funnel", "--since", "31/12/2026"], cwd=SAMPLE)
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_stage_entries_same_time_entries_exit_times_and_a_lone_entry() -> None:
    hours = [datetime(2026, 1, 1, h, tzinfo=UTC) for h in range(24)]
    history = pl.LazyFrame(
        {
            # x enters sql and mql at the same hour: they follow each other in name order
            # (mql, then sql), so mql lasts 0 hours and sql until x's next entry at 10:00.
            "lead_id": ["x", "x", "x", "y", "y", "y"],
            "stage": ["sql", "mql", "won", "mql", "mql", "sql"],
            "entered_at": [hours[4], hours[4], hours[10], hours[1], hours[5], hours[2]],
            # y's first mql entry has an exit time (01:00 -> 01:30); its second lasts until
            # the as-of time; y's sql entry (02:00) lasts until the second mql entry (05:00).
            "exited_at": [None, None, None, datetime(2026, 1, 1, 1, 30, tzinfo=UTC), None, None],
        },
        schema_overrides={"exited_at": pl.Datetime("us", "UTC")},
    )
    as_of = datetime(2026, 1, 2, tzinfo=UTC)
    got = {
        (r["lead_id"], r["stage"]): r
        for r in funnel.stage_entries(history, as_of).collect().iter_rows(named=True)
    }
    assert set(got) == {("x", "mql"), ("x", "sql"), ("x", "won"), ("y", "mql"), ("y", "sql")}
    assert got["x", "mql"]["days_in_stage"] == 0.0
    assert got["x", "sql"]["days_in_stage"] == round(6 / 24, 4)
    assert got["x", "won"]["days_in_stage"] == round(14 / 24, 4)
    # y mql: 0.5 h + 19 h (05:00 to the as-of midnight); two entries, first 01:00, latest 05:00
    assert got["y", "mql"]["days_in_stage"] == round(19.5 / 24, 4)
    assert (got["y", "mql"]["entries"], got["y", "mql"]["first_entered_at"]) == (2, hours[1])
    assert got["y", "mql"]["latest_entered_at"] == hours[5]
    assert got["y", "sql"]["days_in_stage"] == round(3 / 24, 4)


def test_exports_named_without_options_go_to_their_inputs(tmp_path: Path) -> None:
    # outside the project, so nothing comes from revq.yaml but the files named
    names = ["stage_history", "opportunities", "dispositions", "hubspot_contacts"]
    files = [str(SAMPLE / f"{n}.csv") for n in names]
    config = ["--config", str(ROOT / "configs" / "funnel.yaml"), "--as-of", "2026-10-31"]
    by_position = run_cli(["-q", "funnel", *files, *config, "-f", "json"], cwd=tmp_path)
    by_option = run_cli(
        [
            "-q",
            "funnel",
            *("--history", files[0], "--opportunities", files[1]),
            *("--dispositions", files[2], "--leads", files[3]),
            *config,
            "-f",
            "json",
        ],
        cwd=tmp_path,
    )
    assert by_position.exit_code == 0, by_position.stderr
    assert by_position.stdout == by_option.stdout
    assert json.loads(by_position.stdout)["headline"]["accepted_lead_rate"]["value"] is not None


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (["signals.csv"], "signals.csv: an export of signals, not a funnel input"),
        (["stage_history.csv", "stage_history.csv"], "stage_history.csv: given twice"),
    ],
)
def test_exports_that_are_not_funnel_inputs(tmp_path: Path, files: list[str], message: str) -> None:
    result = run_cli(["funnel", *(str(SAMPLE / f) for f in files)], cwd=tmp_path)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("method", "kept", "gone"),
    [
        ("cohort", {"cohort_reached_b", "cohort_rate", "maturing"}, {"entered_b", "period_rate"}),
        ("period", {"entered_b", "period_rate"}, {"cohort_reached_b", "cohort_rate", "maturing"}),
    ],
)
def test_one_conversion_method(method: str, kept: set[str], gone: set[str]) -> None:
    args = ["-q", "funnel", "--as-of", "2026-10-31", "-f", "json"]
    both = json.loads(run_cli(args, cwd=SAMPLE).stdout)
    result = run_cli([*args, "--method", method], cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    one = json.loads(result.stdout)
    other = "period" if method == "cohort" else "cohort"
    assert one["method"] == method
    assert not [k for k in one["headline"] if k.endswith(f"_{other}")]
    assert one["headline"]["mql_to_sql_" + method] == both["headline"]["mql_to_sql_" + method]
    for row, full in zip(one["conversions"], both["conversions"], strict=True):
        assert kept <= set(row) and not gone & set(row)
        assert row == {k: v for k, v in full.items() if k not in gone}


@pytest.mark.parametrize("cut", ["quadrant", "signal_type", "score_band", "recommended_stage"])
def test_cuts_that_scoring_gives(cut: str) -> None:
    args = ["-q", "funnel", "--as-of", "2026-10-31", "-f", "json"]
    overall = json.loads(run_cli(args, cwd=SAMPLE).stdout)["conversions"]
    result = run_cli([*args, "--by", cut], cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)["conversions"]
    scored = pl.read_csv(
        io.StringIO(
            run_cli(["-q", "score", "--as-of", "2026-10-31", "-f", "csv"], cwd=SAMPLE).stdout
        )
    )
    expected = {
        "quadrant": set(scored["quadrant"]),
        "recommended_stage": set(scored["stage"]),
    }.get(cut)
    values = {r[cut] for r in rows} - {None}
    if expected is not None:
        assert values <= expected and len(values) >= 3
    # the cut partitions every period's counts
    for key in ("entered_a", "cohort_reached_b", "entered_b"):
        total: dict[tuple[str, str], int] = {}
        for r in rows:
            k = (r["conversion"], r["period"])
            total[k] = total.get(k, 0) + r[key]
        assert total == {(r["conversion"], r["period"]): r[key] for r in overall}, key


def test_a_cut_that_is_neither_a_column_nor_scored() -> None:
    result = run_cli(["funnel", "--as-of", "2026-10-31", "--by", "shoe_size"], cwd=SAMPLE)
    assert result.exit_code == 2
    assert "--by shoe_size: not a column of the leads" in result.stderr


def test_period_and_method_default_from_the_funnel_config(tmp_path: Path) -> None:
    text = (ROOT / "configs" / "funnel.yaml").read_text(encoding="utf-8")
    text = text.replace("period: month", "period: week").replace("method: both", "method: cohort")
    config = tmp_path / "funnel.yaml"
    config.write_text(text, encoding="utf-8")
    args = ["-q", "funnel", "--as-of", "2026-10-31", "-f", "json", "--config", str(config)]
    defaulted = json.loads(run_cli(args, cwd=SAMPLE).stdout)
    assert defaulted["period"] == "week" and defaulted["method"] == "cohort"
    given = json.loads(run_cli([*args, "--period", "month", "--method", "both"], cwd=SAMPLE).stdout)
    assert given["period"] == "month" and "method" not in given


def test_a_repeated_entry_counts_once(tmp_path: Path) -> None:
    rows = ["lead_id,stage,entered_at", "a,mql,2026-01-05", "a,sql,2026-01-20"]
    rows += ["b,mql,2026-01-07", "b,mql,2026-01-07", "b,sql,2026-02-01"]
    path = tmp_path / "history.csv"
    path.write_text("\n".join(rows) + "\n")
    args = ["-q", "funnel", str(path), "--as-of", "2026-03-31", "-f", "json"]
    got = json.loads(run_cli(args, cwd=tmp_path).stdout)
    jan = next(
        r
        for r in got["conversions"]
        if r["conversion"] == "mql->sql" and r["period"].startswith("2026-01")
    )
    assert (jan["entered_a"], jan["cohort_reached_b"]) == (2, 2)
    mql = next(r for r in got["time_in_stage"] if r["stage"] == "mql")
    # b's repeated MQL entry is one entry, not a re-entry
    assert (mql["leads"], mql["re_entered"]) == (2, 0)


def test_an_opportunity_report_alone(tmp_path: Path) -> None:
    (tmp_path / "opps.csv").write_text(
        "Opportunity ID,Opportunity Name,Stage,Amount,Created Date,Close Date,Closed,Won\n"
        "006A,Acme renewal,Closed Won,1000,2026-09-02,2026-09-20,true,true\n"
        "006B,Beta new,Closed Won,3000,2026-09-10,2026-10-05,true,true\n"
        "006C,Gamma new,Closed Lost,500,2026-09-15,2026-10-01,true,false\n"
        "006D,Delta new,Negotiation,2000,2026-10-03,,false,false\n"
    )
    result = run_cli(
        ["funnel", "--opportunities", "opps.csv", "--as-of", "2026-10-31", "--format", "json"],
        cwd=tmp_path,
    )
    assert result.exit_code == 0, result.stderr
    assert "the funnel starts at the opportunity stage" in result.stderr
    report = json.loads(result.stdout)
    head = report["headline"]
    # October: D was created (still open), B was won: cohort 0 of 1, period 1 won / 1 created
    assert report["latest_complete_period"].startswith("2026-10-01")
    assert head["opportunity_to_won_cohort"]["value"] == 0.0
    assert head["opportunity_to_won_period"]["value"] == 1.0
    # nothing is known before the opportunity: no stage is taken as passed through
    assert head["mql_to_sql_cohort"]["value"] is None
    assert head["lead_velocity_rate"]["value"] is None
    assert report["win_rate"]["closed"] == 3 and report["win_rate"]["won"] == 2
    assert report["win_rate"]["win_rate_by_amount"] == round(4000 / 4500, 4)
    spans = {v["span"]: v for v in report["velocity"]}
    # A: 18 days, B: 25 days from creation to the win
    assert spans["opportunity->won"]["leads"] == 2
    assert spans["opportunity->won"]["median_days"] == 21.5


def test_no_closed_deal_has_no_win_rate() -> None:
    opps = pl.LazyFrame(
        {"is_closed": [False, False], "is_won": [False, False], "amount": [100.0, None]}
    )
    got = funnel.win_rates(opps).collect().row(0, named=True)
    assert got["closed"] == 0 and got["win_rate"] is None and got["win_rate_by_amount"] is None


@pytest.mark.parametrize("pass_through", [False, True])
def test_reached_against_duckdb_on_a_random_history(pass_through: bool, tmp_path: Path) -> None:
    history = random_history(7, leads=60, rows=500)
    history.write_parquet(tmp_path / "history.parquet")
    ladder = funnel.Ladder(("mql", "sql", "opportunity", "won"), pass_through)
    got = funnel.reached(history.lazy(), ladder, datetime(2026, 3, 1, tzinfo=UTC)).collect()
    firsts = ", ".join(
        f"epoch_us(min(entered_at) filter (where stage = '{s}')) {s}" for s in ladder.stages
    )
    rows = duckdb.execute(
        f"""select lead_id, {firsts} from '{tmp_path / "history.parquet"}'
            where entered_at <= timestamptz '2026-03-01 00:00+00' and lead_id is not null
              and stage in ('mql', 'sql', 'opportunity', 'won')
            group by lead_id"""
    ).fetchall()
    want = {r[0]: list(r[1:]) for r in rows}
    if pass_through:  # a stage skipped counts as passed when a later one was first reached
        for times in want.values():
            for i in range(len(times)):
                later = [x for x in times[i:] if x is not None]
                times[i] = times[i] if times[i] is not None else min(later, default=None)
    cols = [pl.col(f"{s}_at").dt.epoch("us") for s in ladder.stages]
    assert {r[0]: list(r[1:]) for r in got.select("lead_id", *cols).rows()} == want


def test_a_duplicates_history_is_the_record_kepts(tmp_path: Path) -> None:
    (tmp_path / "leads.csv").write_text(
        "lead_id,email,last_activity_at\n"
        "L1,ann@acme.com,2026-01-01\nL2,Ann@Acme.com ,2026-02-01\nL3,bo@acme.com,2026-01-05\n"
    )
    (tmp_path / "history.csv").write_text(
        "lead_id,stage,entered_at\n"
        "L1,lead,2026-01-05\nL1,mql,2026-01-10\n"
        "L2,lead,2026-02-01\nL2,sql,2026-02-10\n"
        "L3,lead,2026-01-06\nL3,mql,2026-01-12\n"
    )
    args = ["funnel", "--leads", "leads.csv", "--history", "history.csv", "--period", "month"]
    result = run_cli([*args, "--as-of", "2026-03-31", "-f", "json"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    # L1 was merged into L2: one person, MQL on Jan 10 and SQL on Feb 10, not an MQL that never
    # progressed beside a lead that skipped to SQL
    got = {
        r["period"][:7]: (r["entered_a"], r["cohort_reached_b"])
        for r in json.loads(result.stdout)["conversions"]
        if r["conversion"] == "mql->sql" and r["entered_a"]
    }
    assert got == {"2026-01": (2, 1)}
    assert "2 stage entries count for the record kept" in result.stderr


LEAD_HISTORY_REPORT = (
    '"Lead ID","Field / Event","Old Value","New Value","Edit Date"\n'
    "00Q1,Created.,,,2026-09-01 10:00\n"
    "00Q1,Lead Status,Open - Not Contacted,Working - Contacted,2026-09-03 10:00\n"
    "00Q1,Lead Owner,Alex Kim,Priya Raman,2026-09-04 10:00\n"
    "00Q1,Lead Status,Working - Contacted,Qualified,2026-09-10 10:00\n"
    "00Q2,Lead Status,Open - Not Contacted,Working - Contacted,2026-09-05 10:00\n"
    "00Q2,Lead Status,Working - Contacted,Unqualified,2026-09-20 10:00\n"
)


def test_a_salesforce_lead_history_report_is_read_for_its_status_changes(
    tmp_path: Path,
) -> None:
    """A field history holds every field's changes: an owner's name is not a stage entered."""
    (tmp_path / "LeadHistory.csv").write_text(LEAD_HISTORY_REPORT)
    inspect = run_cli(["inspect", "LeadHistory.csv", "-f", "json"], cwd=tmp_path)
    assert inspect.exit_code == 0, inspect.stderr
    shown = json.loads(inspect.stdout)
    assert (shown["vendor"], shown["table"]) == ("salesforce", "stage_history")
    # the owner change is set aside; 'Created.' is the lead entering `lead`
    assert (shown["rows_loaded"], shown["other_properties"]) == (5, 1)
    assert "+ 1 of other properties" in inspect.stderr
    assert "not mapped" not in inspect.stderr  # neither owners' names nor 'Created.'
    gate = run_cli(["inspect", "LeadHistory.csv", "--fail-on", "other_properties>0"], cwd=tmp_path)
    assert gate.exit_code == 1
    funnel = run_cli(
        ["funnel", "--history", "LeadHistory.csv", "--as-of", "2026-10-31", "-f", "json"],
        cwd=tmp_path,
    )
    assert funnel.exit_code == 0, funnel.stderr
    # by hand: both leads were accepted (Working - Contacted: sal) in September; one of the
    # two reached sql (Qualified), the other was disqualified
    got = json.loads(funnel.stdout)
    velocity = {v["span"]: v for v in got["velocity"]}
    assert velocity["sal->sql"]["leads"] == 1 and velocity["sal->sql"]["median_days"] == 7
    # 00Q1 was created on Sep 1 and contacted on Sep 3: two days a lead
    in_stage = {t["stage"]: t for t in got["time_in_stage"]}
    assert (in_stage["lead"]["leads"], in_stage["lead"]["median_days"]) == (1, 2.0)


def test_the_api_history_objects_of_salesforce_are_read_as_stage_histories(
    tmp_path: Path,
) -> None:
    """LeadHistory and OpportunityFieldHistory as a SOQL query or Data Loader exports them:
    the history row's own Id is not the record's, and `created` is the record coming in."""
    (tmp_path / "LeadHistory.csv").write_text(
        "Id,IsDeleted,LeadId,CreatedById,CreatedDate,Field,DataType,OldValue,NewValue\n"
        "0171,false,00Q1,0051,2026-09-01T10:00:00.000Z,created,,,\n"
        "0172,false,00Q1,0051,2026-09-03T10:00:00.000Z,Status,Text,Open - Not Contacted,"
        "Working - Contacted\n"
        "0173,false,00Q1,0051,2026-09-04T10:00:00.000Z,Owner,EntityId,0051,0052\n"
        "0174,false,00Q1,0051,2026-09-10T10:00:00.000Z,Status,Text,Working - Contacted,"
        "Qualified\n"
    )
    (tmp_path / "OpportunityFieldHistory.csv").write_text(
        "Id,IsDeleted,OpportunityId,CreatedById,CreatedDate,Field,DataType,OldValue,NewValue\n"
        "0181,false,006A,0051,2026-09-02T09:00:00.000Z,created,,,\n"
        "0182,false,006A,0051,2026-09-02T09:00:01.000Z,Amount,Currency,,12000\n"
        "0183,false,006A,0051,2026-09-20T09:00:00.000Z,StageName,Picklist,Prospecting,"
        "Negotiation/Review\n"
        "0184,false,006A,0051,2026-10-05T09:00:00.000Z,StageName,Picklist,"
        "Negotiation/Review,Closed Won\n"
    )
    lead = run_cli(["inspect", "LeadHistory.csv", "-f", "json"], cwd=tmp_path)
    assert lead.exit_code == 0, lead.stderr
    shown = json.loads(lead.stdout)
    assert (shown["vendor"], shown["table"]) == ("salesforce", "stage_history")
    assert shown["columns"]["lead_id"] == "LeadId"  # not the history row's Id
    assert (shown["rows_loaded"], shown["other_properties"]) == (3, 1)
    funnel = run_cli(
        ["funnel", "--history", "LeadHistory.csv", "--as-of", "2026-10-31", "-f", "json"],
        cwd=tmp_path,
    )
    assert funnel.exit_code == 0, funnel.stderr
    in_stage = {t["stage"]: t for t in json.loads(funnel.stdout)["time_in_stage"]}
    # by hand: lead Sep 1 -> Sep 3 (2 days); sal Sep 3 -> Sep 10 (7 days)
    assert (in_stage["lead"]["median_days"], in_stage["sal"]["median_days"]) == (2.0, 7.0)
    opp = run_cli(
        [
            "funnel",
            "--history",
            "OpportunityFieldHistory.csv",
            "--as-of",
            "2026-10-31",
            "-f",
            "json",
        ],
        cwd=tmp_path,
    )
    assert opp.exit_code == 0, opp.stderr
    assert "+ 1 of other properties" in opp.stderr  # the amount
    got = json.loads(opp.stdout)
    velocity = {v["span"]: v for v in got["velocity"]}
    # created Sep 2 09:00 (an opportunity), closed won Oct 5 09:00: 33 days
    assert velocity["opportunity->won"]["median_days"] == 33.0
    in_stage = {t["stage"]: t for t in got["time_in_stage"]}
    assert "lead" not in in_stage and in_stage["opportunity"]["leads"] == 1


def test_a_child_object_of_opportunities_is_not_read_as_opportunities(tmp_path: Path) -> None:
    """The API's OpportunityHistory holds a row per stage change, with its own Id beside the
    OpportunityId it belongs to: read unforced as opportunities it had made one "opportunity"
    per change. It is a stage history, and `revq funnel` given it beside the Opportunity
    export by position sends each to its own input."""
    (tmp_path / "OpportunityHistory.csv").write_text(
        "Id,OpportunityId,CreatedDate,StageName,Amount,CloseDate,Probability\n"
        "008A1,006A,2026-09-02T09:00:00.000Z,Prospecting,12000,2026-11-01,10\n"
        "008A2,006A,2026-09-20T09:00:00.000Z,Negotiation/Review,12000,2026-11-01,80\n"
        "008A3,006A,2026-10-05T09:00:00.000Z,Closed Won,12000,2026-10-05,100\n"
        "008B1,006B,2026-09-10T09:00:00.000Z,Prospecting,5000,2026-12-01,10\n"
    )
    (tmp_path / "Opportunity.csv").write_text(
        "Id,Name,StageName,Amount,CloseDate,CreatedDate,IsWon,IsClosed\n"
        "006A,Acme,Closed Won,12000,2026-10-05,2026-09-02T09:00:00.000Z,true,true\n"
        "006B,Beta,Prospecting,5000,2026-12-01,2026-09-10T09:00:00.000Z,false,false\n"
    )
    shown = json.loads(
        run_cli(["inspect", "OpportunityHistory.csv", "-f", "json"], cwd=tmp_path).stdout
    )
    assert (shown["table"], shown["columns"]["lead_id"]) == ("stage_history", "OpportunityId")
    run = run_cli(
        [
            "funnel",
            "Opportunity.csv",
            "OpportunityHistory.csv",
            "--as-of",
            "2026-10-31",
            "-f",
            "json",
        ],
        cwd=tmp_path,
    )
    assert run.exit_code == 0, run.stderr
    assert "OpportunityHistory.csv: salesforce stage_history: read 4 rows = 4 loaded" in run.stderr
    assert "Opportunity.csv: salesforce opportunities: read 2 rows = 2 loaded" in run.stderr
    velocity = {v["span"]: v for v in json.loads(run.stdout)["velocity"]}
    # by hand: 006A entered prospecting (an opportunity) Sep 2 09:00, closed won Oct 5 09:00
    assert velocity["opportunity->won"]["median_days"] == 33.0


def test_entries_out_writes_each_leads_time_in_each_stage(tmp_path: Path) -> None:
    (tmp_path / "history.csv").write_text(
        "lead_id,stage,entered_at\n"
        "a,mql,2026-01-05\na,recycled,2026-01-20\na,mql,2026-02-10\na,sql,2026-02-15\n"
        # b's MQL entry comes twice (two exports merged by hand): it counts once
        "b,mql,2026-01-07\nb,mql,2026-01-07\nb,opportunity,2026-03-01\n"
    )
    config = ["--config", str(ROOT / "configs" / "funnel.yaml"), "--as-of", "2026-03-31"]
    result = run_cli(
        ["funnel", "history.csv", *config, "-f", "json", "--entries-out", "entries.parquet"],
        cwd=tmp_path,
    )
    assert result.exit_code == 0, result.stderr
    assert "wrote 5 lead and stage rows to entries.parquet" in result.stderr
    got = pl.read_parquet(tmp_path / "entries.parquet")
    # by hand; the as-of time is the end of March 31 (April 1, 00:00)
    want = [
        ("a", "mql", t(1, 5), t(2, 10), 2, 15.0 + 5.0),  # Jan 5 -> Jan 20, Feb 10 -> Feb 15
        ("a", "recycled", t(1, 20), t(1, 20), 1, 21.0),  # Jan 20 -> Feb 10
        ("a", "sql", t(2, 15), t(2, 15), 1, 45.0),  # Feb 15 -> Apr 1
        ("b", "mql", t(1, 7), t(1, 7), 1, 53.0),  # Jan 7 -> Mar 1
        ("b", "opportunity", t(3, 1), t(3, 1), 1, 31.0),  # Mar 1 -> Apr 1
    ]
    assert got.rows() == want
    # the report is the same with or without the extra file
    plain = run_cli(["funnel", "history.csv", *config, "-f", "json"], cwd=tmp_path)
    assert plain.stdout == result.stdout


def test_entries_out_must_be_a_table_file_apart_from_out(tmp_path: Path) -> None:
    bad = run_cli(["funnel", "--entries-out", "entries.xls"], cwd=tmp_path)
    assert bad.exit_code == 2 and "cannot write a '.xls' file" in bad.stderr
    same = run_cli(["funnel", "--entries-out", "x.csv", "--out", "x.csv"], cwd=tmp_path)
    assert same.exit_code == 2 and "given to both --out and --entries-out" in same.stderr


def test_negative_times_are_flagged_not_printed(tmp_path: Path) -> None:
    # The Fivetran Salesforce seed: close dates are dates, creation dates have a time, so a
    # deal won the day it was created closes "before" it was created.
    seed = realdata("fivetran-dbt_salesforce_source", "sf_opportunity_data.csv")
    (tmp_path / "revq.yaml").write_text(
        "version: 1\nname: seed\ninputs:\n"
        f"  opportunities: {{path: {seed.as_posix()}, keep_deleted: true}}\n",
        encoding="utf-8",
    )
    result = run_cli(["funnel", "--as-of", "2024-12-31", "-f", "json"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    won, before, mean_cycle, valid_cycle = duckdb.execute(
        f"""with o as (select epoch(cast(close_date as timestamp)
                                    - cast(created_date as timestamp)) / 86400 d
                       from read_csv('{seed}', all_varchar = true) where is_won = 'true')
            select count(*), count(*) filter (where d < 0), avg(d), avg(d) filter (where d >= 0)
            from o"""
    ).fetchone()  # type: ignore[misc]
    assert mean_cycle < 0  # what used to be printed as the average won cycle
    row = next(r for r in report["velocity"] if r["span"] == "opportunity->won")
    assert (row["leads"], row["negative"]) == (won, before) == (5, 4)
    # The figures are over the one deal whose dates hold: its days, never a negative.
    assert row["median_days"] == pytest.approx(valid_cycle, abs=0.01) and valid_cycle > 0
    cycle = report["sales_velocity"]
    assert cycle["closed_before_created"] == before
    assert cycle["cycle_days"] == pytest.approx(valid_cycle, abs=0.01)
    assert any("4 of 5 leads reached won before opportunity" in n for n in report["notes"])
    table = run_cli(["funnel", "--as-of", "2024-12-31"], cwd=tmp_path).stdout
    assert "note: 4 won opportunities close before they were created" in table
    velocity = [line for line in table.splitlines() if re.match(r"\s*opportunity->won\s+5\s", line)]
    assert len(velocity) == 1 and not re.search(r"-\d", velocity[0])  # no negative days shown


def test_a_negative_time_is_left_out_of_the_figures() -> None:
    # Four won deals, one closed (a date, midnight) before its creation time that day: the
    # figures are over the other three (10, 20 and 30 days and 9 hours), and it is counted.
    from revq.core import funnel

    opps = pl.DataFrame(
        {
            "created_at": [datetime(2026, 1, d, 15, tzinfo=UTC) for d in (1, 2, 3, 4)],
            "closed_at": [
                datetime(2026, 1, 11, 15, tzinfo=UTC),
                datetime(2026, 1, 22, 15, tzinfo=UTC),
                datetime(2026, 2, 3, 0, tzinfo=UTC),
                datetime(2026, 1, 4, tzinfo=UTC),  # before 15:00 that day
            ],
            "amount": [100.0, 200.0, 300.0, 400.0],
            "is_won": [True] * 4,
            "is_closed": [True] * 4,
        }
    )
    cycle = funnel.sales_velocity(opps.lazy()).collect().row(0, named=True)
    assert cycle["closed_before_created"] == 1
    assert cycle["cycle_days"] == pytest.approx((10 + 20 + 30.375) / 3, abs=0.01)
    stages = opps.select(
        pl.col("created_at").alias("opportunity_at"), pl.col("closed_at").alias("won_at")
    )
    row = funnel.velocity(stages.lazy(), [("opportunity", "won")]).collect().row(0, named=True)
    assert (row["leads"], row["negative"]) == (4, 1)
    assert row["median_days"] == pytest.approx(20.0, abs=0.01)
