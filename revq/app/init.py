"""Scaffolding a project: revq.yaml (the paths of the team's exports, config files, time zone,
fiscal calendar, output folder) and starter configs, so that later commands run with no
arguments. Given the team's exports, inputs names each by the table its headers say it is, and
the starter scoring rules that read lead columns those leads lack are turned off."""

from __future__ import annotations

import glob
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from revq.app.results import Outcome
from revq.app.run import Run
from revq.app.starter import Starter, StarterOptions, learn_starter
from revq.config.models import LoadOptions
from revq.config.scoring import load_scoring, refs_line, unknown_columns
from revq.errors import InputError, RevqError
from revq.io import sources
from revq.io.load import load_table, sniff
from revq.io.project import PROJECT_FILE
from revq.io.sources import DATA_SUFFIXES, archive_exports
from revq.io.writers import write_bytes_atomic

# Inputs in the order revq.yaml lists them, with the words an export of each is named by, the
# likeliest first: when several exports fit one table, the name decides.
TABLE_NAMES = {
    "leads": ("lead", "contact", "prospect"),
    "activities": ("activit", "task", "event", "engagement"),
    "signals": ("signal", "intent", "trigger"),
    "dispositions": ("disposition", "status", "rejection"),
    "stage_history": ("leadhistory", "lead_history", "contact", "lead", "history", "stage"),
    "opportunities": ("opportunit", "deal"),
}

# Table -> (the export as revq.yaml names it, or several read as one; its vendor).
Found = dict[str, tuple[str | list[str], str]]


@dataclass(frozen=True, eq=False, repr=False)
class InitResult(Outcome):
    """A project scaffolded.

    Attributes:
        directory: the project's folder.
        created: the files written, in the order they were written.
        inputs: table -> (the export as revq.yaml names it, or several read as one; its
            vendor), of the exports found; None when none were given.
        starter: the scoring config fitted to the leads export found (where it came from,
            its held-out AUC, the columns left out); None without one.
    """

    directory: Path
    created: tuple[Path, ...]
    inputs: Found | None
    _run: Run = field(repr=False)
    starter: Starter | None = None

    @property
    def project_file(self) -> Path:
        """The revq.yaml written."""
        return self.directory / PROJECT_FILE

    def metrics(self) -> dict[str, Any]:
        """`revq init` takes no --fail-on."""
        return {}


def init(
    run: Run,
    directory: Path | str = Path("."),
    *,
    exports: Sequence[Path | str] | None = None,
    force: bool = False,
    starter: StarterOptions | None = None,
) -> InitResult:
    """Write revq.yaml and the starter configs (scoring, funnel, reasons, load) into
    `directory`, and say each file created.

    Args:
        directory: the folder of the new project.
        exports: files, folders or zip archives to fill inputs with: each goes to the table
            its headers say it is.
        force: overwrite existing files.
        starter: how the scoring config is fitted to the leads export found (learned from
            its outcome, or from its profile); by default learned when it holds an outcome.

    Returns:
        The files created, and the inputs found.

    Raises:
        RevqError: a file that already exists (without `force`; nothing is written then), an
            export given that is not there, or no export revq knows among those given.
    """
    directory = Path(directory)
    templates = resources.files("revq.data") / "project"
    given = [Path(e) for e in exports or []]
    found = _find_inputs(run, directory, given) if given else None
    entries = sorted(
        (e for e in templates.iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name
    )
    targets = [
        directory / (PROJECT_FILE if e.name == "revq.yaml" else f"configs/{e.name}")
        for e in entries
    ]
    # Every file is checked before any is written: a refusal leaves no half-made project.
    for target in targets:
        if target.exists() and not force:
            raise RevqError(f"{target}: already exists; pass --force to overwrite")
    fitted = _fitted_starter(run, directory, found, starter or StarterOptions())
    written = []
    for entry, target in zip(entries, targets, strict=True):
        data = entry.read_bytes()
        if found is not None and entry.name == "revq.yaml":
            data = _with_inputs(data.decode("utf-8"), found).encode("utf-8")
        if fitted is not None and entry.name == "scoring.yaml":
            data = fitted.text.encode("utf-8")
        write_bytes_atomic(target, data, say=run.info)
        written.append(target)
    for target in written:
        run.info(f"created {target}")
    for line in fitted.lines if fitted is not None else ():
        run.info(line)
    if fitted is None and found is not None and "leads" in found:
        leads, vendor = found["leads"]
        if isinstance(leads, str):  # only activities are ever several exports
            _check_starter_scoring(run, directory, leads, vendor)
    return InitResult(directory, tuple(written), found, run, fitted)


def _fitted_starter(
    run: Run, directory: Path, found: Found | None, options: StarterOptions
) -> Starter | None:
    """The scoring config fitted to the leads export found (revq.app.starter); None without
    one, when revq's example config is written."""
    if found is None or "leads" not in found:
        if options != StarterOptions():
            raise RevqError(
                "--outcome, --no-learn and --keep-column need a leads export (--exports)"
            )
        return None
    leads, vendor = found["leads"]
    if not isinstance(leads, str):  # only activities are ever several exports
        return None
    return learn_starter(run, directory / leads, vendor, options)


def _find_inputs(run: Run, directory: Path, exports: list[Path]) -> Found:
    """Table -> (path relative to the project, vendor): the export (or exports) each table is
    read from."""
    candidates: dict[str, list[tuple[str, str]]] = {}
    real: dict[str, Path] = {}
    files = _export_paths(exports)
    left_out: list[tuple[str, str]] = []  # (the error, were it the only export; the warning)
    for path in files:
        try:
            detection = sniff(path, LoadOptions())
        except InputError as exc:
            left_out.append((str(exc), f"skipped {exc}"))
            continue
        shown = _project_path(path, directory)
        if detection is None or not detection.complete:
            left_out.append(
                (f"{path}: not a table revq knows", f"{shown}: not a table revq knows; left out")
            )
            continue
        candidates.setdefault(detection.table, []).append((shown, detection.vendor))
        real[shown] = path
    if len(files) == 1 and left_out:  # the one export given: why it is not one is the error
        raise RevqError(left_out[0][0])
    for _, warning in left_out:
        run.warn(warning)
    found: Found = {}
    for table, words in TABLE_NAMES.items():
        options = candidates.get(table, [])
        if not options:
            continue
        if table == "activities" and len(options) > 1:
            pattern = _pattern_of(options, real)
            if pattern is not None:  # a sync's table per activity type: all of them, as one
                found[table] = pattern
                run.info(f"activities: {pattern[0]} ({pattern[1]}), {len(options)} exports")
                continue
            if len({vendor for _, vendor in options}) == 1:  # Task and Event: both, as one
                paths = sorted(shown for shown, _ in options)
                found[table] = (paths, options[0][1])
                run.info(f"activities: {', '.join(paths)} ({options[0][1]}), read as one")
                continue
        # The export named most like its table (Lead.csv before Contact.csv, Task before Event),
        # then by name.
        chosen = min(options, key=lambda o: (_name_rank(o[0], words), o[0]))
        found[table] = chosen
        run.info(f"{table}: {chosen[0]} ({chosen[1]})")
        others = [o[0] for o in options if o != chosen]
        if others:
            run.warn(f"{table}: also {', '.join(others)}; revq.yaml names {chosen[0]}")
    if not found:
        raise RevqError("no export revq knows among " + ", ".join(str(p) for p in exports))
    leads = found["leads"][0] if "leads" in found else None
    if isinstance(leads, str) and "dispositions" not in found:
        found = _status_as_dispositions(run, found, real[leads])
    return found


def _status_as_dispositions(run: Run, found: Found, leads: Path) -> Found:
    """With no dispositions export, the leads' own status (Salesforce's Status, HubSpot's and
    Marketo's Lead Status: the verdict sales sets) is what `revq audit rejections` reads."""
    shown, vendor = found["leads"]
    status = sniff(leads, LoadOptions(source=vendor, table="dispositions"))
    if status is None or not status.complete or "disposition" not in status.mapping:
        return found
    run.info(f"dispositions: {shown} ({vendor}), its {status.mapping['disposition']!r} column")
    with_status = {**found, "dispositions": found["leads"]}
    return {table: with_status[table] for table in TABLE_NAMES if table in with_status}


def _check_starter_scoring(run: Run, directory: Path, leads: str, vendor: str) -> None:
    """Turn off the starter rules, routes and segments that read lead columns the team's leads
    lack (revq score refuses a model that reads a column its leads do not have), so that the
    first score runs: each is left commented out with the column it needs."""
    config = directory / "configs" / "scoring.yaml"
    try:
        columns = set(load_table(directory / leads, LoadOptions(source=vendor)).frame.columns)
    except InputError as exc:
        run.warn(f"could not load the leads to check the scoring model: {exc}")
        return
    original = config.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    name = Path(leads).name
    off: list[str] = []
    missing = unknown_columns(load_scoring(config), columns)
    while missing:
        column, key = missing[0]
        line = refs_line(config, key)
        block = None
        if line:
            block = _list_item(lines, line - 1) or _action(lines, line - 1, key)
        if block is None or len(off) > 50:
            write_bytes_atomic(config, original.encode("utf-8"), say=run.info)
            listed = ", ".join(f"{c} (line {refs_line(config, k)})" for c, k in missing)
            run.warn(
                f"{config} reads lead columns {name} does not have: {listed}; edit those "
                "rules, or map the columns with load.columns, before revq score"
            )
            return
        why = f"off: {name} has no {column} column"
        if key.startswith("actions."):
            why += "; revq's default next action applies"
        _comment_out(lines, *block, why)
        off.append(column)
        write_bytes_atomic(config, "".join(lines).encode("utf-8"), say=run.info)
        missing = unknown_columns(load_scoring(config), columns)
    if off:
        run.warn(
            f"{config}: {len(off)} starter rule{'s' if len(off) > 1 else ''} turned off, for "
            f"columns {name} does not have ({', '.join(dict.fromkeys(off))}); map them with "
            "load.columns and uncomment the rules to score on them"
        )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _list_item(lines: list[str], at: int) -> tuple[int, int] | None:
    """[first, end) lines of the YAML list item holding line `at` (a rule, a route, a
    segment), or None when the line is in no list item."""
    first = next(
        (
            i
            for i in range(at, -1, -1)
            if lines[i].lstrip().startswith("- ") and _indent(lines[i]) <= _indent(lines[at])
        ),
        None,
    )
    if first is None:
        return None
    end = _block_end(lines, first)
    # A line above every list item (an action's template under `actions:`) is in none.
    return (first, end) if at < end else None


def _action(lines: list[str], at: int, key: str) -> tuple[int, int] | None:
    """[first, end) lines of a next-action template (`actions.STAGE`): turned off, the stage
    gets revq's default next action, which reads no lead column."""
    if not key.startswith("actions.") or not lines[at].lstrip().startswith(key[8:] + ":"):
        return None
    return at, _block_end(lines, at)


def _block_end(lines: list[str], first: int) -> int:
    """The end of the entry starting at `first`: the lines indented under it."""
    end = first + 1
    while end < len(lines) and (
        not lines[end].strip()
        or lines[end].lstrip().startswith("#")
        or _indent(lines[end]) > _indent(lines[first])
    ):
        end += 1
    while end > first + 1 and not lines[end - 1].strip():
        end -= 1  # the blank lines after the entry belong to what follows
    return end


def _comment_out(lines: list[str], first: int, end: int, why: str) -> None:
    """Comment out lines[first:end]; a list left with no item becomes `[]`, a mapping `{}`."""
    for i in range(first, end):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            pad = " " * _indent(lines[i])
            lines[i] = f"{pad}# {lines[i].strip()}\n"
    lines[first] = lines[first].rstrip("\n") + f"  # {why}\n"
    item = _indent(lines[first])
    live = [
        i for i in range(len(lines)) if lines[i].strip() and not lines[i].lstrip().startswith("#")
    ]
    before = [i for i in live if i < first]
    after = [i for i in live if i >= end]
    parent = before[-1] if before else None
    nxt = lines[after[0]] if after else ""
    sibling = _indent(nxt) >= item
    if parent is None or _indent(lines[parent]) >= item or sibling:
        return
    # The key the entries hung from, with none left live: `gates:  # comment` -> `gates: []`.
    bare = re.fullmatch(r"(\s*[\w.-]+:)(\s*#.*)?\n?", lines[parent])
    if bare:
        empty = "[]" if lines[first].lstrip("# ").startswith("- ") else "{}"
        lines[parent] = f"{bare[1]} {empty}{bare[2] or ''}\n"


def _pattern_of(options: list[tuple[str, str]], real: dict[str, Path]) -> tuple[str, str] | None:
    """One wildcard pattern naming exactly these exports (`activity_*_data.csv`), when they
    are of one vendor, in one folder, and no other export of the folder matches it."""
    vendors = {vendor for _, vendor in options}
    folders = {real[shown].parent for shown, _ in options}
    if len(vendors) != 1 or len(folders) != 1:
        return None
    names = [real[shown].name for shown, _ in options]
    prefix = _common_start(names)
    suffix = _common_start([n[len(prefix) :][::-1] for n in names])[::-1]
    if not prefix and not suffix:
        return None
    folder = folders.pop()
    pattern = folder / f"{glob.escape(prefix)}*{glob.escape(suffix)}"
    if sorted(sources.matching(pattern)) != sorted(real[shown] for shown, _ in options):
        return None
    shown = options[0][0]
    return f"{shown[: len(shown) - len(names[0])]}{pattern.name}", vendors.pop()


def _common_start(words: list[str]) -> str:
    """The characters every word starts with."""
    first, last = min(words), max(words)  # the two that differ soonest
    pairs = enumerate(zip(first, last, strict=False))
    same = next((i for i, (a, b) in pairs if a != b), len(first))
    return first[:same]


def _name_rank(path: str, words: tuple[str, ...]) -> int:
    name = Path(path).name.lower()
    return next((i for i, w in enumerate(words) if w in name), len(words))


def _project_path(path: Path, directory: Path) -> str:
    """As revq.yaml names it: relative to the project when inside it, else absolute."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(directory.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def _export_paths(exports: list[Path]) -> list[Path]:
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


def _with_inputs(template: str, found: Found) -> str:
    """The template's inputs block replaced by the exports found."""
    lines = []
    for table, (path, vendor) in found.items():
        source = f", source: {vendor}" if vendor != "generic" else ""
        named = _quoted(path) if isinstance(path, str) else f"[{', '.join(map(_quoted, path))}]"
        lines.append(f"  {table}: {{path: {named}{source}}}")
    block = "inputs:\n" + "\n".join(lines) + "\n"
    new, count = re.subn(r"^inputs:\n(?:  .*\n)*", block, template, flags=re.M)
    if count != 1:  # pragma: no cover - the packaged template has one inputs block
        raise RevqError("the project template has no inputs block")
    return new


def _quoted(path: str) -> str:
    """A path as a YAML flow scalar: quoted when plain YAML would misread it."""
    return path if re.fullmatch(r"[\w./-]+", path) else '"' + path.replace('"', '\\"') + '"'
