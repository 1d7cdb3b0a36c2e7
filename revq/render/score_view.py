"""How scores are shown: the ranked list, the stderr summary, the ledger and decision path."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl
from rich.text import Text

from revq.core.scoring.columns import STAGES
from revq.core.scoring.decide import QUADRANTS
from revq.core.scoring.model import ScoringModel, condition_columns
from revq.render.layout import Column, Lines, pairs, table, title, wrap

# The score groups in the order a total adds them up.
GROUPS = ("fit", "intent", "signal", "negative")


def account_summary(result: pl.DataFrame) -> list[str]:
    mqa = int(result["mqa"].sum()) if result.height else 0
    return [f"{result.height:,} accounts; {mqa:,} marketing-qualified (MQA)"]


def lead_summary(counts: pl.DataFrame) -> list[str]:
    """The stderr summary of a lead scoring from `counts`: leads (`len`) per stage, quadrant
    and gate, so the leads themselves need not be held to count them. Stages and quadrants
    come in their own order, from the furthest along; gates most frequent first."""
    lines = [f"scored {int(counts['len'].sum()):,} leads"]
    lines.append("  by stage: " + _counted(counts, "stage", STAGES))
    lines.append("  by quadrant: " + _counted(counts, "quadrant", tuple(QUADRANTS.values())))
    gated = counts.filter(pl.col("gate").is_not_null())
    if gated.height:
        lines.append("  gates hit: " + _counted(gated, "gate"))
    return lines


def converted_count(counts: pl.DataFrame) -> int:
    """Leads in the converted stage, from `lead_counts`."""
    return int(counts.filter(pl.col("stage") == "converted")["len"].sum())


def _counted(counts: pl.DataFrame, column: str, order: Sequence[str] = ()) -> str:
    """'sales_ready 13, nurture 2,318': in `order` where a value has one, then most frequent
    first, ties by name."""
    rank = pl.col(column).replace_strict(
        list(order), list(range(len(order))), default=len(order), return_dtype=pl.Int32
    )
    totals = (
        counts.group_by(column)
        .agg(pl.col("len").sum())
        .sort([rank, pl.col("len"), pl.col(column)], descending=[False, True, False])
    )
    return ", ".join(f"{value} {n:,}" for value, n in totals.iter_rows())


def _score(value: Any) -> str:
    return "" if value is None else f"{value:,.1f}"


def _text(value: Any) -> str:
    return "" if value is None else str(value)


LEAD_COLUMNS = (
    # (column, layout). When the table cannot fit, the lowest `drop` goes first: the why-now
    # (the type and day of the trigger in its first 32 characters) and the owner stay longest.
    ("lead_id", Column("lead", style="cyan")),
    ("stage", Column("stage")),
    ("total_score", Column("score", right=True)),
    ("fit_score", Column("fit", right=True, drop=4)),
    ("intent_score", Column("intent", right=True, drop=4)),
    ("signal_score", Column("signal", right=True, drop=4)),
    ("negative_score", Column("neg", right=True, drop=1)),
    ("fit_grade", Column("grade", drop=2)),
    ("owner", Column("owner", cut=True, min_width=10, drop=6)),
    ("company", Column("company", cut=True, min_width=12, drop=5)),
    ("title", Column("title", cut=True, min_width=12, drop=3)),
    ("why_now", Column("why now", cut=True, min_width=32)),
)


def score_view(
    leads: pl.DataFrame, total: int, as_of: str, width: int, converted: int = 0, top: int = 0
) -> Lines:
    """The top leads, one line each, best first: who to call, why now and whose they are.
    The next action (which repeats the owner and the why-now) is left to `revq explain`
    and the machine formats. `converted`: leads left out as converted already. `top`, given,
    is how many to show of `leads`, whose row after them tells whether the list ends inside
    a tie (a learned model gives many leads the same score): the title then says so, since
    the leads shown of those tied are merely the first by lead id."""
    tie = None
    if top and leads.height > top:
        last, after = leads["total_score"][top - 1], leads["total_score"][top]
        tie = last if last == after else None
        leads = leads.head(top)
    chosen = [(name, c) for name, c in LEAD_COLUMNS if name in leads.columns]
    scores = {"total_score", "fit_score", "intent_score", "signal_score", "negative_score"}
    rows = [
        [(_score if name in scores else _text)(row[name]) for name, _ in chosen]
        for row in leads.select([name for name, _ in chosen]).iter_rows(named=True)
    ]
    head = f"top {leads.height:,} of {total:,} leads by score, as of {as_of}"
    if converted:
        head += f" ({converted:,} converted already, not listed)"
    if tie is not None:
        head += f"; more leads score {_score(tie)}, ties listed by lead id"
    return [*wrap(head, width, style="bold"), *table([c for _, c in chosen], rows, width)]


ACCOUNT_COLUMNS = (
    ("account_key", Column("account", style="cyan")),
    ("contacts", Column("contacts", right=True)),
    ("account_fit", Column("fit", right=True, drop=2)),
    ("account_intent", Column("intent", right=True)),
    ("account_signal", Column("signal", right=True, drop=2)),
    ("engaged_contacts", Column("engaged", right=True)),
    ("mqa", Column("MQA")),
    ("engaged_roles", Column("engaged roles", cut=True, min_width=12, drop=1)),
)


def account_view(accounts: pl.DataFrame, top: int, width: int) -> Lines:
    """The accounts with the most intent, one line each."""
    chosen = [(name, c) for name, c in ACCOUNT_COLUMNS if name in accounts.columns]
    numbers = {"account_fit", "account_intent", "account_signal"}
    rows = [
        [
            "yes" if v is True else "" if v is False else _score(v) if n in numbers else _text(v)
            for n, v in zip([n for n, _ in chosen], r, strict=True)
        ]
        for r in accounts.head(top).select([n for n, _ in chosen]).iter_rows()
    ]
    head = f"top {min(top, accounts.height):,} of {accounts.height:,} accounts by intent"
    return [title(head), *table([c for _, c in chosen], rows, width)]


def _points(value: float) -> str:
    return f"{value:,.2f}"


def ledger_view(ledger: pl.DataFrame, width: int) -> Lines:
    """The rules that counted, by group in the order the total adds them, the most points
    first."""
    group = pl.col("group").replace_strict(
        list(GROUPS), list(range(len(GROUPS))), default=len(GROUPS), return_dtype=pl.Int32
    )
    ordered = ledger.sort(
        [group, pl.col("points").abs(), pl.col("rule")], descending=[False, True, False]
    )
    rows = [
        [
            r["group"],
            r["rule"],
            f"{r['raw_points']:g}",
            f"{r['decay_factor']:.3f}",
            "capped" if r["cap_applied"] else "",
            _points(r["points"]),
        ]
        for r in ordered.iter_rows(named=True)
    ]
    columns = [
        Column("group"),
        Column("rule"),  # a name to look up in the config: never cut
        Column("raw points", right=True, drop=1),
        Column("decay", right=True, drop=2),
        Column("cap"),
        Column("points", right=True),
    ]
    return table(columns, rows, width, indent=2)


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
        # which column of the lead's decided it: a converted gate reads the outcome's
        gate = next((g for g in model.gates if g.name == row["gate"]), None)
        read = ", ".join(sorted(condition_columns(gate.when))) if gate is not None else ""
        on = f"; on {read}" if read else ""
        lines.append(f"gate {row['gate']} ({row['gate_reason']}{on}) -> stage {row['stage']}")
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
    return lines


def lead_view(ledger: pl.DataFrame, row: dict[str, Any], model: ScoringModel, width: int) -> Lines:
    """One lead: its stage and total first, then who it is, why now and what to do (whole,
    wrapped), the decision path, and the ledger that adds up to the total."""
    who = ", ".join(str(row[c]) for c in ("title", "company") if row.get(c))
    head = (
        f"lead {row['lead_id']}: {row['stage']}, score {row['total_score']:g} = fit "
        f"{row['fit_score']:g} + intent {row['intent_score']:g} + signal "
        f"{row['signal_score']:g} + negative {row['negative_score']:g}"
    )
    lines: Lines = wrap(head, width, hanging=2, style="bold")
    about = [("who", who)] if who else []
    about += [
        ("owner", row.get("owner") or "-"),
        ("why now", row.get("why_now") or "-"),
        ("next action", row.get("next_action") or "-"),
    ]
    lines += pairs(about, width)
    lines += [Text(""), title("  how the stage was decided")]
    for step in decision_path(row, model):
        lines += wrap(step, width, indent=2, hanging=2)
    lines += [Text(""), title("  the rules that counted")]
    lines += ledger_view(ledger, width)
    return lines


def explain_view(
    ledger: pl.DataFrame,
    scored: pl.DataFrame,
    model: ScoringModel,
    lead_ids: Sequence[str],
    width: int,
) -> Lines:
    """Each lead's view, in the order the ids were given, a blank line between."""
    lines: Lines = []
    for lead_id in lead_ids:
        row = scored.filter(pl.col("lead_id") == lead_id).row(0, named=True)
        if lines:
            lines.append(Text(""))
        lines += lead_view(ledger.filter(pl.col("lead_id") == lead_id), row, model, width)
    return lines
