"""How each mapped column of an export is typed, checked and defaulted: the parsers the loader
applies whether it holds the file (load_table) or reads it as it goes (scan_parquet_table).

A parser is chosen from the column's type and, where that is not enough, a look at its values
(the distinct labels of a picklist, a sample of a date column's formats); `frame` is the raw
export, held or as a plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import polars as pl

from revq.config.models import LoadOptions
from revq.core.few_values import distinct, few, sampled_few
from revq.core.parse import (
    DateOrderUnknown,
    DateSettings,
    datetime_shapes,
    map_labels,
    may_be_numeric_date,
    parse_boolean,
    parse_datetime,
    parse_integer,
    parse_number,
    resolve_date_order,
    within_amount,
)
from revq.core.schema import LINE, Kind
from revq.errors import InputError
from revq.io.mapping import Detection

Raw = pl.DataFrame | pl.LazyFrame
Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)

PLACEHOLDERS = ("select", "--none--", "n/a", "#n/a", "null", "none", "-", "?", "unknown")


@dataclass(frozen=True)
class Parser:
    """How one column is parsed: a fast expression for the common shapes of its values, and,
    when that can miss valid values, a complete one applied only to the rows it missed."""

    fast: pl.Expr
    full: pl.Expr | None = None


def present(src: pl.Series) -> pl.Series:
    """Cells holding a value: not null, and not blank text."""
    # As an expression polars fuses the strip into the comparison; on the Series it first builds
    # the whole stripped column (350 MB and 0.5 s for 10M emails, against 20 MB and 0.1 s).
    return src.to_frame().lazy().select(is_present(src.name, src.dtype)).collect().to_series()


def is_present(header: str, dtype: pl.DataType, clean: bool = False) -> pl.Expr:
    """`clean`: no value of the column has whitespace around it (check_texts), so a blank
    value is an empty one, told without stripping every value."""
    value = pl.col(header)
    if dtype != pl.String:
        return value.is_not_null()
    if clean:
        return (value.is_not_null() & (value != "")).fill_null(False)
    return (value.is_not_null() & ~(value.str.strip_chars() == "")).fill_null(False)


def blank_to_null(text: pl.Expr, streaming: bool) -> pl.Expr:
    # polars cannot stream a replace (one text column of 10M leads held: 1.26 GB); held, the
    # replace is the faster.
    return pl.when(text != "").then(text) if streaming else text.replace("", None)


def _resolve_format(opts: LoadOptions, canonical: str, header: str) -> str | None:
    return opts.date_formats.get(canonical) or opts.date_formats.get(header)


def typed_column(
    raw: Raw,
    path: Path,
    canonical: str,
    header: str,
    kind: Kind,
    opts: LoadOptions,
    tz: str,
    values: dict[str, str],
    streaming: bool = False,
    clean: set[tuple[str, Kind]] | None = None,
) -> Parser:
    """`clean`: the (header, kind) pairs check_texts found clean, when it was asked of every
    column at once; else each held text column is tested here."""
    src = pl.col(header)
    dtype = raw.collect_schema()[header]
    text = src.cast(pl.String).str.strip_chars()
    if kind is Kind.ID and dtype.is_float():
        # pandas stores an integer id column with gaps as floats: 81585149.0 is id 81585149,
        # the same lead as in a CSV export, or joins with other files would silently miss.
        # A whole value past the 64-bit integers stays as written, as NaN and inf do.
        whole = src.is_finite() & (src == src.floor()) & (src.abs() < 2.0**63)
        integer = src.cast(pl.Int64, strict=False)  # (evaluated on every row, used on whole ones)
        return Parser(pl.when(whole).then(integer.cast(pl.String)).otherwise(text))
    if kind is Kind.TEXT and values:
        # Codes an export writes for names (Marketo's activity type ids): the listed ones are
        # named, any other value kept as it is. Mapped once per distinct value, as picklists.
        seen = _distinct(raw, header)
        named = pl.select(pl.coalesce(map_labels(pl.lit(seen), values), pl.lit(seen)))
        mapped = src.cast(pl.String).replace(seen, named.to_series()).str.strip_chars()
        return Parser(blank_to_null(mapped, streaming))
    if kind in (Kind.TEXT, Kind.ID):
        if isinstance(raw, pl.DataFrame) and dtype == pl.String:
            as_read = (header, kind) in clean if clean is not None else _clean(raw, header, kind)
            if as_read:
                return Parser(src)
        return Parser(blank_to_null(text, streaming) if kind is Kind.TEXT else text)
    if kind is Kind.NUMBER:
        number = _number(src, text, dtype, opts.decimal)
        if canonical not in AMOUNTS:
            return number
        full = None if number.full is None else within_amount(number.full)
        return Parser(within_amount(number.fast), full)
    if kind is Kind.INTEGER:
        if dtype.is_integer():
            return Parser(src.cast(pl.Int64))
        return Parser(text.cast(pl.Int64, strict=False), parse_integer(src, opts.decimal))
    if kind is Kind.BOOLEAN:
        return Parser(src if dtype == pl.Boolean else parse_boolean(src))
    if kind is Kind.DATETIME:
        if dtype.is_temporal():
            zoned = src.cast(pl.Datetime("us"))
            if getattr(dtype, "time_zone", None) is None:
                zoned = zoned.dt.replace_time_zone(tz)
            return Parser(zoned.dt.convert_time_zone("UTC"))
        fmt = _resolve_format(opts, canonical, header)
        if fmt is not None:
            return Parser(parse_datetime(src, "mdy", tz, fmt))
        given = raw.lazy().select(LINE, header).filter(pl.col(header).is_not_null())
        # Only values shaped like 3/5/2026 tell the day/month order: the rest are not held.
        numeric = given.filter(may_be_numeric_date(pl.col(header)))
        first, last, numeric_dates = pl.collect_all([given.head(1000), given.tail(1000), numeric])
        try:
            order = resolve_date_order(
                numeric_dates[header], DateSettings(opts.date_order, tz), numeric_dates[LINE]
            )
        except DateOrderUnknown as exc:
            raise InputError(path, exc.message, line=exc.line, column=header) from None
        # Try first only the formats a sample of the column uses; the rest only where needed.
        shapes = datetime_shapes(pl.concat([first[header], last[header]]), order)
        return Parser(parse_datetime(src, order, tz, shapes=shapes), parse_datetime(src, order, tz))
    # STAGE / DISPOSITION: picklists have few distinct labels: each is mapped once and rows
    # take their label's value (normalising every row's text is 3x slower on a 10M history).
    seen = _distinct(raw, header)
    canonical_of = pl.select(map_labels(pl.lit(seen), values)).to_series()
    return Parser(src.cast(pl.String).replace(seen, canonical_of))


def _number(src: pl.Expr, text: pl.Expr, dtype: pl.DataType, decimal: str) -> Parser:
    if dtype.is_numeric():
        number = src.cast(pl.Float64)
        return Parser(pl.when(number.is_finite()).then(number))  # inf is not a value
    if decimal == ",":
        return Parser(parse_number(src, ","))
    plain = text.cast(pl.Float64, strict=False)  # '1200.5', '1e6': the common case
    return Parser(pl.when(plain.is_finite()).then(plain), parse_number(src, "."))


def _clean(raw: pl.DataFrame, header: str, kind: Kind) -> bool:
    """Whether a held text column is already what its parser would make of it: no value with
    whitespace around it (and, for text, none empty). It is then used as it is: stripping
    builds a copy of every value (10M activity ids: 200 MB and a pass), and most exports'
    values need none."""
    return not raw.lazy().select(_unclean(header, kind).any()).collect().item()


def _unclean(header: str, kind: Kind) -> pl.Expr:
    value = pl.col(header)
    unclean = value.str.strip_chars().str.len_bytes() != value.str.len_bytes()
    return unclean | (value == "") if kind is Kind.TEXT else unclean


@dataclass(frozen=True)
class TextCheck:
    """What `check_texts` found of an export's held text and id columns. `clean`: the
    (header, kind) pairs whose values are what their parser would make of them (see _clean).
    `values`: of the clean text columns that hold few distinct values (`few_values`), those
    values by header, as the loader found them: the loaded column holds those or fewer."""

    clean: set[tuple[str, Kind]]
    values: dict[str, pl.Series]


def check_texts(raw: pl.DataFrame, columns: Iterable[tuple[str, Kind]]) -> TextCheck:
    """Of the (header, kind) pairs of text and id columns, those whose held values are what
    their parser would make of them, tested together: one pass over the export, its columns
    side by side. A text column of few distinct values is tested on those values, found in
    the same pass: each is then tested once, not once per row, and scoring needs no second
    pass to find the values its codes number (`Codes.of`'s `known`)."""
    pairs = sorted(
        {(h, k) for h, k in columns if k in (Kind.TEXT, Kind.ID) and raw.schema[h] == pl.String}
    )
    if not pairs:
        return TextCheck(set(), {})
    few_ones = sampled_few(raw, sorted({h for h, k in pairs if k is Kind.TEXT}))
    rows = [(h, k) for h, k in pairs if not (k is Kind.TEXT and h in few_ones)]
    plans = [*(distinct(raw, h) for h in few_ones), _any_unclean(raw, rows)]
    *found, by_row = pl.collect_all(plans)
    clean = _clean_of(rows, by_row)
    values = {}
    many = []  # few in the sample but not in all: tested row by row after all
    for header, frame in zip(few_ones, found, strict=True):
        seen = frame[header]
        if not few(seen):
            many.append((header, Kind.TEXT))
        elif not seen.to_frame().select(_unclean(header, Kind.TEXT).any()).item():
            clean.add((header, Kind.TEXT))
            values[header] = seen
    if many:
        clean |= _clean_of(many, _any_unclean(raw, many).collect())
    return TextCheck(clean, values)


def _any_unclean(raw: pl.DataFrame, pairs: Sequence[tuple[str, Kind]]) -> pl.LazyFrame:
    """One row: for each pair, whether any value of its column is unclean (see _clean)."""
    return raw.lazy().select(_unclean(h, k).any().alias(str(i)) for i, (h, k) in enumerate(pairs))


def _clean_of(pairs: Sequence[tuple[str, Kind]], found: pl.DataFrame) -> set[tuple[str, Kind]]:
    dirty = found.row(0) if pairs else ()
    return {pair for pair, unclean in zip(pairs, dirty, strict=True) if not unclean}


def _distinct(raw: Raw, header: str) -> pl.Series:
    return raw.lazy().select(pl.col(header).drop_nulls().unique().cast(pl.String)).collect()[header]


# The columns of money revq adds up (pipeline, revenue won): an amount out of range is
# quarantined with its row as a value that does not parse is.
AMOUNTS = frozenset({"amount"})

FAILURE_RULES = {
    Kind.NUMBER: "invalid_number",
    Kind.INTEGER: "invalid_integer",
    Kind.BOOLEAN: "invalid_boolean",
    Kind.DATETIME: "invalid_datetime",
}
EXPECTED = {
    Kind.NUMBER: "a number",
    Kind.INTEGER: "a whole number",
    Kind.BOOLEAN: "a boolean (true/false, yes/no, 1/0)",
    Kind.DATETIME: "a date or timestamp",
}


def _is_placeholder(col: str) -> pl.Expr:
    return pl.col(col).str.strip_chars().str.to_lowercase().is_in(PLACEHOLDERS)


def placeholder_warnings(raw: Raw, headers: list[str]) -> list[str]:
    schema = raw.collect_schema()
    text_cols = [h for h in headers if schema[h] == pl.String]
    if not text_cols:
        return []
    # Placeholders are picklist defaults, common wherever they occur: a sample finds the
    # columns, and only those are counted in full.
    sample = raw.lazy().head(20_000).select(text_cols).collect()
    if sample.height == 0:
        return []
    found = sample.select(_is_placeholder(h).any().alias(h) for h in text_cols).row(0)
    text_cols = [h for h, hit in zip(text_cols, found, strict=True) if hit]
    if not text_cols:
        return []
    lf = raw.lazy()
    counts = lf.select(_is_placeholder(h).sum().alias(h) for h in text_cols).collect()
    warnings = []
    for h in text_cols:
        if counts[h].item():
            seen = lf.filter(_is_placeholder(h)).select(pl.col(h).unique(maintain_order=True))
            examples = seen.head(3).collect()[h].to_list()
            warnings.append(
                f"column {h!r}: {counts[h].item()} placeholder values "
                f"({', '.join(map(repr, examples))}) "
                "look like 'not chosen'; add them to load.null_values to treat them as empty"
            )
    return warnings


def with_defaults(
    path: Path,
    staged: Frame,
    spec: Any,
    detection: Detection,
    opts: LoadOptions,
    tz: str,
) -> Frame:
    """Columns the export lacks, filled with a constant (parsed like the column): load.defaults,
    else the preset's for an export whose rows are all of one kind."""
    added = []
    for canonical, text in {**detection.constants, **opts.defaults}.items():
        if canonical in detection.mapping:
            continue
        if canonical not in spec.names:
            raise InputError(
                path,
                f"load.defaults names {canonical!r}, which is not a column of "
                f"the {detection.table} table",
            )
        kind = spec.column(canonical).kind
        value = pl.select(parse_constant(pl.lit(text), kind, opts, tz)).item()
        if value is None:
            raise InputError(
                path,
                f"load.defaults.{canonical}: {text!r} is not {EXPECTED.get(kind, 'a valid value')}",
            )
        added.append(pl.lit(value).alias(canonical))
    return staged.with_columns(added) if added else staged


def parse_constant(expr: pl.Expr, kind: Kind, opts: LoadOptions, tz: str) -> pl.Expr:
    if kind is Kind.BOOLEAN:
        return parse_boolean(expr)
    if kind is Kind.NUMBER:
        return parse_number(expr, opts.decimal)
    if kind is Kind.INTEGER:
        return parse_integer(expr, opts.decimal)
    if kind is Kind.DATETIME:
        return parse_datetime(expr, "mdy" if opts.date_order == "mdy" else "dmy", tz)
    return expr


def unmapped_label_warnings(
    raw: Raw, detection: Detection, spec: Any, opts: LoadOptions
) -> list[str]:
    out = []
    for canonical, header in detection.mapping.items():
        if spec.column(canonical).kind not in (Kind.STAGE, Kind.DISPOSITION):
            continue
        labels = {**detection.values.get(canonical, {}), **opts.values.get(canonical, {})}
        # A picklist has few distinct labels: map those, not every row.
        counts = (
            raw.lazy().select(header).drop_nulls().group_by(header).agg(pl.len().alias("n"))
        ).collect()
        mapped = counts.select(map_labels(pl.col(header), labels))[header]
        text = counts[header].cast(pl.String).str.strip_chars()
        unmapped = counts.filter(mapped.is_null() & (text != "")).sort(
            ["n", header], descending=[True, False]
        )
        if unmapped.height:
            shown = ", ".join(
                f"{r[header]!r} ({r['n']})" for r in unmapped.head(5).iter_rows(named=True)
            )
            out.append(
                f"column {header!r}: {unmapped['n'].sum()} values not mapped to a canonical "
                f"{canonical} ({shown}); map them under load.values.{canonical}"
            )
    return out
