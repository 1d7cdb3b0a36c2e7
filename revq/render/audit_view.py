"""How the rejection audit is shown: a terminal view, findings first, and a Markdown summary."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from revq.core.scoring.columns import STAGES
from revq.core.scoring.decide import QUADRANTS
from revq.core.scoring.dimensions import SCORE_BANDS
from revq.render.layout import Column, Lines, pairs, table, title, wrap
from revq.render.markdown import md_table, md_text

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


def _hours(value: float | None) -> str:
    """Hours with one decimal: not `_fmt`, which reads a value from 0 to 1 as a rate."""
    return "" if value is None else f"{value:,.1f}"


def _were(n: int, noun: str) -> str:
    """'1 rejected lead was', '2 rejected leads were'."""
    return f"{n:,} {noun} was" if n == 1 else f"{n:,} {noun}s were"


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
        ("median hours to disposition", _hours(o["median_hours_to_disposition"])),
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
            f"{_were(mis['rejected_but_sales_ready'], 'rejected lead')} sales-ready by the model"
            + (f"; most common rules: {rules}" if rules else "")
        )
        lines.append(
            f"{_were(mis['accepted_but_scored_low'], 'accepted lead')} scored disqualified"
        )
    for r in flags["unmapped_reason_labels"]:
        lines.append(f"unmapped reason label {r['reason']!r} ({r['rejected']})")
    return lines


# Cuts whose values have an order of their own; the others are listed most decided first.
ORDERS: dict[str, tuple[str, ...]] = {
    "score_band": (*(label for _, label in SCORE_BANDS), "<0"),
    "stage": STAGES,
    "quadrant": tuple(QUADRANTS.values()),
}


def ordered(dim: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A cut's rows in the order of its values: score bands from the highest, stages from
    the furthest along, months in time; other cuts as they come (most decided first)."""
    if dim == "month":
        return sorted(rows, key=lambda r: str(r[dim]))
    order = ORDERS.get(dim)
    if order is None:
        return rows
    return sorted(rows, key=lambda r: order.index(r[dim]) if r[dim] in order else len(order))


def _findings(report: dict[str, Any]) -> list[str]:
    """What to act on, each with the evidence that makes it one."""
    flags = report["flags"]
    lines = []
    for dim, values in flags["outsized_rejection"].items():
        rows = {str(r[dim]): r for r in report["by"].get(dim, [])}
        for value in values:
            r = rows.get(str(value))
            if r is None:
                lines.append(f"{value} ({dim}): rejected far more than the rest")
                continue
            lines.append(
                f"{value} ({dim}): {_fmt(r['rejection_rate'])} of its decided leads rejected "
                f"({r['rejected']:,} of {r['decided']:,}), {_fmt(r['rest_rejection_rate'])} of "
                "the rest"
            )
    for r in flags["missing_reasons_by_rep"]:
        lines.append(
            f"{r['rep']} gives no reason for {r['missing_reason']:,} of {r['rejected']:,} "
            f"rejections ({_fmt(r['missing_reason_rate'])})"
        )
    mis = flags["miscalibration"]
    if mis and mis["rejected_but_sales_ready"]:
        rules = ", ".join(f"{r['rule']} ({r['leads']})" for r in mis["rules_among_them"])
        lines.append(
            f"{_were(mis['rejected_but_sales_ready'], 'rejected lead')} sales-ready by the model"
            + (f"; most common rules: {rules}" if rules else "")
        )
    if mis and mis["accepted_but_scored_low"]:
        lines.append(
            f"{_were(mis['accepted_but_scored_low'], 'accepted lead')} scored disqualified, "
            f"e.g. {', '.join(mis['accepted_but_scored_low_ids'][:3])}"
        )
    for r in flags["unmapped_reason_labels"]:
        lines.append(f"reason label {r['reason']!r} maps to no code ({r['rejected']:,} rejections)")
    return lines


CUT_COLUMNS = (
    # (key, layout): when a cut cannot fit, the lowest `drop` goes first.
    ("decided", Column("decided", right=True, drop=3)),
    ("accepted", Column("accepted", right=True, drop=2)),
    ("rejected", Column("rejected", right=True)),
    ("rejection_rate", Column("rate", right=True)),
    ("ci", Column("95% CI", right=True, drop=1)),
    ("rest_rejection_rate", Column("rest", right=True, drop=4)),
    ("missing_reason", Column("no reason", right=True, drop=5)),
    ("outsized", Column("outsized", drop=6)),
    ("reasons", Column("reasons", cut=True, min_width=20, drop=7)),
)


def _cut(dim: str, rows: list[dict[str, Any]], width: int) -> Lines:
    def cell(r: dict[str, Any], key: str) -> str | Text:
        if key == "ci":
            if r["ci_low"] is None:
                return ""
            return f"{r['ci_low'] * 100 + 0.0:.1f}-{_fmt(r['ci_high'])}"
        if key == "outsized":
            return Text("outsized", style="bold red") if r["outsized"] else ""
        value = r.get(key)
        return (
            f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else _fmt(value)
        )

    columns = [Column(dim, cut=True, min_width=14), *(c for _, c in CUT_COLUMNS)]
    body = [[str(r[dim]), *(cell(r, key) for key, _ in CUT_COLUMNS)] for r in ordered(dim, rows)]
    return [Text(""), title(f"by {dim}"), *table(columns, body, width)]


def audit_view(report: dict[str, Any], dims: list[str], width: int) -> Lines:
    """The audit for a person: the headline and the findings first, then the evidence (the
    overall counts, the reasons, each cut with its rows in their order)."""
    o, period = report["overall"], report["period"]
    window = (
        f"dispositions from {period['since'] or 'the start'} to {period['until'] or 'the end'}"
        if period["since"] or period["until"]
        else "all dispositions"
    )
    head = (
        f"rejection audit as of {period['as_of']} ({window}): {o['rejected']:,} of "
        f"{o['decided']:,} decided leads rejected ({_fmt(o['rejection_rate'])})"
    )
    lines: Lines = wrap(head, width, style="bold")
    found = _findings(report)
    lines += [Text(""), title("findings")]
    for line in found or ["none: no source, rep or score band stands out"]:
        lines += wrap(line, width, indent=2, hanging=2, style="yellow" if found else "")
    lines += [Text(""), title("overall"), *pairs(_overall_rows(report), width)]
    reasons = [
        [r["reason_code"], r["reason_class"] or "", f"{r['rejected']:,}", _fmt(r["share"])]
        for r in report["by_reason"]
    ]
    reason_columns = [
        Column("reason", cut=True, min_width=20),
        Column("class"),
        Column("rejected", right=True),
        Column("share", right=True),
    ]
    lines += [Text(""), title("rejections by reason"), *table(reason_columns, reasons, width)]
    for dim in dims:
        lines += _cut(dim, report["by"][dim], width)
    separation = report.get("separation") or []
    if separation:
        factors = [
            [
                r["factor"],
                _fmt(r["among_accepted"]),
                _fmt(r["among_rejected"]),
                f"{r['difference'] * 100:+.1f} pts",
            ]
            for r in separation[:5]
        ]
        factor_columns = [
            Column("rule", cut=True, min_width=16),
            Column("among accepted", right=True),
            Column("among rejected", right=True),
            Column("difference", right=True),
        ]
        lines += [Text(""), title("what tells accepted leads from rejected ones")]
        lines += table(factor_columns, factors, width)
    return lines


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
        parts += ["", "## Flags", ""] + [f"- {md_text(line)}" for line in flags]
    return "\n".join(parts) + "\n"
