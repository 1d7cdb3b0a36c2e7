"""Scoring and explaining leads: the ranked, staged, explained list sales can act on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import polars as pl

from revq.app.advice import say_unfit
from revq.app.results import Outcome
from revq.app.run import Run
from revq.app.scoring import ScoringInputs
from revq.config.models import ExportSpec
from revq.core.scoring.accounts import roll_up_accounts
from revq.core.scoring.columns import OUTPUT
from revq.core.scoring.coverage import input_warnings, sampled_rule_hits, unused_rules
from revq.core.scoring.engine import build_ledger, created_after, sort_ledger
from revq.core.scoring.export import export_rows
from revq.core.scoring.metrics import METRICS, lead_counts, scoring_metrics
from revq.core.scoring.model import ScoringModel
from revq.errors import InputError, RevqError
from revq.io import score_bands
from revq.io.exports import Export
from revq.io.load import Accounting
from revq.io.project import Project
from revq.io.temps import held_scratch_folder
from revq.io.writers import (
    JSONL_SUFFIXES,
    SINK_SUFFIXES,
    check_frame_path,
    frame_bytes,
    sink_frame_atomic,
    to_json,
    write_bytes_atomic,
    write_frame_atomic,
)

By = Literal["lead", "account"]
SCORE_METRICS = METRICS


def one_stage(counts: pl.DataFrame, share: float = 0.99) -> tuple[str, int, int] | None:
    """The stage holding at least `share` of the leads (and more than a handful of them)."""
    total = int(counts["len"].sum())
    if total < 20:
        return None
    by_stage = counts.group_by("stage").agg(pl.col("len").sum()).sort("len", descending=True)
    stage, leads = by_stage.row(0)
    return (str(stage), int(leads), total) if leads >= share * total else None


def export_spec(project: Project | None, name: str | None, by: str) -> ExportSpec | None:
    """The CRM import layout `--export NAME` names, or an error saying why there is none."""
    if name is None:
        return None
    if by == "account":
        raise RevqError("--export writes leads; it does not go with --by account")
    if project is None:
        raise RevqError(f"--export {name}: export layouts live under exports in revq.yaml")
    spec = project.config.exports.get(name)
    if spec is None:
        known = ", ".join(sorted(project.config.exports)) or "none"
        raise RevqError(f"--export {name}: no such layout under exports in revq.yaml ({known})")
    return spec


def read_columns(path: Path, columns: list[str]) -> pl.DataFrame:
    """Columns of a frame revq has just written (.parquet, .csv, .tsv or .jsonl)."""
    if path.suffix.lower() == ".parquet":
        return pl.read_parquet(path, columns=columns, glob=False)
    if path.suffix.lower() in JSONL_SUFFIXES:
        with path.open("rb") as handle:
            return pl.scan_ndjson(handle).select(columns).collect()
    sep = "\t" if path.suffix.lower() == ".tsv" else ","
    return pl.read_csv(path, columns=columns, separator=sep, infer_schema=False, glob=False)


@dataclass(frozen=True, eq=False, repr=False)
class ScoreResult(Outcome):
    """A scoring run: the scored leads (or accounts, or a CRM import layout) and the run's
    row accounting and messages. Frames are computed when first asked for, so a run that
    only writes a file never holds the leads.

    Attributes:
        by: "lead" or "account".
        as_of: the end of the as-of day (UTC), what scoring counts up to.
        export: the export layout named (`--export`), if any.
        accounting: the leads export's row accounting.
    """

    by: By
    as_of: datetime
    export: str | None
    accounting: Accounting
    inputs: ScoringInputs = field(repr=False)
    layout: ExportSpec | None = field(repr=False)
    _run: Run = field(repr=False)
    # Said already: no rule gave any lead a point, which is why they all stand in one stage.
    unfit: bool = field(default=False, repr=False)
    # Leads created after the as-of time, left out of the scoring (said already).
    created_later: int = field(default=0, repr=False)

    @property
    def config(self) -> Path:
        """The scoring config the leads were scored with."""
        return self.inputs.config_path

    @property
    def model(self) -> ScoringModel:
        return self.inputs.compiled.model

    @cached_property
    def _plan(self) -> pl.LazyFrame:
        return self.inputs.score(self.as_of)

    @cached_property
    def _columns(self) -> list[str]:
        schema = self._plan.collect_schema()
        return [c for c in OUTPUT if c in schema]

    @cached_property
    def leads(self) -> pl.DataFrame:
        """The scored leads: the rows and columns of `revq score --format csv`, highest total
        score first, then lead id."""
        with self._run.step(f"scoring {self._loaded}"):
            return self._plan.select(self._columns).collect()

    @property
    def _loaded(self) -> str:
        return f"{self.accounting.rows_loaded:,} leads"

    @cached_property
    def accounts(self) -> pl.DataFrame:
        """The account roll-up (`revq score --by account`)."""
        acc = self.inputs.compiled.accounts
        extra = [c for c in ("account_key",) if c not in self._columns]
        with self._run.step(f"scoring {self._loaded} and rolling them up by account"):
            return roll_up_accounts(
                self._plan.select(*self._columns, *extra),
                min_engaged_contacts=acc.min_engaged_contacts,
                min_intent=acc.min_intent,
                roles=acc.roles,
            ).collect()

    def export_plan(self) -> pl.LazyFrame:
        """The leads in the export layout: its columns under the CRM's field names, only its
        stages. Leads without a value for a field are said once."""
        if self.layout is None:
            raise RevqError("no export layout was named (export=NAME)")
        rows, missing = export_rows(
            self._plan, self.layout.columns, self.layout.stages, self.layout.values
        )
        for column in missing:
            self._run.warn(
                f"exports.{self.export}: these leads have no {column}; its field is written empty"
            )
        return rows

    @cached_property
    def exported(self) -> pl.DataFrame:
        """The leads in the export layout (`revq score --export NAME`)."""
        with self._run.step(f"scoring {self._loaded} into the {self.export} layout"):
            return self.export_plan().collect()

    @property
    def rows(self) -> pl.DataFrame:
        """What the command outputs: the export layout, the accounts, or the leads."""
        if self.layout is not None:
            return self.exported
        return self.accounts if self.by == "account" else self.leads

    def head(self, n: int, *, to_work: bool = False) -> pl.DataFrame:
        """The first `n` scored leads, ordered as `leads`, without collecting them all;
        `to_work`: the first `n` of those not converted already (the call list)."""
        working = pl.col("stage") != "converted"
        if "leads" in self.__dict__:
            return (self.leads.filter(working) if to_work else self.leads).head(n)
        plan = self._plan.select(self._columns)
        with self._run.step(f"ranking {self._loaded}"):
            return (plan.filter(working) if to_work else plan).head(n).collect()

    @cached_property
    def counts(self) -> pl.DataFrame:
        """Leads (`len`) per stage, quadrant, gate and whether owned: what the summary and
        the metrics count, without holding or ordering the leads."""
        if "leads" in self.__dict__:
            found = lead_counts(self.leads)
        else:
            with self._run.step(f"scoring {self._loaded}"):
                found = lead_counts(self.inputs.score(self.as_of, ordered=False))
        self._advise(found)
        return found

    def _advise(self, counts: pl.DataFrame) -> None:
        """A scoring that puts (nearly) every lead in one stage tells sales nothing: said, with
        the way out, rather than passed on as a ranking."""
        one = one_stage(counts)
        if one is None or self.by != "lead" or self.unfit:
            return
        stage, leads, total = one
        self._run.warn(
            f"{leads:,} of {total:,} leads ({leads / total:.1%}) are {stage}: the scoring "
            f"config {self.config.name} does not separate these leads; see why with revq "
            "explain LEAD_ID, map their columns (load.columns) and edit the rules, or fit the "
            "points to outcomes with revq backtest --suggest"
        )

    def metrics(self) -> dict[str, Any]:
        accounting = self.accounting
        return scoring_metrics(self.counts, accounting.rows_read, accounting.rows_rejected)

    def _summary(self) -> dict[str, Any]:  # the leads are not scored for a repr
        day = (self.as_of - timedelta(days=1)).date().isoformat()
        return {
            "by": self.by,
            "as_of": day,
            "leads": self.accounting.rows_loaded,
            "export": self.export,
        }

    def ledger(self) -> pl.DataFrame:
        """The explanation ledger of every lead, rule by rule (what `--explain-out` writes)."""
        with self._run.step(f"explaining {self._loaded}, rule by rule"):
            return sort_ledger(self.inputs.ledger(self.as_of)).collect()

    def write_ledger(self, path: Path | str, *, escape_formulas: bool = True) -> int:
        """`ledger()` to a file, atomically, by its suffix (`--explain-out`); returns the rows
        written."""
        ledger = self.ledger()
        inputs = self._run.guarded(*self.inputs.inputs)
        write_frame_atomic(
            Path(path), ledger, inputs=inputs, escape=escape_formulas, say=self._run.info
        )
        return ledger.height

    def to_dicts(self) -> list[dict[str, Any]]:
        """The rows as `revq score --format json` prints them."""
        return self.rows.to_dicts()

    def to_json(self) -> str:
        """Exactly what `revq score --format json` prints."""
        return frame_bytes(self.rows, "json").decode("utf-8")

    def to_csv(self, *, escape_formulas: bool = True) -> str:
        """Exactly what `revq score --format csv` prints: formula-safe text cells (a lead
        named =HYPERLINK(...) is written '=HYPERLINK(...)) unless `escape_formulas` is False."""
        return frame_bytes(self.rows, "csv", escape=escape_formulas).decode("utf-8")

    def write(self, path: Path | str, *, escape_formulas: bool = True) -> int | None:
        """Write the rows to a file, atomically, by its suffix (.csv, .tsv, .json, .jsonl,
        .parquet, .xlsx): the bytes `revq score --out PATH` writes. Leads not yet held are
        streamed into .parquet, .csv, .tsv and .jsonl files, never held whole. CSV, TSV and
        workbooks are formula-safe unless `escape_formulas` is False (a program, not a
        spreadsheet, reads them); JSON, JSON Lines and Parquet hold the values as they are.

        Returns:
            The number of rows written; None for an export layout streamed to its file.

        Raises:
            RevqError: an unknown suffix, or a path that is one of the run's inputs.
        """
        path = Path(path)
        check_frame_path(path)
        with self._run.step(f"writing {path.name}"):
            return self._write(path, escape_formulas)

    def _write(self, path: Path, escape: bool) -> int | None:
        inputs = self._run.guarded(*self.inputs.inputs)
        say = self._run.info
        streams = path.suffix.lower() in SINK_SUFFIXES and "leads" not in self.__dict__
        if self.layout is not None:
            if streams:
                sink_frame_atomic(path, self.export_plan(), inputs=inputs, escape=escape, say=say)
                return None
            write_frame_atomic(path, self.exported, inputs=inputs, escape=escape, say=say)
            return self.exported.height
        if self.by == "account" or not streams:
            frame = self.rows
            write_frame_atomic(path, frame, inputs=inputs, escape=escape, say=say)
            return frame.height
        self._sink(path, escape)
        counts = lead_counts(read_columns(path, ["stage", "quadrant", "gate", "owner"]))
        written = int(counts["len"].sum())
        loaded = self.accounting.rows_loaded - self.created_later
        if written != loaded:  # a streamed export is read again to be scored: it was replaced
            raise InputError(
                self.inputs.leads_path,
                f"changed while revq read it: {loaded:,} leads loaded but {written:,} scored; "
                "run again once the export is written",
            )
        self.__dict__["counts"] = counts
        return written

    def _sink(self, out: Path, escape: bool) -> None:
        """The scored leads into `out` in the documented order. Leads read as they are scored
        are put in order a score band at a time (through a scratch file beside `out`), so that
        the sort does not hold them all: the same bytes as one sort."""
        run, keep = self.inputs, self._columns

        def sink(path: Path, frame: pl.LazyFrame) -> None:
            sink_frame_atomic(
                path,
                frame,
                inputs=self._run.guarded(*run.inputs),
                escape=escape,
                say=self._run.info,
            )

        if not run.leads.streamed:
            sink(out, run.score(self.as_of).select(keep))
            return
        try:
            if run.leads.accounting.rows_loaded <= score_bands.BAND_ROWS:
                sink(out, run.score(self.as_of).select(keep))
                return
            # locked while it is used: a sweep by a concurrent run leaves it alone
            with held_scratch_folder(out.parent) as scratch:
                order = score_bands.in_score_bands(scratch, score_bands.BAND_ROWS)
                scored = run.score(self.as_of, order=order)
                sink(out, scored.select(keep))
        except pl.exceptions.ComputeError as exc:  # the export read again is not the one checked
            first = str(exc).splitlines()[0]
            raise InputError(
                run.leads_path,
                f"could not be read again to be scored ({first}): was it replaced "
                "while revq ran? Run again once the export is written",
            ) from None


def score(
    run: Run,
    project: Project | None,
    *,
    leads: Export | None = None,
    config: Path | None = None,
    activities: Path | None = None,
    signals: Path | None = None,
    as_of: datetime,
    by: By = "lead",
    export: str | None = None,
    source: str | None = None,
    load_config: Path | None = None,
    stream: bool = False,
) -> ScoreResult:
    """Load and check a scoring run's inputs and say its warnings; the scoring itself is done
    when the result's frames are asked for. `stream`: a Parquet leads export is read as it is
    scored (for a run that writes the leads to a file)."""
    if by not in ("lead", "account"):
        raise RevqError(f"by {by!r}: one row per lead or per account: 'lead' or 'account'")
    layout = export_spec(project, export, by)
    inputs = ScoringInputs(
        run,
        project,
        leads=leads,
        config=config,
        activities=activities,
        signals=signals,
        source=source,
        load_config=load_config,
        stream=stream and by == "lead" and layout is None,
        narrow=True,
    )
    created_later = inputs.created_later(as_of)
    unfit = False
    if run.wants_warnings:  # a warning nobody reads is not worth a pass over the leads
        lf, model = inputs.leads.lazy(), inputs.compiled.model
        acts, sigs = inputs.lazy(inputs.activities), inputs.lazy(inputs.signals)
        for line in input_warnings(lf, model, acts, sigs, as_of):
            run.warn(line)
        hits = sampled_rule_hits(lf, model)
        unfit = say_unfit(run, inputs, as_of, unused_rules(lf, model, acts, hits), hits)
    return ScoreResult(
        by,
        as_of,
        export,
        inputs.leads.accounting,
        inputs,
        layout,
        run,
        unfit=unfit,
        created_later=created_later,
    )


@dataclass(frozen=True, eq=False, repr=False)
class ExplainResult(Outcome):
    """The explanation ledger of some leads, rule by rule (raw points, decay factor, cap,
    points counted), with their scored rows for the stage decision path."""

    lead_ids: tuple[str, ...]
    ledger: pl.DataFrame  # ordered as `revq explain --format csv` writes it
    scored: pl.DataFrame  # the leads' scored rows
    model: ScoringModel = field(repr=False)
    unordered_ledger: pl.DataFrame = field(repr=False)
    inputs: list[Path] = field(repr=False)
    _run: Run = field(repr=False)

    def metrics(self) -> dict[str, Any]:
        return {}

    def _summary(self) -> dict[str, Any]:
        return {"lead_ids": list(self.lead_ids), "rules": self.ledger.height}

    def to_dicts(self) -> list[dict[str, Any]]:
        return self.ledger.to_dicts()

    def to_json(self) -> str:
        """Exactly what `revq explain --format json` prints."""
        return to_json(self.ledger.to_dicts())

    def to_csv(self, *, escape_formulas: bool = True) -> str:
        """Exactly what `revq explain --format csv` prints."""
        return frame_bytes(self.ledger, "csv", escape=escape_formulas).decode("utf-8")

    def write(
        self,
        path: Path | str,
        fmt: Literal["csv", "json"] | None = None,
        *,
        escape_formulas: bool = True,
    ) -> None:
        """The ledger as CSV or JSON (`fmt`, else by the file's suffix: .json is JSON),
        atomically: what `revq explain --format FMT --out PATH` writes."""
        path = Path(path)
        fmt = fmt or ("json" if path.suffix.lower() == ".json" else "csv")
        data = frame_bytes(self.ledger, fmt, escape=escape_formulas)
        write_bytes_atomic(path, data, inputs=self._run.guarded(*self.inputs), say=self._run.info)


def explain(
    run: Run,
    project: Project | None,
    lead_ids: list[str],
    *,
    leads: Export | None = None,
    config: Path | None = None,
    activities: Path | None = None,
    signals: Path | None = None,
    as_of: datetime,
    source: str | None = None,
    load_config: Path | None = None,
) -> ExplainResult:
    """The ledger of the leads named, or an error naming one that is not there (or was merged
    into another record)."""
    inputs = ScoringInputs(
        run,
        project,
        leads=leads,
        config=config,
        activities=activities,
        signals=signals,
        source=source,
        load_config=load_config,
        narrow=True,
    )
    chosen = pl.col("lead_id").is_in(lead_ids)
    known = set(inputs.leads.frame.filter(chosen)["lead_id"].to_list())
    missing = [i for i in lead_ids if i not in known]
    merged = dict(inputs.leads.merged_ids.filter(pl.col("lead_id").is_in(missing)).iter_rows())
    if merged:
        gone, kept = next(iter(merged.items()))
        raise RevqError(
            f"{inputs.leads_path}: lead {gone!r} was merged into {kept!r}, the record kept for "
            f"it (same email, or a merge the CRM recorded); explain {kept}"
        )
    if missing:
        raise RevqError(
            f"{inputs.leads_path}: no lead with id {missing[0]!r} (ids are case-sensitive)"
        )
    later = created_after(inputs.leads.lazy(), as_of)
    if later is not None:
        young = inputs.leads.frame.filter(chosen & later).sort("lead_id")
        if young.height:
            lead, created = young.select("lead_id", "created_at").row(0)
            day = (as_of - timedelta(days=1)).date().isoformat()
            raise RevqError(
                f"{inputs.leads_path}: lead {lead!r} was created on {created.date().isoformat()}, "
                f"after the as-of day {day}: it is not scored as of then; explain it with "
                f"--as-of {created.date().isoformat()} or later"
            )
    model = inputs.compiled.model
    ledger = build_ledger(
        inputs.leads.frame.filter(chosen).lazy(),
        model,
        activities=inputs.lazy(inputs.activities),
        signals=inputs.lazy(inputs.signals),
        as_of=as_of,
    ).collect()
    # Scored with every lead, then picked: round-robin routing gives a lead its turn among all
    # the leads of its team, so scoring the chosen ones alone would name another owner.
    scored = inputs.score(as_of, ordered=False).filter(chosen).collect()
    ordered = sort_ledger(ledger.lazy()).collect()
    return ExplainResult(tuple(lead_ids), ordered, scored, model, ledger, inputs.inputs, run)
