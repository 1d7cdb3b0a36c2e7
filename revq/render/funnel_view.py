"""How funnel metrics are shown: a terminal view, findings first, and Markdown."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from revq.render.layout import Column, Lines, table, title, wrap
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


def _findings(report: dict[str, Any]) -> list[str]:
    """The funnel's reading and the headline metrics below their benchmark (a maturing
    cohort's is left out: its leads have not had the time to convert)."""
    lines = [f"reading: {report['reading']}"] if report.get("reading") else []
    below = [
        f"{name} {_pct(h['value'])} ({_band(h.get('band'))})"
        for name, h in report["headline"].items()
        if h.get("reading") == "below" and not h.get("maturing")
    ]
    if below:
        lines.append("below the benchmark: " + ", ".join(below))
    return lines


def _conversion_order(report: dict[str, Any], names: list[str]) -> list[str]:
    """Conversions in funnel order: by the place of their first stage on the ladder."""
    ladder = list(report.get("definitions", {}).get("stages", []))

    def place(name: str) -> tuple[int, int, str]:
        first, _, second = name.partition("->")
        at = [ladder.index(s) if s in ladder else len(ladder) for s in (first, second)]
        return at[0], at[1], name

    return sorted(names, key=place)


def _conversions(report: dict[str, Any], rate: str, width: int) -> Lines:
    """One line a period (and --by value), one column a conversion: 'rate of entered'."""
    rows = report["conversions"]
    names = _conversion_order(report, list(dict.fromkeys(r["conversion"] for r in rows)))
    by = [k for k in (rows[0] if rows else {}) if k not in CONVERSION_KEYS]
    keys = list(dict.fromkeys((r["period"], *(r[k] for k in by)) for r in rows))
    cells = {(r["period"], *(r[k] for k in by), r["conversion"]): r for r in rows}

    def cell(row: dict[str, Any] | None) -> str:
        if row is None or row.get(rate) is None:
            return ""
        mark = "*" if row.get("maturing") and rate == "cohort_rate" else ""
        return f"{_pct(row[rate])} of {row['entered_a']:,}{mark}"

    columns = [
        Column(report["period"]),
        *(Column(k, cut=True, min_width=10) for k in by),
        *(Column(n, right=True) for n in names),
    ]
    shown = "month" if report["period"] == "month" else "period"
    body = [
        [_cell(key[0], shown), *map(str, key[1:]), *(cell(cells.get((*key, n))) for n in names)]
        for key in keys
    ]
    what = (
        "of the leads entering the first stage in the period, the share that reached the next; "
        "* still maturing"
        if rate == "cohort_rate"
        else "entries to the next stage in the period over entries to the first"
    )
    head = f"conversions by {report['period']}, {rate.removesuffix('_rate')}: {what}"
    return [Text(""), *wrap(head, width, style="bold"), *table(columns, body, width)]


CONVERSION_KEYS = {
    "conversion",
    "period",
    "entered_a",
    "cohort_reached_b",
    "entered_b",
    "cohort_rate",
    "period_rate",
    "maturing",
}


def funnel_view(report: dict[str, Any], width: int) -> Lines:
    """The funnel for a person: what stands out first, then the headline metrics against
    their benchmarks, the conversions by period in funnel order, velocity and speed to lead."""
    latest, period = report["latest_complete_period"], report["period"]
    shown = "month" if period == "month" else "period"
    head = f"funnel by {period} as of {report['as_of']}" + (
        f"; latest complete {period}: {_cell(latest, shown)}" if latest else ""
    )
    lines: Lines = wrap(head, width, style="bold")
    found = _findings(report)
    if found:
        lines += [Text(""), title("findings")]
        for line in found:
            lines += wrap(line, width, indent=2, hanging=2, style="yellow")
    headline = [
        Column("metric"),
        Column("value", right=True),
        Column("benchmark", right=True),
        Column("reading"),
        Column("note", cut=True, min_width=10, drop=1),
    ]
    lines += [Text(""), title("headline"), *table(headline, _headline_rows(report), width)]
    if report["conversions"]:
        for rate in ("cohort_rate", "period_rate"):
            if rate in report["conversions"][0]:
                lines += _conversions(report, rate, width)
    if report["velocity"]:
        keys = ("span", "leads", "median_days", "p75_days", "p90_days")
        velocity = [
            Column("span"),
            Column("leads", right=True),
            Column("median", right=True),
            Column("p75", right=True),
            Column("p90", right=True),
        ]
        rows = [[_shown(r[k], k) for k in keys] for r in report["velocity"]]
        lines += [Text(""), title("days between stages"), *table(velocity, rows, width)]
        for note in report.get("notes", []):
            lines += wrap(f"note: {note}", width, indent=2, hanging=2, style="yellow")
    speed = (report.get("speed_to_lead") or {}).get("by_owner") or []
    if speed:
        columns = [
            Column("owner", cut=True, min_width=12),
            Column("routed", right=True),
            Column("breaches", right=True),
            Column("breach rate", right=True),
            Column("median hours", right=True),
        ]
        rows = [
            [
                str(r["rep"]),
                f"{r['routed']:,}",
                f"{r['breaches']:,}",
                _pct(r["breach_rate"]),
                _cell(r["median_hours"], "median_hours"),
            ]
            for r in speed
        ]
        lines += [Text(""), title("speed to lead by owner, most breaches first")]
        lines += table(columns, rows, width)
    return lines


def _cell(value: Any, key: str) -> str:
    if value is None:
        return ""
    if key.endswith("_rate"):
        return _pct(value)
    if key == "period":
        return f"{value:%Y-%m-%d}"
    if key == "month":  # a month's period, in the terminal: its first day says no more
        return f"{value:%Y-%m}"
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):  # days and hours: one decimal, so a column's points line up
        return f"{value:,.1f}"
    return str(value)


def _shown(value: Any, key: str) -> str:
    """A cell of the terminal view: counts with thousands separators."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return _cell(value, key)


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
