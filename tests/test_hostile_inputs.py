"""Awkward and hostile exports, generated here (a 1 MiB field is not committed): each loads
with its rows accounted for, or is refused in one line with exit code 2."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import polars as pl
import pytest

from revq.config.models import LoadOptions
from revq.io.load import load_table
from tests.conftest import SAMPLE, run_cli

MIB = 1 << 20
HEADER = ["Record ID", "Email", "Company Name", "Notes"]


def _leads(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def test_a_field_of_a_mebibyte_loads(tmp_path: Path) -> None:
    # The first rows are among the leading lines looked at to find the header, and the second
    # note is quoted (commas and a line break inside), as a CRM writes a long description.
    notes = ["n" * MIB, "a, b\n" * (MIB // 5), "short"]
    rows = [[str(i + 1), f"p{i}@acme.example", "Acme", note] for i, note in enumerate(notes)]
    path = _leads(tmp_path / "leads_with_long_notes.csv", rows)

    result = run_cli(["inspect", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert (payload["rows_read"], payload["rows_loaded"], payload["rows_rejected"]) == (3, 3, 0)

    loaded = load_table(path, LoadOptions()).frame
    by_id = dict(zip(loaded["lead_id"].to_list(), loaded["Notes"].to_list(), strict=True))
    assert [len(by_id[str(i + 1)]) for i in range(3)] == [len(n) for n in notes]


def test_a_header_line_of_a_mebibyte_loads(tmp_path: Path) -> None:
    long_name = "x" * MIB
    path = tmp_path / "wide.csv"
    path.write_text(f"Record ID,Email,{long_name}\n1,a@acme.example,v\n", encoding="utf-8")
    loaded = load_table(path, LoadOptions())
    assert loaded.accounting.rows_loaded == 1
    assert long_name in loaded.frame.columns


def test_a_header_ending_with_a_delimiter_over_rows_that_do_not(tmp_path: Path) -> None:
    # `a,b,c,` then `1,2,3`: the nameless last column is empty on every row, as it is when
    # every line ends with the delimiter; rows that do end with one (`4,5,6,`) agree.
    path = tmp_path / "trailing.csv"
    path.write_text("a,b,c,\n1,2,3\n4,5,6,\n7,,9\n", encoding="utf-8")
    result = run_cli(["inspect", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert (payload["rows_read"], payload["rows_loaded"], payload["rows_rejected"]) == (3, 3, 0)
    assert [c["column"] for c in payload["profile"]] == ["a", "b", "c"]
    assert "the empty nameless last column was dropped" in result.stderr

    loaded = load_table(path, LoadOptions(), require_table=False).frame
    expected = [("1", "2", "3"), ("4", "5", "6"), ("7", None, "9")]
    assert loaded.select("a", "b", "c").rows() == expected


def test_a_value_in_the_nameless_last_column_keeps_it(tmp_path: Path) -> None:
    # One row fills the column the header leaves unnamed: it is a column, named by position,
    # and the rows without it are short.
    path = tmp_path / "trailing_used.csv"
    path.write_text("a,b,c,\n1,2,3\n4,5,6,x\n", encoding="utf-8")
    result = run_cli(["inspect", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert (payload["rows_loaded"], payload["rows_rejected"]) == (1, 1)
    assert [c["column"] for c in payload["profile"]] == ["a", "b", "c", "column_4"]


@pytest.mark.parametrize(
    "command",
    [
        ["inspect", "{file}"],
        ["score", "{file}", "--as-of", "2026-10-31"],
        ["explain", "1", "--leads", "{file}", "--as-of", "2026-10-31"],
        ["audit", "rejections", "{file}", "--as-of", "2026-10-31"],
        ["funnel", "{file}", "--as-of", "2026-10-31"],
        ["backtest", "{file}", "--as-of", "2026-10-31"],
        ["changes", "{file}", "hubspot_contacts.csv"],
    ],
    ids=lambda c: c[0],
)
def test_a_symlink_loop_is_one_line(command: list[str], tmp_path: Path) -> None:
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop.name)
    result = run_cli([a.replace("{file}", str(loop)) for a in command], cwd=SAMPLE)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"revq: error: {loop}: is a symbolic link loop\n"


def test_a_symlink_loop_as_an_output_is_one_line(tmp_path: Path) -> None:
    good = _leads(tmp_path / "leads.csv", [["1", "a@acme.example", "Acme", "n"]])
    loop = tmp_path / "out.csv"
    loop.symlink_to(loop.name)
    result = run_cli(
        ["inspect", str(good), "--rejects-out", str(loop), "--out", str(tmp_path / "x.json")]
    )
    assert result.exit_code == 2
    assert result.stderr == f"revq: error: {loop}: is a symbolic link loop\n"


def test_a_field_longer_than_a_workbook_cell_is_cut_and_said(tmp_path: Path) -> None:
    # Excel holds 32,767 characters a cell; the workbook writer had cut longer ones silently.
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("lead_id,notes\n1,short\n2,short\n", encoding="utf-8")
    new.write_text(f"lead_id,notes\n1,{'n' * MIB}\n2,short\n", encoding="utf-8")
    out = tmp_path / "push.xlsx"
    result = run_cli(["changes", str(old), str(new), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert f"{out}: 1 cell longer than Excel's 32,767 characters cut to fit" in result.stderr
    pushed = pl.read_excel(out)
    assert pushed["notes"].str.len_chars().to_list() == [32_767]
    csv_out = tmp_path / "push.csv"
    assert run_cli(["changes", str(old), str(new), "--out", str(csv_out)]).exit_code == 0
    assert len(pl.read_csv(csv_out)["notes"][0]) == MIB  # a CSV keeps it whole
