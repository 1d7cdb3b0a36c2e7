"""Exports with only the columns their table requires: every command answers, none crashes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import polars as pl
import pytest

from revq.io.load import load_table
from tests.conftest import ROOT, run_cli

FILES = {
    "leads.csv": "lead_id,email\nL1,a@acme.com\nL2,b@gmail.com\n",
    "history.csv": "lead_id,stage,entered_at\nL1,mql,2026-09-01\nL1,sql,2026-09-10\n"
    "L2,mql,2026-10-02\n",
    "disp.csv": "lead_id,disposition\nL1,rejected\nL2,accepted\nL3,rejected\n",
    "opps.csv": "opportunity_id,closed_at\nO1,2026-10-01\n",
}
AS_OF = ["--as-of", "2026-10-31"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [
        ["funnel", "--history", "history.csv"],
        ["funnel", "--history", "history.csv", "--opportunities", "opps.csv"],
        ["funnel", "--opportunities", "opps.csv"],
        ["audit", "rejections", "disp.csv"],
        ["score", "leads.csv", "--config", str(ROOT / "configs" / "scoring.yaml")],
    ],
    ids=lambda a: " ".join(a[:3]),
)
def test_no_command_crashes(folder: Path, args: list[str]) -> None:
    result = run_cli([*args, *AS_OF], cwd=folder)  # an exception would fail here
    assert result.exit_code in (0, 2), result.stderr
    assert "Traceback" not in result.stderr


EMAIL_ONLY = (
    "email,first_name,created_at,mql_at,sql_at\n"
    "A@Acme.com ,Ana,2026-09-01,2026-09-05,2026-09-20\n"
    "bo@beta.io,Bo,2026-09-02,2026-09-06,\n"
    "a@acme.com,Ana,2026-08-01,,\n"  # the same person: merged into one lead
    "not-an-address,Cy,2026-09-03,,\n"
)


def test_leads_keyed_by_email_alone_are_scored_measured_and_explained(tmp_path: Path) -> None:
    """A list upload or webinar export has no record id: the normalised email is the lead id
    (as written when it is not an address), and every command runs on it."""
    (tmp_path / "leads.csv").write_text(EMAIL_ONLY)
    (tmp_path / "model.yaml").write_text(
        "fit:\n  rules:\n"
        "    - {name: work_email, when: {column: is_personal_email, equals: false}, points: 10}\n"
    )
    model = ["--config", "model.yaml", *AS_OF]
    score = run_cli(["score", "leads.csv", *model, "-f", "csv"], cwd=tmp_path)
    assert score.exit_code == 0, score.stderr
    out = pl.read_csv(io.StringIO(score.stdout))
    assert sorted(out["lead_id"]) == ["a@acme.com", "bo@beta.io", "not-an-address"]
    assert "1 duplicates merged" in score.stderr
    explain = run_cli(["explain", "bo@beta.io", "--leads", "leads.csv", *model], cwd=tmp_path)
    assert explain.exit_code == 0 and "work_email" in explain.stdout
    funnel = run_cli(["funnel", "--leads", "leads.csv", *AS_OF, "-f", "json"], cwd=tmp_path)
    assert funnel.exit_code == 0, funnel.stderr
    # two MQLs in September (the merged duplicate is not a third), one reached SQL
    assert json.loads(funnel.stdout)["headline"]["mql_to_sql_cohort"]["value"] == 0.5


def test_leads_without_stage_dates_say_what_the_funnel_needs(folder: Path) -> None:
    result = run_cli(["funnel", "--leads", "leads.csv", *AS_OF], cwd=folder)
    assert result.exit_code == 2
    assert "leads.csv: no stage dates" in result.stderr and "--history" in result.stderr


def test_opportunities_without_stage_or_flags_have_no_win_rate(folder: Path) -> None:
    result = run_cli(["funnel", "--opportunities", "opps.csv", *AS_OF, "-f", "json"], cwd=folder)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["win_rate"]["win_rate"] is None


def test_dispositions_without_reasons_miss_every_reason(folder: Path) -> None:
    result = run_cli(["audit", "rejections", "disp.csv", *AS_OF, "-f", "json"], cwd=folder)
    assert result.exit_code == 0, result.stderr
    overall = json.loads(result.stdout)["overall"]
    assert overall["rejected"] == 2 and overall["missing_reason_rate"] == 1.0


def test_a_signal_export_keyed_by_account_domain(tmp_path: Path) -> None:
    path = tmp_path / "signals.csv"
    path.write_text("account_domain,signal_type,occurred_at\nacme.com,funding,2026-10-01\n")
    r = load_table(path, table="signals")
    assert r.mapping["account_key"] == "account_domain"
    assert r.frame["account_key"].to_list() == ["acme.com"]


def test_columns_named_like_scores_are_replaced_and_said_so(tmp_path: Path) -> None:
    (tmp_path / "leads.csv").write_text(
        "lead_id,email,total_score,fit_grade,owner\nL1,a@acme.com,55,B,Kim\n"
    )
    (tmp_path / "s.yaml").write_text(
        "fit:\n  rules:\n    - {name: any, points: 20, when: {column: email, not_null: true}}\n"
    )
    result = run_cli(
        ["score", "leads.csv", "--config", "s.yaml", *AS_OF, "-f", "json"], cwd=tmp_path
    )
    assert result.exit_code == 0, result.stderr
    assert "the export's fit_grade, total_score are replaced by this scoring's" in result.stderr
    row = json.loads(result.stdout)[0]
    assert row["total_score"] == 20.0 and row["owner"] == "Kim"  # the owner is kept


def test_workbooks_without_data_say_where_to_look(tmp_path: Path) -> None:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    empty = xlsxwriter.Workbook(str(tmp_path / "empty.xlsx"))
    empty.add_worksheet()
    empty.close()
    book = xlsxwriter.Workbook(str(tmp_path / "book.xlsx"))
    book.add_worksheet("Summary").write(0, 0, "Leads report")
    data = book.add_worksheet("Data")
    data.write_row(0, 0, ["Lead ID", "Email"])
    data.write_row(1, 0, ["L1", "a@acme.com"])
    book.close()
    result = run_cli(["inspect", "empty.xlsx"], cwd=tmp_path)
    assert result.exit_code == 2 and "the sheet is empty" in result.stderr
    result = run_cli(["inspect", "book.xlsx"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "no data rows (other sheets: Data; choose one with --sheet)" in result.stderr
    assert run_cli(["inspect", "book.xlsx", "--sheet", "Data"], cwd=tmp_path).exit_code == 0
    for sheet, said in (("Leads", "no sheet 'Leads'"), ("2", "no sheet 2 (counting from 0)")):
        result = run_cli(["inspect", "book.xlsx", "--sheet", sheet], cwd=tmp_path)
        assert result.exit_code == 2
        assert f"{said}: the workbook's sheets are Summary, Data" in result.stderr


def test_parquet_with_nested_columns_or_no_rows(tmp_path: Path) -> None:
    pl.DataFrame(
        {"lead_id": ["L1"], "email": ["a@acme.com"], "owner": [{"name": "Kim"}], "tags": [["a"]]}
    ).write_parquet(tmp_path / "nested.parquet")
    r = load_table(tmp_path / "nested.parquet", table="leads")
    assert r.frame["owner.name"].to_list() == ["Kim"] and r.frame["tags"].to_list() == ["a"]
    pl.DataFrame(schema={"lead_id": pl.String, "email": pl.String}).write_parquet(
        tmp_path / "empty.parquet"
    )
    result = run_cli(["inspect", "empty.parquet"], cwd=tmp_path)
    assert result.exit_code == 2 and "empty.parquet: has columns but no data rows" in result.stderr


def test_inspect_fail_on_is_a_data_quality_gate(tmp_path: Path) -> None:
    # 4 rows read: 2 loaded, 1 quarantined (a bad date), 1 footer line
    (tmp_path / "leads.csv").write_text(
        "Lead ID,Email,Create Date\nL1,a@acme.com,2026-01-05\nL2,b@beta.io,not a date\n"
        "L3,c@gamma.org,2026-02-01\nGrand Total,,\n"
    )
    args = ["inspect", "leads.csv", "-f", "json", "--fail-on"]
    report = run_cli([*args, "rows_rejected>0"], cwd=tmp_path)
    assert report.exit_code == 1 and "--fail-on met" in report.stderr
    assert json.loads(report.stdout)["rows_rejected"] == 1  # the output comes first
    assert run_cli([*args, "rejected_rate>0.25"], cwd=tmp_path).exit_code == 0  # 1 of 4
    assert run_cli([*args, "rejected_rate>=0.25"], cwd=tmp_path).exit_code == 1
    bad = run_cli([*args, "nulls>1"], cwd=tmp_path)
    assert bad.exit_code == 2 and "unknown metric 'nulls'" in bad.stderr


def test_a_lead_without_an_id_is_known_by_its_email(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    path.write_text("lead_id,email,title\nL1,ana@acme.com,CEO\n, Bo@Beta.io,VP\n,,Intern\n")
    r = load_table(path, table="leads")
    assert r.frame.sort("lead_id")["lead_id"].to_list() == ["L1", "bo@beta.io"]
    assert r.accounting.rows_rejected == 1  # neither an id nor an email: nobody
    assert any("1 leads have no 'lead_id'" in w for w in r.warnings)
