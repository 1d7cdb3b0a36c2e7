"""Timestamps read from text in an engine, as revq.core.parse.parse_datetime reads them: the
same shapes (ISO 8601 with or without a zone, 2026/03/05, 3/5/2026 in the project's day/month
order with a 24- or 12-hour time, milliseconds since the epoch), naive ones in the project's
time zone, every one as UTC; null where no shape reads the value (a 30 February, 25:00).

A value is read in stages, each a set of columns, so that no expression is repeated inside
another (a query would otherwise grow with every part): its text trimmed, which shape it has,
that shape's parts, then the parts checked (month, day of that month, hour) and written as
`YYYY-MM-DD HH:MM:SS.ffffff+HH:MM`, which every engine casts to the same instant. No engine's
own date parsing decides what a value means.

A column whose every dated value is ISO 8601 with each part in its place (2026-01-05,
2026-01-05 10:00, 2026-01-05T10:00:00Z, ...+02:00: what APIs and most exports write) is read
by position instead: one pattern says the value is a real time of that shape (its month, the
day of that month, its hour...), then the text at each place is the part the dash reading
would have found there, written the same way (or, where the engine reads such a value itself
and it has a zone, the value as it is). The shape is one the general reading of dash dates also
reads, so the two give the same instant; a census of the column (date_census.py) says when it
applies."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

from revq.engines.builtins import builtin
from revq.engines.dialects import Dialect
from revq.engines.load.text import Text, as_string

UTC = dt.Timestamp(timezone="UTC", scale=6)  # microseconds, as polars holds them
NAIVE = dt.Timestamp(scale=6)
Stage = Callable[[Mapping[str, ir.Value]], dict[str, ir.Value]]
_Y, _2 = "([0-9]{1,4})", "([0-9]{1,2})"

EPOCH_MS = "^[0-9]{13}$"
# The shapes of date revq reads.
SHAPES = frozenset({"dash", "slash", "ordered", "epoch"})
# A column whose every value is empty or a real ISO time (REAL_ISO) as it is written, with no
# white space around it (its census says, of a file that cannot change before the query reads
# it): each value is read by position as it is, neither trimmed nor checked again.
AS_WRITTEN = "iso_as_written"
# Dash dates whose parts are all in their places, read by position where a column has no other
# dash dates (its census says): the date, then after T or a space the hour and minute, then the
# seconds with a Z or an offset +HH:MM, or without.
ISO = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(Z|[-+][0-9]{2}:[0-9]{2})?)?)?$"
# An ISO value that is a real time, as the dash reading checks one: a month of the year, a day
# of that month (29 February in leap years alone), hours 00-23, minutes and seconds 00-59, an
# offset of 00-23 hours and 00-59 minutes.
_HOUR, _SIXTY = "(?:[01][0-9]|2[0-3])", "[0-5][0-9]"
_MONTH_DAY = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[048]|[2468][048]|[13579][26])00)"
_REAL_DATE = f"(?:[0-9]{{4}}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
_ZONE = f"(?:Z|[-+]{_HOUR}:{_SIXTY})"
REAL_ISO = f"^{_REAL_DATE}(?:[T ]{_HOUR}:{_SIXTY}(?::{_SIXTY}{_ZONE}?)?)?$"
# The lengths of an ISO value: a date, with minutes, with seconds, with a Z, with an offset.
_ISO_DATE, _ISO_MINUTES, _ISO_SECONDS, _ISO_Z, _ISO_OFFSET = 10, 16, 19, 20, 25
# The dialects whose cast to a timestamp reads an ISO value with a zone as it is written (T
# or a space, Z or an offset), checked by the tests; elsewhere it is written out first.
READS_ISO = frozenset({"duckdb", "spark"})
# The parts that are not numbers.
TEXT_PARTS = frozenset({"rest", "sep", "sep1", "sep2", "fraction", "sign", "meridiem"})
# Each pattern has at most nine groups: DuckDB takes no group past the ninth.
# A date and what follows it (its time, its zone), for each shape of date.
DASH_DATE = f"^{_Y}-{_2}-{_2}(.*)$"
SLASH_DATE = f"^{_Y}/{_2}/{_2}(.*)$"
ORDERED_DATE = f"^{_2}([/.-]){_2}([/.-]){_Y}(.*)$"


def dash_pattern(ws: str) -> str:
    """2026-01-05, with a time after T or a space (seconds and fraction optional), and a zone
    offset (+02, +0230, +02:30; a UTC, GMT or Z is one already)."""
    time = f"((T|[{ws}]*){_2}:{_2}(:{_2}([.]([0-9]+))?)?)?"
    zone = f"([{ws}]*([-+])([0-9]{{2}})(:?([0-9]{{2}}))?)?"
    return f"^{_Y}-{_2}-{_2}{time}{zone}$"


def dash_time(ws: str) -> str:
    """The time after a dash date: separator, hour, minute, [second, [fraction]]."""
    return f"^(T|[{ws}]*){_2}:{_2}(:{_2}([.]([0-9]+))?)?"


ZONE = "([-+])([0-9]{2})(:?([0-9]{2}))?$"


def slash_pattern(ws: str) -> str:
    """2026/01/05, with a time of minutes or seconds."""
    return f"^{_Y}/{_2}/{_2}([{ws}]*{_2}:{_2}(:{_2})?)?$"


def slash_time(ws: str) -> str:
    return f"^[{ws}]*{_2}:{_2}(:{_2})?$"


def ordered_pattern(ws: str) -> str:
    """3/5/2026 (or with - or .), with a 24-hour time, a 12-hour one (10:00 AM, 10:00PM), or
    ', 10:00 AM'."""
    return f"^{_2}([/.-]){_2}([/.-]){_Y}({ordered_time(ws)[1:-1]}|{comma_time(ws)[1:-1]})?$"


def ordered_time(ws: str) -> str:
    return f"^[{ws}]*{_2}:{_2}(:{_2})?([{ws}]*([AaPp])[Mm])?$"


def comma_time(ws: str) -> str:
    return f"^,[{ws}]*{_2}:{_2}[{ws}]*([AaPp])[Mm]$"


class Timestamps:
    """The timestamp parser of one dialect, for naive values in one time zone."""

    def __init__(self, text: Text, dialect: Dialect, timezone: str) -> None:
        self.t = text
        self.dialect = dialect
        self.timezone = timezone
        ws = text.ws
        self.patterns = {
            "dash": dash_pattern(ws),
            "slash": slash_pattern(ws),
            "ordered": ordered_pattern(ws),
            "epoch": EPOCH_MS,
        }
        self.dates = {"dash": DASH_DATE, "slash": SLASH_DATE, "ordered": ORDERED_DATE}
        self.times = {
            "dash": (dash_time(ws), {"sep": 1, "hour": 2, "minute": 3, "second": 5, "fraction": 7}),
            "zone": (ZONE, {"sign": 1, "offset_hours": 2, "offset_minutes": 4}),
            "slash": (slash_time(ws), {"hour": 1, "minute": 2, "second": 4}),
            "ordered": (
                ordered_time(ws),
                {"hour": 1, "minute": 2, "second": 4, "meridiem": 6},
            ),
            "comma": (comma_time(ws), {"hour": 1, "minute": 2, "meridiem": 3}),
        }
        self.date_parts = {
            "dash": {"year": 1, "month": 2, "day": 3, "rest": 4},
            "slash": {"year": 1, "month": 2, "day": 3, "rest": 4},
            "ordered": {"first": 1, "sep1": 2, "second_number": 3, "sep2": 4, "year": 5, "rest": 6},
        }

    def typed(self, value: ir.Value) -> ir.TimestampValue | None:
        """A timestamp or date column as UTC (naive ones in the project's zone); None for a
        column to be read as text."""
        typed = value.type()
        if typed.is_date():
            value, typed = value.cast(dt.timestamp), dt.timestamp
        if typed.is_timestamp() and (typed.timezone is not None or self.timezone == "UTC"):
            return value.cast(UTC)
        return None

    def stages(self, order: str, shapes: frozenset[str] = SHAPES) -> list[tuple[str, Stage]]:
        """The stages of reading one text column: each takes the columns so far (the text as
        `value`) and gives the next ones; `assemble` then gives the timestamp. `order` is the
        day/month order of 3/5/2026 (dmy or mdy); `shapes` the shapes the column's values
        have (all of them unless a census of the values found fewer; `iso` in place of `dash`
        where every dash date is ISO 8601 with its parts in their places). Each stage is named,
        for the query's readers."""
        general = shapes - {"iso", AS_WRITTEN}

        def texts(p: Mapping[str, ir.Value]) -> dict[str, ir.Value]:
            out: dict[str, ir.Value] = {}
            if "iso" in shapes:
                out.update(self._iso(p))
            if "dash" in shapes:
                out.update(self._dash(p))
            if "slash" in shapes:
                out.update(self._slash(p))
            if "ordered" in shapes:
                out.update(self._ordered(p, order))
            return out

        return [
            ("date_text", lambda p: self._normalise(p) if general else {}),
            ("date_shapes", lambda p: self._shapes(p, shapes)),
            ("date_parts", lambda p: self._dates(p, shapes)),
            ("time_parts", lambda p: self._times(p, shapes)),
            ("dates_checked", texts),
        ]

    def normalise_text(self, value: ir.Value, *, trimmed: bool = False) -> ir.StringValue:
        """The text trimmed (unless it is already), a trailing UTC, GMT or Z made the offset
        +0000."""
        s = as_string(value) if trimmed else self.t.strip(as_string(value))
        zone_word = f"[{self.t.ws}]*([Uu][Tt][Cc]|[Gg][Mm][Tt]|[Zz])$"
        return s.re_replace(zone_word, "+0000")

    def _normalise(self, p: Mapping[str, ir.Value]) -> dict[str, ir.Value]:
        return {"s": self.normalise_text(p["value"], trimmed=p["value"].type().is_string())}

    def _shapes(self, p: Mapping[str, ir.Value], shapes: frozenset[str]) -> dict[str, ir.Value]:
        """Which shape the text has (several may: 1/5/26 reads as ISO and as ordered); an ISO
        value itself (null for one of another shape)."""
        out: dict[str, ir.Value] = {
            f"is_{name}": p["s"].re_search(rx)
            for name, rx in self.patterns.items()
            if name in shapes
        }
        if AS_WRITTEN in shapes:
            out["iso"] = as_string(p["value"])
        elif "iso" in shapes:
            value = as_string(p["value"])
            real = value.re_search(REAL_ISO)
            out["iso"] = ibis.cases((real, value), else_=ibis.null("string"))
        return out

    def _dates(self, p: Mapping[str, ir.Value], shapes: frozenset[str]) -> dict[str, ir.Value]:
        """Each shape's date parts, and the rest of the text (its time), from the values of
        that shape."""
        out: dict[str, ir.Value] = {}
        for name, groups in self.date_parts.items():
            if name not in shapes:
                continue
            for part, group in groups.items():
                found = _when(p[f"is_{name}"], p["s"].re_extract(self.dates[name], group))
                out[f"{name}_{part}"] = found if part in TEXT_PARTS else found.cast("int32")
        if "epoch" in shapes:
            epoch = ibis.cases((p["is_epoch"], p["s"]), else_=ibis.null("string"))
            out["epoch"] = epoch.cast("int64")
        return out

    def _times(self, p: Mapping[str, ir.Value], shapes: frozenset[str]) -> dict[str, ir.Value]:
        """The parts of each shape's time and zone."""
        rests = {"dash": "dash", "zone": "dash", "slash": "slash", "ordered": "ordered"}
        rests["comma"] = "ordered"
        out: dict[str, ir.Value] = {}
        for name, (pattern, groups) in self.times.items():
            if rests[name] not in shapes:
                continue
            rest = p[f"{rests[name]}_rest"]
            for part, group in groups.items():
                found = rest.re_extract(pattern, group).nullif("")
                out[f"{name}_{part}"] = found if part in TEXT_PARTS else found.cast("int32")
        return out

    def assemble(
        self, p: Mapping[str, ir.Value], shapes: frozenset[str] = SHAPES
    ) -> ir.TimestampValue:
        """The first shape whose parts are a real time, as a UTC timestamp; else null."""
        read = []
        if "iso" in shapes:
            read.append(self._zoned(p["iso_text"], p["iso_zone"]))
        if "dash" in shapes:
            read.append(self._zoned(p["dash_text"], p["dash_zone"]))
        if "slash" in shapes:
            read.append(self._naive(p["slash_text"]))
        if "ordered" in shapes:
            read.append(self._naive(p["ordered_text"]))
        if "epoch" in shapes:
            read.append(self._epoch_ms(p["epoch"]))
        if not read:
            return ibis.null(UTC)
        return read[0] if len(read) == 1 else ibis.coalesce(*read)

    def _zoned(self, text: ir.StringValue, zone: ir.StringValue) -> ir.TimestampValue:
        return ibis.cases(
            (zone.notnull(), text.concat(zone.fill_null("")).cast(UTC)), else_=self._naive(text)
        )

    def _iso(self, p: Mapping[str, ir.Value]) -> dict[str, ir.Value]:
        """A real ISO value (null for any other) as `_dash` writes it, its text and zone, from
        the value's own characters: the date, the time (00:00:00 where it has none, :00 where
        it has no seconds), a fraction of none, a Z as +00:00. Where the engine reads the value
        itself, one with a zone is the text as it is, with an empty zone."""
        iso = p["iso"]
        length = iso.length()
        clock = ibis.cases(
            (length == _ISO_DATE, ibis.literal("00:00:00")),
            (length == _ISO_MINUTES, iso.substr(11, 5).concat(":00")),
            else_=iso.substr(11, 8),
        )
        text = iso.substr(0, _ISO_DATE).concat(" ", clock, ".000000")
        if self.dialect in READS_ISO:
            zoned = length >= _ISO_Z
            return {
                "iso_text": ibis.cases((zoned, iso), else_=text),
                "iso_zone": ibis.cases((zoned, ibis.literal("")), else_=ibis.null("string")),
            }
        zone = ibis.cases(
            (length == _ISO_Z, ibis.literal("+00:00")),
            (length == _ISO_OFFSET, iso.substr(_ISO_SECONDS, 6)),
            else_=ibis.null("string"),
        )
        return {"iso_text": text, "iso_zone": zone}

    def _dash(self, p: Mapping[str, ir.Value]) -> dict[str, ir.Value]:
        hour = p["dash_hour"]
        zoned = p["zone_sign"].notnull()
        # A zone needs a time, and after a space also the seconds (2026-01-05 10:00Z is not a
        # time polars reads).
        zone_ok = ~zoned | (hour.notnull() & ((p["dash_sep"] == "T") | p["dash_second"].notnull()))
        offset_ok = ~zoned | (
            _int(p["zone_offset_hours"]).between(0, 23)
            & _int(p["zone_offset_minutes"]).fill_null(0).between(0, 59)
        )
        zone = ibis.cases(
            (
                zoned,
                p["zone_sign"].concat(
                    _pad(p["zone_offset_hours"], 2),
                    ":",
                    _pad(p["zone_offset_minutes"].fill_null(0), 2),
                ),
            ),
            else_=ibis.null("string"),
        )
        text = self._instant(
            p["dash_year"],
            p["dash_month"],
            p["dash_day"],
            _int(hour),
            _int(p["dash_minute"]),
            _int(p["dash_second"]),
            p["dash_fraction"],
            ok=zone_ok.fill_null(False) & offset_ok.fill_null(False),
        )
        return {"dash_text": text, "dash_zone": zone}

    def _slash(self, p: Mapping[str, ir.Value]) -> dict[str, ir.Value]:
        text = self._instant(
            p["slash_year"],
            p["slash_month"],
            p["slash_day"],
            _int(p["slash_hour"]),
            _int(p["slash_minute"]),
            _int(p["slash_second"]),
            None,
            ok=ibis.literal(True),
        )
        return {"slash_text": text}

    def _ordered(self, p: Mapping[str, ir.Value], order: str) -> dict[str, ir.Value]:
        meridiem = ibis.coalesce(p["ordered_meridiem"], p["comma_meridiem"]).upper()
        hour = _int(ibis.coalesce(p["ordered_hour"], p["comma_hour"]))
        minute = _int(ibis.coalesce(p["ordered_minute"], p["comma_minute"]))
        twelve = meridiem.notnull()
        # chrono's %I %p: 1-12, 12 AM is midnight and 12 PM noon.
        hour24 = ibis.cases(
            (twelve, hour % 12 + ibis.cases((meridiem == "P", 12), else_=0)), else_=hour
        )
        twelve_ok = ~twelve | hour.between(1, 12)
        first, second = p["ordered_first"], p["ordered_second_number"]
        month, day = (second, first) if order == "dmy" else (first, second)
        text = self._instant(
            p["ordered_year"],
            month,
            day,
            hour24,
            minute,
            _int(p["ordered_second"]),
            None,
            ok=(p["ordered_sep1"] == p["ordered_sep2"]) & twelve_ok.fill_null(False),
        )
        return {"ordered_text": text}

    def _instant(
        self,
        year_text: ir.Value,
        month_text: ir.Value,
        day_text: ir.Value,
        hour: ir.IntegerValue,
        minute: ir.IntegerValue,
        second: ir.IntegerValue,
        fraction: ir.Value | None,
        *,
        ok: ir.BooleanValue,
    ) -> ir.StringValue:
        """The parts as `YYYY-MM-DD HH:MM:SS.ffffff`; null unless they are a real time."""
        year, month, day = _int(year_text), _int(month_text), _int(day_text)
        hour, minute, second = hour.fill_null(0), minute.fill_null(0), second.fill_null(0)
        valid = (
            year_text.notnull()
            & (year >= 0)
            & month.between(1, 12)
            & (day >= 1)
            & (day <= _days_in(year, month))
            & hour.between(0, 23)
            & minute.between(0, 59)
            & second.between(0, 59)
            & ok
        )
        digits = (
            ibis.literal("000000")
            if fraction is None
            else fraction.fill_null("").concat("000000").substr(0, 6)
        )
        text = _pad(year, 4).concat(
            "-", _pad(month, 2), "-", _pad(day, 2), " ", _pad(hour, 2), ":", _pad(minute, 2),
            ":", _pad(second, 2), ".", digits,
        )  # fmt: skip
        return ibis.cases((valid.fill_null(False), text), else_=ibis.null("string"))

    def _naive(self, text: ir.StringValue) -> ir.TimestampValue:
        """A time without a zone, read in the project's time zone, as polars reads it: a time
        the clocks skip (02:30 as summer time begins) is no time; one they pass twice (as it
        ends) is the earlier. The engine's own conversion is checked by converting back."""
        if self.timezone == "UTC":
            return text.concat("+00:00").cast(UTC)
        local = text.cast(NAIVE)
        zones = ZONE_FUNCTIONS[self.dialect]
        instant = zones.to_utc(local, self.timezone)
        candidates = [instant - ibis.interval(minutes=m) for m in (60, 30)] + [instant]
        return ibis.cases(
            *((zones.to_local(c, self.timezone) == local, c) for c in candidates),
            else_=ibis.null(UTC),
        )

    def _epoch_ms(self, ms: ir.IntegerValue) -> ir.TimestampValue:
        """Milliseconds since 1970 (as the HubSpot API writes them)."""
        if self.dialect in ("spark", "databricks", "postgres"):
            epoch = ibis.literal("1970-01-01 00:00:00+00:00").cast(UTC)
            value = epoch + (ms // 1000).as_interval("s") + (ms % 1000).as_interval("ms")
        else:
            value = ms.as_timestamp("ms").cast(UTC)
        return ibis.cases((ms.notnull(), value), else_=ibis.null(UTC))


def _when(matched: ir.Value, value: ir.StringValue) -> ir.StringValue:
    return ibis.cases((matched, value.nullif("")), else_=ibis.null("string"))


def _int(value: ir.Value) -> ir.IntegerValue:
    return value if value.type().is_integer() else value.cast("int32")


def _pad(value: ir.IntegerValue, width: int) -> ir.StringValue:
    return value.cast("string").lpad(width, "0")


def _days_in(year: ir.IntegerValue, month: ir.IntegerValue) -> ir.IntegerValue:
    leap = ((year % 4) == 0) & (((year % 100) != 0) | ((year % 400) == 0))
    return ibis.cases(
        (month == 2, ibis.cases((leap, 29), else_=28)),
        (month.isin([4, 6, 9, 11]), 30),
        else_=31,
    )


class ZoneFunctions:
    """A dialect's conversions between a zone's wall-clock time and UTC."""

    def __init__(
        self,
        to_utc: Callable[[ir.TimestampValue, str], ir.TimestampValue],
        to_local: Callable[[ir.TimestampValue, str], ir.TimestampValue],
    ) -> None:
        self._to_utc, self._to_local = to_utc, to_local

    def to_utc(self, local: ir.TimestampValue, zone: str) -> ir.TimestampValue:
        return self._to_utc(local, zone).cast(UTC)

    def to_local(self, instant: ir.TimestampValue, zone: str) -> ir.TimestampValue:
        return self._to_local(instant, zone).cast(NAIVE)


_timezone_utc = builtin("timezone", dt.string, NAIVE, UTC)
_timezone_local = builtin("timezone", dt.string, UTC, NAIVE)
_to_utc_timestamp = builtin("to_utc_timestamp", NAIVE, dt.string, NAIVE)
_from_utc_timestamp = builtin("from_utc_timestamp", UTC, dt.string, NAIVE)
_bq_timestamp = builtin("timestamp", NAIVE, dt.string, UTC)
_bq_datetime = builtin("datetime", UTC, dt.string, NAIVE)
_convert_timezone = builtin("convert_timezone", dt.string, dt.string, NAIVE, NAIVE)

_SPARK = ZoneFunctions(lambda t, z: _to_utc_timestamp(t, z), lambda t, z: _from_utc_timestamp(t, z))
ZONE_FUNCTIONS: dict[str, ZoneFunctions] = {
    "duckdb": ZoneFunctions(lambda t, z: _timezone_utc(z, t), lambda t, z: _timezone_local(z, t)),
    "postgres": ZoneFunctions(lambda t, z: _timezone_utc(z, t), lambda t, z: _timezone_local(z, t)),
    "spark": _SPARK,
    "databricks": _SPARK,
    "bigquery": ZoneFunctions(lambda t, z: _bq_timestamp(t, z), lambda t, z: _bq_datetime(t, z)),
    "snowflake": ZoneFunctions(
        lambda t, z: _convert_timezone(z, "UTC", t),
        lambda t, z: _convert_timezone("UTC", z, t.cast(NAIVE)),
    ),
}
