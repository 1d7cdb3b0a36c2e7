"""A load that keeps only the columns a run reads (`load_table(..., reads=...)`) gives the rows
and row accounting of a load of every column: only columns whose values cannot set a row aside
are let go, and they are named (`left_out`) where a message lists an export's columns."""

from __future__ import annotations

import shutil
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from revq.app.run import Run
from revq.app.scoring import ScoringInputs
from revq.config.models import LoadOptions
from revq.core.schema import LINE
from revq.io.exports import Loads
from revq.io.load import load_table
from revq.io.project import load_project
from tests.conftest import SAMPLE, run_cli

# An activities export with what a marketing-automation tool adds: a campaign (mapped, text),
# an activity id (mapped, an id), a note and a deletion flag (neither mapped).
ACTIVITIES = textwrap.dedent(
    """\
    activity_id,lead_id,email,activity_type,occurred_at,channel,detail,campaign,note,IsDeleted
    A1,L1,,demo_request,2026-02-01T10:00:00Z,website,/demo,Spring,first,false
    A2,,b@x.com,page_view,2026-02-02T10:00:00Z,website,/pricing,Spring,,false
    A3,L3,,page_view,not a time,website,/blog/x,,odd,false
    A4,L4,,page_view,2026-02-03T10:00:00Z,g2,/pricing,,,true
    A5,,,page_view,2026-02-04T10:00:00Z,website,/pricing,,,false
    """
)
READS = frozenset({"lead_id", "email", "activity_type", "occurred_at", "channel", "detail"})


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "activities.csv"
    path.write_text(ACTIVITIES)
    return path


def test_the_columns_not_read_are_let_go_and_named(export: Path) -> None:
    narrow = load_table(export, table="activities", reads=READS)
    # By hand: activity_id and campaign are mapped text, note is not mapped: none can set a
    # row aside; IsDeleted can, so it stays.
    assert narrow.left_out == ["activity_id", "campaign", "note"]
    assert set(narrow.columns) == {LINE, *READS, "IsDeleted"}
    assert narrow.headers == ACTIVITIES.splitlines()[0].split(",")  # the export's, all of them


def test_the_rows_and_their_accounting_are_those_of_a_whole_load(export: Path) -> None:
    whole = load_table(export, table="activities")
    # a run that reads the lead ids alone still has the time checked, the email stand for a
    # missing id and the deletion flag set rows aside
    narrow = load_table(export, table="activities", reads=frozenset({"lead_id"}))
    # By hand: A3's time is not a time and A5 names no lead: both set aside; A4 is deleted.
    assert narrow.accounting == whole.accounting
    assert (narrow.accounting.rows_rejected, narrow.accounting.deleted_in_source) == (2, 1)
    assert narrow.frame[LINE].to_list() == [2, 3]
    assert narrow.frame.equals(whole.frame.select(narrow.columns))
    assert narrow.rejects.equals(whole.rejects)


def test_an_unmapped_column_the_run_reads_is_kept(export: Path) -> None:
    narrow = load_table(export, table="activities", reads=READS | {"note"})
    assert narrow.frame["note"].to_list() == ["first", None]
    assert "note" not in narrow.left_out


def test_a_column_renamed_beside_a_canonical_one_keeps_its_name(tmp_path: Path) -> None:
    # 'campaign' is taken by the mapped 'Campaign Name': the export's own 'campaign' is
    # 'campaign (source)', and stays so when the run reads it and not the mapped one.
    path = tmp_path / "acts.csv"
    path.write_text(
        "lead_id,activity_type,occurred_at,Campaign Name,campaign\n"
        "L1,page_view,2026-02-01T10:00:00Z,Spring,spring-24\n"
    )
    options = LoadOptions(columns={"campaign": "Campaign Name"})
    whole = load_table(path, options, table="activities")
    narrow = load_table(path, options, table="activities", reads=READS | {"campaign (source)"})
    assert "campaign (source)" in whole.columns
    assert narrow.frame["campaign (source)"].to_list() == ["spring-24"]
    assert narrow.frame.equals(whole.frame.select(narrow.columns))


def test_every_column_is_kept_when_all_are_read(export: Path) -> None:
    every = frozenset(load_table(export, table="activities").columns)
    assert load_table(export, table="activities", reads=every).left_out == []


def test_a_load_of_every_column_serves_a_narrow_one_not_the_other_way(export: Path) -> None:
    loads = Loads(info=lambda _: None, warn=lambda _: None)
    narrow = loads.load(export, LoadOptions(), table="activities", reads=READS)
    assert narrow.left_out
    whole = loads.load(export, LoadOptions(), table="activities")
    assert whole is not narrow and not whole.left_out
    assert loads.load(export, LoadOptions(), table="activities", reads=READS) is whole


def _sample_copy(tmp_path: Path) -> Path:
    project = tmp_path / "sample"
    shutil.copytree(SAMPLE, project)
    shutil.copytree(SAMPLE.parent / "configs", tmp_path / "configs")
    return project


def test_scoring_narrow_gives_the_same_rows(tmp_path: Path) -> None:
    project = load_project(_sample_copy(tmp_path) / "revq.yaml")
    frames = []
    for narrow in (False, True):
        inputs = ScoringInputs(Run(), project, narrow=narrow)
        assert inputs.activities is not None
        assert ("activity_id" in inputs.activities.columns) is not narrow
        frames.append(inputs.score(datetime(2026, 10, 31, tzinfo=UTC)).collect())
    assert frames[0].equals(frames[1])


def test_an_unknown_activity_column_is_listed_with_those_not_read(tmp_path: Path) -> None:
    project = _sample_copy(tmp_path)
    config = tmp_path / "configs" / "scoring.yaml"
    text = config.read_text().replace(
        "{column: activity_type, equals: webinar_attended}",
        "{column: webinar_name, equals: webinar_attended}",
    )
    config.write_text(text)
    done = run_cli(["score", "--project", str(project / "revq.yaml"), "--as-of", "2026-10-31"])
    assert done.exit_code == 2
    assert "unknown activity column 'webinar_name'" in done.stderr
    assert "activity_id" in done.stderr  # not read, and still among the columns listed


def test_a_typed_column_not_read_is_still_checked(tmp_path: Path) -> None:
    # A leads export whose revenue (a number) the run does not read: a row whose revenue is
    # not a number is set aside all the same, as a load of every column sets it aside.
    path = tmp_path / "leads.csv"
    path.write_text(
        "lead_id,email,company,annual_revenue\n"
        "L1,a@x.com,Acme,1000\n"
        "L2,b@x.com,Beta,lots\n"
        "L3,c@x.com,Gamma,\n"
    )
    whole = load_table(path, table="leads")
    narrow = load_table(path, table="leads", reads=frozenset({"lead_id", "email"}))
    assert "company" in narrow.left_out and "annual_revenue" not in narrow.left_out
    assert narrow.accounting == whole.accounting
    assert narrow.frame["lead_id"].to_list() == ["L1", "L3"]
