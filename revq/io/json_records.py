"""JSON exports -> raw records: a Salesforce API answer or `sf data tree export` file
({"records": [...]}, each record with an `attributes` object) or the Salesforce CLI's answer
(`sf data query --json`: {"status": 0, "result": {"records": [...]}}), a HubSpot API answer
({"results": [...]}, each record's fields under `properties`), a Marketo or Account
Engagement API answer ({"result": [...]}, {"values": [...]}), a plain array of objects, or JSON
Lines.

Nested objects become dotted columns, as Salesforce's own CSV tools name them (`Owner.Name`,
`attributes.referenceId`). JSON has no rows of text, so a record's "line" is its number: the
first record is line 1 (in JSON Lines, its line in the file)."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from revq.core.schema import LINE
from revq.errors import InputError
from revq.io.typed_text import text_of

JSON_SUFFIXES = (".json", ".ndjson", ".jsonl")
RECORD = "_record"  # a record's 0-based number, while its related lists are taken out
PARENT_LINE = "_parent_line"  # a related record's parent's LINE
WRAPPERS = ("records", "results", "result", "values")


@dataclass
class JsonRecords:
    """A JSON export's records, flattened, with their LINE; the related lists its records
    hold (a Salesforce sub-query's Tasks), each a frame of flattened records with the
    PARENT_LINE of the record it came from; and warnings."""

    frame: pl.DataFrame
    related: dict[str, pl.DataFrame]
    warnings: list[str]


def read_json_records(path: Path, data: bytes, suffix: str | None = None) -> JsonRecords:
    """The records of a JSON export. `suffix`: the data's own (`.jsonl` for
    `events.jsonl.gz`)."""
    lines_format = (suffix or path.suffix).lower() in (".ndjson", ".jsonl")
    data = data.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte-order mark
    try:
        if lines_format:
            frame = pl.read_ndjson(io.BytesIO(data), infer_schema_length=None)
        else:
            frame = pl.read_json(io.BytesIO(data), infer_schema_length=None)
    except Exception:  # polars names no position: Python's parser finds where it breaks
        raise _syntax_error(path, data, lines_format) from None
    # An API answer is one object around the records: Salesforce {"totalSize": .., "records":
    # [..]} (a tree export too), HubSpot {"results": [..], "paging": ..}, Marketo {"result":
    # [..], "success": true}, Account Engagement (Pardot) v5 {"values": [..]}.
    key = next((k for k in WRAPPERS if k in frame.columns), None)
    if key and frame.height == 1 and not lines_format and _wraps_records(frame.schema[key]):
        # The Salesforce CLI's answer holds the API's one level down: `sf data query --json`
        # gives {"status": 0, "result": {"records": [..], "totalSize": ..}}.
        frame = frame.select(key).unnest(key)
        key = next((k for k in WRAPPERS if k in frame.columns), None)
    if key and frame.height == 1 and isinstance(frame.schema[key], pl.List) and not lines_format:
        if frame[key].list.len()[0] == 0:
            raise InputError(path, "holds no records")
        frame = frame.select(pl.col(key).explode())
        if not isinstance(frame.schema[key], pl.Struct):
            raise InputError(path, f"expected '{key}' to hold objects, one per record")
        frame = frame.unnest(key)
    warnings: list[str] = []
    width = frame.width
    related: dict[str, pl.DataFrame] = {}
    frame = flatten_nested(frame, warnings, related)
    if frame.height == 0 or width == 0:
        raise InputError(path, "holds no records")
    if frame.width == 0:
        why = warnings[-1] if warnings else f"only related lists: {', '.join(related)}"
        raise InputError(path, f"no field holds one value per record ({why})")
    if lines_format:
        # A blank line holds no record: number records by the line they are on.
        lines = pl.Series([data.decode("utf-8", errors="replace")]).str.split("\n").explode()
        line = (lines.str.strip_chars() != "").arg_true().cast(pl.Int64) + 1
        if line.len() != frame.height:  # pragma: no cover - polars read another count
            raise InputError(path, f"read {frame.height} records from {line.len()} lines")
        frame = frame.with_columns(line.alias(LINE))
    else:
        frame = frame.with_row_index(LINE, offset=1).with_columns(pl.col(LINE).cast(pl.Int64))
    for name, child in related.items():  # a related record's parent, by the parent's line
        parent = frame[LINE].gather(child[RECORD]).alias(PARENT_LINE)
        related[name] = child.drop(RECORD).with_columns(parent)
    return JsonRecords(frame, related, warnings)


def _wraps_records(dtype: pl.DataType) -> bool:
    """An object holding a list under one of the wrapper keys."""
    return isinstance(dtype, pl.Struct) and any(
        f.name in WRAPPERS and isinstance(f.dtype, pl.List) for f in dtype.fields
    )


def flatten_nested(
    frame: pl.DataFrame,
    warnings: list[str],
    related: dict[str, pl.DataFrame] | None = None,
) -> pl.DataFrame:
    """Objects -> dotted columns; lists of name/value pairs -> a column per name; lists of
    plain values -> '; '-joined text. Lists of records (a related list, a sub-query's records)
    go to `related` when given, each record flattened with the RECORD number of its parent;
    otherwise, and for lists of lists, they are left out with a warning."""
    while structs := [c for c, t in frame.schema.items() if isinstance(t, pl.Struct)]:
        frame = frame.unnest(structs, separator=".")
    dropped = []
    for name, dtype in frame.schema.items():
        if isinstance(dtype, pl.List | pl.Array):
            inner = dtype.inner
            if _name_value_pairs(inner):
                frame = _pairs_to_columns(frame, name)
            elif related is not None and isinstance(inner, pl.Struct):
                related[_related_name(name)] = _related_records(frame, name, warnings)
                dropped.append(name)
            elif inner is not None and inner.is_nested():
                dropped.append(name)
            else:
                element = text_of(pl.element(), inner) if inner is not None else None
                as_text = pl.element().cast(pl.String) if element is None else element
                text = pl.col(name).list.eval(as_text).list.join("; ")
                frame = frame.with_columns(text.alias(name))
    left_out = [d for d in dropped if related is None or _related_name(d) not in related]
    if left_out:
        warnings.append(
            f"left out {', '.join(map(repr, left_out))}: "
            "nested lists (a related list or sub-query) are not one value per record"
        )
    return frame.drop(dropped)


def _related_name(column: str) -> str:
    """`Tasks.records` (a Salesforce sub-query) -> `Tasks`; other lists keep their name."""
    head, _, last = column.rpartition(".")
    return head if head and last in WRAPPERS else column


def _related_records(frame: pl.DataFrame, column: str, warnings: list[str]) -> pl.DataFrame:
    """The records of a related list, one row each, flattened, with their parent's RECORD."""
    rows = (
        frame.select(pl.int_range(pl.len(), dtype=pl.UInt32).alias(RECORD), column)
        .explode(column)
        .drop_nulls(column)
        .unnest(column)
    )
    # A related record's own related lists are not followed: one level is what exports hold.
    return flatten_nested(rows, warnings)


def _name_value_pairs(inner: object) -> bool:
    """Marketo's activity `attributes`: [{"name": "Webpage URL", "value": "/pricing"}, ..]."""
    if not isinstance(inner, pl.Struct):
        return False
    fields = {f.name: f.dtype for f in inner.fields}
    return "name" in fields and "value" in fields and not fields["value"].is_nested()


def _pairs_to_columns(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    """Each pair becomes a value of the column `column.name`; the first of a repeated name
    counts. New columns come in name order, after the others."""
    row = "__record"
    frame = frame.with_row_index(row)
    pairs = (
        frame.select(row, column)
        .explode(column)
        .unnest(column)
        .filter(pl.col("name").is_not_null())
        .select(
            row,
            (pl.lit(f"{column}.") + pl.col("name").cast(pl.String)).alias("field"),
            pl.col("value").cast(pl.String),
        )
    )
    if pairs.height == 0:
        return frame.drop(column, row)
    wide = pairs.pivot(on="field", index=row, values="value", aggregate_function="first")
    named = sorted(c for c in wide.columns if c != row and c not in frame.columns)
    wide = wide.select(row, *named)
    return frame.drop(column).join(wide, on=row, how="left", maintain_order="left").drop(row)


def _syntax_error(path: Path, data: bytes, lines_format: bool) -> InputError:
    text = data.decode("utf-8", errors="replace")
    chunks = text.split("\n") if lines_format else [text]
    for offset, chunk in enumerate(chunks):
        if lines_format and not chunk.strip():
            continue
        try:
            value = json.loads(chunk)
        except json.JSONDecodeError as exc:
            line = exc.lineno + offset
            return InputError(path, f"invalid JSON at character {exc.colno}: {exc.msg}", line=line)
        if lines_format and not isinstance(value, dict):
            return InputError(path, "expected one JSON object per line", line=offset + 1)
    top = None if lines_format else json.loads(text)
    if not lines_format and not isinstance(top, list | dict):
        return InputError(path, "expected a JSON array of records, or an object with 'records'")
    if isinstance(top, list):
        odd = next((i for i, item in enumerate(top) if not isinstance(item, dict)), None)
        if odd is not None:
            return InputError(
                path, f"expected an array of objects, one per record; item {odd + 1} is not one"
            )
        nested: dict[str, bool] = {}  # field -> holds objects or lists
        for number, record in enumerate(top, start=1):
            for name, value in record.items():
                if value is not None and nested.setdefault(
                    name, isinstance(value, dict | list)
                ) != isinstance(value, dict | list):
                    return InputError(
                        path,
                        f"field {name!r} holds an object or list in some records and a plain "
                        "value in others",
                        line=number,
                    )
    return InputError(path, "cannot read these JSON records")
