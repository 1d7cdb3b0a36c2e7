"""The one way an input is read: a file, a pattern (`exports/activity_*.csv`,
`export.zip/Task_*.csv`), or several files of one input read as one; a Parquet export
streamed when the run reads its rows once. Each export is read once per run, and every
load's row accounting is said through the run's messages."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import polars as pl

from revq.config.models import LoadOptions
from revq.io import sources
from revq.io.event_kinds import name_type_ids, table_kinds, with_kind
from revq.io.file_sets import combine, cross_file_duplicates
from revq.io.load import Accounting, LoadResult, load_table
from revq.io.scan_load import scan_parquet_table

# An input as named: one export, a pattern, or several files read as one.
Export = Path | list[Path]
Say = Callable[[str], None]
Step = Callable[[str], AbstractContextManager[None]]


def no_step(text: str) -> AbstractContextManager[None]:
    return nullcontext()


def export_files(export: Export | None) -> list[Path]:
    """The files an input names, for the guard that keeps outputs off them."""
    if export is None:
        return []
    return list(export) if isinstance(export, list) else [export]


def expand(export: Path | Sequence[Path]) -> list[Path]:
    """Every file an input names, in order: a pattern's matches in name order."""
    named = [export] if isinstance(export, Path) else list(export)
    return [f for p in named for f in (sources.matches(p) if sources.is_pattern(p) else [p])]


def export_name(export: Export) -> Path:
    """What messages call an input."""
    return set_name(export) if isinstance(export, list) else export


def set_name(files: Sequence[Path]) -> Path:
    """What messages call several exports given as one input: their names joined."""
    if len(files) == 1:
        return files[0]
    return files[0].parent / " + ".join(f.name for f in files)


def accounting_line(result: LoadResult) -> str:
    """The row-accounting line said after every load: every row read is one of these."""
    what = f"{result.vendor} {result.table}" if result.table else "unrecognised table"
    return f"{result.path.name}: {what}: {accounted(result.accounting)}"


def accounted(a: Accounting) -> str:
    """'read 5,060 rows = 5,000 loaded + 60 duplicates merged': kinds of row the export has
    none of are left out, so the line fits a terminal."""
    others = (
        (a.rows_rejected, "rejected"),
        (a.footer_rows, "footer"),
        (a.duplicates_merged, "duplicates merged"),
        (a.deleted_in_source, "deleted in the source"),
        (a.other_properties, "of other properties"),
        (a.earlier_versions, "earlier versions"),
    )
    return f"read {a.rows_read:,} rows = {a.rows_loaded:,} loaded" + "".join(
        f" + {n:,} {kind}" for n, kind in others if n
    )


_Key = tuple[Path, str, str | None, str, tuple[str, ...] | None]


class _Background:
    """A load under way in a thread of its own, until `result` is asked for: that returns
    what the load returned or raises what it raised. The thread is a daemon: a run that stops
    on an error of another input does not wait for it."""

    def __init__(self, work: Callable[[], LoadResult]) -> None:
        self._result: LoadResult | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(work,), daemon=True)
        self._thread.start()

    def _run(self, work: Callable[[], LoadResult]) -> None:
        try:
            self._result = work()
        except BaseException as exc:  # raised again where the result is asked for
            self._error = exc

    def result(self) -> LoadResult:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result


class Loads:
    """The exports one run has read: each once (a report reads an input for several sections),
    by file, options, table and time zone; `by_path` is what the run read, for provenance."""

    def __init__(self, info: Say, warn: Say, step: Step = no_step) -> None:
        self._info, self._warn, self._step = info, warn, step
        self._results: dict[_Key, LoadResult] = {}
        self.by_path: dict[Path, LoadResult] = {}
        # A load with the project's joins applied, by the load's id (the load is kept above);
        # an association table read for a join, by its path.
        self.derived: dict[int, LoadResult] = {}
        self.links: dict[Path, pl.DataFrame] = {}
        self._started: dict[_Key, _Background] = {}

    def record(self, result: LoadResult) -> None:
        """A load made elsewhere (a related list, an inspection) said and kept as this run's."""
        self.by_path[sources.resolved(result.path)] = result
        self._info(accounting_line(result))
        for warning in result.warnings:
            self._warn(f"{result.path.name}: {warning}")

    def load(
        self,
        path: Path | Sequence[Path],
        options: LoadOptions,
        *,
        table: str | None,
        timezone: str = "UTC",
        stream: bool = False,
        reads: frozenset[str] | None = None,
    ) -> LoadResult:
        """An input loaded with its row accounting said. A pattern or several files are one
        input: each file loads and is accounted for on its own, then their rows are stacked.

        `stream`: a Parquet export that passes every check in one pass is not held but read as
        it is used (for a run that reads its rows once or twice, as scoring to a file does).
        `reads`: the columns the run reads (`load_table`); a load of every column serves too."""
        if isinstance(path, Path) and not sources.is_pattern(path):
            kind = table_kinds([path])[path] if table == "activities" else None
            return self._load_once(path, options, table, timezone, stream, kind, reads)
        files = expand(path)
        name = path if isinstance(path, Path) else set_name(files)
        key = self._found(_key(sources.resolved(name), options, table, timezone, reads))
        if key not in self._results:
            # Several event tables: each row's type is its type column's, else its table's kind.
            kinds = table_kinds(files) if table == "activities" else {}
            parts = [
                self._load_once(f, options, table, timezone, kind=kinds.get(f), reads=reads)
                for f in files
            ]
            combined = combine(name, parts, options.dedupe)
            self.by_path[sources.resolved(name)] = combined
            crossed = cross_file_duplicates(combined, parts)
            self._info(
                f"{name.name}: {len(parts)} files: {combined.accounting.rows_loaded:,} rows loaded"
                + (f" after {crossed:,} leads in more than one file merged" if crossed else "")
            )
            self._results[key] = combined
        return self._results[key]

    def start(
        self,
        path: Path,
        options: LoadOptions,
        *,
        table: str | None,
        timezone: str = "UTC",
        reads: frozenset[str] | None = None,
    ) -> None:
        """Begin reading an export a later `load` will ask for (one file, held), in a thread
        beside the run's: while another export is read, much of whose time is one core's (the
        census of its bytes, the loader's own Python), this one's reading takes the other
        core. Nothing is said until `load` asks for it: its messages, and its error if it has
        one, come where they would have come without it."""
        if sources.is_pattern(path):
            return
        kind = table_kinds([path])[path] if table == "activities" else None
        opts, key = self._keyed(path, options, table, timezone, reads, kind)
        if key in self._results or key in self._started:
            return
        self._started[key] = _Background(
            lambda: load_table(path, opts, table=table, timezone=timezone, reads=reads)
        )

    def _load_once(
        self,
        path: Path,
        options: LoadOptions,
        table: str | None,
        timezone: str,
        stream: bool = False,
        kind: str | None = None,
        reads: frozenset[str] | None = None,
    ) -> LoadResult:
        options, key = self._keyed(path, options, table, timezone, reads, kind)
        if key not in self._results:
            result = (
                scan_parquet_table(path, options, table=table, timezone=timezone)
                if stream
                else None
            )
            if result is None:
                with self._step(f"reading {path.name}{_size(path)}"):
                    started = self._started.pop(key, None)
                    result = (
                        started.result()
                        if started is not None
                        else load_table(path, options, table=table, timezone=timezone, reads=reads)
                    )
            if kind is not None:
                result = name_type_ids(result, kind)
            self.record(result)
            self._results[key] = result
        return self._results[key]

    def _keyed(
        self,
        path: Path,
        options: LoadOptions,
        table: str | None,
        timezone: str,
        reads: frozenset[str] | None,
        kind: str | None,
    ) -> tuple[LoadOptions, _Key]:
        """A file's options with its kind of events, and the key its load is kept by."""
        if kind is not None:
            options = with_kind(options, kind)
        return options, self._found(_key(sources.resolved(path), options, table, timezone, reads))

    def _found(self, key: _Key) -> _Key:
        """The key of a load that serves: the same, or one of every column already made."""
        whole = (*key[:4], None)
        return whole if whole in self._results else key


def _key(
    path: Path, options: LoadOptions, table: str | None, tz: str, reads: frozenset[str] | None
) -> _Key:
    return (
        path,
        options.model_dump_json(),
        table,
        tz,
        None if reads is None else tuple(sorted(reads)),
    )


def _size(path: Path) -> str:
    """' (84.2 MB)': how much there is to read, when it is a file that can be asked."""
    try:
        size = float(path.stat().st_size)
    except OSError:
        return ""
    if size < 1000:
        return f" ({size:.0f} bytes)"
    for unit in ("kB", "MB", "GB"):
        size /= 1000
        if size < 1000 or unit == "GB":
            break
    return f" ({size:,.1f} {unit})"
