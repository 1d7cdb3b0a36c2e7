"""How scores are shown: the ranked table, the stderr summary, the ledger and decision path."""

from __future__ import annotations

from typing import Any

import polars as pl
from rich.table import Table
from rich.text import Text

from revq.core.scoring.model import ScoringModel


def account_summary(result: pl.DataFrame) -> list[str]:
    mqa = int(result["mqa"].sum()) if result.height else 0
    return [f"{result.height:,} accounts; {mqa:,} marketing-qualified (MQA)"]


def lead_summary(counts: pl.DataFrame) -> list[str]:
    """The stderr summary of a lead scoring from `counts`: leads (`len`) per stage, quadrant
    and gate, so the leads themselves need not be held to count them."""
    lines = [f"scored {int(counts['len'].sum()):,} leads"]
    for column in ("stage", "quadrant"):
        lines.append(f"  by {column}: " + _counted(counts, column))
    gated = counts.filter(pl.col("gate").is_not_null())
    if gated.height:
        lines.append("  gates hit: " + _counted(gated, "gate"))
    return lines


def _counted(counts: pl.DataFrame, column: str) -> str:
    """'nurture 812, sales_ready 97': most frequent first, ties by name."""
    totals = (
        counts.group_by(column)
        .agg(pl.col("len").sum())
        .sort(["len", column], descending=[True, False])
    )
    return ", ".join(f"{value} {n:,}" for value, n in totals.iter_rows())


def score_table(result: pl.DataFrame, top: int, by: str) -> Table:
    if by == "account":
        table = Table(
            title=f"top {min(top, result.height)} accounts by intent", title_justify="left"
        )
        cols = [
            "account_key",
            "contacts",
            "account_fit",
            "account_intent",
            "account_signal",
            "engaged_contacts",
            "engaged_roles",
            "mqa",
        ]
    else:
        table = Table(title=f"top {min(top, result.height)} leads", title_justify="left")
        cols = [
            "lead_id",
            "company",
            "title",
            "stage",
            "total_score",
            "fit_score",
            "intent_score",
            "signal_score",
            "negative_score",
            "fit_grade",
            "why_now",
            "next_action",
            "owner",
        ]
    cols = [c for c in cols if c in result.columns]
    short = {
        "total_score": "total",
        "fit_score": "fit",
        "intent_score": "intent",
        "signal_score": "signal",
        "negative_score": "neg",
        "fit_grade": "grade",
    }
    for c in cols:
        numeric = result.schema[c].is_numeric()
        table.add_column(short.get(c, c), justify="right" if numeric else "left")
    for row in result.head(top).iter_rows(named=True):
        table.add_row(*[_cell(row[c]) for c in cols])
    return table


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def ledger_table(ledger: pl.DataFrame, row: dict[str, Any]) -> Table:
    table = Table(
        title=f"lead {row['lead_id']}: total {row['total_score']:g} = fit {row['fit_score']:g} + "
        f"intent {row['intent_score']:g} + signal {row['signal_score']:g} + negative "
        f"{row['negative_score']:g}",
        title_justify="left",
    )
    for name in ("group", "rule", "raw points", "decay", "cap", "points"):
        table.add_column(name, justify="right" if name not in ("group", "rule") else "left")
    for r in ledger.sort("group", "rule").iter_rows(named=True):
        table.add_row(
            r["group"],
            r["rule"],
            f"{r['raw_points']:g}",
            f"{r['decay_factor']:.3f}",
            "capped" if r["cap_applied"] else "",
            f"{r['points']:.2f}",
        )
    return table


def decision_path(row: dict[str, Any], model: ScoringModel) -> list[str]:
    d = model.decision
    fit, intent, sig = row["fit_score"], row["intent_score"], row["signal_score"]
    lines = [
        f"fit grade {row['fit_grade']}; fit {fit:g} {'>=' if fit >= d.fit_high else '<'} "
        f"fit_high {d.fit_high:g}; intent+signal {intent + sig:g} "
        f"{'>=' if intent + sig >= d.intent_high else '<'} intent_high {d.intent_high:g} "
        f"-> quadrant {row['quadrant']}",
    ]
    if row.get("gate"):
        lines.append(f"gate {row['gate']} ({row['gate_reason']}) -> stage {row['stage']}")
    else:
        top_name, top_cut = (
            ("mql_threshold", d.mql_threshold)
            if d.mql_threshold is not None
            else ("sales_ready", d.sales_ready)
        )
        total = row["total_score"]
        lines.append(
            f"total {total:g} {'>=' if total >= top_cut else '<'} {top_name} {top_cut:g}; "
            f"nurture at {d.nurture:g} -> stage {row['stage']}"
        )
    lines.append(f"why now: {row.get('why_now') or '-'}")
    lines.append(f"next action: {row.get('next_action') or '-'} (owner {row.get('owner') or '-'})")
    return lines


def explain_views(
    ledger: pl.DataFrame, scored: pl.DataFrame, model: ScoringModel, lead_ids: list[str]
) -> list[Table | Text]:
    """Each lead's ledger table, then its decision path, in the order the ids were given."""
    views: list[Table | Text] = []
    for lead_id in lead_ids:
        row = scored.filter(pl.col("lead_id") == lead_id).row(0, named=True)
        views.append(ledger_table(ledger.filter(pl.col("lead_id") == lead_id), row))
        views += [Text(line) for line in decision_path(row, model)]
    return views
