"""Value parsers on tiny inputs, with expectations worked out by hand."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from revq.core.parse import (
    datetime_shapes,
    map_labels,
    parse_boolean,
    parse_datetime,
    parse_integer,
    parse_number,
)


def _apply(expr_fn, values: list[str | None]) -> list:  # type: ignore[no-untyped-def]
    return (
        pl.DataFrame({"v": values}, schema={"v": pl.String})
        .select(expr_fn(pl.col("v")))["v"]
        .to_list()
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,200", 1200.0),
        ("1,234,567.89", 1234567.89),
        ("USD 350,000,000.00", 350_000_000.0),
        ("$1200", 1200.0),
        ("€ 99.5", 99.5),
        ("(1,000)", -1000.0),
        ("-42.5", -42.5),
        ("1.2E+06", 1_200_000.0),
        ("1 200", 1200.0),
        ("1,5", None),  # under '.', a comma must group thousands: never read as 15
        ("12k", None),
        ("1,20,000", None),
        ("", None),
        ("n/a", None),
    ],
)
def test_parse_number_dot(text: str, expected: float | None) -> None:
    assert _apply(parse_number, [text]) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234.567,89", 1234567.89),
        ("12,5", 12.5),
        ("1.200", 1200.0),
        ("EUR 3,5", 3.5),
        ("1,234.5", None),
    ],
)
def test_parse_number_comma(text: str, expected: float | None) -> None:
    assert _apply(lambda e: parse_number(e, ","), [text]) == [expected]


def test_parse_integer_refuses_fractions() -> None:
    assert _apply(parse_integer, ["12", "12.0", "12.5", "1,200"]) == [12, 12, None, 1200]


def test_parse_boolean() -> None:
    got = _apply(parse_boolean, ["Yes", "no", "TRUE", "false", "1", "0", " y ", "maybe", None])
    assert got == [True, False, True, False, True, False, True, None, None]


def _utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "order", "tz", "expected"),
    [
        ("2026-03-05T14:22:00Z", "mdy", "UTC", _utc(2026, 3, 5, 14, 22)),
        ("2026-03-05T16:22:00+02:00", "mdy", "UTC", _utc(2026, 3, 5, 14, 22)),
        ("2026-03-05 14:22", "mdy", "UTC", _utc(2026, 3, 5, 14, 22)),
        ("2026-03-05 14:22", "mdy", "Europe/Berlin", _utc(2026, 3, 5, 13, 22)),
        ("2020-05-15 22:18:25 UTC", "mdy", "Europe/Berlin", _utc(2020, 5, 15, 22, 18, 25)),
        ("2019-12-29 08:15:15.000", "mdy", "UTC", _utc(2019, 12, 29, 8, 15, 15)),
        ("3/5/2026 2:22 PM", "mdy", "UTC", _utc(2026, 3, 5, 14, 22)),
        ("3/5/2026 12:05 AM", "mdy", "UTC", _utc(2026, 3, 5, 0, 5)),
        ("3/5/2026", "dmy", "UTC", _utc(2026, 5, 3)),
        ("05.03.2026", "dmy", "UTC", _utc(2026, 3, 5)),
        ("20-10-2017", "dmy", "UTC", _utc(2017, 10, 20)),
        ("26-02-2018 19:58", "dmy", "UTC", _utc(2018, 2, 26, 19, 58)),
        ("1661707291575", "mdy", "UTC", datetime(2022, 8, 28, 17, 21, 31, 575000, tzinfo=UTC)),
        ("2026-02-30", "mdy", "UTC", None),
        ("yesterday", "mdy", "UTC", None),
    ],
)
def test_parse_datetime(text: str, order: str, tz: str, expected: datetime | None) -> None:
    assert _apply(lambda e: parse_datetime(e, order, tz), [text]) == [expected]


def test_parse_datetime_with_explicit_format() -> None:
    got = _apply(lambda e: parse_datetime(e, "mdy", "UTC", "%Y%m%d"), ["20260305", "2026-03-05"])
    assert got == [_utc(2026, 3, 5), None]


def test_map_labels_ignores_case_and_spacing() -> None:
    mapping = {"Marketing Qualified Lead": "mql", "Interested  in full time MBA": "x"}
    got = _apply(
        lambda e: map_labels(e, mapping),
        [
            "marketing qualified lead",
            " Marketing  Qualified Lead ",
            "Interested in full time MBA",
            "Champion",
        ],
    )
    assert got == ["mql", "mql", "x", None]


def test_datetime_shapes_of_utc_exports() -> None:
    # A column of whole-second UTC times written with a Z: read by one fast format, the Z part
    # of it, and the fractional-seconds format left to the full parser.
    sample = pl.Series(["2026-03-05T14:22:00Z", "2026-03-06T09:00:59Z"])
    shapes = datetime_shapes(sample, "mdy")
    assert shapes.zulu
    assert shapes.formats == ["%Y-%m-%dT%H:%M:%S%#z"]
    values = ["2026-03-05T14:22:00Z", "2026-03-05T14:22:00.250Z", "2026-03-05 14:22:00 UTC", None]
    fast = _apply(lambda e: parse_datetime(e, "mdy", "UTC", shapes=shapes), values)
    assert fast == [_utc(2026, 3, 5, 14, 22), None, None, None]  # the rest: the full parser
    full = _apply(lambda e: parse_datetime(e, "mdy", "UTC"), values)
    assert full == [
        _utc(2026, 3, 5, 14, 22),
        datetime(2026, 3, 5, 14, 22, 0, 250_000, tzinfo=UTC),
        _utc(2026, 3, 5, 14, 22),
        None,
    ]


def test_datetime_shapes_say_whether_values_repeat_and_parse_the_same_either_way() -> None:
    # event times to the second differ from each other; dates alone repeat
    times = pl.Series([f"2026-03-05T14:{m:02d}:{s:02d}Z" for m in range(10) for s in range(60)])
    days = pl.Series(["3/5/2026", "3/6/2026", "3/5/2026", "3/6/2026", "3/5/2026"])
    assert not datetime_shapes(times, "mdy").repeats
    assert datetime_shapes(days, "mdy").repeats
    values = ["2026-03-05T14:22:00Z", "3/6/2026", "2026-03-05T14:22:00Z", "x", None]
    want = [_utc(2026, 3, 5, 14, 22), _utc(2026, 3, 6), _utc(2026, 3, 5, 14, 22), None, None]
    for sample in (times, days, pl.Series(values[:3])):
        shapes = datetime_shapes(sample, "mdy")
        fast = _apply(lambda e, s=shapes: parse_datetime(e, "mdy", "UTC", shapes=s), values)
        full = _apply(lambda e: parse_datetime(e, "mdy", "UTC"), values)
        assert full == want
        assert [f if f is not None else w for f, w in zip(fast, want, strict=True)] == want


def test_datetime_shapes_keep_fractions_a_sample_has() -> None:
    sample = pl.Series(["2026-03-05T14:22:00.5Z", "2026-03-06T09:00:59Z", "2026-03-06T09:00+0100"])
    shapes = datetime_shapes(sample, "mdy")
    assert not shapes.zulu  # one value has an offset: Z is rewritten and read as one
    assert shapes.formats == [
        "%Y-%m-%dT%H:%M:%S%.f%#z",
        "%Y-%m-%dT%H:%M:%S%#z",
        "%Y-%m-%dT%H:%M%#z",
    ]
    got = _apply(lambda e: parse_datetime(e, "mdy", "UTC", shapes=shapes), sample.to_list())
    assert got == [
        datetime(2026, 3, 5, 14, 22, 0, 500_000, tzinfo=UTC),
        _utc(2026, 3, 6, 9, 0, 59),
        _utc(2026, 3, 6, 8, 0),
    ]
