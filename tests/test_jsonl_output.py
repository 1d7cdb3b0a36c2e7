"""JSON Lines outputs: one object per line, the same rows as the other formats."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SAMPLE, run_cli

AS_OF = ["--as-of", "2026-10-31"]


def test_score_to_json_lines_holds_the_rows_of_the_json_output(tmp_path: Path) -> None:
    out = tmp_path / "scored.jsonl"
    written = run_cli(["score", *AS_OF, "--out", str(out)], cwd=SAMPLE)
    assert written.exit_code == 0, written.stderr
    assert "wrote 5,000 rows" in written.stderr
    as_json = run_cli(["-q", "score", *AS_OF, "-f", "json"], cwd=SAMPLE)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == json.loads(as_json.stdout)
    first = out.read_bytes()
    assert run_cli(["-q", "score", *AS_OF, "--out", str(out)], cwd=SAMPLE).exit_code == 0
    assert out.read_bytes() == first  # byte-identical on re-run


def test_ledger_and_export_as_json_lines(tmp_path: Path) -> None:
    for suffix in ("csv", "ndjson"):
        run = run_cli(
            ["-q", "score", *AS_OF, "-f", "csv", "--explain-out", str(tmp_path / f"l.{suffix}")],
            cwd=SAMPLE,
        )
        assert run.exit_code == 0, run.stderr
    csv_rows = (tmp_path / "l.csv").read_text().count("\n") - 1
    assert (tmp_path / "l.ndjson").read_text().count("\n") == csv_rows > 5_000
    out = tmp_path / "hubspot.jsonl"
    run = run_cli(["-q", "score", *AS_OF, "--export", "hubspot", "--out", str(out)], cwd=SAMPLE)
    assert run.exit_code == 0, run.stderr
    first = json.loads(out.read_text().splitlines()[0])
    assert list(first)[:2] == ["Record ID", "revq Score"]


def test_the_audit_reads_a_json_lines_score_output_as_written(tmp_path: Path) -> None:
    for suffix in ("csv", "jsonl"):
        out = str(tmp_path / f"scored.{suffix}")
        assert run_cli(["-q", "score", *AS_OF, "--out", out], cwd=SAMPLE).exit_code == 0
    audits = [
        run_cli(
            ["audit", "rejections", *AS_OF, "-f", "json", "--leads", str(tmp_path / f"scored.{s}")],
            cwd=SAMPLE,
        )
        for s in ("csv", "jsonl")
    ]
    assert audits[0].exit_code == 0 and audits[0].stdout == audits[1].stdout
    # read as written, not loaded and scored again: no load line for the leads (a warning
    # may name the file)
    lines = audits[1].stderr.splitlines()
    assert not [x for x in lines if x.startswith("scored.jsonl:")]
    assert any(x.startswith("warning: scored.jsonl:") for x in lines)
