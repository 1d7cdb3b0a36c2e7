"""Which vendor and table an export is, and which header feeds each canonical column."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from revq.config.models import TableMapping
from revq.core.schema import TABLES
from revq.errors import InputError
from revq.io.presets import norm_header, presets, squash_header

# A vendor preset must recognise this many of its signature headers before it is trusted;
# a single shared header ("Lead Source") says nothing about who exported the file.
MIN_VENDOR_HITS = 2

# Any record has an id, dates and a status: a guessed leads table whose id is a bare `id` must
# map something about a person or company besides, or a warehouse sync's campaign, program or
# list table reads as leads.
ANY_RECORD = frozenset({"lead_id", "created_at", "last_activity_at", "lead_status"})


@dataclass(frozen=True)
class Detection:
    vendor: str
    table: str
    hits: int
    mapping: dict[str, str]  # canonical column -> source header
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    complete: bool = True  # every required column group is mapped (or a constant)
    constants: dict[str, str] = field(default_factory=dict)  # the preset's, for columns not mapped

    @property
    def score(self) -> tuple[int, int, int]:
        return (int(self.complete), self.hits, len(self.mapping))


class HeaderIndex:
    """A file's headers, found by an alias's normalised form ('Create Date' meets
    'created_date' and 'CreatedDate'), else by its letters and digits alone ('CREATEDDATE');
    the first header of a form wins."""

    def __init__(self, headers: list[str]) -> None:
        self.normal: dict[str, str] = {}
        self.squashed: dict[str, str] = {}
        for h in headers:
            self.normal.setdefault(norm_header(h), h)
            self.squashed.setdefault(squash_header(h), h)

    def find(self, alias: str) -> str | None:
        return self.normal.get(norm_header(alias)) or self.squashed.get(squash_header(alias))


Overrides = dict[str, str | list[str]]


def map_columns(
    headers: list[str], spec: TableMapping, table: str, overrides: Overrides, path: Path
) -> dict[str, str]:
    index = HeaderIndex(headers)
    known = set(TABLES[table].names)
    mapping: dict[str, str] = {}
    for canonical, aliases in spec.columns.items():
        found = next((h for h in map(index.find, aliases) if h is not None), None)
        if found is not None:
            mapping[canonical] = found
    for canonical, named in overrides.items():
        if canonical not in known:
            raise InputError(
                path,
                f"load.columns names {canonical!r}, which is not a column of the {table} table; "
                f"allowed: {', '.join(sorted(known))}",
            )
        # A list: the headers of the several files of one input, each file having one.
        options = [named] if isinstance(named, str) else named
        found = next(
            (h if h in headers else index.find(h) for h in options if _has(headers, index, h)),
            None,
        )
        if found is not None:
            mapping[canonical] = found
        elif isinstance(named, str):  # a list names headers of several files: one may lack all
            raise InputError(
                path,
                f"load.columns maps {canonical} to header {named!r}, which the file does not "
                f"have; found headers: {', '.join(repr(h) for h in headers)}",
            )
    return mapping


def _has(headers: list[str], index: HeaderIndex, header: str) -> bool:
    return header in headers or index.find(header) is not None


def _says_nothing_about_anyone(mapping: dict[str, str]) -> bool:
    return set(mapping) <= ANY_RECORD and norm_header(mapping.get("lead_id", "id")) == "id"


# The API's child objects (OpportunityHistory, OpportunityLineItem, a sync's opportunity_line_item)
# carry their own Id beside the id of the record they belong to: their rows are about
# opportunities (or leads), not opportunities themselves.
PARENT_IDS = {"opportunities": "OpportunityId", "leads": "LeadId"}


def _rows_of_a_child_object(table: str, index: HeaderIndex) -> bool:
    parent = PARENT_IDS.get(table)
    return parent is not None and index.find("Id") is not None and index.find(parent) is not None


# A CRM's users or owners (Salesforce's User object, a HubSpot owners sync) have names and emails
# as leads do, but they are the sales team: any of these sets of headers says so.
USER_HEADERS = (("Username", "ProfileId"), ("active_user_id",))

# A warehouse sync's history-mode table: one row per version of a record, from when to when.
VERSION_HEADERS = ("_fivetran_start", "_fivetran_end")


# A person's columns: an accounts table has none of these (a leads or contacts table has them,
# whatever company columns it carries besides).
PERSON_HEADERS = (
    "email",
    "email_address",
    "first_name",
    "last_name",
    "job_title",
    "property_email",
    "property_firstname",
    "property_lastname",
    "properties.email",
)

# The ids of other records: a table with one of these beside its own id names an account, it is
# not one (Salesforce's Contact and Opportunity carry AccountId).
OTHER_RECORD_IDS = ("id", "contact_id", "lead_id", "opportunity_id", "deal_id")


def _about_people(index: HeaderIndex) -> bool:
    return any(index.find(h) is not None for h in PERSON_HEADERS)


def _names_an_account(index: HeaderIndex, mapping: dict[str, str]) -> bool:
    own = mapping.get("account_id")
    return any(index.find(h) not in (None, own) for h in OTHER_RECORD_IDS)


def _a_users_table(index: HeaderIndex) -> bool:
    return any(all(index.find(h) is not None for h in group) for group in USER_HEADERS)


def _versions_of_records(index: HeaderIndex) -> bool:
    return all(index.find(h) is not None for h in VERSION_HEADERS)


def _complete(table: str, mapping: dict[str, str]) -> bool:
    return all(any(c in mapping for c in group) for group in TABLES[table].required)


def detect(
    headers: list[str],
    path: Path,
    *,
    vendor: str | None,
    table: str | None,
    overrides: Overrides,
    defaults: Collection[str] = (),
) -> Detection | None:
    """Best (vendor, table) for these headers, or None when nothing fits. `defaults`: the
    columns load.defaults gives every row, which count as there."""
    registry = presets()
    if vendor is not None and vendor not in registry:
        raise InputError(path, f"unknown source {vendor!r}; allowed: {', '.join(registry)}")
    index = HeaderIndex(headers)
    candidates: list[Detection] = []
    for name, preset in registry.items():
        if vendor is not None and name != vendor:
            continue
        for tname, spec in preset.tables.items():
            if table is not None and tname != table:
                continue
            hits = sum(index.find(h) is not None for h in spec.detect)
            # Unforced, a preset must recognise the file: a vendor by several of its
            # signature headers, the generic preset by at least one canonical name.
            needed = MIN_VENDOR_HITS if name != "generic" else 1
            if vendor is None and table is None and hits < needed:
                continue
            mapping = map_columns(headers, spec, tname, overrides, path)
            constants = {}
            if any(index.find(h) is not None for h in spec.constants_when):
                constants = {c: v for c, v in spec.constants.items() if c not in mapping}
            complete = _complete(tname, {**mapping, **constants, **dict.fromkeys(defaults, "")})
            if table is None and tname == "leads" and _says_nothing_about_anyone(mapping):
                complete = False
            if table is None and _rows_of_a_child_object(tname, index):
                complete = False
            if table is None and tname == "leads" and _a_users_table(index):
                complete = False
            if (
                table is None
                and tname == "accounts"
                and (_about_people(index) or _names_an_account(index, mapping))
            ):
                complete = False
            candidates.append(
                Detection(name, tname, hits, mapping, dict(spec.values), complete, constants)
            )
    if not candidates:
        return None
    # Unforced, the versions of records that carry a stage (an opportunity's, through a sync's
    # history mode) are the history of that stage; without one they read as the records, each
    # as it is now (the loader keeps the current versions).
    staged = any(c.table == "stage_history" and c.complete for c in candidates)
    if table is None and staged and _versions_of_records(index):
        candidates = [
            c if c.table == "stage_history" else replace(c, complete=False) for c in candidates
        ]
    # A table asked for (a Salesforce lead report read as dispositions) is read with the preset
    # of the vendor the headers show, not one that happens to know more of that table's names.
    preferred = None
    if table is not None and vendor is None:
        overall = detect(headers, path, vendor=None, table=None, overrides={})
        preferred = overall.vendor if overall is not None else None
    # Stable: presets are iterated in a fixed order and max keeps the first of equals.
    return max(candidates, key=lambda d: (d.score[0], d.vendor == preferred, *d.score[1:]))


def describe_required(table: str) -> str:
    groups = [" or ".join(g) for g in TABLES[table].required]
    return "; ".join(groups)
