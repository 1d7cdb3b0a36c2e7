"""`revq changes`: the rows of a new output a CRM sync must push."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import polars as pl
from typer.testing import CliRunner

from revq.cli.app import app
from revq.core.changes import changed_rows
from tests.conftest import SAMPLE, run_cli

OLD = pl.DataFrame(
    {
        "lead_id": ["a", "b", "c", "e"],
        "stage": ["mql", "sql", "mql", "mql"],
        "owner": ["Kim", "Kim", "Lee", None],
        "score": [10.0, 20.0, 5.0, 1.0],
    }
)
NEW = pl.DataFrame(
    {
        "lead_id": ["e", "b", "a", "d"],
        "stage": ["mql", "opportunity", "mql", "mql"],
        "owner": ["Kim", "Kim", "Kim", None],
        "score": [1.0, 20.0, 10.0, 3.0],
        "note": ["x", "y", "z", "w"],  # not in the old output: not compared
    }
)


def test_new_and_changed_rows_by_hand() -> None:
    got = changed_rows(OLD, NEW, "lead_id")
    # e: an owner appeared; b: a stage moved; d: new; a: the same; c: gone
    assert got.rows["lead_id"].to_list() == ["e", "b", "d"]  # the new output's order
    assert got.rows.columns == NEW.columns
    assert (got.new, got.changed, got.unchanged, got.gone) == (1, 2, 1, 1)
    assert got.by_column == {"stage": 1, "owner": 1, "score": 0}  # b's stage, e's owner
    only_stage = changed_rows(OLD, NEW, "lead_id", ["stage"])
    assert only_stage.rows["lead_id"].to_list() == ["b", "d"]
    assert (only_stage.changed, only_stage.unchanged) == (1, 2)


def test_changes_between_two_runs_match_duckdb(tmp_path: Path) -> None:
    y, t = tmp_path / "y.parquet", tmp_path / "t.parquet"
    for path, day in ((y, "2026-10-24"), (t, "2026-10-31")):
        assert (
            run_cli(["-q", "score", "--as-of", day, "--out", str(path)], cwd=SAMPLE).exit_code == 0
        )
    run = run_cli(["changes", str(y), str(t), "--on", "stage,owner"], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    (expected,) = duckdb.execute(
        f"""select count(*) from read_parquet('{t}') n left join read_parquet('{y}') o
            using (lead_id)
            where o.lead_id is null or n.stage is distinct from o.stage
               or n.owner is distinct from o.owner"""
    ).fetchone()  # type: ignore[misc]
    pushed = pl.read_csv(io.StringIO(run.stdout), infer_schema=False)
    assert pushed.height == expected > 0
    assert f"{expected:,} rows to push" in run.stderr
    # the rows keep the new output's order: the score order
    order = pl.read_parquet(t)["lead_id"].to_list()
    positions = [order.index(i) for i in pushed["lead_id"].to_list()]
    assert positions == sorted(positions)


def test_an_export_is_keyed_on_its_first_column(tmp_path: Path) -> None:
    y, t = tmp_path / "y.csv", tmp_path / "t.csv"
    for path, day in ((y, "2026-10-24"), (t, "2026-10-31")):
        args = ["-q", "score", "--as-of", day, "--export", "hubspot", "--out", str(path)]
        assert run_cli(args, cwd=SAMPLE).exit_code == 0
    run = run_cli(["changes", str(y), str(t), "--out", str(tmp_path / "push.csv")])
    assert run.exit_code == 0, run.stderr
    assert "keyed on Record ID" in run.stderr
    old = pl.read_csv(y, infer_schema=False)
    new = pl.read_csv(t, infer_schema=False)
    pushed = pl.read_csv(tmp_path / "push.csv", infer_schema=False)
    unchanged = new.join(old, on=new.columns, how="semi")  # rows identical in every column
    assert pushed.height == new.height - unchanged.height
    assert pushed.columns == new.columns


def test_bad_inputs_are_one_line_errors(tmp_path: Path) -> None:
    pl.DataFrame({"lead_id": ["a", "a"], "stage": ["x", "y"]}).write_csv(tmp_path / "dup.csv")
    pl.DataFrame({"lead_id": ["a"], "stage": ["x"]}).write_csv(tmp_path / "ok.csv")
    (tmp_path / "notes.docx").write_text("x")
    (tmp_path / "keyless.csv").write_text("lead_id,stage\na,x\n,y\n  ,z\n")
    for args, said in (
        (["dup.csv", "ok.csv"], "dup.csv: 'lead_id' 'a' names 2 rows"),
        (
            ["ok.csv", "keyless.csv"],
            "keyless.csv: 2 rows have no 'lead_id' (the first is record 2)",
        ),
        (["ok.csv", "ok.csv", "--key", "id"], "ok.csv: no column 'id' to match rows on"),
        (["ok.csv", "ok.csv", "--on", "owner"], "--on: no column 'owner'"),
        (["ok.csv", "notes.docx"], "expected a revq output"),
        (["ok.csv", "missing.csv"], "missing.csv: file not found"),
    ):
        run = run_cli(["changes", *args], cwd=tmp_path)
        assert run.exit_code == 2 and said in run.stderr, (args, run.stderr)
        assert run.stderr.count("\n") == 1


def test_fail_on_guards_an_unattended_sync(tmp_path: Path) -> None:
    OLD.write_csv(tmp_path / "old.csv")
    NEW.write_csv(tmp_path / "new.csv")
    base = ["changes", "old.csv", "new.csv", "--out", "push.csv", "--fail-on"]
    # 3 of the 4 new rows are pushed (e, b, d): a rate of 0.75
    tripped = run_cli([*base, "pushed_rate>0.5"], cwd=tmp_path)
    assert tripped.exit_code == 1 and "--fail-on met" in tripped.stderr
    assert pl.read_csv(tmp_path / "push.csv").height == 3  # written before the exit
    assert run_cli([*base, "pushed>3"], cwd=tmp_path).exit_code == 0
    assert run_cli([*base, "gone>=1"], cwd=tmp_path).exit_code == 1
    unknown = run_cli([*base, "moved>1"], cwd=tmp_path)
    assert unknown.exit_code == 2 and "unknown metric 'moved'" in unknown.stderr


def test_the_new_output_can_be_piped_in(tmp_path: Path) -> None:
    OLD.write_csv(tmp_path / "old.csv")
    piped = CliRunner().invoke(
        app, ["changes", str(tmp_path / "old.csv"), "-"], input=NEW.write_csv().encode()
    )
    assert piped.exit_code == 0, piped.stderr
    assert pl.read_csv(io.StringIO(piped.stdout))["lead_id"].to_list() == ["e", "b", "d"]
    assert "no longer in stdin.csv" in piped.stderr
