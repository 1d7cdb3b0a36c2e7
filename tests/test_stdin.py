"""`-` reads an export from standard input: same result as the file, clear errors."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from revq.cli.app import app
from revq.io.stdin import stdin_suffix
from tests.conftest import FIXTURES, SAMPLE, Run


def piped(args: list[str], data: bytes, cwd: Path = SAMPLE) -> Run:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, args, input=data, catch_exceptions=False)
    finally:
        os.chdir(old)
    return Run(result.exit_code, result.stdout, result.stderr)


def parquet_bytes(frame: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        (b"Lead ID,Email\n1,a@x.com\n", ".csv"),
        (b"\xef\xbb\xbfLead ID;Email\n1;a@x.com\n", ".csv"),
        (b'{\n  "records": [\n    {"Id": "1"}\n  ]\n}\n', ".json"),  # pretty-printed
        (b'{"records": [{"Id": "1"}, {"Id": "2"}]}', ".json"),  # one line
        (b'[{"Id": "1"},\n {"Id": "2"}]\n', ".json"),  # an array over lines
        (b'{"Id": "1"}\n{"Id": "2"}\n', ".jsonl"),
        (b'\n  {"Id": "1"}\n{"Id": "2"}', ".jsonl"),
        (b"PAR1\x15\x04", ".parquet"),
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", ".xlsx"),
        (b"PK\x03\x04\x14\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet", ".ods"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls"),
    ],
)
def test_stdin_is_named_for_what_its_bytes_are(data: bytes, suffix: str) -> None:
    assert stdin_suffix(data) == suffix


def test_piped_leads_score_as_the_file_does() -> None:
    leads = (SAMPLE / "hubspot_contacts.csv").read_bytes()
    args = ["-q", "score", "--as-of", "2026-10-31", "-f", "csv"]
    from_file = piped([*args[:2], "hubspot_contacts.csv", *args[2:]], b"")
    from_stdin = piped([*args[:2], "-", *args[2:]], leads)
    assert from_file.exit_code == 0 and from_stdin.exit_code == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout
    assert from_stdin.stdout.count("\n") == 5_000 + 1  # 5,060 rows less 60 duplicates, a header


def test_piped_json_lines_and_parquet_load(tmp_path: Path) -> None:
    frame = pl.read_csv(SAMPLE / "signals.csv", infer_schema=False)
    buffer = io.BytesIO()
    frame.write_ndjson(buffer)
    for data, name in ((buffer.getvalue(), "stdin.jsonl"), (parquet_bytes(frame), "stdin.parquet")):
        run = piped(["inspect", "-", "-f", "json"], data, cwd=tmp_path)
        assert run.exit_code == 0, run.stderr
        report = json.loads(run.stdout)
        assert (report["table"], report["rows_loaded"]) == ("signals", frame.height)
        assert f"{name}: generic signals: read {frame.height} rows" in run.stderr


def test_a_piped_history_goes_to_its_funnel_role() -> None:
    args = ["-q", "funnel", "--as-of", "2026-10-31", "-f", "json", "--opportunities"]
    history = (SAMPLE / "stage_history.csv").read_bytes()
    from_file = piped([*args, "opportunities.csv", "stage_history.csv"], b"")
    from_stdin = piped([*args, "opportunities.csv", "-"], history)
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout


def test_stdin_errors_are_usage_errors(tmp_path: Path) -> None:
    empty = piped(["score", "-"], b"", cwd=tmp_path)
    assert empty.exit_code == 2 and "standard input (-) is empty" in empty.stderr
    twice = piped(["score", "-", "--activities", "-"], b"a,b\n1,2\n", cwd=tmp_path)
    assert twice.exit_code == 2 and "can be read once" in twice.stderr
    broken = (FIXTURES / "ingest" / "broken.json").read_bytes()
    bad = piped(["inspect", "-"], broken, cwd=tmp_path)
    # the message names standard input as the load line does, not its temporary file
    assert bad.exit_code == 2
    assert bad.stderr.startswith("revq: error: stdin.json:2: invalid JSON"), bad.stderr
    assert "revq-stdin-" not in bad.stderr


def test_a_score_piped_into_the_audit_gives_the_audit_of_the_file(tmp_path: Path) -> None:
    scored = piped(["-q", "score", "--as-of", "2026-10-31", "-f", "csv"], b"")
    assert scored.exit_code == 0, scored.stderr
    (tmp_path / "scored.csv").write_text(scored.stdout)
    args = ["-q", "audit", "rejections", "--as-of", "2026-10-31", "-f", "json", "--leads"]
    from_file = piped([*args, str(tmp_path / "scored.csv")], b"")
    from_pipe = piped([*args, "-"], scored.stdout.encode())
    assert from_pipe.exit_code == 0, from_pipe.stderr
    assert from_pipe.stdout == from_file.stdout
    assert "score_band" in json.loads(from_pipe.stdout)["by"]
