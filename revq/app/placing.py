"""Where each of the team's exports goes in revq.yaml, and how the tables meet: the leads, the
contacts they name and the accounts those name (joined in), the event tables (one activities
input), the opportunities (with their lead, directly or through an association table), the
stage history, the dispositions. A table is placed by its headers when a vendor's names say
what it is, else by its keys and content (an id of distinct values, the ids of other records
it names, its timestamps); one that neither places is left out, said with what it looked
like and how to place it."""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from revq.app.run import Run
from revq.config.models import LoadOptions
from revq.errors import InputError, RevqError
from revq.io import sources
from revq.io.load import sniff
from revq.io.mapping import Detection, describe_required
from revq.io.parsers import PLACEHOLDERS
from revq.io.presets import norm_header
from revq.io.shapes import WON_WORDS, Shape, kind_of_key, read_shape
from revq.io.sources import DATA_SUFFIXES, archive_exports

# Inputs in the order revq.yaml lists them, with the words an export of each is named by, the
# likeliest first: when several exports fit one table, the name decides.
TABLE_NAMES = {
    "leads": ("lead", "contact", "prospect", "mql"),
    "contacts": ("contact", "person", "people"),
    "accounts": ("account", "compan", "organi"),
    "activities": ("activit", "task", "event", "engagement"),
    "signals": ("signal", "intent", "trigger"),
    "dispositions": ("disposition", "status", "rejection"),
    "stage_history": ("leadhistory", "lead_history", "contact", "lead", "history", "stage"),
    "opportunities": ("opportunit", "deal"),
}
# What --table accepts: the inputs, each read as its canonical table.
PLACEABLE = tuple(TABLE_NAMES)
READ_AS = {"contacts": "leads"}

# A history-mode sync's table: every version of each record.
VERSION_HEADERS = ("_fivetran_start", "_fivetran_end")
# The columns of the activities the loader needs, for event tables named by their keys.
EVENT_COLUMNS = ("activity_id", "lead_id", "occurred_at", "activity_type", "detail")
# Words of a column saying what an event was about: its page, asset or subject.
DETAIL_WORDS = ("page", "url", "subject", "detail", "asset", "title")


@dataclass
class Placed:
    """One input as revq.yaml names it: its export (or several read as one), its vendor, the
    load options its content called for, and the tables joined into it."""

    path: str | list[str]
    vendor: str
    options: dict[str, Any] = field(default_factory=dict)
    join: list[dict[str, Any]] = field(default_factory=list)


Placement = dict[str, Placed]


@dataclass
class _Export:
    path: Path
    shown: str
    detection: Detection | None = None
    _shape: Shape | None = None
    # canonical -> header, for a table its keys and content place (no vendor's names do)
    columns: dict[str, str] = field(default_factory=dict)

    def shape(self) -> Shape:
        if self._shape is None:
            self._shape = read_shape(self.path)
        return self._shape

    @property
    def vendor(self) -> str:
        return self.detection.vendor if self.detection is not None else "generic"

    def headers(self) -> list[str]:
        return self.shape().headers


@dataclass
class _Found:
    """The exports sorted by what they are, before they are placed."""

    by_table: dict[str, list[_Export]] = field(default_factory=dict)
    forced: dict[str, list[_Export]] = field(default_factory=dict)
    links: list[_Export] = field(default_factory=list)
    events: list[_Export] = field(default_factory=list)
    keyed: list[_Export] = field(default_factory=list)  # a record's id and no vendor's names
    unplaced: list[_Export] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (error alone, warning)
    real: dict[str, Path] = field(default_factory=dict)  # as revq.yaml names it -> the file


def parse_forced(given: Sequence[str]) -> list[tuple[str, Path]]:
    """--table TABLE=FILE, each checked: a table revq places and a file's path."""
    out = []
    for item in given:
        table, sep, file = item.partition("=")
        table = table.strip()
        if not sep or not file.strip():
            raise RevqError(f"--table {item!r}: expected TABLE=FILE, e.g. leads=exports/mqls.csv")
        if table not in PLACEABLE:
            raise RevqError(
                f"--table {item!r}: {table!r} is not a table; expected one of {_tables()}"
            )
        out.append((table, Path(file.strip())))
    return out


def place_exports(
    run: Run, directory: Path, exports: list[Path], forced: Sequence[tuple[str, Path]] = ()
) -> Placement:
    """Input -> where it is read from, for the exports given (files, folders, archives), the
    files named by --table going to the table named."""
    files = export_paths(exports)
    pinned = {sources.resolved(p): t for t, p in forced}
    for _, path in forced:
        if not sources.present(path):
            raise sources.not_found(path)
        if sources.resolved(path) not in {sources.resolved(f) for f in files}:
            files.append(path)
    found = _sort(directory, files, pinned)
    if len(files) == 1 and found.skipped:  # the one export given: why it is not one is the error
        raise RevqError(found.skipped[0][0])
    for _, warning in found.skipped:
        run.warn(warning)
    placed = _place(run, found)
    if found.unplaced and len(files) == 1 and not placed:
        raise RevqError(_unplaced_error(found.unplaced[0]))
    for export in found.unplaced:
        run.warn(_unplaced_warning(export))
    if found.unplaced:
        run.info(_how_to_place())
    if not placed:
        raise RevqError(
            "no export revq knows among "
            + ", ".join(str(p) for p in exports)
            + "; "
            + _how_to_place()
        )
    return {name: placed[name] for name in TABLE_NAMES if name in placed}


# Sorting ----------------------------------------------------------------------------------


def _sort(directory: Path, files: list[Path], pinned: dict[Path, str]) -> _Found:
    found = _Found()
    for path in files:
        export = _Export(path, _project_path(path, directory))
        found.real[export.shown] = path
        table = pinned.get(sources.resolved(path))
        try:
            if table is not None:
                _force(export, table)
                found.forced.setdefault(table, []).append(export)
                continue
            detection = sniff(path, LoadOptions())
        except InputError as exc:
            if table is not None:
                raise
            found.skipped.append((str(exc), f"skipped {exc}"))
            continue
        if (
            detection is not None
            and detection.complete
            and not _records_about_leads(export, detection)
        ):
            export.detection = detection
            found.by_table.setdefault(detection.table, []).append(export)
            continue
        try:
            _by_keys(found, export)
        except InputError as exc:
            found.skipped.append((str(exc), f"skipped {exc}"))
    return found


def _records_about_leads(export: _Export, detection: Detection) -> bool:
    """A table the generic names take for leads whose lead ids repeat: its rows are about
    leads (touches, sessions), each lead on several."""
    header = detection.mapping.get("lead_id")
    if detection.vendor != "generic" or detection.table != "leads" or header is None:
        return False
    ids = export.shape().frame[header].drop_nulls()
    return ids.len() > 0 and ids.n_unique() < 0.9 * ids.len()


def _force(export: _Export, table: str) -> None:
    """A file --table places: read by the names of the table's vendor presets, else by its
    keys and content; one neither reads is an error naming what the table needs."""
    read_as = READ_AS.get(table, table)
    detection = sniff(export.path, LoadOptions(table=read_as))
    if detection is not None and detection.complete:
        export.detection = detection
        return
    shape = export.shape()
    columns: dict[str, str] | None = None
    ids = shape.own_keys or shape.distinct
    if read_as == "leads" and ids:
        columns = {"lead_id": ids[0]}
        if shape.timestamps:
            columns["created_at"] = shape.timestamps[0]
    elif read_as == "activities":
        columns = _event_columns(shape)
    elif read_as == "opportunities" and ids and shape.timestamps:
        columns = {"opportunity_id": ids[0], "created_at": shape.timestamps[0]}
    if columns is None:
        raise RevqError(
            f"{export.path}: --table {table}: its columns do not hold what {read_as} need "
            f"({describe_required(read_as)}); its columns: {_first_columns(export.path)}. Map "
            "them with load.columns in revq.yaml"
        )
    export.columns = columns


def _by_keys(found: _Found, export: _Export) -> None:
    """A table no vendor's names place, placed by its keys and content if they say."""
    shape = export.shape()
    if shape.is_link:
        found.links.append(export)
        return
    own = shape.own_keys
    merges = any("merge" in norm_header(h) for h in shape.headers)
    if own and kind_of_key(own[0]) == "person" and shape.timestamps and not merges:
        export.columns = _keyed_lead_columns(shape)
        found.keyed.append(export)  # a person's records, or a record of what became of one
        return
    event = _event_columns(shape)
    if event is not None:
        export.columns = event
        found.events.append(export)
        return
    found.unplaced.append(export)


def _event_columns(shape: Shape) -> dict[str, str] | None:
    """The activities' columns of an event table: an id, a lead's or contact's id, a time, and
    a type (else the table's name gives it)."""
    # An event is someone's: its lead's or contact's id is there on most rows (a users table
    # has a contact_id column, empty but for the few users who are contacts).
    people = [
        h for h in shape.keys_of("person") if shape.frame[h].null_count() * 2 < len(shape.frame)
    ]
    if not people or not shape.timestamps:
        return None
    if any("merge" in norm_header(h) for h in shape.headers):
        return None  # a record of merged records is not what a lead did
    columns = {"lead_id": people[0], "occurred_at": shape.timestamps[0]}
    own = [k for k in shape.own_keys if k not in people]
    if own:
        columns["activity_id"] = own[0]
    if shape.type_column is not None:
        columns["activity_type"] = shape.type_column
    detail = next(
        (
            h
            for h in shape.headers
            if not h.startswith("_")
            and not norm_header(h).endswith("_id")
            and any(w in norm_header(h).split("_") for w in DETAIL_WORDS)
        ),
        None,
    )
    if detail is not None:
        columns["detail"] = detail
    return columns


# Placing ----------------------------------------------------------------------------------


def _place(run: Run, found: _Found) -> Placement:
    placed: Placement = {}
    keyed_leads, keyed_children = _entities(found.keyed)
    _place_people(run, found, keyed_leads, placed)
    _place_accounts(run, found, placed)
    _place_activities(run, found, placed)
    for table in ("signals", "dispositions", "stage_history"):
        _place_one(run, table, found.by_table.get(table, []) + found.forced.get(table, []), placed)
    _place_opportunities(run, found, keyed_children, placed)
    if "leads" in placed and "dispositions" not in placed:
        _status_as_dispositions(run, found, placed)
    for export in keyed_children:
        if not any(export.shown in _paths(p) for p in placed.values()):
            found.unplaced.append(export)
    return placed


def _entities(keyed: list[_Export]) -> tuple[list[_Export], list[_Export]]:
    """Tables keyed by a person's id, split into the people themselves and the records of what
    became of some of them: a table whose ids are all among another's, keyed the same (the
    closed deals of a list of MQLs), is of the second kind."""
    parents: list[_Export] = []
    children: list[_Export] = []
    for export in keyed:
        key = export.shape().own_keys[0]
        values = export.shape().values(key)
        inside = [
            other
            for other in keyed
            if other is not export
            and other.shape().own_keys[0] == key
            and len(other.shape().values(key)) > len(values)
            and values <= other.shape().values(key)
        ]
        (children if inside else parents).append(export)
    return parents, children


def _place_people(run: Run, found: _Found, keyed_leads: list[_Export], placed: Placement) -> None:
    forced_contacts = found.forced.get("contacts", [])
    # Tables known by their keys alone are the people only when no vendor's names say which
    # are: beside a CRM's contacts they are records about them (a list's members, an audit).
    people = found.forced.get("leads") or found.by_table.get("leads", []) or keyed_leads
    for export in keyed_leads:
        if export not in people:
            found.unplaced.append(export)
    people = _current_tables(people)
    if not people:
        return
    contacts: list[_Export] = list(forced_contacts)
    leads: list[_Export]
    naming = _names_contacts(people)
    if forced_contacts:
        leads = [p for p in people if p not in forced_contacts]
        naming = next(
            (
                (lead, h)
                for lead in leads
                for h in lead.headers()
                if norm_header(h) == "contact_id" and h != _own_id(lead)
            ),
            None,
        )
    elif naming is not None:
        lead, column = naming
        others = [p for p in people if p is not lead]
        contacts = [min(others, key=lambda e: _rank(e.shown, TABLE_NAMES["contacts"]))]
        leads = [lead]
        extras = [e.shown for e in others if e not in contacts]
        if extras:
            run.warn(f"leads: also {', '.join(extras)}; revq.yaml names {lead.shown}")
    elif len({p.vendor for p in people}) == 1 and len(people) > 1:
        # a CRM's leads and its contacts are both people sales works: read as one
        leads = sorted(people, key=lambda e: (_rank(e.shown, TABLE_NAMES["leads"]), e.shown))
    else:
        chosen = min(people, key=lambda e: (_rank(e.shown, TABLE_NAMES["leads"]), e.shown))
        also = [p.shown for p in people if p is not chosen]
        if also:
            run.warn(f"leads: also {', '.join(also)}; revq.yaml names {chosen.shown}")
        leads = [chosen]
    if not leads:
        return
    entry = _entry(leads)
    nulls = _placeholders(leads)
    if nulls:
        entry.options["null_values"] = nulls
    placed["leads"] = entry
    _say_placed(run, "leads", entry, "read as one" if len(leads) > 1 else "")
    if contacts and naming is None:
        run.warn(
            f"{contacts[0].shown}: contacts, but no lead names one (no contact_id column); left out"
        )
    elif contacts and naming is not None:
        placed["contacts"] = _entry(contacts[:1])
        column = naming[1]
        entry.join.append({"input": "contacts", "on": column})
        _say_placed(run, "contacts", placed["contacts"], f"joined into the leads by {column}")


def _names_contacts(people: list[_Export]) -> tuple[_Export, str] | None:
    """A people table that names a contact of another (a lead's contact_id): it is the leads,
    the other the contacts."""
    if len(people) < 2:
        return None
    for export in sorted(people, key=lambda e: e.shown):
        for header in export.headers():
            if norm_header(header) == "contact_id" and header != _own_id(export):
                return export, header
    return None


def _own_id(export: _Export) -> str | None:
    if export.detection is not None:
        return export.detection.mapping.get("lead_id")
    return export.columns.get("lead_id")


def _keyed_lead_columns(shape: Shape) -> dict[str, str]:
    """A table of people known by their keys alone: its id, its first time as the lead's
    creation, and, when the id is an MQL's, as when it became one."""
    key = shape.own_keys[0]
    created = shape.timestamps[0]
    columns = {"lead_id": key, "created_at": created}
    if norm_header(key).startswith("mql"):
        columns["mql_at"] = created
    return columns


def _place_accounts(run: Run, found: _Found, placed: Placement) -> None:
    accounts = _current_tables(found.forced.get("accounts") or found.by_table.get("accounts", []))
    if not accounts:
        return
    chosen = min(accounts, key=lambda e: (_rank(e.shown, TABLE_NAMES["accounts"]), e.shown))
    for other in accounts:
        if other is not chosen:
            run.warn(f"accounts: also {other.shown}; revq.yaml names {chosen.shown}")
    leads = placed.get("leads")
    if leads is None:
        run.warn(f"{chosen.shown}: accounts, with no leads to join them to; left out")
        return
    column = _account_column(found, placed)
    if column is not None:
        join: dict[str, Any] = {"input": "accounts", "on": column}
        how = f"by {column}"
    else:
        pair = _link(found, "person", "account")
        if pair is None:
            run.warn(
                f"{chosen.shown}: accounts, but no lead or contact names one (no account or "
                "company id column, no association table of contacts and companies); left out"
            )
            return
        link, (left, right) = pair
        join = {"input": "accounts", "through": {"path": link.shown, "left": left, "right": right}}
        how = f"through {link.shown}"
    placed["accounts"] = _entry([chosen])
    leads.join.append(join)
    _say_placed(run, "accounts", placed["accounts"], f"joined into the leads {how}")


def _account_column(found: _Found, placed: Placement) -> str | None:
    """The column of the leads (or of their contacts) naming an account."""
    for name in ("leads", "contacts"):
        entry = placed.get(name)
        if entry is None:
            continue
        for shown in _paths(entry):
            path = found.real.get(shown)
            for header in read_shape(path).headers if path is not None else []:
                if kind_of_key(header) == "account":
                    return header
    return None


def _link(found: _Found, left: str, right: str) -> tuple[_Export, tuple[str, str]] | None:
    for export in sorted(found.links, key=lambda e: e.shown):
        pair = export.shape().link_pair(left, right)
        if pair is not None:
            return export, pair
    return None


def _place_activities(run: Run, found: _Found, placed: Placement) -> None:
    given = found.forced.get("activities", []) + found.by_table.get("activities", [])
    known = [e for e in given if not e.columns]
    events = [*(e for e in given if e.columns), *found.events]
    if not known and not events:
        return
    if not events:
        placed["activities"] = _activities_by_vendor(run, known)
        return
    exports = sorted([*known, *events], key=lambda e: e.shown)
    columns: dict[str, list[str]] = {}
    for export in exports:
        mapping = export.columns or (export.detection.mapping if export.detection else {})
        for canonical in EVENT_COLUMNS:
            header = mapping.get(canonical)
            if header is not None and header not in columns.setdefault(canonical, []):
                columns[canonical].append(header)
    entry = _entry(exports)
    if entry.vendor == "generic":  # each file read by the columns below, not a vendor's names
        entry.options["source"] = "generic"
    entry.options["columns"] = {c: h for c, h in columns.items() if h}
    placed["activities"] = entry
    how = "read as one, each row typed by its type column or its table"
    _say_placed(run, "activities", entry, how)


def _activities_by_vendor(run: Run, known: list[_Export]) -> Placed:
    if len(known) > 1:
        pattern = _pattern_of(known)
        if pattern is not None:  # a sync's table per activity type: all of them, as one
            entry = Placed(pattern, known[0].vendor)
            run.info(f"activities: {pattern} ({entry.vendor}), {len(known)} exports")
            return entry
        if len({e.vendor for e in known}) == 1:  # Task and Event: both, as one
            entry = _entry(sorted(known, key=lambda e: e.shown))
            _say_placed(run, "activities", entry, "read as one")
            return entry
    chosen = min(known, key=lambda e: (_rank(e.shown, TABLE_NAMES["activities"]), e.shown))
    others = [e.shown for e in known if e is not chosen]
    if others:
        run.warn(f"activities: also {', '.join(others)}; revq.yaml names {chosen.shown}")
    entry = _entry([chosen])
    _say_placed(run, "activities", entry, "")
    return entry


def _place_opportunities(
    run: Run, found: _Found, keyed_children: list[_Export], placed: Placement
) -> None:
    known = found.forced.get("opportunities", []) + found.by_table.get("opportunities", [])
    won = [e for e in keyed_children if _won_column(e.shape()) is not None]
    if not known and not won:
        return
    if not known:
        chosen = won[0]
        entry = _entry([chosen])
        shape = chosen.shape()
        key = shape.own_keys[0]
        own = next((k for k in shape.own_keys if k != key), None)
        when = _won_column(shape)
        assert when is not None
        entry.options["columns"] = {"opportunity_id": own or key, "lead_id": key, "closed_at": when}
        # every row dated by its winning: each is a won deal
        entry.options["defaults"] = {"is_won": "true", "is_closed": "true"}
        nulls = _placeholders([chosen])
        if nulls:
            entry.options["null_values"] = nulls
        placed["opportunities"] = entry
        _say_placed(run, "opportunities", entry, f"won deals, each of the lead its {key} names")
        return
    _place_one(run, "opportunities", known, placed)
    entry = placed["opportunities"]
    chosen = next(e for e in known if e.shown in _paths(entry))
    names_lead = chosen.detection is not None and "lead_id" in chosen.detection.mapping
    pair = _link(found, "opportunity", "person")
    if not names_lead and pair is not None and "leads" in placed:
        link, (left, right) = pair
        entry.join.append(
            {"input": "leads", "through": {"path": link.shown, "left": left, "right": right}}
        )
        run.info(f"opportunities: each one's lead read through {link.shown} ({left} -> {right})")


def _won_column(shape: Shape) -> str | None:
    return next(
        (t for t in shape.timestamps if any(w in norm_header(t).split("_") for w in WON_WORDS)),
        None,
    )


def _place_one(run: Run, table: str, options: list[_Export], placed: Placement) -> None:
    if not options:
        return
    chosen = min(options, key=lambda e: (_rank(e.shown, TABLE_NAMES[table]), e.shown))
    placed[table] = _entry([chosen])
    _say_placed(run, table, placed[table], "")
    others = [e.shown for e in options if e is not chosen]
    if others:
        run.warn(f"{table}: also {', '.join(others)}; revq.yaml names {chosen.shown}")


def _status_as_dispositions(run: Run, found: _Found, placed: Placement) -> None:
    """With no dispositions export, the leads' own status (Salesforce's Status, HubSpot's and
    Marketo's Lead Status: the verdict sales sets) is what `revq audit rejections` reads."""
    leads = placed["leads"]
    for shown in _paths(leads):
        path = found.real.get(shown)
        if path is None:
            continue
        status = sniff(path, LoadOptions(source=leads.vendor, table="dispositions"))
        if status is None or not status.complete or "disposition" not in status.mapping:
            continue
        placed["dispositions"] = Placed(shown, leads.vendor)
        if "null_values" in leads.options:  # the same file: the same placeholders
            placed["dispositions"].options["null_values"] = leads.options["null_values"]
        run.info(
            f"dispositions: {shown} ({leads.vendor}), its {status.mapping['disposition']!r} column"
        )
        return


# Helpers ----------------------------------------------------------------------------------


def _entry(exports: list[_Export]) -> Placed:
    path: str | list[str] = exports[0].shown if len(exports) == 1 else [e.shown for e in exports]
    vendors = {e.vendor for e in exports}
    entry = Placed(path, vendors.pop() if len(vendors) == 1 else "generic")
    if len(exports) == 1 and exports[0].columns:  # placed by its keys: its columns are said
        entry.options["columns"] = dict(exports[0].columns)
    return entry


def _say_placed(run: Run, table: str, entry: Placed, how: str) -> None:
    shown = entry.path if isinstance(entry.path, str) else ", ".join(entry.path)
    run.info(f"{table}: {shown} ({entry.vendor})" + (f", {how}" if how else ""))


def _paths(entry: Placed) -> list[str]:
    return [entry.path] if isinstance(entry.path, str) else list(entry.path)


def _current_tables(exports: list[_Export]) -> list[_Export]:
    """A history-mode sync's table of every version of a record is left out beside the
    table of the records themselves."""
    plain = [e for e in exports if not _versions(e)]
    return plain or exports


def _versions(export: _Export) -> bool:
    names = {norm_header(h) for h in export.headers()}
    return all(norm_header(v) in names for v in VERSION_HEADERS)


def _placeholders(exports: list[_Export]) -> list[str]:
    """The 'not chosen' values of a web form's picklists (Select, unknown) the exports hold in
    at least one row in a hundred of a column: they are empty, not a category."""
    seen: set[str] = set()
    for export in exports:
        frame = export.shape().frame
        text = [c for c, t in frame.schema.items() if t == pl.String]
        for column in text:
            values = frame[column].drop_nulls()
            if not values.len():
                continue
            folded = values.str.strip_chars().str.to_lowercase()
            hits = values.filter(folded.is_in(PLACEHOLDERS))
            if hits.len() * 100 >= values.len():
                seen |= set(hits.str.strip_chars().unique().to_list())
    return sorted(seen)


def _rank(shown: str, words: tuple[str, ...]) -> int:
    name = Path(shown).name.lower()
    return next((i for i, w in enumerate(words) if w in name), len(words))


def _pattern_of(exports: list[_Export]) -> str | None:
    """One wildcard pattern naming exactly these exports (`activity_*_data.csv`), when they
    are of one vendor, in one folder, and no other export of the folder matches it."""
    vendors = {e.vendor for e in exports}
    folders = {e.path.parent for e in exports}
    if len(vendors) != 1 or len(folders) != 1:
        return None
    names = [e.path.name for e in exports]
    prefix = _common_start(names)
    suffix = _common_start([n[len(prefix) :][::-1] for n in names])[::-1]
    if not prefix and not suffix:
        return None
    folder = folders.pop()
    pattern = folder / f"{glob.escape(prefix)}*{glob.escape(suffix)}"
    if sorted(sources.matching(pattern)) != sorted(e.path for e in exports):
        return None
    shown = exports[0].shown
    return f"{shown[: len(shown) - len(names[0])]}{pattern.name}"


def _common_start(words: list[str]) -> str:
    """The characters every word starts with."""
    first, last = min(words), max(words)  # the two that differ soonest
    pairs = enumerate(zip(first, last, strict=False))
    same = next((i for i, (a, b) in pairs if a != b), len(first))
    return first[:same]


# How far up from the project an export may be and still be named relative to it: exports
# beside the project (../Leads.csv) travel with it in git; a path climbing further is not
# one the team shares.
MAX_CLIMB = 2


def _project_path(path: Path, directory: Path) -> str:
    """As revq.yaml names it: relative to the project when inside it or near beside it, else
    absolute. Symbolic links are kept as given, not followed."""
    export = Path(os.path.abspath(path))
    try:
        relative = Path(os.path.relpath(export, os.path.abspath(directory)))
    except ValueError:  # another drive (Windows)
        return export.as_posix()
    if relative.parts.count("..") <= MAX_CLIMB:
        return relative.as_posix()
    return export.as_posix()


def export_paths(exports: list[Path]) -> list[Path]:
    """Each data file: the files given, a folder's own files, an archive's exports."""
    out: list[Path] = []
    for given in exports:
        if given.is_dir():
            files = sorted(p for p in given.iterdir() if p.is_file())
        elif given.is_file():
            files = [given]
        else:
            raise sources.not_found(given)
        for f in files:
            suffix = f.suffix.lower()
            if suffix == ".zip":
                out += [f / member for member in archive_exports(f)]
            elif suffix in DATA_SUFFIXES or (suffix == ".gz" and Path(f.stem).suffix):
                out.append(f)
    return out


# What an export revq cannot place is told ---------------------------------------------------


def _first_columns(path: Path, shown: int = 8) -> str:
    try:
        headers = read_shape(path).headers
    except InputError:
        return "(unreadable)"
    more = f", ... ({len(headers)} in all)" if len(headers) > shown else ""
    return ", ".join(headers[:shown]) + more


def _tables() -> str:
    return ", ".join(PLACEABLE)


def _unplaced_error(export: _Export) -> str:
    return (
        f"{export.path}: not a table revq knows; its columns: {_first_columns(export.path)}. "
        f"revq places {_tables()}: name its table with --table TABLE={export.path.name} and map "
        "its columns with load.columns in revq.yaml (configs/olist-mqls.yaml in revq's "
        "repository maps a plain table of leads)"
    )


def _unplaced_warning(export: _Export) -> str:
    return (
        f"{export.shown}: not a table revq knows (columns: {_first_columns(export.path, 5)}); "
        "left out"
    )


def _how_to_place() -> str:
    return (
        f"revq places {_tables()}; to place a file left out, name its table with "
        "--table TABLE=FILE and map its columns with load.columns (configs/olist-mqls.yaml "
        "in revq's repository is an example)"
    )
