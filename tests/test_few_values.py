"""Text columns of few distinct values: the loader tests them for whitespace on their values
rather than row by row, and keeps the values (`LoadResult.values`) for scoring's codes. The
loaded column must hold only values among those kept, whatever the load did to its rows."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revq.config.models import LoadOptions
from revq.core import few_values
from revq.core.schema import Kind
from revq.core.scoring.conditions import Codes, condition_expr, with_normalised_texts
from revq.core.scoring.model import Compare
from revq.io.event_kinds import name_type_ids
from revq.io.exports import Loads
from revq.io.joins import Side, join_inputs
from revq.io.load import LoadResult, load_table
from revq.io.parsers import check_texts
from tests.conftest import ROOT, SAMPLE, run_cli

ACTIVITIES = "activity_id,lead_id,activity_type,occurred_at,channel,detail\n"


def values_hold(result: LoadResult) -> None:
    """Every value of a column the load kept values for is among them."""
    for column, values in result.values.items():
        held = set(result.frame[column].drop_nulls().to_list())
        assert held <= set(values.to_list()), column


# Characters Python's str.strip and polars' strip_chars both take as whitespace, and others.
TEXT = st.text(alphabet=["a", "b", " ", "\t", "\u00a0", "\u3000"], max_size=3)
COLUMN = st.lists(st.none() | TEXT, min_size=1, max_size=8)


@settings(max_examples=150, deadline=None)
@given(columns=st.lists(COLUMN, min_size=1, max_size=3), kinds=st.lists(st.booleans(), max_size=3))
def test_the_text_check_finds_what_testing_each_value_finds(
    columns: list[list[str | None]], kinds: list[bool]
) -> None:
    """Small thresholds, so that columns of few values, of many, and of few in the sample but
    many in all each occur: the clean columns are those whose values all need no stripping
    (text: and none is empty), worked out value by value in Python."""
    height = min(len(c) for c in columns)
    frame = pl.DataFrame(
        {f"c{i}": c[:height] for i, c in enumerate(columns)},
        schema={f"c{i}": pl.String for i in range(len(columns))},
    )
    pairs = [
        (name, Kind.TEXT if i >= len(kinds) or kinds[i] else Kind.ID)
        for i, name in enumerate(frame.columns)
    ]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(few_values, "SAMPLE_ROWS", 3)
        patch.setattr(few_values, "SAMPLE_FEW", 2)
        patch.setattr(few_values, "MOST", 3)
        found = check_texts(frame, pairs)
    for name, kind in pairs:
        cells = [v for v in frame[name].to_list() if v is not None]
        clean = all(v == v.strip() and (kind is Kind.ID or v != "") for v in cells)
        assert ((name, kind) in found.clean) == clean, (name, kind, cells)
        distinct = sorted(set(cells))
        spread = frame[name].to_list()[:: max(1, height // 3)]  # the rows the sample takes
        sample = len(set(spread))  # a missing value counts as one
        few = sample <= 2 and 0 < len(distinct) <= 3
        assert (name in found.values) == (kind is Kind.TEXT and clean and few)
        if name in found.values:  # those values, sorted
            assert found.values[name].to_list() == distinct


def test_a_load_keeps_the_values_of_its_clean_columns_of_few(tmp_path: Path) -> None:
    """A padded column is stripped and keeps no values; a rejected row's value stays among
    the kept ones (the list may hold more than the loaded column, never less)."""
    path = tmp_path / "activities.csv"
    path.write_text(
        ACTIVITIES
        + "A1,L1,page_view,2026-01-05T10:00:00Z, web,/pricing\n"
        + "A2,L2,demo_request,2026-01-05T10:00:00Z,email,/demo\n"
        + "A3,L3,webinar,not a time,web,/blog\n"
        + "A4,L1,page_view,2026-01-06T10:00:00Z,web,\n"
    )
    loaded = load_table(path)
    assert loaded.accounting.rows_rejected == 1
    assert {c: v.to_list() for c, v in loaded.values.items()} == {
        "activity_type": ["demo_request", "page_view", "webinar"],
        "detail": ["/blog", "/demo", "/pricing"],
    }
    assert loaded.frame["channel"].to_list() == ["web", "email", "web"]  # stripped
    values_hold(loaded)


def test_a_type_named_by_its_table_leaves_the_types_values_out(tmp_path: Path) -> None:
    path = tmp_path / "activities.csv"
    path.write_text(ACTIVITIES + "A1,L1,29,2026-01-05T10:00:00Z,web,x\n")
    loaded = load_table(path)
    assert loaded.values["activity_type"].to_list() == ["29"]
    as_ids = dataclasses.replace(loaded, mapping={**loaded.mapping, "activity_type": "typeId"})
    named = name_type_ids(as_ids, "deleted_lead")
    assert named.frame["activity_type"].to_list() == ["deleted_lead"]
    assert "activity_type" not in named.values
    values_hold(named)


def test_files_read_as_one_keep_the_values_every_file_kept(tmp_path: Path) -> None:
    (tmp_path / "a_1.csv").write_text(ACTIVITIES + "A1,L1,page_view,2026-01-05T10:00:00Z,web,x\n")
    (tmp_path / "a_2.csv").write_text(ACTIVITIES + "A2,L2,webinar,2026-01-05T10:00:00Z, email,y\n")
    loaded = Loads(print, print).load(tmp_path / "a_*.csv", LoadOptions(), table="activities")
    assert loaded.values["detail"].to_list() == ["x", "y"]
    assert "channel" not in loaded.values  # the second file's was padded
    values_hold(loaded)


def test_codes_of_known_values_give_the_answers_of_codes_found() -> None:
    """Values known to the load stand for the column's, even with values no row holds."""
    frame = pl.DataFrame({"activity_type": ["Demo ", None, "page_view", "demo"]})
    known = {"activity_type": pl.Series(["Demo ", "demo", "gone", "page_view"])}
    cond = Compare(column="activity_type", op="eq", value="demo")
    answers = []
    for codes in (Codes.of(frame, ["activity_type"], known), Codes.of(frame, ["activity_type"])):
        coded, _ = with_normalised_texts(frame.lazy(), [cond], codes)
        hit = condition_expr(cond, coded.collect_schema(), codes)
        answers.append(coded.select(hit).collect().to_series().to_list())
    assert Codes.of(frame, ["activity_type"], known).values["activity_type"].to_list() == [
        "Demo ",
        "demo",
        "gone",
        "page_view",
    ]
    assert answers[0] == answers[1] == [True, False, False, True]  # by hand


def test_a_column_a_join_fills_leaves_its_values_out(tmp_path: Path) -> None:
    """A lead without an industry takes its account's, which no lead was exported with."""
    leads_csv, accounts_csv = tmp_path / "leads.csv", tmp_path / "accounts.csv"
    leads_csv.write_text(
        "lead_id,email,industry,account_id,title\n"
        "L1,a@acme.com,Retail,AC1,CTO\nL2,b@beta.com,,AC2,CTO\n"
    )
    accounts_csv.write_text("account_id,name,industry\nAC1,Acme,Retail\nAC2,Beta,Media\n")
    leads = load_table(leads_csv, table="leads")
    assert leads.values["industry"].to_list() == ["Retail"]
    accounts = load_table(accounts_csv, table="accounts")
    side = Side("accounts", accounts, "account_id", None, "account_", None, "test")
    joined, _ = join_inputs(leads, [side])
    assert joined.frame.sort("lead_id")["industry"].to_list() == ["Retail", "Media"]
    assert "industry" not in joined.values and "title" in joined.values
    values_hold(joined)


def test_an_export_sorted_by_a_column_does_not_look_few_in_the_sample() -> None:
    """The first rows of a report grouped by type hold one detail; the rows spread over it,
    as many as there are: the column is not worth a pass for its values."""
    rows = 2 * few_values.SAMPLE_ROWS
    half = rows // 2
    frame = pl.DataFrame(
        {
            "detail": ["/pricing"] * half + [f"/page/{i}" for i in range(half)],
            "type": ["page_view"] * half + ["email_click"] * half,
        }
    )
    assert frame.head(few_values.SAMPLE_ROWS)["detail"].n_unique() == 1
    assert few_values.sampled_few(frame, ["detail", "type"]) == ["type"]


def test_a_column_whose_labels_are_mapped_keeps_no_values(tmp_path: Path) -> None:
    """Its header may be another text column's too (the generic preset reads `Source` as the
    channel), found clean for that one: the mapped column holds the labels' names."""
    path = tmp_path / "activities.csv"
    path.write_text(
        "activity_id,lead_id,Source,occurred_at,detail\n"
        "A1,L1,1,2026-10-01T10:00:00Z,/pricing\n"
        "A2,L2,demo_request,2026-10-03T10:00:00Z,/demo\n"
    )
    options = LoadOptions(
        columns={"activity_type": "Source"}, values={"activity_type": {"1": "Visit Webpage"}}
    )
    loaded = load_table(path, options, table="activities")
    assert loaded.frame["activity_type"].to_list() == ["Visit Webpage", "demo_request"]
    assert loaded.values["channel"].to_list() == ["1", "demo_request"]
    assert "activity_type" not in loaded.values
    values_hold(loaded)


def test_revq_score_reads_a_labelled_type_that_shares_the_channels_header(tmp_path: Path) -> None:
    """The case of the test above, scored: the labelled type is compared by its names, so the
    scores are those of the same events with the names written out (the channel, 1 or
    demo_request, weighs what a missing one does), and the run ends as any other: it once
    stopped on an internal error, the type's codes numbering the raw ids."""
    events = (
        "A1,81585149,{},2026-10-01T10:00:00Z,/pricing\n"
        "A2,81585149,demo_request,2026-10-03T10:00:00Z,\n"
    )
    (tmp_path / "ids.csv").write_text(
        "activity_id,lead_id,Source,occurred_at,detail\n" + events.format("1")
    )
    (tmp_path / "names.csv").write_text(
        "activity_id,lead_id,activity_type,occurred_at,detail\n" + events.format("Visit Webpage")
    )
    scored = {}
    for name, mapping in (("ids", MAPPED), ("names", "")):
        (tmp_path / "revq.yaml").write_text(
            "version: 1\nname: labels\ninputs:\n"
            f"  leads: {{path: {(SAMPLE / 'hubspot_contacts.csv').as_posix()}, source: hubspot}}\n"
            f"  activities:\n    path: {name}.csv\n{mapping}"
            f"configs: {{scoring: {(ROOT / 'configs' / 'scoring.yaml').as_posix()}}}\n"
        )
        run = run_cli(["score", "--as-of", "2026-10-31", "--format", "csv"], cwd=tmp_path)
        assert run.exit_code == 0, run.stderr
        scored[name] = run.stdout
    # unlabelled, the id 1 would miss the pricing-page rule the name meets: the scores differ
    assert scored["ids"] == scored["names"]
    assert "demo_request" in scored["ids"].splitlines()[1]  # the lead's events scored


MAPPED = "    columns: {activity_type: Source}\n    values: {activity_type: {'1': Visit Webpage}}\n"
