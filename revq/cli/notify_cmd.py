"""`revq notify`: tell whoever must act of the leads newly routed to sales."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from revq.cli.common import (
    AsOfOpt,
    ProjectOpt,
    emit_text,
    examples,
    exit_if_met,
    fail_on_option,
    new_run,
    project_of,
    user_errors,
)
from revq.errors import ExitCode


class Per(StrEnum):
    lead = "lead"
    owner = "owner"


@examples(
    (
        "the messages a run would send, as JSON, sending nothing",
        "revq notify --as-of 2026-10-31 --dry-run",
    ),
    (
        "one digest per owner instead of a message per lead",
        "revq notify --as-of 2026-10-31 --dry-run --per owner",
    ),
)
@user_errors
def notify(
    ctx: typer.Context,
    as_of: AsOfOpt = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Print the messages as JSON; send nothing, change no state."
        ),
    ] = False,
    crm_files: Annotated[
        Path | None,
        typer.Option(
            "--crm-files",
            help="Also write CRM upsert files of the leads told of here (HubSpot batch upsert "
            "bodies, a Salesforce Bulk API CSV; default: notify.crm_files in revq.yaml).",
            file_okay=False,
        ),
    ] = None,
    max_messages: Annotated[
        int | None,
        typer.Option(
            "--max-messages",
            min=1,
            help="Messages per run; the leads beyond go as one digest per owner "
            "(default: notify.max_messages, 20).",
        ),
    ] = None,
    per: Annotated[
        Per | None,
        typer.Option("--per", help="One message per lead, or one digest per owner."),
    ] = None,
    fail_on: Annotated[
        str | None,
        fail_on_option(
            "Exit 1 when a condition holds, e.g. new>50; one on routed, new, messages or "
            "digests is tested before anything is sent, and stops the run (metrics: routed, "
            "new, messages, digests, sent, failed)."
        ),
    ] = None,
    project_file: ProjectOpt = None,
) -> None:
    """Score the project as revq score does and tell the owner of each lead newly routed to
    sales (sales-ready, signal-qualified, MQL, PQL): what happened, why it matters, who acts,
    and the next move with its deadline, through Slack (REVQ_SLACK_WEBHOOK_URL) or a JSON
    webhook (REVQ_WEBHOOK_URL, signed with REVQ_WEBHOOK_SECRET). Each lead is told of once per
    stage; a failed delivery is tried again by the next run (exit 1)."""
    from revq.app.inputs import parse_as_of
    from revq.app.notify import NOTIFY_METRICS
    from revq.app.notify import notify as run_notify
    from revq.app.results import Verdict, conditions

    tested = conditions(fail_on, NOTIFY_METRICS)
    run = new_run(ctx)
    result = run_notify(
        run,
        project_of(project_file),
        as_of=parse_as_of(as_of),
        dry_run=dry_run,
        crm_files=crm_files,
        max_messages=max_messages,
        per=per.value if per is not None else None,
        fail_on=fail_on,
    )
    if dry_run:
        emit_text(run, result.to_json(), None)
    if result.held:  # a condition on what would be sent held: said, and nothing was sent
        raise typer.Exit(int(ExitCode.CONDITION_MET))
    exit_if_met(run, Verdict(tested, result.metrics()))
    if result.failed:
        raise typer.Exit(int(ExitCode.CONDITION_MET))
