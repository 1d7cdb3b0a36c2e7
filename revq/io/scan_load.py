"""A Parquet export checked in one pass and then read as it is used: load_table's rows as a
plan over the file, not held (10M leads: 1.1 GB not in memory while they are scored).

The contract is load_table's: the same mapping, parsers, defaults, derived fields, warnings and
row accounting, and the same rows. Where load_table would have work a pass cannot do (a row to
quarantine, a value only the complete parser reads, duplicates to merge, rows a sync marks
deleted or superseded, the merges a CRM recorded, nested columns, a history of several
properties), this gives way to it: `scan_parquet_table` returns None and the file is loaded
whole, so the result never depends on which of the two read it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import polars as pl

from revq.config.models import LoadOptions
from revq.core.dedupe import MASTER_RECORD_ID, MERGED_RECORD_IDS
from revq.core.derive import derive_lead_fields, derive_opportunity_fields
from revq.core.schema import LINE, TABLES, Table
from revq.io.load import (
    PARQUET_SUFFIXES,
    Accounting,
    LoadResult,
    current_version,
    deleted_in_source,
    has_duplicates,
    unmapped_columns,
)
from revq.io.mapping import detect
from revq.io.parsers import (
    FAILURE_RULES,
    Parser,
    is_present,
    placeholder_warnings,
    typed_column,
    unmapped_label_warnings,
    with_defaults,
)
from revq.io.sources import locate
from revq.io.text import empty_rejects

# Tables a single pass can load: a history of several properties sets rows aside first.
STREAMED_TABLES = frozenset(TABLES) - {"stage_history"}


def scan_parquet_table(
    path: Path, opts: LoadOptions, *, table: str | None, timezone: str = "UTC"
) -> LoadResult | None:
    """The export loaded as a plan over the file, or None where load_table must load it."""
    source = locate(path)
    if source.suffix not in PARQUET_SUFFIXES or not source.plain:
        return None
    try:
        schema = pl.read_parquet_schema(source.file)
    except Exception:  # polars raises several kinds for a corrupt file: load_table says which
        return None
    if LINE in schema or any(dtype.is_nested() for dtype in schema.values()):
        return None
    headers = list(schema)
    wanted = table or opts.table
    detection = detect(
        headers,
        path,
        vendor=opts.source,
        table=wanted,
        overrides=opts.columns,
        defaults=opts.defaults,
    )
    if detection is None or not detection.complete or detection.table not in STREAMED_TABLES:
        return None
    if opts.dedupe.enabled and {MERGED_RECORD_IDS, MASTER_RECORD_ID} & set(detection.mapping):
        return None
    unmapped = unmapped_columns(headers, detection.mapping)
    staged_names = [LINE, *detection.mapping, *(name for _, name in unmapped)]
    if current_version(staged_names) is not None:
        return None
    if not opts.keep_deleted and deleted_in_source(headers, staged_names) is not None:
        return None

    tz = opts.timezone or timezone
    raw = _raw_plan(path, schema, opts)
    spec = TABLES[detection.table]
    parsers = {}
    for canonical, header in detection.mapping.items():
        kind = spec.column(canonical).kind
        labels = {**detection.values.get(canonical, {}), **opts.values.get(canonical, {})}
        parsers[canonical] = typed_column(
            raw, path, canonical, header, kind, opts, tz, labels, streaming=True
        )
    checked = _checked(raw, schema, parsers, detection.mapping, spec)
    if checked is None:
        return None
    rows, without_id, columns = checked
    staged = raw.select(
        pl.col(LINE),
        *(expr.alias(name) for name, expr in columns.items()),
        *(pl.col(header).alias(name) for header, name in unmapped),
    )
    staged = with_defaults(path, staged, spec, detection, opts, tz)
    warnings = placeholder_warnings(raw, headers)
    warnings.extend(unmapped_label_warnings(raw, detection, spec, opts))
    if detection.table == "leads":
        if without_id and "email" in detection.mapping:
            warnings.append(
                f"{without_id:,} leads have no {detection.mapping['lead_id']!r}: their email "
                "stands for their lead id"
            )
        staged = derive_lead_fields(
            staged, tuple(opts.personal_domains), fill_lead_ids=without_id > 0
        )
        if opts.dedupe.enabled and has_duplicates(staged):
            return None
    elif detection.table == "opportunities":
        staged = derive_opportunity_fields(staged)
    return LoadResult(
        path=path,
        vendor=detection.vendor,
        table=detection.table,
        mapping=dict(detection.mapping),
        rows=staged,
        rejects=empty_rejects(),
        accounting=Accounting(
            rows_read=rows,
            rows_loaded=rows,
            rows_rejected=0,
            footer_rows=0,
            duplicates_merged=0,
            blank_lines=0,
        ),
        encoding="parquet",
        delimiter=None,
        headers=headers,
        warnings=warnings,
    )


def _checked(
    raw: pl.LazyFrame,
    schema: Mapping[str, pl.DataType],
    parsers: dict[str, Parser],
    mapping: dict[str, str],
    spec: Table,
) -> tuple[int, int, dict[str, pl.Expr]] | None:
    """Rows, leads without an id, and each canonical column's expression, when no row fails a
    check (else None): every checked value parses, every row has its required values.

    A column whose values the fast parser misses (a revenue written '$1,200,000') is read with
    the complete parser where the fast one gives nothing, as load_table does, after a second
    pass checks that the complete one reads them all."""
    present = {c: is_present(h, schema[h]) for c, h in mapping.items()}
    checks = [pl.len().alias("rows")]
    checked = [c for c in parsers if spec.column(c).kind in FAILURE_RULES]
    for c in checked:
        checks.append((present[c] & parsers[c].fast.is_null()).sum().alias(f"missed {c}"))
    for i, group in enumerate(spec.required):
        given = [present[c] for c in group if c in present]
        if given:
            checks.append((~pl.any_horizontal(given)).sum().alias(f"required {i}"))
    if "lead_id" in parsers and spec.name == "leads":
        checks.append(parsers["lead_id"].fast.is_null().sum().alias("without id"))
    counts = raw.select(checks).collect(engine="streaming").row(0, named=True)
    rows, without_id = counts.pop("rows"), counts.pop("without id", 0)
    columns = {c: p.fast for c, p in parsers.items()}
    slow = {}
    for c in checked:
        full = parsers[c].full
        if counts[f"missed {c}"] and full is not None:
            counts.pop(f"missed {c}")
            slow[c] = pl.coalesce(columns[c], pl.when(present[c]).then(full))
    if rows == 0 or any(counts.values()):
        return None
    if slow:
        failed = raw.select(
            (present[c] & expr.is_null()).any().alias(c) for c, expr in slow.items()
        ).collect(engine="streaming")
        if any(failed.row(0)):
            return None
    return rows, without_id, {**columns, **slow}


def _raw_plan(path: Path, schema: Mapping[str, pl.DataType], opts: LoadOptions) -> pl.LazyFrame:
    """The file as load_table's raw table sees it, as a plan: its lines numbered from 1, a
    missing number written as NaN empty, the configured null values empty."""
    raw = pl.scan_parquet(path, glob=False).with_row_index(LINE, offset=1)
    floats = [c for c, dtype in schema.items() if dtype.is_float()]
    texts = [c for c, dtype in schema.items() if dtype == pl.String]
    cleaned = [pl.col(LINE).cast(pl.Int64), *(pl.col(c).fill_nan(None) for c in floats)]
    if opts.null_values:
        # Not replace(): polars cannot stream it (see parsers.blank_to_null).
        nulls = list(opts.null_values)
        cleaned += [pl.when(~pl.col(c).is_in(nulls)).then(pl.col(c)).alias(c) for c in texts]
    return raw.with_columns(cleaned)
