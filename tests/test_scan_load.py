"""A Parquet export checked in one pass and read as it is used (scan_parquet_table): the same
rows, warnings and accounting as load_table, or no result where load_table has work to do;
and `revq score --out` on it, ordered a score band at a time, gives the bytes of one sort."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from revq.app import score as score_case
from revq.app.scoring import ScoringInputs
from revq.config.models import LoadOptions
from revq.core.schema import LINE
from revq.core.scoring.engine import by_score
from revq.io import score_bands
from revq.io.load import load_table
from revq.io.scan_load import scan_parquet_table
from revq.io.score_bands import band_edges, in_score_bands
from tests.conftest import ROOT, SAMPLE, realdata, run_cli


def _parquet(tmp_path: Path, name: str, frame: pl.DataFrame) -> Path:
    path = tmp_path / name
    frame.write_parquet(path)
    return path


def _same_as_held(path: Path, table: str | None, opts: LoadOptions | None = None) -> None:
    opts = opts or LoadOptions()
    held = load_table(path, opts, table=table)
    streamed = scan_parquet_table(path, opts, table=table)
    assert streamed is not None and streamed.streamed
    assert streamed.accounting == held.accounting
    assert streamed.warnings == held.warnings
    assert (streamed.vendor, streamed.table, streamed.mapping) == (
        held.vendor,
        held.table,
        held.mapping,
    )
    assert streamed.frame.schema == held.frame.schema
    assert streamed.frame.equals(held.frame)


def test_a_clean_leads_file_is_read_as_a_plan_with_the_values_worked_out_by_hand(
    tmp_path: Path,
) -> None:
    path = _parquet(
        tmp_path,
        "leads.parquet",
        pl.DataFrame(
            {
                "Id": ["L1", "L2", None],
                "Email": [" Ann@Acme.COM ", "bo@gmail.com", "cy@beta.io"],
                "Company": ["Acme", "  ", "Beta"],
                # a revenue only the complete parser reads, beside a plain one
                "AnnualRevenue": ["$1,200,000", "350.5", None],
                "NumberOfEmployees": [250, None, 12],
                "Lead Status": ["Open", "MQL", None],
                "CreatedDate": [datetime(2026, 1, 2, 3, 4), None, datetime(2026, 5, 6)],
            }
        ),
    )
    loaded = scan_parquet_table(path, LoadOptions(), table="leads")
    assert loaded is not None and loaded.streamed
    assert loaded.accounting.rows_read == loaded.accounting.rows_loaded == 3
    assert loaded.lazy() is not None and loaded.streamed  # asking for the plan reads nothing
    frame = loaded.frame
    assert not loaded.streamed  # now held
    assert frame["lead_id"].to_list() == ["L1", "L2", "cy@beta.io"]  # the email stands in
    assert frame["email_normalised"].to_list() == ["ann@acme.com", "bo@gmail.com", "cy@beta.io"]
    assert frame["is_personal_email"].to_list() == [False, True, False]
    assert frame["account_key"].to_list() == ["acme.com", None, "beta.io"]
    assert frame["company"].to_list() == ["Acme", None, "Beta"]  # blank is empty
    assert frame["annual_revenue"].to_list() == [1_200_000.0, 350.5, None]
    assert frame["employees"].to_list() == [250, None, 12]
    assert frame["lead_status"].to_list() == ["Open", "MQL", None]
    assert frame["created_at"].dt.to_string("%Y-%m-%d %H:%M").to_list() == [
        "2026-01-02 03:04",
        None,
        "2026-05-06 00:00",
    ]
    assert frame[LINE].to_list() == [1, 2, 3]
    assert any("stands for their lead id" in w for w in loaded.warnings)
    _same_as_held(path, "leads")


def test_configured_null_values_are_empty_in_the_plan_too(tmp_path: Path) -> None:
    path = _parquet(
        tmp_path,
        "leads.parquet",
        pl.DataFrame(
            {"Email": ["a@x.io", "b@y.io", "c@z.io"], "Industry": ["Select", "Retail", "select"]}
        ),
    )
    opts = LoadOptions(null_values=["Select"])
    loaded = scan_parquet_table(path, opts, table="leads")
    assert loaded is not None
    assert loaded.frame["industry"].to_list() == [None, "Retail", "select"]  # as written
    _same_as_held(path, "leads", opts)


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("activities.csv", "activities"),
        ("opportunities.csv", "opportunities"),
        ("signals.csv", "signals"),
        ("dispositions.csv", "dispositions"),
    ],
)
def test_the_sample_exports_as_parquet_load_the_same_either_way(
    tmp_path: Path, name: str, table: str
) -> None:
    # Read with types where polars finds them: numbers and flags typed, dates as text.
    frame = pl.read_csv(SAMPLE / name, infer_schema_length=10_000)
    _same_as_held(_parquet(tmp_path, name.replace(".csv", ".parquet"), frame), None)


def test_real_leads_as_parquet_load_the_same_either_way(tmp_path: Path) -> None:
    frame = pl.read_csv(realdata("x-education-leads", "Leads.csv"), infer_schema_length=10_000)
    _same_as_held(_parquet(tmp_path, "Leads.parquet", frame), "leads")


def _leads() -> pl.DataFrame:
    return pl.DataFrame({"Id": ["L1", "L2", "L3"], "Email": ["a@x.io", "b@y.io", "c@z.io"]})


@pytest.mark.parametrize(
    ("why", "extra"),
    [
        ("a value to quarantine", {"NumberOfEmployees": ["12", "many", "40"]}),
        (
            "a row without its required values",
            {"Id": ["L1", None, "L3"], "Email": ["a@x.io", None, " "]},
        ),
        ("a duplicate to merge", {"Email": ["a@x.io", " A@X.io", "c@z.io"]}),
        ("rows deleted in the source", {"IsDeleted": [False, True, False]}),
        (
            "a record's versions",
            {"_fivetran_start": ["2026-01-01"] * 3, "_fivetran_end": ["9999-12-31"] * 3},
        ),
        ("a nested column", {"Tags": [["a"], [], ["b"]]}),
        ("a merge the CRM recorded", {"MasterRecordId": [None, "L1", None]}),
    ],
)
def test_what_load_table_must_do_is_left_to_it(
    tmp_path: Path, why: str, extra: dict[str, list[object]]
) -> None:
    frame = _leads().with_columns(pl.Series(k, v) for k, v in extra.items())
    path = _parquet(tmp_path, "leads.parquet", frame)
    assert scan_parquet_table(path, LoadOptions(), table="leads") is None, why
    load_table(path, LoadOptions(), table="leads")  # which loads it, or says why not


def test_other_files_are_left_to_load_table(tmp_path: Path) -> None:
    csv = tmp_path / "leads.csv"
    csv.write_text("Lead ID,Email\nL1,a@x.io\n", encoding="utf-8")
    assert scan_parquet_table(csv, LoadOptions(), table="leads") is None
    empty = _parquet(tmp_path, "empty.parquet", _leads().clear())
    assert scan_parquet_table(empty, LoadOptions(), table="leads") is None
    history = pl.read_csv(SAMPLE / "stage_history.csv", infer_schema=False)
    path = _parquet(tmp_path, "history.parquet", history)
    assert scan_parquet_table(path, LoadOptions(), table=None) is None


def test_score_bands_are_cut_between_scores_by_hand() -> None:
    totals = pl.LazyFrame({"total_score": [90.0, 90.0, 80.0, 70.0, 70.0, 70.0, 10.0]})
    edges = band_edges(totals, band_rows=2)
    # 90 x2 fill a band; 80 and the three 70s follow (a score is never split); then 10.
    assert edges.rows() == [(90.0, 90.0), (80.0, 70.0), (10.0, 10.0)]


@pytest.mark.parametrize("band_rows", [1, 2, 3, 100])
def test_rows_ordered_in_bands_are_one_sort_s_rows(tmp_path: Path, band_rows: int) -> None:
    scored = pl.LazyFrame(
        {
            "lead_id": ["b", "a", "c", None, "e", "d", "f"],
            "total_score": [5.0, 5.0, 7.5, 5.0, -2.0, 7.5, 0.0],
            "stage": ["n", "n", "s", "n", "d", "s", "d"],
        }
    )
    banded = in_score_bands(tmp_path, band_rows)(scored).collect()
    assert banded.equals(by_score(scored).collect())
    assert banded["lead_id"].to_list() == ["c", "d", None, "a", "b", "f", "e"]
    assert banded.head(3).equals(in_score_bands(tmp_path, band_rows)(scored).head(3).collect())


def test_missing_scores_are_put_in_order_the_plain_way(tmp_path: Path) -> None:
    scored = pl.LazyFrame({"lead_id": ["a", "b", "c"], "total_score": [1.0, None, 3.0]})
    banded = in_score_bands(tmp_path, 1)(scored).collect()
    assert banded.equals(by_score(scored).collect())


def _clean_sample_leads(tmp_path: Path) -> Path:
    """The sample Salesforce leads without the rows the loader quarantines: a file a single
    pass can load."""
    raw = pl.read_csv(SAMPLE / "salesforce_leads.csv", infer_schema=False)
    whole = _parquet(tmp_path, "whole.parquet", raw)
    assert scan_parquet_table(whole, LoadOptions(), table="leads") is None
    bad = load_table(whole, LoadOptions(), table="leads").rejects["line"].unique()
    lines = pl.int_range(1, raw.height + 1, eager=True)
    clean = raw.filter(~lines.is_in(bad.implode()))
    return _parquet(tmp_path, "leads.parquet", clean)


def test_score_out_of_a_streamed_file_in_bands_is_the_bytes_of_one_sort(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    leads = _clean_sample_leads(tmp_path)
    config = ROOT / "configs" / "scoring.yaml"
    args = ["score", str(leads), "--config", str(config), "--as-of", "2026-11-01"]
    args += ["--activities", str(SAMPLE / "activities.csv")]
    args += ["--signals", str(SAMPLE / "signals.csv")]
    # Held: the leads read whole (a CSV of the same rows) and put in order by one sort.
    pl.read_parquet(leads).write_csv(tmp_path / "leads.csv")
    held = [*args, "--out", str(tmp_path / "held.parquet")]
    held[1] = str(tmp_path / "leads.csv")
    assert run_cli(held, cwd=tmp_path).exit_code == 0
    monkeypatch.setattr(score_bands, "BAND_ROWS", 700)  # the 5,000 leads in several bands
    seen: list[int] = []
    original = score_bands.in_score_bands

    def spy(workdir: Path, band_rows: int) -> object:
        seen.append(band_rows)
        return original(workdir, band_rows)

    monkeypatch.setattr(score_bands, "in_score_bands", spy)
    run = run_cli([*args, "--out", str(tmp_path / "banded.parquet")], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    assert seen == [700]  # the banded path ran
    assert "read 5,000 rows = 5,000 loaded" in run.stderr  # 5,007 less 7 quarantined
    assert (tmp_path / "banded.parquet").read_bytes() == (tmp_path / "held.parquet").read_bytes()
    assert not list(tmp_path.glob(".revq-bands-*"))  # the scratch files are gone
    # The order, by DuckDB: total score highest first, then lead id.
    out = tmp_path / "banded.parquet"
    query = f"select lead_id from read_parquet('{out}') order by total_score desc, lead_id"
    assert [i for (i,) in duckdb.execute(query).fetchall()] == pl.read_parquet(out)[
        "lead_id"
    ].to_list()


def _email_config(tmp_path: Path) -> Path:
    config = tmp_path / "scoring.yaml"
    config.write_text(
        "version: 1\nfit:\n  rules:\n"
        "    - {name: reachable, when: {column: email, not_null: true}, points: 10}\n",
        encoding="utf-8",
    )
    return config


@pytest.mark.parametrize("in_place", [False, True])
def test_an_export_replaced_while_it_is_streamed_is_said_not_scored_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_place: bool
) -> None:
    leads = _parquet(tmp_path, "leads.parquet", _leads())
    original = ScoringInputs.score

    def replaced_first(self: ScoringInputs, *args: object, **kwargs: object) -> object:
        # A cron export landing mid-run: written over the file, or beside it and renamed.
        landing = leads if in_place else tmp_path / "landing.parquet"
        _leads().head(2).write_parquet(landing)
        landing.replace(leads)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ScoringInputs, "score", replaced_first)
    config = _email_config(tmp_path)
    out = tmp_path / "scored.parquet"
    run = run_cli(["score", str(leads), "--config", str(config), "--out", str(out)], cwd=tmp_path)
    assert run.exit_code == 2, run.stderr
    assert "was it replaced while revq ran?" in run.stderr and "Traceback" not in run.stderr


def test_fewer_leads_scored_than_loaded_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Should an export be read again without an error yet hold other rows, the count of what
    # was written (read back from the output) still tells.
    leads = _parquet(tmp_path, "leads.parquet", _leads())
    original = score_case.read_columns

    def one_row_short(path: Path, columns: list[str]) -> pl.DataFrame:
        return original(path, columns).head(2)

    monkeypatch.setattr(score_case, "read_columns", one_row_short)
    config = _email_config(tmp_path)
    out = tmp_path / "scored.parquet"
    run = run_cli(["score", str(leads), "--config", str(config), "--out", str(out)], cwd=tmp_path)
    assert run.exit_code == 2
    assert "changed while revq read it: 3 leads loaded but 2 scored" in run.stderr
