"""Parquet exports whose columns have types no parser reads as they are (durations, times of
day, bytes, lists of them, categories beside numbers): their values are checked as text, and a
value that does not parse is quarantined with its row, not a crash of the load. Found by
loading generated Parquet files."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revq.errors import RevqError
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


# Column names a preset maps (so values are typed and checked) and one it does not.
_NAMES = ["Email", "Record ID", "Create Date", "Number of Employees", "Annual Revenue", "Note"]
_TYPES = [
    (pl.String, st.sampled_from(["a@b.com", "", " 12 ", "2026-01-05", "=1+1", "many"])),
    (pl.Int64, st.integers(-(2**63), 2**63 - 1)),
    (pl.Float64, st.floats()),
    (pl.Boolean, st.booleans()),
    (pl.Date, st.dates()),
    (pl.Datetime("us"), st.datetimes()),
    (pl.Decimal(20, 4), st.decimals(-(10**10), 10**10, places=4, allow_nan=False)),
    (pl.Duration("us"), st.timedeltas(dt.timedelta(days=-999), dt.timedelta(days=999))),
    (pl.Time, st.times()),
    (pl.Binary, st.binary(max_size=4)),
    (pl.List(pl.String), st.lists(st.sampled_from(["a", "b@c.com"]), max_size=2)),
    (pl.Struct({"a": pl.Int64}), st.fixed_dictionaries({"a": st.integers(0, 5)})),
]


@st.composite
def _typed_frames(draw: st.DrawFn) -> pl.DataFrame:
    rows = draw(st.integers(1, 4))
    names = draw(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=4, unique=True))
    columns = []
    for name in names:
        dtype, values = draw(st.sampled_from(_TYPES))
        drawn = [draw(st.one_of(st.none(), values)) for _ in range(rows)]
        columns.append(pl.Series(name, drawn, dtype=dtype))
    frame = pl.DataFrame(columns)
    if draw(st.booleans()):  # picklists as pandas writes them
        frame = frame.with_columns(pl.col(pl.String).cast(pl.Categorical))
    return frame


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_typed_frames(), st.sampled_from(["leads", None]))
def test_any_typed_export_loads_or_says_what_is_wrong(
    frame: pl.DataFrame, table: str | None
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.parquet"
        frame.write_parquet(path)
        try:
            loaded = load_table(path, table=table, require_table=table is not None)
        except RevqError:
            return  # a one-line error, exit 2
        # every row read is loaded, quarantined or merged: none is lost
        accounting = loaded.accounting
        assert accounting.rows_read == frame.height
        assert accounting.balanced()
        assert loaded.frame.height == accounting.rows_loaded
