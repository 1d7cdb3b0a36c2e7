"""Inspecting an export: what it holds and how revq reads it (the detected vendor and table,
the column mapping, the row accounting, a profile of every column), or, for a zip archive of
several exports, which table each of them is."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import polars as pl

from revq.app.inputs import load_options_for, timezone_of
from revq.app.results import Outcome
from revq.app.run import Run
from revq.config.models import LoadOptions
from revq.core.profile import profile_columns
from revq.errors import InputError
from revq.io import sources
from revq.io.file_sets import combine
from revq.io.load import Accounting, LoadResult, load_table, sniff
from revq.io.project import Project
from revq.io.stdin import shown, shown_result
from revq.io.writers import csv_text, write_bytes_atomic, write_frame_atomic
from revq.render.inspect_view import archive_frame, archive_json, inspect_json, inspect_payload

INSPECT_METRICS = (
    "rows_read",
    "rows_loaded",
    "rows_rejected",
    "footer_rows",
    "duplicates_merged",
    "deleted_in_source",
    "other_properties",
    "earlier_versions",
    "rejected_rate",
)

TextFormat = Literal["json", "csv"]


@dataclass(frozen=True, eq=False, repr=False)
class InspectResult(Outcome):
    """An export as revq reads it.

    Attributes:
        file: the export as named (a pattern is inspected as the one input it is).
        load: the load, named as messages name it (standard input as `stdin.csv`, ...).
        profile: a profile of every loaded column (type, nulls, examples, ...).
    """

    file: Path
    load: LoadResult = field(repr=False)
    profile: pl.DataFrame = field(repr=False)
    _run: Run = field(repr=False)

    @property
    def accounting(self) -> Accounting:
        """Every row read, and where it went."""
        return self.load.accounting

    @property
    def rejects(self) -> pl.DataFrame:
        """The quarantined rows: file, line, column, rule, raw value."""
        return self.load.rejects

    def metrics(self) -> dict[str, Any]:
        """The row accounting, and the share of rows read that were rejected."""
        a = self.load.accounting
        values = {
            **a.to_dict(),
            "rejected_rate": round(a.rows_rejected / a.rows_read, 4) if a.rows_read else 0.0,
        }
        return {k: values[k] for k in INSPECT_METRICS}

    def to_dict(self) -> dict[str, Any]:
        """The object `revq inspect --format json` prints."""
        return inspect_payload(self.load, self.profile)

    def to_json(self) -> str:
        """Exactly what `revq inspect --format json` prints."""
        return inspect_json(self.load, self.profile)

    def to_csv(self, *, escape_formulas: bool = True) -> str:
        """Exactly what `revq inspect --format csv` prints: the profile, examples joined,
        formula-safe unless `escape_formulas` is False."""
        profile = self.profile
        joined = profile.with_columns(profile["examples"].list.join(" | "))
        return csv_text(joined, escape=escape_formulas)

    def write(
        self, path: Path | str, fmt: TextFormat = "json", *, escape_formulas: bool = True
    ) -> None:
        """The inspection as JSON (or the profile as CSV), atomically: what
        `revq inspect --format FMT --out PATH` writes (the table format writes JSON).

        Raises:
            RevqError: a path that is the export inspected.
        """
        text = self.to_csv(escape_formulas=escape_formulas) if fmt == "csv" else self.to_json()
        write_bytes_atomic(
            Path(path),
            text.encode("utf-8"),
            inputs=self._run.guarded(self.file),
            say=self._run.info,
        )

    def write_rejects(self, path: Path | str, *, escape_formulas: bool = True) -> int:
        """The quarantined rows to a file, atomically, by its suffix (`--rejects-out`); their
        raw values formula-safe in CSV, TSV and workbooks unless `escape_formulas` is False.

        Returns:
            The number of rejects written.
        """
        rejects = self.load.rejects
        write_frame_atomic(
            Path(path),
            rejects,
            inputs=self._run.guarded(self.file),
            escape=escape_formulas,
            say=self._run.info,
        )
        return rejects.height


@dataclass(frozen=True, eq=False, repr=False)
class ArchiveInspection(Outcome):
    """A zip archive of several exports (Salesforce's weekly export): each member with the
    vendor and table its headers say it is, or a note saying why none.

    Attributes:
        archive: the archive as named.
        name: the archive as messages name it.
        exports: one dict per member: member, bytes, vendor, table, note.
    """

    archive: Path
    name: str
    exports: tuple[dict[str, Any], ...]
    _run: Run = field(repr=False)

    def metrics(self) -> dict[str, Any]:
        """An archive is not loaded: no figure of the row accounting has a value."""
        return dict.fromkeys(INSPECT_METRICS)

    def to_dict(self) -> dict[str, Any]:
        """The object `revq inspect ARCHIVE --format json` prints."""
        return {"file": self.name, "exports": list(self.exports)}

    def to_json(self) -> str:
        """Exactly what `revq inspect ARCHIVE --format json` prints."""
        return archive_json(self.name, list(self.exports))

    def to_csv(self, *, escape_formulas: bool = True) -> str:
        """Exactly what `revq inspect ARCHIVE --format csv` prints."""
        return csv_text(archive_frame(self.name, list(self.exports)), escape=escape_formulas)

    def write(
        self, path: Path | str, fmt: TextFormat = "json", *, escape_formulas: bool = True
    ) -> None:
        """The listing as JSON or CSV, atomically: what `revq inspect ARCHIVE --format FMT
        --out PATH` writes (the table format writes JSON)."""
        text = self.to_csv(escape_formulas=escape_formulas) if fmt == "csv" else self.to_json()
        write_bytes_atomic(
            Path(path),
            text.encode("utf-8"),
            inputs=self._run.guarded(self.archive),
            say=self._run.info,
        )


def inspect(
    run: Run,
    project: Project | None,
    file: Path | str,
    *,
    source: str | None = None,
    table: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    date_order: str | None = None,
    decimal: str | None = None,
    config: Path | None = None,
    keep_deleted: bool | None = None,
) -> InspectResult | ArchiveInspection:
    """Load an export (each file of a pattern, then the set they make) and profile it, saying
    each load's row accounting; a zip archive of several exports is listed instead.

    Args:
        file: the export: a file, a member of an archive (`export.zip/Lead.csv`), a pattern.
        config: a load config (YAML) for this file; the flags after it win.

    Returns:
        An InspectResult, or an ArchiveInspection for an archive of several exports.

    Raises:
        InputError: an export that cannot be read.
        ConfigError: a load config that is not valid.
    """
    file = Path(file)
    listing = sources.several_exports(file)
    if listing is not None:  # a whole export (Salesforce's weekly one): say what is in it
        opts = load_options_for(project, file, table, config, source=source, encoding=encoding)
        return _inspect_archive(run, file, listing, opts)
    opts = load_options_for(
        project,
        file,
        table,
        config,
        source=source,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        date_order=date_order,
        decimal=decimal,
        keep_deleted=keep_deleted,
    )
    tz = timezone_of(project)
    # A pattern is inspected as the one input it is: every file, then the set they make.
    parts = [load_table(f, opts, timezone=tz, require_table=False) for f in sources.matches(file)]
    for part in parts:
        run.loads.record(part)
    result = combine(file, parts, opts.dedupe) if sources.is_pattern(file) else parts[0]
    result = shown_result(result)
    return InspectResult(file, result, profile_columns(result.frame), run)


def _inspect_archive(
    run: Run, archive: Path, listing: list[tuple[str, int]], opts: LoadOptions
) -> ArchiveInspection:
    """Each export of the archive with the vendor and table its headers say it is."""
    rows = []
    for member, size in listing:
        row: dict[str, Any] = {"member": member, "bytes": size, "vendor": None, "table": None}
        try:
            found = sniff(archive / member, opts)
        except InputError as exc:
            row["note"] = exc.message
        else:
            if found is not None and found.complete:
                row |= {"vendor": found.vendor, "table": found.table, "note": None}
            else:
                row["note"] = "not a table revq knows"
        rows.append(row)
    name = shown(str(archive))
    run.info(f"{name}: a zip archive of {len(rows)} exports: inspect one as {name}/{listing[0][0]}")
    return ArchiveInspection(archive, name, tuple(rows), run)
