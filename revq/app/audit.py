"""The audit of the sales hand-off: what sales rejected, by reason, source, rep, score band
and more, with the flags and the recycle list."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import polars as pl

from revq.app.advice import say_unfit
from revq.app.data_span import check_period, span_of_load, window_period
from revq.app.inputs import (
    check_window,
    follow_lead_merges,
    load_options_for,
    timezone_of,
    window,
)
from revq.app.related import with_joins
from revq.app.results import Outcome
from revq.app.run import Run
from revq.app.scoring import ScoringInputs
from revq.config.reasons import load_reasons
from revq.core import audit
from revq.core.scoring.dimensions import with_dimensions
from revq.errors import RevqError
from revq.io import sources
from revq.io.exports import export_name
from revq.io.formulas import unescape_formulas
from revq.io.load import LoadResult
from revq.io.project import Project
from revq.io.writers import (
    JSONL_SUFFIXES,
    csv_text,
    to_json,
    write_bytes_atomic,
    write_frame_atomic,
)
from revq.render.audit_view import audit_markdown

DEFAULT_BY = "lead_source,rep,score_band,quadrant,stage,signal_type,month"


# Why an audit leaves out the gates that mark a lead converted (ScoringInputs.decided_model).
AUDITED = "an outcome of the sales decisions this audit measures"


def _score_output(path: Path) -> pl.DataFrame | None:
    """A `revq score` output (Parquet, CSV or JSON Lines holding its stage and total score),
    read as written; None for any other file."""
    if sources.is_pattern(path):
        return None
    source = sources.locate(path)
    ids = {"lead_id": pl.String}
    if source.suffix in (".parquet", ".pq"):
        if "stage" in pl.read_parquet_schema(source.readable()):
            return pl.read_parquet(source.readable(), glob=False)
    elif source.suffix == ".csv":
        header = source.head(1 << 16).decode("utf-8-sig", errors="replace").split("\n", 1)[0]
        if "total_score" in header and "stage" in header:
            frame = pl.read_csv(source.readable(), schema_overrides=ids, glob=False)
            return unescape_formulas(frame)
    elif source.suffix in JSONL_SUFFIXES:
        first = source.head(1 << 16).split(b"\n", 1)[0]
        if b'"total_score"' in first and b'"stage"' in first:
            return pl.read_ndjson(io.BytesIO(source.read()), schema_overrides=ids)
    return None


class ScoredLeads(NamedTuple):
    """The leads the dispositions are joined to, and the load that knows which lead ids it
    merged away as duplicates (none for a `revq score` output, which holds only the kept)."""

    frame: pl.DataFrame
    loaded: LoadResult | None


def scored_leads(
    run: Run,
    project: Project | None,
    leads: Path | None,
    config: Path | None,
    as_of: datetime,
) -> ScoredLeads | None:
    """A `revq score` output as is, or a leads export scored on the fly with the config."""
    scored = _score_output(leads) if leads is not None else None
    if scored is not None:
        converted = int((scored["stage"] == "converted").sum())
        if converted and leads is not None:
            run.warn(
                f"{leads.name}: {converted:,} leads are in stage converted, by a gate that "
                f"reads whether they converted, {AUDITED}: the cuts by stage count them so; "
                "pass the leads export instead to cut them by what the model decided"
            )
        return ScoredLeads(scored, None)
    has_config = config is not None or (project is not None and "scoring" in project.config.configs)
    if leads is None and (project is None or "leads" not in project.config.inputs):
        return None
    if not has_config:
        if leads is None:
            return None
        result = run.loads.load(leads, load_options_for(project, leads, "leads"), table="leads")
        result = with_joins(run, project, "leads", leads, result, timezone_of(project))
        return ScoredLeads(result.frame, result)
    inputs = ScoringInputs(run, project, leads=leads, config=config)
    if run.wants_warnings:
        say_unfit(run, inputs, as_of)
    # Joined on lead id: the order of `revq score` would be paid for and thrown away.
    with run.step(f"scoring {inputs.leads.accounting.rows_loaded:,} leads to join them to"):
        model = inputs.decided_model(AUDITED)
        return ScoredLeads(inputs.score(as_of, model, ordered=False).collect(), inputs.leads)


def _by_email(d: pl.DataFrame, leads: pl.DataFrame) -> pl.DataFrame:
    """Dispositions keyed by email alone (a list sales worked) given the lead id of the lead
    with that address, so they join the scored leads."""
    if "lead_id" in d.columns or "email" not in d.columns or "email" not in leads.columns:
        return d
    address = pl.col("email").str.strip_chars().str.to_lowercase().alias("_address")
    ids = (
        leads.select("lead_id", address)
        .filter(pl.col("_address").is_not_null() & (pl.col("_address") != ""))
        .unique("_address", keep="first", maintain_order=True)
    )
    return d.with_columns(address).join(ids, on="_address", how="left").drop("_address")


def _enrich(run: Run, d: pl.DataFrame, scored: ScoredLeads | None) -> pl.DataFrame:
    if scored is not None:
        d = _by_email(d, scored.frame)
    if scored is not None and "lead_id" in d.columns:
        if scored.loaded is not None:
            # A duplicate's disposition is the person's: it joins the record kept in its place.
            d = follow_lead_merges(
                run, d, scored.loaded, ("disposition counts", "dispositions count")
            )
        leads = scored.frame
        keep = [c for c in leads.columns if c not in d.columns or c == "lead_id"]
        d = d.join(leads.select(keep).unique("lead_id", keep="first"), on="lead_id", how="left")
    d = with_dimensions(d)
    when = "disposition_at" if "disposition_at" in d.columns else "handed_off_at"
    if when in d.columns:
        d = d.with_columns(pl.col(when).dt.strftime("%Y-%m").alias("month"))
    return d


def metric_names() -> set[str]:
    """The metrics an audit's `--fail-on` can test."""
    empty = pl.DataFrame(schema={"disposition": pl.String, "reason_code": pl.String})
    return set(audit.overall(empty))


@dataclass(frozen=True, eq=False, repr=False)
class AuditResult(Outcome):
    """The audit (`report`, as `revq audit rejections --format json` prints it) and the
    classified dispositions it was computed from.

    Attributes:
        report: overall rates, reasons, cuts, flags, separation and the recycle counts.
        dispositions: each disposition with its reason code and the scored lead's columns.
        recycle: the leads to re-check, and when (what `--recycle-out` writes).
        dims: the cuts made, in order.
        path: the dispositions export.
    """

    report: dict[str, Any]
    dispositions: pl.DataFrame = field(repr=False)
    recycle: pl.DataFrame = field(repr=False)
    dims: list[str]
    path: Path
    _run: Run = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """Exactly what `revq audit rejections --format json` prints."""
        return self.report

    def to_json(self) -> str:
        return to_json(self.report)

    def cuts_csv(self, *, escape_formulas: bool = True) -> str:
        """What `--format csv` prints: one row per cut and value (a source or rep named as
        the export names it, formula-safe unless `escape_formulas` is False)."""
        rows = [
            {"dimension": dim, "value": str(r[dim]), **{k: v for k, v in r.items() if k != dim}}
            for dim in self.dims
            for r in self.report["by"][dim]
        ]
        return csv_text(pl.DataFrame(rows), escape=escape_formulas) if rows else ""

    def markdown(self) -> str:
        """What `--format md` prints."""
        return audit_markdown(self.report, self.dims)

    def metrics(self) -> dict[str, Any]:
        return dict(self.report["overall"])

    def write(self, path: Path | str, *, escape_formulas: bool = True) -> None:
        """The audit to a file, atomically, by its suffix: .csv the cuts, .md Markdown, else
        JSON."""
        path = Path(path)
        suffix = path.suffix.lower()
        text = (
            self.cuts_csv(escape_formulas=escape_formulas)
            if suffix == ".csv"
            else self.markdown()
            if suffix == ".md"
            else self.to_json()
        )
        write_bytes_atomic(
            path, text.encode("utf-8"), inputs=self._run.guarded(self.path), say=self._run.info
        )

    def write_recycle(self, path: Path | str, *, escape_formulas: bool = True) -> int:
        """The recycle list to a file, atomically, by its suffix; returns the rows written."""
        recycle = self.recycle
        write_frame_atomic(
            Path(path),
            recycle,
            inputs=self._run.guarded(self.path),
            escape=escape_formulas,
            say=self._run.info,
        )
        return self.recycle.height


def compute_audit(
    run: Run,
    project: Project | None,
    *,
    dispositions: Path | None,
    scored: Callable[[], ScoredLeads | None],
    reasons: Path | None = None,
    since: str | None = None,
    until: str | None = None,
    by: str = DEFAULT_BY,
    when: datetime,
    load_config: Path | None = None,
    strict_by: bool = False,
    allow_empty: bool = False,
    check_empty: bool = True,
) -> AuditResult:
    """Load the dispositions, classify reasons, join the scored leads and cut the results.
    `scored` is called only once the dispositions have loaded, so input errors come first.
    A cut the data lacks is skipped with a warning, or with `strict_by` (cuts the user named)
    is an error: a typo must not quietly drop the cut from a scheduled report. A window the
    dispositions do not reach is an error, or with `allow_empty` a warning and an empty
    audit (`check_empty` False: the caller has checked its own period, as the report does)."""
    check_window(since, until)
    taxonomy = load_reasons(_reasons_path(run, project, reasons))
    codes = tuple(
        audit.Code(name, c.class_, c.recheck_days, tuple(c.labels), tuple(c.patterns))
        for name, c in taxonomy.codes.items()
    )
    disp_path = dispositions or (project.input_path("dispositions") if project else None)
    if disp_path is None:
        raise RevqError("no dispositions file: pass one, or set inputs.dispositions in revq.yaml")
    loaded = run.loads.load(
        disp_path,
        load_options_for(project, export_name(disp_path), "dispositions", load_config),
        table="dispositions",
        timezone=timezone_of(project),
    )
    if check_empty and (since is not None or until is not None):
        check_period(
            run,
            [span_of_load(loaded, "dispositions")],
            window_period(*window(since, until)),
            allow_empty=allow_empty,
            empty="an empty audit",
        )
    d = audit.classify_reasons(loaded.frame.lazy(), codes).collect()
    d = _filter_period(d, since, until)
    d = _enrich(run, d, scored())
    dims = [x.strip() for x in by.split(",") if x.strip()]
    # A cut named by the export's header ("Lead Source") reads the canonical column it feeds.
    header_of = {header: canonical for canonical, header in loaded.mapping.items()}
    named = {x: header_of[x] for x in dims if x not in d.columns and header_of.get(x) in d.columns}
    d = d.with_columns(pl.col(canonical).alias(dim) for dim, canonical in named.items())
    for dim in [x for x in dims if x not in d.columns]:
        if strict_by:
            there = ", ".join(sorted(c for c in d.columns if not c.startswith("_")))
            raise RevqError(
                f"--by {dim}: not a column of the dispositions or the scored leads joined to "
                f"them; the columns are: {there}"
            )
        run.warn(f"--by {dim}: no such column in the joined data; skipped")
    dims = [x for x in dims if x in d.columns]
    report = _report(d, dims, when, since, until)
    path = export_name(disp_path)
    return AuditResult(report, d, audit.recycle_list(d, when), dims, path, run)


def _reasons_path(run: Run, project: Project | None, given: Path | None) -> Path:
    if given is not None:
        return given
    if project is not None and "reasons" in project.config.configs:
        return Path(project.root / project.config.configs["reasons"])
    default = Path("configs/reasons.yaml")
    if default.exists():
        return default
    # The built-in taxonomy (the canonical codes and common CRM labels), the one `revq init`
    # writes: an analyst with only a dispositions export still gets an audit.
    run.info_once("no reason taxonomy given: using revq's built-in one (revq init writes a copy)")
    return Path(str(resources.files("revq.data") / "project" / "reasons.yaml"))


def _filter_period(d: pl.DataFrame, since: str | None, until: str | None) -> pl.DataFrame:
    column = "disposition_at" if "disposition_at" in d.columns else "handed_off_at"
    if column not in d.columns or (since is None and until is None):
        return d
    when = pl.coalesce(column, "handed_off_at") if "handed_off_at" in d.columns else pl.col(column)
    start, end = window(since, until)
    if start is not None:
        d = d.filter(when >= start)
    if end is not None:
        d = d.filter(when < end)
    return d


def _report(
    d: pl.DataFrame, dims: list[str], as_of: datetime, since: str | None, until: str | None
) -> dict[str, Any]:
    cuts = {dim: audit.by_dimension(d, dim) for dim in dims}
    outsized = {
        dim: frame.filter(pl.col("outsized"))[dim].to_list()
        for dim, frame in cuts.items()
        if frame.height and frame["outsized"].any()
    }
    rej = d.filter(pl.col("disposition") == "rejected")
    # Most frequent first, ties by text: value_counts leaves ties in hash order, so the same
    # input could list them differently from run to run.
    unmapped = (
        rej.filter(pl.col("reason_code") == audit.UNMAPPED)
        .group_by("reason")
        .agg(pl.len().alias("rejected"))
        .sort(["rejected", "reason"], descending=[True, False], nulls_last=True)
        .to_dicts()
    )
    # Reps who give no reason are flagged whatever the cuts asked for: an unexplained
    # rejection is what the audit is for.
    by_rep = cuts.get("rep")
    if by_rep is None and "rep" in d.columns:
        by_rep = audit.by_dimension(d, "rep")
    silent = (
        by_rep.filter(pl.col("missing_reason_rate") > 0.25)
        .select("rep", "rejected", "missing_reason", "missing_reason_rate")
        .to_dicts()
        if by_rep is not None
        else []
    )
    recycle = audit.recycle_list(d, as_of)
    return {
        "period": {"since": since, "until": until, "as_of": (as_of - timedelta(days=1)).date()},
        "overall": audit.overall(d),
        "by_reason": audit.by_reason(d).to_dicts(),
        "by_source": cuts["lead_source"].to_dicts() if "lead_source" in cuts else [],
        "by": {dim: frame.to_dicts() for dim, frame in cuts.items()},
        "flags": {
            "outsized_rejection": outsized,
            "missing_reasons_by_rep": silent,
            "unmapped_reason_labels": unmapped,
            "miscalibration": audit.miscalibration(d),
        },
        "separation": audit.separation(d).to_dicts(),
        "recycle": {"total": recycle.height, "due": int(recycle["due"].sum())},
    }
