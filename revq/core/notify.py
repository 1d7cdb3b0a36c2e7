"""Which scored leads a run tells someone about, and what each alert says.

An alert says four things (the hand-off practice revq follows): what happened, why it matters,
who should act, and the next move with its deadline. A lead is told of once per stage it is
routed in: the state of what was sent is read, never rewritten, here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from string import Formatter
from typing import Any
from urllib.parse import quote

import polars as pl

STATE_SCHEMA: dict[str, pl.DataType] = {
    "lead_id": pl.String(),
    "stage": pl.String(),
    "channel": pl.String(),
    "sent_at": pl.Datetime("us", "UTC"),
    "message_id": pl.String(),
}
ALERT_COLUMNS = (
    "lead_id",
    "first_name",
    "last_name",
    "title",
    "company",
    "email",
    "stage",
    "total_score",
    "why_now",
    "top_reasons",
    "next_action",
    "owner",
)


def not_yet_told(
    scored: pl.LazyFrame, told: pl.LazyFrame, stages: list[str], channel: str
) -> pl.LazyFrame:
    """The leads in a routed stage that `channel` has not told of in that stage, highest total
    score first, then lead id (the order of `revq score`)."""
    sent = told.filter(pl.col("channel") == channel).select("lead_id", "stage").unique()
    return (
        scored.filter(pl.col("stage").is_in(stages))
        .join(sent, on=["lead_id", "stage"], how="anti")
        .sort(["total_score", "lead_id"], descending=[True, False], maintain_order=True)
    )


def on_demo_sla(
    leads: pl.LazyFrame, activities: pl.LazyFrame | None, demo: str, lookback_days: float, at: Any
) -> pl.LazyFrame:
    """`demo`: the lead asked for a demo within `lookback_days` before `at` (the stricter SLA)."""
    if activities is None or "activity_type" not in activities.collect_schema():
        return leads.with_columns(pl.lit(False).alias("demo"))
    start = at - timedelta(days=lookback_days)
    asked = (
        activities.filter(
            (pl.col("activity_type") == demo)
            & (pl.col("occurred_at") >= start)
            & (pl.col("occurred_at") < at)
        )
        .select("lead_id")
        .unique()
        .with_columns(pl.lit(True).alias("demo"))
    )
    joined = leads.join(asked, on="lead_id", how="left", maintain_order="left")
    return joined.with_columns(pl.col("demo").fill_null(False))


@dataclass(frozen=True)
class Alert:
    """One lead's alert: the four parts, and what a message needs to link and mention."""

    lead_id: str
    stage: str
    score: float
    what: str  # what happened: "Meridian Logistics is sales-ready: 109"
    person: str  # who the lead is: "Diego Young, VP of Sales"
    why_now: str | None  # the signal, with its date and detail
    reasons: tuple[str, ...]  # the top reasons with their points: "+22.5 demo_request"
    owner: str | None
    next_action: str | None
    sla_hours: float
    deadline: datetime
    record_url: str | None

    def to_dict(self) -> dict[str, Any]:
        """The four parts as plain JSON values (a generic webhook's payload)."""
        return {
            "lead_id": self.lead_id,
            "stage": self.stage,
            "score": self.score,
            "what_happened": self.what,
            "lead": self.person,
            "why_it_matters": {"why_now": self.why_now, "top_reasons": list(self.reasons)},
            "who_acts": {"owner": self.owner},
            "next_move": {
                "action": self.next_action,
                "sla_hours": self.sla_hours,
                "deadline": self.deadline.isoformat().replace("+00:00", "Z"),
            },
            "record_url": self.record_url,
        }


def stage_words(stage: str) -> str:
    """sales_ready -> sales-ready: a stage as a sentence says it."""
    return stage.replace("_", "-")


def _score_text(score: float) -> str:
    return f"{score:.0f}" if score == int(score) else f"{score:g}"


class UnknownField(ValueError):
    """A link template names a column the leads do not have."""


def url_quoted(expr: pl.Expr) -> pl.Expr:
    """A text column made safe inside a URL's path or query: every character but the
    unreserved ones percent-encoded, so that a value cannot end the link it is placed in
    (`)` in Markdown, `>` or `|` in Slack) or start a path or query of its own."""
    return (
        expr.cast(pl.String)
        .fill_null("")
        .map_elements(partial(quote, safe=""), return_dtype=pl.String, skip_nulls=False)
    )


def link_fields(template: str) -> list[str]:
    """The columns a link template names: {lead_id}, {email}."""
    return [name for _, name, _, _ in Formatter().parse(template) if name]


def with_links(
    leads: pl.LazyFrame, template: str | None, name: str, columns: list[str]
) -> pl.LazyFrame:
    """`leads` with `name`: the template filled with each lead's values (URL-quoted), or null
    without a template. Raises UnknownField for a placeholder `columns` do not hold."""
    if template is None:
        return leads.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    missing = [f for f in link_fields(template) if f not in columns]
    if missing:
        raise UnknownField(
            f"{{{missing[0]}}} is not a column of the scored leads; they have: "
            + ", ".join(columns)
        )
    parts: list[pl.Expr] = []
    for literal, field, _, _ in Formatter().parse(template):
        if literal:
            parts.append(pl.lit(literal))
        if field:
            parts.append(url_quoted(pl.col(field)))
    return leads.with_columns(pl.concat_str(parts).alias(name))


def alerts(
    leads: pl.DataFrame,
    *,
    now: datetime,
    default_hours: float,
    demo_hours: float,
) -> list[Alert]:
    """Each lead's alert. `leads` has the scored columns, `demo` (on the demo SLA) and
    `record_url`; the deadline runs from `now`, when the alert is sent."""
    made = []
    for row in leads.iter_rows(named=True):
        name = " ".join(p for p in (row.get("first_name"), row.get("last_name")) if p)
        who = ", ".join(p for p in (name, row.get("title")) if p) or row["lead_id"]
        company = row.get("company") or name or row["lead_id"]
        hours = demo_hours if row.get("demo") else default_hours
        reasons = tuple(r.strip() for r in (row.get("top_reasons") or "").split(",") if r.strip())
        made.append(
            Alert(
                lead_id=row["lead_id"],
                stage=row["stage"],
                score=float(row["total_score"]),
                what=f"{company} is {stage_words(row['stage'])}: "
                f"{_score_text(round(float(row['total_score'])))}",
                person=who,
                why_now=row.get("why_now"),
                reasons=reasons,
                owner=row.get("owner"),
                next_action=row.get("next_action"),
                sla_hours=hours,
                deadline=now + timedelta(hours=hours),
                record_url=row.get("record_url"),
            )
        )
    return made
