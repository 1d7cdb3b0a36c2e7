"""The sample config's gate on the lifecycle stage takes the leads past the hand-off off the
call list; the runs that measure what became of the leads (the audit, the funnel's scored cut,
the report's acceptance by recommended stage) cut them by what the model decided, as the same
config without the gate does: the gate reads the very outcome they measure."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import ROOT, SAMPLE, run_cli

AS_OF = ["--as-of", "2026-10-31"]
# HubSpot's lifecycle labels of a lead past the hand-off, as the export writes them
PAST_HANDOFF = ["Sales Qualified Lead", "Opportunity", "Customer"]
GATE = """  - name: already_converted
    when: {column: lifecycle_stage, in: [sql, opportunity, won]}
    reason: already_converted
    outcome: converted
"""


@pytest.fixture(scope="module")
def ungated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project beside a copy of its configs whose scoring has no converted gate."""
    root = tmp_path_factory.mktemp("ungated")
    shutil.copytree(SAMPLE, root / "sample_data", ignore=shutil.ignore_patterns("reports"))
    shutil.copytree(ROOT / "configs", root / "configs")
    config = root / "configs" / "scoring.yaml"
    text = config.read_text(encoding="utf-8")
    assert text.count(GATE) == 1
    config.write_text(text.replace(GATE, ""), encoding="utf-8")
    return root / "sample_data"


def test_leads_past_the_hand_off_are_converted_and_off_the_call_list() -> None:
    full = run_cli(["-q", "score", *AS_OF, "--format", "csv"], cwd=SAMPLE)
    assert full.exit_code == 0, full.stderr
    scored = pl.read_csv(full.stdout.encode(), infer_schema=False)
    raw = pl.read_csv(SAMPLE / "hubspot_contacts.csv", infer_schema=False)
    past = set(raw.filter(pl.col("Lifecycle Stage").is_in(PAST_HANDOFF))["Record ID"])
    converted = scored.filter(pl.col("stage") == "converted")
    assert set(converted["lead_id"]) == past & set(scored["lead_id"]) and len(past) > 0
    # whatever else they hit (a bad-fit industry): the gate is the first, so it decides
    assert set(converted["gate"]) == {"already_converted"}
    assert set(converted["owner"].drop_nulls()) <= set(raw["Contact owner"].drop_nulls())
    table = run_cli(["score", *AS_OF, "--top", "50"], cwd=SAMPLE, width=200)
    listed = {line.split()[0] for line in table.stdout.splitlines()}
    assert not listed & past
    assert f"({len(converted):,} converted already, not listed)" in table.stdout


def test_the_audit_cuts_by_what_the_model_decided(ungated: Path) -> None:
    args = ["audit", "rejections", *AS_OF, "--format", "json"]
    gated, plain = run_cli(args, cwd=SAMPLE), run_cli(args, cwd=ungated)
    assert gated.exit_code == 0 and plain.exit_code == 0, gated.stderr + plain.stderr
    assert json.loads(gated.stdout) == json.loads(plain.stdout)
    stages = {row["stage"] for row in json.loads(gated.stdout)["by"]["stage"]}
    assert "converted" not in stages and "sales_ready" in stages
    said = "gate already_converted (outcome: converted) is not applied"
    assert said in gated.stderr and said not in plain.stderr


def test_the_funnel_cuts_by_the_stage_the_model_recommended(ungated: Path) -> None:
    args = ["-q", "funnel", *AS_OF, "--by", "recommended_stage", "--format", "json"]
    gated, plain = run_cli(args, cwd=SAMPLE), run_cli(args, cwd=ungated)
    assert gated.exit_code == 0 and plain.exit_code == 0, gated.stderr + plain.stderr
    assert gated.stdout == plain.stdout
    assert "converted" not in gated.stdout.replace("converted_", "")


def test_the_report_reads_acceptance_by_the_stage_the_model_recommended(ungated: Path) -> None:
    def acceptance(cwd: Path) -> list[str]:
        result = run_cli(["-q", "report", "--weekly", *AS_OF, "-f", "md", "-o", "-"], cwd=cwd)
        assert result.exit_code == 0, result.stderr
        lines = result.stdout.splitlines()
        start = lines.index("Acceptance by the stage revq recommends:")
        return lines[start : lines.index("## Rejections", start)]

    gated = acceptance(SAMPLE)
    assert gated == acceptance(ungated)
    assert not any(line.startswith("| Converted") for line in gated)


def test_an_audit_of_a_score_output_says_how_its_converted_leads_are_cut(tmp_path: Path) -> None:
    """A `revq score` output holds the stage as the gate set it, and no other: the audit says
    so, with the way to cut by what the model decided."""
    scored = tmp_path / "scored.csv"
    made = run_cli(["-q", "score", *AS_OF, "--out", str(scored)], cwd=SAMPLE)
    assert made.exit_code == 0, made.stderr
    converted = pl.read_csv(scored, infer_schema=False).filter(pl.col("stage") == "converted")
    args = ["audit", "rejections", *AS_OF, "--leads", str(scored), "--format", "json"]
    result = run_cli(args, cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    assert f"scored.csv: {converted.height:,} leads are in stage converted" in result.stderr
    stages = {row["stage"] for row in json.loads(result.stdout)["by"]["stage"]}
    assert "converted" in stages and converted.height > 0
