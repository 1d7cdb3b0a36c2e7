"""A run's inputs: the project, which export each input is, the options each is read with
(the project's, the input's own, a load config, then what the caller passes: the most specific
wins), and what every use case does to the leads' neighbours once they are loaded."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar, cast

import polars as pl

from revq.app.run import Run
from revq.config.models import LoadOptions
from revq.core.funnel_report import link_opportunities
from revq.errors import RevqError
from revq.io import sources
from revq.io.exports import Export, export_files, export_name
from revq.io.load import LoadResult
from revq.io.project import Project, find_project, load_project

# What callers may give as a date: an ISO day, a date, or a datetime (its day is taken).
Day = str | date | None


def open_project(path: Path | str | None) -> Project | None:
    """The project of a revq.yaml, or of the working folder's when none is named."""
    if path is None:
        return find_project()
    path = Path(path)
    return load_project(path / "revq.yaml" if path.is_dir() else path)


# The days revq is asked about: a report reaches back a year and more before its day, and an
# as-of day ends at the next midnight, so neither end of the calendar is one (no export holds a
# date before 1900, which is also where spreadsheets' dates begin).
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)
EXPECTED_DAY = f"a date as YYYY-MM-DD from {FIRST_DAY} to {LAST_DAY}"


def checked_day(text: str) -> date:
    """The day a YYYY-MM-DD text names (ValueError: none, or one outside revq's days)."""
    day = date.fromisoformat(text)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(text)
    return day


def day_text(value: Day, name: str = "as_of") -> str | None:
    """A day as YYYY-MM-DD, or an error that names the argument."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    text = value.isoformat() if isinstance(value, date) else value
    try:
        return checked_day(text).isoformat()
    except ValueError:
        raise RevqError(f"{name}: expected {EXPECTED_DAY}, got {value!r}") from None


def parse_as_of(value: Day) -> datetime:
    """As of DATE means 'as of the end of DATE' (UTC): events on that day count. None is today."""
    text = day_text(value)
    day = date.fromisoformat(text) if text else datetime.now(UTC).date()
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=1)


def check_window(since: str | None, until: str | None) -> None:
    """since after until selects nothing: a usage error rather than a report of zeros."""
    if since is not None and until is not None and since > until:
        raise RevqError(f"--since {since} is after --until {until}: the window holds no day")


def window(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """since and until as the start of their first day and the end of their last."""
    start = datetime.fromisoformat(since).replace(tzinfo=UTC) if since else None
    end = datetime.fromisoformat(until).replace(tzinfo=UTC) + timedelta(days=1) if until else None
    return start, end


def timezone_of(project: Project | None) -> str:
    return project.config.timezone if project else "UTC"


def project_input(run: Run, project: Project | None, table: str) -> Export | None:
    """The export (or exports) revq.yaml names for a table. One named but not there is left
    out, and said once a run: a typo in a path must not pass for an input the team does not
    have."""
    if project is not None:
        keep_project_files(run, project)
    named = project.input_path(table) if project is not None else None
    if named is None:
        return None
    there = [p for p in export_files(named) if sources.present(p)]
    if table not in run.missing_inputs:
        for path in export_files(named):
            if path not in there:
                what = "is a folder, not an export" if path.is_dir() else "not found"
                where = f"revq.yaml: inputs.{table}: {_relative(project, path)}"
                run.warn(f"{where} {what}; running without it")
    if len(there) < len(export_files(named)):
        run.missing_inputs.add(table)
    if not there:
        return None
    return there if isinstance(named, list) else there[0]


def keep_project_files(run: Run, project: Project) -> None:
    """Keep every file the project names (its revq.yaml, configs and the exports of every
    input, patterns included) from being written over by the run's outputs."""
    run.kept.add(project.root / "revq.yaml")
    run.kept.update(project.root / named for named in project.config.configs.values())
    for table in project.config.inputs:
        named = project.input_path(table)
        if named is not None:
            run.kept.update(export_files(named))


def _relative(project: Project | None, path: Path) -> str:
    """A path as revq.yaml writes it."""
    if project is None:
        return str(path)
    try:
        return str(path.relative_to(project.root))
    except ValueError:
        return str(path)


def load_options_for(
    project: Project | None,
    file: Path,
    table: str | None,
    config: Path | None = None,
    **flags: Any,
) -> LoadOptions:
    """Project defaults (and the input's own options if FILE is a project input), then the
    load config file, then flags: the most specific wins."""
    base = LoadOptions()
    if project is not None:
        matched = None
        for name in project.config.inputs:
            named = export_files(project.input_path(name))
            if any(sources.resolved(candidate) == sources.resolved(file) for candidate in named):
                matched = name
        base = project.load_options(matched or table)
    update: dict[str, Any] = {}
    if config is not None:
        from revq.config.loader import load_model

        chosen = load_model(config, LoadOptions)
        update.update({k: getattr(chosen, k) for k in chosen.model_fields_set})
    for key, value in flags.items():
        if value is None:
            continue
        if key == "sheet" and isinstance(value, str) and value.isdigit():
            value = int(value)
        update[key] = value.value if isinstance(value, Enum) else value
    if table is not None:
        update["table"] = table
    merged = {**base.model_dump(), **{k: _plain(v) for k, v in update.items()}}
    return LoadOptions.model_validate(merged)


def _plain(value: Any) -> Any:
    return value.model_dump() if hasattr(value, "model_dump") else value


def load_input_of(
    run: Run, project: Project | None, given: Export | None, table: str
) -> LoadResult | None:
    """An input given by the caller, else the project's; None when there is neither. A file
    given that is not there is an error (the project's are warned about and left out)."""
    for file in export_files(given):
        if not sources.present(file):
            raise sources.not_found(file)
    named = given or project_input(run, project, table)
    if named is None:
        return None
    result = run.loads.load(
        named,
        load_options_for(project, export_name(named), table),
        table=table,
        timezone=timezone_of(project),
    )
    # related reads the other inputs through this module: imported here, not at the top
    from revq.app.related import with_joins

    return with_joins(run, project, table, named, result, timezone_of(project))


def frame_of(
    run: Run, project: Project | None, given: Export | None, table: str
) -> pl.DataFrame | None:
    result = load_input_of(run, project, given, table)
    return result.frame if result is not None else None


Frame = TypeVar("Frame", bound=pl.DataFrame | None)


def follow_lead_merges(run: Run, frame: Frame, leads: LoadResult, nouns: tuple[str, str]) -> Frame:
    """`frame` (activities, dispositions, stage history, opportunities) with the id of each lead
    merged away as a duplicate replaced by the id of the record kept. What an export says of a
    duplicate belongs to the person the leads export now holds once: left under the old id it
    scores nothing, joins no lead, and counts the person twice in the funnel."""
    merged = leads.merged_ids
    if frame is None or not merged.height or "lead_id" not in frame.columns:
        return frame
    rows = frame.select(pl.col("lead_id").is_in(merged["lead_id"].implode()).arg_true())
    moved = rows.height
    if not moved:
        return frame
    noun = nouns[0] if moved == 1 else nouns[1]
    run.info_once(f"{moved:,} {noun} for the record kept, of leads merged as duplicates")
    # Only the moved rows' ids are written again: a join would copy every column of every row
    # (10M activities), a replace would look up every id.
    ids = frame["lead_id"]
    kept = ids.gather(rows.to_series()).replace(merged["lead_id"], merged["merged_into"])
    return cast(Frame, frame.with_columns(ids.clone().scatter(rows.to_series(), kept)))


def link_converted_leads(
    run: Run, opps: pl.DataFrame | None, leads: LoadResult
) -> pl.DataFrame | None:
    """The opportunities with the lead each was converted from, read off the leads'
    converted opportunity id where the opportunities do not name their lead (Salesforce):
    without it no opportunity meets a lead, and the funnel stops short of them."""
    if opps is None or "converted_opportunity_id" not in leads.frame.columns:
        return opps
    linked = link_opportunities(opps.lazy(), leads.frame.lazy()).collect()
    before = opps["lead_id"].count() if "lead_id" in opps.columns else 0
    found = linked["lead_id"].count() - before
    if found:
        header = leads.mapping.get("converted_opportunity_id", "converted_opportunity_id")
        whose = (
            "opportunity joined to its lead"
            if found == 1
            else "opportunities joined to their leads"
        )
        run.info_once(f"{found:,} {whose} by the leads' {header}")
    return linked


def as_path(value: Path | str | None) -> Path | None:
    return Path(value) if value is not None else None


def as_export(value: Path | str | list[Path] | list[str] | None) -> Export | None:
    """What a caller names an input by: a path, a pattern, or a list of files read as one."""
    if value is None:
        return None
    if isinstance(value, list):
        return [Path(v) for v in value]
    return Path(value)
