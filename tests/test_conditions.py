"""Conditions read a text column's normalised copy where the frame has one: the same answers,
worked out by hand, with and without it."""

from __future__ import annotations

import polars as pl
import pytest

from revq.core.scoring.conditions import condition_expr, with_normalised_texts
from revq.core.scoring.model import AllOf, Compare, Condition, Not

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
