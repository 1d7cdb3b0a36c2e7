"""Loaded values checked against hand-written expectations and against DuckDB reading the file."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from revq.config.models import LoadOptions
from revq.core.schema import LINE
from revq.errors import InputError
from revq.io.load import load_table, sniff_table
from revq.io.text import mark_footers
from tests.conftest import FIXTURES, SAMPLE

INGEST = FIXTURES / "ingest"


def test_bom_is_not_part_of_the_first_header() -> None:
    r = load_table(INGEST / "utf8_bom.csv")
    assert r.headers[0] == "Record ID"
    assert r.frame["lead_id"].to_list() == ["1", "2"]
    assert r.frame["lifecycle_stage"].to_list() == ["lead", "mql"]


def test_cp1252_is_decoded_without_loss() -> None:
    r = load_table(INGEST / "cp1252.csv")
    assert r.encoding == "cp1252"
    assert r.frame["first_name"].to_list() == ["José", "Zoë"]
    assert r.frame["company"].to_list() == ["Café Müller", "Acme € Ltd"]


def test_utf16_excel_unicode_text() -> None:
    r = load_table(INGEST / "utf16.csv")
    assert r.frame["email"].to_list() == ["a@acme.com"]


def test_multiline_quoted_fields_keep_their_text_and_lines() -> None:
    r = load_table(INGEST / "multiline.csv")
    assert r.frame["title"].to_list() == ["VP Marketing\nEMEA, North", "Director", 'He said "hi"']
    assert r.frame["_line"].to_list() == [2, 4, 5]


def test_timezones_normalise_to_utc() -> None:
    r = load_table(INGEST / "dates_iso_tz.csv")
    assert r.frame["created_at"].to_list() == [
        datetime(2026, 3, 5, 14, 22, tzinfo=UTC),
        datetime(2026, 3, 5, 14, 22, tzinfo=UTC),
        datetime(2026, 3, 5, 14, 22, 0, 250000, tzinfo=UTC),
        datetime(2026, 3, 5, tzinfo=UTC),
    ]


def test_project_timezone_applies_to_naive_timestamps() -> None:
    r = load_table(INGEST / "dates_hubspot.csv", timezone="America/New_York")
    # 14:22 in New York in March 2026 (after DST starts on 8 March? no: EST, UTC-5)
    assert r.frame["created_at"][0] == datetime(2026, 3, 5, 19, 22, tzinfo=UTC)


def test_salesforce_us_dates_are_month_first() -> None:
    r = load_table(INGEST / "dates_salesforce_us.csv")
    assert r.frame["created_at"].to_list() == [
        datetime(2026, 3, 5, 14, 22, tzinfo=UTC),
        datetime(2026, 12, 25, 11, 5, tzinfo=UTC),
    ]


def test_dotted_dates_are_day_first() -> None:
    r = load_table(INGEST / "dates_dotted.csv")
    assert r.frame["created_at"].to_list() == [
        datetime(2026, 3, 5, tzinfo=UTC),
        datetime(2026, 2, 1, 8, 30, tzinfo=UTC),
    ]


def test_ambiguous_dates_follow_the_configured_order() -> None:
    r = load_table(INGEST / "dates_ambiguous.csv", LoadOptions(date_order="dmy"))
    assert r.frame["created_at"].to_list() == [
        datetime(2026, 5, 3, tzinfo=UTC),
        datetime(2026, 6, 4, tzinfo=UTC),
    ]
    r = load_table(INGEST / "dates_ambiguous.csv", LoadOptions(date_order="mdy"))
    assert r.frame["created_at"][0] == datetime(2026, 3, 5, tzinfo=UTC)


def test_per_column_date_format() -> None:
    opts = LoadOptions(date_formats={"created_at": "%d/%m/%Y"})
    r = load_table(INGEST / "dates_ambiguous.csv", opts)
    assert r.frame["created_at"][1] == datetime(2026, 6, 4, tzinfo=UTC)


def test_numbers() -> None:
    r = load_table(INGEST / "numbers_thousands.csv")
    assert r.frame["employees"].to_list() == [1200, 15, None]
    assert r.frame["annual_revenue"].to_list() == [1234567.89, -42.5, -1000.0]
    r = load_table(INGEST / "numbers_decimal_comma.csv", LoadOptions(decimal=","))
    assert r.frame["annual_revenue"].to_list() == [1234567.89, 12.5]
    assert r.frame["employees"].to_list() == [1200, 7]
    r = load_table(INGEST / "numbers_currency.csv")
    assert r.frame["annual_revenue"].to_list() == [350_000_000.0, 1200.0, 99.5, 1_200_000.0]


def test_namibia_stays_a_country() -> None:
    r = load_table(INGEST / "namibia.csv")
    assert r.frame["country"].to_list() == ["NA", "N/A", None]


def test_null_values_option() -> None:
    r = load_table(INGEST / "placeholders.csv", LoadOptions(null_values=["Select"]))
    assert r.frame["city"].to_list() == [None, "Pune", None]


def test_unmapped_picklist_labels_are_counted_and_named(tmp_path: Path) -> None:
    stages = ["Partner", "Lead", "Reseller", "partner ", "", "Marketing  Qualified Lead"]
    stages += ["Reseller", "Partner"]
    rows = [f"{i},u{i}@acme.com,{s}" for i, s in enumerate(stages, start=1)]
    path = tmp_path / "contacts.csv"
    path.write_text("Record ID,Email,Lifecycle Stage\n" + "\n".join(rows) + "\n")
    r = load_table(path, table="leads")
    # 'Partner' x2 and 'Reseller' x2 tie on count and go by name; 'partner ' is its own label;
    # the blank is empty, not unmapped; double spaces and case still map.
    [warning] = [w for w in r.warnings if "not mapped" in w]
    assert warning == (
        "column 'Lifecycle Stage': 5 values not mapped to a canonical lifecycle_stage "
        "('Partner' (2), 'Reseller' (2), 'partner ' (1)); map them under "
        "load.values.lifecycle_stage"
    )
    assert r.frame["lifecycle_stage"].to_list()[1] == "lead"
    assert r.frame["lifecycle_stage"].to_list()[5] == "mql"


def test_picklist_labels_map_whatever_the_column_type(tmp_path: Path) -> None:
    """Each distinct label is mapped once and rows take its value: a Parquet categorical (as
    pandas writes it) maps like text, case and spacing ignored, unknown labels to null."""
    labels = ["Lead", " marketing  qualified lead", "Partner", None, "Lead", "SALES QUALIFIED LEAD"]
    expected = ["lead", "mql", None, None, "lead", "sql"]
    for dtype in (pl.String, pl.Categorical):
        path = tmp_path / "contacts.parquet"
        pl.DataFrame(
            {
                "Record ID": [str(i) for i in range(1, 7)],
                "Email": [f"u{i}@acme.com" for i in range(1, 7)],
                "Lifecycle Stage": pl.Series(labels, dtype=dtype),
            }
        ).write_parquet(path)
        r = load_table(path, table="leads")
        assert r.frame.sort("lead_id")["lifecycle_stage"].to_list() == expected, dtype


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "lone-cr"])
def test_line_ends_do_not_change_values_or_line_numbers(tmp_path: Path, end: str) -> None:
    lines = ["Record ID,Email,Lifecycle Stage", "1,a@acme.com,Lead", "2,oops,Lead", "3,c@beta.io,"]
    path = tmp_path / "contacts.csv"
    path.write_bytes(end.join(lines).encode() + end.encode())
    r = load_table(path, table="leads")
    assert r.frame["lead_id"].to_list() == ["1", "2", "3"]
    assert r.frame["email_normalised"].to_list() == ["a@acme.com", None, "c@beta.io"]
    assert r.frame["_line"].to_list() == [2, 3, 4]
    assert r.frame["lifecycle_stage"].to_list() == ["lead", "lead", None]


def test_ragged_rows_found_when_most_rows_quote_commas(tmp_path: Path) -> None:
    """CRM exports quote every value holding a comma; the field count must still see past
    quoted commas on every row, and name the one row with a field too many."""
    rows = [f'{i},u{i}@acme.com,"Acme, Inc. {i}","1,{i}00"' for i in range(1, 9)]
    rows[4] = '5,u5@acme.com,"Acme, Inc. 5","1,500",surplus'
    path = tmp_path / "contacts.csv"
    path.write_text("Record ID,Email,Company Name,Annual Revenue\n" + "\n".join(rows) + "\n")
    r = load_table(path, table="leads")
    assert r.accounting.rows_rejected == 1
    assert r.rejects["line"].to_list() == [6]
    assert r.frame["company"].to_list()[:2] == ["Acme, Inc. 1", "Acme, Inc. 2"]
    assert r.frame["annual_revenue"].to_list() == [1100.0, 1200.0, 1300.0, 1400.0, 1600.0,
                                                   1700.0, 1800.0]  # fmt: skip


def test_case_distinct_salesforce_ids_are_two_leads() -> None:
    r = load_table(INGEST / "case_ids.csv")
    assert sorted(r.frame["lead_id"].to_list()) == ["00Q5g00000AbCdE", "00Q5g00000AbCde"]


def test_duplicate_emails_merge_latest_activity_wins() -> None:
    r = load_table(INGEST / "duplicate_emails.csv")
    ann = r.frame.filter(pl.col("email_normalised") == "ann@acme.com").row(0, named=True)
    assert ann["lead_id"] == "2"  # latest activity, 2026-02-01
    assert ann["title"] == "VP Sales"
    assert ann["company"] == "Acme"  # filled from line 2, the next most recent
    r = load_table(INGEST / "duplicate_emails.csv", LoadOptions(dedupe={"keep": "first_seen"}))
    ann = r.frame.filter(pl.col("email_normalised") == "ann@acme.com").row(0, named=True)
    assert ann["lead_id"] == "1"
    assert ann["title"] == "VP Sales"  # line 2 had none; filled from line 3


def test_xlsx_with_footer(tmp_path: Path) -> None:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "report.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Leads")
    ws.write_row(0, 0, ["Lead ID", "Lead Owner", "Email", "Create Date", "No. of Employees"])
    ws.write_row(1, 0, ["00Q1", "Ann", "a@acme.com"])
    ws.write_datetime(1, 3, datetime(2026, 3, 5, 14, 22), wb.add_format({"num_format": "m/d/yy"}))
    ws.write_number(1, 4, 1200)
    ws.write_row(2, 0, ["00q1", "Bo", "b@acme.com", "2026-03-06 09:00", "12k"])
    ws.write(4, 0, "Grand Totals (2 records)")
    ws.write(6, 0, "Confidential Information - Do Not Distribute")
    wb.close()
    r = load_table(path)
    a = r.accounting
    assert (a.rows_read, a.rows_loaded, a.rows_rejected, a.footer_rows) == (4, 1, 1, 2)
    assert r.frame["created_at"][0] == datetime(2026, 3, 5, 14, 22, tzinfo=UTC)
    assert r.frame["employees"][0] == 1200
    assert r.rejects.select("line", "column", "raw_value").row(0) == (3, "No. of Employees", "12k")


def test_parquet_input(tmp_path: Path) -> None:
    path = tmp_path / "leads.parquet"
    pl.DataFrame(
        {
            "lead_id": ["a", "b"],
            "email": ["x@acme.com", "y@acme.com"],
            "employees": [10, 20],
            "created_at": [datetime(2026, 1, 1), datetime(2026, 1, 2)],
            "annual_revenue": ["1,200", "oops"],
        }
    ).write_parquet(path)
    r = load_table(path)
    assert r.accounting.rows_loaded == 1 and r.accounting.rows_rejected == 1
    assert r.frame["created_at"][0] == datetime(2026, 1, 1, tzinfo=UTC)
    assert r.frame["annual_revenue"][0] == 1200.0


def test_parquet_nan_is_missing_and_infinity_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "from_pandas.parquet"
    nan, inf = float("nan"), float("inf")
    pl.DataFrame(
        {
            "lead_id": ["a", "b", "c"],
            "email": ["x@acme.com", "y@acme.com", "z@acme.com"],
            # pandas keeps integers with gaps as floats, and writes the gaps as NaN
            "employees": [300.0, nan, 250.0],
            "annual_revenue": [1000.0, nan, inf],
            "pricing_views": [nan, 2.0, 1.0],
        }
    ).write_parquet(path)
    r = load_table(path)
    assert r.frame["lead_id"].to_list() == ["a", "b"]
    assert r.frame["employees"].to_list() == [300, None]
    assert r.frame["annual_revenue"].to_list() == [1000.0, None]
    assert r.frame["pricing_views"].to_list() == [None, 2.0]  # an unmapped column too
    [reject] = r.rejects.iter_rows(named=True)
    assert (reject["line"], reject["column"], reject["rule"]) == (
        3,
        "annual_revenue",
        "invalid_number",
    )
    assert reject["raw_value"] == "inf"


# --- the sample data, against DuckDB reading the same file ------------------------------------


def test_sample_hubspot_against_duckdb() -> None:
    path = SAMPLE / "hubspot_contacts.csv"
    r = load_table(path, LoadOptions(source="hubspot"))
    con = duckdb.connect()
    q = con.execute(
        f"""
        with raw as (select * from read_csv('{path}', all_varchar=true, header=true)),
        keyed as (
          select *, lower(trim("Email")) as em,
            coalesce(strptime("Last Activity Date", '%Y-%m-%d %H:%M'),
                     strptime("Create Date", '%Y-%m-%d %H:%M')) as recency
          from raw)
        select count(*) as rows_read,
               count(distinct em) as unique_emails,
               sum(cast("Number of Employees" as bigint)) filter (where rn = 1) as employees,
               count("Became a Marketing Qualified Lead Date") filter (where rn = 1) as mqls
        from (select *, row_number() over (partition by em order by
              strptime("Last Activity Date", '%Y-%m-%d %H:%M') desc nulls last,
              strptime("Create Date", '%Y-%m-%d %H:%M') desc) as rn from keyed)
        """
    ).fetchone()
    assert q is not None
    rows_read, unique_emails, employees, mqls = q
    assert r.accounting.rows_read == rows_read
    assert r.accounting.rows_loaded == unique_emails
    assert r.accounting.duplicates_merged == rows_read - unique_emails
    assert r.frame["employees"].sum() == employees
    assert r.frame["mql_at"].count() == mqls


def test_sample_salesforce_report_against_duckdb() -> None:
    path = SAMPLE / "salesforce_leads.csv"
    r = load_table(path)
    con = duckdb.connect()
    # DuckDB pads the one-field footer lines with nulls; they have no Lead ID.
    con.execute(
        f"""create view rows as select * from read_csv('{path}', all_varchar=true, header=true,
                   null_padding=true) where "Lead ID" is not null"""
    )
    got = con.execute(
        """select count(*), sum(cast("No. of Employees" as bigint)),
                  count(*) filter (where "Country" = 'NA'),
                  sum(cast(replace("Annual Revenue", 'USD ', '') as double)),
                  count(distinct "Lead ID"), count(distinct lower("Lead ID")) from rows"""
    ).fetchone()
    assert got is not None
    n, employees, namibia, revenue, ids, folded = got
    assert r.vendor == "salesforce"
    assert r.accounting.rows_loaded == n
    assert r.accounting.footer_rows == 3
    assert r.frame["employees"].sum() == employees
    assert (r.frame["country"] == "NA").sum() == namibia
    assert r.frame["annual_revenue"].sum() == pytest.approx(revenue)
    assert ids == folded + 1  # one planted pair of ids that differ only by case
    assert r.frame["lead_id"].n_unique() == ids


@pytest.mark.parametrize(
    "path",
    sorted(p for p in INGEST.iterdir() if p.suffix in (".csv", ".tsv", ".xlsx"))
    + sorted(SAMPLE.glob("*.csv")),
    ids=lambda p: p.name,
)
def test_sniffing_the_header_finds_the_table_a_full_load_finds(path: Path) -> None:
    try:
        loaded = load_table(path, require_table=False).table
    except InputError:
        # a broken file (empty, unterminated quote, wrong encoding): sniffing may name a
        # table from its header, or fail the same clean way, but never crash
        with contextlib.suppress(InputError):
            sniff_table(path, LoadOptions())
        return
    assert sniff_table(path, LoadOptions()) == loaded


def test_sniffing_a_large_file_reads_only_its_start(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    # 'é' is two bytes in UTF-8: a fixed-size read cuts one somewhere in these rows
    rows = "".join(f"{i},zoé{i}@acme.com,Lead\n" for i in range(40_000))
    path.write_text("Record ID,Email,Lifecycle Stage\n" + rows, encoding="utf-8")
    assert path.stat().st_size > 2 * 256 * 1024
    assert sniff_table(path, LoadOptions()) == "leads"
    utf16 = tmp_path / "contacts_utf16.csv"
    utf16.write_text("Record ID,Email,Lifecycle Stage\n" + rows, encoding="utf-16")
    assert sniff_table(utf16, LoadOptions()) == "leads"


def test_marketo_activity_type_ids_take_their_names_and_unknown_ids_stay(tmp_path: Path) -> None:
    path = tmp_path / "activities.csv"
    path.write_text(
        "marketoGUID,leadId,activityDate,activityTypeId,primaryAttributeValue\n"
        "1001,318581,2026-09-01T10:00:00Z,1,www.acme.com/pricing\n"
        "1002,318581,2026-09-02T10:00:00Z, 2 ,Demo Request Form\n"
        "1003,318582,2026-09-03T10:00:00Z,10,Newsletter Sept\n"
        "1004,318582,2026-09-04T10:00:00Z,100001,Custom Activity\n"
    )
    r = load_table(path)
    assert (r.vendor, r.table) == ("marketo", "activities")
    assert r.frame["activity_type"].to_list() == [
        "Visit Webpage",
        "Fill Out Form",
        "Open Email",
        "100001",  # a custom activity's id: no name to give it
    ]


def test_load_values_rename_listed_values_of_a_text_column_and_keep_the_rest(
    tmp_path: Path,
) -> None:
    path = tmp_path / "leads.csv"
    path.write_text("lead_id,email,lead_source\n1,a@x.com,PPC\n2,b@x.com, ppc \n3,c@x.com,Event\n")
    opts = LoadOptions(values={"lead_source": {"PPC": "Paid Search"}})
    r = load_table(path, opts)
    assert r.frame["lead_source"].to_list() == ["Paid Search", "Paid Search", "Event"]


def test_a_marketo_bulk_lead_export_is_read_with_marketos_names(tmp_path: Path) -> None:
    """leadSource, leadStatus and numberOfEmployees are Salesforce's names too (LeadSource...);
    createdAt and updatedAt are Marketo's alone. Read as a Salesforce export, as it had been,
    its creation and update dates went unread."""
    path = tmp_path / "leads.csv"
    path.write_text(
        "id,email,firstName,lastName,company,numberOfEmployees,leadSource,leadStatus,"
        "createdAt,updatedAt\n"
        "318581,jane@acme.com,Jane,Doe,Acme,500,Website,MQL,2026-08-01T10:00:00Z,"
        "2026-09-02T10:00:00Z\n"
    )
    r = load_table(path)
    assert (r.vendor, r.table) == ("marketo", "leads")
    assert (r.mapping["created_at"], r.mapping["last_activity_at"]) == ("createdAt", "updatedAt")
    assert r.frame["created_at"].to_list() == [datetime(2026, 8, 1, 10, tzinfo=UTC)]


@pytest.mark.parametrize("footers", [0, 1, 64, 65, 200])
def test_footers_are_the_footer_like_records_after_the_last_data_record(footers: int) -> None:
    # A footer-like line among the data is data: only the block that ends the file is footers
    # (0 to 200 of them: within the first window of 64 records looked at, and beyond it).
    data = ["a,1", "Generated by: ops", "b,2", "c,3"]
    tail = [f"Copyright (c) {2000 + i}" for i in range(footers)]
    bare = [t if t.startswith(("Generated", "Copyright")) else "" for t in data + tail]
    body = pl.DataFrame({LINE: range(1, len(bare) + 1), "bare": bare})
    whole, found, rows = mark_footers(Path("x.csv"), body)
    assert whole.height == len(bare)
    assert found[LINE].to_list() == list(range(len(data) + 1, len(bare) + 1))
    assert rows[LINE].to_list() == list(range(1, len(data) + 1))


def test_a_file_of_footers_only_has_no_data_rows() -> None:
    body = pl.DataFrame(
        {LINE: [1, 2], "bare": ["Filtered by: all", "Confidential Information - Do Not Distribute"]}
    )
    _, found, rows = mark_footers(Path("x.csv"), body)
    assert (found.height, rows.height) == (2, 0)


def test_values_of_shapes_the_sample_never_shows_still_parse(tmp_path: Path) -> None:
    # The fast parser is built for what the first and last thousand values look like (plain,
    # naive, day-less ISO); values in between that are padded, name their zone, or are epoch
    # milliseconds must still be read, each as written.
    plain = ["2026-01-05 10:00:00"] * 1000
    odd = [
        " 2026-01-05 10:00:00 ",  # padded: naive, read in the project's time zone
        "2026-01-05 10:00:00 UTC",  # named zone: 10:00 UTC
        "2026-01-05T10:00:00Z",
        "1767607200000",  # epoch milliseconds: 2026-01-05 10:00 UTC
    ]
    rows = [f"L{i},a{i}@acme.com,{v}" for i, v in enumerate(plain + odd + plain)]
    path = tmp_path / "leads.csv"
    path.write_text("lead_id,email,created_at\n" + "\n".join(rows) + "\n")
    got = load_table(path, timezone="Europe/Paris").frame["created_at"]
    paris_ten = datetime(2026, 1, 5, 9, tzinfo=UTC)  # 10:00 in Paris in January (UTC+1)
    utc_ten = datetime(2026, 1, 5, 10, tzinfo=UTC)
    assert got[:1000].to_list() == [paris_ten] * 1000
    assert got[1000:1004].to_list() == [paris_ten, utc_ten, utc_ten, utc_ten]
    assert got[1004:].to_list() == [paris_ten] * 1000


def test_utc_times_of_other_shapes_than_the_sample_still_parse(tmp_path: Path) -> None:
    # A sample of whole-second times ending in Z gets the fast parser with the Z in its format
    # and without fractional seconds; a value with a fraction, an offset, a lower-case z or a
    # named zone between the first and last thousand is read as written, by the full parser.
    plain = ["2026-01-05T10:00:00Z"] * 1000
    odd = [
        "2026-01-05T10:00:00.250Z",
        "2026-01-05T11:00:00+01:00",
        "2026-01-05T10:00:00z",
        "2026-01-05 10:00:00 UTC",
        "2026-01-05 10:00",  # naive: read in the project's time zone
    ]
    rows = [f"A{i},L{i},page_view,{v}" for i, v in enumerate(plain + odd + plain)]
    path = tmp_path / "activities.csv"
    path.write_text("activity_id,lead_id,activity_type,occurred_at\n" + "\n".join(rows) + "\n")
    loaded = load_table(path, timezone="Europe/Paris")
    got = loaded.frame["occurred_at"]
    ten = datetime(2026, 1, 5, 10, tzinfo=UTC)
    assert loaded.rejects.height == 0
    assert got[:1000].to_list() == [ten] * 1000
    assert got[1000:1005].to_list() == [
        datetime(2026, 1, 5, 10, 0, 0, 250_000, tzinfo=UTC),
        ten,
        ten,
        ten,
        datetime(2026, 1, 5, 9, tzinfo=UTC),  # 10:00 in Paris in January (UTC+1)
    ]
    assert got[1005:].to_list() == [ten] * 1000


def test_text_columns_are_stripped_and_emptied_only_where_a_value_needs_it(tmp_path: Path) -> None:
    # A column whose values need no cleaning is used as read; one with a padded value, an
    # empty quoted value or a value of spaces is stripped (and emptied) as always.
    path = tmp_path / "activities.csv"
    path.write_text(
        "activity_id,lead_id,activity_type,occurred_at,channel,detail\n"
        'A1,L1,page_view,2026-01-05T10:00:00Z,web,""\n'
        "A2,L2, demo_request ,2026-01-05T10:00:00Z,web,/demo\n"
        'A3, L3,page_view,2026-01-05T10:00:00Z,web,"   "\n'
    )
    got = load_table(path).frame
    assert got["activity_id"].to_list() == ["A1", "A2", "A3"]
    assert got["channel"].to_list() == ["web", "web", "web"]
    assert got["lead_id"].to_list() == ["L1", "L2", "L3"]
    assert got["activity_type"].to_list() == ["page_view", "demo_request", "page_view"]
    assert got["detail"].to_list() == [None, "/demo", None]
