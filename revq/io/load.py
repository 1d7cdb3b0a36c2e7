"""Load one export into a canonical table: read -> detect -> map -> parse -> derive -> merge.

Every row read is accounted for: loaded, rejected (with file, line, column, rule and raw value),
a report footer, or merged into a duplicate.
"""

from __future__ import annotations

import codecs
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from revq.config.models import LoadOptions
from revq.core.dedupe import (
    DEDUPE_KEYS,
    MASTER_RECORD_ID,
    MERGED_AWAY,
    MERGED_RECORD_IDS,
    MERGES_SCHEMA,
    apply_recorded_merges,
    follow_merges,
    merge_held_traced,
    recorded_merges,
    resolve_chains,
)
from revq.core.derive import derive_lead_fields, derive_opportunity_fields
from revq.core.parse import (
    parse_boolean,
)
from revq.core.schema import LINE, TABLES, Kind
from revq.errors import InputError
from revq.io.excel import read_excel
from revq.io.json_records import (
    JSON_SUFFIXES,
    PARENT_LINE,
    flatten_nested,
    read_json_records,
)
from revq.io.mapping import Detection, describe_required, detect
from revq.io.parsers import (
    EXPECTED,
    FAILURE_RULES,
    Parser,
    check_texts,
    is_present,
    placeholder_warnings,
    typed_column,
    unmapped_label_warnings,
    with_defaults,
)
from revq.io.plain_csv import mapped, read_plain
from revq.io.presets import norm_header, squash_header
from revq.io.sources import Source, locate
from revq.io.text import (
    REJECT_SCHEMA,
    RawTable,
    decode,
    empty_rejects,
    read_delimited,
    sniff_headers,
)
from revq.io.typed_text import readable_columns

# A mapped column where most values fail to parse is a wrong mapping, not bad rows.
MISMAPPED_SHARE = 0.5


@dataclass(frozen=True)
class Accounting:
    rows_read: int
    rows_loaded: int
    rows_rejected: int
    footer_rows: int
    duplicates_merged: int
    blank_lines: int
    deleted_in_source: int = 0
    other_properties: int = 0  # history rows of a property that is not a stage
    earlier_versions: int = 0  # a history-mode sync's rows of a record's past versions

    def balanced(self) -> bool:
        return self.rows_read == (
            self.rows_loaded
            + self.rows_rejected
            + self.footer_rows
            + self.duplicates_merged
            + self.deleted_in_source
            + self.other_properties
            + self.earlier_versions
        )

    def to_dict(self) -> dict[str, int]:
        return dataclasses.asdict(self)


@dataclass
class LoadResult:
    path: Path
    vendor: str | None
    table: str | None
    mapping: dict[str, str]  # canonical -> source header
    # The loaded rows: held, or a plan over the file when it was checked in one pass and is
    # read as it is used (scan_parquet_table); `frame` holds them either way.
    rows: pl.DataFrame | pl.LazyFrame
    rejects: pl.DataFrame
    accounting: Accounting
    encoding: str
    delimiter: str | None
    headers: list[str]
    warnings: list[str] = field(default_factory=list)
    # A JSON export's related lists (a Salesforce sub-query's Tasks): name -> raw records,
    # with their lead's id when the export is of leads; load_related loads one.
    related: dict[str, pl.DataFrame] = field(default_factory=dict)
    # Columns of the export not kept, as the loaded rows would name them: a run that reads
    # only some columns (`reads`) leaves out those that cannot set a row aside.
    left_out: list[str] = field(default_factory=list)
    # Leads merged away as duplicates of another's email: lead_id -> merged_into.
    merged_ids: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame(
            schema={"lead_id": pl.String, "merged_into": pl.String}
        )
    )
    # Of the loaded text columns that hold few distinct values, those values (or more: a
    # column loses values with the rows set aside or merged), by column: what scoring's codes
    # number (`Codes.of`). Whatever replaces a column's values leaves it out of here.
    values: dict[str, pl.Series] = field(default_factory=dict)

    @property
    def frame(self) -> pl.DataFrame:
        """The loaded rows, held: a streamed load is read whole the first time it is asked for."""
        if isinstance(self.rows, pl.LazyFrame):
            self.rows = self.rows.collect()
        return self.rows

    @property
    def streamed(self) -> bool:
        return isinstance(self.rows, pl.LazyFrame)

    def lazy(self) -> pl.LazyFrame:
        """The loaded rows as a plan, without reading a streamed load whole."""
        return self.rows.lazy()

    @property
    def columns(self) -> list[str]:
        return self.rows.collect_schema().names()

    def summary(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "vendor": self.vendor,
            "table": self.table,
            **self.accounting.to_dict(),
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "columns": self.mapping,
            "warnings": self.warnings,
        }


PARENT_ID = "parent.lead_id"  # a related record's lead, from the record that holds it
RELATED_COLUMNS: dict[str, str | list[str]] = {"lead_id": PARENT_ID}
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
PARQUET_SUFFIXES = (".parquet", ".pq")


def read_raw(path: Path, opts: LoadOptions) -> RawTable:
    source = locate(path)
    suffix = source.suffix
    if suffix in EXCEL_SUFFIXES:
        content = None if source.plain else source.read()
        return read_excel(path, sheet=opts.sheet, null_values=opts.null_values, content=content)
    if suffix in PARQUET_SUFFIXES:
        return _read_parquet(source, opts)
    if suffix in JSON_SUFFIXES:
        records = read_json_records(path, source.read(), suffix)
        raw = _typed_raw_table(path, records.frame, "json", opts, records.warnings)
        raw.related = records.related
        return raw
    encoding, delimiter, nulls = opts.encoding, opts.delimiter, opts.null_values
    data: bytes | None = None
    table: RawTable | None = None
    if source.plain:  # mapped, and parsed by polars from the file: the export is not copied
        with mapped(source.file) as view:
            if view is not None:
                table = read_plain(
                    path,
                    view,
                    file=source.file,
                    encoding=encoding,
                    delimiter=delimiter,
                    null_values=nulls,
                )
    else:
        data = source.read()
        table = read_plain(path, data, encoding=encoding, delimiter=delimiter, null_values=nulls)
    if table is not None:
        return table
    data = source.read() if data is None else data
    return read_delimited(path, data, encoding=encoding, delimiter=delimiter, null_values=nulls)


# Enough of a text file to hold its header line, however wide.
SNIFF_BYTES = 256 * 1024


def sniff_table(path: Path, opts: LoadOptions) -> str | None:
    """Which canonical table a file is, from its headers alone (None: not recognised)."""
    found = sniff(path, opts)
    return found.table if found is not None and found.complete else None


def sniff(path: Path, opts: LoadOptions) -> Detection | None:
    """The vendor and table a file's headers best match, read without its rows where the
    format allows."""
    source = locate(path)
    suffix = source.suffix
    if suffix in PARQUET_SUFFIXES:
        try:
            headers = list(pl.read_parquet_schema(source.readable()))
        except Exception as exc:  # polars raises several kinds for a corrupt file
            raise InputError(path, f"cannot read as Parquet: {exc}".splitlines()[0]) from None
    elif suffix in (*EXCEL_SUFFIXES, *JSON_SUFFIXES):
        headers = read_raw(path, opts).headers
    else:
        head = source.head(SNIFF_BYTES)
        if opts.encoding is None and head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # Only the header line is needed: a character cut at the end does not matter.
            text = head.decode("utf-16", errors="ignore")
        else:
            if len(head) == SNIFF_BYTES:  # keep whole lines, so no character is cut
                head = head[: head.rfind(b"\n") + 1] or head
            text = decode(head, path, opts.encoding)[0]
        headers = sniff_headers(text, opts.delimiter)
    return detect(
        headers,
        path,
        vendor=opts.source,
        table=opts.table,
        overrides=opts.columns,
        defaults=opts.defaults,
    )


def _read_parquet(source: Source, opts: LoadOptions) -> RawTable:
    path = source.path
    try:
        frame = pl.read_parquet(source.readable(), glob=False)
    except Exception as exc:  # polars raises several kinds for a corrupt file
        raise InputError(path, f"cannot read as Parquet: {exc}".splitlines()[0]) from None
    frame = frame.with_row_index(LINE, offset=1).with_columns(pl.col(LINE).cast(pl.Int64))
    return _typed_raw_table(path, frame, "parquet", opts, [])


def _typed_raw_table(
    path: Path, frame: pl.DataFrame, encoding: str, opts: LoadOptions, warnings: list[str]
) -> RawTable:
    """A file read with its types (Parquet, JSON), with its LINE column, as a raw table."""
    if frame.height == 0:
        raise InputError(path, "has columns but no data rows")
    # Nested columns (a Parquet struct or list, as JSON has) are one value per record only
    # once flattened, as the JSON reader does.
    frame = readable_columns(flatten_nested(frame, warnings), warnings)
    # Text parsing is the contract for every source; typed columns are already exact, so only
    # string columns go through the parsers (see _typed_column).
    # pandas writes a missing number as NaN: it is an empty value, not a number.
    frame = frame.with_columns(pl.col(pl.Float32, pl.Float64).fill_nan(None))
    if opts.null_values:
        frame = frame.with_columns(pl.col(pl.String).replace(opts.null_values, None))
    return RawTable(
        path=path,
        headers=[c for c in frame.columns if c != LINE],
        frame=frame,
        encoding=encoding,
        delimiter=None,
        rows_read=frame.height,
        footer_rows=0,
        blank_lines=0,
        rejects=empty_rejects(),
        warnings=warnings,
    )


class Presence:
    """Which cells of the raw columns hold a value (parsers.present), each column computed once
    and only when asked for: a typed column without a null needs no test of its text. `clean`:
    headers whose values have no whitespace around them, tested without stripping."""

    def __init__(self, raw: RawTable, headers: set[str], clean: set[str]) -> None:
        schema = raw.frame.schema
        wanted = sorted(headers)
        found = raw.frame.lazy().select(
            is_present(h, schema[h], h in clean).alias(h) for h in wanted
        )
        self._found = found.collect() if wanted else pl.DataFrame()

    def __getitem__(self, header: str) -> pl.Series:
        return self._found[header]


def _presence_needed(
    staged: pl.DataFrame,
    parsers: dict[str, Parser],
    checked: dict[str, str],
    spec: Any,
    mapping: dict[str, str],
) -> set[str]:
    """The headers whose presence the checks below read: a parsed column's where it has nulls
    (a null is a failure only where text was given), and a required group's unless one of its
    parsed columns has none (a parsed value is a value given)."""
    nulls = {c for c in parsers if staged[c].null_count()}
    wanted = {mapping[c] for c in nulls if parsers[c].full is not None or c in checked}
    for group in spec.required:
        mapped = [c for c in group if c in mapping]
        if not any(c in checked and c not in nulls for c in mapped):
            wanted.update(mapping[c] for c in mapped)
    return wanted


def _complete_slow_values(
    presence: Presence,
    raw: RawTable,
    staged: pl.DataFrame,
    parsers: dict[str, Parser],
    mapping: dict[str, str],
) -> pl.DataFrame:
    updates = []
    for canonical, parser in parsers.items():
        if parser.full is None or not staged[canonical].null_count():
            continue
        given = presence[mapping[canonical]]
        missed = (given & staged[canonical].is_null()).arg_true()
        if missed.len() == 0:
            continue
        values = raw.frame[missed].select(parser.full.alias(canonical)).to_series()
        updates.append(staged[canonical].scatter(missed, values.cast(staged[canonical].dtype)))
    return staged.with_columns(updates) if updates else staged


def load_table(
    path: Path,
    opts: LoadOptions | None = None,
    *,
    table: str | None = None,
    timezone: str = "UTC",
    require_table: bool = True,
    reads: frozenset[str] | None = None,
) -> LoadResult:
    """Load one export. With require_table=False an unrecognised file still loads, unmapped.

    `reads`: the columns the run reads (canonical names, or an unmapped column's header) of an
    export of activities or signals (NARROWED); the others are let go once read, before they
    are typed and checked, unless their values can set a row aside (a typed column, a required
    one, a deletion or version flag) or load.defaults fills them: the rows loaded and their
    accounting are those of a load of every column. None, or another table: every column."""
    opts = opts or LoadOptions()
    return _load_raw(
        read_raw(path, opts), path, opts, table, opts.timezone or timezone, require_table, reads
    )


def load_related(
    parent: LoadResult, name: str, *, table: str, timezone: str = "UTC"
) -> LoadResult | None:
    """One of a leads export's related lists loaded as a table of its own (a Salesforce
    sub-query's Tasks as activities), each record's lead id its parent's; None when the list
    holds no record. Its lines are the records' numbers in the list."""
    frame = parent.related[name]
    if frame.height == 0:
        return None
    path = Path(f"{parent.path}[{name}]")
    opts = LoadOptions(table=table, columns=RELATED_COLUMNS)
    frame = frame.drop(PARENT_LINE).with_row_index(LINE, offset=1)
    raw = _typed_raw_table(path, frame.with_columns(pl.col(LINE).cast(pl.Int64)), "json", opts, [])
    return _load_raw(raw, path, opts, table, timezone, require_table=True)


def _load_raw(
    raw: RawTable,
    path: Path,
    opts: LoadOptions,
    table: str | None,
    tz: str,
    require_table: bool,
    reads: frozenset[str] | None = None,
) -> LoadResult:
    """Map, type, check and derive: everything after reading, whatever the format."""
    warnings = list(raw.warnings)
    wanted = table or opts.table
    detection = detect(
        raw.headers,
        path,
        vendor=opts.source,
        table=wanted,
        overrides=opts.columns,
        defaults=opts.defaults,
    )
    if detection is None or not detection.complete:
        if require_table or wanted is not None:
            _raise_unmapped(path, raw.headers, detection, wanted)
        warnings.append(
            "no preset recognises these headers as a revq table; columns are shown as found"
        )
        warnings.extend(placeholder_warnings(raw.frame, raw.headers))
        raw.related = _with_parent_ids(raw.related, raw.frame, None, warnings)
        frame = raw.frame
        return _finish(raw, None, frame, raw.rejects, 0, warnings)

    other = _other_properties(raw, detection, opts)
    spec = TABLES[detection.table]
    every_header = raw.headers
    left_out: list[str] = []
    if reads is not None and detection.table in NARROWED:
        detection, left_out = _narrow(raw, detection, reads, set(opts.defaults))
    warnings.extend(placeholder_warnings(raw.frame, raw.headers))
    parsers: dict[str, Parser] = {}
    checked: dict[str, str] = {}  # canonical -> header, for columns whose values can fail
    labels_of = {
        c: {**detection.values.get(c, {}), **opts.values.get(c, {})} for c in detection.mapping
    }
    texts = check_texts(
        raw.frame,
        (
            (header, spec.column(c).kind)
            for c, header in detection.mapping.items()
            if not (spec.column(c).kind is Kind.TEXT and labels_of[c])
        ),
    )
    clean = texts.clean
    for canonical, header in detection.mapping.items():
        kind = spec.column(canonical).kind
        parsers[canonical] = typed_column(
            raw.frame, path, canonical, header, kind, opts, tz, labels_of[canonical], clean=clean
        )
        if kind in FAILURE_RULES:
            checked[canonical] = header
    exprs = [p.fast.alias(c) for c, p in parsers.items()]
    extras = [pl.col(h).alias(name) for h, name in unmapped_columns(raw.headers, detection.mapping)]
    staged = raw.frame.lazy().select(pl.col(LINE), *exprs, *extras).collect()
    needed = _presence_needed(staged, parsers, checked, spec, detection.mapping)
    presence = Presence(raw, needed, {h for h, _ in clean})
    staged = _complete_slow_values(presence, raw, staged, parsers, detection.mapping)
    staged = with_defaults(path, staged, spec, detection, opts, tz)
    # Each value is parsed once above; a failure is text present where the parsed value is null.
    # Flags are booleans: a text column of reasons would cost 16 bytes a row even when empty.
    failed: dict[str, pl.Series] = {}  # 'rule|header' -> rows
    for canonical, header in checked.items():
        kind = spec.column(canonical).kind
        if not staged[canonical].null_count():
            continue  # every value parsed
        rows = presence[header] & staged[canonical].is_null()
        failed[f"{FAILURE_RULES[kind]}|{header}"] = rows.alias(canonical)
    _check_mismapping(path, raw, staged, failed, detection)
    # A row without the values that make it a record of its table (no lead id or email, an
    # event without its time) cannot be counted or joined: it is quarantined, not guessed at.
    for group in spec.required:
        mapped = [c for c in group if c in detection.mapping]
        if any(c in checked and not staged[c].null_count() for c in mapped):
            continue  # every row has a parsed value
        headers = [detection.mapping[c] for c in mapped]
        if headers:  # a group filled by load.defaults has its value
            has = pl.select(pl.any_horizontal(presence[h] for h in headers))
            failed[f"missing_value|{headers[0]}"] = ~has.to_series()
    rejects = _value_rejects(raw, staged, failed)
    loaded = staged
    if rejects.height:
        bad_lines = rejects[["line"]].unique()
        loaded = loaded.join(bad_lines, left_on=LINE, right_on="line", how="anti")
    earlier = 0
    current = None if detection.table == "stage_history" else current_version(loaded.columns)
    if current is not None:  # read as the records themselves: each record as it is now
        kept = loaded.filter(current)
        earlier, loaded = loaded.height - kept.height, kept
    deleted = 0
    gone = None if opts.keep_deleted else deleted_in_source(raw.headers, loaded.columns)
    if gone is not None:  # most exports carry no deletion flag: no filter, no copy
        kept = loaded.filter(~gone)
        deleted, loaded = loaded.height - kept.height, kept
    warnings.extend(unmapped_label_warnings(raw.frame, detection, spec, opts))
    raw.related = _with_parent_ids(raw.related, staged, detection.table, warnings)
    # Everything read from the text is now typed or reported: let the raw columns go before the
    # derived ones are built (on 10M leads that is 0.7 GB less at the peak).
    raw.frame = raw.frame.clear()

    merged = 0
    merged_ids = None
    if detection.table == "leads":
        idless = loaded["lead_id"].null_count() if "lead_id" in loaded.columns else 0
        if idless and "email" in loaded.columns:
            warnings.append(
                f"{idless:,} leads have no {detection.mapping['lead_id']!r}: their email "
                "stands for their lead id"
            )
        lf = derive_lead_fields(
            loaded.lazy(), tuple(opts.personal_domains), fill_lead_ids=idless > 0
        )
        before = loaded.height
        loaded = lf.collect()
        recorded = pl.DataFrame(schema=MERGES_SCHEMA)
        if opts.dedupe.enabled:
            recorded = _recorded_merges(path, loaded, detection)
            if recorded.height:
                loaded = apply_recorded_merges(loaded.lazy(), recorded.lazy()).collect()
        shared = duplicate_keys(loaded) if opts.dedupe.enabled else ()
        if shared:
            loaded, merged_ids = merge_held_traced(loaded, opts.dedupe.keep, shared)
        if recorded.height:
            merged_ids = all_merges(recorded, merged_ids)
            loaded = loaded.drop(MERGED_AWAY)
        merged = before - loaded.height
    elif detection.table == "opportunities":
        loaded = derive_opportunity_fields(loaded.lazy()).collect()
    all_rejects = pl.concat([raw.rejects, rejects]).sort("line", "column")
    result = _finish(raw, detection, loaded, all_rejects, merged, warnings, deleted, other, earlier)
    result.headers, result.left_out = every_header, left_out
    # A clean text column is loaded as read, so its values are among those found in it; one
    # whose labels are mapped (its header may be another column's too) is not.
    result.values = {
        c: texts.values[h]
        for c, h in detection.mapping.items()
        if h in texts.values and spec.column(c).kind is Kind.TEXT and not labels_of[c]
    }
    if merged_ids is not None:
        result.merged_ids = merged_ids
    return result


# The tables whose columns a run may leave unread: their rows are events, each loaded as it
# is. A leads export is not: a record's merges and the choice among duplicates read columns
# no rule names (the record it was merged into, how many of its fields are filled).
NARROWED = frozenset({"activities", "signals"})


def _narrow(
    raw: RawTable, detection: Detection, reads: frozenset[str], defaulted: set[str]
) -> tuple[Detection, list[str]]:
    """Let go of the raw columns a run does not read, but those whose values can set a row
    aside (and those load.defaults fills where empty); the detection mapping only those kept,
    and the names of the columns let go."""
    spec = TABLES[detection.table]
    required = {c for group in spec.required for c in group}
    kept_canonical = {
        c
        for c in detection.mapping
        if c in reads or c in required or c in defaulted or spec.column(c).kind in FAILURE_RULES
    }
    kept = {detection.mapping[c] for c in kept_canonical}
    unmapped = dict(unmapped_columns(raw.headers, detection.mapping))  # header -> its name
    extra = {h for h, name in unmapped.items() if name in reads or _flag(h)}
    # 'X (source)' keeps its name only beside the canonical column X
    kept |= extra | {detection.mapping[h] for h in extra if h in detection.mapping}
    if len(kept) == len(raw.headers):
        return detection, []
    gone = {h for h in raw.headers if h not in kept}
    left_out = sorted(
        {c for c, h in detection.mapping.items() if h in gone}
        | {name for h, name in unmapped.items() if h in gone}
    )
    # In place: the caller's table lets go of the columns too.
    raw.headers = [h for h in raw.headers if h in kept]
    raw.frame = raw.frame.select(LINE, *raw.headers)
    mapping = {c: h for c, h in detection.mapping.items() if h in kept}
    return dataclasses.replace(detection, mapping=mapping), left_out


def _flag(header: str) -> bool:
    """A column the loader reads itself: a deletion flag, a history-mode sync's versions."""
    return norm_header(header).replace("_", "") in DELETION_FLAGS or header in (
        VERSION_START,
        VERSION_END,
        ACTIVE_VERSION,
    )


def _recorded_merges(path: Path, leads: pl.DataFrame, detection: Detection) -> pl.DataFrame:
    """The merges the CRM recorded on the export, each id pointed at the record it ended in."""
    recorded = recorded_merges(leads.lazy()).collect()
    try:
        return resolve_chains(recorded)
    except ValueError as exc:
        (looped,) = exc.args
        line = leads.filter(pl.col("lead_id") == looped)[LINE]
        column = next(
            detection.mapping[c]
            for c in (MERGED_RECORD_IDS, MASTER_RECORD_ID)
            if c in detection.mapping
        )
        raise InputError(
            path,
            f"lead {looped!r} is recorded as merged into a record that was merged back into it",
            line=int(line[0]) if line.len() else None,
            column=column,
        ) from None


def all_merges(recorded: pl.DataFrame, by_email: pl.DataFrame | None) -> pl.DataFrame:
    """The CRM's merges and revq's by email, as one `lead_id -> merged_into`: a record the
    CRM merged into one that revq then merged by email ends in the record kept for the email."""
    if by_email is None or not by_email.height:
        return recorded.sort("lead_id")
    onward = follow_merges(
        recorded.lazy().rename({"lead_id": "_from", "merged_into": "lead_id"}), by_email.lazy()
    ).rename({"lead_id": "merged_into", "_from": "lead_id"})
    return (
        pl.concat([onward.select("lead_id", "merged_into"), by_email.lazy()])
        .unique("lead_id", keep="first", maintain_order=True)
        .sort("lead_id")
        .collect()
    )


# Flags a CRM or a warehouse sync sets on a record deleted in the source (the sync keeps the
# row): IsDeleted, is_deleted, _fivetran_deleted, compared without case, spaces or underscores.
DELETION_FLAGS = frozenset({"isdeleted", "fivetrandeleted"})

# A history-mode sync keeps one row per version of a record, each with when it held.
VERSION_START, VERSION_END, ACTIVE_VERSION = "_fivetran_start", "_fivetran_end", "_fivetran_active"


def deleted_in_source(headers: list[str], columns: list[str]) -> pl.Expr | None:
    """True for a record any deletion flag marks; a Salesforce record a merge deleted (its
    MasterRecordId set) is not set aside: it folds into the record it was merged into."""
    flags = [
        parse_boolean(pl.col(h)).fill_null(False)
        for h in headers
        if h in columns and norm_header(h).replace("_", "") in DELETION_FLAGS
    ]
    if not flags:
        return None
    gone = pl.any_horizontal(flags)
    if MASTER_RECORD_ID in columns:
        gone = gone & pl.col(MASTER_RECORD_ID).is_null()
    return gone


def current_version(columns: list[str]) -> pl.Expr | None:
    """True for the row of a record's current version in a warehouse sync's history-mode table
    (its `_fivetran_active`, else an end time still open, in the year 9999). A plain sync's
    table may carry an empty `_fivetran_active` too: without versions, every row is current."""
    if not {VERSION_START, VERSION_END} <= set(columns):
        return None
    end = pl.col(VERSION_END).cast(pl.String).str.strip_chars()
    open_ended = end.is_null() | end.str.starts_with("9999")
    if ACTIVE_VERSION in columns:
        return parse_boolean(pl.col(ACTIVE_VERSION)).fill_null(open_ended)
    return open_ended


def unmapped_columns(headers: list[str], mapping: dict[str, str]) -> list[tuple[str, str]]:
    """(header, name) of the columns no canonical one is read from, kept as they are; a name
    a canonical column takes gets ' (source)'."""
    mapped = set(mapping.values())
    return [
        (h, h if h not in mapping and h != LINE else f"{h} (source)")
        for h in headers
        if h not in mapped
    ]


def has_duplicates(frame: pl.DataFrame | pl.LazyFrame) -> bool:
    return bool(duplicate_keys(frame))


def duplicate_keys(frame: pl.DataFrame | pl.LazyFrame) -> tuple[str, ...]:
    """The keys (lead id, normalised email) two records may share: a key not among them is
    shared by none, and the merge on it can be left out."""
    keys = [c for c in DEDUPE_KEYS if c in frame.collect_schema()]
    if not keys:
        return ()
    # Counting distinct hashes is the cheapest exact-enough test (a collision only costs a
    # merge pass that finds nothing); it is several times faster than is_duplicated.
    counts = (
        frame.lazy()
        .select(
            pl.struct(
                pl.col(k).drop_nulls().hash().n_unique().alias(f"{k}_distinct"),
                pl.col(k).count().alias(f"{k}_present"),
            ).alias(k)
            for k in keys
        )
        .collect()
        .row(0)
    )
    return tuple(
        k for k, c in zip(keys, counts, strict=True) if c[f"{k}_distinct"] < c[f"{k}_present"]
    )


def _with_parent_ids(
    related: dict[str, pl.DataFrame],
    staged: pl.DataFrame,
    table: str | None,
    warnings: list[str],
) -> dict[str, pl.DataFrame]:
    """A leads export's related records with their lead's id (PARENT_ID); others' are left
    out, and said."""
    if not related:
        return related
    if table != "leads" or "lead_id" not in staged.columns:
        what = {None: "a table revq does not know", "leads": "leads without ids"}.get(table, table)
        names = ", ".join(map(repr, related))
        warnings.append(f"left out related lists {names}: lists of records inside {what}")
        return {}
    ids = staged.select(
        pl.col(LINE).alias(PARENT_LINE), pl.col("lead_id").cast(pl.String).alias(PARENT_ID)
    )
    kept = {}
    for name, records in related.items():
        headers = [*records.columns, PARENT_ID]
        found = detect(headers, Path(name), vendor=None, table=None, overrides=RELATED_COLUMNS)
        if found is None or not found.complete or found.table != "activities":
            warnings.append(f"left out related list {name!r}: its records are not activities")
            continue
        kept[name] = records.join(ids, on=PARENT_LINE, how="left")
        warnings.append(
            f"related list {name!r}: {records.height:,} activities; revq score reads them when "
            "no activities export is given"
        )
    return kept


def _finish(
    raw: RawTable,
    detection: Detection | None,
    frame: pl.DataFrame,
    rejects: pl.DataFrame,
    merged: int,
    warnings: list[str],
    deleted: int = 0,
    other: int = 0,
    earlier: int = 0,
) -> LoadResult:
    accounting = Accounting(
        rows_read=raw.rows_read,
        rows_loaded=frame.height,
        rows_rejected=rejects["line"].n_unique() if rejects.height else 0,
        footer_rows=raw.footer_rows,
        duplicates_merged=merged,
        blank_lines=raw.blank_lines,
        deleted_in_source=deleted,
        other_properties=other,
        earlier_versions=earlier,
    )
    if not accounting.balanced():  # pragma: no cover - a broken identity is a revq bug
        raise AssertionError(f"row accounting does not balance for {raw.path}: {accounting}")
    if rejects.height:
        warnings.append(
            f"{accounting.rows_rejected} rows quarantined ({rejects.height} problems); "
            "write them out with --rejects-out"
        )
    return LoadResult(
        path=raw.path,
        vendor=detection.vendor if detection else None,
        table=detection.table if detection else None,
        mapping=dict(detection.mapping) if detection else {},
        rows=frame,
        rejects=rejects,
        accounting=accounting,
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        headers=raw.headers,
        warnings=warnings,
        related=raw.related,
    )


def _raise_unmapped(
    path: Path, headers: list[str], detection: Detection | None, wanted: str | None
) -> None:
    shown = ", ".join(repr(h) for h in headers[:15]) + (" ..." if len(headers) > 15 else "")
    if detection is None or (wanted is None and not detection.complete and detection.hits == 0):
        what = (
            f"a {wanted} export"
            if wanted
            else "a leads, activities, signals, dispositions, stage_history, opportunities or "
            "accounts export"
        )
        raise InputError(
            path,
            f"cannot tell which table this is: expected {what}; found headers: {shown}. "
            "Pass --table and map headers with load.columns in revq.yaml",
        )
    missing = [
        " or ".join(group)
        for group in TABLES[detection.table].required
        if not any(c in detection.mapping for c in group)
    ]
    raise InputError(
        path,
        f"required column missing for {detection.table} ({detection.vendor} preset): expected "
        f"{'; '.join(missing)} (required: {describe_required(detection.table)}); found headers: "
        f"{shown}. Map one with load.columns",
    )


def _check_mismapping(
    path: Path,
    raw: RawTable,
    staged: pl.DataFrame,
    failed: dict[str, pl.Series],
    detection: Detection,
) -> None:
    for why, rows in failed.items():
        n_failed = int(rows.sum())
        if not n_failed:
            continue
        canonical, header = rows.name, why.split("|", 1)[1]
        present = int(raw.frame[header].drop_nulls().len())
        if present >= 5 and n_failed > MISMAPPED_SHARE * present:
            line = int(staged[LINE].filter(rows)[0])
            value = raw.frame.filter(pl.col(LINE) == line)[header][0]
            kind = TABLES[detection.table].column(canonical).kind
            raise InputError(
                path,
                f"{n_failed} of {present} values are not {EXPECTED[kind]} (e.g. {value!r}), so "
                f"{header!r} is probably not {canonical}: map {canonical} to another header "
                "with load.columns, or set its format",
                line=line,
                column=header,
            )


def _value_rejects(
    raw: RawTable, staged: pl.DataFrame, failed: dict[str, pl.Series]
) -> pl.DataFrame:
    parts = []
    for why, rows in failed.items():
        if rows.any():  # nothing failed is the common case
            rule, header = why.split("|", 1)
            parts.append(
                staged.select(LINE)
                .filter(rows)
                .with_columns(pl.lit(rule).alias("rule"), pl.lit(header).alias("column"))
            )
    if not parts:
        return empty_rejects()
    long = pl.concat(parts)
    headers = long["column"].unique().to_list()
    # as text: a typed export's columns have no common type
    values = raw.frame.select(LINE, *(pl.col(h).cast(pl.String) for h in headers)).unpivot(
        index=LINE, variable_name="column", value_name="raw_value"
    )
    out = long.join(values, on=[LINE, "column"], how="left").select(
        pl.lit(str(raw.path)).alias("source_file"),
        pl.col(LINE).alias("line"),
        pl.col("column"),
        pl.col("rule"),
        pl.col("raw_value").cast(pl.String),
    )
    return out.cast(REJECT_SCHEMA)  # type: ignore[arg-type]


# The row a Salesforce field history writes when the record is created: `created` from the
# API, `Created.` in a History report.
CREATION = "created"


def _other_properties(raw: RawTable, detection: Detection, opts: LoadOptions) -> int:
    """Set aside the rows of a history of several properties (a HubSpot property history, a
    Salesforce field history) whose property is not a stage: an owner's name or an email is
    not a stage entered. Before any value is checked, so none is quarantined or warned about.

    A Salesforce creation row is kept as the record entering its first stage (`lead` for a
    lead, `opportunity` for an opportunity): no status change says when a lead came in."""
    header = detection.mapping.get("property")
    if detection.table != "stage_history" or header is None:
        return 0
    wanted = sorted({squash_header(p) for p in opts.stage_properties})
    name = pl.col(header).cast(pl.String).str.to_lowercase().str.replace_all(r"[^a-z0-9]", "")
    kept = raw.frame.filter(name.is_in(wanted) | (name == CREATION))
    stage = detection.mapping.get("stage")
    if stage is not None:
        record = squash_header(detection.mapping.get("lead_id", ""))
        first = "opportunity" if "opportunity" in record else "lead"
        kept = kept.with_columns(
            pl.when(name == CREATION)
            .then(pl.lit(first))
            .otherwise(pl.col(stage).cast(pl.String))
            .alias(stage)
        )
    other = raw.frame.height - kept.height
    raw.frame = kept
    return other


def header_index(headers: list[str]) -> dict[str, str]:
    return {norm_header(h): h for h in headers}
