"""How a backtest and a config diff are shown: terminal tables and Markdown for a PR comment."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from revq.render.markdown import md_table
from revq.render.report_view import pct

Section = tuple[str, list[str], list[list[str]]]


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
                    f"{r['min_score']:g}-{r['max_score']:g}",
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


def _rich(title: str, header: list[str], rows: list[list[str]]) -> Table:
    table = Table(title=title, title_justify="left")
    for i, name in enumerate(header):
        table.add_column(name, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*row)
    return table


def backtest_tables(report: dict[str, Any]) -> list[Any]:
    return ["\n".join(_summary(report)), *(_rich(*s) for s in _sections(report))]


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


def diff_tables(report: dict[str, Any]) -> list[Any]:
    head = diff_markdown(report).split("\n\n", 2)[1]
    return [head, *(_rich(*s) for s in diff_sections(report))]
