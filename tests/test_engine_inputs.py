"""Raw exports mapped onto canonical tables inside DuckDB (revq.engines.inputs) against revq's
own loader: the same rows, columns, types and values, on the sample project and on exports
made to be awkward (padded and Unicode-spaced text, grouped and currency numbers, booleans,
every date shape, time zones and DST changes, null values, defaults, deletion flags, a
history-mode sync's versions, duplicates by id and by email, rows that must be left out)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl
import pytest

from revq.app.inputs import load_options_for, open_project
from revq.app.run import Run
from revq.app.scoring import ScoringInputs
from revq.config.models import LoadOptions
from revq.core.derive import derive_lead_fields
from revq.core.parse import parse_datetime
from revq.errors import InputError
from revq.io.load import load_table
from tests.conftest import SAMPLE
from tests.engine_cases import EMAIL_DOMAINS, write_float_export

ibis = pytest.importorskip("ibis")

from revq.engines.connect import Engine, connect  # noqa: E402
from revq.engines.inputs import RawInput, canonical_inputs  # noqa: E402
from revq.engines.load.lead_fields import derive_lead_fields as engine_lead_fields  # noqa: E402
from revq.engines.load.text import Text  # noqa: E402
from revq.engines.load.timestamps import Timestamps  # noqa: E402
from revq.engines.reading import kind_of, read_export  # noqa: E402


@pytest.fixture(scope="module")
def engine() -> Engine:
    return connect("duckdb")


def _canonical(
    engine: Engine, files: dict[str, Path], options: dict[str, LoadOptions], tz: str = "UTC"
) -> dict[str, pl.DataFrame]:
    raw = {
        t: RawInput(read_export(engine, [p], options[t], f"raw_{t}"), p, options[t], kind_of(p))
        for t, p in files.items()
    }
    inputs = canonical_inputs(raw, timezone=tz, dialect="duckdb", collect=engine.collect)
    out = {"leads": engine.collect(inputs.leads)}
    for name in ("activities", "signals"):
        table = getattr(inputs, name)
        if table is not None:
            out[name] = engine.collect(table)
    return out


def _same(polars: pl.DataFrame, engine: pl.DataFrame, key: list[str]) -> None:
    expected = polars.drop("_line", strict=False)
    assert engine.columns == expected.columns
    assert dict(engine.schema) == dict(expected.schema)
    assert engine.sort(key, nulls_last=True).equals(expected.sort(key, nulls_last=True))


def test_the_sample_project(engine: Engine) -> None:
    project = open_project(SAMPLE / "revq.yaml")
    assert project is not None
    loaded = ScoringInputs(Run(), project)
    files, options = {}, {}
    for table in ("leads", "activities", "signals"):
        path = project.input_path(table)
        assert isinstance(path, Path)
        files[table], options[table] = path, load_options_for(project, path, table)
    got = _canonical(engine, files, options)
    _same(loaded.leads.frame, got["leads"], ["lead_id"])
    assert loaded.activities is not None and loaded.signals is not None
    _same(loaded.activities, got["activities"], ["activity_id"])
    _same(loaded.signals, got["signals"], ["account_key", "signal_type", "occurred_at"])
    # The merge had work to do: 60 re-created leads, whose activities follow them.
    assert got["leads"].height == 5000


def test_lead_fields_of_unicode_emails(engine: Engine) -> None:
    """The domain of an address is what follows its @, counted in characters; the fields
    derived in the engine are those polars derives."""
    emails = pl.DataFrame({"email": list(EMAIL_DOMAINS)})
    expected = derive_lead_fields(emails.lazy()).collect()
    assert expected["email_domain"].to_list() == list(EMAIL_DOMAINS.values())
    derived = engine_lead_fields(ibis.memtable(emails), Text("duckdb"))
    got = engine.collect(derived.select(*expected.columns))
    for column in expected.columns:
        assert got[column].to_list() == expected[column].to_list(), column


AWKWARD_LEADS = (
    "Record ID,Email,Job Title,Number of Employees,Annual Revenue,Country/Region,"
    "Create Date,Last Activity Date,Lifecycle Stage,Unsubscribed,_fivetran_deleted,Notes\n"
    '101,  Ana@Acme.COM ,\u00a0VP Sales\u00a0,"1,200",USD 3500000,Germany,'
    "2026-03-29 02:30,2026-10-25 02:30,Marketing Qualified Lead,yes,false,keep\n"
    '102,ana@acme.com,CEO,50,"(1,000)",DE,1/2/2026 10:00 PM,2026-01-05T10:00:00Z,'
    "SQL,no,,merged by email\n"
    "103,bo@gmail.com,--None--,12.0,1e5,--None--,2026-02-28,,subscriber,1,0,personal\n"
    "104,bad@x.com,Intern,twelve,,US,2026-01-01,,lead,,,rejected: employees\n"
    ",,Nobody,5,,US,2026-01-01,,lead,,,rejected: no id nor email\n"
    ",no-id@corp.io,Manager,7,,US,2026-02-30,,lead,,,rejected: 30 February\n"
    ",only-email@corp.io,Manager,7,,US,1767607200000,,lead,,,id from the email\n"
    "105,gone@x.com,CFO,7,,US,2026-01-01,,lead,,true,deleted in the source\n"
    '106,old@x.com,CFO,7,,US,2026-01-01 00:00 +02:00,,lead,,,"quoted, text"\n'
    "107,,Director,300,,France,12/31/2025 11:59 AM,,customer,,,no email\n"
    "107,late@x.com,Director,,,France,12/31/2025 11:59 AM,2026-02-01,,,,same id: merged\n"
)


@pytest.mark.parametrize("tz", ["UTC", "Europe/Berlin", "America/New_York"])
def test_awkward_leads(engine: Engine, tmp_path: Path, tz: str) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(AWKWARD_LEADS, encoding="utf-8")
    options = LoadOptions(
        table="leads",
        source="hubspot",
        null_values=["--None--"],
        defaults={"lead_source": "Trade show"},
        date_order="mdy",
    )
    polars = load_table(path, options, table="leads", timezone=tz)
    # The test has teeth: rows are left out (more in Berlin, where 02:30 on 29 March is a time
    # the clocks skip), set aside, merged.
    assert polars.accounting.rows_rejected == (5 if tz == "Europe/Berlin" else 4)
    assert polars.accounting.deleted_in_source == 1
    assert polars.accounting.duplicates_merged >= 1
    got = _canonical(engine, {"leads": path}, {"leads": options}, tz)["leads"]
    _same(polars.frame, got, ["lead_id"])


def test_typed_numbers_nan_is_empty_and_an_infinity_no_value(
    engine: Engine, tmp_path: Path
) -> None:
    """A Parquet export's float columns (pandas writes a missing number as NaN): NaN is an
    empty value, an infinity is not a value (its row is left out), -0.0 is kept. (DuckDB
    answers isnan() over a Parquet file from its statistics, which leave NaN out.)"""
    path = tmp_path / "leads.parquet"
    write_float_export(path)
    options = LoadOptions(table="leads", source="generic")
    polars = load_table(path, options, table="leads")
    assert polars.accounting.rows_rejected == 1
    got = _canonical(engine, {"leads": path}, {"leads": options})["leads"].sort("lead_id")
    assert got["lead_id"].to_list() == ["1", "2", "4"]
    assert [repr(x) for x in got["annual_revenue"]] == ["None", "-0.0", "5.0"]
    assert got["employees"].to_list() == [1, None, 0]
    assert got["notes"].to_list()[:2] == [None, 1.5]  # a column no preset maps: NaN empty too
    _same(polars.frame, got, ["lead_id"])


def test_a_history_mode_sync_keeps_the_current_versions(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "contact_history.csv"
    path.write_text(
        "id,email,firstname,createdate,_fivetran_start,_fivetran_end,_fivetran_active\n"
        "1,a@x.io,Old,2026-01-01,2026-01-01,2026-02-01,false\n"
        "1,a@x.io,New,2026-01-01,2026-02-01,9999-12-31 23:59:59,true\n"
        "2,b@x.io,Only,2026-01-03,2026-01-03,9999-12-31 23:59:59,\n",
        encoding="utf-8",
    )
    options = LoadOptions(table="leads", source="generic")
    polars = load_table(path, options, table="leads")
    assert polars.accounting.earlier_versions == 1
    got = _canonical(engine, {"leads": path}, {"leads": options})["leads"]
    _same(polars.frame, got, ["lead_id"])


def test_the_day_month_order_is_found_by_a_query(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    path.write_text(
        "lead_id,email,created_at\n1,a@x.io,13/05/2026\n2,b@x.io,03/05/2026 10:00\n",
        encoding="utf-8",
    )
    options = LoadOptions(table="leads", source="generic")
    got = _canonical(engine, {"leads": path}, {"leads": options})["leads"]
    assert got.sort("lead_id")["created_at"].dt.month().to_list() == [5, 5]  # day-first
    path.write_text(
        "lead_id,email,created_at\n1,a@x.io,13/05/2026\n2,b@x.io,05/13/2026\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"mixes day-first .* and month-first"):
        _canonical(engine, {"leads": path}, {"leads": options})


DATES = [
    "2026-01-05", "2026-1-5", "2026-01-05 10:00", "2026-01-05 1:02", "2026-01-05 10:00:00.5",
    "2026-01-05 10:00:00.123456789", "2026-01-05T10:00", "2026-01-05T10:00:00Z",
    "2026-01-05T10:00+02", "2026-01-05T10:00+0230", "2026-01-05T10:00+02:30",
    "2026-01-05 10:00:00 +02:00", "2026-01-05 10:00:00.25 -0100", "2026-01-05 10:00:00 UTC",
    "2026-01-05 10:00:00 gmt", "2026-01-05 10:00Z", "2026-01-05Z", "2026/01/05",
    "2026/1/5 10:00", "2026/01/05 10:00:00", "2026/01/05 10:00:00.5", "1/5/2026",
    "01/05/2026 10:00", "1/5/2026 10:00:30", "1/5/2026 10:00 AM", "1/5/2026 10:00 pm",
    "1/5/2026 12:00 AM", "1/5/2026 12:30 PM", "1/5/2026 1:00:05 PM", "1/5/2026 10:00PM",
    "1/5/2026, 10:00 AM", "1-5-2026", "1.5.2026", "1/5/2026  10:00", "1/5/202610:00",
    "2026-02-29", "2024-02-29", "1900-02-29", "2000-02-29", "2026-13-01", "2026-01-32",
    "2026-01-05 24:00", "2026-01-05 23:60", "1767607200000", "176760720000",
    "2026-01-05T10:00:00+25:00", "20260105", "2026-01-05 10", "10000-01-05", "0999-01-05",
    "13/5/2026 10:00 AM", "1/5/2026 13:00 PM", "1/5/2026 0:00 AM", "1/5/2026 10:00 a.m.",
    "1/5/26", "12/31/26", "1/5-2026", " 2026-01-05 ", "\u00a02026-01-05\u2003", "",
    "2026-03-29 02:30:00", "2026-10-25 02:30:00", "2026-03-08 02:30", "2026-11-01 01:30",
    "2026-03-29 03:30", "2026-10-25 03:30", "2026-01-05 10:00:00 EST",
]  # fmt: skip


@pytest.mark.parametrize("tz", ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"])
@pytest.mark.parametrize("order", ["mdy", "dmy"])
def test_dates_read_as_polars_reads_them(engine: Engine, tz: str, order: str) -> None:
    """Every shape revq reads, and what it refuses; in zones with DST changes (a time the
    clocks skip is no time, one they pass twice the earlier) and without."""
    stamps = Timestamps(Text("duckdb"), "duckdb", tz)
    table = ibis.memtable({"v": DATES})
    table = table.mutate(p_value=Text("duckdb").strip(table.v))  # stages read trimmed text
    for _, stage in stamps.stages(order):
        parts = {c[2:]: table[c] for c in table.columns if c.startswith("p_")}
        table = table.mutate(**{f"p_{k}": v for k, v in stage(parts).items()})
    parts = {c[2:]: table[c] for c in table.columns if c.startswith("p_")}
    got = engine.collect(table.select("v", read=stamps.assemble(parts)))
    want = pl.DataFrame({"v": DATES}).select("v", read=parse_datetime(pl.col("v"), order, tz))
    joined = want.join(got, on="v", suffix="_engine", maintain_order="left")
    differ = joined.filter(~pl.col("read").eq_missing(pl.col("read_engine")))
    assert differ.height == 0, differ.rows()
    assert joined["read"].null_count() > 10 and joined["read"].drop_nulls().len() > 30


def test_a_time_the_clocks_skip_is_no_time(engine: Engine) -> None:
    stamps = Timestamps(Text("duckdb"), "duckdb", "Europe/Berlin")
    table = ibis.memtable({"v": ["2026-03-29 02:30", "2026-10-25 02:30"]}).mutate(p_value=ibis._.v)
    for _, stage in stamps.stages("mdy"):
        parts = {c[2:]: table[c] for c in table.columns if c.startswith("p_")}
        table = table.mutate(**{f"p_{k}": v for k, v in stage(parts).items()})
    parts = {c[2:]: table[c] for c in table.columns if c.startswith("p_")}
    got = engine.collect(table.select(read=stamps.assemble(parts)))["read"].to_list()
    utc = datetime.fromisoformat
    assert got[0] is None
    assert got[1] == utc("2026-10-25 00:30:00+00:00")  # summer time's 02:30, the earlier
