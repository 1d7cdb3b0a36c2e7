"""revq's Python API: a project and what can be asked of it, as the commands ask it.

Every method runs one use case with its own run: each export read once, messages kept with
the result (`result.messages`, `result.warnings`) or handed to `sink` as they come, nothing
printed. Options are the commands' flags as keyword arguments; output flags are methods of
the results (`to_dict()` is `--format json`, `write(path)` is `--out path`, `check(fail_on)`
is `--fail-on`). Errors raise `revq.errors.RevqError` (its subclasses `ConfigError` and
`InputError`) with the one-line message the command line prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from revq.app import audit as audit_case
from revq.app import backtest as backtest_case
from revq.app import changes as changes_case
from revq.app import diff as diff_case
from revq.app import funnel as funnel_case
from revq.app import init as init_case
from revq.app import inspect as inspect_case
from revq.app import notify as notify_case
from revq.app import report as report_case
from revq.app import score as score_case
from revq.app import validate as validate_case
from revq.app.audit import AuditResult
from revq.app.backtest import BacktestResult
from revq.app.changes import ChangesResult
from revq.app.diff import DiffResult
from revq.app.funnel import FunnelResult
from revq.app.init import InitResult
from revq.app.inputs import Day, as_export, as_path, day_text, open_project, parse_as_of
from revq.app.inspect import ArchiveInspection, InspectResult
from revq.app.notify import NotifyResult
from revq.app.report import ReportResult
from revq.app.run import Run, Sink
from revq.app.score import ExplainResult, ScoreResult
from revq.app.starter import StarterOptions
from revq.app.validate import ValidateResult
from revq.config.models import ProjectConfig
from revq.errors import RevqError
from revq.io import project as project_file

PathLike = str | Path
Inputs = PathLike | Sequence[PathLike]


def _export(value: Inputs | None) -> Path | list[Path] | None:
    if value is None or isinstance(value, str | Path):
        return as_export(value)
    return [Path(v) for v in value]


@dataclass(frozen=True)
class Project:
    """A revq project: a folder with a revq.yaml naming the team's exports and configs.

    Attributes:
        root: the project's folder; paths in revq.yaml are relative to it.
        config: revq.yaml, validated.

    Examples:
        >>> import revq
        >>> project = revq.Project.open("sample_data")
        >>> project.config.name
        'revq sample (Acme RevOps)'
    """

    root: Path
    config: ProjectConfig

    @classmethod
    def open(cls, path: PathLike = ".") -> Project:
        """Open a project.

        Args:
            path: a project folder, or its revq.yaml.

        Returns:
            The project, its revq.yaml validated.

        Raises:
            ConfigError: revq.yaml is not valid (the message names the file, line and key).
            RevqError: there is no revq.yaml there.

        Examples:
            >>> project = revq.Project.open("sample_data")
        """
        found = Path(path)
        target = found / project_file.PROJECT_FILE if found.is_dir() else found
        if not target.is_file():
            raise RevqError(f"{target}: no project file; run revq init {found}")
        opened = open_project(target)
        assert opened is not None  # a file that is there is loaded or raises
        return cls(opened.root, opened.config)

    @property
    def _project(self) -> project_file.Project:
        return project_file.Project(self.root, self.config)

    def score(
        self,
        leads: Inputs | None = None,
        *,
        as_of: Day = None,
        config: PathLike | None = None,
        activities: PathLike | None = None,
        signals: PathLike | None = None,
        by: score_case.By = "lead",
        export: str | None = None,
        source: str | None = None,
        load_config: PathLike | None = None,
        sink: Sink | None = None,
    ) -> ScoreResult:
        """Score and stage the project's leads (`revq score`).

        Args:
            leads: a leads export instead of the project's (a path, a pattern, or a list of
                files read as one).
            as_of: the day scored as of, YYYY-MM-DD or a date (events later that day count);
                default today.
            config: a scoring config instead of configs.scoring.
            activities: an activities export instead of the project's.
            signals: an account signals export instead of the project's.
            by: "lead", or "account" for the account roll-up.
            export: the name of an export layout under exports in revq.yaml.
            source: the vendor preset of the leads export (hubspot, salesforce, ...).
            load_config: a load config for the leads export.
            sink: called with each message as the run says it.

        Returns:
            A ScoreResult: `leads` (the rows of `revq score --format csv`), `accounts`,
            `metrics()`, `ledger()`, `write(path)`, `to_json()`.

        Raises:
            ConfigError: the scoring config is not valid.
            InputError: an export cannot be read (names the file, line and column).
            RevqError: another usage error, such as no leads input.

        Examples:
            >>> scored = project.score(as_of="2026-10-31")
            >>> scored.leads.select("lead_id", "total_score", "stage").head(3)
        """
        run = Run(sink)
        return score_case.score(
            run,
            self._project,
            leads=_export(leads),
            config=as_path(config),
            activities=as_path(activities),
            signals=as_path(signals),
            as_of=parse_as_of(as_of),
            by=by,
            export=export,
            source=source,
            load_config=as_path(load_config),
        )

    def explain(
        self,
        lead_ids: Sequence[str],
        *,
        as_of: Day = None,
        leads: Inputs | None = None,
        config: PathLike | None = None,
        activities: PathLike | None = None,
        signals: PathLike | None = None,
        source: str | None = None,
        load_config: PathLike | None = None,
        sink: Sink | None = None,
    ) -> ExplainResult:
        """The explanation ledger of some leads, rule by rule (`revq explain`).

        Args:
            lead_ids: the leads' ids, as the export writes them.
            as_of: the day scored as of; default today.
            leads, config, activities, signals, source, load_config: as for `score`.
            sink: called with each message as the run says it.

        Returns:
            An ExplainResult: `ledger` (the rows of `revq explain --format csv`) and `scored`.

        Raises:
            RevqError: a lead id that is not in the leads (or was merged into another).

        Examples:
            >>> project.explain(["81585149"], as_of="2026-10-31").ledger
        """
        return score_case.explain(
            Run(sink),
            self._project,
            list(lead_ids),
            leads=_export(leads),
            config=as_path(config),
            activities=as_path(activities),
            signals=as_path(signals),
            as_of=parse_as_of(as_of),
            source=source,
            load_config=as_path(load_config),
        )

    def audit_rejections(
        self,
        dispositions: PathLike | None = None,
        *,
        as_of: Day = None,
        leads: PathLike | None = None,
        config: PathLike | None = None,
        reasons: PathLike | None = None,
        since: Day = None,
        until: Day = None,
        by: str | Sequence[str] | None = None,
        load_config: PathLike | None = None,
        allow_empty: bool = False,
        sink: Sink | None = None,
    ) -> AuditResult:
        """Audit what sales did with the leads handed to it (`revq audit rejections`).

        Args:
            dispositions: a dispositions export instead of the project's.
            as_of: the day audited as of (re-check dates count from it); default today.
            leads: a `revq score` output, or a leads export to score with `config`.
            config: a scoring config instead of configs.scoring.
            reasons: a reason taxonomy instead of configs.reasons.
            since, until: the first and last disposition day (both included).
            by: the cuts, comma-separated or a list; default every cut the data has. A cut
                named here that the data lacks is an error.
            load_config: a load config for the dispositions export.
            allow_empty: a window the dispositions do not reach gives an empty audit and a
                warning instead of an error (`--allow-empty`).
            sink: called with each message as the run says it.

        Returns:
            An AuditResult: `to_dict()` is `revq audit rejections --format json`.

        Raises:
            RevqError: a window (since, until) that the dispositions do not reach: the
                message names the dates they cover.

        Examples:
            >>> audit = project.audit_rejections(as_of="2026-10-31")
            >>> audit.to_dict()["overall"]["rejection_rate"]
        """
        run = Run(sink)
        project = self._project
        when = parse_as_of(as_of)
        cuts = by if by is None or isinstance(by, str) else ",".join(by)
        given_leads, given_config = as_path(leads), as_path(config)
        return audit_case.compute_audit(
            run,
            project,
            dispositions=as_path(dispositions),
            scored=lambda: audit_case.scored_leads(run, project, given_leads, given_config, when),
            reasons=as_path(reasons),
            since=day_text(since, "since"),
            until=day_text(until, "until"),
            by=cuts or audit_case.DEFAULT_BY,
            when=when,
            load_config=as_path(load_config),
            strict_by=cuts is not None,
            allow_empty=allow_empty,
        )

    def funnel(
        self,
        exports: Sequence[PathLike] = (),
        *,
        as_of: Day = None,
        history: Inputs | None = None,
        leads: Inputs | None = None,
        opportunities: Inputs | None = None,
        dispositions: Inputs | None = None,
        config: PathLike | None = None,
        spend: PathLike | None = None,
        period: funnel_case.Period | None = None,
        by: str | None = None,
        since: Day = None,
        until: Day = None,
        method: funnel_case.Method | None = None,
        allow_empty: bool = False,
        sink: Sink | None = None,
    ) -> FunnelResult:
        """Funnel metrics by period (`revq funnel`).

        Args:
            exports: exports in any order, each taken as the input its headers say it is.
            as_of: the day measured as of; default today.
            history, leads, opportunities, dispositions: exports instead of the project's.
            config: a funnel config instead of configs.funnel.
            spend: marketing spend (period and spend columns) for cost per MQL and SQL.
            period: "week", "month" or "quarter"; default the funnel config's.
            by: a lead column (or a scored cut such as quadrant) to cut conversions by.
            since, until: the first and last day of stage entries counted.
            method: "cohort", "period" or "both"; default the funnel config's.
            allow_empty: a window none of the exports reaches gives an empty funnel and a
                warning instead of an error (`--allow-empty`).
            sink: called with each message as the run says it.

        Returns:
            A FunnelResult: `to_dict()` is `revq funnel --format json`; `entries()` each
            lead's time in each stage.

        Raises:
            RevqError: a window (since, until, or everything up to as_of) that none of the
                exports reaches: the message names the dates they cover.

        Examples:
            >>> project.funnel(as_of="2026-10-31").to_dict()["headline"]
        """
        run = Run(sink)
        project = self._project
        roles = funnel_case.assign_inputs(
            project,
            [Path(e) for e in exports],
            {
                "stage_history": _export(history),
                "leads": _export(leads),
                "opportunities": _export(opportunities),
                "dispositions": _export(dispositions),
            },
        )
        return funnel_case.compute_funnel(
            run,
            project,
            history=roles["stage_history"],
            leads=roles["leads"],
            opportunities=roles["opportunities"],
            dispositions=roles["dispositions"],
            config=as_path(config),
            spend=as_path(spend),
            period=period,
            by=by,
            since=day_text(since, "since"),
            until=day_text(until, "until"),
            when=parse_as_of(as_of),
            method=method,
            allow_empty=allow_empty,
        )

    def report(
        self,
        kind: report_case.Kind = "weekly",
        *,
        as_of: Day = None,
        template: str | None = None,
        format: str | None = None,
        allow_empty: bool = False,
        sink: Sink | None = None,
    ) -> ReportResult:
        """The weekly or monthly report (`revq report --weekly|--monthly`).

        Args:
            kind: "weekly" (the last complete week by `as_of`) or "monthly".
            as_of: the day the report is made on; default today.
            template: a template name (from templates_dir in revq.yaml) or file.
            format: "md" (default) or "html".
            allow_empty: a period none of the exports reaches gives an empty report and a
                warning instead of an error (`--allow-empty`).
            sink: called with each message as the run says it.

        Returns:
            A ReportResult: `markdown` (the file `revq report` writes), `html`, `context`,
            `write(path)`.

        Raises:
            RevqError: a period none of the exports reaches (a stale export, a mistyped
                as_of): the message names the dates they cover.

        Examples:
            >>> text = project.report("weekly", as_of="2026-10-31").markdown
        """
        return report_case.report(
            Run(sink),
            self._project,
            kind,
            as_of=parse_as_of(as_of),
            template=template,
            fmt=format,
            allow_empty=allow_empty,
        )

    def backtest(
        self,
        leads: Inputs | None = None,
        *,
        as_of: Day = None,
        config: PathLike | None = None,
        activities: PathLike | None = None,
        signals: PathLike | None = None,
        outcome: str | None = None,
        reached: str | None = None,
        history: PathLike | None = None,
        decision_time: str | None = None,
        capacity: str | None = None,
        suggest: PathLike | None = None,
        holdout: float = 0.3,
        seed: int = 7,
        load_config: PathLike | None = None,
        sink: Sink | None = None,
    ) -> BacktestResult:
        """Backtest the scoring config against outcomes (`revq backtest`).

        Args:
            leads: a leads export instead of the project's.
            as_of: the day of the backtest; leads without a decision date are scored as of it.
            config, activities, signals, load_config: as for `score`.
            outcome: the outcome column (yes/no, a number, or a date reached).
            reached: the outcome from the stage history: the lead reached this stage.
            history: a stage history export instead of the project's.
            decision_time: date columns, first present wins, giving each lead's decision time.
            capacity: sales capacity, "50/week" or a total such as "400".
            suggest: refit the rule points and write the suggested config here.
            holdout, seed: the held-out share and the seed of its split, for `suggest`.
            sink: called with each message as the run says it.

        Returns:
            A BacktestResult: `to_dict()` is `revq backtest --format json`.

        Examples:
            >>> project.backtest(outcome="sql_at", as_of="2026-10-31").to_dict()["auc"]
        """
        return backtest_case.run_backtest(
            Run(sink),
            self._project,
            leads=_export(leads),
            config=as_path(config),
            activities=as_path(activities),
            signals=as_path(signals),
            outcome=outcome,
            reached=reached,
            history=as_path(history),
            decision_time=decision_time,
            capacity=capacity,
            suggest=as_path(suggest),
            holdout=holdout,
            seed=seed,
            as_of=parse_as_of(as_of),
            load_config=as_path(load_config),
        )

    def notify(
        self,
        *,
        as_of: Day = None,
        dry_run: bool = False,
        crm_files: PathLike | None = None,
        max_messages: int | None = None,
        per: str | None = None,
        fail_on: str | None = None,
        now: datetime | None = None,
        sink: Sink | None = None,
    ) -> NotifyResult:
        """Tell the owners of the leads newly routed to sales (`revq notify`).

        Args:
            as_of: the day scored as of; default today.
            dry_run: compose the messages, send nothing, change no state.
            crm_files: also write CRM upsert files of the leads told of, to this folder.
            max_messages: messages a run; the leads beyond go as one digest per owner.
            per: "lead" (a message each) or "owner" (digests).
            fail_on: conditions on routed, new, messages or digests that stop the run before
                anything is sent (`result.held`).
            now: the time the deadlines run from (default: now; fixed for a repeatable dry run).
            sink: called with each message as the run says it.

        Returns:
            A NotifyResult: `to_dict()` is `revq notify --dry-run`; `failed` the messages
            that still failed after their retries.

        Raises:
            ConfigError: a secret in revq.yaml, or a channel whose environment variable is
                not set.

        Example:
            >>> project.notify(as_of="2026-10-31", dry_run=True).to_dict()["new"]
        """
        return notify_case.notify(
            Run(sink),
            self._project,
            as_of=parse_as_of(as_of),
            dry_run=dry_run,
            crm_files=as_path(crm_files),
            max_messages=max_messages,
            per=per,
            fail_on=fail_on,
            now=now,
        )

    def inspect(self, file: PathLike, **options: Any) -> InspectResult | ArchiveInspection:
        """Inspect an export with the project's load options (`revq inspect FILE` in the
        project): its vendor and table, column mapping, row accounting and profile.

        Args:
            file: the export; a project input's own options apply to it.
            options: as for `revq.inspect` (source=, table=, encoding=, ...).

        Returns:
            An InspectResult (an ArchiveInspection for a zip archive of several exports).

        Examples:
            >>> project.inspect("sample_data/hubspot_contacts.csv").accounting
        """
        return _inspect(self._project, file, **options)

    def validate(self, *files: PathLike, sink: Sink | None = None) -> ValidateResult:
        """Check revq.yaml and the configs it names, or the files given (`revq validate`).

        Returns:
            A ValidateResult: `validated`, each file with its kind.

        Raises:
            ConfigError: the first file that is not valid (file, line, key, allowed values).

        Examples:
            >>> project.validate().validated
        """
        return validate_case.validate(
            Run(sink), self._project, files=[Path(f) for f in files] or None
        )

    def diff(
        self,
        old: PathLike,
        new: PathLike,
        leads: Inputs | None = None,
        *,
        as_of: Day = None,
        activities: PathLike | None = None,
        signals: PathLike | None = None,
        outcome: str | None = None,
        top: int = 20,
        load_config: PathLike | None = None,
        sink: Sink | None = None,
    ) -> DiffResult:
        """What changing the scoring config from `old` to `new` does (`revq diff`).

        Args:
            old, new: the current and the proposed scoring config.
            leads, activities, signals, load_config: as for `score`.
            as_of: the day both are scored as of; default today.
            outcome: an outcome column, to compare conversion capture.
            top: leads listed per change.
            sink: called with each message as the run says it.

        Returns:
            A DiffResult: `to_dict()` is `revq diff --format json`; `markdown()` the default.

        Examples:
            >>> project.diff("configs/scoring.yaml", "proposed.yaml", as_of="2026-10-31")
        """
        return diff_case.compare_configs(
            Run(sink),
            self._project,
            Path(old),
            Path(new),
            leads=_export(leads),
            activities=as_path(activities),
            signals=as_path(signals),
            outcome=outcome,
            as_of=parse_as_of(as_of),
            top=top,
            load_config=as_path(load_config),
        )


def score(
    leads: Inputs,
    *,
    config: PathLike,
    as_of: Day = None,
    activities: PathLike | None = None,
    signals: PathLike | None = None,
    by: score_case.By = "lead",
    source: str | None = None,
    load_config: PathLike | None = None,
    sink: Sink | None = None,
) -> ScoreResult:
    """Score a leads export with a scoring config, without a project (`revq score FILE
    --config CONFIG` where there is no revq.yaml).

    Args:
        leads: the leads export (a path, a pattern, or a list of files read as one).
        config: the scoring config.
        as_of, activities, signals, by, source, load_config, sink: as for `Project.score`.

    Returns:
        A ScoreResult.

    Examples:
        >>> scored = revq.score("sample_data/hubspot_contacts.csv",
        ...                     config="configs/scoring.yaml", as_of="2026-10-31")
    """
    return score_case.score(
        Run(sink),
        None,
        leads=_export(leads),
        config=Path(config),
        activities=as_path(activities),
        signals=as_path(signals),
        as_of=parse_as_of(as_of),
        by=by,
        source=source,
        load_config=as_path(load_config),
    )


def _inspect(
    project: project_file.Project | None,
    file: PathLike,
    *,
    source: str | None = None,
    table: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    date_order: str | None = None,
    decimal: str | None = None,
    config: PathLike | None = None,
    keep_deleted: bool | None = None,
    sink: Sink | None = None,
) -> InspectResult | ArchiveInspection:
    return inspect_case.inspect(
        Run(sink),
        project,
        Path(file),
        source=source,
        table=table,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        date_order=date_order,
        decimal=decimal,
        config=as_path(config),
        keep_deleted=keep_deleted,
    )


def inspect(
    file: PathLike,
    *,
    source: str | None = None,
    table: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    date_order: str | None = None,
    decimal: str | None = None,
    config: PathLike | None = None,
    keep_deleted: bool | None = None,
    sink: Sink | None = None,
) -> InspectResult | ArchiveInspection:
    """What an export holds and how revq reads it (`revq inspect FILE`), without a project.

    Args:
        file: the export (CSV, TSV, XLSX, Parquet, JSON, zipped or gzipped: export.zip/Lead.csv),
            or a pattern read as one input.
        source: the vendor preset (hubspot, salesforce, marketo, pardot, generic).
        table: the canonical table (leads, activities, signals, dispositions, ...).
        encoding, delimiter, sheet, date_order, decimal: how to read the file.
        config: a load config (columns, values, null_values, ...).
        keep_deleted: load the records the export marks deleted in the source.
        sink: called with each message as the run says it.

    Returns:
        An InspectResult: `to_dict()` is `revq inspect --format json`; `accounting`,
        `rejects`, `profile`. An ArchiveInspection for a zip archive of several exports.

    Raises:
        InputError: the file cannot be read (names the file, line and column).

    Examples:
        >>> revq.inspect("sample_data/salesforce_leads.csv").accounting.rows_loaded
        5000
    """
    return _inspect(
        None,
        file,
        source=source,
        table=table,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        date_order=date_order,
        decimal=decimal,
        config=config,
        keep_deleted=keep_deleted,
        sink=sink,
    )


def changes(
    old: PathLike,
    new: PathLike,
    *,
    key: str | None = None,
    on: str | Sequence[str] | None = None,
    sink: Sink | None = None,
) -> ChangesResult:
    """The rows of a new output that are new or changed since an old one (`revq changes`).

    Args:
        old, new: two outputs revq wrote, of one layout.
        key: the column naming a row (default lead_id, else account_domain, else the first).
        on: the columns compared (default every column both hold).
        sink: called with each message as the run says it.

    Returns:
        A ChangesResult: `rows` to push, `metrics()` (pushed, new, changed, ...), `write(path)`.

    Examples:
        >>> revq.changes("yesterday.csv", "today.csv", on=["stage", "owner"]).rows
    """
    compared = on if on is None or isinstance(on, str) else ",".join(on)
    return changes_case.changes(Run(sink), Path(old), Path(new), key=key, on=compared)


def init(
    directory: PathLike = ".",
    *,
    exports: Sequence[PathLike] | None = None,
    force: bool = False,
    tables: Sequence[str] = (),
    outcome: str | None = None,
    learn: bool = True,
    keep_columns: Sequence[str] = (),
    sink: Sink | None = None,
) -> InitResult:
    """Scaffold a project (`revq init DIR --exports ...`): revq.yaml and starter configs, the
    scoring config fitted to the leads export found.

    Args:
        directory: the new project's folder.
        exports: files, folders or zip archives; each export found goes to the input its
            headers, or its keys and content, say it is; the contacts and accounts the leads
            name are joined into them.
        force: overwrite files that exist.
        tables: `TABLE=FILE` items (`--table`), placing files by hand.
        outcome: the leads' column that says a lead converted (`--outcome`), when revq does
            not find one.
        learn: learn the scoring config's points from the outcome; False writes it from the
            leads' profile (`--no-learn`).
        keep_columns: columns the leakage guard may not leave out (`--keep-column`).
        sink: called with each message as the run says it.

    Returns:
        An InitResult: `created` files, `project_file`, `starter` (where the scoring config
        came from, its held-out AUC, the columns left out); `Project.open(result.project_file)`.

    Raises:
        RevqError: a file exists (without force), no export is one revq knows, or an outcome
            or column named that the leads do not have.

    Examples:
        >>> result = revq.init("trial", exports=["Leads.csv"])
        >>> result.starter.auc, [c.column for c in result.starter.left_out]
        (0.897, ['Last Activity', 'Tags', 'Lead Quality', 'Last Notable Activity'])
    """
    return init_case.init(
        Run(sink),
        Path(directory),
        exports=[Path(e) for e in exports] if exports is not None else None,
        force=force,
        tables=tables,
        starter=StarterOptions(outcome, learn, tuple(keep_columns)),
    )
