"""Derived lead fields and duplicate merging, on tiny frames computed by hand."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from revq.core.dedupe import (
    apply_recorded_merges,
    follow_merges,
    merge_duplicate_leads,
    merge_held_duplicates,
    merged_into,
    recorded_merges,
    resolve_chains,
)
from revq.core.derive import derive_lead_fields
from revq.core.schema import LINE
from revq.io.load import load_table


def test_derive_lead_fields() -> None:
    lf = pl.LazyFrame(
        {
            "email": [" Ann@Acme.COM ", "bo@gmail.com", "not-an-email", None, "cy@sub.beta.io"],
            "website": [None, None, "https://www.Gamma.com/about", "delta.org", None],
        }
    )
    got = derive_lead_fields(lf, ("beta.io",)).collect()
    assert got["email_normalised"].to_list() == [
        "ann@acme.com",
        "bo@gmail.com",
        None,
        None,
        "cy@sub.beta.io",
    ]
    assert got["email_domain"].to_list() == ["acme.com", "gmail.com", None, None, "sub.beta.io"]
    assert got["is_personal_email"].to_list() == [False, True, None, None, False]
    # website wins; a personal domain gives no account; a bad email falls back to the website
    assert got["account_key"].to_list() == [
        "acme.com",
        None,
        "gamma.com",
        "delta.org",
        "sub.beta.io",
    ]


def test_the_domain_of_an_address_with_non_ascii_letters() -> None:
    """The domain is what follows the @, counted in characters: polars' str.find gives a
    byte offset, which a multi-byte letter before the @ would push past the domain's
    start (zoë@beta.io gave eta.io)."""
    lf = pl.LazyFrame(
        {"email": ["zoë@beta.io", "日本@例え.jp", "ANN@BÜCHER.DE", "名@x.io", "ñ@gmail.com"]}
    )
    got = derive_lead_fields(lf).collect()
    assert got["email_domain"].to_list() == ["beta.io", "例え.jp", "bücher.de", "x.io", "gmail.com"]
    assert got["is_personal_email"].to_list() == [False, False, False, False, True]
    assert got["account_key"].to_list() == ["beta.io", "例え.jp", "bücher.de", "x.io", None]


def test_blank_email_and_website_are_empty() -> None:
    lf = pl.LazyFrame(
        {
            "email": ["   ", "", "dee@Eps.io", None],
            "website": ["https://", "  ", " ", "www."],
        }
    )
    got = derive_lead_fields(lf).collect()
    assert got["email_normalised"].to_list() == [None, None, "dee@eps.io", None]
    # a website that is only a scheme or blanks names no domain: the email's is used
    assert got["account_key"].to_list() == [None, None, "eps.io", None]


def test_derived_fields_stream() -> None:
    # Derivation runs on every lead export: a step polars cannot stream makes it hold the
    # whole table whenever a caller streams (the streaming engine is polars' default).
    lf = pl.LazyFrame({"email": ["a@b.io"], "website": ["b.io"]})
    graph = derive_lead_fields(lf).show_graph(
        engine="streaming", plan_stage="physical", raw_output=True
    )
    assert isinstance(graph, str) and "with-columns" in graph
    # Nodes that take a whole column at once (polars' replace is one) break the stream.
    assert "columnar-function" not in graph and "in-memory-map" not in graph


def test_merge_keeps_latest_activity_and_fills_gaps() -> None:
    lf = pl.LazyFrame(
        {
            LINE: [2, 3, 4, 5],
            "lead_id": ["1", "2", "3", "4"],
            "email_normalised": ["ann@acme.com", "ann@acme.com", "bo@acme.com", "ann@acme.com"],
            "title": [None, "VP Sales", "Manager", "Director"],
            "company": ["Acme", None, "Beta", None],
            "last_activity_at": [
                datetime(2026, 1, 1),
                datetime(2026, 2, 1),
                datetime(2026, 1, 5),
                datetime(2025, 12, 1),
            ],
        }
    )
    got = merge_duplicate_leads(lf).collect()
    want = pl.DataFrame(
        {
            LINE: [3, 4],
            "lead_id": ["2", "3"],
            "email_normalised": ["ann@acme.com", "bo@acme.com"],
            "title": ["VP Sales", "Manager"],
            "company": ["Acme", "Beta"],  # filled from the next most recent duplicate
            "last_activity_at": [datetime(2026, 2, 1), datetime(2026, 1, 5)],
        }
    )
    assert_frame_equal(got, want)


@pytest.mark.parametrize("keep", ["latest_activity", "first_seen", "last_seen"])
def test_a_merged_person_was_created_with_their_first_record(keep: str) -> None:
    """The record kept takes the earliest creation time of its duplicates, whichever wins:
    the person existed from their first record (a re-created contact is not a new lead)."""
    frame = pl.DataFrame(
        {
            LINE: [2, 3, 4, 5, 6],
            "lead_id": ["1", "2", "3", "5", "4"],
            "email_normalised": ["ann@acme.com", "bo@acme.com"] + ["ann@acme.com"] * 3,
            "title": ["Manager", "CEO", "VP Sales", "Analyst", None],
            "last_activity_at": [
                datetime(2026, 1, 1),
                datetime(2026, 1, 5),
                datetime(2026, 3, 1),
                datetime(2025, 12, 1),
                datetime(2026, 2, 1),
            ],
            # ann's first record (id 5) wins under no `keep`
            "created_at": [
                None,
                datetime(2026, 1, 2),
                datetime(2026, 2, 20),
                datetime(2025, 11, 3),
                datetime(2026, 2, 25),
            ],
        }
    )
    winner = {"latest_activity": "3", "first_seen": "1", "last_seen": "4"}[keep]
    title = {"3": "VP Sales", "1": "Manager", "4": "Analyst"}[winner]
    for got in (
        merge_duplicate_leads(frame.lazy(), keep).collect(),  # type: ignore[arg-type]
        merge_held_duplicates(frame, keep),  # type: ignore[arg-type]
    ):
        ann = got.filter(pl.col("email_normalised") == "ann@acme.com").row(0, named=True)
        assert ann["lead_id"] == winner and ann["title"] == title
        assert ann["created_at"] == datetime(2025, 11, 3)  # the earliest, not the winner's
        bo = got.filter(pl.col("email_normalised") == "bo@acme.com").row(0, named=True)
        assert bo["created_at"] == datetime(2026, 1, 2)  # a record of its own keeps its own


def test_merged_ids_point_at_the_record_kept_and_activities_follow() -> None:
    lf = pl.LazyFrame(
        {
            LINE: [2, 3, 4, 5],
            "lead_id": ["1", "2", "3", "4"],
            "email_normalised": ["ann@acme.com", "ann@acme.com", "bo@acme.com", "ann@acme.com"],
            "last_activity_at": [
                datetime(2026, 1, 1),
                datetime(2026, 2, 1),
                datetime(2026, 1, 5),
                datetime(2025, 12, 1),
            ],
        }
    )
    merged = merged_into(lf, merge_duplicate_leads(lf))
    # ann's records 1 and 4 were merged into 2 (the latest activity); bo's 3 stands alone
    assert merged.collect().rows() == [("1", "2"), ("4", "2")]
    acts = pl.LazyFrame({"lead_id": ["1", "3", "4", "9"], "activity_type": list("abcd")})
    got = follow_merges(acts, merged).collect()
    assert got["lead_id"].to_list() == ["2", "3", "2", "9"]  # 9 is no lead: left as it is
    assert got["activity_type"].to_list() == list("abcd")


def test_merges_the_crm_recorded() -> None:
    leads = pl.LazyFrame(
        {
            "lead_id": ["K", "A", "S", "T"],
            # HubSpot: ids merged into K, one with its merge time as warehouse syncs write it
            "merged_record_ids": ["A;B:1661707291575; C", None, "", None],
            # Salesforce: S was merged into T (MasterRecordId on the deleted record)
            "master_record_id": [None, None, "T", None],
        }
    )
    got = recorded_merges(leads).collect().rows()
    assert got == [("A", "K"), ("B", "K"), ("C", "K"), ("S", "T")]


def test_merge_chains_end_in_the_last_record_and_loops_are_refused() -> None:
    chain = pl.DataFrame({"lead_id": ["A", "B", "X"], "merged_into": ["B", "C", "C"]})
    assert sorted(resolve_chains(chain).rows()) == [("A", "C"), ("B", "C"), ("X", "C")]
    loop = pl.DataFrame({"lead_id": ["A", "B", "C"], "merged_into": ["B", "C", "A"]})
    with pytest.raises(ValueError):
        resolve_chains(loop)


def test_the_record_a_crm_merge_kept_wins_whatever_its_activity() -> None:
    leads = pl.LazyFrame(
        {
            LINE: [2, 3, 4],
            "lead_id": ["K", "A", "Z"],
            "title": [None, "VP Sales", "CTO"],
            "country": ["DE", "FR", None],
            # the stale copy of A carries a later activity than K: K still wins
            "last_activity_at": [datetime(2026, 1, 1), datetime(2026, 2, 1), None],
        }
    )
    merges = pl.LazyFrame({"lead_id": ["A"], "merged_into": ["K"]})
    got = merge_duplicate_leads(apply_recorded_merges(leads, merges)).collect()
    assert got.select("lead_id", "title", "country").rows() == [
        ("K", "VP Sales", "DE"),  # K's own country; the title K lacked, from A
        ("Z", "CTO", None),
    ]


def test_merge_first_seen_and_ids_are_case_sensitive() -> None:
    lf = pl.LazyFrame(
        {
            LINE: [2, 3, 4],
            "lead_id": ["00Q5g00000AbCdE", "00Q5g00000AbCde", "00Q5g00000AbCdE"],
            "email_normalised": [None, None, None],
            "title": ["A", "B", "C"],
        },
        schema_overrides={"email_normalised": pl.String},
    )
    got = merge_duplicate_leads(lf, keep="first_seen").collect()
    assert got["lead_id"].to_list() == ["00Q5g00000AbCdE", "00Q5g00000AbCde"]
    assert got["title"].to_list() == ["A", "B"]
    got_last = merge_duplicate_leads(lf, keep="last_seen").collect()
    assert got_last.filter(pl.col("lead_id") == "00Q5g00000AbCdE")["title"].item() == "C"


def test_opportunity_flags_from_the_stage_name() -> None:
    from revq.core.derive import derive_opportunity_fields

    lf = pl.LazyFrame(
        {"stage": ["Closed Won", "closedlost", "Negotiation/Review", " won ", "Lost", None]}
    )
    got = derive_opportunity_fields(lf).collect()
    assert got["is_won"].to_list() == [True, False, False, True, False, None]
    assert got["is_closed"].to_list() == [True, True, False, True, True, None]
    # flags the export has are its own; without a stage they are unknown
    given = pl.LazyFrame({"stage": ["Closed Won"], "is_won": [False]})
    assert derive_opportunity_fields(given).collect()["is_won"].to_list() == [False]
    unknown = derive_opportunity_fields(pl.LazyFrame({"amount": [1.0]})).collect()
    assert unknown.columns == ["amount", "is_won", "is_closed"]
    assert unknown["is_won"].to_list() == [None] and unknown["is_closed"].to_list() == [None]


_DAYS = st.one_of(st.none(), st.integers(1, 3).map(lambda d: datetime(2026, 1, d)))
_RECORDS = st.lists(
    st.tuples(
        st.one_of(st.none(), st.sampled_from(["1", "2", "10", "x"])),
        st.one_of(st.none(), st.sampled_from(["a@x.com", "b@x.com"])),
        st.one_of(st.none(), st.sampled_from(["ceo", "cto"])),
        st.one_of(st.none(), st.sampled_from([1.5, 2.0, float("nan")])),
        st.one_of(st.none(), st.booleans()),
        _DAYS,
        _DAYS,
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(_RECORDS, st.sampled_from(["latest_activity", "first_seen", "last_seen"]), st.booleans())
def test_held_merge_is_the_planned_merge(records: list, keep: str, in_order: bool) -> None:
    # The merge of a held export writes only the records kept for a key; it must give the
    # merge as planned over every record, row for row, whether or not lines are in order.
    schema = {
        "lead_id": pl.String,
        "email_normalised": pl.String,
        "title": pl.String,
        "score": pl.Float64,
        "flag": pl.Boolean,
        "last_activity_at": pl.Datetime("us"),
        "created_at": pl.Datetime("us"),
    }
    frame = pl.DataFrame(records, schema=schema, orient="row").with_columns(
        pl.col("last_activity_at", "created_at").dt.replace_time_zone("UTC"),
        pl.int_range(2, len(records) + 2, dtype=pl.Int64).alias(LINE),
    )
    if not in_order:
        frame = frame.reverse()
    planned = merge_duplicate_leads(frame.lazy(), keep).collect()  # type: ignore[arg-type]
    assert_frame_equal(merge_held_duplicates(frame, keep), planned)  # type: ignore[arg-type]


def test_a_record_the_crm_merged_ends_where_its_own_email_went(tmp_path: Path) -> None:
    """L2 was merged into L1 by the CRM; L1 keeps its own email (ann's), so L1 is merged into
    L3, ann's later record, and L2 with it: never into L4, the record of L2's old email. The
    load once took either, in no set order."""
    path = tmp_path / "leads.csv"
    path.write_text(
        "lead_id,email,created_at,last_activity_at,merged_record_ids\n"
        "L1,ann@x.com,2026-01-01,2026-02-01,L2\n"
        "L2,bob@x.com,2026-01-01,2026-02-01,\n"
        "L3,ann@x.com,2026-01-01,2026-09-01,\n"
        "L4,bob@x.com,2026-01-01,2026-09-01,\n"
    )
    for _ in range(30):
        loaded = load_table(path, table="leads")
        assert loaded.merged_ids.rows() == [("L1", "L3"), ("L2", "L3")]
        assert loaded.frame["lead_id"].to_list() == ["L3", "L4"]
