"""`revq report`: golden files, determinism, --fail-on, team templates, the planted patterns,
figures checked against DuckDB on the raw sample files, and a real browser render."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest
import yaml

from revq.app.report import build_context
from revq.app.run import Run
from revq.core import periods
from revq.core.funnel import Calendar
from revq.errors import RevqError
from revq.io.project import load_project
from revq.render import charts
from revq.render.report_view import render_report
from tests.conftest import ROOT, SAMPLE, SAMPLE_HISTORY, run_cli

AS_OF = "2026-10-31"
WHEN = datetime(2026, 11, 1, tzinfo=UTC)  # the end of the as-of day
GOLDEN = Path(__file__).resolve().parent / "golden"
WEEK = ("2026-10-19", "2026-10-26")  # 2026-W43, the last complete week before the as-of
UPDATE = os.environ.get("REVQ_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def context() -> dict[str, Any]:
    return build_context(Run(), load_project(SAMPLE / "revq.yaml"), "weekly", WHEN)


def _report(tmp_path: Path, *args: str, name: str = "r.md") -> tuple[int, str, str]:
    out = tmp_path / name
    result = run_cli(["report", "--as-of", AS_OF, "--out", str(out), *args], cwd=SAMPLE)
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    return result.exit_code, text, result.stderr


def _without_chart_drawing(html: str) -> str:
    """Chart geometry depends on matplotlib's version and fonts; the golden file keeps each
    chart's accessible title and description, which carry its numbers."""
    return re.sub(
        r"(<svg [^>]*>\s*<title[^>]*>.*?</title>\s*<desc[^>]*>.*?</desc>).*?</svg>",
        r"\1 [drawing]</svg>",
        html,
        flags=re.S,
    )


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with REVQ_UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the reviewed golden"


def test_weekly_markdown_matches_golden_and_has_every_section(tmp_path: Path) -> None:
    code, text, _ = _report(tmp_path, "--weekly", "--format", "md")
    assert code == 0
    for heading in (
        "## Headline",
        "## Funnel",
        "## Why-now signals",
        "## Rejections",
        "### Sources with outsized rejection",
        "### Miscalibration",
        "## Action list",
        "### Newly sales-ready",
        "### Newly signal-qualified",
        "### Recycled leads due for re-check",
        "### SLA breaches by owner",
    ):
        assert heading in text
    assert "2026-W43" in text and "2026-W42" in text and "sha256" in text
    assert "<" not in text.replace("<=", "")  # GitHub Markdown with no raw HTML
    _check_golden("weekly-2026-10-31.md", text)


def test_weekly_html_matches_golden_and_is_accessible(tmp_path: Path) -> None:
    code, html, _ = _report(tmp_path, "--weekly", "--format", "html", name="r.html")
    assert code == 0
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    # Nothing is fetched: the only addresses are links to the CRM's records.
    assert not re.search(r'(src|srcset|@import|url\()\s*=?\s*"?https?:', html)
    assert "<link" not in html and "<script" not in html
    links = [u for u in re.findall(r'href="([^"]+)"', html) if not u.startswith("#")]
    assert links and all(
        u.startswith("https://app.hubspot.com/contacts/4200000/record/0-1/")
        or u.endswith("-actions.csv")
        for u in links
    )
    assert html.count("<svg") == 4  # funnel, trend, rejection reasons, SLA compliance
    assert html.count('role="img"') == 4 and html.count("<desc id=") == 4
    assert html.count("<caption>") == html.count("<table")
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "element ids must be unique on the page"
    _check_golden("weekly-2026-10-31.html", _without_chart_drawing(html))


def test_same_inputs_give_byte_identical_reports(tmp_path: Path) -> None:
    for fmt in ("md", "html"):
        first = _report(tmp_path, "--weekly", "-f", fmt, name=f"a.{fmt}")[1]
        second = _report(tmp_path, "--weekly", "-f", fmt, name=f"b.{fmt}")[1]
        assert first == second and first


def test_default_output_name_carries_the_period(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(SAMPLE, project / "sample_data")
    shutil.copytree(SAMPLE.parent / "configs", project / "configs")
    result = run_cli(
        ["report", "--monthly", "--as-of", AS_OF, "-f", "html"], cwd=project / "sample_data"
    )
    assert result.exit_code == 0, result.stderr
    written = project / "sample_data" / "reports" / "2026-10.html"
    assert written.exists() and "monthly revenue report, 2026-10" in written.read_text()
    assert result.stdout == ""  # the report goes to the file; the note to stderr
    assert "2026-10.html" in result.stderr


@pytest.mark.parametrize(
    ("condition", "expected"),
    [("sla_compliance<0.9", 1), ("sla_compliance<0.5", 0), ("no_such_metric<1", 2)],
)
def test_fail_on_outcomes(tmp_path: Path, condition: str, expected: int) -> None:
    code, text, err = _report(tmp_path, "--weekly", "--fail-on", condition)
    assert code == expected
    if expected == 1:
        assert text and "--fail-on met: sla_compliance" in err  # written before exiting 1
    if expected == 2:
        assert "no_such_metric" in err and "Traceback" not in err


def test_usage_errors_are_one_line(tmp_path: Path) -> None:
    result = run_cli(["report", "--as-of", AS_OF], cwd=SAMPLE)
    assert result.exit_code == 2 and "--weekly or --monthly" in result.stderr
    # (as of a day inside the sample: a week its exports do not reach is an error of its own)
    result = run_cli(["report", "--weekly", "--as-of", AS_OF, "--template", "nope"], cwd=SAMPLE)
    assert result.exit_code == 2 and "available for md: monthly, weekly" in result.stderr
    result = run_cli(["report", "--weekly"], cwd=tmp_path)
    assert result.exit_code == 2 and "revq.yaml" in result.stderr


def _team_project(tmp_path: Path, template: str, name: str) -> Path:
    project = tmp_path / "sample_data"
    shutil.copytree(SAMPLE, project)
    shutil.copytree(SAMPLE.parent / "configs", tmp_path / "configs")
    (project / "team").mkdir()
    (project / "team" / name).write_text(template, encoding="utf-8")
    config = (project / "revq.yaml").read_text() + "templates_dir: team\n"
    (project / "revq.yaml").write_text(config)
    return project


def test_team_templates_override_blocks_and_add_reports(tmp_path: Path) -> None:
    project = _team_project(
        tmp_path,
        '{% extends "base.md.j2" %}{% block signals %}## Our signals\n'
        "{% for s in signals.by_type %}{{ s.signal_type }}={{ s.accepted }};{% endfor %}\n"
        "{% endblock %}",
        "weekly.md.j2",
    )
    (project / "team" / "exec.md.j2").write_text(
        "{% for m in headline if m.key == 'accepted_lead_rate' %}"
        "{{ report.label }}: {{ m.value }}\n{% endfor %}"
    )
    out = tmp_path / "w.md"
    assert (
        run_cli(["report", "--weekly", "--as-of", AS_OF, "-o", str(out)], cwd=project).exit_code
        == 0
    )
    text = out.read_text()
    assert "## Our signals" in text and "## Why-now signals" not in text and "## Headline" in text
    run = run_cli(
        ["report", "--weekly", "--as-of", AS_OF, "--template", "exec", "-o", "-"], cwd=project
    )
    assert run.exit_code == 0 and run.stdout == "2026-W43: 0.4545\n"


def test_undefined_variables_are_errors_not_blanks(tmp_path: Path) -> None:
    project = _team_project(tmp_path, "{{ report.no_such_field }}\n", "weekly.md.j2")
    result = run_cli(["report", "--weekly", "--as-of", AS_OF, "-o", "-"], cwd=project)
    assert result.exit_code == 2
    assert "weekly.md.j2" in result.stderr and "no_such_field" in result.stderr


def _one(sql: str) -> Any:
    return duckdb.execute(sql).fetchone()[0]  # type: ignore[index]


DISP = f"read_csv('{SAMPLE}/dispositions.csv', all_varchar = true)"
IN_WEEK = (
    f"cast(handed_off_at as timestamptz) >= timestamptz '{WEEK[0]} 00:00+00' "
    f"and cast(handed_off_at as timestamptz) < timestamptz '{WEEK[1]} 00:00+00'"
)


def _metric(context: dict[str, Any], key: str) -> dict[str, Any]:
    return next(m for m in context["headline"] if m["key"] == key)


def test_headline_against_duckdb(context: dict[str, Any]) -> None:
    rate = _one(
        f"""select count(*) filter (where disposition in ('accepted', 'converted'))
                   / count(*) filter (where disposition <> 'open')
            from {DISP} where {IN_WEEK}"""
    )
    assert _metric(context, "accepted_lead_rate")["value"] == round(rate, 4)
    # SLA: 1 hour after a demo request in the 2 days before hand-off, else 24; a lead not yet
    # touched breaches once its SLA has passed at the as-of time.
    compliance, median = duckdb.execute(
        f"""with d as (select lead_id, cast(handed_off_at as timestamptz) h,
                              cast(first_touch_at as timestamptz) f from {DISP} where {IN_WEEK}),
        demo as (select distinct d.lead_id from d
                 join read_csv('{SAMPLE}/activities.csv', all_varchar = true) a
                   on a.lead_id = d.lead_id and a.activity_type = 'demo_request'
                  and cast(a.occurred_at as timestamptz) <= d.h
                  and cast(a.occurred_at as timestamptz) >= d.h - interval 2 day),
        s as (select *, case when lead_id in (select lead_id from demo) then 1 else 24 end sla,
                     epoch(f - h) / 3600 hrs from d)
        select avg((case when f is null
                         then epoch(timestamptz '2026-11-01 00:00+00' - h) / 3600 <= sla
                         else hrs <= sla end)::int), median(hrs) from s"""
    ).fetchone()  # type: ignore[misc]
    assert _metric(context, "sla_compliance")["value"] == round(compliance, 4)
    assert _metric(context, "median_hours_to_first_touch")["value"] == round(median, 2)
    mqls = _one(
        f"""select count(*) from (select lead_id, min(cast(entered_at as timestamptz)) t
            from {SAMPLE_HISTORY}
            where stage in ('mql', 'sal', 'sql', 'opportunity', 'won') group by lead_id)
            where t >= timestamptz '{WEEK[0]} 00:00+00' and t < timestamptz '{WEEK[1]} 00:00+00'"""
    )
    stages = {s["stage"]: s["current"] for s in context["funnel"]["stages"]}
    assert stages["mql"] == mqls  # first MQL entry, a later stage counting as passing through
    assert context["funnel"]["trend"][-1]["mql"] == mqls


def test_rejections_and_planted_patterns(context: dict[str, Any]) -> None:
    rej = context["rejections"]
    rejected, missing = duckdb.execute(
        f"""select count(*), count(*) filter (where reason is null or trim(reason) = '')
            from {DISP} where disposition = 'rejected'
              and cast(disposition_at as timestamptz) >= timestamptz '{WEEK[0]} 00:00+00'
              and cast(disposition_at as timestamptz) < timestamptz '{WEEK[1]} 00:00+00'"""
    ).fetchone()  # type: ignore[misc]
    assert (rej["overall"]["rejected"], rej["overall"]["missing_reason"]) == (rejected, missing)
    assert sum(r["rejected"] for r in rej["by_reason"]) == rejected
    # The planted bad source and silent rep, over the trailing 13 weeks.
    assert [s["lead_source"] for s in rej["outsized_sources"]] == ["Purchased List"]
    assert [r["rep"] for r in rej["missing_reasons_by_rep"]] == ["Dana Whitfield"]
    # Signal-qualified leads are accepted more often than the rest.
    by_stage = {s["stage"]: s["acceptance_rate"] for s in context["signals"]["by_stage"]}
    assert by_stage["signal_qualified"] > max(by_stage["nurture"], by_stage["disqualified"])
    by_type = {s["signal_type"]: s for s in context["signals"]["by_type"]}
    with_signal = [s for k, s in by_type.items() if k != "(none)"]
    assert (
        sum(s["accepted"] for s in with_signal) / sum(s["decided"] for s in with_signal)
        > (by_type["(none)"]["acceptance_rate"])
    )


def test_sla_breaches_by_owner_against_duckdb(context: dict[str, Any]) -> None:
    sla = context["sla"]
    assert sla["breaches_total"] == sum(o["breaches"] for o in sla["by_owner"])
    assert sla["by_owner"][0]["owner"] == "Sam Ortiz"  # the planted slow rep
    routed = _one(f"select count(*) from {DISP} where {IN_WEEK}")
    assert sla["routed"] == routed
    breach_rate = 1 - _metric(context, "sla_compliance")["value"]
    assert sla["breaches_total"] == round(breach_rate * routed)


def _scored(as_of: str) -> pl.DataFrame:
    result = run_cli(["score", "--as-of", as_of, "-f", "csv"], cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    return pl.read_csv(result.stdout.encode(), infer_schema=False)


def test_action_list_is_what_changed_since_the_last_report(context: dict[str, Any]) -> None:
    actions = context["actions"]
    # Newly sales-ready or signal-qualified: in the stage now, in neither a week ago (two
    # scorings by the command line, compared here).
    now, before = _scored("2026-10-31"), _scored("2026-10-24")
    ready_before = before.filter(pl.col("stage").is_in(["sales_ready", "signal_qualified"]))
    newly = now.join(ready_before.select("lead_id"), on="lead_id", how="anti")
    for stage in ("sales_ready", "signal_qualified"):
        leads = newly.filter(pl.col("stage") == stage)
        assert actions[stage]["total"] == leads.height > 0
        shown = [a for q in actions[stage]["queues"] for a in q["actions"]]
        assert all(a["next_action"] and a["owner"] for a in shown)
        # Each rep's queue together: no owner twice.
        owners = [q["owner"] for q in actions[stage]["queues"]]
        assert len(owners) == len(set(owners))
    # One account's contacts with one trigger are one action: Orbit Cloud's funding round.
    orbit = newly.filter(
        (pl.col("company") == "Orbit Cloud") & (pl.col("stage") == "signal_qualified")
    )
    assert orbit["why_now"].n_unique() == 1 and orbit.height == 16
    queues = actions["signal_qualified"]["queues"]
    action = next(a for q in queues for a in q["actions"] if a["company"] == "Orbit Cloud")
    assert action["contacts"] == 16
    top = orbit.sort(pl.col("total_score").cast(pl.Float64), descending=True).row(0, named=True)
    assert action["owner"] == top["owner"] and action["lead_id"] == top["lead_id"]
    # The contact the next action names first, then the others ranked by fit.
    assert action["people"][0]["lead_id"] == top["lead_id"]
    fits = [float(p["fit_score"]) for p in action["people"][1:]]
    assert fits == sorted(fits, reverse=True)
    assert action["people"][0]["url"].endswith("/" + action["people"][0]["lead_id"])
    # Recycles due: re-check date (decision + the reason's re-check days, 90 by default)
    # inside [week start, as-of + one week); the reason labels as configs/reasons.yaml maps them.
    due, overdue = duckdb.execute(
        f"""with d as (select *, lower(trim(reason)) r,
                   coalesce(cast(disposition_at as timestamptz),
                            cast(handed_off_at as timestamptz)) decided from {DISP}),
        c as (select *, case when r like 'bad timing%' or r = 'not now' then 'recycle:90'
                             when r = 'unresponsive' or r like 'no response%' then 'recycle:60'
                             when r = 'no budget' or r like 'budget%' then 'recycle:180'
                             else 'other:90' end code from d),
        k as (select decided + to_days(cast(split_part(code, ':', 2) as int)) recheck from c
              where disposition = 'recycled'
                 or (disposition = 'rejected' and code like 'recycle:%'))
        select count(*) filter (where recheck >= timestamptz '2026-10-19 00:00+00'
                                  and recheck < timestamptz '2026-11-08 00:00+00'),
               count(*) filter (where recheck < timestamptz '2026-10-19 00:00+00') from k"""
    ).fetchone()  # type: ignore[misc]
    assert (actions["recycle_due"]["total"], actions["recycle_overdue"]) == (due, overdue)
    for row in actions["recycle_due"]["rows"]:
        assert (
            datetime(2026, 10, 19, tzinfo=UTC)
            <= row["recheck_on"]
            < datetime(2026, 11, 8, tzinfo=UTC)
        )


def test_provenance_names_every_input_with_its_hash(context: dict[str, Any]) -> None:
    import hashlib

    inputs = {i["file"]: i for i in context["provenance"]["inputs"]}
    for name in ("hubspot_contacts.csv", "dispositions.csv", "stage_history.csv"):
        digest = hashlib.sha256((SAMPLE / name).read_bytes()).hexdigest()
        assert inputs[name]["sha256"] == digest
    lines = (SAMPLE / "hubspot_contacts.csv").read_text(encoding="utf-8").count("\n") - 1
    assert inputs["hubspot_contacts.csv"]["rows_read"] == lines
    assert {c["kind"] for c in context["provenance"]["configs"]} == {"scoring", "reasons", "funnel"}


@pytest.mark.parametrize(
    ("as_of", "period", "week_start", "label", "start"),
    [
        (datetime(2026, 11, 1), "week", "monday", "2026-W43", datetime(2026, 10, 19)),
        (datetime(2026, 11, 2), "week", "monday", "2026-W44", datetime(2026, 10, 26)),
        (datetime(2026, 11, 1), "week", "sunday", "2026-W44", datetime(2026, 10, 25)),
        (datetime(2026, 1, 5), "week", "monday", "2026-W01", datetime(2025, 12, 29)),
        (datetime(2021, 1, 4), "week", "monday", "2020-W53", datetime(2020, 12, 28)),
        (datetime(2026, 11, 1), "month", "monday", "2026-10", datetime(2026, 10, 1)),
        (datetime(2026, 1, 15), "month", "monday", "2025-12", datetime(2025, 12, 1)),
    ],
)
def test_reporting_windows(
    as_of: datetime, period: str, week_start: str, label: str, start: datetime
) -> None:
    window = periods.last_complete(as_of.replace(tzinfo=UTC), Calendar(period, 2, week_start))
    assert window.label == label
    assert window.start == start.replace(tzinfo=UTC)


def test_fiscal_quarter_names() -> None:
    assert periods.fiscal_quarter(datetime(2026, 10, 19), 2) == "FY2027 Q3"
    assert periods.fiscal_quarter(datetime(2026, 1, 31), 2) == "FY2026 Q4"
    assert periods.fiscal_quarter(datetime(2026, 3, 1), 1) == "FY2026 Q1"
    assert periods.fiscal_quarter(datetime(2026, 7, 1), 7) == "FY2027 Q1"


def test_charts_are_accessible_and_deterministic() -> None:
    one = charts.bar_chart(["a", "b"], [3, 1], "Reasons", "leads", "x")
    assert one == charts.bar_chart(["a", "b"], [3, 1], "Reasons", "leads", "x")
    assert one.startswith('<svg role="img" aria-labelledby="x-title x-desc"')
    assert '<desc id="x-desc">leads by category: a 3, b 1.</desc>' in one
    assert "<metadata>" not in one and "<dc:date>" not in one
    ids = re.findall(r' id="([^"]+)"', one)
    assert ids and all(i.startswith("x-") for i in ids)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("REVQ_REQUIRE_CHROMIUM") == "1":
        pytest.fail("REVQ_REQUIRE_CHROMIUM=1 but no chromium on PATH")
    pytest.skip("headless Chromium not installed (Debian: apt-get install chromium)")
    return None


def test_html_renders_in_headless_chromium(tmp_path: Path) -> None:
    browser = _chromium()
    code, _, _ = _report(tmp_path, "--weekly", "-f", "html", name="r.html")
    assert code == 0
    page = (tmp_path / "r.html").as_uri()
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [str(browser), *flags, "--enable-logging=stderr", "--v=0", "--dump-dom", page],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    # Page errors (a broken resource, a script error) reach the log as CONSOLE lines.
    assert "CONSOLE" not in dom.stderr and "Uncaught" not in dom.stderr, dom.stderr[-2000:]
    assert "Sources with outsized rejection" in dom.stdout and dom.stdout.count("<svg") == 4
    pdf = tmp_path / "r.pdf"
    printed = subprocess.run(
        [str(browser), *flags, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert printed.returncode == 0, printed.stderr[-2000:]
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000
    # The weekly report prints on at most three A4 pages (page objects in the PDF).
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())
    assert 1 <= len(pages) <= 3, f"{len(pages)} pages"
    assert b"/MediaBox [0 0 594.96 841.92]" in pdf.read_bytes() or b"841.9" in pdf.read_bytes()
    # At 1280 px wide: no horizontal scroll, no table wider than the page (measured in the
    # page itself by a script added to a copy of the report).
    measured = tmp_path / "measured.html"
    probe = (
        "<script>const w = document.documentElement.clientWidth;"
        "document.body.dataset.scroll = document.documentElement.scrollWidth - w;"
        "document.body.dataset.wide = [...document.querySelectorAll('table')]"
        ".filter(t => t.getBoundingClientRect().right > w + 1).length;</script>"
    )
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    measured.write_text(html.replace("</body>", probe + "</body>"), encoding="utf-8")
    sized = subprocess.run(
        [str(browser), *flags, "--window-size=1280,900", "--dump-dom", measured.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert sized.returncode == 0, sized.stderr[-2000:]
    assert 'data-scroll="0"' in sized.stdout and 'data-wide="0"' in sized.stdout
    shot = tmp_path / "r.png"
    taken = subprocess.run(
        [
            str(browser),
            *flags,
            "--hide-scrollbars",
            "--window-size=1100,1400",
            f"--screenshot={shot}",
            page,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert taken.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_project_with_only_leads_still_gets_a_report(tmp_path: Path) -> None:
    shutil.copy(SAMPLE / "hubspot_contacts.csv", tmp_path)
    (tmp_path / "revq.yaml").write_text(
        "version: 1\nname: leads only\ninputs:\n"
        "  leads: {path: hubspot_contacts.csv, source: hubspot}\n"
        f"configs:\n  scoring: {SAMPLE.parent / 'configs' / 'scoring.yaml'}\n"
    )
    for fmt in ("md", "html"):
        result = run_cli(
            ["report", "--weekly", "--as-of", AS_OF, "-f", fmt, "-o", "-"], cwd=tmp_path
        )
        assert result.exit_code == 0, result.stderr
        assert result.stdout.count("No dispositions export in the project") == 3
        assert "not enough data for a reading" in result.stdout
    assert (
        "| MQL | 47 | 85 |"
        in run_cli(["report", "--weekly", "--as-of", AS_OF, "-o", "-"], cwd=tmp_path).stdout
    )  # stage dates from the leads' own columns when there is no history


def test_a_ladder_without_mql_or_sql_still_gets_a_report(tmp_path: Path) -> None:
    # The trend table shows MQLs and SQLs: a ladder without them made the template fail.
    for name in ("stage_history", "opportunities", "dispositions", "hubspot_contacts"):
        shutil.copy(SAMPLE / f"{name}.csv", tmp_path)
    (tmp_path / "funnel.yaml").write_text(
        "stages: [opportunity, won]\nconversions: [[opportunity, won]]\nvelocity: []\n"
        "qualified_stage: opportunity\n"
    )
    (tmp_path / "revq.yaml").write_text(
        "version: 1\nname: deals only\ninputs:\n"
        "  leads: {path: hubspot_contacts.csv, source: hubspot}\n"
        "  stage_history: {path: stage_history.csv}\n  opportunities: {path: opportunities.csv}\n"
        "  dispositions: {path: dispositions.csv}\n"
        f"configs:\n  scoring: {SAMPLE.parent / 'configs' / 'scoring.yaml'}\n"
        "  funnel: funnel.yaml\n"
    )
    for fmt in ("md", "html"):
        result = run_cli(
            ["report", "--weekly", "--as-of", AS_OF, "-f", fmt, "-o", "-"], cwd=tmp_path
        )
        assert result.exit_code == 0, result.stderr
    trend = result.stdout.split("Trend, last")[1]
    assert "n/a" in trend.split("</tr>")[1]  # a week's MQLs: not measured by this ladder


def test_exports_without_any_stage_date_still_get_a_report(tmp_path: Path) -> None:
    dated = (
        "Create Date",
        "Became a Marketing Qualified Lead Date",
        "Became a Sales Qualified Lead Date",
        "Became an Opportunity Date",
    )
    leads = pl.read_csv(SAMPLE / "hubspot_contacts.csv", infer_schema=False).drop(dated)
    leads.write_csv(tmp_path / "contacts.csv")
    (tmp_path / "revq.yaml").write_text(
        "version: 1\nname: no dates\ninputs:\n"
        "  leads: {path: contacts.csv, source: hubspot}\n"
        f"configs:\n  scoring: {SAMPLE.parent / 'configs' / 'scoring.yaml'}\n"
    )
    result = run_cli(["report", "--weekly", "--as-of", AS_OF, "-o", "-"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr  # it was an error: no stage dates
    assert "no stage dates in the project's exports" in result.stderr
    assert "| MQL | 0 | 0 |" in result.stdout and "## Action list" in result.stdout
    # the funnel command itself still says what is missing
    funnel = run_cli(["funnel", "--as-of", AS_OF], cwd=tmp_path)
    assert funnel.exit_code == 2 and "no stage dates" in funnel.stderr


def test_leads_without_stage_dates_and_opportunities_give_the_opportunity_funnel(
    tmp_path: Path,
) -> None:
    dated = (
        "Create Date",
        "Became a Marketing Qualified Lead Date",
        "Became a Sales Qualified Lead Date",
        "Became an Opportunity Date",
    )
    leads = pl.read_csv(SAMPLE / "hubspot_contacts.csv", infer_schema=False).drop(dated)
    leads.write_csv(tmp_path / "contacts.csv")
    opps = str(SAMPLE / "opportunities.csv")
    args = ["funnel", "--as-of", AS_OF, "-f", "json", "--opportunities", opps]
    with_leads = run_cli([*args, "--leads", str(tmp_path / "contacts.csv")], cwd=tmp_path)
    alone = run_cli(["-q", *args], cwd=tmp_path)
    assert with_leads.exit_code == 0, with_leads.stderr  # it was an error: no stage dates
    assert "contacts.csv: no stage dates; the funnel starts at the opportunity stage" in (
        with_leads.stderr
    )
    assert json.loads(with_leads.stdout)["win_rate"] == json.loads(alone.stdout)["win_rate"]


def test_the_format_follows_the_names_and_disagreement_is_refused(tmp_path: Path) -> None:
    def report(*args: str) -> Any:
        return run_cli(["report", "--weekly", "--as-of", AS_OF, *args], cwd=SAMPLE)

    assert report("--out", str(tmp_path / "r.html")).exit_code == 0
    assert (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")
    assert report("--out", str(tmp_path / "r.markdown")).exit_code == 0
    assert (tmp_path / "r.markdown").read_text().startswith("# ")
    pdf = report("--out", str(tmp_path / "r.pdf"))
    assert pdf.exit_code == 2 and "name it .md or .html" in pdf.stderr
    both = report("--format", "html", "--out", str(tmp_path / "r.md"))
    assert both.exit_code == 2 and "(--out md, --format html)" in both.stderr
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "r.md").exists()


def test_a_template_file_named_on_the_command_line(tmp_path: Path) -> None:
    own = tmp_path / "exec.html.j2"
    own.write_text(
        '{% extends "base.html.j2" %}{% block signals %}<p>ours</p>{% endblock %}',
        encoding="utf-8",
    )
    run = run_cli(
        ["report", "--weekly", "--as-of", AS_OF, "--template", str(own), "-o", "-"], cwd=SAMPLE
    )
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("<!DOCTYPE html>") and "<p>ours</p>" in run.stdout
    assert "Headline" in run.stdout  # the rest of the base template
    missing = run_cli(["report", "--weekly", "--template", "no/such.md.j2"], cwd=SAMPLE)
    assert missing.exit_code == 2 and "no/such.md.j2: no such template file" in missing.stderr


# A team's template with a mistake: (file contents, the line and what is said of it).
BROKEN_TEMPLATES = {
    "syntax": (b"ok\n{% if %}x{% endif %}\n", 2, "Expected an expression"),
    "filter": (b"a\nb\n{{ report.label | no_such_filter }}\n", 3, "No filter named"),
    "zero": (b"a\n{{ 1 / 0 }}\n", 2, "ZeroDivisionError: division by zero"),
    "latin1": (b"ok\nCaf\xe9\n", 2, "not UTF-8 text"),
    "extends": (b"\n{% extends 'missing.md.j2' %}\n", 2, "no template 'missing.md.j2'"),
    "undefined": (b"{{ report.no_such_field }}\n", 1, "no_such_field"),
}


def test_a_template_mistake_is_one_line_naming_file_and_line(
    tmp_path: Path, context: dict[str, Any]
) -> None:
    for name, (source, line, what) in BROKEN_TEMPLATES.items():
        own = tmp_path / f"{name}.md.j2"
        own.write_bytes(source)
        with pytest.raises(RevqError) as caught:
            render_report(own, "md", context)
        assert str(caught.value).startswith(f"{own}:{line}: "), (name, str(caught.value))
        assert what in str(caught.value), name
    # a template it extends is named where its own mistake is
    (tmp_path / "child.md.j2").write_text('{% extends "latin1.md.j2" %}\n', encoding="utf-8")
    with pytest.raises(RevqError, match=f"^{re.escape(str(tmp_path))}/latin1.md.j2:2: "):
        render_report(tmp_path / "child.md.j2", "md", context)
    # and on the command line: one line, exit 2, nothing written
    own = tmp_path / "zero.md.j2"
    run = run_cli(
        ["-q", "report", "--weekly", "--as-of", AS_OF, "--template", str(own), "-o", "-"],
        cwd=SAMPLE,
    )
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr.splitlines() == [f"revq: error: {own}:2: ZeroDivisionError: division by zero"]


def test_a_report_of_a_period_without_data_says_so(tmp_path: Path) -> None:
    args = ["report", "--weekly", "--as-of", "2020-01-01", "-o", str(tmp_path / "old.md")]
    refused = run_cli([*args, "--fail-on", "sla_compliance<0.9"], cwd=SAMPLE)
    # a week years before the exports begin: an error naming what they cover, nothing written
    assert refused.exit_code == 2 and not (tmp_path / "old.md").exists()
    (line,) = [x for x in refused.stderr.splitlines() if x.startswith("revq: error:")]
    assert line.startswith("revq: error: no lead, activity, signal, disposition, stage entry ")
    assert "in 2019-W52 (2019-12-23..2019-12-29): the exports begin on 2025-" in line
    # the export's first record (a person created again later: merged, created with the first)
    assert "(hubspot_contacts.csv covers 2025-12-28..2026-10-31" in line
    assert line.endswith("; pass --as-of inside them, or --allow-empty to write an empty report")
    run = run_cli([*args, "--fail-on", "sla_compliance<0.9", "--allow-empty"], cwd=SAMPLE)
    # written, and a gate that cannot be measured is said, not silently passed
    assert run.exit_code == 0 and (tmp_path / "old.md").exists()
    assert "writing an empty report (--allow-empty)" in run.stderr
    assert "--fail-on not measured (no value this run): sla_compliance<0.9" in run.stderr


def test_a_team_band_reaches_every_headline_figure(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "sample_data")
    shutil.copytree(SAMPLE.parent / "configs", tmp_path / "configs")
    funnel_yaml = tmp_path / "configs" / "funnel.yaml"
    bands = "  accepted_lead_rate: [0.5, 0.7]\n  win_rate: [0.2, 0.3]\n"
    funnel_yaml.write_text(
        funnel_yaml.read_text().replace("benchmarks:", "benchmarks:\n" + bands, 1)
    )
    project = tmp_path / "sample_data"
    report = run_cli(["-q", "report", "--weekly", "--as-of", AS_OF, "-o", "-"], cwd=project)
    assert report.exit_code == 0, report.stderr
    (row,) = [
        line for line in report.stdout.splitlines() if line.startswith("| Accepted lead rate")
    ]
    assert "| 50%-70% |" in row
    got = json.loads(run_cli(["-q", "funnel", "--as-of", AS_OF, "-f", "json"], cwd=project).stdout)[
        "headline"
    ]
    for key, (low, high) in (("accepted_lead_rate", (0.5, 0.7)), ("win_rate", (0.2, 0.3))):
        value = got[key]["value"]
        assert got[key]["band"] == [low, high]
        want = "below" if value < low else "above" if value > high else "within"
        assert got[key]["reading"] == want


def test_a_report_without_scoring_says_so_before_reading_any_export(tmp_path: Path) -> None:
    # The history named here does not exist: had the funnel read it first, that would be the
    # error; the missing scoring config is found before any export is opened.
    (tmp_path / "revq.yaml").write_text(
        "version: 1\nname: t\ninputs:\n  stage_history:\n    path: gone.csv\n"
    )
    result = run_cli(["report", "--weekly", "--as-of", "2026-10-31"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "no scoring config" in result.stderr and "gone.csv" not in result.stderr


OPPS = f"read_csv('{SAMPLE}/opportunities.csv', all_varchar = true)"


def test_pipeline_and_revenue_headline_against_duckdb(context: dict[str, Any]) -> None:
    # W43 and W42, by DuckDB over the opportunities export: created in the week, and closed
    # won in the week whenever created; the win rate is won of closed in the week.
    def week(start: str, end: str) -> tuple[Any, ...]:
        return duckdb.execute(
            f"""with o as (select cast(created_at as timestamptz) c,
                                  cast(closed_at as timestamptz) d,
                                  cast(amount as double) a, is_won = 'true' w,
                                  is_closed = 'true' or is_won = 'true' k from {OPPS}),
                 p as (select timestamptz '{start} 00:00+00' s, timestamptz '{end} 00:00+00' e)
            select count(*) filter (where c >= s and c < e),
                   coalesce(sum(a) filter (where c >= s and c < e), 0),
                   count(*) filter (where d >= s and d < e and w),
                   coalesce(sum(a) filter (where d >= s and d < e and w), 0),
                   count(*) filter (where d >= s and d < e and k) from o, p"""
        ).fetchone()  # type: ignore[return-value]

    created, pipeline, won, won_amount, closed = week("2026-10-19", "2026-10-26")
    prior = week("2026-10-12", "2026-10-19")
    values = {m["key"]: m for m in context["headline"]}
    assert context["headline"][0]["key"] == "opportunities_created"  # read first
    assert values["opportunities_created"]["value"] == created == 8
    assert values["opportunities_created"]["prior"] == prior[0]
    assert values["pipeline_created"]["value"] == pytest.approx(pipeline)
    assert values["deals_won"]["value"] == won and values["deals_won"]["prior"] == prior[2]
    assert values["won_amount"]["value"] == pytest.approx(won_amount)
    assert values["win_rate"]["value"] == round(won / closed, 4)
    assert values["average_deal"]["value"] == pytest.approx(won_amount / won)
    # By source: the week's opportunities created and won, each source's.
    rows = duckdb.execute(
        f"""select lead_source, count(*) filter (where cast(created_at as timestamptz)
                   >= timestamptz '2026-10-19 00:00+00' and cast(created_at as timestamptz)
                   < timestamptz '2026-10-26 00:00+00') from {OPPS} group by 1"""
    ).fetchall()
    by_source = {r["lead_source"]: r["created"] for r in context["funnel"]["by_source"]}
    assert by_source == {s: n for s, n in rows if n or s in by_source}


def test_labels_for_people_and_codes_in_the_data(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(SAMPLE, project)
    (tmp_path / "configs").symlink_to(ROOT / "configs")
    config = yaml.safe_load((project / "revq.yaml").read_text(encoding="utf-8"))
    config["labels"] = {"unresponsive": "Never answered"}
    (project / "revq.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = run_cli(["report", "--weekly", "--as-of", AS_OF, "-o", "-"], cwd=project)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "| Never answered | Recycle |" in text  # the team's label, and revq's for the class
    assert "| Student, competitor or spam |" in text
    for code in ("student_or_competitor_or_spam", "| unresponsive", "| sales_ready |"):
        assert code not in text
    assert "definition: qualified stage (mql) | | | `" in text  # the hash, in the provenance


def test_export_values_are_escaped_in_the_action_lists(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(SAMPLE, project)
    (tmp_path / "configs").symlink_to(ROOT / "configs")
    contacts = project / "hubspot_contacts.csv"
    hostile = "<script>alert(1)</script> | Co"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace("Juniper Logistics", hostile),
        encoding="utf-8",
    )
    html = project / "r.html"
    result = run_cli(["report", "--weekly", "--as-of", AS_OF, "-o", str(html)], cwd=project)
    assert result.exit_code == 0, result.stderr
    page = html.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; | Co" in page
    md = run_cli(["report", "--weekly", "--as-of", AS_OF, "-o", "-"], cwd=project).stdout
    row = next(line for line in md.splitlines() if "alert(1)" in line and "Åsa Xu" in line)
    assert "&lt;/script&gt; \\| Co |" in row  # the pipe escaped: the table keeps its columns
    cells = re.split(r"(?<!\\)\|", row)
    assert len(cells) == 7  # the five columns, between the leading and trailing pipes
    # Every lead of the lists is in the CSV beside the report, which the report links.
    listed = pl.read_csv(project / "2026-W43-actions.csv", infer_schema=False)
    assert '<a href="2026-W43-actions.csv">' in page
    # as many as the two lists' headings count
    counted = re.findall(r"^### Newly [a-z-]+ since [0-9-]+ \((\d+) leads?\b", md, re.MULTILINE)
    assert len(counted) == 2 and listed.height == sum(int(n) for n in counted)
    assert set(listed["stage"]) == {"sales_ready", "signal_qualified"}


def test_opportunities_without_amounts_have_no_money_figures() -> None:
    """An export without an amount column (Olist's closed deals) has deals but no revenue:
    its money figures are None (n/a), not 0, and its sources rank by counts."""
    from revq.core.revenue import period_revenue, revenue_by

    opps = pl.DataFrame(
        {
            "lead_source": ["web", "web", "events"],
            "created_at": [datetime(2026, 10, 20, tzinfo=UTC)] * 3,
            "closed_at": [datetime(2026, 10, 21, tzinfo=UTC)] * 3,
            "is_won": [True, False, True],
            "is_closed": [True, True, True],
        }
    )
    start, end = datetime(2026, 10, 19, tzinfo=UTC), datetime(2026, 10, 26, tzinfo=UTC)
    row = period_revenue(opps, start, end)
    assert (row["created"], row["won"], row["closed"], row["win_rate"]) == (3, 2, 3, 0.6667)
    assert row["pipeline"] is None and row["won_amount"] is None and row["average_deal"] is None
    by = revenue_by(opps, "lead_source", start, end)
    assert [(r["lead_source"], r["created"], r["won"]) for r in by] == [
        ("web", 2, 1),
        ("events", 1, 1),
    ]
    assert all(r["pipeline"] is None and r["won_amount"] is None for r in by)
    # With amounts, the sums as before: one missing amount adds nothing.
    priced = opps.with_columns(pl.Series("amount", [100.0, None, 50.0]))
    assert period_revenue(priced, start, end)["won_amount"] == 150.0


@pytest.mark.parametrize("as_of", ["2026-06-30", "2026-10-31", "2026-08-15"])
def test_the_reading_follows_the_mqls_of_the_week_against_the_week_before(as_of: str) -> None:
    """'More MQLs' or 'fewer MQLs' says how this week's MQLs compare with last week's, as the
    trend table counts them: not whether the lead velocity rate rose (from -24% to -15% is a
    rise, with fewer MQLs)."""
    result = run_cli(["report", "--weekly", "--as-of", as_of, "-o", "-"], cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    weeks = re.findall(r"^\| (\d{4}-W\d\d) \| ([\d,]+) \|", result.stdout, re.MULTILINE)
    prior, this = (int(n.replace(",", "")) for _, n in weeks[-2:])
    reading = re.search(r"\*\*Reading:\*\* (.*)", result.stdout)
    assert reading is not None and this != prior
    assert reading.group(1).startswith("fewer MQLs" if this < prior else "more MQLs")
