"""Events summed by the lead id's number (`number_ids`) meet exactly the leads they meet by
the id's text: an id written any other way than plainly belongs to no lead then."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from revq.config.scoring import load_scoring
from revq.core.scoring.engine import score_leads
from revq.core.scoring.wide import all_number_ids, number_id

AS_OF = datetime(2026, 3, 1, tzinfo=UTC)


def test_an_id_has_a_number_only_when_written_as_that_number() -> None:
    texts = ["7", "07", "+7", " 7", "7 ", "-7", "-0", "0", "7.0", "1e3", "", None]
    texts += ["9223372036854775807", "9223372036854775808", "\u0663"]  # i64 max, max + 1, Arabic 3
    expected = [7, None, None, None, None, -7, None, 0, None, None, None, None]
    expected += [9223372036854775807, None, None]
    got = pl.DataFrame({"id": texts}, schema={"id": pl.String}).select(number_id("id"))
    assert got.to_series().to_list() == expected


@pytest.mark.parametrize(
    ("ids", "plain"),
    [
        (["1", "22", None], True),
        (["1", "0022"], False),
        (["00Q5e000001AbCdEAK", "1"], False),  # a Salesforce id
        ([None], True),
    ],
)
def test_all_number_ids(ids: list[str | None], plain: bool) -> None:
    assert all_number_ids(pl.DataFrame({"lead_id": ids}, schema={"lead_id": pl.String})) is plain


def test_all_number_ids_needs_text_ids() -> None:
    assert not all_number_ids(pl.DataFrame({"lead_id": [1, 2]}))
    assert not all_number_ids(pl.DataFrame({"email": ["a@x.com"]}))


def test_events_meet_the_same_leads_by_number_as_by_text(tmp_path: Path) -> None:
    path = tmp_path / "scoring.yaml"
    path.write_text(
        textwrap.dedent(
            """
            intent:
              events:
                rules:
                  - {name: demo, when: {column: activity_type, equals: demo_request}, points: 10}
                  - {name: visit, when: {column: activity_type, equals: page_view}, points: 1}
            """
        )
    )
    model = load_scoring(path).model
    leads = pl.LazyFrame({"lead_id": ["7", "8", "10", "11"]})
    day = AS_OF - timedelta(days=1)
    # "07", " 8", "+10" and "1e1" are not the leads' ids as written: they score for no lead
    acts = pl.LazyFrame(
        {
            "lead_id": ["7", "07", "8", " 8", "10", "+10", "1e1", "10", "9", None],
            "activity_type": ["demo_request"] * 7 + ["page_view", "demo_request", "page_view"],
            "occurred_at": [day] * 10,
        }
    )
    by_text, by_number = (
        score_leads(leads, model, activities=acts, as_of=AS_OF, number_ids=n).collect()
        for n in (False, True)
    )
    assert by_number.equals(by_text)
    # by hand: 7 one demo (10); 8 one demo (10); 10 one demo and one visit (11); 11 nothing
    intent = dict(zip(by_number["lead_id"], by_number["intent_score"], strict=True))
    assert intent == {"7": 10.0, "8": 10.0, "10": 11.0, "11": 0.0}
