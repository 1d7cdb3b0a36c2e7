"""What changed between two runs of one output: the rows of the new output that a CRM sync
must push (new, or different from the old output in a column both hold)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import polars as pl

from revq.app.results import Outcome
from revq.app.run import Run
from revq.core.changes import Changes, changed_rows
from revq.errors import InputError, RevqError
from revq.io import sources
from revq.io.formulas import unescape_formulas
from revq.io.writers import frame_bytes, write_frame_atomic

CHANGES_METRICS = ("pushed", "new", "changed", "unchanged", "gone", "pushed_rate")
# Keys tried in order when no key is given: a lead output, an account roll-up.
DEFAULT_KEYS = ("lead_id", "account_domain")


@dataclass(frozen=True, eq=False, repr=False)
class ChangesResult(Outcome):
    """The rows of the new output to push, in its order and layout, and how many rows fell
    where.

    Attributes:
        old: the previous output.
        new: the new output.
        key: the column rows were matched on.
        changes: the rows to push and the counts (new, changed, unchanged, gone, by column).
        new_rows: how many rows the new output holds.
    """

    old: Path
    new: Path
    key: str
    changes: Changes = field(repr=False)
    new_rows: int
    _run: Run = field(repr=False)

    @property
    def rows(self) -> pl.DataFrame:
        """The rows to push: new, or changed in a column compared."""
        return self.changes.rows

    @property
    def pushed(self) -> int:
        """Rows to push: new, plus changed."""
        return self.changes.new + self.changes.changed

    def metrics(self) -> dict[str, Any]:
        """The counts, and the share of the new output's rows to push."""
        c = self.changes
        return {
            "pushed": self.pushed,
            "new": c.new,
            "changed": c.changed,
            "unchanged": c.unchanged,
            "gone": c.gone,
            "pushed_rate": round(self.pushed / self.new_rows, 4) if self.new_rows else 0.0,
        }

    def to_dicts(self) -> list[dict[str, Any]]:
        """The rows as `revq changes --format json` prints them."""
        return self.rows.to_dicts()

    def text(self, fmt: Literal["csv", "json"] = "csv", *, escape_formulas: bool = True) -> str:
        """Exactly what `revq changes --format FMT` prints (CSV formula-safe unless
        `escape_formulas` is False)."""
        return frame_bytes(self.rows, fmt, escape=escape_formulas).decode("utf-8")

    def write(self, path: Path | str, *, escape_formulas: bool = True) -> int:
        """The rows to push to a file, atomically, by its suffix (.csv, .tsv, .json, .jsonl,
        .parquet, .xlsx): what `revq changes --out PATH` writes.

        Returns:
            The number of rows written.

        Raises:
            RevqError: an unknown suffix, or a path that is one of the two outputs compared.
        """
        inputs = self._run.guarded(self.old, self.new)
        write_frame_atomic(
            Path(path), self.rows, inputs=inputs, escape=escape_formulas, say=self._run.info
        )
        return self.rows.height


def changes(
    run: Run,
    old: Path | str,
    new: Path | str,
    *,
    key: str | None = None,
    on: str | None = None,
) -> ChangesResult:
    """Compare two outputs revq wrote (values as text) and say the counts.

    Args:
        old: the previous output (.csv, .tsv, .json, .jsonl, .parquet; zipped or gzipped).
        new: the new output, same layout.
        key: the column that names a row (default: lead_id, else account_domain, else the
            first column).
        on: comma-separated columns to compare (default: every column both hold).

    Raises:
        InputError: an output that cannot be read, lacks the key or a column compared, or
            has a row without its key or a key naming two rows.
        RevqError: a file that is not a revq output.
    """
    old, new = Path(old), Path(new)
    before, after = _read_output(old), _read_output(new)
    column = key or next((k for k in DEFAULT_KEYS if k in after.columns), after.columns[0])
    compared = [c.strip() for c in on.split(",") if c.strip()] if on else None
    for path, frame in ((old, before), (new, after)):
        _check_key(path, frame, column)
        missing = [c for c in compared or [] if c not in frame.columns]
        if missing:
            raise InputError(path, f"--on: no column {', '.join(map(repr, missing))}")
    result = changed_rows(before, after, column, compared)
    run.info(
        f"{result.new + result.changed:,} rows to push ({result.new:,} new, "
        f"{result.changed:,} changed); {result.unchanged:,} unchanged; "
        f"{result.gone:,} in {old.name} no longer in {new.name} (keyed on {column})"
    )
    moved = sorted(((n, c) for c, n in result.by_column.items() if n), key=lambda x: -x[0])
    if moved:
        run.info("changed columns: " + ", ".join(f"{c} {n:,}" for n, c in moved))
    return ChangesResult(old, new, column, result, after.height, run)


def _read_output(path: Path) -> pl.DataFrame:
    """An output revq wrote, as written: text files as text, so values compare exactly, and
    without the quotes that made their cells formula-safe (the rows pushed are escaped again,
    or not, as this run's output asks). It may sit in a zip archive or be gzipped."""
    source = sources.locate(path)
    suffix = source.suffix
    try:
        if suffix == ".parquet":
            return pl.read_parquet(source.readable(), glob=False)
        if suffix in (".jsonl", ".ndjson"):
            return pl.read_ndjson(io.BytesIO(source.read()), infer_schema_length=None)
        if suffix == ".json":
            return pl.read_json(io.BytesIO(source.read()), infer_schema_length=None)
        if suffix in (".csv", ".tsv", ".txt", ""):
            sep = "\t" if suffix == ".tsv" else ","
            text = pl.read_csv(source.readable(), separator=sep, infer_schema=False, glob=False)
            return unescape_formulas(text)
    except Exception as exc:  # polars raises several kinds for a file it cannot parse
        raise InputError(path, f"cannot read as a revq output: {exc}".splitlines()[0]) from None
    raise RevqError(f"{path}: expected a revq output: .csv, .tsv, .json, .jsonl or .parquet")


def _check_key(path: Path, frame: pl.DataFrame, key: str) -> None:
    if key not in frame.columns:
        raise InputError(
            path, f"no column {key!r} to match rows on; it has {', '.join(frame.columns)}"
        )
    blank = pl.col(key).is_null() | (pl.col(key).cast(pl.String).str.strip_chars() == "")
    missing = frame.with_row_index("_record", offset=1).filter(blank)["_record"]
    if missing.len():
        # a row without its key can be matched to nothing: pushed as new, it would make a
        # record without an id in the CRM
        raise InputError(
            path,
            f"{missing.len():,} rows have no {key!r} (the first is record {missing[0]}): "
            "every row needs the key it is matched on",
        )
    repeated = frame.filter(pl.col(key).is_duplicated())
    if repeated.height:
        raise InputError(
            path,
            f"{key!r} {repeated[key][0]!r} names {repeated.height} rows: the key must name one",
        )
