"""Several exports read as one input: a pattern (`exports/activity_*.csv`), or several files
of one role given to `revq funnel`. Each file is loaded and accounted for on its own; the rows
are stacked in name order; a lead in more than one file is merged as duplicates in one are."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import polars as pl
import pytest
import yaml

from revq.config.models import DedupeOptions
from revq.errors import InputError
from revq.io import sources
from revq.io.file_sets import combine
from revq.io.load import load_table
from tests.conftest import ROOT, SAMPLE, realdata, run_cli

HEADER = "lead_id,email,company,last_activity_at\n"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_pattern_names_its_exports_in_name_order(tmp_path: Path) -> None:
    for name in ("b.csv", "a.csv", "c.parquet.gz", "notes.md", ".hidden.csv"):
        _write(tmp_path / name, "x\n1\n")
    (tmp_path / "d.csv").mkdir()  # a folder is not an export
    assert sources.matches(tmp_path / "*") == [
        tmp_path / n for n in ("a.csv", "b.csv", "c.parquet.gz")
    ]
    assert sources.matches(tmp_path / "[ab].csv") == [tmp_path / "a.csv", tmp_path / "b.csv"]
    assert sources.matches(tmp_path / "a.csv") == [tmp_path / "a.csv"]  # not a pattern
    with pytest.raises(InputError, match="no export matches this pattern"):
        sources.matches(tmp_path / "z*.csv")
    # a file whose own name holds a wildcard character is that file
    odd = _write(tmp_path / "leads[1].csv", "x\n1\n")
    assert not sources.is_pattern(odd) and sources.matches(odd) == [odd]


def test_a_pattern_names_members_of_a_zip_archive(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for name in ("Task_2.csv", "Task_1.csv", "Lead.csv", "__MACOSX/Task_3.csv"):
            z.writestr(name, "x\n1\n")
    assert sources.matches(archive / "Task_*.csv") == [
        archive / "Task_1.csv",
        archive / "Task_2.csv",
    ]
    assert sources.present(archive / "Task_*.csv") and not sources.present(archive / "Opp*.csv")


def test_leads_in_two_files_are_merged_as_duplicates_in_one_are(tmp_path: Path) -> None:
    one = _write(
        tmp_path / "leads_1.csv",
        HEADER + "L1,ann@acme.com,Acme,2026-01-05\nL2,bob@beta.io,,2026-01-01\n",
    )
    two = _write(
        tmp_path / "leads_2.csv",
        # ann again under another id, later active: her record of this file wins, and takes
        # the company only the older record has; bob again under his own id, less recent
        HEADER + "L3,Ann@Acme.com,,2026-02-01\nL2,bob@beta.io,Beta,2025-12-01\nL4,cy@c.org,C,\n",
    )
    parts = [load_table(p, table="leads") for p in (one, two)]
    combined = combine(tmp_path / "leads_*.csv", parts, DedupeOptions())
    a = combined.accounting
    assert (a.rows_read, a.rows_loaded, a.duplicates_merged) == (5, 3, 2)
    assert a.balanced()
    rows = combined.frame.sort("lead_id").select("lead_id", "company").rows()
    # L2's latest record (file 1, 2026-01-01) has no company: filled from the older one
    assert rows == [("L2", "Beta"), ("L3", "Acme"), ("L4", "C")]
    assert combined.merged_ids.rows() == [("L1", "L3")]
    assert combined.table == "leads" and combined.vendor == "generic"


def test_files_of_different_tables_are_not_one_input(tmp_path: Path) -> None:
    (tmp_path / "exports").mkdir()
    _write(tmp_path / "exports" / "a.csv", HEADER + "L1,ann@acme.com,Acme,2026-01-05\n")
    (tmp_path / "exports" / "b.csv").write_bytes((SAMPLE / "activities.csv").read_bytes())
    run = run_cli(
        ["score", "exports/*.csv", "--config", str(ROOT / "configs" / "scoring.yaml")], cwd=tmp_path
    )
    assert run.exit_code == 2
    assert "b.csv" in run.stderr and "Traceback" not in run.stderr
    none = run_cli(
        ["score", "exports/z*.csv", "--config", str(ROOT / "configs" / "scoring.yaml")],
        cwd=tmp_path,
    )
    assert none.exit_code == 2
    assert "exports/z*.csv: no export matches this pattern" in none.stderr


def _split_csv(src: Path, folder: Path, stem: str, parts: int) -> None:
    """`src`'s records in `parts` files, in order, each with the header (polars cuts at record
    boundaries; a line cut would split a quoted field)."""
    frame = pl.read_csv(src, infer_schema=False)
    size = -(-frame.height // parts)
    for i in range(parts):
        frame.slice(i * size, size).write_csv(folder / f"{stem}_{i + 1}.csv")


def test_scoring_split_exports_equals_scoring_them_whole(tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    split = tmp_path / "split"
    for folder in (whole, split):
        folder.mkdir()
    for name in ("hubspot_contacts", "activities"):
        pl.read_csv(SAMPLE / f"{name}.csv", infer_schema=False).write_csv(whole / f"{name}.csv")
        _split_csv(SAMPLE / f"{name}.csv", split, name, 3)
    common = ["--config", str(ROOT / "configs" / "scoring.yaml"), "--as-of", "2026-10-31"]
    one = run_cli(
        [
            "score",
            "whole/hubspot_contacts.csv",
            "--activities",
            "whole/activities.csv",
            *common,
            "--out",
            "one.csv",
        ],
        cwd=tmp_path,
    )
    three = run_cli(
        [
            "score",
            "split/hubspot_contacts_*.csv",
            "--activities",
            "split/activities_*.csv",
            *common,
            "--out",
            "three.csv",
        ],
        cwd=tmp_path,
    )
    assert one.exit_code == 0 and three.exit_code == 0, three.stderr
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "three.csv").read_bytes()
    # each file accounted for on its own, then the set
    assert three.stderr.count("hubspot leads: read") == 3
    assert "hubspot_contacts_*.csv: 3 files: 5,000 rows loaded" in three.stderr
    assert "activities_*.csv: 3 files:" in three.stderr
    # an output may not land on a file of a pattern's set
    clash = run_cli(
        ["score", "split/hubspot_contacts_*.csv", *common, "--out", "split/hubspot_contacts_2.csv"],
        cwd=tmp_path,
    )
    assert clash.exit_code == 2 and "refusing to overwrite an input file" in clash.stderr


def test_funnel_reads_two_histories_as_one(tmp_path: Path) -> None:
    _split_csv(SAMPLE / "stage_history.csv", tmp_path, "history", 2)
    pl.read_csv(SAMPLE / "stage_history.csv", infer_schema=False).write_csv(tmp_path / "all.csv")
    args = ["--as-of", "2026-10-31", "--format", "json"]
    whole = run_cli(["funnel", "all.csv", *args], cwd=tmp_path)
    two = run_cli(["funnel", "history_1.csv", "history_2.csv", *args], cwd=tmp_path)
    pattern = run_cli(["funnel", "--history", "history_*.csv", *args], cwd=tmp_path)
    assert whole.exit_code == two.exit_code == pattern.exit_code == 0, two.stderr
    assert json.loads(two.stdout) == json.loads(whole.stdout) == json.loads(pattern.stdout)
    assert "history_1.csv + history_2.csv: 2 files" in two.stderr


def test_init_names_a_sync_s_activity_tables_by_one_pattern(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    _split_csv(SAMPLE / "activities.csv", exports, "activity", 2)
    (exports / "leads.csv").write_bytes((SAMPLE / "salesforce_leads.csv").read_bytes())
    run = run_cli(["init", "proj", "--exports", str(exports)], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    inputs = yaml.safe_load((tmp_path / "proj" / "revq.yaml").read_text())["inputs"]
    # beside the project: named relative to it
    assert inputs["activities"] == {"path": "../exports/activity_*.csv"}
    scored = run_cli(["-q", "score", "--as-of", "2026-10-31", "-f", "csv"], cwd=tmp_path / "proj")
    assert scored.exit_code == 0, scored.stderr
    assert pl.read_csv(io.StringIO(scored.stdout)).height == 5_000


def test_init_picks_one_export_when_no_pattern_names_exactly_the_activity_tables(
    tmp_path: Path,
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    _split_csv(SAMPLE / "activities.csv", exports, "activity", 2)
    # a third export whose name a pattern of the two would match, of another table
    (exports / "activity_leads.csv").write_bytes((SAMPLE / "salesforce_leads.csv").read_bytes())
    (exports / "Task.csv").write_text(
        "Id,WhoId,Subject,ActivityDate,TaskSubtype\n00T1,00Q1,Call,2026-10-01,Call\n"
    )
    run = run_cli(["init", "proj", "--exports", str(exports)], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    inputs = yaml.safe_load((tmp_path / "proj" / "revq.yaml").read_text())["inputs"]
    assert "*" not in inputs["activities"]["path"]
    assert "activities: also" in run.stderr


def test_fivetran_marketo_activity_tables_load_as_one_input(tmp_path: Path) -> None:
    folder = realdata("fivetran-dbt_marketo_source")
    duckdb = pytest.importorskip("duckdb")
    run = run_cli(["init", "proj", "--exports", str(folder)], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    inputs = yaml.safe_load((tmp_path / "proj" / "revq.yaml").read_text())["inputs"]
    pattern = inputs["activities"]["path"]
    assert pattern.endswith("marketo_activity_*_data.csv")
    scored = run_cli(["score", "--as-of", "2026-11-01", "-f", "csv"], cwd=tmp_path / "proj")
    assert scored.exit_code == 0, scored.stderr
    # every row of every activity table, counted by DuckDB over the same pattern
    # fetchall: a result left half-read on DuckDB's shared connection fails the next test
    # in this process that queries it
    ((rows,),) = duckdb.execute(
        f"select count(*) from read_csv('{pattern}', union_by_name=true, all_varchar=true)"
    ).fetchall()
    assert f"marketo_activity_*_data.csv: 9 files: {rows:,} rows loaded" in scored.stderr


def test_inspect_shows_a_pattern_as_the_one_input_it_is(tmp_path: Path) -> None:
    _write(tmp_path / "leads_1.csv", HEADER + "L1,ann@acme.com,Acme,2026-01-05\nL2,b@b.io,B,\n")
    _write(tmp_path / "leads_2.csv", HEADER + "L3,ann@acme.com,,2026-02-01\nL4,c@c.org,C,x\n")
    run = run_cli(["inspect", "leads_*.csv", "-f", "json"], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    shown = json.loads(run.stdout)
    # 4 read = 2 loaded + 1 rejected (L4's date 'x') + 1 merged (ann, in both files)
    assert (shown["file"], shown["table"]) == ("leads_*.csv", "leads")
    assert (shown["rows_read"], shown["rows_loaded"]) == (4, 2)
    assert (shown["rows_rejected"], shown["duplicates_merged"]) == (1, 1)
    assert shown["rejects"][0]["source_file"] == "leads_2.csv"
    assert run.stderr.count("generic leads: read 2 rows") == 2


def _project(folder: Path, activities: str) -> None:
    (folder / "revq.yaml").write_text(
        "version: 1\nname: t\n"
        "inputs:\n"
        "  leads: {path: hubspot_contacts.csv}\n"
        f"  activities: {{path: {activities}}}\n"
        f"configs: {{scoring: {(ROOT / 'configs' / 'scoring.yaml').as_posix()}}}\n"
    )


def test_revq_yaml_names_several_exports_of_one_input_by_a_list(tmp_path: Path) -> None:
    whole, split = tmp_path / "whole", tmp_path / "split"
    for folder in (whole, split):
        folder.mkdir()
        (folder / "hubspot_contacts.csv").write_bytes(
            (SAMPLE / "hubspot_contacts.csv").read_bytes()
        )
    (whole / "activities.csv").write_bytes((SAMPLE / "activities.csv").read_bytes())
    _split_csv(SAMPLE / "activities.csv", split, "part", 2)
    (split / "part_2.csv").rename(split / "later.csv")  # no one pattern: a list
    _project(whole, "activities.csv")
    _project(split, "[part_1.csv, later.csv]")
    args = ["score", "--as-of", "2026-10-31", "-f", "csv"]
    one, two = run_cli(args, cwd=whole), run_cli(args, cwd=split)
    assert one.exit_code == two.exit_code == 0, two.stderr
    assert two.stdout == one.stdout
    assert "part_1.csv + later.csv: 2 files" in two.stderr
    # a file of the list not there is left out, and said; the rest are read
    (split / "later.csv").unlink()
    short = run_cli(args, cwd=split)
    assert short.exit_code == 0, short.stderr
    assert "revq.yaml: inputs.activities: later.csv not found; running without it" in short.stderr
    # an empty list is a config error
    _project(split, "[]")
    empty = run_cli(args, cwd=split)
    assert empty.exit_code == 2 and "Traceback" not in empty.stderr
    assert "inputs.activities.path" in empty.stderr


def test_init_names_task_and_event_exports_as_the_activities(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "Lead.csv").write_bytes((SAMPLE / "salesforce_leads.csv").read_bytes())
    lead = pl.read_csv(SAMPLE / "salesforce_leads.csv", infer_schema=False)["Lead ID"][0]
    (exports / "Task.csv").write_text(
        f"Id,WhoId,Subject,ActivityDate,TaskSubtype\n00T1,{lead},Call,2026-10-01,Call\n"
    )
    (exports / "Event.csv").write_text(
        "Id,WhoId,Subject,ActivityDateTime,EventSubtype\n"
        f"00U1,{lead},Demo,2026-10-02T10:00:00.000Z,Event\n"
        f"00U2,{lead},Follow-up,2026-10-09T10:00:00.000Z,Event\n"
    )
    run = run_cli(["init", "proj", "--exports", str(exports)], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    inputs = yaml.safe_load((tmp_path / "proj" / "revq.yaml").read_text())["inputs"]
    folder = "../exports"  # beside the project: named relative to it
    assert inputs["activities"]["path"] == [f"{folder}/Event.csv", f"{folder}/Task.csv"]
    scored = run_cli(["score", "--as-of", "2026-10-31", "-f", "csv"], cwd=tmp_path / "proj")
    assert scored.exit_code == 0, scored.stderr
    assert "Event.csv + Task.csv: 2 files: 3 rows loaded" in scored.stderr


def test_an_id_in_two_files_with_two_emails_ends_in_the_record_of_its_merged_email(
    tmp_path: Path,
) -> None:
    """L1 is in both files, with ann's email in the older record and bob's in the later; merged
    by id, it keeps the later record's email (bob's), so it is then merged into L4, bob's other
    record, every time: never into L3 by the email its merged record no longer has."""
    one = _write(tmp_path / "leads_1.csv", HEADER + "L1,ann@acme.com,,2026-01-01\n")
    two = _write(
        tmp_path / "leads_2.csv",
        HEADER + "L1,bob@beta.io,,2026-03-01\nL3,ann@acme.com,,2026-02-01\n"
        "L4,bob@beta.io,,2026-04-01\n",
    )
    parts = [load_table(p, table="leads") for p in (one, two)]
    for _ in range(40):  # the id merged away once had two candidates, taken in no set order
        combined = combine(tmp_path / "leads_*.csv", parts, DedupeOptions())
        assert combined.merged_ids.rows() == [("L1", "L4")]
        assert combined.frame.sort("lead_id")["lead_id"].to_list() == ["L3", "L4"]
