"""Raw exports mapped onto canonical tables inside DuckDB (revq.engines.inputs) against revq's
own loader: the same rows, columns, types and values, on the sample project and on exports
made to be awkward (padded and Unicode-spaced text, grouped and currency numbers, booleans,
every date shape, time zones and DST changes, null values, defaults, deletion flags, a
history-mode sync's versions, duplicates by id and by email, rows that must be left out)."""

from __future__ import annotations

import itertools
import re
from datetime import datetime
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revq.app.inputs import follow_lead_merges, load_options_for, open_project
from revq.app.run import Run
from revq.app.scoring import ScoringInputs
from revq.config.models import LoadOptions
from revq.core.derive import derive_lead_fields
from revq.core.parse import parse_datetime
from revq.errors import InputError
from revq.io.load import load_table
from tests.conftest import SAMPLE
from tests.engine_cases import EMAIL_DOMAINS, write_float_export
from tests.engine_date_cases import ISO_DATES

ibis = pytest.importorskip("ibis")

from revq.engines.connect import Engine, connect  # noqa: E402
from revq.engines.inputs import RawInput, canonical_inputs  # noqa: E402
from revq.engines.load.date_census import NUMERIC_DATE, take_census  # noqa: E402
from revq.engines.load.lead_fields import derive_lead_fields as engine_lead_fields  # noqa: E402
from revq.engines.load.text import Text  # noqa: E402
from revq.engines.load.timestamps import (  # noqa: E402
    AS_WRITTEN,
    ISO,
    REAL_ISO,
    SHAPES,
    Timestamps,
)
from revq.engines.reading import kind_of, read_export  # noqa: E402


@pytest.fixture(scope="module")
def engine() -> Engine:
    return connect("duckdb")


def _canonical(
    engine: Engine,
    files: dict[str, Path],
    options: dict[str, LoadOptions],
    tz: str = "UTC",
    *,
    keep: bool = False,
) -> dict[str, pl.DataFrame]:
    raw = {
        t: RawInput(read_export(engine, [p], options[t], f"raw_{t}"), p, options[t], kind_of(p))
        for t, p in files.items()
    }
    inputs = canonical_inputs(
        raw,
        timezone=tz,
        dialect="duckdb",
        collect=engine.collect,
        keep=engine.materialise if keep else None,
    )
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


@pytest.mark.parametrize("keep", [False, True], ids=["one query", "leads computed once"])
def test_the_sample_project(engine: Engine, keep: bool) -> None:
    project = open_project(SAMPLE / "revq.yaml")
    assert project is not None
    loaded = ScoringInputs(Run(), project)
    files, options = {}, {}
    for table in ("leads", "activities", "signals"):
        path = project.input_path(table)
        assert isinstance(path, Path)
        files[table], options[table] = path, load_options_for(project, path, table)
    got = _canonical(engine, files, options, keep=keep)
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


def _read(engine: Engine, values: list[str], stamps: Timestamps, order: str,
          shapes: frozenset[str] = SHAPES) -> pl.DataFrame:  # fmt: skip
    """Each value as the engine reads it, through the stages of the given shapes."""
    table = ibis.memtable({"v": values}, schema={"v": "string"})
    table = table.mutate(p_value=Text("duckdb").strip(table.v))
    for _, stage in stamps.stages(order, shapes):
        parts = {c[2:]: table[c] for c in table.columns if c.startswith("p_")}
        table = table.mutate(**{f"p_{k}": v for k, v in stage(parts).items()})
    parts = {c[2:]: table[c] for c in table.columns if c.startswith("p_")}
    return engine.collect(table.select("v", read=stamps.assemble(parts, shapes)))


def _differences(
    engine: Engine, values: list[str], tz: str, shapes: frozenset[str]
) -> pl.DataFrame:
    """The values the engine reads, through the stages of `shapes`, otherwise than polars."""
    got = _read(engine, values, Timestamps(Text("duckdb"), "duckdb", tz), "mdy", shapes)
    want = pl.DataFrame({"v": values}, schema={"v": pl.String})
    want = want.select("v", read=parse_datetime(pl.col("v"), "mdy", tz))
    joined = want.join(got, on="v", suffix="_engine", maintain_order="left", nulls_equal=True)
    return joined.filter(~pl.col("read").eq_missing(pl.col("read_engine")))


@pytest.mark.parametrize("tz", ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"])
def test_iso_dates_read_by_position_as_polars_reads_them(engine: Engine, tz: str) -> None:
    """ISO dates with their parts in place, read by position (a census found no other dash
    date), calendar-invalid ones and times the clocks skip included: what polars reads."""
    differ = _differences(engine, ISO_DATES, tz, frozenset({"iso"}))
    assert differ.height == 0, differ.rows()
    read = _read(
        engine, ISO_DATES, Timestamps(Text("duckdb"), "duckdb", tz), "mdy", frozenset({"iso"})
    )
    assert read["read"].null_count() >= 10 and read["read"].drop_nulls().len() >= 15


def _iso_text(parts: tuple[int, int, int, int, int, int, str, str, str]) -> str:
    year, month, day, hour, minute, second, separator, layout, zone = parts
    date = f"{year:04d}-{month:02d}-{day:02d}"
    if layout == "date":
        return date
    if layout == "minutes":
        return f"{date}{separator}{hour:02d}:{minute:02d}"
    return f"{date}{separator}{hour:02d}:{minute:02d}:{second:02d}{zone}"


ISO_VALUES = st.tuples(
    st.sampled_from([0, 1, 1900, 2000, 2024, 2026, 9999]),
    st.integers(0, 13),
    st.integers(0, 32),
    st.integers(0, 25),
    st.integers(0, 61),
    st.integers(0, 61),
    st.sampled_from(["T", " "]),
    st.sampled_from(["date", "minutes", "seconds"]),
    st.one_of(
        st.sampled_from(["", "Z"]),
        st.builds(
            lambda sign, h, m: f"{sign}{h:02d}:{m:02d}",
            st.sampled_from("+-"),
            st.integers(0, 25),
            st.integers(0, 61),
        ),
    ),
).map(_iso_text)


@settings(max_examples=20, deadline=None)
@given(st.lists(ISO_VALUES, min_size=1, max_size=60), st.sampled_from(["UTC", "Europe/Berlin"]))
def test_generated_iso_dates_read_by_position_as_dash_dates_are(
    engine: Engine, values: list[str], tz: str
) -> None:
    """Read by position, an ISO value is the instant the general reading of dash dates gives
    it (the two must not differ even where that reading and polars' do: a leap second, DST
    rules of a far year), null where that reading's is."""
    stamps = Timestamps(Text("duckdb"), "duckdb", tz)
    by_position = _read(engine, values, stamps, "mdy", frozenset({"iso"}))
    general = _read(engine, values, stamps, "mdy", frozenset({"dash"}))
    assert by_position["v"].equals(general["v"])
    differ = by_position.filter(~pl.col("read").eq_missing(general["read"]))
    assert differ.height == 0, differ.rows()
    # What the census counts on: an ISO value is a dash date, and of no other shape.
    table = ibis.memtable({"v": values}, schema={"v": "string"})
    s = stamps.normalise_text(table.v)
    others = {**stamps.patterns, "numeric": NUMERIC_DATE}
    shapes = engine.collect(table.select(**{k: s.re_search(p) for k, p in others.items()}))
    assert shapes["dash"].all()
    assert not any(shapes.select(pl.exclude("dash").any()).row(0))


def _real(year: int, month: int, day: int, *times: int) -> bool:
    """Whether ISO parts are a real time, as the dash reading checks them."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = 29 if month == 2 and leap else 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
    hour, *sixties = times or (0,)
    return 1 <= month <= 12 and 1 <= day <= days and hour <= 23 and all(t <= 59 for t in sixties)


def test_the_real_iso_pattern_takes_exactly_the_real_times() -> None:
    """Every part's every two digits (and 29 February of every year): the pattern the ISO
    reading keeps a value by takes the values whose parts the dash reading finds real."""
    pattern = re.compile(REAL_ISO)
    cases: list[tuple[str, bool]] = []
    for year in range(10000):
        cases.append((f"{year:04d}-02-29", _real(year, 2, 29)))
    for year in (0, 1, 4, 100, 400, 1900, 2000, 2024, 2026, 9999):
        for month, day in itertools.product(range(100), repeat=2):
            cases.append((f"{year:04d}-{month:02d}-{day:02d}", _real(year, month, day)))
    for h, m, sec in itertools.product(range(100), repeat=3):
        cases.append((f"2026-01-05T{h:02d}:{m:02d}:{sec:02d}", _real(2026, 1, 5, h, m, sec)))
    for h, m in itertools.product(range(100), repeat=2):
        cases.append((f"2026-01-05 {h:02d}:{m:02d}", _real(2026, 1, 5, h, m)))
        for sign in "+-":
            zone = f"{sign}{h:02d}:{m:02d}"
            cases.append((f"2026-01-05T10:00:00{zone}", _real(2026, 1, 5, h, m)))
    cases += [("2026-01-05T10:00:00Z", True), ("2026-01-05 10:00:00Z", True)]
    wrong = [(text, real) for text, real in cases if bool(pattern.match(text)) != real]
    assert wrong == []
    # every value it takes has the shape the census counts
    assert all(re.match(ISO, text) for text, real in cases if real)
    assert sum(real for _, real in cases) > 90_000


def test_the_census_reads_a_column_by_position_only_when_every_dash_date_is_iso(
    engine: Engine,
) -> None:
    stamps = Timestamps(Text("duckdb"), "duckdb", "UTC")
    raw = ibis.memtable(
        {
            "all_iso": ["2026-01-05T10:00:00Z", " 2026-01-06 ", "", None, "2026-02-30"],
            "one_not": ["2026-01-05T10:00:00Z", "2026-01-05 10:00:00.5", None, None, None],
            "iso_and_us": ["2026-01-05T10:00:00Z", "1/5/2026", "1767607200000", None, None],
            "none": ["soon", "", None, None, None],
        },
        schema={c: "string" for c in ("all_iso", "one_not", "iso_and_us", "none")},
    )
    headers = dict.fromkeys(raw.columns, False)
    found = take_census(raw, headers, stamps, engine.collect, Path("x.csv"))
    assert {h: set(c.shapes) for h, c in found.items()} == {
        "all_iso": {"iso"},
        "one_not": {"dash"},
        "iso_and_us": {"iso", "ordered", "epoch"},
        "none": set(),
    }


def test_the_census_reads_a_file_column_of_real_times_as_written_without_checking_them(
    engine: Engine,
) -> None:
    """Only where every value is a real ISO time with nothing around it, and only in a file
    (a warehouse table may change between the census and the query)."""
    stamps = Timestamps(Text("duckdb"), "duckdb", "UTC")
    columns = {
        "written": ["2026-01-05T10:00:00Z", "2024-02-29 08:00", "2026-01-06", None, None],
        "padded": ["2026-01-05T10:00:00Z", " 2026-01-06 08:00", None, None, None],
        "unreal": ["2026-01-05T10:00:00Z", "2026-02-29", None, None, None],
        "blank": ["2026-01-05T10:00:00Z", "", None, None, None],
    }
    raw = ibis.memtable(columns, schema=dict.fromkeys(columns, "string"))
    headers = dict.fromkeys(raw.columns, False)
    in_file = take_census(raw, headers, stamps, engine.collect, Path("x.csv"), fixed=True)
    assert {h: set(c.shapes) for h, c in in_file.items()} == {
        "written": {"iso", AS_WRITTEN},
        "padded": {"iso"},
        "unreal": {"iso"},
        "blank": {"iso"},
    }
    in_table = take_census(raw, headers, stamps, engine.collect, Path("x.csv"))
    assert all(AS_WRITTEN not in c.shapes for c in in_table.values())


def test_a_file_of_real_times_as_written_is_read_as_polars_reads_it(
    engine: Engine, tmp_path: Path
) -> None:
    """Leads and activities whose dates are all real ISO times as written (read without
    trimming or checking) and one whose dates are not (read in full): what polars reads,
    times with and without zones, a leap day; a row without its date, or with a 30 February,
    left out."""
    path = tmp_path / "activities.csv"
    path.write_text(
        "activity_id,lead_id,activity_type,occurred_at\n"
        "a1,1,page_view,2026-01-05T10:00:00Z\n"
        "a2,1,page_view,2024-02-29T23:59:59+05:30\n"
        "a3,2,page_view,2026-01-06 08:00\n"
        "a4,2,page_view,\n"
        "a5,2,page_view,2026-03-29\n",
        encoding="utf-8",
    )
    leads = tmp_path / "leads.csv"
    leads.write_text(
        "lead_id,email,created_at,last_activity_at\n"
        "1,a@x.io,2026-01-05 10:00,2026-01-07\n"
        "2,b@x.io,,2026-02-30\n"
        "3,c@x.io,2026-01-05T10:00:00-02:00, 2026-01-08\n",
        encoding="utf-8",
    )
    for tz in ("UTC", "America/New_York"):
        options = {
            "leads": LoadOptions(table="leads", source="generic", timezone=tz),
            "activities": LoadOptions(table="activities", source="generic", timezone=tz),
        }
        polars_acts = load_table(path, options["activities"], table="activities")
        polars_leads = load_table(leads, options["leads"], table="leads")
        assert polars_acts.accounting.rows_rejected == 1  # a4 has no date
        got = _canonical(engine, {"leads": leads, "activities": path}, options, tz)
        _same(polars_acts.frame, got["activities"], ["activity_id"])
        dates = ["lead_id", "created_at", "last_activity_at"]
        want = polars_leads.frame.select(dates).sort("lead_id")
        assert got["leads"].select(dates).sort("lead_id").equals(want)
    # lead 2's 30 February leaves it out; lead 3's padded date is read
    assert sorted(polars_leads.frame["lead_id"]) == ["1", "3"]
    assert polars_leads.frame["last_activity_at"].null_count() == 0


def test_a_column_of_iso_and_other_dates_is_read_as_polars_reads_it(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "activities.csv"
    path.write_text(
        "activity_id,lead_id,activity_type,occurred_at\n"
        "a1,1,page_view,2026-01-05T10:00:00Z\n"
        "a2,1,page_view,5/13/2026 10:00 PM\n"
        "a3,2,page_view, 2026-01-06 08:00 \n"
        "a4,2,page_view,2026-02-30T10:00:00Z\n"
        "a5,2,page_view,1767607200000\n",
        encoding="utf-8",
    )
    leads = tmp_path / "leads.csv"
    leads.write_text("lead_id,email\n1,a@x.io\n2,b@x.io\n", encoding="utf-8")
    options = {
        "leads": LoadOptions(table="leads", source="generic"),
        "activities": LoadOptions(table="activities", source="generic"),
    }
    polars = load_table(path, options["activities"], table="activities")
    assert polars.accounting.rows_rejected == 1  # 30 February
    got = _canonical(engine, {"leads": leads, "activities": path}, options)["activities"]
    _same(polars.frame, got, ["activity_id"])


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


def test_the_text_columns_said_to_be_stripped_are(engine: Engine, tmp_path: Path) -> None:
    """What scoring is told holds no white space at either end (and so lowercases alone):
    the canonical text and id columns, every value stripped as polars strips it, ids merged
    and followed included; not a column the export has beyond the mapping."""
    leads = tmp_path / "leads.csv"
    leads.write_text(
        "lead_id,email,country,industry,favourite_colour\n"
        "\u00a01 ,A@X.io\u2003,\tGermany , Software\u3000, blue \n"
        "2,a@x.io, DE,\u2029Retail, red\n"
        " 3\t,c@y.io,France\u0085,,green\n",
        encoding="utf-8",
    )
    acts = tmp_path / "activities.csv"
    acts.write_text(
        "activity_id,lead_id,activity_type,occurred_at,detail\n"
        "a1, 1 ,\u2003Demo_Request ,2026-01-05T10:00:00Z, /pricing\u00a0\n"
        "a2,3,page_view\u3000,2026-01-05T10:00:00Z,\t/blog/x\n",
        encoding="utf-8",
    )
    options = {
        "leads": LoadOptions(table="leads", source="generic"),
        "activities": LoadOptions(table="activities", source="generic"),
    }
    files = {"leads": leads, "activities": acts}
    raw = {
        t: RawInput(read_export(engine, [p], options[t], f"raw_{t}"), p, options[t], kind_of(p))
        for t, p in files.items()
    }
    inputs = canonical_inputs(raw, timezone="UTC", dialect="duckdb", collect=engine.collect)
    assert {"lead_id", "email", "country", "industry"} <= inputs.stripped["leads"]
    assert "favourite_colour" not in inputs.stripped["leads"]
    assert {"activity_id", "lead_id", "activity_type", "detail"} <= inputs.stripped["activities"]
    assert inputs.activities is not None
    for table, frame in (
        ("leads", engine.collect(inputs.leads)),
        ("activities", engine.collect(inputs.activities)),
    ):
        for column in inputs.stripped[table]:
            values = frame[column]
            assert values.equals(values.str.strip_chars()), (table, column)
    got = engine.collect(inputs.activities).sort("activity_id")
    # leads 1 and 2 share an email: 2 is kept (a tie goes to the greater id), and lead 1's
    # activity follows it
    assert got["lead_id"].to_list() == ["2", "3"]
    assert got["activity_type"].to_list() == ["Demo_Request", "page_view"]
    assert got["detail"].to_list() == ["/pricing", "/blog/x"]


def test_an_id_with_two_emails_follows_the_email_its_merged_record_kept(
    engine: Engine, tmp_path: Path
) -> None:
    """L1 twice, ann's email on the older record and bob's on the later: merged by id, L1 keeps
    bob's email and is merged into L4, bob's other record, and its activities with it; L3,
    ann's other record, is not where they go, in the engine as in polars."""
    leads = tmp_path / "leads.csv"
    leads.write_text(
        "lead_id,email,last_activity_at\n"
        "L1,ann@acme.com,2026-01-01\nL1,bob@beta.io,2026-03-01\n"
        "L3,ann@acme.com,2026-02-01\nL4,bob@beta.io,2026-04-01\n"
    )
    acts = tmp_path / "activities.csv"
    acts.write_text(
        "activity_id,lead_id,activity_type,occurred_at\n"
        "A1,L1,page_view,2026-04-02T10:00:00Z\nA2,L3,page_view,2026-04-02T11:00:00Z\n"
    )
    options = {"leads": LoadOptions(table="leads"), "activities": LoadOptions(table="activities")}
    loaded = load_table(leads, options["leads"], table="leads")
    assert loaded.merged_ids.rows() == [("L1", "L4")]
    events = load_table(acts, options["activities"], table="activities").frame
    moved = follow_lead_merges(Run(), events, loaded, ("activity", "activities"))
    assert moved is not None
    assert moved.sort("activity_id")["lead_id"].to_list() == ["L4", "L3"]
    got = _canonical(engine, {"leads": leads, "activities": acts}, options)
    _same(loaded.frame, got["leads"], ["lead_id"])
    assert got["activities"].sort("activity_id")["lead_id"].to_list() == ["L4", "L3"]
