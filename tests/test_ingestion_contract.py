"""The ingestion contract, one fixture file per quirk (fixtures/ingest/cases.yaml)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import FIXTURES, run_cli

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "ingest" / "cases.yaml").read_text())


def _id(case: dict[str, Any]) -> str:
    return case["file"] + ("[" + " ".join(case["args"]) + "]" if case.get("args") else "")


def test_there_are_at_least_25_fixture_files() -> None:
    files = {c["file"] for c in CASES if (FIXTURES / "ingest" / c["file"]).exists()}
    assert len(files) >= 25


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    src = FIXTURES / "ingest" / case["file"]
    target = tmp_path / case["file"]
    if src.exists():
        shutil.copy(src, target)
    before = target.read_bytes() if target.exists() else None
    result = run_cli(
        ["inspect", case["file"], "--format", "json", *case.get("args", [])], cwd=tmp_path
    )
    assert result.exit_code == case.get("exit", 0), result.stderr
    for text in case.get("stderr", []):
        assert text in result.stderr
    assert "Traceback" not in result.stderr
    if before is not None:
        assert target.read_bytes() == before, "inputs are never modified"
    if result.exit_code != 0:
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1, "a user error is one line"
        return
    payload = json.loads(result.stdout)
    for key in (
        "vendor",
        "table",
        "rows_read",
        "rows_loaded",
        "rows_rejected",
        "footer_rows",
        "duplicates_merged",
        "deleted_in_source",
        "columns",
        "warnings",
    ):
        assert key in payload
    for key, value in case.get("accounting", {}).items():
        assert payload[key] == value, key
    assert payload["rows_read"] == (
        payload["rows_loaded"]
        + payload["rows_rejected"]
        + payload["footer_rows"]
        + payload["duplicates_merged"]
        + payload["deleted_in_source"]
    )
    if "vendor" in case:
        assert payload["vendor"] == case["vendor"]
    if "delimiter" in case:
        assert payload["delimiter"] == case["delimiter"]
    for canonical, header in case.get("columns", {}).items():
        assert payload["columns"][canonical] == header
    if "rejects" in case:
        got = [[r["line"], r["column"], r["rule"], r["raw_value"]] for r in payload["rejects"]]
        assert len(got) == len(case["rejects"])
        for (line, column, rule, raw), want in zip(got, case["rejects"], strict=True):
            assert [line, column, raw] == [want[0], want[1], want[3]]
            assert rule.startswith(want[2])
