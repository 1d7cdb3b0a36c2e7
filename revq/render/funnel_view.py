"""How funnel metrics are shown: terminal tables and Markdown."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from revq.render.markdown import md_table


def _pct(value: Any) -> str:
    return "" if value is None else f"{value:.1%}"


def _band(band: Any) -> str:
    if not band:
        return ""
    low, high = band
    if high is None:
        return f">= {low:.0%}"
    return f"{low:.0%}-{high:.0%}"


def _headline_rows(report: dict[str, Any]) -> list[list[str]]:
    rows = []
    for name, h in report["headline"].items():
        note = "maturing" if h.get("maturing") else ""
        if name == "lead_velocity_rate":
            note = f"qualified = {h['qualified']} (definition {h['definition_hash']})"
        rows.append([name, _pct(h["value"]), _band(h.get("band")), h.get("reading") or "", note])
    return rows


def funnel_tables(report: dict[str, Any]) -> list[Any]:
    out: list[Any] = []
    head = Table(
        title=f"funnel, {report['period']} {report['latest_complete_period']:%Y-%m-%d}"
        if report["latest_complete_period"]
        else "funnel",
        title_justify="left",
    )
    for name in ("metric", "value", "benchmark", "reading", "note"):
        head.add_column(name)
    for row in _headline_rows(report):
        head.add_row(*row)
    out.append(head)
    conv = Table(title="conversions by period", title_justify="left")
    keys = [k for k in (report["conversions"][0] if report["conversions"] else {})]
    for k in keys:
        conv.add_column(k)
    for r in report["conversions"]:
        conv.add_row(*[_cell(r[k], k) for k in keys])
    out.append(conv)
    vel = Table(title="velocity (days)", title_justify="left")
    for k in ("span", "leads", "median_days", "p75_days", "p90_days"):
        vel.add_column(k)
    for r in report["velocity"]:
        vel.add_row(
            *[_cell(r[k], k) for k in ("span", "leads", "median_days", "p75_days", "p90_days")]
        )
    out.append(vel)
    out += [Text(f"note: {note}") for note in report.get("notes", [])]
    return out


def _cell(value: Any, key: str) -> str:
    if value is None:
        return ""
    if key.endswith("_rate"):
        return _pct(value)
    if key == "period":
        return f"{value:%Y-%m-%d}"
    if isinstance(value, bool):
        return "yes" if value else ""
    return str(value)


def funnel_markdown(report: dict[str, Any]) -> str:
    parts = ["# Funnel", "", f"As of {report['as_of']}, by {report['period']}.", ""]
    parts.append(
        md_table(["metric", "value", "benchmark", "reading", "note"], _headline_rows(report))
    )
    if report["velocity"]:
        parts += ["", "## Velocity (days)", ""]
        keys = ["span", "leads", "median_days", "p75_days", "p90_days"]
        parts.append(md_table(keys, [[_cell(r[k], k) for k in keys] for r in report["velocity"]]))
    if report.get("notes"):
        parts += [""] + [f"Note: {note}" for note in report["notes"]]
    if report["conversions"]:
        parts += ["", "## Conversions by period", ""]
        keys = list(report["conversions"][0])
        parts.append(
            md_table(keys, [[_cell(r[k], k) for k in keys] for r in report["conversions"]])
        )
    return "\n".join(parts) + "\n"
