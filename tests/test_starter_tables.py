"""`revq init --exports` learning from an outcome kept in another table than the leads: a won
opportunity naming the lead. Expected figures are computed here by a second route (DuckDB SQL
for the outcome, scikit-learn's split and AUC on `revq score`'s own totals)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import polars as pl
import pytest
import yaml

from tests.conftest import REALDATA, run_cli

pytest.importorskip("sklearn")
duckdb = pytest.importorskip("duckdb")
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

N = 3000
WIN = {"Gold": (0.2, 0.5), "Silver": (0.3, 0.25), "Basic": (0.5, 0.05)}


def write_deals(folder: Path, seed: int = 3) -> None:
    """Leads whose plan sets their chance of a won deal (Gold best), a colour that sets
    nothing; the deals name their lead by a Lead ID the opportunities' vendor does not map,
    some lost, and carry an amount and a stage that must never become a rule."""
    rng = np.random.default_rng(seed)
    plans = list(WIN)
    plan = rng.choice(plans, N, p=[WIN[p][0] for p in plans])
    won = rng.random(N) < np.array([WIN[p][1] for p in plan])
    lost = ~won & (rng.random(N) < 0.3)
    ids = [f"L{i:05d}" for i in range(N)]
    folder.mkdir()
    pl.DataFrame(
        {
            "Lead ID": ids,
            "Created Date": [f"2026-01-{1 + i % 28:02d}" for i in range(N)],
            "Plan": plan,
            "Color": rng.choice(["red", "blue"], N),
        }
    ).write_csv(folder / "leads.csv")
    deals = np.flatnonzero(won | lost)
    pl.DataFrame(
        {
            "Opportunity ID": [f"O{i}" for i in deals],
            "Lead ID": [ids[i] for i in deals],
            "Created Date": ["2026-03-01"] * len(deals),
            "Close Date": ["2026-04-01"] * len(deals),
            "Stage": ["Closed Won" if won[i] else "Closed Lost" for i in deals],
            "Is Won": [bool(won[i]) for i in deals],
            "Amount": [1000 + int(won[i]) * 500 for i in deals],
        }
    ).write_csv(folder / "opportunities.csv")


def said(stderr: str) -> str:
    return " ".join(stderr.split())


def _printed(stderr: str, what: str) -> float:
    match = re.search(rf"{what}\s+(0\.\d{{3}})", stderr)
    assert match, stderr
    return float(match[1])


def _held_out_auc(scored: pl.DataFrame, won: set[str]) -> float:
    """The AUC of `revq score`'s totals on the leads the documented split holds out: lead
    ids in order, 30%, stratified, seed 7."""
    ids = sorted(scored["lead_id"].to_list())
    y = [int(i in won) for i in ids]
    _, test = train_test_split(ids, test_size=0.3, random_state=7, stratify=y)
    held = scored.filter(pl.col("lead_id").is_in(test)).sort("lead_id")
    return float(
        roc_auc_score(
            [int(i in won) for i in held["lead_id"].to_list()], held["total_score"].to_numpy()
        )
    )


def test_a_won_opportunity_naming_the_lead_is_the_outcome(tmp_path: Path) -> None:
    write_deals(tmp_path / "exports")
    run = run_cli(["init", "proj", "--exports", "exports"], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    # a connection of its own: a test that left the default one's result unread would refuse
    with duckdb.connect() as con:
        won = {
            row[0]
            for row in con.sql(
                f'select distinct "Lead ID" from read_csv(\'{tmp_path}/exports/'
                'opportunities.csv\') where "Is Won"'
            ).fetchall()
        }
    text = said(run.stderr)
    assert f"outcome: a won opportunity in opportunities.csv ({len(won):,} of {N:,} leads)" in text
    config = (tmp_path / "proj/configs/scoring.yaml").read_text()
    model = yaml.safe_load(config)
    columns = {
        r["when"]["column"] for g in ("fit", "intent", "negative") for r in model[g]["rules"]
    }
    # the plan is learned; nothing of the deals (filled in after the outcome) is a rule
    assert "Plan" in columns and not columns & {"Stage", "Amount", "stage", "amount", "is_won"}
    scores = run_cli(["-q", "score", "--as-of", "2026-10-31", "-f", "csv"], cwd=tmp_path / "proj")
    assert scores.exit_code == 0, scores.stderr
    scored = pl.read_csv(io.StringIO(scores.stdout), schema_overrides={"lead_id": pl.String})
    auc = _held_out_auc(scored, won)
    assert _printed(run.stderr, "as revq score adds them") == pytest.approx(auc, abs=0.0006)
    # the plan alone tells Gold from Basic: well above chance
    assert auc > 0.7
    assert scored["stage"].n_unique() >= 2


@pytest.mark.skipif(
    not (REALDATA / "olist-marketing-funnel").is_dir(), reason="real exports not present"
)
def test_olist_learns_from_its_won_deals(tmp_path: Path) -> None:
    folder = REALDATA / "olist-marketing-funnel"
    run = run_cli(["init", "proj", "--exports", str(folder)], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    deals = pl.read_csv(folder / "olist_closed_deals_dataset.csv")
    mqls = pl.read_csv(folder / "olist_marketing_qualified_leads_dataset.csv")
    won = set(deals["mql_id"].to_list()) & set(mqls["mql_id"].to_list())
    text = said(run.stderr)
    assert (
        f"outcome: a won opportunity in olist_closed_deals_dataset.csv ({len(won):,} of "
        f"{mqls.height:,} leads)" in text
    )
    learned = _printed(run.stderr, "as revq score adds them")
    print(f"olist held-out AUC {learned:.3f}, plain {_printed(run.stderr, 'same columns'):.3f}")
    assert learned > 0.55  # above the plain rate's 0.5
    scores = run_cli(["-q", "score", "-f", "csv"], cwd=tmp_path / "proj")
    assert scores.exit_code == 0, scores.stderr
    scored = pl.read_csv(io.StringIO(scores.stdout), schema_overrides={"lead_id": pl.String})
    assert scored.height == mqls.height and scored["stage"].n_unique() >= 2
    assert _held_out_auc(scored, won) == pytest.approx(learned, abs=0.0006)


def test_a_joined_column_that_filled_a_canonical_one_is_scored_once(tmp_path: Path) -> None:
    """The contact's title fills the lead's title, the account's industry and size its own:
    one fact, one rule (the canonical column's), where both columns used to give one."""
    from tests.relational_export import write_relational_export

    write_relational_export(tmp_path / "exports")
    run = run_cli(["init", "proj", "--exports", "exports", "--no-learn"], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    text = (tmp_path / "proj/configs/scoring.yaml").read_text()
    # rules, live or commented out to set, by the column each reads
    read = set(re.findall(r"when: \{column: (\w+),", text))
    assert {"title", "industry"} <= read
    assert not read & {"contact_title", "account_industry", "account_employees"}
    comment = said(" ".join(line.lstrip("# ") for line in text.splitlines() if line[:1] == "#"))
    for joined, canonical in (
        ("contact_title", "title"),
        ("account_industry", "industry"),
        ("account_employees", "employees"),
    ):
        assert f"{canonical} holds it: {joined}" in comment


def test_events_count_up_to_the_won_opportunitys_creation(tmp_path: Path) -> None:
    """With the outcome in the opportunities, a won lead's events are counted up to its
    opportunity's creation: a contract review only won leads have, after it, never counts."""
    write_deals(tmp_path / "exports")
    rng = np.random.default_rng(5)
    leads = pl.read_csv(tmp_path / "exports/leads.csv")
    deals = pl.read_csv(tmp_path / "exports/opportunities.csv")
    won = set(deals.filter(pl.col("Is Won"))["Lead ID"].to_list())
    rows = []
    for lead in leads["Lead ID"].to_list():
        for _ in range(int(rng.integers(0, 3))):  # before any deal
            rows.append((lead, f"2026-02-{rng.integers(1, 28):02d} 10:00:00", "newsletter_open"))
        if lead in won:  # after the deal was made
            rows.append((lead, f"2026-03-{rng.integers(2, 28):02d} 10:00:00", "contract_review"))
    pl.DataFrame(
        {
            "Activity ID": [f"A{i}" for i in range(len(rows))],
            "Lead ID": [r[0] for r in rows],
            "Occurred At": [r[1] for r in rows],
            "Activity Type": [r[2] for r in rows],
        }
    ).write_csv(tmp_path / "exports/activities.csv")
    run = run_cli(["init", "proj", "--exports", "exports"], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    text = (tmp_path / "proj/configs/scoring.yaml").read_text()
    assert "contract_review" not in text
    later = sum(r[2] == "contract_review" for r in rows)
    assert f"the {later:,} events at or after it are not" in said(text.replace("#", " "))
    assert "counted before the opportunity's creation" in said(run.stderr)
