"""Rules that gave no lead points are named, with what their columns hold instead."""

from __future__ import annotations

import io
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from revq.config.scoring import load_scoring
from revq.core.scoring.coverage import (
    column_values,
    event_rule_hits,
    input_warnings,
    rule_hits,
    unused_rule_warnings,
)
from tests.conftest import SAMPLE, run_cli

CONFIG = """
fit:
  rules:
    - {name: software, points: 10, when: {column: industry, in: [software]}}
    - {name: aerospace, points: 10, when: {column: industry, equals: Aerospace}}
    - {name: per_seat, points: {per: seats, each: 2}}
intent:
  events:
    half_life_days: 30
    rules:
      - {name: demo, points: 20, when: {column: activity_type, equals: demo_request}}
      - {name: webinar, points: 5, when: {column: activity_type, equals: webinar}}
segments:
  - name: big
    when: {column: seats, gte: 100}
    fit:
      rules:
        - {name: software, points: 20, when: {column: industry, equals: Software}}
"""

LEADS = {
    "lead_id": ["a", "b", "c", "d", "e"],
    "industry": ["Software", " software ", "Retail", None, "Software"],
    "seats": [0, 3, None, 150, 200],
}


def _model(tmp_path: Path) -> Any:
    path = tmp_path / "scoring.yaml"
    path.write_text(textwrap.dedent(CONFIG))
    return load_scoring(path).model


def test_rule_hits_counted_by_hand(tmp_path: Path) -> None:
    got = rule_hits(pl.LazyFrame(LEADS), _model(tmp_path))
    rows = {r["rule"]: (r["applies"], r["hits"]) for r in got.iter_rows(named=True)}
    assert rows == {
        # the base rule is replaced for the two big leads (d, e): of a, b, c, a and b match
        "software": (3, 2),
        "aerospace": (5, 0),
        # 2 points a seat: b (3 seats), d, e; a has 0 seats, c none
        "per_seat": (5, 3),
        # the segment's own rule, for d and e: only e is in Software
        "big.software": (2, 1),
    }


def test_event_rule_hits(tmp_path: Path) -> None:
    acts = pl.LazyFrame({"activity_type": ["demo_request", "page_view", "demo_request", None]})
    got = event_rule_hits(acts, _model(tmp_path))
    assert got.rows() == [("demo", 2), ("webinar", 0)]


def test_column_values() -> None:
    frame = pl.LazyFrame(
        {
            "t": ["b", "a", "b", None, "c", "a", "d"],
            "n": [3, None, 1200, 7, 5, 9, 8],
            "empty": pl.Series([None] * 7, dtype=pl.String),
        }
    )
    # most frequent first, ties by value; three shown
    assert column_values(frame, "t") == "t: 'a' 2, 'b' 2, 'c' 1"
    assert column_values(frame, "n") == "n: 6 values from 3 to 1,200"
    assert column_values(frame, "empty") == "empty is always empty"


def test_warnings_name_the_rule_and_what_the_column_holds(tmp_path: Path) -> None:
    acts = pl.LazyFrame({"activity_type": ["demo_request", "page_view", "page_view"]})
    lines = unused_rule_warnings(pl.LazyFrame(LEADS), _model(tmp_path), acts)
    assert lines == [
        "rule 'aerospace' gave points to none of the 5 leads it applies to "
        "(industry: 'Software' 2, ' software ' 1, 'Retail' 1)",
        "event rule 'webinar' matched none of the 3 activities "
        "(activity_type: 'page_view' 2, 'demo_request' 1)",
    ]


@pytest.mark.parametrize("sample_rows", [1, 2, 100])
def test_rules_that_score_only_after_the_first_rows_are_not_unused(
    tmp_path: Path, sample_rows: int
) -> None:
    # Rules are looked for in the first rows, then the others are counted over all rows: the
    # segment's rule scores only on the fifth lead and the demo on the fourth activity, and
    # neither is warned about whatever the sample; the counts in the lines are of all rows.
    acts = pl.LazyFrame({"activity_type": ["page_view", "page_view", "page_view", "demo_request"]})
    lines = unused_rule_warnings(pl.LazyFrame(LEADS), _model(tmp_path), acts, sample_rows)
    assert lines == [
        "rule 'aerospace' gave points to none of the 5 leads it applies to "
        "(industry: 'Software' 2, ' software ' 1, 'Retail' 1)",
        "event rule 'webinar' matched none of the 4 activities "
        "(activity_type: 'page_view' 3, 'demo_request' 1)",
    ]


def test_score_warns_of_unused_rules_unless_quiet(tmp_path: Path) -> None:
    config = tmp_path / "s.yaml"
    config.write_text(
        "fit:\n  rules:\n"
        "    - {name: aerospace, points: 10, when: {column: industry, equals: Aerospace}}\n"
        "    - {name: software, points: 10, when: {column: industry, equals: Software}}\n"
    )
    args = ["score", "--as-of", "2026-10-31", "--config", str(config), "--format", "csv"]
    loud = run_cli(args, cwd=SAMPLE)
    assert loud.exit_code == 0, loud.stderr
    assert "rule 'aerospace' gave points to none of the 5,000 leads" in loud.stderr
    assert "rule 'software'" not in loud.stderr
    quiet = run_cli(["-q", *args], cwd=SAMPLE)
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert quiet.stdout == loud.stdout
    # the shipped sample model fits the sample data: no rule goes unused
    sample = run_cli(["score", "--as-of", "2026-10-31", "--format", "csv"], cwd=SAMPLE)
    assert "gave points to none" not in sample.stderr and "matched none" not in sample.stderr


def test_a_config_that_scores_nothing_is_a_warning(tmp_path: Path) -> None:
    config = tmp_path / "empty.yaml"
    config.write_text("version: 1\n")
    args = ["score", "--as-of", "2026-10-31", "--config", str(config), "--format", "csv"]
    run = run_cli(args, cwd=SAMPLE)
    assert run.exit_code == 0, run.stderr
    assert "has no rules, event rules, signals or gates: every lead scores 0" in run.stderr
    totals = pl.read_csv(io.StringIO(run.stdout))["total_score"]
    assert totals.len() == 5_000 and (totals == 0).all()
    config.write_text(
        "gates:\n  - {name: spam, reason: spam, when: {column: email, is_null: true}}\n"
    )
    gated = run_cli(args, cwd=SAMPLE)
    assert gated.exit_code == 0, gated.stderr
    assert "every lead scores 0" not in gated.stderr


def _at(day: int) -> datetime:
    return datetime(2026, 3, day, tzinfo=UTC)


def test_input_warnings_count_rows_that_can_score_nothing(tmp_path: Path) -> None:
    config = CONFIG + "signals:\n  half_life_days: 30\n  weights: {funding: 10}\n"
    (tmp_path / "s.yaml").write_text(textwrap.dedent(config))
    model = load_scoring(tmp_path / "s.yaml").model
    leads = pl.LazyFrame(LEADS)
    acts = pl.LazyFrame(
        {
            # x and y are no lead of the export; c's second event is after the as-of time
            "lead_id": ["a", "x", "c", "c", "y"],
            "activity_type": ["demo_request"] * 5,
            "occurred_at": [_at(1), _at(2), _at(3), _at(20), _at(4)],
        }
    )
    signals = pl.LazyFrame(
        {
            "account_key": ["a.com"] * 4,
            "signal_type": ["Funding", "layoffs", "layoffs", "ipo"],
            "occurred_at": [_at(1), _at(2), _at(25), _at(3)],
        }
    )
    as_of = _at(10)
    assert input_warnings(leads, model, acts, signals, as_of) == [
        "2 of 5 activities (40.0%) have a lead_id not in the leads export and score nothing",
        "1 activity is dated after the as-of time and not counted",
        "signal types without points in signals.weights score nothing: ipo (1), layoffs (2)",
        "1 signal is dated after the as-of time and not counted",
    ]
    strangers = acts.with_columns(pl.lit("00Q5g000001abcd").alias("lead_id"))
    (line,) = input_warnings(
        leads, model, strangers.filter(pl.col("occurred_at") < as_of), None, as_of
    )
    assert line.startswith("none of the 4 activities has a lead_id in the leads export")
    idless = acts.with_columns(pl.lit(None, dtype=pl.String).alias("lead_id")).head(1)
    (line,) = input_warnings(leads, model, idless, None, as_of)
    assert line.startswith("none of the 1 activities has a lead_id in the leads export")
    by_email = pl.LazyFrame(
        {
            "email": [" Ann@Acme.com", "bo@acme.com"],
            "activity_type": ["webinar"] * 2,
            "occurred_at": [_at(1), _at(2)],
        }
    )
    with_email = leads.with_columns(
        pl.Series("email_normalised", ["ann@acme.com", None, None, None, None])
    )
    assert input_warnings(with_email, model, by_email, None, as_of) == [
        "1 of 2 activities (50.0%) have an email not in the leads export and score nothing"
    ]


def test_input_warnings_match_keys_exactly_whatever_the_leads_hold(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(textwrap.dedent(CONFIG))
    model = load_scoring(tmp_path / "s.yaml").model
    # a lead without an email: an activity without one matches it no more than another lead
    leads = pl.LazyFrame({"lead_id": ["1", "2"], "email_normalised": ["ann@acme.com", None]})
    acts = pl.LazyFrame(
        {
            "email": [None, "ANN@acme.com ", "bo@acme.com", "ann@acme.co"],
            "activity_type": ["webinar"] * 4,
            "occurred_at": [_at(1)] * 4,
        }
    )
    assert input_warnings(leads, model, acts, None, _at(10)) == [
        "3 of 4 activities (75.0%) have an email not in the leads export and score nothing"
    ]
    # two leads with one id (a run without merging): each activity is counted once
    twice = pl.LazyFrame({"lead_id": ["1", "1", "2"]})
    by_id = pl.LazyFrame(
        {"lead_id": ["1", "3"], "activity_type": ["webinar"] * 2, "occurred_at": [_at(1)] * 2}
    )
    assert input_warnings(twice, model, by_id, None, _at(10)) == [
        "1 of 2 activities (50.0%) have a lead_id not in the leads export and score nothing"
    ]
