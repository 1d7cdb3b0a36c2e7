"""How a backtest and a config diff are shown: terminal views, the summary first, and Markdown
for a PR comment."""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text

from revq.core.backtest import score_span
from revq.render.layout import Column, Lines, table, wrap
from revq.render.markdown import md_table
from revq.render.report_view import pct

Section = tuple[str, list[str], list[list[str]]]
# A figure, right-aligned so its digits line up: 1,234, -3.5, 12.0%, 35-41.66, n/a.
NUMBER = re.compile(r"[-+]?[\d,.]+(%|(-| to )[-+]?[\d,.]+)?|n/a|")


def _n(value: Any, digits: int = 0) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _summary(report: dict[str, Any]) -> list[str]:
    lines = [
        f"Config `{report['config']}`, outcome `{report['outcome']}`, each lead scored as of its "
        f"decision time ({report['decision_time']}).",
        f"{_n(report['leads'])} leads, {_n(report['conversions'])} converted "
        f"(base rate {pct(report['base_rate'])}); ROC AUC {_n(report['auc'], 3)}.",
    ]
    cap = report.get("capacity")
    if cap is not None:
        pick = cap["recommended"]
        per = "a week" if cap["per"] == "week" else "in total"
        if pick is None:
            lines.append(f"No threshold keeps the routed leads within {cap['leads']:g} {per}.")
        else:
            routed = pick.get("routed_per_week", pick["routed"])
            lines.append(
                f"For a capacity of {cap['leads']:g} leads {per}: threshold {pick['threshold']:g}"
                f" routes {_n(routed, 1)} {per} and captures {pct(pick['capture'])} of "
                f"conversions at a precision of {pct(pick['precision'])}."
            )
    wrong = [r["rule"] for r in report.get("rules", []) if r["wrong_way"]]
    if wrong:
        lines.append("Rules whose points point the wrong way: " + ", ".join(wrong) + ".")
    s = report.get("suggest")
    if s is not None:
        lines.append(
            f"Suggested config `{s['file']}`: held-out AUC {_n(s['auc_before'], 3)} -> "
            f"{_n(s['auc_after'], 3)} ({_n(s['test_leads'])} held-out leads, "
            f"fitted on {_n(s['train_leads'])})."
        )
    return lines


def _sections(report: dict[str, Any]) -> list[Section]:
    out: list[Section] = [
        (
            "Conversion by score decile",
            ["decile", "leads", "scores", "converted", "rate", "lift", "cumulative capture"],
            [
                [
                    str(r["decile"]),
                    _n(r["leads"]),
                    score_span(r["min_score"], r["max_score"]),
                    _n(r["conversions"]),
                    pct(r["rate"]),
                    _n(r["lift"], 2),
                    pct(r["cumulative_capture"]),
                ]
                for r in report["deciles"]
            ],
        ),
        (
            "Conversion by fit x intent cell",
            ["quadrant", "leads", "converted", "rate", "lift"],
            [
                [
                    r["quadrant"],
                    _n(r["leads"]),
                    _n(r["conversions"]),
                    pct(r["rate"]),
                    _n(r["lift"], 2),
                ]
                for r in report["cells"]
            ],
        ),
        (
            "At the configured thresholds",
            ["threshold", "score", "flagged", "converted", "precision", "recall"],
            [
                [
                    r["threshold"],
                    f"{r['score']:g}",
                    _n(r["flagged"]),
                    _n(r["conversions"]),
                    pct(r["precision"]),
                    pct(r["recall"]),
                ]
                for r in report["thresholds"]
            ],
        ),
        (
            "Calibration by score band",
            ["band", "leads", "converted", "rate", "at least the band below"],
            [
                [
                    r["band"],
                    _n(r["leads"]),
                    _n(r["conversions"]),
                    pct(r["rate"]),
                    "yes" if r["monotonic"] else "NO",
                ]
                for r in report["calibration"]
            ],
        ),
    ]
    per_week = any("routed_per_week" in r for r in report["sweep"])
    out.append(
        (
            "Threshold sweep",
            [
                "threshold",
                "routed",
                *(["per week"] if per_week else []),
                "converted",
                *(["per week"] if per_week else []),
                "precision",
                "capture",
            ],
            [
                [
                    f"{r['threshold']:g}",
                    _n(r["routed"]),
                    *([_n(r["routed_per_week"], 1)] if per_week else []),
                    _n(r["conversions"]),
                    *([_n(r["conversions_per_week"], 2)] if per_week else []),
                    pct(r["precision"]),
                    pct(r["capture"]),
                ]
                for r in report["sweep"]
            ],
        )
    )
    if report.get("rules"):
        out.append(
            (
                "Rule evidence",
                [
                    "rule",
                    "fired",
                    "fire rate",
                    "mean points",
                    "rate with",
                    "rate without",
                    "wrong way",
                ],
                [
                    [
                        r["rule"],
                        _n(r["fired"]),
                        pct(r["fire_rate"]),
                        _n(r["mean_points"], 1),
                        pct(r["rate_with"]),
                        pct(r["rate_without"]),
                        "WRONG WAY" if r["wrong_way"] else "",
                    ]
                    for r in report["rules"]
                ],
            )
        )
    s = report.get("suggest")
    if s is not None:
        out.append(
            (
                "Suggested points (largest effect first)",
                ["rule", "current full points", "coefficient", "suggested full points", "written"],
                [
                    [
                        r["rule"],
                        _n(r["current_points"], 1),
                        _n(r["coefficient"], 3),
                        _n(r["suggested_points"], 1),
                        "set to 0 (wrong way)"
                        if r.get("zeroed")
                        else "yes"
                        if r["refitted"]
                        else "no (not a base rule)",
                    ]
                    for r in s["rules"]
                ],
            )
        )
    return out


def backtest_markdown(report: dict[str, Any]) -> str:
    parts = ["# Backtest", "", *_summary(report), ""]
    for title, header, rows in _sections(report):
        parts += [f"## {title}", "", md_table(header, rows), ""]
    return "\n".join(parts)


# Names a reader looks up elsewhere (in the config, in `revq explain`): never cut.
NAMES = ("lead", "rule")
# Columns a narrow terminal can do without, the lowest first: the others carry the finding.
SPARED = {"fire rate": 1, "mean points": 2, "lift": 1, "scores": 2, "coefficient": 1}


def _section(title_text: str, header: list[str], rows: list[list[str]], width: int) -> Lines:
    """A section as the terminal shows it: the first column the row's name (cut to fit, unless
    it is a lead id), the figures right-aligned."""
    first = header[0]
    columns = [
        Column(
            first, style="cyan" if first == "lead" else "", cut=first not in NAMES, min_width=16
        ),
        *(
            Column(name, right=all(NUMBER.fullmatch(r[i]) for r in rows), drop=SPARED.get(name, 0))
            for i, name in enumerate(header[1:], start=1)
        ),
    ]
    styled: list[list[str | Text]] = [
        [Text(c, style="bold red") if c in ("WRONG WAY", "NO") else c for c in row] for row in rows
    ]
    return [Text(""), *wrap(title_text, width, style="bold"), *table(columns, styled, width)]


def _summary_lines(lines: list[str], width: int) -> Lines:
    out: Lines = []
    for i, line in enumerate(lines):
        out += wrap(line.replace("`", ""), width, style="bold" if i == 0 else "")
    return out


def backtest_view(report: dict[str, Any], width: int) -> Lines:
    """The backtest for a person: the summary (AUC, the threshold for the capacity, rules
    that point the wrong way) first, then each section's table."""
    lines = _summary_lines(_summary(report), width)
    for section in _sections(report):
        lines += _section(*section, width)
    return lines


def diff_markdown(report: dict[str, Any]) -> str:
    s = report["summary"]
    parts = [
        "# Scoring config change",
        "",
        f"`{report['old']}` -> `{report['new']}` on {_n(s['leads'])} leads "
        f"as of {report['as_of']}: "
        f"{_n(s['changed_stage'])} change stage ({pct(s['changed_stage_share'])}), "
        f"{_n(s['changed_quadrant'])} change quadrant ({pct(s['changed_quadrant_share'])}); "
        f"{_n(s['gained_sales_ready'])} become sales-ready, {_n(s['lost_sales_ready'])} stop being "
        "sales-ready.",
        "",
    ]
    for title, header, rows in diff_sections(report):
        parts += [f"## {title}", "", md_table(header, rows), ""]
    return "\n".join(parts)


def diff_sections(report: dict[str, Any]) -> list[Section]:
    stages = report["stages"]
    out: list[Section] = [
        (
            "Stage transitions (rows: old, columns: new)",
            ["old \\ new", *stages],
            [
                [old, *(_n(report["transitions"].get(old, {}).get(new, 0)) for new in stages)]
                for old in stages
            ],
        ),
        (
            "Quadrant transitions",
            ["old", "new", "leads"],
            [[r["old"], r["new"], _n(r["leads"])] for r in report["quadrants"]],
        ),
        (
            "Owner queues (sales-ready and signal-qualified leads)",
            ["owner", "old", "new", "change"],
            [
                [r["owner"], _n(r["old"]), _n(r["new"]), f"{r['change']:+,}"]
                for r in report["owners"]
            ],
        ),
    ]
    for key, title in (("gained", "Become sales-ready"), ("lost", "No longer sales-ready")):
        rows = report[key]
        if rows:
            out.append(
                (
                    f"{title} ({_n(report['summary'][f'{key}_sales_ready'])}; "
                    "highest new score first)",
                    ["lead", "old stage", "new stage", "old score", "new score"],
                    [
                        [
                            r["lead_id"],
                            r["old_stage"],
                            r["new_stage"],
                            _n(r["old_score"], 1),
                            _n(r["new_score"], 1),
                        ]
                        for r in rows
                    ],
                )
            )
    if report.get("capture"):
        out.append(
            (
                "Conversion capture",
                [
                    "config",
                    "sales-ready",
                    "converted among them",
                    "precision",
                    "share of all conversions",
                ],
                [
                    [
                        r["config"],
                        _n(r["flagged"]),
                        _n(r["conversions"]),
                        pct(r["precision"]),
                        pct(r["recall"]),
                    ]
                    for r in report["capture"]
                ],
            )
        )
    return out


def diff_view(report: dict[str, Any], width: int) -> Lines:
    """The change for a person: what moves first, then transitions, queues and the leads."""
    head = diff_markdown(report).split("\n\n", 2)[1]
    lines = _summary_lines([head], width)
    for section in diff_sections(report):
        lines += _section(*section, width)
    return lines
