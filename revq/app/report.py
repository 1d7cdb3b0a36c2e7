"""The weekly or monthly report, arranged from the score, audit and funnel results for the
Jinja templates. It picks and arranges figures; every figure is computed by the same core
functions as `revq score`, `revq audit rejections` and `revq funnel`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import polars as pl

from revq import __version__
from revq.app.advice import say_unfit
from revq.app.audit import AUDITED, AuditResult, ScoredLeads, compute_audit
from revq.app.data_span import Period, check_period, day_range, loaded_spans
from revq.app.funnel import FunnelResult, compute_funnel
from revq.app.inputs import project_input
from revq.app.results import Outcome
from revq.app.run import Run
from revq.app.scoring import ScoringInputs, scoring_inputs
from revq.config.scoring import load_scoring
from revq.core import funnel, periods
from revq.core.actions import group_actions, person
from revq.core.notify import UnknownField, with_links
from revq.core.revenue import period_revenue, revenue_by
from revq.errors import ConfigError, RevqError
from revq.io import sources
from revq.io.exports import Export, expand, export_name
from revq.io.project import PROJECT_FILE, Project
from revq.io.writers import write_bytes_atomic, write_frame_atomic
from revq.render.report_view import LABELS, render_report

# Rates over one week of hand-offs are noisy: flags and rejection mixes also use a trailing
# window of this many periods, which is labelled as such in the report.
TRAILING = {"week": 13, "month": 6}
ACTION_STAGES = ("sales_ready", "signal_qualified")
LIST_LIMIT = 25
ACTIONS_SHOWN = 10  # actions per list in the report; every lead is in the CSV beside it
ACTION_COLUMNS = (
    "stage",
    "owner",
    "lead_id",
    "first_name",
    "last_name",
    "title",
    "company",
    "total_score",
    "fit_grade",
    "why_now",
    "next_action",
)
Kind = Literal["weekly", "monthly"]


ReportFormat = Literal["md", "html"]

_SUFFIX_FORMAT: dict[str, ReportFormat] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}


def template_file(template: str | None) -> Path | None:
    """--template as a file when it is named like one (a path, or ending in .j2)."""
    if template is None or not ("/" in template or "\\" in template or template.endswith(".j2")):
        return None
    path = Path(template)
    if not path.is_file():
        raise RevqError(f"{template}: no such template file")
    if not path.name.endswith((".md.j2", ".html.j2")):
        raise RevqError(f"{template}: a template file is named NAME.md.j2 or NAME.html.j2")
    return path


def report_format(given: str | None, out: Path | None, own: Path | None) -> ReportFormat:
    """The format asked for, else the one --out or the template file is named for, else md;
    names and --format that disagree are a usage error, before any work."""
    told: dict[str, ReportFormat] = {}
    if out is not None and str(out) != "-" and out.suffix:
        if out.suffix.lower() not in _SUFFIX_FORMAT:
            raise RevqError(f"{out}: a report is Markdown or HTML; name it .md or .html")
        told["--out"] = _SUFFIX_FORMAT[out.suffix.lower()]
    if own is not None:
        told["--template"] = _SUFFIX_FORMAT["." + own.name.split(".")[-2]]
    if given is not None:
        if given not in ("md", "html"):
            raise RevqError(f"--format {given}: a report is md or html")
        told["--format"] = "md" if given == "md" else "html"
    if len(set(told.values())) > 1:
        said = ", ".join(f"{k} {v}" for k, v in told.items())
        raise RevqError(f"the report's format is told two ways ({said}); make them agree")
    return next(iter(told.values()), "md")


def _window_days(window: periods.Window) -> tuple[str, str]:
    return window.start.date().isoformat(), window.last_day.date().isoformat()


def _row(rows: list[dict[str, Any]], period: datetime, **match: Any) -> dict[str, Any]:
    for row in rows:
        if row["period"] == period and all(row.get(k) == v for k, v in match.items()):
            return row
    return {}


def _metric(
    key: str,
    name: str,
    unit: str,
    current: Any,
    prior: Any,
    band: Any = None,
    **extra: Any,
) -> dict[str, Any]:
    delta = None if current is None or prior is None else round(current - prior, 4)
    position = None
    if band is not None and current is not None:
        low, high = band
        position = (
            "below"
            if low is not None and current < low
            else "above"
            if high is not None and current > high
            else "within"
        )
    return {
        "key": key,
        "name": name,
        "unit": unit,
        "value": current,
        "prior": prior,
        "delta": delta,
        "band": list(band) if band is not None else None,
        "band_position": position,
        **extra,
    }


# The headline's pipeline and revenue rows: key, name, the figure of period_revenue, unit.
REVENUE = (
    ("opportunities_created", "Opportunities created", "created", "count"),
    ("pipeline_created", "Pipeline created", "pipeline", "amount"),
    ("deals_won", "Deals won", "won", "count"),
    ("won_amount", "Revenue won", "won_amount", "amount"),
    ("win_rate", "Win rate (won of closed)", "win_rate", "rate"),
    ("average_deal", "Average deal won", "average_deal", "amount"),
)


def _revenue(run: FunnelResult, window: periods.Window) -> list[dict[str, Any]]:
    """Pipeline and revenue, the period's against the prior's: what a revenue lead reads
    first. None without opportunities."""
    opps = run.opportunities
    if opps is None or not ({"created_at", "closed_at"} & set(opps.columns)):
        return []
    # A period the export does not reach (it ends before, or starts after) has no figure: a
    # stale export is said, not read as a week without deals.
    dated = [
        pl.col(c).cast(funnel.UTC_US) for c in ("created_at", "closed_at") if c in opps.columns
    ]
    first, last = opps.select(
        pl.min_horizontal(c.min() for c in dated).alias("first"),
        pl.max_horizontal(c.max() for c in dated).alias("last"),
    ).row(0)

    def figures(start: datetime, end: datetime) -> dict[str, Any]:
        found = period_revenue(opps, start, end)
        covered = first is not None and first < end and last >= start
        return found if covered else dict.fromkeys(found)

    now = figures(window.start, window.end)
    before = figures(window.prior_start, window.start)
    bench = run.config.benchmarks
    return [
        _metric(key, name, unit, now[figure], before[figure], bench.get(key))
        for key, name, figure, unit in REVENUE
        if now[figure] is not None or before[figure] is not None or unit == "rate"
    ]


def _headline(run: FunnelResult, window: periods.Window) -> list[dict[str, Any]]:
    rep = run.report
    cur, pri = window.start, window.prior_start
    bench = run.config.benchmarks
    acc = rep.get("acceptance_by_period", [])
    sla = rep.get("speed_to_lead", {}).get("by_period", [])
    conv = rep["conversions"]
    lvr = rep["lead_velocity"]
    first = run.config.conversions[0] if run.config.conversions else None
    out = [
        _metric(
            "accepted_lead_rate",
            "Accepted lead rate",
            "rate",
            _row(acc, cur).get("acceptance_rate"),
            _row(acc, pri).get("acceptance_rate"),
            bench.get("accepted_lead_rate"),
            decided=_row(acc, cur).get("decided"),
        )
    ]
    if first is not None:
        a, b = first
        name = f"{a}->{b}"
        now, before = _row(conv, cur, conversion=name), _row(conv, pri, conversion=name)
        for method in ("cohort", "period"):
            out.append(
                _metric(
                    f"{a}_to_{b}_{method}",
                    f"{a.upper()} to {b.upper()} ({method})",
                    "rate",
                    now.get(f"{method}_rate"),
                    before.get(f"{method}_rate"),
                    bench.get(f"{a}_to_{b}"),
                    maturing=now.get("maturing") if method == "cohort" else None,
                    entered=now.get("entered_a"),
                )
            )
    out += [
        _metric(
            "median_hours_to_first_touch",
            "Hand-off to first sales touch (median)",
            "hours",
            _row(sla, cur).get("median_hours"),
            _row(sla, pri).get("median_hours"),
            bench.get("median_hours_to_first_touch"),
        ),
        _metric(
            "sla_compliance",
            "SLA compliance",
            "rate",
            _row(sla, cur).get("sla_compliance"),
            _row(sla, pri).get("sla_compliance"),
            bench.get("sla_compliance"),
            routed=_row(sla, cur).get("routed"),
        ),
        _metric(
            "opportunities_from_accepted",
            "Opportunities from accepted leads",
            "count",
            _row(acc, cur).get("opportunities"),
            _row(acc, pri).get("opportunities"),
            bench.get("opportunities_from_accepted"),
        ),
        _metric(
            "lead_velocity_rate",
            f"Lead velocity rate ({run.config.qualified_stage.upper()}s, "
            f"{window.kind} over {window.kind})",
            "rate",
            _row(lvr, cur).get("lead_velocity_rate"),
            _row(lvr, pri).get("lead_velocity_rate"),
            bench.get("lead_velocity_rate"),
            definition_hash=run.config.qualified_hash(),
            qualified=_row(lvr, cur).get("qualified"),
        ),
    ]
    return out


def _trend(run: FunnelResult, window: periods.Window, count: int) -> list[dict[str, Any]]:
    rep = run.report
    entries = {r["period"]: r for r in rep.get("entries_by_period", [])}
    acc = {r["period"]: r for r in rep.get("acceptance_by_period", [])}
    sla = {r["period"]: r for r in rep.get("speed_to_lead", {}).get("by_period", [])}
    starts = [window.start]
    cal = run.calendar
    while len(starts) < count:
        starts.insert(0, periods.previous(starts[0], cal))
    rows = []
    for start in starts:
        e, a, s = entries.get(start, {}), acc.get(start, {}), sla.get(start, {})
        rows.append(
            {
                "period": periods.label(start, cal),
                "start": start.date(),
                # The trend shows MQLs and SQLs: n/a where the ladder has no such stage.
                **dict.fromkeys(("mql", "sql")),
                **{stage: e.get(stage, 0) for stage in run.config.stages},
                "routed": a.get("routed", 0),
                "accepted": a.get("accepted", 0),
                "acceptance_rate": a.get("acceptance_rate"),
                "sla_compliance": s.get("sla_compliance"),
                "median_hours": s.get("median_hours"),
            }
        )
    return rows


def _by_source(run: FunnelResult, window: periods.Window) -> list[dict[str, Any]]:
    """The period's opportunities created and won by lead source (the opportunity's own,
    else its lead's)."""
    opps = run.opportunities
    if opps is None:
        return []
    leads = run.leads
    known = leads is not None and "lead_source" in leads.columns and "lead_id" in opps.columns
    if "lead_source" not in opps.columns and known:
        assert leads is not None
        sources_of = leads.select("lead_id", "lead_source").unique("lead_id")
        opps = opps.join(sources_of, on="lead_id", how="left")
    return revenue_by(opps, "lead_source", window.start, window.end)


def _funnel_stages(run: FunnelResult, window: periods.Window) -> list[dict[str, Any]]:
    entries = run.report.get("entries_by_period", [])
    now, before = _row(entries, window.start), _row(entries, window.prior_start)
    return [
        {"stage": s, "current": now.get(s, 0), "prior": before.get(s, 0)} for s in run.config.stages
    ]


def _sla(run: FunnelResult, window: periods.Window) -> dict[str, Any]:
    if run.speed is None:
        return {"available": False}
    breaches = funnel.sla_breaches(run.speed.lazy(), window.start, window.end).collect()
    owner = "rep" if "rep" in breaches.columns else None
    routed = run.speed.filter(
        (pl.col("handed_off_at") >= window.start) & (pl.col("handed_off_at") < window.end)
    )
    by_owner = (
        routed.group_by(pl.col(owner).fill_null("(unassigned)").alias("owner"))
        .agg(pl.len().alias("routed"), (~pl.col("within_sla")).sum().alias("breaches"))
        .filter(pl.col("breaches") > 0)
        .with_columns((pl.col("breaches") / pl.col("routed")).round(4).alias("breach_rate"))
        .sort(["breaches", "owner"], descending=[True, False])
        .to_dicts()
        if owner
        else []
    )
    keep = [
        c
        for c in ("lead_id", "rep", "handed_off_at", "hours_to_first_touch", "sla_hours")
        if c in breaches.columns
    ]
    return {
        "available": True,
        "target": run.config.benchmarks.get("sla_compliance", (None, None))[0],
        "default_hours": run.config.sla.default_hours,
        "demo_request_hours": run.config.sla.demo_request_hours,
        "routed": routed.height,
        "breaches_total": breaches.height,
        "by_owner": by_owner,
        "breaches": breaches.select(keep).head(LIST_LIMIT).to_dicts(),
    }


def _signals(run: FunnelResult, trailing: AuditResult | None, since: datetime) -> dict[str, Any]:
    if trailing is None:
        return {"available": False, "by_type": [], "by_stage": []}
    by_type = trailing.report["by"].get("signal_type", [])
    pipeline: dict[str, dict[str, Any]] = {}
    if (
        run.opportunities is not None
        and run.leads is not None
        and run.signals is not None
        and "created_at" in run.opportunities.columns
        and "account_key" in run.leads.columns
    ):
        recent = run.opportunities.filter(pl.col("created_at") >= since).lazy()
        tagged = funnel.signal_before_opportunity(recent, run.leads.lazy(), run.signals.lazy())
        pipeline = {
            r["signal_type"]: r
            for r in funnel.pipeline_by(tagged, "signal_type").collect().to_dicts()
        }
    rows = [
        {
            "signal_type": r["signal_type"],
            "decided": r["decided"],
            "accepted": r["accepted"],
            "acceptance_rate": r["acceptance_rate"],
            "opportunities": pipeline.get(r["signal_type"], {}).get("opportunities", 0),
            "amount": pipeline.get(r["signal_type"], {}).get("amount", 0.0),
        }
        for r in by_type
    ]
    rows.sort(key=lambda r: (r["signal_type"] == "(none)", -r["accepted"], r["signal_type"]))
    stages = [
        {k: r[k] for k in ("stage", "decided", "accepted", "acceptance_rate")}
        for r in trailing.report["by"].get("stage", [])
    ]
    return {"available": True, "by_type": rows, "by_stage": stages}


def _rejections(period: AuditResult | None, trailing: AuditResult | None) -> dict[str, Any]:
    if period is None or trailing is None:
        return {"available": False}
    flags = trailing.report["flags"]
    outsized = [r for r in trailing.report["by"].get("lead_source", []) if r.get("outsized")]
    trailing_share = {r["reason_code"]: r["share"] for r in trailing.report["by_reason"]}
    reasons = [
        {**r, "trailing_share": trailing_share.get(r["reason_code"])}
        for r in period.report["by_reason"]
    ]
    return {
        "available": True,
        "overall": period.report["overall"],
        "trailing_overall": trailing.report["overall"],
        "by_reason": reasons,
        "trailing_by_reason": trailing.report["by_reason"],
        "outsized_sources": outsized,
        "outsized_other": {
            dim: values
            for dim, values in flags["outsized_rejection"].items()
            if dim != "lead_source"
        },
        "missing_reasons_by_rep": flags["missing_reasons_by_rep"],
        "unmapped_reason_labels": flags["unmapped_reason_labels"],
        "miscalibration": {
            k: v for k, v in flags["miscalibration"].items() if not k.endswith("_ids")
        },
    }


def _newly(now: pl.DataFrame, before: pl.DataFrame, crm_url: str | None) -> pl.DataFrame:
    """The leads sales-ready or signal-qualified now that were in neither stage a period ago,
    each with its CRM record's `url`: what the action lists and their CSV hold."""
    was_ready = before.filter(pl.col("stage").is_in(ACTION_STAGES)).select("lead_id")
    newly = now.filter(pl.col("stage").is_in(ACTION_STAGES)).join(
        was_ready, on="lead_id", how="anti"
    )
    return _with_records(newly, crm_url)


def _actions(
    newly: pl.DataFrame,
    every: AuditResult | None,
    window: periods.Window,
    when: datetime,
) -> dict[str, Any]:
    """What changed since the last report, as a rep works it: the leads newly sales-ready or
    signal-qualified (an account's contacts that share a trigger as one action), each rep's
    queue together, the first ACTIONS_SHOWN of each list; and the recycled leads due."""
    account = next((c for c in ("account_key", "company") if c in newly.columns), "lead_id")
    lists = {}
    for stage in ACTION_STAGES:
        actions = group_actions(newly.filter(pl.col("stage") == stage), account)
        shown = actions.head(ACTIONS_SHOWN)
        lists[stage] = {
            "total": int(actions["contacts"].sum()) if actions.height else 0,
            "actions": actions.height,
            "more": actions.height - shown.height,
            "queues": _queues(shown),
        }
    next_end = when + (window.end - window.start)
    empty = pl.DataFrame(schema={"recheck_on": pl.Datetime("us", "UTC")})
    recycle = (every.recycle if every is not None else empty).filter(
        pl.col("recheck_on").is_not_null()
    )
    due = recycle.filter((pl.col("recheck_on") >= window.start) & (pl.col("recheck_on") < next_end))
    return {
        "since": (when - (window.end - window.start) - timedelta(days=1)).date(),
        **lists,
        "file": None,  # the CSV of every lead of the lists, named when the report is written
        "recycle_due": {
            "available": every is not None,
            "total": due.height,
            "rows": due.head(ACTIONS_SHOWN).to_dicts(),
            "until": (next_end - timedelta(days=1)).date(),
        },
        "recycle_overdue": recycle.filter(pl.col("recheck_on") < window.start).height,
    }


def _queues(actions: pl.DataFrame) -> list[dict[str, Any]]:
    """The actions by owner, each rep's queue in the order of its best action."""
    queues: dict[str | None, list[dict[str, Any]]] = {}
    for row in actions.to_dicts():
        people = [{**p, "who": person(p)} for p in row.pop("people")]
        row |= {"people": people, "url": people[0]["url"] if len(people) == 1 else None}
        queues.setdefault(row["owner"], []).append(row)
    return [{"owner": owner, "actions": rows} for owner, rows in queues.items()]


def _with_records(leads: pl.DataFrame, crm_url: str | None) -> pl.DataFrame:
    """The leads with `url`, each one's CRM record (crm_url in revq.yaml), or null."""
    try:
        return with_links(leads.lazy(), crm_url, "url", leads.columns).collect()
    except UnknownField as exc:
        raise ConfigError(PROJECT_FILE, "crm_url", str(exc)) from None


def action_rows(newly: pl.DataFrame, linked: bool) -> pl.DataFrame:
    """Every lead of the action lists, one row each, for the CSV beside the report; with its
    record's link when the project has one."""
    keep = [c for c in ACTION_COLUMNS if c in newly.columns]
    order = ["stage", "owner", "total_score", "lead_id"]
    rows = newly.sort(order, descending=[False, False, True, False], nulls_last=True)
    return rows.select(*keep, pl.col("url").alias("record")) if linked else rows.select(keep)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _input_digest(named: Export) -> str:
    """An export's SHA-256; several exports' (a pattern, a list) is that of their files'
    digests and names, in order, so a file added, removed or changed changes it."""
    if isinstance(named, Path) and not sources.is_pattern(named):
        return sources.locate(named).sha256()
    listing = "".join(f"{sources.locate(f).sha256()}  {f.name}\n" for f in expand(named))
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def _as_written(path: str | list[str]) -> str:
    return path if isinstance(path, str) else " + ".join(path)


def _provenance(run: Run, project: Project, when: datetime) -> dict[str, Any]:
    configs = []
    for kind, rel in sorted(project.config.configs.items()):
        path = project.root / rel
        if path.exists():
            configs.append({"kind": kind, "file": rel, "sha256": _sha256(path)})
    inputs = []
    for table in project.config.inputs:
        found = project.input_path(table)
        loaded = run.loaded.get(sources.resolved(export_name(found))) if found is not None else None
        if found is None or loaded is None:
            continue
        a = loaded.accounting
        inputs.append(
            {
                "table": table,
                "file": _as_written(project.config.inputs[table].path),
                "rows_read": a.rows_read,
                "rows_loaded": a.rows_loaded,
                "sha256": _input_digest(found),
            }
        )
    return {
        "revq_version": __version__,
        "as_of": (when - timedelta(days=1)).date(),
        "project": project.config.name,
        "configs": configs,
        "inputs": inputs,
    }


def build_context(
    run: Run, project: Project, kind: str, when: datetime, *, allow_empty: bool = False
) -> dict[str, Any]:
    """Every figure of the report, arranged for the templates (documented in the README)."""
    return _assemble(run, project, kind, when, allow_empty)[0]


def _covered(run: Run, project: Project, window: periods.Window, allow_empty: bool) -> bool:
    """Whether the exports hold data in the report's period: a period none of them reaches is
    an error (a stale export, a mistyped --as-of), or with `allow_empty` a warning."""
    named = [(str(table), project.input_path(table)) for table in project.config.inputs]
    label = f"in {window.label} ({day_range(window.start, window.end)})"
    return check_period(
        run,
        loaded_spans(run, named),
        Period(window.start, window.end, label, "--as-of"),
        allow_empty=allow_empty,
        empty="an empty report",
    )


def _assemble(
    run: Run, project: Project, kind: str, when: datetime, allow_empty: bool = False
) -> tuple[dict[str, Any], pl.DataFrame]:
    """The report's context, and every lead of its action lists (for the CSV beside it)."""
    # The scoring the report needs, checked before the funnel reads a single export: a missing
    # or broken config is an error at once, not after minutes of work on a large history.
    load_scoring(scoring_inputs(run, project, None, None)[0])
    period = "week" if kind == "weekly" else "month"
    cal = funnel.Calendar(period, project.config.fiscal_year_start_month, project.config.week_start)
    window = periods.last_complete(when, cal)
    trailing_from = periods.trailing_start(window, TRAILING[period])
    funnel_run = compute_funnel(
        run, project, period=period, when=when, stageless_ok=True, check_empty=False
    )
    scoring = ScoringInputs(run, project)
    # Every input is read by now, and none is scored yet: the period is checked before the work.
    covered = _covered(run, project, window, allow_empty)
    if run.wants_warnings:
        say_unfit(run, scoring, when)

    with run.step(
        f"scoring {scoring.leads.accounting.rows_loaded:,} leads, now and a {period} ago"
    ):
        now = scoring.score(when).collect()
        # A period ago only the stages matter (who was already sales-ready): no order, no texts.
        before = (
            scoring.score(when - (window.end - window.start), ordered=False)
            .select("lead_id", "stage")
            .collect()
        )
    first, last = _window_days(window)
    by = "lead_source,rep,stage,quadrant,signal_type"
    disp = project_input(run, project, "dispositions")
    in_period = trailing = every = None
    if disp is not None:  # without dispositions there is no hand-off to audit
        # The audits cut the leads by what the model decided: a gate that marks a lead
        # converted reads what sales did with it, which they measure.
        audited = now
        if scoring.compiled.model.converted_gates:
            decided = scoring.decided_model(AUDITED)
            with run.step(f"scoring {scoring.leads.accounting.rows_loaded:,} leads for the audit"):
                audited = scoring.score(when, decided, ordered=False).collect()
        leads = ScoredLeads(audited, scoring.leads)
        in_period = compute_audit(
            run,
            project,
            dispositions=None,
            scored=lambda: leads,
            since=first,
            until=last,
            by=by,
            when=when,
            check_empty=False,
        )
        trailing = compute_audit(
            run,
            project,
            dispositions=None,
            scored=lambda: leads,
            since=trailing_from.date().isoformat(),
            until=last,
            by=by,
            when=when,
            check_empty=False,
        )
        every = compute_audit(
            run, project, dispositions=None, scored=lambda: leads, by="rep", when=when
        )
    newly = _newly(now, before, project.config.crm_url)
    headline = _revenue(funnel_run, window) + _headline(funnel_run, window)
    # The MQLs' change over the prior period is this period's lead velocity rate itself (not
    # its change from the prior period's rate); acceptance's is the rate's change in points.
    q_change = next(m["value"] for m in headline if m["key"] == "lead_velocity_rate")
    a_delta = next(m["delta"] for m in headline if m["key"] == "accepted_lead_rate")
    return {
        "report": {
            "kind": kind,
            "noun": period,
            "project": project.config.name,
            "label": window.label,
            "prior_label": window.prior_label,
            "start": window.start.date(),
            "end": window.last_day.date(),
            "fiscal_quarter": window.fiscal_quarter,
            "trailing_periods": TRAILING[period],
            "trailing_start": trailing_from.date(),
            "as_of": (when - timedelta(days=1)).date(),
            # False: no export reaches the period (a report written with --allow-empty).
            "has_data": covered,
        },
        "headline": headline,
        "reading": funnel.movement_reading(q_change, a_delta),
        "funnel": {
            "stages": _funnel_stages(funnel_run, window),
            "trend": _trend(funnel_run, window, TRAILING[period]),
            "by_source": _by_source(funnel_run, window),
        },
        "sla": _sla(funnel_run, window),
        "signals": _signals(funnel_run, trailing, trailing_from),
        "rejections": _rejections(in_period, trailing),
        "actions": _actions(newly, every, window, when),
        "labels": {**LABELS, **project.config.labels},
        "provenance": {
            **_provenance(run, project, when),
            "definitions": [
                {
                    "name": f"qualified stage ({funnel_run.config.qualified_stage})",
                    "hash": funnel_run.config.qualified_hash(),
                }
            ],
        },
    }, action_rows(newly, project.config.crm_url is not None)


@dataclass(frozen=True, eq=False, repr=False)
class ReportResult(Outcome):
    """A weekly or monthly report: every figure arranged for the templates (`context`), and
    the report rendered through them.

    Attributes:
        kind: "weekly" or "monthly".
        format: "md" or "html", the format `text` is in.
        context: what the templates read (documented in the README).
        text: the report rendered in `format`.
    """

    kind: Kind
    format: ReportFormat
    context: dict[str, Any] = field(repr=False)
    template: str | Path = field(repr=False)
    project: Project = field(repr=False)
    actions: pl.DataFrame = field(repr=False)
    _run: Run = field(repr=False)

    @property
    def label(self) -> str:
        """The period reported on, e.g. 2026-W43 or 2026-10."""
        return str(self.context["report"]["label"])

    @property
    def actions_file(self) -> str:
        """The name of the CSV of every lead of the action lists, written beside the report."""
        return f"{self.label}-actions.csv"

    def render(self, fmt: ReportFormat, *, linked: bool = True) -> str:
        """The report in `fmt`; `linked`: it links the action CSV written beside it (a report
        printed to stdout has no file beside it)."""
        context = self.context
        if linked:
            context = {**context, "actions": {**context["actions"], "file": self.actions_file}}
        return render_report(self.template, fmt, context, _team_dir(self.project))

    @cached_property
    def text(self) -> str:
        return self.render(self.format)

    @cached_property
    def markdown(self) -> str:
        """The report in Markdown: the file `revq report --weekly|--monthly` writes."""
        return self.text if self.format == "md" else self.render("md")

    @cached_property
    def html(self) -> str:
        """The report in HTML: the file `revq report ... --format html` writes."""
        return self.text if self.format == "html" else self.render("html")

    @property
    def default_path(self) -> Path:
        """Where the report goes without a path: <output_dir>/<period label>.<format>."""
        config = self.project.config
        return self.project.root / config.output_dir / f"{self.label}.{self.format}"

    def metrics(self) -> dict[str, Any]:
        return {m["key"]: m["value"] for m in self.context["headline"]}

    def _summary(self) -> dict[str, Any]:
        return {"kind": self.kind, "label": self.label, **self.metrics()}

    def write(self, path: Path | str | None = None) -> Path:
        """The report in its format to `path` (default: `default_path`), atomically.

        Returns:
            The path written.
        """
        target = Path(path) if path is not None else self.default_path
        # The file's name says its format, as `revq report --out` reads it.
        fmt = _SUFFIX_FORMAT.get(target.suffix.lower(), self.format)
        # Rendered before anything is written: a template error leaves no file behind.
        text = self.text if fmt == self.format else self.render(fmt)
        write_frame_atomic(
            target.parent / self.actions_file,
            self.actions,
            inputs=self._run.guarded(),
            say=self._run.info,
        )
        write_bytes_atomic(
            target, text.encode("utf-8"), inputs=self._run.guarded(), say=self._run.info
        )
        return target


def _team_dir(project: Project) -> Path | None:
    templates = project.config.templates_dir
    return project.root / templates if templates else None


def report(
    run: Run,
    project: Project | None,
    kind: Kind,
    *,
    as_of: datetime,
    template: str | None = None,
    fmt: str | None = None,
    out: Path | None = None,
    allow_empty: bool = False,
) -> ReportResult:
    """Compute the report of the last complete week or month by `as_of`. The format is `fmt`,
    else the one `out` or the template file is named for, else Markdown. A period that none
    of the exports reaches is an error, unless `allow_empty` (then a warning and an empty
    report)."""
    if project is None:
        raise RevqError("revq report reads a project: run it where revq.yaml is, or pass --project")
    if kind not in ("weekly", "monthly"):
        raise RevqError(f"kind {kind!r}: a report is weekly or monthly")
    own = template_file(template)
    chosen = report_format(fmt, out, own)
    context, actions = _assemble(run, project, kind, as_of, allow_empty)
    return ReportResult(kind, chosen, context, own or template or kind, project, actions, run)
