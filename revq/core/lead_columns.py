"""What each column of a leads export can become in a scoring config: levels (a rule per
value), bands (a rule per range of a number), a date, or nothing (an identifier, free text, one
value only). The values are read as the scoring engine reads them, so a level or a band counts
the very leads its rule will fire for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import polars as pl

from revq.core.parse import parse_datetime
from revq.core.profile import infer_text_type
from revq.core.schema import LINE, SOURCE_FILE

Kind = Literal["levels", "bands", "date", "skip"]

# Columns that name or locate a lead, or that revq derives from its email: never a rule.
IDENTITY = frozenset(
    {
        LINE,
        SOURCE_FILE,
        "lead_id",
        "email",
        "email_normalised",
        "email_domain",
        "account_key",
        "first_name",
        "last_name",
        "company",
        "website",
        "master_record_id",
        "merged_record_ids",
        "converted_opportunity_id",
    }
)
# A key to another record (contact_account_id, AccountId, Owner ID): which record a lead is
# joined to, not what the lead is, even where a few keys repeat often enough to look like levels.
KEY = re.compile(r"(?i:(?:^|[\s_.-])(?:id|key)$)|[a-z0-9](?:Id|ID|Key)$")
# Columns revq derives at load, from columns the export may not have.
DERIVED = frozenset({"is_personal_email"})
# A text column with more distinct values than this is free text or an identifier, not a
# picklist a rule per value can cover.
MAX_LEVELS = 50
# A number with this many distinct values or fewer is read as levels (a rating, a 0/1 flag).
FEW_NUMBERS = 5
# Share of a text column's values the engine must read as numbers for it to be banded.
NUMERIC_SHARE = 0.98

ENGAGEMENT = re.compile(
    r"visit|view|page|session|time.?spent|time.?on|minutes|seconds|duration|click|open|"
    r"download|webinar|event|activit|engag|form.?(?:fill|sub)|submission|demo|trial|login|"
    r"usage|chat|\bcounts?\b|_counts?\b|number.?of|^num_|^n_",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ColumnKind:
    """What a column can become, and why a column that becomes nothing does not.

    Attributes:
        column: its name in the leads.
        kind: levels, bands, date or skip.
        why: for a skipped column, the reason in a few words; none for the columns that name
            the lead, which no one would expect to be scored.
        engagement: a count or a measure of what the lead did (visits, time on site): intent,
            where other columns are fit.
    """

    column: str
    kind: Kind
    why: str = ""
    engagement: bool = False
    day_first: bool = False  # a date written as text, day before month


def number_expr(column: str, dtype: pl.DataType) -> pl.Expr:
    """A column's values as the engine compares them with numbers: a text column's values
    cast as they are (a value that is not a number is unknown), NaN unknown."""
    col = pl.col(column)
    if dtype.is_numeric():
        return col.cast(pl.Float64).fill_nan(None)
    return col.cast(pl.String).str.strip_chars().cast(pl.Float64, strict=False).fill_nan(None)


def level_key(column: str, dtype: pl.DataType) -> pl.Expr:
    """A column's values as the engine's `equals` tells them apart: text trimmed and in lower
    case ('Google' and 'google ' are one level), other types as they are, as text."""
    col = pl.col(column)
    if dtype == pl.String:
        return col.str.strip_chars().str.to_lowercase()
    return col.cast(pl.String)


def date_expr(kind: ColumnKind, dtype: pl.DataType) -> pl.Expr:
    """A date column as UTC timestamps: a date written as text read as the profile found it
    written (text without a zone read as UTC)."""
    col = pl.col(kind.column)
    if dtype == pl.Date:
        return col.cast(pl.Datetime("us")).dt.replace_time_zone("UTC")
    if isinstance(dtype, pl.Datetime):
        if dtype.time_zone is None:  # a typed export's naive timestamps, read as UTC
            return col.dt.replace_time_zone("UTC")
        return col.dt.convert_time_zone("UTC")
    if dtype.is_temporal():  # a time of day or a duration is no date
        return pl.lit(None, dtype=pl.Datetime("us", "UTC"))
    return parse_datetime(col, "dmy" if kind.day_first else "mdy", "UTC")


def is_engagement(column: str) -> bool:
    """A name that says what the lead did: visits, page views, time on site, event counts."""
    return bool(ENGAGEMENT.search(column))


def kind_of(frame: pl.DataFrame, column: str) -> ColumnKind:
    """What `column` of `frame` can become in a scoring config."""
    s = frame[column]
    dtype = s.dtype
    if column in IDENTITY or column.startswith("_"):
        return ColumnKind(column, "skip")  # not worth saying: no one scores a lead by its id
    if dtype.is_temporal():
        return ColumnKind(column, "date")
    if KEY.search(column):
        return ColumnKind(column, "skip", "a key to another record")
    if not (dtype == pl.String or dtype == pl.Boolean or dtype.is_numeric()):
        return ColumnKind(column, "skip", f"{dtype} values")
    present = s.drop_nulls()
    if dtype == pl.String:
        present = present.filter(present.str.strip_chars() != "")
    if present.len() == 0:  # revq's own is_personal_email is empty without emails: no news
        return ColumnKind(column, "skip", "" if column in DERIVED else "always empty")
    keys = frame.select(level_key(column, dtype).alias("k"))["k"].drop_nulls()
    distinct = keys.n_unique()
    if distinct == 1 and s.null_count() == 0:
        return ColumnKind(column, "skip", "one value only")
    engagement = is_engagement(column)
    numbers = frame.select(number_expr(column, dtype).alias("n"))["n"].drop_nulls()
    numeric = numbers.len() >= NUMERIC_SHARE * present.len()
    if numeric and numbers.n_unique() > FEW_NUMBERS:
        whole = bool((numbers == numbers.floor()).all())
        if whole and numbers.n_unique() >= 0.95 * present.len() and not engagement:
            return ColumnKind(column, "skip", "a number unique to each lead")
        return ColumnKind(column, "bands", engagement=engagement)
    if dtype == pl.String:
        text_type = infer_text_type(present)
        if text_type.startswith("datetime"):
            return ColumnKind(column, "date", day_first=text_type != "datetime")
    if distinct > MAX_LEVELS:
        return ColumnKind(column, "skip", f"over {MAX_LEVELS} distinct values")
    return ColumnKind(column, "levels", engagement=engagement)


def column_kinds(frame: pl.DataFrame, leave: frozenset[str] = frozenset()) -> list[ColumnKind]:
    """Every column of `frame` but those in `leave` (the outcome), in the frame's order."""
    return [kind_of(frame, c) for c in frame.columns if c not in leave]
