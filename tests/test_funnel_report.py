"""The funnel report's pure parts on tiny frames, every figure worked out by hand."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

from revq.config.funnel import FunnelConfig
from revq.core import funnel
from revq.core.funnel_report import (
    band_reading,
    first_stage_within,
    funnel_report,
    history_from_leads,
    link_opportunities,
)
from tests.conftest import SAMPLE, run_cli

US = pl.Datetime("us", "UTC")


def t(month: int, day: int, hour: int = 0) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def test_band_reading() -> None:
    band = (0.16, 0.20)
    assert [band_reading(v, band) for v in (0.1, 0.16, 0.2, 0.25)] == [
        "below",
        "within",
        "within",
        "above",
    ]
    assert band_reading(0.5, (None, 0.3)) == "above" and band_reading(None, band) is None
    assert band_reading(0.5, None) is None


def test_history_from_leads_takes_each_stage_date_column() -> None:
    leads = pl.DataFrame(
        {"lead_id": ["a", "b"], "created_at": [t(1, 1), t(1, 2)], "mql_at": [t(1, 5), None]},
        schema_overrides={"created_at": US, "mql_at": US},
    )
    got = history_from_leads(leads)
    assert got is not None
    assert sorted(got.rows()) == [
        ("a", "lead", t(1, 1)),
        ("a", "mql", t(1, 5)),
        ("b", "lead", t(1, 2)),
    ]
    assert history_from_leads(leads.select("lead_id")) is None


def test_first_stage_within_keeps_leads_whose_first_stage_is_in_the_window() -> None:
    stages = pl.LazyFrame(
        {
            "lead_id": ["early", "in", "late", "mql_only"],
            "lead_at": [t(1, 31), t(2, 1), t(3, 1), None],
            "mql_at": [t(2, 15), t(2, 2), t(3, 2), t(2, 28, 23)],
        },
        schema_overrides={"lead_at": US, "mql_at": US},
    )
    got = first_stage_within(stages, ["lead", "mql"], t(2, 1), t(3, 1)).collect()
    # "early" began in January; "late" on March 1, the first instant past the window
    assert got["lead_id"].to_list() == ["in", "mql_only"]


def test_speed_to_lead_and_acceptance_by_hand() -> None:
    # Three hand-offs in March 2026, reported as of April 1:
    # a asked for a demo an hour before its hand-off: 1-hour SLA, touched after 2 h (breach);
    # b: 24-hour SLA, touched after 5 h (within); c never touched, so past its SLA (breach).
    disp = pl.DataFrame(
        {
            "lead_id": ["a", "b", "c"],
            "handed_off_at": [t(3, 2, 9), t(3, 3, 9), t(3, 4, 9)],
            "first_touch_at": [t(3, 2, 11), t(3, 3, 14), None],
            "disposition": ["accepted", "rejected", "open"],
        },
        schema_overrides={"handed_off_at": US, "first_touch_at": US},
    )
    acts = pl.DataFrame(
        {"lead_id": ["a", "b"], "activity_type": ["demo_request", "web_visit"]}
    ).with_columns(occurred_at=pl.Series([t(3, 2, 8), t(3, 3, 8)], dtype=US))
    stages = pl.LazyFrame(
        {"lead_id": ["a", "b", "c"], "mql_at": [t(3, 1)] * 3, "sql_at": [t(3, 10), None, None]},
        schema_overrides={"mql_at": US, "sql_at": US},
    )
    defs = FunnelConfig(stages=["mql", "sql"], conversions=[("mql", "sql")], velocity=[])
    report, speed = funnel_report(
        stages, defs, funnel.Calendar("month"), t(4, 1), None, None, disp, acts, None
    )
    assert speed is not None
    assert speed.sort("lead_id")["sla_hours"].to_list() == [1.0, 24.0, 24.0]
    s = report["speed_to_lead"]
    assert (s["routed"], s["touched"], s["within_sla"], s["breaches"]) == (3, 2, 1, 2)
    assert s["sla_compliance"] == round(1 / 3, 4)
    assert s["median_hours"] == 3.5  # median of 2 h and 5 h
    # decided: a (accepted) and b (rejected); c is open
    assert report["headline"]["accepted_lead_rate"]["value"] == 0.5
    # one of the three March MQLs reached SQL
    assert report["headline"]["mql_to_sql_cohort"]["value"] == round(1 / 3, 4)
    assert report["headline"]["mql_to_sql_cohort"]["reading"] == "above"  # band 16-20%


def test_a_config_without_conversions_or_velocity_still_reports(tmp_path: Path) -> None:
    full = run_cli(["-q", "funnel", "--as-of", "2026-10-31", "-f", "json"], cwd=SAMPLE)
    assert full.exit_code == 0, full.stderr
    for key in ("conversions", "velocity"):
        (tmp_path / f"{key}.yaml").write_text(f"{key}: []\n")
        args = ["-q", "funnel", "--as-of", "2026-10-31", "-f", "json"]
        run = run_cli([*args, "--config", str(tmp_path / f"{key}.yaml")], cwd=SAMPLE)
        assert run.exit_code == 0, run.stderr  # it was a polars traceback
        got, want = json.loads(run.stdout), json.loads(full.stdout)
        assert got[key] == [] and got["latest_complete_period"] == want["latest_complete_period"]
        for metric in ("lead_velocity_rate", "accepted_lead_rate", "sla_compliance"):
            assert got["headline"][metric]["value"] == want["headline"][metric]["value"]


def test_link_opportunities_reads_the_lead_off_its_converted_opportunity_id() -> None:
    leads = pl.LazyFrame(
        {
            "lead_id": ["L1", "L2", "L3", "L4"],
            "converted_opportunity_id": ["O1", "O2", "O2", None],
            # L3 was converted into O2 before L2 was: O2 is L3's, and counts once
            "converted_at": [t(8, 1), t(8, 9), t(8, 2), None],
        }
    )
    opps = pl.LazyFrame(
        {
            "opportunity_id": ["O1", "O2", "O3", "O4"],
            # O4 names its lead; O3 came from no lead
            "lead_id": [None, None, None, "L4"],
            "amount": [1.0, 2.0, 3.0, 4.0],
        },
        schema_overrides={"lead_id": pl.String},
    )
    got = link_opportunities(opps, leads).collect()
    expected = pl.DataFrame(
        {
            "opportunity_id": ["O1", "O2", "O3", "O4"],
            "lead_id": ["L1", "L3", None, "L4"],
            "amount": [1.0, 2.0, 3.0, 4.0],
        }
    )
    assert_frame_equal(got, expected)
    # opportunities that name no lead at all take the converted lead's
    bare = link_opportunities(opps.drop("lead_id"), leads).collect()
    assert bare["lead_id"].to_list() == ["L1", "L3", None, None]


SF_LEADS = (
    "Id,Email,Company,Status,LeadSource,CreatedDate,IsConverted,ConvertedDate,"
    "ConvertedOpportunityId\n"
    "00Q1,a@acme.com,Acme,Closed - Converted,Web,2026-08-01T09:00:00.000Z,true,2026-08-20,006A\n"
    "00Q2,b@beta.io,Beta,Closed - Converted,Partner,2026-08-05T09:00:00.000Z,true,2026-08-25,"
    "006B\n"
    "00Q3,c@gamma.io,Gamma,Working - Contacted,Web,2026-08-10T09:00:00.000Z,false,,\n"
)
SF_OPPORTUNITIES = (
    "Id,Name,StageName,Amount,CreatedDate,CloseDate,IsClosed,IsWon\n"
    "006A,Acme,Closed Won,10000,2026-08-20T09:00:00.000Z,2026-09-19,true,true\n"
    "006B,Beta,Closed Lost,5000,2026-08-25T09:00:00.000Z,2026-09-10,true,false\n"
    "006C,Delta,Prospecting,7000,2026-09-01T09:00:00.000Z,2026-10-30,false,false\n"
)


def test_salesforce_opportunities_meet_the_leads_converted_into_them(tmp_path: Path) -> None:
    """A Salesforce opportunity export names no lead; the lead export's ConvertedOpportunityId
    does, and without it the funnel stopped at the leads."""
    (tmp_path / "Lead.csv").write_text(SF_LEADS)
    (tmp_path / "Opportunity.csv").write_text(SF_OPPORTUNITIES)
    args = ["funnel", "--leads", "Lead.csv", "--opportunities", "Opportunity.csv"]
    result = run_cli([*args, "--as-of", "2026-10-31", "-f", "json"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "2 opportunities joined to their leads by the leads' ConvertedOpportunityId" in (
        result.stderr
    )
    got = json.loads(result.stdout)
    velocity = {v["span"]: v for v in got["velocity"]}
    # by hand: created Aug 1 -> opportunity Aug 20 (19 days), Aug 5 -> Aug 25 (20 days)
    to_opportunity = velocity["lead->opportunity"]
    assert (to_opportunity["leads"], to_opportunity["median_days"]) == (2, 19.5)
    # 006A: created Aug 20 09:00, won Sep 19 00:00: 29 days and 15 hours
    assert velocity["opportunity->won"]["leads"] == 1
    assert abs(velocity["opportunity->won"]["median_days"] - 29.625) < 0.01
    by_source = {
        r["lead_source"]: (r["amount"], r["won_amount"]) for r in got["pipeline_by_source"]
    }
    assert by_source == {
        "Web": (10000.0, 10000.0),
        "Partner": (5000.0, 0.0),
        "(missing)": (7000.0, 0.0),
    }


def test_leads_exported_without_their_source_give_no_pipeline_by_source(tmp_path: Path) -> None:
    # ConvertedOpportunityId links them; no LeadSource column to cut the pipeline by (it had
    # been a crash: column "lead_source" not found)
    header, *rows = SF_LEADS.splitlines()
    columns = header.split(",")
    keep = [i for i, c in enumerate(columns) if c != "LeadSource"]
    lines = [",".join(line.split(",")[i] for i in keep) for line in [header, *rows]]
    (tmp_path / "Lead.csv").write_text("\n".join(lines) + "\n")
    (tmp_path / "Opportunity.csv").write_text(SF_OPPORTUNITIES)
    args = ["funnel", "--leads", "Lead.csv", "--opportunities", "Opportunity.csv"]
    result = run_cli([*args, "--as-of", "2026-10-31", "-f", "json"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    got = json.loads(result.stdout)
    assert "pipeline_by_source" not in got
    assert got["win_rate"]["won"] == 1
