"""An input with the tables joined into it (a lead's contact and account, an opportunity's
lead through an association table), every row accounted for: a row whose record is missing is
kept and counted, and a key found twice on the joined side is an error naming both lines."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from revq.core.derive import derive_lead_fields
from revq.core.relations import (
    FILLS,
    MOVED,
    duplicate_keys,
    events_of_contacts,
    join_record,
    key_text,
    one_link_each,
)
from revq.core.schema import DERIVED_LEAD_COLUMNS, LINE
from revq.errors import InputError, RevqError
from revq.io.load import LoadResult

# The id each table's records are named by.
OWN_ID = {"leads": "lead_id", "accounts": "account_id", "opportunities": "opportunity_id"}
# What one record of a table is called in messages.
NOUN = {"leads": "lead", "accounts": "account", "opportunities": "opportunity"}


@dataclass(frozen=True)
class Link:
    """An association table, read as found: its rows pair a `left` id with a `right` id."""

    path: Path
    frame: pl.DataFrame
    left: str
    right: str


@dataclass(frozen=True)
class Side:
    """A table joined into an input: its load, as what input, by which columns.

    Attributes:
        input: the input joined (contacts, accounts, leads).
        result: its rows, loaded without merging duplicates (a key twice is an error).
        on: the column of the rows joined into that names the record; None through a link.
        key: the joined table's column matched, canonical name or header; None: its own id.
        prefix: what its columns are called after once joined.
        link: the association table that pairs them, if any.
        where: where revq.yaml says this, for messages (`inputs.leads.join[0]`).
    """

    input: str
    result: LoadResult
    on: str | None
    key: str | None
    prefix: str
    link: Link | None
    where: str


@dataclass(frozen=True)
class JoinCount:
    """What one join found: of `rows` rows, `matched` found their record, `missing` named one
    that is not there (`example`: one such key and its line), `no_key` named none;
    `several`: rows an association table pairs with more than one record (the least id is
    taken)."""

    input: str
    file: str
    on: str
    rows: int
    matched: int
    missing: int
    no_key: int
    several: int = 0
    example: tuple[str, int, str | None] | None = None  # key, line, the row's own id


def default_prefix(input_name: str, table: str | None) -> str:
    """contact_ for the contacts, account_ for the accounts, lead_ for a lead."""
    if input_name == "contacts":
        return "contact_"
    return f"{NOUN.get(table or '', input_name.rstrip('s'))}_"


def join_inputs(left: LoadResult, sides: list[Side]) -> tuple[LoadResult, list[JoinCount]]:
    """`left` with each side joined into it in order, and what each join found."""
    table = left.table or ""
    lf = left.lazy()
    counts_of: list[tuple[Side, str, str, str | None]] = []  # side, key column, marker, on
    earlier: list[str] = []  # prefixes of the sides joined before
    for i, side in enumerate(sides):
        right = side.result
        key = _right_key(side)
        _refuse_duplicates(left, side, key)
        marker, key_column = f"_joined_{i}", f"_key_{i}"
        fills = FILLS.get((table, right.table or ""), {})
        if table == "leads":
            columns = _brought(side, key, lf.collect_schema().names())
        else:  # an opportunity needs its lead's id (the key itself), not every lead column
            columns = {c: f"_{side.prefix}{c}" for c in fills.values() if c in right.columns}
        if side.link is not None:
            own = side.on or OWN_ID.get(table, "lead_id")
            on = _left_columns(left, lf, own, earlier, side)
            pairs = one_link_each(
                side.link.frame.lazy(), side.link.left, side.link.right, "_from", key_column
            )
            lf = lf.with_columns(key_text(pl.coalesce([pl.col(c) for c in on])).alias("_from"))
            lf = lf.join(pairs, on="_from", how="left").drop("_from")
            lf = join_record(
                lf,
                right.lazy(),
                on=[key_column],
                key=key,
                columns=columns,
                fills=fills,
                marker=marker,
                key_column=key_column,
            ).rename({"_pairs": f"_pairs_{i}"})
            shown_on = f"{side.link.path.name} ({side.link.left} -> {side.link.right})"
        else:
            assert side.on is not None  # the config requires on or through
            on = _left_columns(left, lf, side.on, earlier, side)
            strip = _refers_by_at(lf, on, right.lazy(), key)
            lf = join_record(
                lf,
                right.lazy(),
                on=on,
                key=key,
                columns=columns,
                fills=fills,
                marker=marker,
                key_column=key_column,
                strip_at=strip,
            )
            shown_on = side.on
        if table != "leads":  # what was brought was only for the fills
            lf = lf.drop(columns.values())
        counts_of.append((side, key_column, marker, shown_on))
        earlier.append(side.prefix)
    own_id = OWN_ID.get(table)
    frame, counts = _collect_with_counts(
        lf, counts_of, left.accounting.rows_loaded, own_id if own_id in left.columns else None
    )
    filled = {c for s in sides for c in FILLS.get((table, s.result.table or ""), {})}
    if table == "leads" and filled & {"email", "website"}:
        # a lead's email domain and account key follow the email or website it was given
        derived = frame.drop([c for c in DERIVED_LEAD_COLUMNS if c in frame.columns])
        frame = derive_lead_fields(derived.lazy()).collect().select(frame.columns)
    # a filled column holds values of the other side's too
    values = {c: v for c, v in left.values.items() if c not in filled}
    return dataclasses.replace(left, rows=frame, values=values), counts


def contact_events(
    events: LoadResult, leads: pl.DataFrame, contact_column: str
) -> tuple[LoadResult, int]:
    """Events naming the contact of a lead (not the lead) given to that lead, and how many."""
    if "lead_id" not in events.columns or contact_column not in leads.columns:
        return events, 0
    moved = events_of_contacts(events.lazy(), leads.lazy(), contact_column).collect()
    count = int(moved[MOVED].sum())
    if not count:
        return events, 0
    frame = moved.drop(MOVED).sort(LINE)
    return dataclasses.replace(events, rows=frame), count  # (lead ids hold no kept values)


def _right_key(side: Side) -> str:
    right = side.result
    wanted = side.key or OWN_ID.get(right.table or "", "lead_id")
    columns = right.columns
    if wanted in columns:
        return wanted
    canonical = {header: c for c, header in right.mapping.items()}.get(wanted)
    if canonical is not None:
        return canonical
    raise RevqError(
        f"{side.where}.key: {wanted!r} is not a column of {right.path.name}; its columns: "
        + ", ".join(c for c in columns if not c.startswith("_"))
    )


def _left_columns(
    left: LoadResult, lf: pl.LazyFrame, on: str, earlier: list[str], side: Side
) -> list[str]:
    """The columns a row's key is read from: `on` itself (by canonical name or header), then
    `on` as the tables joined before brought it (the contact's account_id)."""
    names = lf.collect_schema().names()
    own = on if on in names else {h: c for c, h in left.mapping.items()}.get(on)
    found = ([own] if own in names else []) + [f"{p}{on}" for p in earlier if f"{p}{on}" in names]
    if not found:
        shown = ", ".join(c for c in names if not c.startswith("_"))
        raise RevqError(
            f"{side.where}.on: {on!r} is not a column of {left.path.name} or of a table joined "
            f"before {side.input}; its columns: {shown}"
        )
    return found


def _brought(side: Side, key: str, taken: list[str]) -> dict[str, str]:
    """The joined table's columns, as they are called once joined: its prefix before each
    (its key, which the rows already hold, its line and the columns revq derives stay
    behind)."""
    skip = {LINE, key, *DERIVED_LEAD_COLUMNS}
    return {
        c: f"{side.prefix}{c}"
        for c in side.result.columns
        if c not in skip and not c.startswith("_") and f"{side.prefix}{c}" not in taken
    }


def _refers_by_at(lf: pl.LazyFrame, on: list[str], right: pl.LazyFrame, key: str) -> bool:
    """Whether the rows name the record as an `sf data tree export` does (`@ref001...`) and the
    record's own ids lack the `@`."""
    left_at = lf.select(
        pl.any_horizontal(key_text(pl.col(c)).str.starts_with("@").any() for c in on)
    ).collect()
    if not left_at.item():
        return False
    right_at = right.select(key_text(pl.col(key)).str.starts_with("@").any()).collect()
    return not right_at.item()


def _refuse_duplicates(left: LoadResult, side: Side, key: str) -> None:
    right = side.result
    twice = duplicate_keys(right.lazy(), key)
    if not twice.height:
        return
    value, first, again = twice.row(0)
    header = right.mapping.get(key, key)
    more = f" (and {twice.height - 1:,} more keys)" if twice.height > 1 else ""
    noun = NOUN.get(right.table or "", "record")
    raise InputError(
        right.path,
        f"{value!r} also on line {first}{more}; {left.path.name} is joined to one {noun} "
        f"by each {header}",
        line=int(again),
        column=header,
    )


def _collect_with_counts(
    lf: pl.LazyFrame,
    counts_of: list[tuple[Side, str, str, str | None]],
    rows: int,
    own_id: str | None,
) -> tuple[pl.DataFrame, list[JoinCount]]:
    frame = lf.collect()
    if frame.height != rows:  # pragma: no cover - each join keeps one row per row
        raise AssertionError(f"a join changed the rows: {rows} -> {frame.height}")
    counts = []
    internal = []
    for i, (side, key_column, marker, on) in enumerate(counts_of):
        keyed = frame[key_column].is_not_null()
        matched = frame[marker].is_not_null()
        missing = keyed & ~matched
        example = None
        if missing.any():
            first = frame.filter(missing).sort(LINE).row(0, named=True)
            own = first.get(own_id) if own_id is not None else None
            example = (str(first[key_column]), int(first[LINE]), None if own is None else str(own))
        pairs = f"_pairs_{i}"
        several = int((frame[pairs] > 1).sum()) if pairs in frame.columns else 0
        counts.append(
            JoinCount(
                input=side.input,
                file=side.result.path.name,
                on=on or "",
                rows=frame.height,
                matched=int(matched.sum()),
                missing=int(missing.sum()),
                no_key=int((~keyed).sum()),
                several=several,
                example=example,
            )
        )
        internal += [key_column, marker] + ([pairs] if pairs in frame.columns else [])
    return frame.drop(internal), counts
