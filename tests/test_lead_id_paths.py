"""The faster paths scoring takes by what holds of the lead ids (`LeadIds`) give the rows the
general paths give: events summed by the id's number meet exactly the leads they meet by the
id's text, and signals summed per account reach each lead as its own pairing with them does.
Where an id is held twice (duplicates not merged), the general paths are taken."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from revq.config.scoring import load_scoring
from revq.core.scoring.engine import build_ledger, score_leads
from revq.core.scoring.wide import LeadIds, number_id
from tests.conftest import SAMPLE, run_cli

AS_OF = datetime(2026, 3, 1, tzinfo=UTC)


def test_an_id_has_a_number_only_when_written_as_that_number() -> None:
    texts = ["7", "07", "+7", " 7", "7 ", "-7", "-0", "0", "7.0", "1e3", "", None]
    texts += ["9223372036854775807", "9223372036854775808", "\u0663"]  # i64 max, max + 1, Arabic 3
    expected = [7, None, None, None, None, -7, None, 0, None, None, None, None]
    expected += [9223372036854775807, None, None]
    got = pl.DataFrame({"id": texts}, schema={"id": pl.String}).select(number_id("id"))
    assert got.to_series().to_list() == expected


@pytest.mark.parametrize(
    ("ids", "numbers", "distinct"),
    [
        (["1", "22", "3"], True, True),
        (["1", "22", None], True, False),  # a missing id
        (["1", "22", "1"], True, False),  # an id held twice
        (["1", "0022"], False, True),
        (["00Q5e000001AbCdEAK", "1"], False, True),  # a Salesforce id
    ],
)
def test_what_holds_of_the_ids(ids: list[str | None], numbers: bool, distinct: bool) -> None:
    leads = pl.DataFrame({"lead_id": ids}, schema={"lead_id": pl.String})
    assert LeadIds.of(leads) == LeadIds(numbers=numbers, distinct=distinct)


def test_nothing_holds_of_ids_that_are_not_text() -> None:
    assert LeadIds.of(pl.DataFrame({"lead_id": [1, 2]})) == LeadIds()
    assert LeadIds.of(pl.DataFrame({"email": ["a@x.com"]})) == LeadIds()


def test_events_meet_the_same_leads_by_number_as_by_text(tmp_path: Path) -> None:
    path = tmp_path / "scoring.yaml"
    path.write_text(
        textwrap.dedent(
            """
            intent:
              events:
                rules:
                  - {name: demo, when: {column: activity_type, equals: demo_request}, points: 10}
                  - {name: visit, when: {column: activity_type, equals: page_view}, points: 1}
            """
        )
    )
    model = load_scoring(path).model
    leads = pl.LazyFrame({"lead_id": ["7", "8", "10", "11"]})
    day = AS_OF - timedelta(days=1)
    # "07", " 8", "+10" and "1e1" are not the leads' ids as written: they score for no lead
    acts = pl.LazyFrame(
        {
            "lead_id": ["7", "07", "8", " 8", "10", "+10", "1e1", "10", "9", None],
            "activity_type": ["demo_request"] * 7 + ["page_view", "demo_request", "page_view"],
            "occurred_at": [day] * 10,
        }
    )
    by_text, by_number = (
        score_leads(leads, model, activities=acts, as_of=AS_OF, ids=LeadIds(numbers=n)).collect()
        for n in (False, True)
    )
    assert by_number.equals(by_text)
    # by hand: 7 one demo (10); 8 one demo (10); 10 one demo and one visit (11); 11 nothing
    intent = dict(zip(by_number["lead_id"], by_number["intent_score"], strict=True))
    assert intent == {"7": 10.0, "8": 10.0, "10": 11.0, "11": 0.0}


SIGNALS = """
signals:
  half_life_days: 10
  weights: {funding: 10, expansion: 4}
"""


def _signal_scores(tmp_path: Path, leads: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    path = tmp_path / "scoring.yaml"
    path.write_text(SIGNALS)
    model = load_scoring(path).model
    day = AS_OF - timedelta(days=10)
    signals = pl.LazyFrame(
        {
            "account_key": ["acme.com", "acme.com", "beta.io", None],
            "signal_type": ["funding", "expansion", "funding", "funding"],
            "occurred_at": [day, AS_OF - timedelta(days=1), day, day],
        }
    )
    scored = score_leads(
        leads.lazy(), model, signals=signals, as_of=AS_OF, ids=LeadIds.of(leads)
    ).collect()
    ledger = build_ledger(leads.lazy(), model, signals=signals, as_of=AS_OF).collect()
    return scored, ledger


def test_signals_per_account_are_each_leads_own(tmp_path: Path) -> None:
    leads = pl.DataFrame(
        {"lead_id": ["a", "b", "c", "d"], "account_key": ["acme.com", "acme.com", "beta.io", None]}
    )
    scored, ledger = _signal_scores(tmp_path, leads)
    assert LeadIds.of(leads).distinct
    # by hand: acme 10 * 0.5 + 4 * 0.5 ** 0.1; beta 10 * 0.5; no account, no signal
    acme = round(5 + 4 * 0.5**0.1, 2)
    got = dict(zip(scored["lead_id"], scored["signal_score"], strict=True))
    assert got == {"a": acme, "b": acme, "c": 5.0, "d": 0.0}
    # and each lead's ledger sums to its score, as explain shows it
    sums = ledger.group_by("lead_id").agg(pl.col("points").sum())
    for lead, points in sums.iter_rows():
        assert round(points, 2) == got[lead]


def test_an_id_held_twice_takes_the_general_path(tmp_path: Path) -> None:
    """An export loaded without merging duplicates can hold a lead id twice: each of its rows
    gets the signals the lead id is paired with, as the ledger and the DuckDB engine give."""
    leads = pl.DataFrame(
        {"lead_id": ["a", "a", "c"], "account_key": ["acme.com", "beta.io", "beta.io"]}
    )
    scored, ledger = _signal_scores(tmp_path, leads)
    assert not LeadIds.of(leads).distinct
    acme = 5 + 4 * 0.5**0.1
    got = scored.select("lead_id", "account_key", "signal_score").rows()
    assert sorted(got) == [
        ("a", "acme.com", round(acme + 5, 2)),
        ("a", "beta.io", round(acme + 5, 2)),
        ("c", "beta.io", 5.0),
    ]
    sums = dict(ledger.group_by("lead_id").agg(pl.col("points").sum()).iter_rows())
    assert round(sums["a"], 2) == round(acme + 5, 2)


def test_a_project_without_merged_duplicates_scores_as_the_duckdb_engine(tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    pytest.importorskip("ibis")
    for name in ("activities.csv", "signals.csv"):
        (tmp_path / name).write_bytes((SAMPLE / name).read_bytes())
    lines = (SAMPLE / "hubspot_contacts.csv").read_text(encoding="utf-8").splitlines()
    # a lead of an account with signals, held twice
    twice = next(line for line in lines if "orbitcloud" in line.lower())
    (tmp_path / "leads.csv").write_text("\n".join([*lines, twice]) + "\n", encoding="utf-8")
    config = SAMPLE.parent / "configs" / "scoring.yaml"
    (tmp_path / "revq.yaml").write_text(
        "version: 1\n"
        "name: duplicates kept\n"
        "inputs:\n"
        "  leads: {path: leads.csv, source: hubspot}\n"
        "  activities: {path: activities.csv}\n"
        "  signals: {path: signals.csv}\n"
        "load: {dedupe: {enabled: false}}\n"
        f"configs: {{scoring: {config}}}\n"
    )
    outputs = []
    for engine in ([], ["--engine", "duckdb"]):
        out = tmp_path / f"scored{len(engine)}.csv"
        result = run_cli(
            ["score", "--as-of", "2026-11-01", "--out", str(out), *engine], cwd=tmp_path
        )
        assert result.exit_code == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    lead = twice.split(",")[0]
    rows = pl.read_csv(outputs[0], schema_overrides={"lead_id": pl.String})
    assert rows.filter(pl.col("lead_id") == lead).height == 2
