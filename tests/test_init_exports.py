"""`revq init --exports`: revq.yaml's inputs filled with the exports found, by table."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import polars as pl
import yaml

from revq.config.models import LoadOptions
from revq.config.scoring import load_scoring, unknown_columns
from revq.io.load import load_table
from tests.conftest import ROOT, SAMPLE, run_cli

TASKS = (
    "Id,WhoId,Subject,ActivityDate,TaskSubtype\n"
    "00T1,00Q1,Call,2026-10-01,Call\n"
    "00T2,00Q2,Email,2026-10-02,Email\n"
)


def test_an_archive_fills_the_inputs_by_table(tmp_path: Path) -> None:
    archive = tmp_path / "WE_00D_1.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(SAMPLE / "salesforce_leads.csv", "Lead.csv")
        z.write(SAMPLE / "hubspot_contacts.csv", "Contact.csv")  # leads too: Lead.csv wins
        z.write(SAMPLE / "opportunities.csv", "Opportunity.csv")
        z.writestr("Task.csv", TASKS)
        z.writestr("Note.csv", "Id,Body\n1,hello\n")
    run = run_cli(["init", "proj", "--exports", str(archive)], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    inputs = yaml.safe_load((tmp_path / "proj" / "revq.yaml").read_text())["inputs"]
    at = "../WE_00D_1.zip"  # beside the project: named relative to it
    assert inputs == {
        "leads": {"path": f"{at}/Lead.csv", "source": "salesforce"},
        "activities": {"path": f"{at}/Task.csv", "source": "salesforce"},
        # no dispositions export: the lead status sales sets is the verdict
        "dispositions": {"path": f"{at}/Lead.csv", "source": "salesforce"},
        "opportunities": {"path": f"{at}/Opportunity.csv"},
    }
    assert f"leads: also {at}/Contact.csv" in run.stderr
    assert f"dispositions: {at}/Lead.csv (salesforce), its 'Lead Status' column" in run.stderr
    # left out, with what it looked like and how to place it
    assert "Note.csv: not a table revq knows (columns: Id, Body); left out" in run.stderr
    assert "--table TABLE=FILE" in run.stderr
    # the rest of the template stays as it was, comments included
    text = (tmp_path / "proj" / "revq.yaml").read_text()
    assert "# Config files by kind" in text and "scoring: configs/scoring.yaml" in text
    assert run_cli(["validate"], cwd=tmp_path / "proj").exit_code == 0
    scored = run_cli(["-q", "score", "--as-of", "2026-10-31", "-f", "csv"], cwd=tmp_path / "proj")
    assert scored.exit_code == 0, scored.stderr
    assert pl.read_csv(io.StringIO(scored.stdout)).height == 5_000
    audit = run_cli(
        ["-q", "audit", "rejections", "--as-of", "2026-10-31", "-f", "json"], cwd=tmp_path / "proj"
    )
    assert audit.exit_code == 0, audit.stderr
    assert json.loads(audit.stdout)["overall"]["dispositions"] == 5_000


def test_a_folder_inside_the_project_is_named_relative_to_it(tmp_path: Path) -> None:
    exports = tmp_path / "proj" / "exports"
    exports.mkdir(parents=True)
    for name in ("hubspot_contacts", "signals", "stage_history"):
        (exports / f"{name}.csv").write_bytes((SAMPLE / f"{name}.csv").read_bytes())
    (exports / "readme.md").write_text("not an export")
    run = run_cli(["init", "proj", "--exports", "proj/exports"], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    inputs = yaml.safe_load((tmp_path / "proj" / "revq.yaml").read_text())["inputs"]
    assert inputs == {
        "leads": {"path": "exports/hubspot_contacts.csv", "source": "hubspot"},
        "signals": {"path": "exports/signals.csv"},
        "stage_history": {"path": "exports/stage_history.csv"},
    }
    funnel = run_cli(["-q", "funnel", "--as-of", "2026-10-31", "-f", "json"], cwd=tmp_path / "proj")
    assert funnel.exit_code == 0, funnel.stderr


def test_no_known_export_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("Id,Body\n1,hello\n")
    run = run_cli(["init", "proj", "--exports", "notes.csv"], cwd=tmp_path)
    # what it looked like, which tables revq places, and how to place it
    assert run.stderr == (
        "revq: error: notes.csv: not a table revq knows; its columns: Id, Body. revq places "
        "leads, contacts, accounts, activities, signals, dispositions, stage_history, "
        "opportunities: name its table with --table TABLE=notes.csv and map its columns with "
        "load.columns in revq.yaml (configs/olist-mqls.yaml in revq's repository maps a plain "
        "table of leads)\n"
    )
    assert run.exit_code == 2
    assert not (tmp_path / "proj").exists()
    missing = run_cli(["init", "proj", "--exports", "nowhere"], cwd=tmp_path)
    assert missing.exit_code == 2 and "nowhere: file not found" in missing.stderr


def test_init_fits_the_scoring_config_to_the_columns_the_leads_have(tmp_path: Path) -> None:
    leads = pl.read_csv(SAMPLE / "hubspot_contacts.csv", infer_schema=False)
    leads.drop("Number of Employees", "Industry").write_csv(tmp_path / "contacts.csv")
    run = run_cli(["init", "proj", "--exports", "contacts.csv"], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    path = tmp_path / "proj" / "configs" / "scoring.yaml"
    # learned from the contacts' own history, reading only columns they have
    assert "learned from Became an Opportunity Date: " in run.stderr
    loaded = load_table(tmp_path / "contacts.csv", LoadOptions(source="hubspot"))
    assert unknown_columns(load_scoring(path), set(loaded.frame.columns)) == []
    text = yaml.safe_dump(yaml.safe_load(path.read_text()))
    assert "column: industry" not in text and "column: employees" not in text
    score = run_cli(["score", "--as-of", "2026-10-31", "-f", "csv"], cwd=tmp_path / "proj")
    assert score.exit_code == 0, score.stderr
    assert score.stdout.count("\n") == 5001  # the header and the 5,000 leads
    # without exports, the project gets revq's documented example as it is
    bare = run_cli(["init", "bare"], cwd=tmp_path)
    assert bare.exit_code == 0, bare.stderr
    assert (tmp_path / "bare/configs/scoring.yaml").read_bytes() == (
        ROOT / "revq/data/project/scoring.yaml"
    ).read_bytes()


def test_the_example_rules_that_read_columns_the_leads_lack_are_turned_off(
    tmp_path: Path,
) -> None:
    """What init does to revq's example config when it cannot fit one to the leads."""
    from revq.app.init import _check_starter_scoring
    from revq.app.run import Run

    leads = pl.read_csv(SAMPLE / "hubspot_contacts.csv", infer_schema=False)
    leads.drop("Number of Employees", "Industry").write_csv(tmp_path / "contacts.csv")
    (tmp_path / "configs").mkdir()
    path = tmp_path / "configs" / "scoring.yaml"
    path.write_bytes((ROOT / "revq/data/project/scoring.yaml").read_bytes())
    (tmp_path / "revq.yaml").write_text(
        "version: 1\nname: t\ninputs:\n  leads:\n    path: contacts.csv\n    source: hubspot\n"
    )
    run = Run()
    _check_starter_scoring(run, tmp_path, "contacts.csv")
    model = yaml.safe_load(path.read_text())
    text = yaml.safe_dump(model)
    # nothing live reads the two columns; every rule, route and segment reading others stays
    assert "column: industry" not in text and "column: employees" not in text
    starter = yaml.safe_load((ROOT / "revq/data/project/scoring.yaml").read_text())
    kept = {r["name"] for r in model["fit"]["rules"]}
    assert kept == {
        r["name"]
        for r in starter["fit"]["rules"]
        if "industry" not in str(r) and "employees" not in str(r)
    }
    assert model["segments"] == [] and model["routing"]["routes"] == starter["routing"]["routes"]
    # each is there to uncomment, with the reason
    assert "# - {name: company_size, when: {column: employees" in path.read_text()
    assert "# off: contacts.csv has no employees column" in path.read_text()
    assert any(
        "turned off, for columns contacts.csv does not have (employees, industry)" in w
        for w in run.warnings()
    )


def test_a_refused_init_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "proj" / "configs").mkdir(parents=True)
    (tmp_path / "proj" / "configs" / "scoring.yaml").write_text("mine: true\n")
    run = run_cli(["init", "proj"], cwd=tmp_path)
    assert run.exit_code == 2 and "scoring.yaml: already exists" in run.stderr
    # neither revq.yaml nor the other configs were written before the refusal
    assert sorted(p.name for p in (tmp_path / "proj").rglob("*") if p.is_file()) == ["scoring.yaml"]
    assert (tmp_path / "proj" / "configs" / "scoring.yaml").read_text() == "mine: true\n"


# A warehouse sync of a marketing-automation tool: leads hold ids, dates, names and emails.
SYNC = {
    "lead_data.csv": "id,created_at,updated_at,email,first_name,last_name\n"
    "101,2026-09-01,2026-10-20,ana@acme.com,Ana,Diaz\n"
    "102,2026-09-03,2026-10-25,bo@gmail.com,Bo,Li\n"
    "103,2026-09-05,2026-10-01,cy@rival.io,Cy,Ng\n",
    "program_data.csv": "id,name,status,created_at,updated_at\n"
    "7,Webinar Q3,on,2026-07-01,2026-08-01\n",
    "list_data.csv": "id,created_at,updated_at,name\n1,2026-07-01,2026-08-01,All\n",
}


def test_a_sync_folder_with_only_names_and_emails_gives_a_model_that_runs(tmp_path: Path) -> None:
    for name, text in SYNC.items():
        (tmp_path / name).write_text(text)
    run = run_cli(["init", "proj", "--exports", "."], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    # a program or list table has an id and dates too, but says nothing about anyone
    inputs = yaml.safe_load((tmp_path / "proj" / "revq.yaml").read_text())["inputs"]
    leads = "../lead_data.csv"  # beside the project: named relative to it
    assert inputs == {"leads": {"path": leads, "source": "marketo"}}  # Fivetran's Marketo names
    for other in ("program_data.csv", "list_data.csv"):
        assert f"{other}: not a table revq knows (columns: id, " in run.stderr
    path = tmp_path / "proj" / "configs" / "scoring.yaml"
    model = yaml.safe_load(path.read_text())
    # no outcome, no picklist, no engagement count: the one thing known is the personal email
    assert "from the profile of lead_data.csv: no outcome column" in " ".join(run.stderr.split())
    (rule,) = model["negative"]["rules"]
    assert rule["when"] == {"column": "is_personal_email", "equals": True}
    assert model["fit"]["rules"] == [] and model["intent"]["rules"] == []
    scored = run_cli(["-q", "score", "--as-of", "2026-10-31", "-f", "csv"], cwd=tmp_path / "proj")
    assert scored.exit_code == 0, scored.stderr
    out = pl.read_csv(io.StringIO(scored.stdout))
    assert sorted(out["lead_id"].cast(pl.String)) == ["101", "102", "103"]
    assert out["next_action"].null_count() == 0
    # forced, the program table still loads as leads
    forced = run_cli(["inspect", "program_data.csv", "--table", "leads"], cwd=tmp_path)
    assert forced.exit_code == 0 and "read 1 rows = 1 loaded" in forced.stderr


def test_an_emptied_list_keeps_the_comment_on_its_key(tmp_path: Path) -> None:
    from revq.app.init import _comment_out, _list_item

    lines = [
        "gates:        # disqualify regardless of points\n",
        "  - {name: student, when: {column: title}}\n",
        "\n",
        "actions:\n",
        "  sales_ready: x\n",
    ]
    block = _list_item(lines, 1)
    assert block == (1, 2)
    _comment_out(lines, *block, "off")
    assert lines[0] == "gates: []        # disqualify regardless of points\n"
    assert yaml.safe_load("".join(lines)) == {"gates": [], "actions": {"sales_ready": "x"}}
    # an action's line is in no list item above it
    assert _list_item(lines, 4) is None


def test_an_export_beside_the_project_is_named_relative_to_it(tmp_path: Path) -> None:
    """revq.yaml travels with the exports beside it (../contacts.csv); one far away is named
    in full, and the scoring config is still fitted to it."""
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "contacts.csv").write_bytes(
        (SAMPLE / "hubspot_contacts.csv").read_bytes()
    )
    made = run_cli(["init", "p", "--exports", "exports/contacts.csv"], cwd=tmp_path)
    assert made.exit_code == 0, made.stderr
    inputs = yaml.safe_load((tmp_path / "p" / "revq.yaml").read_text())["inputs"]
    assert inputs["leads"]["path"] == "../exports/contacts.csv"
    assert "leads: ../exports/contacts.csv (hubspot)" in made.stderr
    assert "scoring config" in made.stderr  # fitted, read through the path revq.yaml names
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    far = run_cli(["init", "a/b/c/p", "--exports", "exports/contacts.csv"], cwd=tmp_path)
    assert far.exit_code == 0, far.stderr
    inputs = yaml.safe_load((deep / "p" / "revq.yaml").read_text())["inputs"]
    assert inputs["leads"]["path"] == (tmp_path / "exports" / "contacts.csv").as_posix()


def test_the_next_step_names_the_folder_only_when_it_is_not_here(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "hubspot_contacts.csv").write_bytes((SAMPLE / "hubspot_contacts.csv").read_bytes())
    here = run_cli(["init", "--exports", str(exports), "--no-learn"], cwd=tmp_path)
    assert here.exit_code == 0, here.stderr
    assert "next: revq validate && revq score" in here.stderr
    (tmp_path / "elsewhere").mkdir()
    away = run_cli(
        ["init", "my project", "--exports", str(exports), "--no-learn"], cwd=tmp_path / "elsewhere"
    )
    assert away.exit_code == 0, away.stderr
    assert "next: cd 'my project' && revq validate && revq score" in away.stderr
