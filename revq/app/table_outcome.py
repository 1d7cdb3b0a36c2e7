"""The outcome of a project's leads when it lives in the other tables: a won opportunity (or
any opportunity, when the export says nothing of winning) naming the lead or its contact, or a
stage history reaching SQL or further. Read as every command reads those tables, so a learned
config is fitted on the same outcome `revq funnel` and `revq backtest` count."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from revq.app.inputs import follow_lead_merges, link_converted_leads, load_input_of
from revq.app.run import Run
from revq.core.table_outcomes import opportunity_leads, stage_leads
from revq.errors import RevqError
from revq.io.load import LoadResult
from revq.io.project import Project


@dataclass(frozen=True)
class TableOutcome:
    """Leads that reached an outcome recorded in another table.

    Attributes:
        lead_ids: the ids of the leads that reached it, sorted.
        text: what the outcome is, in words ("a won opportunity in deals.csv").
        reached_at: each of those leads (`lead_id`) and when it reached the outcome
            (`reached_at`, UTC; null where the table has no time for it).
        when: that time, in words ("the opportunity's creation").
    """

    lead_ids: pl.Series
    text: str
    reached_at: pl.DataFrame | None = None
    when: str = ""


def outcome_from_tables(run: Run, project: Project, leads: LoadResult) -> TableOutcome | None:
    """The leads' outcome from the project's opportunities, else its stage history; None when
    neither names any of the leads (or they do not load, said as a warning)."""
    quiet = Run()  # the load lines are said again when the project's commands run
    try:
        opps = load_input_of(quiet, project, None, "opportunities")
        history = load_input_of(quiet, project, None, "stage_history")
    except RevqError as exc:
        run.warn(f"could not read the outcome of the leads from the other tables: {exc}")
        return None
    if opps is not None:
        frame = link_converted_leads(quiet, opps.frame, leads)
        frame = follow_lead_merges(quiet, frame, leads, ("opportunity", "opportunities"))
        assert frame is not None
        won = "is_won" in frame.columns and bool(frame["is_won"].fill_null(False).any())
        reached = opportunity_leads(frame, leads.frame, won=won)
        if reached.height:
            what = "a won opportunity" if won else "an opportunity"
            return TableOutcome(
                reached["lead_id"],
                f"{what} in {opps.path.name}",
                reached,
                "the opportunity's creation",
            )
    if history is not None:
        frame = follow_lead_merges(quiet, history.frame, leads, ("entry", "entries"))
        reached = stage_leads(frame, leads.frame)
        if reached.height:
            return TableOutcome(
                reached["lead_id"],
                f"SQL or further in {history.path.name}",
                reached,
                "its entry to SQL or further",
            )
    return None
