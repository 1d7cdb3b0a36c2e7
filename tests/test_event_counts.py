"""Each lead's events per activity type, as the starter counts them: the events the scoring
engine gives a lead, with a time and a type, before the lead's outcome time. Expected counts
are worked out by hand on tiny frames."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import polars as pl
import pytest

from revq.core.event_counts import EventRule, EventType, count_events, event_rule
from revq.core.leakage import event_leaks

UTC = "UTC"


def _at(day: int | None) -> datetime | None:
    return None if day is None else datetime(2026, 1, day)


def _events(rows: list[tuple[str, str | None, int | None]], key: str = "lead_id") -> pl.DataFrame:
    return pl.DataFrame(
        {
            key: [r[0] for r in rows],
            "activity_type": [r[1] for r in rows],
            "occurred_at": [_at(r[2]) for r in rows],
        },
        schema={key: pl.String, "activity_type": pl.String, "occurred_at": pl.Datetime("us", UTC)},
    )


LEADS = pl.DataFrame(
    {
        "lead_id": ["L1", "L2", "L3"],
        "email_normalised": ["a@x.example", "b@x.example", "c@x.example"],
        "converted_at": [_at(10), None, None],
    },
    schema_overrides={"converted_at": pl.Datetime("us", UTC)},
)
ROWS = [
    ("L1", "Demo Request", 5),
    ("L1", " demo request", 9),  # one type, whatever the case and spaces
    ("L1", "Demo Request", 10),  # at conversion: not before it
    ("L1", "Demo Request", 12),  # after it
    ("L2", "Page View", 1),
    ("L2", "Page View", None),  # no time: the engine never counts it
    ("L2", "", 3),  # no type
    ("L9", "Demo Request", 2),  # no such lead
]


def test_events_before_the_outcome_time_by_type() -> None:
    counted = count_events(LEADS, _events(ROWS), pl.col("converted_at"))
    by_label = {t.label: t for t in counted.types}
    assert set(by_label) == {"Demo Request", "Page View"}
    demo, view = by_label["Demo Request"], by_label["Page View"]
    assert (demo.leads, demo.events, demo.most) == (1, 2, 2)
    assert (view.leads, view.events, view.most) == (1, 1, 1)
    frame = counted.frame
    assert frame["lead_id"].to_list() == ["L1", "L2", "L3"]  # the leads' own order, each once
    assert frame[demo.column].to_list() == [2, 0, 0]
    assert frame[view.column].to_list() == [0, 1, 0]
    # the leads' events with a time and a type: L1's four and L2's one; two of L1's come at or
    # after its conversion
    assert (counted.events, counted.later) == (5, 2)


def test_without_an_outcome_time_every_event_counts() -> None:
    counted = count_events(LEADS, _events(ROWS))
    demo = next(t for t in counted.types if t.label == "Demo Request")
    assert counted.frame[demo.column].to_list() == [4, 0, 0]
    assert counted.later == 0


def test_events_without_a_lead_id_are_the_leads_of_their_email() -> None:
    rows = [("A@x.example ", "Click", 1), ("b@x.example", "Click", 2), ("z@x.example", "Click", 3)]
    counted = count_events(LEADS, _events(rows, key="email"))
    (click,) = counted.types
    assert counted.frame[click.column].to_list() == [1, 1, 0]


def test_no_event_of_the_leads_is_no_type() -> None:
    counted = count_events(LEADS, _events([("L9", "Click", 1)]))
    assert counted.types == () and counted.frame.equals(LEADS)


def test_a_rule_gives_its_points_an_event_up_to_its_cap() -> None:
    frame = pl.DataFrame({"n": [0, 1, 2, 3, 7]})
    kind = EventType("Click", "n", 4, 13, 7)
    assert frame.select(EventRule(kind, 5, 3).expr())["n"].to_list() == [0, 5, 10, 15, 15]
    rule = event_rule(frame, kind, 5, 3, pl.Series([False, True, False, True, True]))
    # one or more: four leads, three converted; three or more: two, both converted
    assert (rule.converted, rule.at_cap, rule.at_cap_converted) == (3, 2, 2)


def test_where_conversion_stops_rising_is_the_cap() -> None:
    """Leads converting at 10% with no event, 20% with one, 30% with two, 40% with three and
    no more with more: the capped count that fits is three."""
    pytest.importorskip("sklearn")
    from revq.core.learn import cap_of

    counts, y = [], []
    for n, rate in ((0, 0.1), (1, 0.2), (2, 0.3), (3, 0.4), (4, 0.4), (6, 0.4), (9, 0.4)):
        converted = int(rate * 1000)
        counts += [n] * 1000
        y += [1] * converted + [0] * (1000 - converted)
    assert cap_of(np.array(counts), np.array(y), 30) == 3
    # a count fewer than 30 leads reach is no cap: 20 leads with three or more
    few = np.array(counts[:3000] + [3] * 10 + [4] * 10)
    assert cap_of(few, np.array(y[:3000] + ([1] * 4 + [0] * 6) * 2), 30) == 2


def test_a_type_only_converted_leads_have_is_left_out_unless_kept() -> None:
    pytest.importorskip("sklearn")
    n = 400
    converted = pl.Series([i % 4 == 0 for i in range(n)])
    frame = pl.DataFrame(
        {
            "signed": [2 if c else 0 for c in converted],  # only converted leads
            "clicks": [i % 3 for i in range(n)],  # everyone, whatever became of them
        }
    )
    held = pl.Series([i % 10 < 3 for i in range(n)])
    kinds = [
        EventType("Contract Signed", "signed", 100, 200, 2),
        EventType("Click", "clicks", 1, 1, 1),
    ]
    left = event_leaks(frame, kinds, converted, held)
    assert [(lo.column, lo.reason) for lo in left] == [
        ("Contract Signed events", "only converted leads have them")
    ]
    assert event_leaks(frame, kinds, converted, held, keep=frozenset({"contract signed"})) == []
