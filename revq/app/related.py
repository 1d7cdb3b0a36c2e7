"""The project's joins, applied where its inputs are loaded, so that every command reads the
same rows: the leads with their contacts and accounts joined in (a contact's title is the
lead's title), the opportunities with the lead an association table pairs them with, and the
events of a lead's contact given to the lead. What each join found is said on stderr."""

from __future__ import annotations

from revq.app.inputs import load_options_for, project_input
from revq.app.run import Run
from revq.config.models import DedupeOptions, InputSpec, JoinSpec, LoadOptions
from revq.errors import RevqError
from revq.io import sources
from revq.io.exports import Export, export_files, export_name
from revq.io.joins import (
    NOUN,
    JoinCount,
    Link,
    Side,
    contact_events,
    default_prefix,
    join_inputs,
)
from revq.io.load import LoadResult, read_raw
from revq.io.project import Project

# The table an input's rows are read as: a contact is a person, read with the leads' columns.
INPUT_TABLES = {"contacts": "leads"}


def input_table(name: str) -> str:
    return INPUT_TABLES.get(name, name)


def with_joins(
    run: Run, project: Project | None, table: str, named: Export, result: LoadResult, tz: str
) -> LoadResult:
    """`result`, the project's input `table` as loaded, with what revq.yaml joins into it; any
    other export (one given on the command line) as it is."""
    spec = project.config.inputs.get(table) if project is not None else None  # type: ignore[call-overload]
    if project is None or spec is None or not _is_input(project, table, named):
        return result
    memo = run.loads.derived
    if id(result) in memo:
        return memo[id(result)]
    joined = _joined(run, project, table, spec, result, tz) if spec.join else result
    if table == "activities":
        joined = _contact_events(run, project, joined, tz)
    memo[id(result)] = joined
    return joined


def joins_into(project: Project | None, table: str) -> bool:
    """Whether revq.yaml joins another input into the input `table` (by any of its columns;
    the events of a lead's contact are found by the events' lead ids alone)."""
    spec = project.config.inputs.get(table) if project is not None else None  # type: ignore[call-overload]
    return spec is not None and bool(spec.join)


def _is_input(project: Project, table: str, named: Export) -> bool:
    wanted = export_files(project.input_path(table))
    return [sources.resolved(p) for p in export_files(named)] == [
        sources.resolved(p) for p in wanted
    ]


def _joined(
    run: Run, project: Project, table: str, spec: InputSpec, result: LoadResult, tz: str
) -> LoadResult:
    sides = []
    for i, join in enumerate(spec.join):
        side = _side(run, project, f"inputs.{table}.join[{i}]", join, tz)
        if side is not None:
            sides.append(side)
    if not sides:
        return result
    joined, counts = join_inputs(result, sides)
    for count in counts:
        _say(run, result, count)
    return joined


def _side(run: Run, project: Project, where: str, join: JoinSpec, tz: str) -> Side | None:
    named = project_input(run, project, join.input)  # one not there is warned about
    if named is None:
        return None
    table = input_table(join.input)
    options = load_options_for(project, export_name(named), table)
    if join.input != "leads":
        # the one side: an id found twice is an error, not two records merged into one
        options = options.model_copy(update={"dedupe": DedupeOptions(enabled=False)})
    loaded = run.loads.load(named, options, table=table, timezone=tz)
    link = None
    if join.through is not None:
        link = _link(run, project, where, join)
        if link is None:
            return None
    prefix = join.prefix if join.prefix is not None else default_prefix(join.input, table)
    return Side(join.input, loaded, join.on, join.key, prefix, link, f"revq.yaml: {where}")


def _link(run: Run, project: Project, where: str, join: JoinSpec) -> Link | None:
    """The association table of a join, read as found (once a run)."""
    assert join.through is not None
    path = project.root / join.through.path
    if not sources.present(path):
        run.warn(
            f"revq.yaml: {where}.through: {join.through.path} not found; {join.input} "
            "are not joined"
        )
        return None
    key = sources.resolved(path)
    if key not in run.loads.links:
        raw = read_raw(path, LoadOptions())
        for column in (join.through.left, join.through.right):
            if column not in raw.headers:
                raise RevqError(
                    f"revq.yaml: {where}.through: {path.name} has no column {column!r}; its "
                    f"columns: {', '.join(raw.headers)}"
                )
        run.info(f"{path.name}: association table: read {raw.frame.height:,} rows")
        run.loads.links[key] = raw.frame
    frame = run.loads.links[key]
    return Link(path, frame, join.through.left, join.through.right)


def _say(run: Run, left: LoadResult, count: JoinCount) -> None:
    noun = NOUN.get(left.table or "", "row")
    plural = f"{noun}s" if noun != "opportunity" else "opportunities"
    record = "a contact" if count.input == "contacts" else f"{_an(count.input[:-1])}"
    line = f"{left.path.name}: {count.input} joined by {count.on}: "
    line += f"{count.matched:,} of {count.rows:,} {plural} matched"
    others = []
    if count.missing:
        verb = "names" if count.missing == 1 else "name"
        others.append(f"{count.missing:,} {verb} {record} not in {count.file}")
    if count.no_key:
        others.append(f"{count.no_key:,} {'names' if count.no_key == 1 else 'name'} none")
    if others:
        line += f"; {', '.join(others)} (kept)"
    run.info(line)
    if count.missing and count.example is not None:
        value, at, own = count.example
        one = count.missing == 1
        # the line of a row of several files read as one is not a line of any of them
        where = f"line {at}" if " + " not in left.path.name else ""
        if own is not None:
            where = f"{noun} {own!r}" + (f", {where}" if where else "")
        run.warn(
            f"{count.file}: {count.missing:,} {noun if one else plural} of {left.path.name} "
            f"name{'s' if one else ''} {record} not in it (e.g. {value!r}: {where}); "
            f"kept, without its columns"
        )
    if count.several:
        run.info(
            f"{left.path.name}: {count.several:,} {noun if count.several == 1 else plural} "
            f"paired with more than one of {count.input}: the least id taken"
        )


def _an(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _contact_events(run: Run, project: Project, events: LoadResult, tz: str) -> LoadResult:
    """Events that name a lead's contact, not the lead (an email event of the contact), given
    to the lead, when the leads join their contacts by a column of their own."""
    leads_spec = project.config.inputs.get("leads")
    if leads_spec is None:
        return events
    by = next(
        (j.on for j in leads_spec.join if j.input == "contacts" and j.through is None and j.on),
        None,
    )
    named = project_input(run, project, "leads")
    if by is None or named is None:
        return events
    options = load_options_for(project, export_name(named), "leads")
    leads = run.loads.load(named, options, table="leads", timezone=tz)
    column = by if by in leads.columns else {h: c for c, h in leads.mapping.items()}.get(by)
    if column is None:
        return events
    moved, count = contact_events(events, leads.frame, column)
    if count:
        run.info(
            f"{events.path.name}: {count:,} activities of a lead's contact given to the lead "
            f"(by the leads' {by})"
        )
    return moved
