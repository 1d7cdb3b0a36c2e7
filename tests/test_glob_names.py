"""A file whose name holds a glob pattern's characters (leads[1].csv, Q3*.parquet) is that file
alone. polars reads a path with [, * or ? as a pattern unless told not to, and would read a
neighbour (leads1.csv) in its place, or several files as one; each case here puts such a
neighbour beside the file, with other rows, and checks that only the named file's rows are
read."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import ROOT, SAMPLE, run_cli

AS_OF = ["--as-of", "2026-10-31"]
CONFIG = ["--config", str(ROOT / "configs" / "scoring.yaml")]


def leads(rows: int) -> pl.DataFrame:
    return pl.read_csv(SAMPLE / "hubspot_contacts.csv", infer_schema=False).head(rows)


def write(frame: pl.DataFrame, path: Path) -> None:
    if path.suffix == ".parquet":
        frame.write_parquet(path)
    else:
        frame.write_csv(path)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize(("name", "neighbour"), [("leads[1]", "leads1"), ("Q3*", "Q3 all")])
def test_an_export_named_like_a_pattern_is_read_alone(
    tmp_path: Path, suffix: str, name: str, neighbour: str
) -> None:
    write(leads(10), tmp_path / f"{name}{suffix}")
    write(leads(30), tmp_path / f"{neighbour}{suffix}")
    out = tmp_path / "scored[1].parquet"
    pl.DataFrame({"lead_id": ["not this one"]}).write_parquet(tmp_path / "scored1.parquet")
    result = run_cli(["score", f"{name}{suffix}", *CONFIG, *AS_OF, "--out", out.name], tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "read 10 rows" in result.stderr
    assert pl.read_parquet(out, glob=False)["lead_id"].sort().to_list() == sorted(
        leads(10)["Record ID"].to_list()
    )


def test_a_jsonl_output_named_like_a_pattern_is_read_back_alone(tmp_path: Path) -> None:
    """The scored file is read back for the summary's counts: from itself, not a neighbour."""
    write(leads(10), tmp_path / "leads.csv")
    (tmp_path / "scored1.jsonl").write_text(json.dumps({"stage": "x"}) + "\n")
    result = run_cli(["score", "leads.csv", *CONFIG, *AS_OF, "--out", "scored[1].jsonl"], tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "scored 10 leads" in result.stderr


def test_changes_between_outputs_named_like_patterns(tmp_path: Path) -> None:
    old = pl.DataFrame({"lead_id": ["1", "2"], "stage": ["nurture", "nurture"]})
    new = pl.DataFrame({"lead_id": ["1", "2"], "stage": ["nurture", "sales_ready"]})
    old.write_parquet(tmp_path / "run[1].parquet")
    new.write_parquet(tmp_path / "run[2].parquet")
    decoy = pl.DataFrame({"lead_id": ["9"], "stage": ["x"]})
    decoy.write_parquet(tmp_path / "run1.parquet")
    decoy.write_parquet(tmp_path / "run2.parquet")
    result = run_cli(["changes", "run[1].parquet", "run[2].parquet", "--format", "csv"], tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["lead_id,stage", "2,sales_ready"]


def test_the_duckdb_engine_refuses_a_name_it_would_read_as_a_pattern(tmp_path: Path) -> None:
    """DuckDB reads leads[1].csv as a pattern and has no way to be told otherwise: rather
    than score leads1.csv's rows, the run stops and says why."""
    pytest.importorskip("duckdb")
    write(leads(10), tmp_path / "leads[1].csv")
    write(leads(30), tmp_path / "leads1.csv")
    args = ["score", "leads[1].csv", *CONFIG, *AS_OF, "--engine", "duckdb", "--out", "o.csv"]
    result = run_cli(args, tmp_path)
    assert result.exit_code == 2
    assert "leads[1].csv: the duckdb engine reads a path with any of" in result.stderr
    assert not (tmp_path / "o.csv").exists()
