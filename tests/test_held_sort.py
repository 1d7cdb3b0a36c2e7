"""Held leads are sorted without the texts scoring passes on, which are gathered after the sort
by each lead's place among the held leads: every lead keeps its own texts, the rows come in
the documented order, and they are those of the same leads scored lazily."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl

from revq.core.scoring.engine import HELD_ROW, score_leads
from revq.core.scoring.model import Compare, Fixed, Rule
from tests.engine_cases import leads, model

AS_OF = datetime(2026, 6, 1, tzinfo=UTC)
RULES = (
    Rule("vp", "fit", Compare("title", "eq", "vp"), Fixed(10)),
    Rule("big", "fit", Compare("employees", "gte", 100), Fixed(5)),
)


def frame() -> pl.DataFrame:
    """Ties on the total score (put in order by lead id), missing texts, a lead created after
    the as-of time (left out: the held places and the output's differ), the same id twice, an
    export's own `owner` (which scoring writes anew) and a column no preset knows."""
    created = [AS_OF - timedelta(days=d) for d in (5, 1, 3, -2, 9, 4)]
    held = leads(
        title=["vp", "Intern", None, "vp", "vp", "analyst"],
        employees=[500, 10, 200, 900, 5, None],
        first_name=["Ann", None, "Cleo", "Dev", "Eve", "Finn"],
        company=["Acme", "Beta", None, "Delta", "Echo", "Fox"],
        owner=["kim", None, "lee", "kim", None, "lee"],
        Region=["north", "south", None, "east", "west", "north"],
        created_at=created,
    )
    return held.with_columns(pl.Series("lead_id", ["L4", "L1", "L2", "L9", "L3", "L1"]))


def test_held_leads_score_as_the_same_leads_lazily() -> None:
    held = frame()
    lazily = score_leads(held.lazy(), model(RULES), as_of=AS_OF).collect()
    assert HELD_ROW not in lazily.columns
    assert score_leads(held, model(RULES), as_of=AS_OF).collect().equals(lazily)


def test_each_lead_keeps_its_own_texts_in_the_documented_order() -> None:
    held = frame()
    scored = score_leads(held, model(RULES), as_of=AS_OF).collect()
    # worked out by hand: L9 is created after the as-of time; vp 10 + big 5
    assert scored.select("lead_id", "first_name", "company", "Region", "total_score").rows() == [
        ("L4", "Ann", "Acme", "north", 15.0),
        ("L3", "Eve", "Echo", "west", 10.0),
        ("L2", "Cleo", None, None, 5.0),
        ("L1", None, "Beta", "south", 0.0),
        ("L1", "Finn", "Fox", "north", 0.0),
    ]
    assert scored.columns == score_leads(held.lazy(), model(RULES), as_of=AS_OF).collect().columns


def test_unordered_held_leads_are_scored_as_they_are() -> None:
    held = frame()
    scored = score_leads(held, model(RULES), as_of=AS_OF, ordered=False).collect()
    lazily = score_leads(held.lazy(), model(RULES), as_of=AS_OF, ordered=False).collect()
    assert scored.sort("lead_id", "first_name").equals(lazily.sort("lead_id", "first_name"))
