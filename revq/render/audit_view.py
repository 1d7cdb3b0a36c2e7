"""How the rejection audit is shown: terminal tables and a Markdown summary."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from revq.render.markdown import md_table

COLUMNS = (
    "decided",
    "accepted",
    "rejected",
    "rejection_rate",
    "ci_low",
    "ci_high",
    "rest_rejection_rate",
    "missing_reason",
    "outsized",
    "reasons",
)


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        value += 0.0  # a rate rounded from just below zero reads 0.0%, not -0.0%
        return f"{value:.1%}" if 0 <= value <= 1 else f"{value:g}"
    return str(value)


def _count(n: int, rate: float | None) -> str:
    """A count and its rate; a rate of nothing (no decided leads) is left out, not `()`."""
    return f"{n:,}" if rate is None else f"{n:,} ({_fmt(rate)})"


def _overall_rows(report: dict[str, Any]) -> list[tuple[str, str]]:
    o = report["overall"]
    return [
        ("dispositions", f"{o['dispositions']:,} ({o['open']:,} open)"),
        ("accepted", _count(o["accepted"], o["acceptance_rate"])),
        ("rejected", _count(o["rejected"], o["rejection_rate"])),
        ("recycled", f"{o['recycled']:,}"),
        ("rejections with no reason", _count(o["missing_reason"], o["missing_reason_rate"])),
        ("unmapped reason labels", f"{o['unmapped_reason']:,}"),
        ("median hours to disposition", _fmt(o["median_hours_to_disposition"])),
        ("recycle list", f"{report['recycle']['total']:,} ({report['recycle']['due']:,} due)"),
    ]


def _flag_lines(report: dict[str, Any]) -> list[str]:
    flags = report["flags"]
    lines = []
    for dim, values in flags["outsized_rejection"].items():
        lines.append(f"outsized rejection by {dim}: {', '.join(map(str, values))}")
    for r in flags["missing_reasons_by_rep"]:
        lines.append(
            f"{r['rep']} gives no reason for {r['missing_reason']} of {r['rejected']} "
            f"rejections ({_fmt(r['missing_reason_rate'])})"
        )
    mis = flags["miscalibration"]
    if mis:
        rules = ", ".join(f"{r['rule']} ({r['leads']})" for r in mis["rules_among_them"])
        lines.append(
            f"{mis['rejected_but_sales_ready']} rejected leads were sales-ready by the model"
            + (f"; most common rules: {rules}" if rules else "")
        )
        lines.append(f"{mis['accepted_but_scored_low']} accepted leads were scored disqualified")
    for r in flags["unmapped_reason_labels"]:
        lines.append(f"unmapped reason label {r['reason']!r} ({r['rejected']})")
    return lines


def audit_tables(report: dict[str, Any], dims: list[str]) -> list[Any]:
    out: list[Any] = []
    head = Table(title="rejection audit", show_header=False, title_justify="left")
    head.add_column("metric")
    head.add_column("value")
    for k, v in _overall_rows(report):
        head.add_row(k, v)
    out.append(head)
    reasons = Table(title="rejections by reason", title_justify="left")
    for name in ("reason", "class", "rejected", "share"):
        reasons.add_column(name)
    for r in report["by_reason"]:
        reasons.add_row(
            r["reason_code"], r["reason_class"] or "", str(r["rejected"]), _fmt(r["share"])
        )
    out.append(reasons)
    for dim in dims:
        t = Table(title=f"by {dim}", title_justify="left")
        t.add_column(dim)
        for c in COLUMNS:
            t.add_column(c.replace("_", " "))
        for r in report["by"][dim]:
            t.add_row(str(r[dim]), *[_fmt(r.get(c)) for c in COLUMNS])
        out.append(t)
    flags = _flag_lines(report)
    if flags:
        f = Table(title="flags", show_header=False, title_justify="left")
        f.add_column("flag")
        for line in flags:
            f.add_row(line)
        out.append(f)
    return out


def audit_markdown(report: dict[str, Any], dims: list[str]) -> str:
    parts = ["# Rejection audit", ""]
    period = report["period"]
    parts.append(
        f"As of {period['as_of']}; dispositions from {period['since'] or 'the start'} "
        f"to {period['until'] or 'the end'}."
    )
    parts += ["", md_table(["metric", "value"], [list(r) for r in _overall_rows(report)]), ""]
    parts += ["## Rejections by reason", ""]
    parts.append(
        md_table(
            ["reason", "class", "rejected", "share"],
            [
                [r["reason_code"], r["reason_class"] or "", str(r["rejected"]), _fmt(r["share"])]
                for r in report["by_reason"]
            ],
        )
    )
    for dim in dims:
        parts += ["", f"## By {dim}", ""]
        parts.append(
            md_table(
                [dim, *[c.replace("_", " ") for c in COLUMNS]],
                [[str(r[dim]), *[_fmt(r.get(c)) for c in COLUMNS]] for r in report["by"][dim]],
            )
        )
    flags = _flag_lines(report)
    if flags:
        parts += ["", "## Flags", ""] + [f"- {line}" for line in flags]
    return "\n".join(parts) + "\n"
