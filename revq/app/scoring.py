"""What every run that scores leads reads (score, explain, the audit's scored cuts, the
funnel's scored cuts, the report, backtest, diff): the scoring config and the leads with their
activities and signals, loaded, merged and checked against the config."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path

import polars as pl

from revq.app.inputs import (
    follow_lead_merges,
    load_input_of,
    load_options_for,
    project_input,
    timezone_of,
)
from revq.app.related import joins_into, with_joins
from revq.app.run import Run
from revq.config.scoring import Compiled, check_columns, load_scoring
from revq.core.scoring.columns import COMPUTED
from revq.core.scoring.conditions import NO_CODES, Codes
from revq.core.scoring.engine import AsOf, build_ledger, created_after, score_leads
from revq.core.scoring.model import ScoringModel
from revq.core.scoring.wide import UNKNOWN_IDS, LeadIds
from revq.errors import InputError, RevqError
from revq.io import sources
from revq.io.exports import Export, export_files, export_name
from revq.io.load import LoadResult, load_related
from revq.io.project import Project


def scoring_config_path(project: Project | None, given: Path | None) -> Path:
    if given is not None:
        return given
    if project is not None and "scoring" in project.config.configs:
        return project.root / project.config.configs["scoring"]
    raise RevqError(
        "no scoring config: pass --config configs/scoring.yaml, or set configs.scoring in revq.yaml"
    )


def scoring_inputs(
    run: Run, project: Project | None, config: Path | None, file: Export | None
) -> tuple[Path, Export]:
    """The scoring config and the leads export a scoring run needs, or an error naming the one
    missing, before any export is read."""
    config_path = scoring_config_path(project, config)
    named = file if file is not None else project_input(run, project, "leads")
    if named is None:
        raise RevqError("no leads file: pass one, or set inputs.leads in revq.yaml")
    return config_path, named


def _related_activities(run: Run, leads: LoadResult, tz: str) -> pl.DataFrame | None:
    """The activities a leads export holds in its records (a Salesforce query's Tasks and
    Events sub-queries), when no activities export is given."""
    frames = []
    for name in sorted(leads.related):
        try:
            loaded = load_related(leads, name, table="activities", timezone=tz)
        except InputError as exc:  # a related list that is not activities: not for scoring
            run.debug(f"{leads.path.name}: related list {name!r} is not activities ({exc})")
            continue
        if loaded is not None:
            run.loads.record(loaded)  # its load line names it: leads.json[Tasks]
            frames.append(loaded.frame)
    return pl.concat(frames, how="diagonal_relaxed") if frames else None


def scored_activities(run: Run, project: Project | None, leads: LoadResult) -> pl.DataFrame | None:
    """The activities a scoring run of the project reads for these leads: its activities
    input (else the leads export's own related lists), with the events of leads merged as
    duplicates given to the record kept; None without any (or when they do not load, said as
    a warning)."""
    quiet = Run()  # the load lines are said again when the project's commands run
    try:
        loaded = load_input_of(quiet, project, None, "activities")
    except RevqError as exc:
        run.warn(f"could not read the activities to fit event rules to them: {exc}")
        return None
    frame = loaded.frame if loaded is not None else None
    if frame is None and leads.related:
        frame = _related_activities(quiet, leads, timezone_of(project))
    return follow_lead_merges(quiet, frame, leads, ("activity counts", "activities count"))


def left_out_said(count: int) -> str:
    """The row accounting's line for the leads created after the as-of time."""
    noun = (
        "lead created after the as-of time is"
        if count == 1
        else "leads created after the as-of time are"
    )
    return f"{count:,} {noun} left out: they did not exist yet"


class ScoringInputs:
    """Everything a scoring run reads, loaded and checked against the config."""

    def __init__(
        self,
        run: Run,
        project: Project | None,
        *,
        leads: Export | None = None,
        config: Path | None = None,
        activities: Path | None = None,
        signals: Path | None = None,
        source: str | None = None,
        load_config: Path | None = None,
        stream: bool = False,
        narrow: bool = False,
    ) -> None:
        """`narrow`: the activities and signals are loaded with only the columns scoring
        reads (`load_table`'s `reads`), for a run that does nothing else with them."""
        self.run = run
        self.project = project
        self.config_path, named = scoring_inputs(run, project, config, leads)
        self.compiled: Compiled = load_scoring(self.config_path)  # config errors before data
        leads_path = export_name(named)
        self.leads_path = leads_path
        tz = timezone_of(project)
        model = self.compiled.model
        reads = {"activities": model.activity_columns(), "signals": model.signal_columns()}
        self._reads = reads if narrow else {}
        for table, given in (("activities", activities), ("signals", signals)):
            self._start(given, table, tz)
        self.leads = run.loads.load(
            named,
            load_options_for(project, leads_path, "leads", load_config, source=source),
            table="leads",
            timezone=tz,
            stream=stream,
        )
        self.leads = with_joins(run, project, "leads", named, self.leads, tz)
        self._left_out: list[str] = []  # activity columns not read, for the messages
        self._activity_values: dict[str, pl.Series] = {}  # the load's (LoadResult.values)
        self.activities = self._optional(activities, "activities", tz)
        if self.activities is None and self.leads.related:
            self.activities = _related_activities(run, self.leads, tz)
        self.activities = self.follow_merges(
            self.activities, ("activity counts", "activities count")
        )
        self.signals = self._optional(signals, "signals", tz)
        check_columns(
            self.compiled,
            self.config_path,
            set(self.leads.columns),
            set(self.activities.columns) if self.activities is not None else None,
            left_out=self._left_out,
        )
        # The export's own owner is the existing owner routing keeps; any other column named
        # like one scoring writes (a CRM's total_score, fit_grade) is replaced, and said so.
        replaced = sorted((set(self.leads.columns) & COMPUTED) - {"owner"})
        if replaced:
            run.warn(
                f"{leads_path.name}: the export's {', '.join(replaced)} "
                f"{'is' if len(replaced) == 1 else 'are'} replaced by this scoring's "
                "(rules and outputs see revq's values)"
            )
        if model.events is not None and self.activities is None:
            run.warn(
                "the config scores events but no activities file was given; "
                "intent.events rules are skipped"
            )
        if model.signals is not None and self.signals is None:
            run.warn("the config scores signals but no signals file was given")
        self.inputs = [*export_files(named), self.config_path] + [
            p for p in (activities, signals) if p is not None
        ]

    def follow_merges(
        self, frame: pl.DataFrame | None, nouns: tuple[str, str]
    ) -> pl.DataFrame | None:
        return follow_lead_merges(self.run, frame, self.leads, nouns)

    def _optional(self, given: Path | None, table: str, tz: str) -> pl.DataFrame | None:
        path = given if given is not None else project_input(self.run, self.project, table)
        if path is None:
            return None
        options = load_options_for(self.project, export_name(path), table)
        reads = self._reads_of(table)
        loaded = self.run.loads.load(path, options, table=table, timezone=tz, reads=reads)
        joined = with_joins(self.run, self.project, table, path, loaded, tz)
        if table == "activities":
            self._left_out.extend(loaded.left_out)
            self._activity_values = joined.values
        return joined.frame

    def _start(self, given: Path | None, table: str, tz: str) -> None:
        """Begin reading an optional input while the leads are read (`Loads.start`): one file
        given, or the one revq.yaml names when it is there (one that is not is said where
        the input is loaded)."""
        named = self.project.input_path(table) if self.project is not None else None
        path = given if given is not None else named
        if not isinstance(path, Path) or not sources.present(path):
            return
        options = load_options_for(self.project, path, table)
        self.run.loads.start(path, options, table=table, timezone=tz, reads=self._reads_of(table))

    def _reads_of(self, table: str) -> frozenset[str] | None:
        # what the project joins into an input may be keyed by any of its columns
        return None if joins_into(self.project, table) else self._reads.get(table)

    def created_later(self, as_of: AsOf) -> int:
        """How many leads were created after `as_of`: scoring leaves them out, as they did not
        exist yet (said once a run)."""
        leads = self.leads.lazy()
        later = created_after(leads, as_of)
        if later is None:
            return 0
        count = int(leads.select(later.sum()).collect().item())
        if count:
            self.run.info_once(left_out_said(count))
        return count

    def decided_model(self, why: str) -> ScoringModel:
        """The config's model without its gates that mark a lead converted
        (`ScoringModel.as_decided`), said once a run: for a run that measures what became of
        the leads, which such a gate reads. `why` ends the line: what that run measures."""
        model = self.compiled.model
        present = [g.name for g in model.converted_gates]
        if present:
            gates, are, they = (
                ("gate", "is", "it reads") if len(present) == 1 else ("gates", "are", "they read")
            )
            self.run.info_once(
                f"{gates} {', '.join(present)} (outcome: converted) {are} not applied: {they} "
                f"whether a lead converted, {why}"
            )
        return model.as_decided()

    @staticmethod
    def lazy(frame: pl.DataFrame | None) -> pl.LazyFrame | None:
        return frame.lazy() if frame is not None else None

    def score(
        self,
        as_of: AsOf,
        model: ScoringModel | None = None,
        leads: pl.DataFrame | None = None,
        ordered: bool = True,
        order: Callable[[pl.LazyFrame], pl.LazyFrame] | None = None,
    ) -> pl.LazyFrame:
        """The leads (or some of them) scored with this run's activities and signals, by the
        run's config or another one."""
        held = self.leads.frame if leads is None and not self.leads.streamed else leads
        return score_leads(
            self.leads.lazy() if held is None else held,
            model or self.compiled.model,
            activities=self.lazy(self.activities),
            signals=self.lazy(self.signals),
            as_of=as_of,
            ordered=ordered,
            order=order,
            ids=self._ids if leads is None else self._ids_of(leads),
            lead_codes=self._lead_codes if leads is None else NO_CODES,
            event_codes=self._event_codes,
        )

    @cached_property
    def _ids(self) -> LeadIds:
        return UNKNOWN_IDS if self.leads.streamed else self._ids_of(self.leads.frame)

    @cached_property
    def _lead_codes(self) -> Codes:
        """The codes of the lead texts the config reads (`Codes`), for the held leads."""
        if self.leads.streamed:
            return NO_CODES
        return Codes.of(self.leads.frame, self.compiled.model.lead_columns(), self.leads.values)

    @cached_property
    def _event_codes(self) -> Codes:
        """The codes of the activity texts the config's event rules compare and the channel
        its weights read (`Codes`): one pass over those columns, for a run that scores them.
        Another model's rules that compare other columns compare their texts row by row.
        Following merges rewrites only lead ids, so the load's values still hold."""
        if self.activities is None:
            return NO_CODES
        columns = self.compiled.model.event_columns()
        return Codes.of(self.activities, columns, self._activity_values)

    def _ids_of(self, leads: pl.DataFrame) -> LeadIds:
        """One pass over the held ids, where events or signals are summed by them."""
        wanted = self.activities is not None or self.signals is not None
        return LeadIds.of(leads) if wanted else UNKNOWN_IDS

    def ledger(
        self,
        as_of: AsOf,
        model: ScoringModel | None = None,
        leads: pl.DataFrame | None = None,
    ) -> pl.LazyFrame:
        """The explanation ledger of the same scoring."""
        return build_ledger(
            self.leads.lazy() if leads is None else leads.lazy(),
            model or self.compiled.model,
            activities=self.lazy(self.activities),
            signals=self.lazy(self.signals),
            as_of=as_of,
        )
