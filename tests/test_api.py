"""The Python API gives what the commands give: each call against its command's output on the
sample project, byte for byte, and errors raised as exceptions with the command's message."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest

import revq
from revq.app.run import Message
from tests.conftest import ROOT, SAMPLE, run_cli

AS_OF = "2026-10-31"
PROJECT = ["--project", "sample_data/revq.yaml"]


@pytest.fixture(autouse=True)
def at_root() -> Iterator[None]:
    """The API and the command both run from the repository root, as the README's snippet."""
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def project() -> revq.Project:
    return revq.Project.open("sample_data")


def cli(*args: str) -> tuple[str, str]:
    result = run_cli(list(args), cwd=ROOT)
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


DOCS = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```python\n(.*?)```", DOCS, re.S)


def test_the_documented_snippet_is_the_issues_first() -> None:
    assert EXAMPLES[0].startswith('import revq\nproject = revq.Project.open("sample_data")')
    assert "revq.score(" in EXAMPLES[0]


@pytest.mark.parametrize("number", range(len(EXAMPLES)))
def test_every_documented_example_runs_as_written(number: int) -> None:
    exec(compile(EXAMPLES[number], f"docs/api.md example {number + 1}", "exec"), {})


def test_project_opens_a_folder_or_its_file() -> None:
    by_folder = revq.Project.open("sample_data")
    by_file = revq.Project.open(SAMPLE / "revq.yaml")
    assert by_folder == by_file
    assert by_folder.root == SAMPLE


def test_score_is_the_csv_of_revq_score(project: revq.Project) -> None:
    scored = project.score(as_of=AS_OF)
    stdout, stderr = cli("score", *PROJECT, "--as-of", AS_OF, "-f", "csv")
    assert scored.to_csv() == stdout
    # formula-safe: top reasons start with a sign, which a spreadsheet would run
    assert scored.to_csv(escape_formulas=False) == scored.leads.write_csv() != stdout
    assert scored.to_json() == cli("score", *PROJECT, "--as-of", AS_OF, "-f", "json")[0]
    # The messages the command prints are those the run kept: the loads and the warnings
    # (the command adds its summary after them).
    said = [str(m) for m in scored.messages]
    assert said == stderr.splitlines()[: len(said)]
    assert any(line.startswith("hubspot_contacts.csv: hubspot leads: read 5,060") for line in said)
    # The summary's counts, from the held frame (not from the result's own counter).
    by_stage = dict(scored.leads.group_by("stage").len().iter_rows())
    metrics = scored.metrics()
    assert metrics["leads"] == scored.leads.height == 5000
    assert metrics["sales_ready"] == by_stage.get("sales_ready", 0)
    assert f"sales_ready {by_stage['sales_ready']:,}" in stderr


def test_score_by_account_and_export_layout(project: revq.Project) -> None:
    accounts = project.score(as_of=AS_OF, by="account")
    assert (
        accounts.rows.write_csv()
        == cli("score", *PROJECT, "--as-of", AS_OF, "--by", "account", "-f", "csv")[0]
    )
    exported = project.score(as_of=AS_OF, export="hubspot")
    assert (
        exported.rows.write_csv()
        == cli("score", *PROJECT, "--as-of", AS_OF, "--export", "hubspot")[0]
    )
    assert "Record ID" in exported.rows.columns


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".xlsx", ".jsonl"])
def test_score_write_is_what_out_writes(project: revq.Project, tmp_path: Path, suffix: str) -> None:
    (tmp_path / "api").mkdir()
    (tmp_path / "cli").mkdir()
    by_api, by_cli = tmp_path / "api" / f"scored{suffix}", tmp_path / "cli" / f"scored{suffix}"
    written = project.score(as_of=AS_OF).write(by_api)
    cli("score", *PROJECT, "--as-of", AS_OF, "--out", str(by_cli))
    assert by_api.read_bytes() == by_cli.read_bytes()
    assert written == 5000


def test_score_without_a_project(project: revq.Project) -> None:
    scored = revq.score(
        "sample_data/hubspot_contacts.csv", config="configs/scoring.yaml", as_of=AS_OF
    )
    stdout, _ = cli(
        "score",
        "sample_data/hubspot_contacts.csv",
        "--config",
        "configs/scoring.yaml",
        "--as-of",
        AS_OF,
        "-f",
        "csv",
    )
    assert scored.to_csv() == stdout
    # Without the project's activities and signals, the scores are not the project's.
    assert not scored.leads.equals(project.score(as_of=AS_OF).leads)
    assert any("activities" in w for w in scored.warnings)


def test_explain_is_the_ledger_of_revq_explain(project: revq.Project) -> None:
    explained = project.explain(["81585149"], as_of=AS_OF)
    stdout, _ = cli("explain", "81585149", *PROJECT, "--as-of", AS_OF, "-f", "json")
    assert explained.to_json() == stdout
    ledger = explained.ledger
    assert set(ledger["lead_id"]) == {"81585149"}
    # The ledger's points add up to the lead's total score.
    total = explained.scored.row(0, named=True)["total_score"]
    assert round(float(ledger["points"].sum()), 2) == pytest.approx(total, abs=0.01)


def test_audit_to_dict_is_its_json(project: revq.Project) -> None:
    audit = project.audit_rejections(as_of=AS_OF)
    stdout, stderr = cli("audit", "rejections", *PROJECT, "--as-of", AS_OF, "-f", "json")
    assert audit.to_json() == stdout
    assert json.loads(stdout) == json.loads(json.dumps(audit.to_dict(), default=str))
    assert [str(m) for m in audit.messages] == stderr.splitlines()
    # The overall rejection rate, counted by hand from the export: rejected of those decided.
    raw = pl.read_csv(SAMPLE / "dispositions.csv", infer_schema=False)["disposition"]
    decided = raw.is_in(["accepted", "converted", "rejected", "recycled"]).sum()
    rejected = (raw == "rejected").sum()
    assert audit.to_dict()["overall"]["rejection_rate"] == pytest.approx(
        rejected / decided, abs=1e-4
    )


def test_audit_options_are_the_flags(project: revq.Project) -> None:
    audit = project.audit_rejections(
        as_of=AS_OF, since="2026-09-01", until="2026-10-31", by=["rep", "lead_source"]
    )
    stdout, _ = cli(
        "audit",
        "rejections",
        *PROJECT,
        "--as-of",
        AS_OF,
        "--since",
        "2026-09-01",
        "--until",
        "2026-10-31",
        "--by",
        "rep,lead_source",
        "-f",
        "json",
    )
    assert audit.to_json() == stdout
    assert audit.dims == ["rep", "lead_source"]


def test_funnel_to_dict_is_its_json(project: revq.Project) -> None:
    stdout, _ = cli("funnel", *PROJECT, "--as-of", AS_OF, "-f", "json")
    assert project.funnel(as_of=AS_OF).to_json() == stdout
    by_source = project.funnel(as_of=AS_OF, by="lead_source", method="cohort", period="month")
    stdout, _ = cli(
        "funnel",
        *PROJECT,
        "--as-of",
        AS_OF,
        "--by",
        "lead_source",
        "--method",
        "cohort",
        "--period",
        "month",
        "-f",
        "json",
    )
    assert by_source.to_json() == stdout
    assert "period_rate" not in by_source.to_dict()["conversions"][0]


def test_report_markdown_is_the_file_revq_report_writes(
    project: revq.Project, tmp_path: Path
) -> None:
    out = tmp_path / "weekly.md"
    cli("report", "--weekly", *PROJECT, "--as-of", AS_OF, "--out", str(out))
    result = project.report("weekly", as_of=AS_OF)
    assert result.markdown == out.read_text(encoding="utf-8")
    assert result.label == "2026-W43"
    html = tmp_path / "weekly.html"
    cli("report", "--weekly", *PROJECT, "--as-of", AS_OF, "--out", str(html))
    assert result.html == html.read_text(encoding="utf-8")


def test_backtest_to_dict_is_its_json(project: revq.Project) -> None:
    stdout, _ = cli("backtest", *PROJECT, "--outcome", "sql_at", "--as-of", AS_OF, "-f", "json")
    backtest = project.backtest(outcome="sql_at", as_of=AS_OF)
    assert backtest.to_json() == stdout
    report = backtest.to_dict()
    assert report["leads"] == 5000  # every lead loaded, each scored as of its decision time
    assert report["base_rate"] == pytest.approx(report["conversions"] / report["leads"], abs=1e-4)


def test_diff_to_dict_is_its_json(project: revq.Project, tmp_path: Path) -> None:
    proposed = tmp_path / "proposed.yaml"
    text = (ROOT / "configs" / "scoring.yaml").read_text(encoding="utf-8")
    proposed.write_text(text.replace("sales_ready: 70", "sales_ready: 60"), encoding="utf-8")
    result = project.diff("configs/scoring.yaml", proposed, as_of=AS_OF)
    stdout, _ = cli("diff", "configs/scoring.yaml", str(proposed), *PROJECT, "--as-of", AS_OF)
    assert result.markdown() == stdout
    # Lowering the bar only adds sales-ready leads: those scoring 60 to 70 that no gate holds.
    scored = project.score(as_of=AS_OF).leads
    between = scored.filter(
        (pl.col("total_score") >= 60) & (pl.col("total_score") < 70) & pl.col("gate").is_null()
    )
    assert result.metrics()["gained_sales_ready"] <= between.height
    assert result.metrics()["lost_sales_ready"] == 0


def test_messages_go_to_the_sink_given_and_nothing_is_printed(
    project: revq.Project, capsys: pytest.CaptureFixture[str]
) -> None:
    heard: list[Message] = []
    project.audit_rejections(as_of=AS_OF, sink=heard.append)
    assert heard and all(isinstance(m, Message) for m in heard)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_two_runs_share_nothing(project: revq.Project) -> None:
    first = project.score(as_of=AS_OF)
    second = project.score(as_of=AS_OF)
    assert [str(m) for m in first.messages] == [str(m) for m in second.messages]


def test_fail_on_is_check(project: revq.Project) -> None:
    scored = project.score(as_of=AS_OF)
    sales_ready = scored.metrics()["sales_ready"]
    assert scored.check(f"sales_ready>{sales_ready - 1}")
    assert not scored.check(f"sales_ready>{sales_ready}")
    with pytest.raises(revq.RevqError, match="unknown metric 'nope'"):
        scored.check("nope>1")


def test_errors_raise_with_the_commands_message(project: revq.Project, tmp_path: Path) -> None:
    cli_run = run_cli(["explain", "nope", *PROJECT, "--as-of", AS_OF], cwd=ROOT)
    assert cli_run.exit_code == 2
    with pytest.raises(revq.RevqError) as caught:
        project.explain(["nope"], as_of=AS_OF)
    assert cli_run.stderr.splitlines()[-1] == f"revq: error: {caught.value}"
    with pytest.raises(revq.RevqError, match="expected a date as YYYY-MM-DD"):
        project.score(as_of="2026-13-45")
    with pytest.raises(revq.RevqError, match="from 1900-01-01 to 9998-12-31"):
        project.report("weekly", as_of=date(1, 1, 2))
    with pytest.raises(revq.ConfigError):
        revq.score("sample_data/hubspot_contacts.csv", config=_broken(tmp_path))
    with pytest.raises(revq.RevqError, match="no project file"):
        revq.Project.open(tmp_path)


def _broken(tmp_path: Path) -> Path:
    config = tmp_path / "scoring.yaml"
    config.write_text("version: 1\nfit:\n  rulez: []\n", encoding="utf-8")
    return config


def test_inspect_to_dict_is_its_json(tmp_path: Path) -> None:
    stdout, stderr = cli("inspect", "sample_data/salesforce_leads.csv", "-f", "json")
    inspected = revq.inspect("sample_data/salesforce_leads.csv")
    assert isinstance(inspected, revq.InspectResult)
    assert inspected.to_json() == stdout
    assert [str(m) for m in inspected.messages] == stderr.splitlines()
    # The accounting adds up, and agrees with a count of the file's lines by hand: a header,
    # the records, blank lines (a report writes them as "") and a three-line report footer.
    a = inspected.accounting
    lines = (SAMPLE / "salesforce_leads.csv").read_text(encoding="utf-8").splitlines()
    blank = sum(1 for line in lines if line.strip() in ("", '""'))
    assert a.rows_read == len(lines) - 1 - blank and a.footer_rows == 3
    assert a.rows_loaded + a.rows_rejected + a.footer_rows + a.duplicates_merged == a.rows_read
    rejects = tmp_path / "rejects.csv"
    assert inspected.write_rejects(rejects) == a.rows_rejected


def test_loads_give_each_exports_accounting(project: revq.Project) -> None:
    loads = project.audit_rejections(as_of=AS_OF).loads
    names = {path.name: accounting for path, accounting in loads.items()}
    disp = names["dispositions.csv"]
    rows = len((SAMPLE / "dispositions.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert disp.rows_read == rows == disp.rows_loaded


def test_changes_rows_are_what_revq_changes_prints(project: revq.Project, tmp_path: Path) -> None:
    before, after = tmp_path / "before.csv", tmp_path / "after.csv"
    project.score(as_of="2026-10-01").write(before)
    project.score(as_of=AS_OF).write(after)
    stdout, _ = cli("changes", str(before), str(after), "--on", "stage,owner")
    changed = revq.changes(before, after, on=["stage", "owner"])
    assert changed.text() == stdout
    # the rows as they were before their cells were made formula-safe
    assert changed.rows.write_csv() == changed.text(escape_formulas=False) != stdout
    # By hand: leads whose stage or owner differ between the two, or that are new.
    old = pl.read_csv(before, infer_schema=False).select("lead_id", "stage", "owner")
    new = pl.read_csv(after, infer_schema=False).select("lead_id", "stage", "owner")
    joined = new.join(old, on="lead_id", how="left", suffix="_old")
    moved = joined.filter(
        pl.col("stage_old").is_null()
        | (pl.col("stage") != pl.col("stage_old"))
        | ~pl.col("owner").eq_missing(pl.col("owner_old"))
    )
    assert changed.metrics()["pushed"] == moved.height == changed.rows.height


def test_init_and_validate(tmp_path: Path) -> None:
    made = revq.init(tmp_path / "p")
    assert made.project_file == tmp_path / "p" / "revq.yaml"
    opened = revq.Project.open(made.project_file)
    checked = opened.validate()
    assert [kind for _, kind in checked.validated] == [
        "project",
        "load",
        "scoring",
        "funnel",
        "reasons",
    ]
    with pytest.raises(revq.RevqError, match="already exists"):
        revq.init(tmp_path / "p")


def test_a_result_shows_its_figures_not_its_frames(project: revq.Project) -> None:
    audit = project.audit_rejections(as_of=AS_OF)
    shown = repr(audit)
    assert shown.startswith("AuditResult(dispositions=2117,") and len(shown) < 300
    scored = repr(project.score(as_of=AS_OF))
    assert scored == "ScoreResult(by='lead', as_of='2026-10-31', leads=5000, export=None)"


def test_write_is_what_out_writes_for_every_format(project: revq.Project, tmp_path: Path) -> None:
    funnel, audit = project.funnel(as_of=AS_OF), project.audit_rejections(as_of=AS_OF)
    report = project.report("weekly", as_of=AS_OF)
    cases = [
        (funnel, ["funnel", *PROJECT, "--as-of", AS_OF], "f.md"),
        (funnel, ["funnel", *PROJECT, "--as-of", AS_OF], "f.csv"),
        (funnel, ["funnel", *PROJECT, "--as-of", AS_OF], "f.json"),
        (audit, ["audit", "rejections", *PROJECT, "--as-of", AS_OF], "a.csv"),
        (audit, ["audit", "rejections", *PROJECT, "--as-of", AS_OF], "a.md"),
        (report, ["report", "--weekly", *PROJECT, "--as-of", AS_OF], "r.html"),
    ]
    for result, command, name in cases:
        (tmp_path / "api").mkdir(exist_ok=True)
        (tmp_path / "cli").mkdir(exist_ok=True)
        result.write(tmp_path / "api" / name)
        cli(*command, "--out", str(tmp_path / "cli" / name))
        assert (tmp_path / "api" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()
    assert (tmp_path / "api" / "r.html").read_text().startswith("<!DOCTYPE html>")
    assert (tmp_path / "api" / "f.md").read_text().startswith("# Funnel")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda p: p.score(as_of=AS_OF, by="nope"), "by 'nope'"),
        (lambda p: p.funnel(as_of=AS_OF, period="year"), "period 'year'"),
        (lambda p: p.funnel(as_of=AS_OF, method="x"), "method 'x'"),
        (lambda p: p.backtest(outcome="sql_at", as_of=AS_OF, holdout=5), "holdout 5"),
        (lambda p: p.notify(as_of=AS_OF, dry_run=True, max_messages=-3), "max_messages"),
        (lambda p: p.notify(as_of=AS_OF, dry_run=True, per="nonsense"), "per"),
    ],
)
def test_an_option_the_command_line_refuses_the_api_refuses(
    project: revq.Project, call: Any, message: str
) -> None:
    with pytest.raises(revq.RevqError, match=message):
        call(project)
