"""The column profile `revq inspect` prints: types judged on every value."""

from __future__ import annotations

import polars as pl

from revq.core.profile import infer_text_type, profile_columns


def test_one_value_that_does_not_parse_makes_text() -> None:
    numbers = [str(i) for i in range(5000)]
    assert infer_text_type(pl.Series(numbers)) == "integer"
    # wherever the odd value falls, past any first sample of values
    assert infer_text_type(pl.Series([*numbers, "12k"])) == "text"
    assert infer_text_type(pl.Series(["12k", *numbers])) == "text"
    assert infer_text_type(pl.Series([*numbers, "1,200.5"])) == "number"


def test_types_by_hand() -> None:
    assert infer_text_type(pl.Series(["yes", "no", " ", None])) == "boolean"
    assert infer_text_type(pl.Series(["25/12/2026", "3/1/2026"])) == "datetime (day-first)"
    assert infer_text_type(pl.Series(["12/25/2026", "3/1/2026"])) == "datetime"
    assert infer_text_type(pl.Series(["", None], dtype=pl.String)) == "empty"
    profile = profile_columns(
        pl.DataFrame({"a": ["1", "2", "2", None], "b": [1.5, None, 2.0, 3.0]})
    )
    # examples: the most common values first ("2" twice), equal counts in value order
    assert profile.rows() == [
        ("a", "integer", 3, 1, 3, ["2", "1"]),
        ("b", "number", 3, 1, 4, ["1.5", "2.0", "3.0"]),
    ]


def test_examples_are_the_most_common_values_whatever_the_order() -> None:
    values = ["Select", "Acme", "--None--", "Beta", "--None--", "Select", "--None--", "Gamma"]
    expected = ["--None--", "Select", "Acme"]  # 3, 2, then the first of the ones seen once
    for order in (values, values[::-1], sorted(values)):
        shown = profile_columns(pl.DataFrame({"company": order}))["examples"][0].to_list()
        assert shown == expected


def test_datetime_examples_are_iso_8601_in_utc() -> None:
    from datetime import UTC, datetime

    frame = pl.DataFrame(
        {"at": [datetime(2026, 3, 5, 14, 22, 7, 123456, tzinfo=UTC), None]},
        schema={"at": pl.Datetime("us", "Europe/Berlin")},
    )
    (row,) = profile_columns(frame).to_dicts()
    # stored in Berlin time, shown in UTC, without the microseconds a CRM never sets
    assert row["examples"] == ["2026-03-05T14:22:07Z"] and row["type"] == "datetime"
