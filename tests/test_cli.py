"""The command line as a user meets it: help, exit codes, stdout vs stderr, files written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from revq.config.models import ProjectConfig
from tests.conftest import FIXTURES, ROOT, SAMPLE, run_cli

COMMANDS = [
    ["inspect"],
    ["init"],
    ["validate"],
    ["config", "schema"],
    ["score"],
    ["explain"],
    ["audit", "rejections"],
    ["funnel"],
]
CONFIG_CASES: list[dict[str, Any]] = yaml.safe_load(
    (FIXTURES / "config" / "cases.yaml").read_text()
)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: list[str]) -> None:
    result = run_cli([*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout
    # the docstring's first words appear as the description
    assert len(result.stdout.splitlines()) > 5


def test_no_arguments_shows_help_and_version() -> None:
    assert "inspect" in run_cli([]).stdout
    assert run_cli(["--version"]).stdout.startswith("revq ")


def test_unknown_option_is_a_usage_error() -> None:
    assert run_cli(["inspect", "--no-such-flag", "x.csv"]).exit_code == 2


@pytest.mark.parametrize("case", CONFIG_CASES, ids=lambda c: c["file"])
def test_config_errors_name_file_line_key_and_value(case: dict[str, Any], tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "config" / case["file"], tmp_path / case["file"])
    result = run_cli(["validate", case["file"]], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(f"revq: error: {case['message']}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_init_then_validate(tmp_path: Path) -> None:
    result = run_cli(["init", "proj"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "proj" / "revq.yaml").exists()
    assert (tmp_path / "proj" / "configs" / "load.yaml").exists()
    assert result.stdout == ""
    again = run_cli(["init", "proj"], cwd=tmp_path)
    assert again.exit_code == 2 and "already exists" in again.stderr
    result = run_cli(["validate"], cwd=tmp_path / "proj")
    assert result.exit_code == 0, result.stderr
    assert "valid project config" in result.stderr


@pytest.mark.parametrize("name", ["scoring.yaml", "funnel.yaml", "reasons.yaml"])
def test_init_configs_are_the_documented_examples(name: str) -> None:
    packaged = ROOT / "revq" / "data" / "project" / name
    assert packaged.read_bytes() == (ROOT / "configs" / name).read_bytes()


def test_a_new_project_runs_every_command_once_its_exports_are_in_place(tmp_path: Path) -> None:
    assert run_cli(["init"], cwd=tmp_path).exit_code == 0
    exports = tmp_path / "exports"
    exports.mkdir()
    shutil.copy(SAMPLE / "hubspot_contacts.csv", exports / "leads.csv")
    for table in ("activities", "signals", "dispositions", "stage_history", "opportunities"):
        shutil.copy(SAMPLE / f"{table}.csv", exports / f"{table}.csv")
    as_of = ["--as-of", "2026-10-31"]
    for command in (["funnel"], ["audit", "rejections"], ["report", "--weekly", "-o", "-"]):
        result = run_cli(["-q", *command, *as_of], cwd=tmp_path)
        assert result.exit_code == 0, (command, result.stderr)
    # the starter scoring model is the sample project's: the same leads score the same
    scored = [run_cli(["-q", "score", *as_of, "-f", "csv"], cwd=c) for c in (tmp_path, SAMPLE)]
    assert scored[0].exit_code == 0 and scored[0].stdout == scored[1].stdout


def test_validate_sample_project() -> None:
    result = run_cli(["validate"], cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    # revq.yaml and the configs it names: the scoring model and the reason codes
    assert "valid project config" in result.stderr
    assert "valid scoring config" in result.stderr
    assert "valid reasons config" in result.stderr


def test_config_schema_is_json_schema() -> None:
    result = run_cli(["config", "schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "ProjectConfig"
    assert "inputs" in schema["properties"]
    assert run_cli(["config", "schema", "nope"]).exit_code == 2
    load = json.loads(run_cli(["config", "schema", "load"]).stdout)
    assert load["properties"]["date_order"]["enum"] == ["auto", "dmy", "mdy"]
    assert ProjectConfig.model_json_schema() == schema


def test_inspect_in_sample_project_uses_its_options() -> None:
    result = run_cli(["inspect", "hubspot_contacts.csv", "--format", "json"], cwd=SAMPLE)
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert (payload["vendor"], payload["table"]) == ("hubspot", "leads")
    # row accounting is printed on stderr after every load, and only there
    assert "read 5,060 rows = 5,000 loaded + 60 duplicates merged" in result.stderr
    assert "read 5,060" not in result.stdout


def test_quiet_silences_stderr_but_not_the_result() -> None:
    result = run_cli(["--quiet", "inspect", "salesforce_leads.csv", "-f", "json"], cwd=SAMPLE)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert json.loads(result.stdout)["footer_rows"] == 3


def test_out_is_written_atomically_and_identically(tmp_path: Path) -> None:
    src = tmp_path / "leads.csv"
    shutil.copy(FIXTURES / "ingest" / "ragged_rows.csv", src)
    first = run_cli(
        ["inspect", "leads.csv", "-f", "json", "--out", "a.json", "--rejects-out", "rejects.csv"],
        cwd=tmp_path,
    )
    assert first.exit_code == 0, first.stderr
    assert first.stdout == ""
    run_cli(["inspect", "leads.csv", "-f", "json", "--out", "b.json"], cwd=tmp_path)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    rejects = (tmp_path / "rejects.csv").read_text().splitlines()
    assert rejects[0] == "source_file,line,column,rule,raw_value"
    assert len(rejects) == 3
    assert not list(tmp_path.glob(".*.tmp"))


def test_out_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    src = tmp_path / "leads.csv"
    shutil.copy(FIXTURES / "ingest" / "crlf.csv", src)
    before = src.read_bytes()
    result = run_cli(["inspect", "leads.csv", "-f", "csv", "--out", "leads.csv"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "refusing to overwrite an input" in result.stderr
    assert src.read_bytes() == before


def test_inspect_csv_profile(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "ingest" / "numbers_thousands.csv", tmp_path / "n.csv")
    result = run_cli(["inspect", "n.csv", "-f", "csv"], cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert lines[0] == "column,type,non_null,nulls,distinct,examples"
    assert lines[1].startswith("lead_id,")
    assert "employees,integer,2,1,3,1200 | 15" in result.stdout


def test_inspect_table_output_names_vendor_and_mapping() -> None:
    result = run_cli(["inspect", "salesforce_leads.csv"], cwd=SAMPLE)
    assert result.exit_code == 0
    assert "salesforce" in result.stdout
    assert "Company / Account" in result.stdout


def test_a_project_input_that_is_not_there_is_said_once(tmp_path: Path) -> None:
    for name in ("hubspot_contacts", "activities", "signals", "dispositions", "opportunities"):
        shutil.copy(SAMPLE / f"{name}.csv", tmp_path)
    project = (SAMPLE / "revq.yaml").read_text().replace("../configs", str(ROOT / "configs"))
    (tmp_path / "revq.yaml").write_text(project.replace("stage_history.csv", "stage_histroy.csv"))
    said = "revq.yaml: inputs.stage_history: stage_histroy.csv not found; running without it"
    for command in (["funnel"], ["report", "--weekly", "-o", "-"]):
        run = run_cli([*command, "--as-of", "2026-10-31"], cwd=tmp_path)
        assert run.exit_code == 0, run.stderr
        assert run.stderr.count(said) == 1, (command, run.stderr)
    (tmp_path / "history").mkdir()
    (tmp_path / "revq.yaml").write_text(project.replace("stage_history.csv", "history"))
    run = run_cli(["funnel", "--as-of", "2026-10-31"], cwd=tmp_path)
    assert "inputs.stage_history: history is a folder, not an export" in run.stderr


def test_an_output_under_a_file_names_the_file(tmp_path: Path) -> None:
    shutil.copy(SAMPLE / "hubspot_contacts.csv", tmp_path / "leads.csv")
    config = ["--config", str(ROOT / "configs" / "scoring.yaml")]
    run = run_cli(["score", "leads.csv", *config, "--out", "leads.csv/top.csv"], cwd=tmp_path)
    assert run.exit_code == 2 and "Traceback" not in run.stderr
    assert run.stderr.strip().endswith("leads.csv is a file, not a folder to write into")


@pytest.mark.parametrize(
    ("args", "options"),
    [
        (["score", "--out", "o.csv", "--explain-out", "./o.csv"], "--out and --explain-out"),
        (["audit", "rejections", "--out", "a.csv", "--recycle-out", "a.csv"], "--recycle-out"),
        (["inspect", "hubspot_contacts.csv", "--out", "i.json", "--rejects-out", "i.json"], "--"),
    ],
)
def test_two_outputs_to_one_file_are_refused_before_any_work(
    args: list[str], options: str, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    result = run_cli(args, cwd=project)
    assert result.exit_code == 2 and options in result.stderr
    assert "given to both" in result.stderr and "read" not in result.stderr  # nothing loaded
    assert not list(project.glob("*.json")) and not (project / "o.csv").exists()


@pytest.mark.parametrize("command", [["funnel"], ["audit", "rejections"]])
def test_a_window_ending_before_it_starts_is_a_usage_error(command: list[str]) -> None:
    result = run_cli([*command, "--since", "2026-10-01", "--until", "2026-09-30"], cwd=SAMPLE)
    assert result.exit_code == 2 and result.stdout == ""
    assert "--since 2026-10-01 is after --until 2026-09-30" in result.stderr
    one_day = run_cli([*command, "--since", "2026-10-01", "--until", "2026-10-01"], cwd=SAMPLE)
    assert one_day.exit_code == 0, one_day.stderr


def test_each_run_reads_its_files_afresh(tmp_path: Path) -> None:
    # loads are shared within a run (the report reads an input for several sections), never
    # between runs of one process: the file may have changed in between
    (tmp_path / "scoring.yaml").write_text("fit:\n  rules:\n    - {name: any, points: 1}\n")
    args = ["score", "leads.csv", "--config", "scoring.yaml", "-f", "json"]
    (tmp_path / "leads.csv").write_text("lead_id,email\n1,a@acme.com\n")
    first = run_cli(args, cwd=tmp_path)
    (tmp_path / "leads.csv").write_text("lead_id,email\n1,a@acme.com\n2,b@acme.com\n")
    second = run_cli(args, cwd=tmp_path)
    assert [r["lead_id"] for r in json.loads(first.stdout)] == ["1"]
    assert [r["lead_id"] for r in json.loads(second.stdout)] == ["1", "2"]
    assert "read 2 rows" in second.stderr
