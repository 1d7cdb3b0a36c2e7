"""What revq prints on stderr quotes exports (a file's name, a header, a value, a signal type):
their control characters are shown, never obeyed, as a table's cells show them, and their
bidirectional controls are written as code points, so an ESC sequence cannot colour or erase
the terminal and a U+202E cannot reverse the rest of a warning or an error."""

from __future__ import annotations

import io
import re
import shutil
import sys
from pathlib import Path

import pytest

from revq.app.run import Message
from revq.cli.common import Flags
from tests.conftest import ROOT, SAMPLE, run_cli

AS_OF = "2026-10-31"
ESC, RLO = "\x1b[31m", "\u202e"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _project(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE, tmp_path / "sample_data")
    shutil.copytree(ROOT / "configs", tmp_path / "configs")
    return tmp_path / "sample_data"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_warning_quoting_a_signal_type_shows_its_controls(tmp_path: Path) -> None:
    folder = _project(tmp_path)
    _replace(folder / "signals.csv", "executive_hire", f"exec{ESC}hire{RLO}x")
    _replace(folder / "signals.csv", "detail", f"det{ESC}ail{RLO}")  # a header too
    result = run_cli(["score", "--as-of", AS_OF, "-f", "csv"], cwd=folder)
    assert result.exit_code == 0, result.stderr
    assert not RAW.search(result.stderr), result.stderr
    [warning] = [line for line in result.stderr.splitlines() if "signal types without" in line]
    assert "exec\u241b[31mhire<U+202E>x (1)" in warning


def test_an_error_quoting_a_file_header_and_value_shows_their_controls(tmp_path: Path) -> None:
    # A file, a header and dates written by someone hostile: the dates are not dates, so the
    # error names the file, the line and the column, and quotes a value. The header and the
    # value are quoted as Python literals already; the file's name was said as it is.
    lines = (SAMPLE / "hubspot_contacts.csv").read_text(encoding="utf-8").splitlines()[:12]
    rows = [lines[0].replace("Create Date", f"Create Date{ESC}{RLO}")]
    never = f",never{ESC}{RLO},"
    rows += [re.sub(r",20\d\d-\d\d-\d\d \d\d:\d\d,", never, row, count=1) for row in lines[1:]]
    path = tmp_path / f"leads{ESC}{RLO}.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    # YAML holds no raw control: the header is named with YAML's escapes
    mapped = 'created_at: "Create Date\\e[31m\\u202e"'
    (tmp_path / "revq.yaml").write_text(
        f"version: 1\nname: hostile\nload:\n  columns:\n    {mapped}\n", encoding="utf-8"
    )
    result = run_cli(["inspect", path.name, "--table", "leads", "--source", "hubspot"], tmp_path)
    assert result.exit_code == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert not RAW.search(line), line
    column = "column 'Create Date\\x1b[31m\\u202e'"
    assert line.startswith(f"revq: error: leads\u241b[31m<U+202E>.csv:2: {column}: "), line
    assert "values are not a date or timestamp (e.g. 'never\\x1b[31m\\u202e')" in line


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("terminal", [True, False])
def test_a_quoted_value_adds_no_line_and_hides_nothing(
    monkeypatch: pytest.MonkeyPatch, terminal: bool
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    err = _Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    value = "Acme\r\n\x1b[2K\tfake: all clear\u2066\u200f\x85\u2028"
    Flags(no_color=True).print(Message("warning", f"company {value}: not scored"))
    said = err.getvalue()
    assert said == (
        "warning: company Acme\u240d\u240a\u241b[2K\u2409fake: all clear<U+2066><U+200F>"
        "\ufffd<U+2028>: not scored\n"
    )
