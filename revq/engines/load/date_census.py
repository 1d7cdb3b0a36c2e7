"""What the text date columns of a table hold, found by one aggregate query in the engine:
which shapes of date occur (so the query that reads them reads those shapes alone; ISO dates
with their parts in place, by position, where no other dash date occurs), and the
day/month order of dates like 3/5/2026, as revq.core.parse.resolve_date_order finds it:
13/5/2026 says day-first, 5/13/2026 month-first, 05.03.2026 is day-first; a column that never
says, or says both, is an error naming a value, not a guess."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import ibis
import ibis.expr.types as ir
import polars as pl

from revq.engines.load.text import as_string
from revq.engines.load.timestamps import AS_WRITTEN, ISO, REAL_ISO, SHAPES, Timestamps
from revq.errors import InputError

NUMERIC_DATE = "^([0-9]{1,2})([/.-])([0-9]{1,2})[/.-]([0-9]{4})([ ,T].*)?$"
Collect = Callable[[ir.Table], pl.DataFrame]


@dataclass(frozen=True)
class ColumnCensus:
    """The shapes a date column's values have (`iso` for dash dates that are all ISO 8601 with
    their parts in place; with `iso_as_written` where every value is a real ISO time as it is
    written), and its day/month order (dmy or mdy; None where the load options set it)."""

    shapes: frozenset[str] = SHAPES
    order: str | None = None


def take_census(
    raw: ir.Table,
    headers: Mapping[str, bool],
    stamps: Timestamps,
    collect: Collect,
    name: Path,
    *,
    fixed: bool = False,
) -> dict[str, ColumnCensus]:
    """The census of each text date column (header -> whether its order is to be found).
    `fixed`: the table is a file, whose values cannot change before the query that reads them,
    so that a column found to be all real ISO times as written is read without checking
    them again."""
    if not headers:
        return {}
    # Each value's shape is found in steps, each reading the columns of the one before, so
    # that each pattern runs once a value (written as one expression, every measure would
    # repeat the patterns it reads).
    columns = {f"v{i}": as_string(raw[h]) for i, h in enumerate(headers)}
    table = raw.select(**columns)
    # A value that is ISO as it is needs no trimming: most are, and trimming costs a pattern
    # a value too. Most are also real times, and a real time is ISO: one pattern a value
    # says both.
    table = table.mutate(
        **{
            f"real{i}": table[f"v{i}"].re_search(REAL_ISO).fill_null(False)
            for i in range(len(headers))
        }
    )
    table = table.mutate(
        **{
            f"iso_as_is{i}": ibis.cases(
                (table[f"real{i}"], True), else_=table[f"v{i}"].re_search(ISO).fill_null(False)
            )
            for i in range(len(headers))
        }
    )
    # The others trimmed; an ISO value is a dash date and of no other shape (nor like
    # 3/5/2026): the other patterns read the other values alone (`s`), and dash dates among
    # those say that the column is not all ISO.
    table = table.mutate(
        **{
            f"trimmed{i}": ibis.cases(
                (table[f"iso_as_is{i}"], ibis.null("string")), else_=stamps.t.strip(table[f"v{i}"])
            )
            for i in range(len(headers))
        }
    )
    table = table.mutate(
        **{
            f"iso{i}": table[f"iso_as_is{i}"] | table[f"trimmed{i}"].re_search(ISO).fill_null(False)
            for i in range(len(headers))
        }
    )
    table = table.mutate(
        **{
            f"s{i}": ibis.cases(
                (table[f"iso{i}"], ibis.null("string")),
                else_=stamps.normalise_text(table[f"trimmed{i}"], trimmed=True),
            )
            for i in range(len(headers))
        }
    )
    measures: dict[str, ir.Value] = {}
    for i, sniff in enumerate(headers.values()):
        value, s = table[f"v{i}"], table[f"s{i}"]
        measures[f"not_written{i}"] = _count(value.notnull() & ~table[f"real{i}"])
        for shape, pattern in stamps.patterns.items():
            measures[f"{shape}{i}"] = _count(s.re_search(pattern))
        measures[f"iso{i}"] = _count(table[f"iso{i}"])
        if not sniff:
            continue
        shaped = s.re_search(NUMERIC_DATE).fill_null(False)
        first = s.re_extract(NUMERIC_DATE, 1).nullif("").cast("int32")
        second = s.re_extract(NUMERIC_DATE, 3).nullif("").cast("int32")
        undotted = s.re_extract(NUMERIC_DATE, 2) != "."
        measures.update(
            {
                f"n{i}": shaped.cast("int64").sum(),
                f"day_first{i}": s.min(where=shaped & (first > 12)),
                f"month_first{i}": s.min(where=shaped & (second > 12)),
                f"undotted{i}": (shaped & undotted).cast("int64").sum(),
                f"example{i}": s.min(where=shaped),
            }
        )
    row = collect(table.aggregate(**measures)).row(0, named=True)
    out = {}
    for i, (header, sniff) in enumerate(headers.items()):
        shapes = frozenset(s for s in stamps.patterns if row[f"{s}{i}"])
        if row[f"iso{i}"]:
            shapes |= {"dash"} if row[f"dash{i}"] else {"iso"}
            if fixed and not row[f"not_written{i}"]:
                shapes |= {AS_WRITTEN}
        order = _order(row, i, header, name) if sniff else None
        out[header] = ColumnCensus(shapes, order)
    return out


def _count(matched: ir.BooleanValue) -> ir.IntegerValue:
    return matched.fill_null(False).cast("int64").sum()


def _order(row: Mapping[str, object], i: int, header: str, name: Path) -> str:
    if not row[f"n{i}"]:
        return "mdy"  # no value shaped like 3/5/2026: the order never matters
    day_first, month_first = row[f"day_first{i}"], row[f"month_first{i}"]
    if day_first is not None and month_first is not None:
        raise InputError(
            name,
            f"mixes day-first ({day_first!r}) and month-first ({month_first!r}) dates; fix the "
            "export or set a date format for this column",
            column=header,
        )
    if day_first is not None:
        return "dmy"
    if month_first is not None:
        return "mdy"
    if not row[f"undotted{i}"]:
        return "dmy"  # dotted numeric dates (05.03.2026) are day-first wherever they are used
    raise InputError(
        name,
        f"ambiguous date {row[f'example{i}']!r}: day/month order cannot be told from the "
        "data; set load.date_order to dmy or mdy (or pass --date-order)",
        column=header,
    )
