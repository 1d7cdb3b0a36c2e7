"""Parquet exports whose columns have types no parser reads as they are (durations, times of
day, bytes, lists of them, categories beside numbers): their values are checked as text, and a
value that does not parse is quarantined with its row, not a crash of the load. Found by
loading generated Parquet files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from revq.io.load import load_table
from tests.conftest import run_cli


def test_values_of_other_types_that_do_not_parse_are_quarantined(tmp_path: Path) -> None:
    path = tmp_path / "leads.parquet"
    pl.DataFrame(
        {
            "Email": ["ada@example.com", "bob@example.com", None],
            "Create Date": pl.Series(
                [dt.timedelta(days=1), None, dt.timedelta(hours=5)], dtype=pl.Duration("us")
            ),
            "Number of Employees": pl.Series(["12", "many", None]).cast(pl.Categorical),
        }
    ).write_parquet(path)
    loaded = load_table(path, table="leads")
    assert loaded.frame.height == 0  # each row has a value that does not parse
    rejects = loaded.rejects.sort("line", "column")
    assert rejects.select("line", "column", "rule", "raw_value").rows() == [
        (1, "Create Date", "invalid_datetime", "P1D"),  # a duration, written as ISO 8601
        (2, "Number of Employees", "invalid_integer", "many"),
        (3, "Create Date", "invalid_datetime", "PT5H"),
        (3, "Email", "missing_value", None),
    ]
    inspected = run_cli(["inspect", str(path)], cwd=tmp_path)
    assert inspected.exit_code == 0, inspected.stderr
    assert "invalid_datetime  P1D" in inspected.stdout


def test_bytes_durations_and_times_of_day_are_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "leads.parquet"
    pl.DataFrame(
        {
            # a writer that stores text as untyped bytes
            "Email": pl.Series([b"ada@example.com", b"bob@example.com"], dtype=pl.Binary),
            "Badge": pl.Series([b"\xff\x00", b"ok"], dtype=pl.Binary),
            "Call Length": pl.Series(
                [[dt.timedelta(minutes=3), dt.timedelta(seconds=1)], []],
                dtype=pl.List(pl.Duration("us")),
            ),
            "Opens At": [dt.time(9, 30), dt.time(17, 0, 0, 250000)],
            "Nothing": pl.Series([None, None], dtype=pl.Null),
        }
    ).write_parquet(path)
    loaded = load_table(path, table="leads")
    assert loaded.warnings == ["column 'Badge' holds bytes that are not text: read as hex"]
    assert loaded.frame.select("email", "Badge", "Call Length", "Opens At", "Nothing").rows() == [
        ("ada@example.com", "ff00", "PT3M; PT1S", "09:30:00", None),
        ("bob@example.com", "6f6b", "", "17:00:00.250", None),
    ]
