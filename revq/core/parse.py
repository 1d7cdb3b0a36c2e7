"""Text values -> typed values (numbers, booleans, timestamps, picklists).

Each parser returns an expression that is null exactly where the text did not parse, so the
loader can quarantine those rows instead of turning bad values into silent nulls.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from revq.core.schema import LINE, UTC_DATETIME

_CURRENCY = r"^(?:[A-Z]{3}\s*|[$€£¥₹]\s*)|(?:\s*[A-Z]{3}|\s*[$€£¥₹])$"
_SPACES = r"[\s\u00a0\u202f']"  # thousands separators written as spaces or apostrophes

_NUMBER_DOT = r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?$"
_NUMBER_COMMA = r"^[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,\d+)?$"


def parse_number(expr: pl.Expr, decimal: str = ".") -> pl.Expr:
    """'1,200' -> 1200.0; 'USD 350,000,000.00' -> 3.5e8; '(1,200)' -> -1200.0.

    Under decimal ',' the roles swap: '1.234.567,89' -> 1234567.89. A value whose grouping
    does not fit the locale ('1,5' under '.') fails rather than being misread.
    """
    s = expr.cast(pl.String).str.strip_chars()
    negative = s.str.contains(r"^\(.*\)$")
    s = s.str.strip_prefix("(").str.strip_suffix(")").str.strip_chars()
    s = s.str.replace_all(_CURRENCY, "").str.replace_all(_SPACES, "")
    has_digit = s.str.contains(r"\d")
    if decimal == ",":
        ok = s.str.contains(_NUMBER_COMMA) & has_digit
        s = s.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True)
    else:
        ok = s.str.contains(_NUMBER_DOT) & has_digit
        s = s.str.replace_all(",", "", literal=True)
    value = pl.when(ok).then(s).cast(pl.Float64, strict=False)
    return pl.when(negative).then(-value).otherwise(value)


# Past 2^53 a double no longer holds every whole number, so a sum of money is no longer exact
# to the unit; and an export's 1.7e308 (a placeholder, a typo) would make sums of two of them
# infinite: a pipeline of `inf`, an average deal that JSON cannot hold.
MAX_AMOUNT = 2.0**53


def within_amount(value: pl.Expr) -> pl.Expr:
    """An amount of money, or null (not a value) at MAX_AMOUNT or more either side of zero:
    NaN and the infinities too."""
    return pl.when(value.abs() < MAX_AMOUNT).then(value)


def parse_integer(expr: pl.Expr, decimal: str = ".") -> pl.Expr:
    value = parse_number(expr, decimal)
    return pl.when(value == value.floor()).then(value).cast(pl.Int64, strict=False)


TRUE_TEXT = ("true", "t", "yes", "y", "1", "x", "checked", "on")
_FALSE = ("false", "f", "no", "n", "0", "unchecked", "off")


def parse_boolean(expr: pl.Expr) -> pl.Expr:
    s = expr.cast(pl.String).str.strip_chars().str.to_lowercase()
    mapping = {**dict.fromkeys(TRUE_TEXT, True), **dict.fromkeys(_FALSE, False)}
    return s.replace_strict(mapping, default=None, return_dtype=pl.Boolean)


_TZ_FORMATS = (
    "%Y-%m-%dT%H:%M:%S%.f%#z",
    "%Y-%m-%dT%H:%M:%S%#z",
    "%Y-%m-%dT%H:%M%#z",
    "%Y-%m-%d %H:%M:%S%.f%#z",
    "%Y-%m-%d %H:%M:%S%#z",
    "%Y-%m-%d %H:%M:%S %#z",
    "%Y-%m-%d %H:%M:%S%.f %#z",
)
_ISO_NAIVE = (
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
)
_TIMES = ("", " %H:%M", " %H:%M:%S", " %I:%M %p", " %I:%M:%S %p", " %I:%M%p", ", %I:%M %p")
_NUMERIC_DATE = r"^(\d{1,2})([/.\-])(\d{1,2})[/.\-](\d{4})(?:[ ,T].*)?$"


@dataclass(frozen=True)
class DateSettings:
    order: str  # auto, dmy, mdy
    timezone: str
    fmt: str | None = None


def _order_formats(order: str) -> list[str]:
    out: list[str] = []
    for sep in ("/", "-", "."):
        date = f"%d{sep}%m{sep}%Y" if order == "dmy" else f"%m{sep}%d{sep}%Y"
        out.extend(date + t for t in _TIMES)
    return out


class DateOrderUnknown(ValueError):
    """The day/month order of a column cannot be told: what is wrong and on which line. Core
    knows no file; the loader names it."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def may_be_numeric_date(expr: pl.Expr) -> pl.Expr:
    """True of every value resolve_date_order reads (a day and month in digits, 3/5/2026) and
    of a few more: a cheap test on the text as given, so that the rows it leaves out need not
    be stripped or held to be resolved."""
    return expr.cast(pl.String).str.contains(r"^\s*\d{1,2}[/.\-]")


def resolve_date_order(values: pl.Series, settings: DateSettings, lines: pl.Series) -> str:
    """Decide day-first or month-first for '3/5/2026'-style values; refuse to guess (raises
    DateOrderUnknown)."""
    if settings.order != "auto":
        return settings.order
    # Only values shaped like 3/5/2026 say anything; an ISO column has none, and testing for the
    # shape first spares building the groups of every value.
    numeric = (
        pl.DataFrame({"v": values, LINE: lines})
        .lazy()
        .select(pl.col("v").cast(pl.String).str.strip_chars(), LINE)
        .filter(pl.col("v").str.contains(_NUMERIC_DATE))
        .collect()
    )
    parts = numeric.select(
        pl.col("v").str.extract_groups(_NUMERIC_DATE).alias("g"), pl.col(LINE), pl.col("v")
    ).unnest("g")
    parts = parts.filter(pl.col("1").is_not_null()).with_columns(
        pl.col("1").cast(pl.Int64).alias("a"), pl.col("3").cast(pl.Int64).alias("b")
    )
    if parts.height == 0:
        return "mdy"  # no such values: the order never matters
    a_day = parts.filter(pl.col("a") > 12)
    b_day = parts.filter(pl.col("b") > 12)
    if a_day.height and b_day.height:
        raise DateOrderUnknown(
            f"mixes day-first ({a_day['v'][0]!r}, line {a_day[LINE][0]}) and month-first "
            f"({b_day['v'][0]!r}, line {b_day[LINE][0]}) dates; fix the export or set a "
            "date format for this column",
            line=int(b_day[LINE][0]),
        )
    if a_day.height:
        return "dmy"
    if b_day.height:
        return "mdy"
    if bool((parts["2"] == ".").all()):
        return "dmy"  # dotted numeric dates (05.03.2026) are day-first wherever they are used
    raise DateOrderUnknown(
        f"ambiguous date {parts['v'][0]!r}: day/month order cannot be told from the data; "
        "set load.date_order to dmy or mdy (or pass --date-order)",
        line=int(parts[LINE][0]),
    )


def _known_formats(order: str) -> tuple[list[str], list[str]]:
    return list(_TZ_FORMATS), [*_ISO_NAIVE, *_order_formats(order)]


def datetime_formats_for(sample: pl.Series, order: str) -> list[str]:
    """The known formats that parse at least one value of `sample`, in priority order (a
    format with fractional seconds only where the sample needs it)."""
    aware, naive = _known_formats(order)
    s = sample.cast(pl.String).str.strip_chars().str.replace(_ZONE_WORD, "+0000")
    frame = s.to_frame("v")
    hits = frame.select(
        pl.col("v").str.to_datetime(f, strict=False, time_unit="us").is_not_null().any().alias(f)
        for f in (*aware, *naive)
    ).row(0, named=True)
    return _without_needless_fractions(frame, [f for f, hit in hits.items() if hit])


def _without_needless_fractions(frame: pl.DataFrame, formats: list[str]) -> list[str]:
    """The formats, less those with fractional seconds (%.f) where the same format without them
    reads every value of the sample that they read. Both give the same time for a value without
    a fraction, and reading an optional fraction is several times slower: a column without
    fractions should not pay for it on every row (a value with one goes to the full parser)."""
    twins = {f: f.replace("%.f", "") for f in formats if "%.f" in f}
    twins = {f: twin for f, twin in twins.items() if twin in formats}
    if not twins:
        return formats

    def parsed(f: str) -> pl.Expr:
        return pl.col("v").str.to_datetime(f, strict=False, time_unit="us").is_not_null()

    needed = frame.select(
        (parsed(f) & ~parsed(twin)).any().alias(f) for f, twin in twins.items()
    ).row(0, named=True)
    return [f for f in formats if needed.get(f, True)]


_ZONE_WORD = r"(?i)\s*(?:UTC|GMT|Z)$"
_EPOCH_MS = r"^\d{13}$"


@dataclass(frozen=True)
class DatetimeShapes:
    """What a sample of a column's values needs of the parser: the formats that read them, and
    whether any is padded, ends in a zone word (UTC, GMT, Z) or is epoch milliseconds. A parser
    built for these alone is the fast one; values of other shapes fall to the full parser."""

    formats: list[str]
    padded: bool = True
    zone_words: bool = True
    epoch: bool = True
    # Every value ends in a Z right after its time (2026-01-21T14:16:54Z), as most exports and
    # APIs write UTC: the Z is read as part of the format, a fast fixed pattern, instead of
    # being rewritten to +0000 and read as an offset.
    zulu: bool = False
    # Whether values repeat (a date without a time, a time to the hour): polars then keeps each
    # distinct value's parse, a saving where values repeat and a cost where each differs (event
    # times to the second), so the sample decides.
    repeats: bool = True


def datetime_shapes(sample: pl.Series, order: str) -> DatetimeShapes:
    """The shapes of a sample of a column's values, as drawn (a value drawn twice tells that
    values repeat)."""
    text = sample.cast(pl.String).drop_nulls()
    repeats = text.n_unique() <= text.len() // 2
    sample = text.unique(maintain_order=True)
    flags = text.to_frame("v").select(
        (pl.col("v") != pl.col("v").str.strip_chars()).any().alias("padded"),
        pl.col("v").str.strip_chars().str.contains(_ZONE_WORD).any().alias("zone_words"),
        pl.col("v").str.strip_chars().str.contains(_EPOCH_MS).any().alias("epoch"),
        pl.col("v").str.strip_chars().str.contains(r"\dZ$").all().alias("zulu"),
    )
    formats = datetime_formats_for(sample, order)
    return DatetimeShapes(formats, **flags.row(0, named=True), repeats=repeats)


def parse_datetime(
    expr: pl.Expr,
    order: str,
    timezone: str,
    fmt: str | None = None,
    formats: list[str] | None = None,
    shapes: DatetimeShapes | None = None,
) -> pl.Expr:
    """Text -> UTC timestamp. Naive values are read in `timezone`.

    `formats` narrows the candidates (for speed); by default every known format is tried.
    `shapes` narrows them further, to the formats and spellings a sample uses."""
    if shapes is not None:
        formats = shapes.formats
    s = expr.cast(pl.String)
    if shapes is None or shapes.padded:
        s = s.str.strip_chars()
    zulu = shapes is not None and shapes.zulu
    cache = shapes is None or shapes.repeats
    if (shapes is None or shapes.zone_words) and not zulu:
        s = s.str.replace(_ZONE_WORD, "+0000")

    def naive(f: str) -> pl.Expr:
        return (
            s.str.to_datetime(f, strict=False, time_unit="us", cache=cache)
            .dt.replace_time_zone(timezone, ambiguous="earliest", non_existent="null")
            .dt.convert_time_zone("UTC")
        )

    def with_offset(f: str) -> pl.Expr:
        if zulu:
            utc = s.str.to_datetime(
                f.replace("%#z", "Z"), strict=False, time_unit="us", cache=cache
            )
            return utc.dt.replace_time_zone("UTC")
        return s.str.to_datetime(f, strict=False, time_unit="us", time_zone="UTC", cache=cache)

    if fmt is not None:
        if "%z" in fmt or "%#z" in fmt:
            return s.str.to_datetime(fmt, strict=False, time_unit="us").dt.convert_time_zone("UTC")
        return naive(fmt)
    all_aware, all_naive = _known_formats(order)
    chosen = set(formats) if formats is not None else set(all_aware) | set(all_naive)
    aware = [with_offset(f) for f in all_aware if f in chosen]
    epoch_ms = (
        pl.when(s.str.contains(_EPOCH_MS))
        .then(s.cast(pl.Int64, strict=False))
        .cast(pl.Datetime("ms"))
        .cast(pl.Datetime("us"))
        .dt.replace_time_zone("UTC")
    )
    naive_all = [naive(f) for f in all_naive if f in chosen]
    parsers = [*aware, *naive_all, *([epoch_ms] if shapes is None or shapes.epoch else [])]
    if len(parsers) == 1:
        return parsers[0].cast(UTC_DATETIME)
    if not parsers:  # no value of the sample parses: every value goes to the full parser
        return pl.lit(None, dtype=UTC_DATETIME)
    return pl.coalesce(*parsers).cast(UTC_DATETIME)


def map_labels(expr: pl.Expr, mapping: dict[str, str]) -> pl.Expr:
    """Picklist label -> canonical value, ignoring case and surrounding/double spaces."""
    normalised = {" ".join(k.lower().split()): v for k, v in mapping.items()}
    key = expr.cast(pl.String).str.strip_chars().str.to_lowercase().str.replace_all(r"\s+", " ")
    return key.replace_strict(normalised, default=None, return_dtype=pl.String)
