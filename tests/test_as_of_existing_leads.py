"""Scoring as of a day leaves out the leads created after it: what happened later does not
count, and a list as of last Monday holds no lead from Tuesday."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import polars as pl
import pytest

from revq.core.scoring.engine import created_after, existing
from tests.conftest import SAMPLE, run_cli

AS_OF = "2026-03-01"


def sql(query: str) -> list[tuple[object, ...]]:
    """A query's rows, on a connection of its own: duckdb's default connection is shared with
    the other tests of the process, and one that left a result unread would refuse this one."""
    with duckdb.connect() as con:
        return con.sql(query).fetchall()


# The end of that day (UTC, the sample project's time zone): a lead created up to it existed.
CUTOFF = "2026-03-01 23:59:59.999999"


def test_existing_keeps_the_leads_created_by_the_end_of_the_day_and_those_without_a_date() -> None:
    # --as-of 2026-03-01 scores as of the end of that day: 2026-03-02's first instant
    moment = datetime(2026, 3, 2, tzinfo=UTC)
    leads = pl.LazyFrame(
        {
            "lead_id": ["day before", "last instant", "next day", "undated"],
            "created_at": [
                datetime(2026, 3, 1, tzinfo=UTC),  # an export of dates alone: 2026-03-01
                moment - timedelta(microseconds=1),
                moment,  # 2026-03-02, from an export of dates alone
                None,
            ],
        },
        schema_overrides={"created_at": pl.Datetime("us", "UTC")},
    )
    kept = existing(leads, moment).collect()["lead_id"].to_list()
    assert kept == ["day before", "last instant", "undated"]
    later = created_after(leads, moment)
    assert later is not None
    assert leads.select(later).collect().to_series().to_list() == [False, False, True, False]
    # each lead scored as of a time of its own (a column), or leads without a creation time:
    # none is left out
    assert created_after(leads, "created_at") is None
    assert created_after(leads.drop("created_at"), moment) is None


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project with two leads exports: every person once (the people the export
    holds twice are dropped, so that no merge of duplicates is in play), and the same leads
    without those created after the as-of day, filtered here by DuckDB from the raw text."""
    root = tmp_path_factory.mktemp("as_of")
    for name in ("revq.yaml", "activities.csv", "signals.csv"):
        shutil.copy(SAMPLE / name, root / name)
    contacts = SAMPLE / "hubspot_contacts.csv"
    once = f"""select * from read_csv('{contacts}', all_varchar=true)
        qualify count(*) over (partition by lower(trim("Email"))) = 1"""
    with duckdb.connect() as con:
        con.execute(f"copy ({once}) to '{root / 'all.csv'}' (header)")
    early = f"""select * from ({once})
        where "Create Date" is null or strptime("Create Date", '%Y-%m-%d %H:%M') <= '{CUTOFF}'"""
    with duckdb.connect() as con:
        con.execute(f"copy ({early}) to '{root / 'early.csv'}' (header)")
    config = SAMPLE.parent / "configs" / "scoring.yaml"
    (root / "revq.yaml").write_text(
        (root / "revq.yaml").read_text().replace("../configs/", f"{config.parent}/")
    )
    return root


def _count(path: Path) -> int:
    rows = sql(f"select count(*) from read_csv('{path}', all_varchar=true)")
    return int(rows[0][0])


def _score(project: Path, leads: str, *more: str) -> tuple[bytes, str]:
    out = project / f"scored-{leads}-{len(more)}.csv"
    args = ["score", leads, "--as-of", AS_OF, "--format", "csv", "--out", str(out), *more]
    result = run_cli(args, cwd=project)
    assert result.exit_code == 0, result.stderr
    return out.read_bytes(), result.stderr


def test_a_lead_created_after_the_as_of_day_is_left_out_and_said(project: Path) -> None:
    everyone, said = _score(project, "all.csv")
    existed, said_early = _score(project, "early.csv")
    later = _count(project / "all.csv") - _count(project / "early.csv")
    assert later > 1000  # the sample's year of leads mostly comes after March
    # the same rows, owners (round robin turns go by creation) and bytes as the export
    # without the later leads
    assert everyone == existed
    assert pl.read_csv(everyone).height == _count(project / "early.csv")
    assert f"{later:,} leads created after the as-of time are left out" in said
    assert "created after the as-of time" not in said_early


def test_the_duckdb_engine_leaves_out_the_same_leads(project: Path) -> None:
    polars_rows, _ = _score(project, "all.csv")
    duckdb_rows, said = _score(project, "all.csv", "--engine", "duckdb")
    assert duckdb_rows == polars_rows
    later = _count(project / "all.csv") - _count(project / "early.csv")
    assert f"{later:,} leads created after the as-of time are left out" in said


def test_explaining_a_lead_created_later_says_when_it_was_created(project: Path) -> None:
    created = sql(
        f"""select "Record ID", "Create Date" from read_csv('{project / "all.csv"}',
            all_varchar=true) where "Create Date" > '2026-06' order by 1 limit 1"""
    )
    lead, when = created[0]
    result = run_cli(["explain", lead, "--leads", "all.csv", "--as-of", AS_OF], cwd=project)
    assert result.exit_code == 2
    error = result.stderr.strip().splitlines()[-1]
    assert error.startswith("revq: error: ")
    assert f"lead '{lead}' was created on {when[:10]}, after the as-of day {AS_OF}" in error


@pytest.mark.parametrize("day", ["2026-03-20", "2026-06-30"])
def test_a_person_exists_from_their_first_record(day: str, tmp_path: Path) -> None:
    """A person the export holds twice (re-created with the same email) is one lead, created
    when the first record was: scored as of a day between the two creations, they are there.
    The count is DuckDB's, of the raw export's people by their earliest creation."""
    contacts = SAMPLE / "hubspot_contacts.csv"
    people = sql(
        f"""select count(*) filter (where first <= '{day} 23:59:59.999999'),
                   count(*) filter (where n > 1 and first <= '{day} 23:59:59.999999'
                                    and last > '{day} 23:59:59.999999')
            from (select count(*) n,
                         min(strptime("Create Date", '%Y-%m-%d %H:%M')) first,
                         max(strptime("Create Date", '%Y-%m-%d %H:%M')) last
                  from read_csv('{contacts}', all_varchar=true)
                  group by lower(trim("Email")))"""
    )
    existed, straddling = people[0]
    assert straddling > 0  # people whose second record came after the day
    outs = []
    for engine in ([], ["--engine", "duckdb"]):
        out = tmp_path / f"scored-{len(engine)}.csv"
        args = ["-q", "score", "--as-of", day, "--format", "csv", "--out", str(out), *engine]
        result = run_cli(args, cwd=SAMPLE)
        assert result.exit_code == 0, result.stderr
        outs.append(out.read_bytes())
    assert pl.read_csv(outs[0]).height == existed
    assert outs[0] == outs[1]
