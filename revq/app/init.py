"""Scaffolding a project: revq.yaml (the paths of the team's exports, config files, time zone,
fiscal calendar, output folder) and starter configs, so that later commands run with no
arguments. Given the team's exports, inputs names each by the table its headers say it is, and
the starter scoring rules that read lead columns those leads lack are turned off."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from revq.app.filled_columns import filled_from_joins
from revq.app.inputs import load_input_of, open_project
from revq.app.placing import Placed, Placement, parse_forced, place_exports
from revq.app.results import Outcome
from revq.app.run import Run
from revq.app.scoring import scored_activities
from revq.app.starter import Starter, StarterOptions, starter_config
from revq.app.table_outcome import outcome_from_tables
from revq.config.loader import load_yaml
from revq.config.models import ProjectConfig
from revq.config.scoring import load_scoring, refs_line, unknown_columns
from revq.errors import RevqError
from revq.io.project import PROJECT_FILE, Project
from revq.io.writers import write_bytes_atomic

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
    tables: Sequence[str] = (),
    starter: StarterOptions | None = None,
) -> InitResult:
    """Write revq.yaml and the starter configs (scoring, funnel, reasons, load) into
    `directory`, and say each file created.

    Args:
        directory: the folder of the new project.
        exports: files, folders or zip archives to fill inputs with: each goes to the table
            its headers say it is, or its keys and content; the contacts and accounts the
            leads name are joined into them.
        force: overwrite existing files.
        tables: `TABLE=FILE` items placing a file the exports do not place by themselves
            (leads, contacts, accounts, activities, signals, dispositions, stage_history,
            opportunities).
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
    forced = parse_forced(tables)
    placed = place_exports(run, directory, given, forced) if given or forced else None
    found: Found | None = None
    if placed is not None:
        found = {name: (entry.path, entry.vendor) for name, entry in placed.items()}
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
    project_text = None
    if placed is not None:
        template = (templates / "revq.yaml").read_text(encoding="utf-8")
        project_text = _with_inputs(template, placed)
    # The folder exists while the leads are read for the fit: revq.yaml may name an export
    # beside it (../Leads.csv), a path the system follows only through a folder that exists.
    made = not directory.exists()
    directory.mkdir(parents=True, exist_ok=True)
    try:
        fitted = _fitted_starter(run, directory, project_text, starter or StarterOptions())
    except RevqError:
        if made:
            directory.rmdir()
        raise
    written = []
    for entry, target in zip(entries, targets, strict=True):
        data = entry.read_bytes()
        if project_text is not None and entry.name == "revq.yaml":
            data = project_text.encode("utf-8")
        if fitted is not None and entry.name == "scoring.yaml":
            data = fitted.text.encode("utf-8")
        write_bytes_atomic(target, data, say=run.info)
        written.append(target)
    for target in written:
        run.info(f"created {target}")
    for line in fitted.lines if fitted is not None else ():
        run.info(line)
    if fitted is None and placed is not None and "leads" in placed:
        leads = placed["leads"].path
        _check_starter_scoring(run, directory, leads if isinstance(leads, str) else leads[0])
    return InitResult(directory, tuple(written), found, run, fitted)


def _fitted_starter(
    run: Run, directory: Path, project_text: str | None, options: StarterOptions
) -> Starter | None:
    """The scoring config fitted to the leads the new revq.yaml names (revq.app.starter), read
    as every command will read them: with their contacts and accounts joined in. None without
    leads, when revq's example config is written (and when they do not load, said as a
    warning)."""
    project = None
    if project_text is not None:
        config = ProjectConfig.model_validate(load_yaml(project_text))
        if "leads" in config.inputs:
            project = Project(directory.resolve(), config)
    if project is None:
        if options != StarterOptions():
            raise RevqError(
                "--outcome, --no-learn and --keep-column need a leads export (--exports)"
            )
        return None
    try:
        # A run of its own: the load lines are said again when the project's commands run.
        loaded = load_input_of(Run(), project, None, "leads")
    except RevqError as exc:
        run.warn(f"could not load the leads to fit the scoring config to them: {exc}")
        return None
    if loaded is None:
        return None
    # When the leads hold no outcome, a won opportunity or a stage history may.
    reached = outcome_from_tables(run, project, loaded) if options.learn else None
    return starter_config(
        run,
        loaded.frame,
        options,
        name=loaded.path.name,
        headers=dict(loaded.mapping),
        table_outcome=reached,
        same_as=filled_from_joins(project, set(loaded.frame.columns)),
        activities=scored_activities(run, project, loaded),
    )


def _check_starter_scoring(run: Run, directory: Path, leads: str) -> None:
    """Turn off the starter rules, routes and segments that read lead columns the team's leads
    lack (revq score refuses a model that reads a column its leads do not have), so that the
    first score runs: each is left commented out with the column it needs. The leads are read
    as every command reads them: with the contacts and accounts joined in."""
    config = directory / "configs" / "scoring.yaml"
    try:
        project = open_project(directory)
        loaded = load_input_of(Run(), project, None, "leads")
        events = load_input_of(Run(), project, None, "activities")
    except RevqError as exc:
        run.warn(f"could not load the leads to check the scoring model: {exc}")
        return
    if loaded is None:
        return
    columns = set(loaded.columns)
    name = Path(leads).name
    # The event rules read the activities' columns: a type a table's name gave, and no detail
    # when no event table has one.
    activity_columns = set(events.columns) if events is not None else None

    def unread() -> list[tuple[str, str, str]]:
        compiled = load_scoring(config)
        out = [(c, k, f"{name} has") for c, k in unknown_columns(compiled, columns)]
        if activity_columns is not None:
            out += [
                (c, k, "the activities have")
                for c, k in compiled.activity_refs.items()
                if c not in activity_columns
            ]
        return out

    original = config.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    off: list[str] = []
    missing = unread()
    while missing:
        column, key, whose = missing[0]
        line = refs_line(config, key)
        block = None
        if line:
            block = _list_item(lines, line - 1) or _action(lines, line - 1, key)
        if block is None or len(off) > 50:
            write_bytes_atomic(config, original.encode("utf-8"), say=run.info)
            listed = ", ".join(f"{c} (line {refs_line(config, k)})" for c, k, _ in missing)
            run.warn(
                f"{config} reads lead columns {name} does not have: {listed}; edit those "
                "rules, or map the columns with load.columns, before revq score"
            )
            return
        why = f"off: {whose} no {column} column"
        if key.startswith("actions."):
            why += "; revq's default next action applies"
        _comment_out(lines, *block, why)
        off.append(column)
        write_bytes_atomic(config, "".join(lines).encode("utf-8"), say=run.info)
        missing = unread()
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


def _with_inputs(template: str, placed: Placement) -> str:
    """The template's inputs block replaced by the exports placed."""
    lines = []
    for table, entry in placed.items():
        lines += _input_lines(table, entry)
    block = "inputs:\n" + "\n".join(lines) + "\n"
    new, count = re.subn(r"^inputs:\n(?:  .*\n)*", block, template, flags=re.M)
    if count != 1:  # pragma: no cover - the packaged template has one inputs block
        raise RevqError("the project template has no inputs block")
    return new


def _input_lines(table: str, entry: Placed) -> list[str]:
    """One input as revq.yaml writes it: on a line when it is a path and a vendor, else a
    block with its load options and its joins, one to a line."""
    path = entry.path
    named = _quoted(path) if isinstance(path, str) else f"[{', '.join(map(_quoted, path))}]"
    source = f", source: {entry.vendor}" if entry.vendor != "generic" else ""
    if not entry.options and not entry.join:
        return [f"  {table}: {{path: {named}{source}}}"]
    lines = [f"  {table}:", f"    path: {named}"]
    if entry.vendor != "generic":
        lines.append(f"    source: {entry.vendor}")
    for key, value in entry.options.items():
        lines.append(f"    {key}: {_flow(value)}")
    if entry.join:
        lines.append("    join:")
        lines += [f"      - {_flow(join)}" for join in entry.join]
    return lines


def _flow(value: object) -> str:
    """A value as a YAML flow scalar, list or mapping."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    text = str(value)
    if text in ("true", "false") or not re.fullmatch(r"[\w./-]+", text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def _quoted(path: str) -> str:
    """A path as a YAML flow scalar: quoted when plain YAML would misread it."""
    return path if re.fullmatch(r"[\w./-]+", path) else '"' + path.replace('"', '\\"') + '"'
