"""What a table's keys and content say it is, when no vendor's names do: its own id (a column
of distinct values named like an id), the ids of other records it names (a lead's, an
account's, a deal's), its timestamps, its type column; an association table (two records' ids
and nothing else about them). Read from the first rows of the file, so a large export costs
what its head does."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import polars as pl

from revq.config.models import LoadOptions
from revq.core.parse import DateOrderUnknown, DateSettings, parse_datetime, resolve_date_order
from revq.core.schema import LINE
from revq.io.json_records import JSON_SUFFIXES
from revq.io.load import EXCEL_SUFFIXES, PARQUET_SUFFIXES, read_raw
from revq.io.presets import norm_header
from revq.io.sources import locate
from revq.io.text import read_delimited

# How much of a text export is read to tell what it is.
SAMPLE_BYTES = 8 * 1024 * 1024

# The ids of kinds of record, as columns name them (compared in norm_header's form).
PERSON_KEYS = frozenset({"lead_id", "contact_id", "prospect_id", "person_id", "mql_id", "who_id"})
ACCOUNT_KEYS = frozenset(
    {"account_id", "company_id", "organization_id", "organisation_id", "associatedcompanyid"}
)
OPPORTUNITY_KEYS = frozenset({"opportunity_id", "deal_id"})
# Columns an association table carries beside the two ids: when and how the pair was made.
LINK_METADATA = frozenset({"type_id", "category", "type", "added_at", "created_at", "updated_at"})

# Words a timestamp column is named with, and words a column of event types is.
_TIME_WORDS = ("_at", "date", "time", "timestamp", "created", "when")
_TYPE_WORDS = ("type", "event", "action", "activity", "kind")
# Words of a column that dates a record's winning (a closed-won deal).
WON_WORDS = ("won",)
CLOSED_WORDS = ("won", "closed", "close")


def kind_of_key(header: str) -> str | None:
    """'person', 'account' or 'opportunity' for a column naming such a record's id."""
    name = norm_header(header)
    if name in PERSON_KEYS:
        return "person"
    if name in ACCOUNT_KEYS or name.replace("_", "").endswith("associatedcompanyid"):
        return "account"
    if name in OPPORTUNITY_KEYS:
        return "opportunity"
    return None


def is_id_name(header: str) -> bool:
    name = norm_header(header)
    return name == "id" or name.endswith("_id") or name == "guid"


@dataclass(frozen=True)
class Shape:
    """The first rows of an export, and what they say it is."""

    path: Path
    headers: list[str]
    frame: pl.DataFrame  # text, as read; its LINE column numbers the rows

    @cached_property
    def own_keys(self) -> list[str]:
        """Id-named columns whose values are all there and all distinct, in file order."""
        out = []
        for h in self.headers:
            if not is_id_name(h) or h.startswith("_"):
                continue
            values = self.frame[h]
            if values.len() and values.null_count() == 0 and values.n_unique() == values.len():
                out.append(h)
        return out

    @cached_property
    def distinct(self) -> list[str]:
        """Columns, whatever their names, whose values are all there and all distinct (not
        times), in file order: the ids of a table named by hand."""
        return [
            h
            for h in self.headers
            if not h.startswith("_")
            and h not in self.timestamps
            and self.frame[h].len()
            and self.frame[h].null_count() == 0
            and self.frame[h].n_unique() == self.frame[h].len()
        ]

    def keys_of(self, kind: str) -> list[str]:
        return [h for h in self.headers if kind_of_key(h) == kind]

    @cached_property
    def timestamps(self) -> list[str]:
        """Columns named like a time whose values read as dates or timestamps, in file order."""
        out = []
        for h in self.headers:
            name = norm_header(h)
            if h.startswith("_") or not any(w in name for w in _TIME_WORDS):
                continue
            values = self.frame.select(pl.col(h).cast(pl.String), pl.col(LINE)).drop_nulls(h)
            if not values.height:
                continue
            try:
                order = resolve_date_order(values[h], DateSettings("auto", "UTC"), values[LINE])
            except DateOrderUnknown:
                order = "mdy"  # a date all the same: which order is the loader's question
            parsed = values.select(parse_datetime(pl.col(h), order, "UTC").is_not_null().mean())
            if (parsed.item() or 0) >= 0.9:
                out.append(h)
        return out

    @cached_property
    def type_column(self) -> str | None:
        """A column of a few kinds of event (CALL, OPEN), named like one, if there is one."""
        for h in self.headers:
            name = norm_header(h)
            if name.endswith("_id") or h.startswith("_") or h in self.timestamps:
                continue
            if not any(w == part for w in _TYPE_WORDS for part in name.split("_")):
                continue
            values = self.frame[h].drop_nulls()
            if values.len() and values.n_unique() <= max(20, values.len() // 10):
                return h
        return None

    @property
    def is_link(self) -> bool:
        """An association table: the ids of two kinds of record, and only when and how they
        were paired besides (HubSpot's contact_company, deal_contact)."""
        kinds = {kind_of_key(h) for h in self.headers} - {None}
        ids = [h for h in self.headers if is_id_name(h) and not h.startswith("_")]
        others = [
            h
            for h in self.headers
            if h not in ids
            and not h.startswith("_")
            and norm_header(h) not in LINK_METADATA
            and not norm_header(h).endswith("_type")
        ]
        return len(kinds) >= 1 and len(ids) >= 2 and not others

    def link_pair(self, left: str, right: str) -> tuple[str, str] | None:
        """The columns of an association table naming records of kinds `left` and `right`."""
        if not self.is_link:
            return None
        lefts, rights = self.keys_of(left), self.keys_of(right)
        if len(lefts) == 1 and len(rights) == 1 and lefts != rights:
            return lefts[0], rights[0]
        return None

    def values(self, header: str) -> set[str]:
        return set(self.frame[header].drop_nulls().cast(pl.String).to_list())


def read_shape(path: Path) -> Shape:
    """The first rows of an export, as text."""
    suffix = locate(path).suffix
    if suffix in (*EXCEL_SUFFIXES, *PARQUET_SUFFIXES, *JSON_SUFFIXES):
        raw = read_raw(path, LoadOptions())
        frame = raw.frame.head(50_000).with_columns(pl.exclude(LINE).cast(pl.String, strict=False))
        return Shape(path, raw.headers, frame)
    head = locate(path).head(SAMPLE_BYTES)
    if len(head) == SAMPLE_BYTES:  # whole lines only: the last may be cut
        head = head[: head.rfind(b"\n") + 1] or head
    raw = read_delimited(path, head, encoding=None, delimiter=None, null_values=[])
    return Shape(path, raw.headers, raw.frame.with_columns(pl.exclude(LINE).cast(pl.String)))
