"""Conditions read a text column's normalised copy or its codes where the frame has them: the
same answers, worked out by hand, with and without them."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from revq.app.inputs import open_project
from revq.app.run import Run
from revq.app.scoring import ScoringInputs
from revq.core import few_values
from revq.core.scoring.conditions import Codes, code_name, condition_expr, with_normalised_texts
from revq.core.scoring.engine import points_expr, score_leads
from revq.core.scoring.model import AllOf, Compare, Condition, Lookup, Not
from tests.conftest import SAMPLE

FRAME = pl.LazyFrame(
    {
        "activity_type": [" Page_View", "page_view ", "DEMO_REQUEST", None],
        "detail": ["/Pricing/enterprise", "/blog/x", "/demo", "/pricing"],
        "email": ["a@RivalSoft.com ", "b@acme.com", None, "c@rivalsoft.com"],
        "employees": [10, 200, 5000, None],
    }
)
CASES: list[tuple[Condition, list[bool]]] = [
    (Compare("activity_type", "eq", "page_view"), [True, True, False, False]),
    (Compare("activity_type", "ne", "page_view"), [False, False, True, False]),  # null: false
    (Compare("activity_type", "in", ("page_view", "demo_request")), [True, True, True, False]),
    (Compare("activity_type", "not_in", ("demo_request",)), [True, True, False, False]),
    (Compare("detail", "contains", "/pricing"), [True, False, False, True]),
    (Compare("detail", "starts_with", "/blog"), [False, True, False, False]),
    (Compare("detail", "ends_with", "PRISE"), [True, False, False, False]),
    (Compare("email", "domain_in", ("rivalsoft.com",)), [True, False, False, True]),
    (Compare("employees", "gte", 200), [False, True, True, False]),
    (
        AllOf(
            (
                Compare("activity_type", "eq", "page_view"),
                Not(Compare("detail", "contains", "blog")),
            )
        ),
        [True, False, False, False],
    ),
]


@pytest.mark.parametrize(("condition", "expected"), CASES)
def test_normalised_copies_give_the_same_answers(
    condition: Condition, expected: list[bool]
) -> None:
    plain = FRAME.select(condition_expr(condition, FRAME.collect_schema()).alias("hit"))
    copied, names = with_normalised_texts(FRAME, [condition])
    with_copies = copied.select(condition_expr(condition, copied.collect_schema()).alias("hit"))
    assert plain.collect()["hit"].to_list() == expected
    assert with_copies.collect()["hit"].to_list() == expected
    assert "__norm__employees" not in names  # a number is compared as it is


def test_each_text_column_is_normalised_once() -> None:
    conditions: list[Condition] = [c for c, _ in CASES]
    copied, names = with_normalised_texts(FRAME, conditions)
    assert names == ["__norm__activity_type", "__norm__detail", "__norm__email"]
    assert copied.collect()["__norm__activity_type"].to_list() == [
        "page_view",
        "page_view",
        "demo_request",
        None,
    ]


@pytest.mark.parametrize(("condition", "expected"), CASES)
def test_coded_columns_give_the_same_answers(condition: Condition, expected: list[bool]) -> None:
    """A column with codes is compared once per distinct value (and once for a missing one),
    each row taking its value's answer: the answers worked out by hand above."""
    codes = Codes.of(FRAME.collect(), ["activity_type", "detail", "email", "employees"])
    assert sorted(codes.values) == ["activity_type", "detail", "email"]  # texts only
    coded, names = with_normalised_texts(FRAME, [condition], codes)
    assert set(names) >= {code_name(c) for c in codes.values}
    got = coded.select(condition_expr(condition, coded.collect_schema(), codes).alias("hit"))
    assert got.collect()["hit"].to_list() == expected


def test_a_column_of_many_values_is_not_coded(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = pl.DataFrame(
        {
            "few": ["a", "b", "a", "b", "a", None],
            "many": ["a", "b", "c", "d", "e", "f"],  # more than the sample may hold
            "later": ["a", "a", "a", "b", "c", "d"],  # few in the sample, too many in all
        }
    )
    monkeypatch.setattr(few_values, "SAMPLE_ROWS", 3)
    monkeypatch.setattr(few_values, "SAMPLE_FEW", 2)
    monkeypatch.setattr(few_values, "MOST", 3)
    codes = Codes.of(frame, frame.columns)
    assert list(codes.values) == ["few"]
    assert codes.values["few"].to_list() == ["a", "b"]  # distinct, sorted, no null
    got = frame.select(codes.code("few")).to_series().to_list()
    assert got == [0, 1, 0, 1, 0, 2]  # a missing value: the code after them


def test_a_lookup_of_a_coded_column_gives_the_points_row_by_row() -> None:
    """The first pattern a title matches gives its points, whether the title is coded or not."""
    points = Lookup(column="title", table=((r"\bvp\b", 15), ("director", 10), ("manager", 5)))
    frame = pl.DataFrame({"title": ["VP Sales", "Sales Director", "intern", None, "vp, manager"]})
    expected = [15.0, 10.0, None, None, 15.0]  # by hand: first match wins
    codes = Codes.of(frame, ["title"])
    coded, _ = with_normalised_texts(frame.lazy(), [], codes)
    assert frame.select(points_expr(points)).to_series().to_list() == expected
    assert coded.select(points_expr(points, codes)).collect().to_series().to_list() == expected


def test_the_sample_project_scores_the_same_with_codes_and_without() -> None:
    """`revq score` codes the held leads' and activities' texts (ScoringInputs); the rows are
    those of scoring every text row by row."""
    inputs = ScoringInputs(Run(), open_project(SAMPLE / "revq.yaml"))
    assert inputs.activities is not None
    as_of = datetime(2026, 10, 31, tzinfo=UTC)
    coded = inputs.score(as_of).collect()
    plain = score_leads(
        inputs.leads.lazy(),
        inputs.compiled.model,
        activities=inputs.activities.lazy(),
        signals=inputs.lazy(inputs.signals),
        as_of=as_of,
    ).collect()
    assert inputs._lead_codes.values and inputs._event_codes.values  # the coded paths ran
    # the activities' codes number the values their load found, with no pass of their own
    loaded, coded_values = inputs._activity_values, inputs._event_codes.values
    assert {"activity_type", "channel"} <= loaded.keys() & coded_values.keys()
    assert all(coded_values[c] is loaded[c] for c in loaded.keys() & coded_values.keys())
    assert coded.equals(plain)


def test_a_column_of_missing_values_alone_is_not_coded() -> None:
    frame = pl.DataFrame({"title": [None, None]}, schema={"title": pl.String})
    assert Codes.of(frame, ["title"]).values == {}
