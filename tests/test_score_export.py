"""`revq score --export NAME`: scored leads in a layout a CRM imports."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import yaml

from revq.core.scoring.export import export_rows
from tests.conftest import SAMPLE, run_cli

AS_OF = ["--as-of", "2026-10-31"]
HANDOFF = ["sales_ready", "mql", "signal_qualified", "pql"]


def test_export_rows_by_hand() -> None:
    scored = pl.LazyFrame(
        {
            "lead_id": ["c", "a", "b"],
            "total_score": [90.0, 75.5, 12.0],
            "stage": ["sales_ready", "signal_qualified", "nurture"],
        }
    )
    rows, missing = export_rows(
        scored, {"Id": "lead_id", "Score__c": "total_score", "First": "first_name"}, HANDOFF
    )
    got = rows.collect()
    assert got.columns == ["Id", "Score__c", "First"]
    assert got.rows() == [("c", 90.0, None), ("a", 75.5, None)]  # scoring order kept
    assert missing == ["first_name"]
    everyone, _ = export_rows(scored, {"Id": "lead_id"})
    assert everyone.collect()["Id"].to_list() == ["c", "a", "b"]
    labelled, _ = export_rows(
        scored,
        {"Stage__c": "stage", "Score__c": "total_score"},
        values={"stage": {"sales_ready": "Sales Ready"}, "total_score": {"12.0": "low"}},
    )
    # a value without a label is written as it is; a number is labelled by its text
    assert labelled.collect().rows() == [
        ("Sales Ready", "90.0"),
        ("signal_qualified", "75.5"),
        ("nurture", "low"),
    ]


def test_the_sample_hubspot_layout(tmp_path: Path) -> None:
    full = run_cli(["score", *AS_OF, "--format", "csv"], cwd=SAMPLE)
    assert full.exit_code == 0, full.stderr
    scored = pl.read_csv(full.stdout.encode(), infer_schema=False)
    want = scored.filter(pl.col("stage").is_in(HANDOFF)).select(
        pl.col("lead_id").alias("Record ID"),
        pl.col("total_score").alias("revq Score"),
        pl.col("fit_grade").alias("revq Fit Grade"),
        pl.col("stage").alias("revq Stage"),
        pl.col("why_now").alias("revq Why Now"),
        pl.col("next_action").alias("revq Next Action"),
        pl.col("owner").alias("Contact owner"),
    )
    assert want.height > 0
    result = run_cli(["score", *AS_OF, "--export", "hubspot"], cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    assert "scored 5,000 leads" in result.stderr  # the summary counts every lead
    got = pl.read_csv(result.stdout.encode(), infer_schema=False)
    assert got.equals(want)
    out = tmp_path / "import.parquet"
    written = run_cli(["-q", "score", *AS_OF, "--export", "hubspot", "--out", str(out)], cwd=SAMPLE)
    assert written.exit_code == 0, written.stderr
    assert pl.read_parquet(out).cast(pl.String).equals(want)


def test_export_errors_come_before_the_work(tmp_path: Path) -> None:
    unknown = run_cli(["score", *AS_OF, "--export", "salesforce"], cwd=SAMPLE)
    assert unknown.exit_code == 2 and "no such layout" in unknown.stderr
    assert "(hubspot)" in unknown.stderr and "rows =" not in unknown.stderr
    accounts = run_cli(["score", *AS_OF, "--export", "hubspot", "--by", "account"], cwd=SAMPLE)
    assert accounts.exit_code == 2 and "--by account" in accounts.stderr
    bare = run_cli(
        ["score", str(SAMPLE / "hubspot_contacts.csv"), "--export", "hubspot"], cwd=tmp_path
    )
    assert bare.exit_code == 2 and "revq.yaml" in bare.stderr


def test_a_label_for_a_column_not_written_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "revq.yaml").write_text(
        "version: 1\nname: t\nexports:\n  crm:\n    columns: {Id: lead_id}\n"
        "    values: {stage: {sales_ready: Sales Ready}}\n"
    )
    result = run_cli(["validate"], cwd=tmp_path)
    assert result.exit_code == 2
    assert (
        "exports.crm" in result.stderr and "stage is not among the columns written" in result.stderr
    )


def test_a_layout_naming_an_unknown_column_is_a_config_error(tmp_path: Path) -> None:
    for name in ("hubspot_contacts.csv", "activities.csv", "signals.csv"):
        shutil.copy(SAMPLE / name, tmp_path / name)
    project = yaml.safe_load((SAMPLE / "revq.yaml").read_text())
    project["configs"] = {"scoring": str(SAMPLE.parent / "configs" / "scoring.yaml")}
    project["exports"]["hubspot"]["columns"]["revq Stage"] = "stag"
    (tmp_path / "revq.yaml").write_text(yaml.safe_dump(project, sort_keys=False))
    result = run_cli(["score", *AS_OF, "--export", "hubspot"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "revq.yaml" in result.stderr and "'stag' is not a revq score column" in result.stderr
