"""A load that keeps only the columns a run reads (`load_table(..., reads=...)`) gives the rows
and row accounting of a load of every column: only columns whose values cannot set a row aside
are let go, and they are named (`left_out`) where a message lists an export's columns."""

from __future__ import annotations

import shutil
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from revq.app.related import joins_into
from revq.app.run import Run
from revq.app.scoring import ScoringInputs
from revq.config.models import LoadOptions
from revq.core.schema import LINE
from revq.io.exports import Loads
from revq.io.load import _narrow, load_table, read_raw
from revq.io.mapping import detect
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


def test_a_leads_export_is_loaded_whole() -> None:
    # A record's merges and the choice among duplicates read columns no rule names.
    narrow = load_table(SAMPLE / "hubspot_contacts.csv", table="leads", reads=READS)
    whole = load_table(SAMPLE / "hubspot_contacts.csv", table="leads")
    assert narrow.left_out == []
    assert narrow.frame.equals(whole.frame)


def test_a_typed_column_not_read_is_kept_to_be_checked(tmp_path: Path) -> None:
    # No activities or signals column of another type than the required time exists yet: the
    # rule is held on a leads export's raw table, whose revenue is a number.
    path = tmp_path / "leads.csv"
    path.write_text("lead_id,email,company,annual_revenue\nL1,a@x.com,Acme,lots\n")
    raw = read_raw(path, LoadOptions())
    found = detect(raw.headers, path, vendor=None, table="leads", overrides={})
    assert found is not None
    narrowed, left_out = _narrow(raw, found, frozenset({"lead_id"}), set())
    assert left_out == ["company"]  # email is required (a lead id or an email)
    assert raw.headers == ["lead_id", "email", "annual_revenue"]
    assert "annual_revenue" in narrowed.mapping and "company" not in narrowed.mapping


def test_a_column_load_defaults_fills_is_kept(export: Path) -> None:
    # campaign is not read, but load.defaults fills it where empty: let go, the default would
    # stand for every value.
    options = LoadOptions(defaults={"campaign": "Fallback"})
    whole = load_table(export, options, table="activities")
    narrow = load_table(export, options, table="activities", reads=READS)
    assert "campaign" not in narrow.left_out
    assert narrow.frame["campaign"].to_list() == whole.frame["campaign"].to_list()
    assert narrow.frame["campaign"].to_list() == ["Spring", "Spring"]


def test_a_history_mode_sync_keeps_its_versions(tmp_path: Path) -> None:
    # A Fivetran history-mode table: the versions' columns are read by the loader itself.
    path = tmp_path / "activities.csv"
    path.write_text(
        "lead_id,activity_type,occurred_at,note,_fivetran_start,_fivetran_end,_fivetran_active\n"
        "L1,page_view,2026-02-01T10:00:00Z,a,2026-02-01,2026-02-02,false\n"
        "L1,demo_request,2026-02-01T10:00:00Z,b,2026-02-02,9999-12-31,true\n"
    )
    whole = load_table(path, table="activities")
    narrow = load_table(path, table="activities", reads=READS)
    assert narrow.left_out == ["note"]
    assert narrow.accounting == whole.accounting
    assert narrow.accounting.earlier_versions == 1
    assert narrow.frame["activity_type"].to_list() == ["demo_request"]


def test_files_read_as_one_name_what_each_let_go(tmp_path: Path) -> None:
    (tmp_path / "acts_1.csv").write_text(
        "lead_id,activity_type,occurred_at,note\nL1,page_view,2026-02-01T10:00:00Z,x\n"
    )
    (tmp_path / "acts_2.csv").write_text(
        "lead_id,activity_type,occurred_at,campaign\nL2,page_view,2026-02-01T10:00:00Z,y\n"
    )
    loads = Loads(info=lambda _: None, warn=lambda _: None)
    both = loads.load(tmp_path / "acts_*.csv", LoadOptions(), table="activities", reads=READS)
    assert both.left_out == ["campaign", "note"]
    assert both.frame["lead_id"].to_list() == ["L1", "L2"]


def test_an_input_others_are_joined_into_is_loaded_whole(tmp_path: Path) -> None:
    project = _sample_copy(tmp_path)
    text = (project / "revq.yaml").read_text()
    joined = text.replace(
        "  activities:\n    path: activities.csv\n",
        "  activities:\n    path: activities.csv\n    join:\n      - {input: leads, on: lead_id}\n",
    )
    assert joined != text
    (project / "revq.yaml").write_text(joined)
    loaded = load_project(project / "revq.yaml")
    assert joins_into(loaded, "activities") and not joins_into(loaded, "signals")
    assert not joins_into(None, "activities")
