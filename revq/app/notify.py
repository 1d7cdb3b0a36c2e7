"""Hand-offs that reach people: after a scoring run, the leads newly routed to sales are told
to whoever must act (Slack, a generic webhook), once per lead and stage, and written as upsert
files for the CRM."""

from __future__ import annotations

import hashlib
import os
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import polars as pl
from pydantic import ValidationError

from revq.app.results import Outcome, Verdict, conditions
from revq.app.run import Run
from revq.app.score import ScoreResult, score
from revq.config.funnel import load_funnel
from revq.config.notify import HubSpotUpsert, NotifyConfig, SlackChannel, WebhookChannel
from revq.core.notify import (
    ALERT_COLUMNS,
    STATE_SCHEMA,
    Alert,
    UnknownField,
    alerts,
    link_fields,
    not_yet_told,
    on_demo_sla,
    with_links,
)
from revq.core.scoring.export import export_rows
from revq.errors import ConfigError, RevqError
from revq.io.crm_files import clear_earlier, write_hubspot, write_salesforce
from revq.io.deliver import MAX_RETRY_AFTER, Delivery, Pace, Webhook, is_webhook_url
from revq.io.notify_state import add_to_state, read_state, state_lock
from revq.io.project import PROJECT_FILE, Project
from revq.io.writers import to_json
from revq.render.notify_view import slack_digest, slack_message, webhook_digest, webhook_message

NOTIFY_METRICS = ("routed", "new", "messages", "digests", "sent", "failed")


@dataclass(frozen=True)
class Notification:
    """One message of a run: to a channel, about one lead or one owner's digest."""

    channel: str
    kind: str  # "lead" or "digest"
    leads: tuple[tuple[str, str], ...]  # (lead id, stage) of each lead it tells of
    body: dict[str, Any]
    message_id: str


@dataclass(frozen=True, eq=False, repr=False)
class NotifyResult(Outcome):
    """What a notify run told, or would tell with `dry_run`.

    Attributes:
        messages_sent: each message, with the leads it told of.
        failed: the messages that still failed after their retries (their leads' state is
            untouched, so the next run tries again).
        routed: leads in a routed stage; new: of those, not yet told of.
        crm_files: the upsert files written.
    """

    out: tuple[Notification, ...]
    failed: tuple[tuple[Notification, str], ...]
    routed: int
    new: int
    dry_run: bool
    crm_files: tuple[Path, ...]
    _run: Run = field(repr=False)
    held: bool = False  # a --fail-on condition on what would be sent held: nothing was sent

    def metrics(self) -> dict[str, Any]:
        return {
            "routed": self.routed,
            "new": self.new,
            "messages": sum(1 for m in self.out if m.kind == "lead"),
            "digests": sum(1 for m in self.out if m.kind == "digest"),
            "sent": 0 if self.dry_run or self.held else len(self.out) - len(self.failed),
            "failed": len(self.failed),
        }

    def to_dict(self) -> dict[str, Any]:
        """What `revq notify --dry-run` prints: every message, as it would be posted."""
        return {
            "dry_run": self.dry_run,
            **self.metrics(),
            "notifications": [
                {
                    "channel": m.channel,
                    "kind": m.kind,
                    "message_id": m.message_id,
                    "leads": [{"lead_id": i, "stage": s} for i, s in m.leads],
                    "body": m.body,
                }
                for m in self.out
            ],
        }

    def to_json(self) -> str:
        return to_json(self.to_dict())


@dataclass(frozen=True)
class _Channel:
    name: str
    url: str | None
    secret: str | None


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def channels(config: NotifyConfig, dry_run: bool) -> list[_Channel]:
    """The channels configured (or, with no `notify.slack`/`notify.webhook`, those whose
    environment variable is set); a configured one whose variable is not set is an error,
    except in a dry run, which sends nothing."""
    slack, webhook = config.slack, config.webhook
    if slack is None and webhook is None:
        slack = SlackChannel() if _env(SlackChannel().url_env) else None
        webhook = WebhookChannel() if _env(WebhookChannel().url_env) else None
    found = []
    for name, spec in (("slack", slack), ("webhook", webhook)):
        if spec is None:
            continue
        url = _env(spec.url_env)
        if url is None and not dry_run:
            raise ConfigError(
                PROJECT_FILE,
                f"notify.{name}",
                f"the environment variable {spec.url_env} is not set; set it to the "
                f"{name} webhook URL (revq.yaml holds no secrets)",
            )
        if url is not None and not is_webhook_url(url):
            # Not echoed, nor why urllib could not read it: either may say the secret.
            raise RevqError(
                f"{spec.url_env} is not an http(s) URL with a host, such as "
                f"https://hooks.example.com/...; its value is not shown (it is a secret)"
            )
        secret = _env(spec.secret_env) if isinstance(spec, WebhookChannel) else None
        found.append(_Channel(name, url, secret))
    if not found:
        if dry_run:
            return [_Channel("slack", None, None)]
        raise RevqError(
            "nothing to notify through: set REVQ_SLACK_WEBHOOK_URL (Slack) or REVQ_WEBHOOK_URL "
            "(a JSON webhook), or configure notify.slack / notify.webhook in revq.yaml; "
            "--dry-run shows the messages without sending"
        )
    return found


def _message_id(channel: str, kind: str, leads: list[tuple[str, str]], now: datetime) -> str:
    key = f"{channel}|{kind}|{now.isoformat()}|" + ";".join(f"{i}:{s}" for i, s in leads)
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def compose(
    channel: str,
    told: list[Alert],
    config: NotifyConfig,
    owners: dict[str, str],
    now: datetime,
) -> list[Notification]:
    """The messages to a channel: one per lead up to the cap (or one digest per owner), the
    leads beyond the cap as one digest per owner."""
    single = slack_message if channel == "slack" else webhook_message
    digest = slack_digest if channel == "slack" else webhook_digest
    alone = told[: config.max_messages] if config.per == "lead" else []
    rest = told[len(alone) :]
    out = [
        Notification(
            channel,
            "lead",
            ((a.lead_id, a.stage),),
            single(a, owners),
            _message_id(channel, "lead", [(a.lead_id, a.stage)], now),
        )
        for a in alone
    ]
    by_owner: dict[str | None, list[Alert]] = {}
    for a in rest:
        by_owner.setdefault(a.owner, []).append(a)
    for owner in sorted(by_owner, key=lambda o: (o is None, o or "")):
        group = by_owner[owner]
        leads = [(a.lead_id, a.stage) for a in group]
        out.append(
            Notification(
                channel,
                "digest",
                tuple(leads),
                digest(owner, group, owners),
                _message_id(channel, "digest", leads, now),
            )
        )
    return out


def notify(
    run: Run,
    project: Project | None,
    *,
    as_of: datetime,
    dry_run: bool = False,
    crm_files: Path | None = None,
    max_messages: int | None = None,
    per: str | None = None,
    fail_on: str | None = None,
    now: datetime | None = None,
) -> NotifyResult:
    """Score the project as `revq score` does, tell of the leads newly in a routed stage, and
    record what was told. A delivery that fails after its retries leaves its leads untold, for
    the next run. A `fail_on` condition on what would be sent (routed, new, messages, digests)
    that holds stops the run before anything is sent (`held`)."""
    if project is None:
        raise RevqError("revq notify reads a project: run it where revq.yaml is, or pass --project")
    config = _with_options(project.config.notify or NotifyConfig(), max_messages, per)
    tested = conditions(fail_on, NOTIFY_METRICS)
    targets = channels(config, dry_run)
    state_path = project.root / config.state
    with nullcontext() if dry_run else state_lock(state_path):
        before = read_state(state_path)
        scored = score(run, project, as_of=as_of)
        leads = scored.leads  # held: routed leads are picked, then their texts are read
        routed = leads.filter(pl.col("stage").is_in(config.stages)).height
        now = now or datetime.now(UTC)
        out, new_ids = _compose_all(project, config, targets, scored, before, as_of, now)
        result = partial(NotifyResult, tuple(out), routed=routed, new=len(new_ids), _run=run)
        pre = result(failed=(), dry_run=True, crm_files=()).metrics()
        stop = Verdict([c for c in tested if c.metric in PRE_SEND], pre)
        if stop:
            run.warn("--fail-on met before sending: " + "; ".join(stop.met) + "; nothing sent")
            return result(failed=(), dry_run=dry_run, crm_files=(), held=True)
        written = _crm_files(run, project, config, crm_files, leads, new_ids, dry_run)
        if dry_run:
            run.info(f"dry run: {len(out)} messages about {len(new_ids)} leads; nothing sent")
            return result(failed=(), dry_run=True, crm_files=written)
        failed = _deliver(run, targets, config, out, before, state_path, now)
    return result(failed=tuple(failed), dry_run=False, crm_files=written)


PRE_SEND = ("routed", "new", "messages", "digests")


def _linked(
    leads: pl.LazyFrame, template: str | None, key: str, columns: list[str]
) -> pl.LazyFrame:
    try:
        return with_links(leads, template, "record_url", columns)
    except UnknownField as exc:
        raise ConfigError(PROJECT_FILE, key, str(exc)) from None


def _with_options(config: NotifyConfig, max_messages: int | None, per: str | None) -> NotifyConfig:
    """The config with the caller's options, checked as the config's own are."""
    data = config.model_dump()
    if max_messages is not None:
        data["max_messages"] = max_messages
    if per is not None:
        data["per"] = per
    try:
        return NotifyConfig.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise RevqError(f"{where}: {error['msg']}") from None


def _compose_all(
    project: Project,
    config: NotifyConfig,
    targets: list[_Channel],
    scored: ScoreResult,
    before: pl.DataFrame,
    as_of: datetime,
    now: datetime,
) -> tuple[list[Notification], set[str]]:
    """Every channel's messages, and the leads they tell of."""
    leads = scored.leads
    sla = _sla(project)
    activities = scored.inputs.lazy(scored.inputs.activities)
    template = config.record_url or project.config.crm_url
    key = "notify.record_url" if config.record_url else "crm_url"
    out: list[Notification] = []
    new_ids: set[str] = set()
    for target in targets:
        untold = not_yet_told(leads.lazy(), before.lazy(), config.stages, target.name)
        named = link_fields(template) if template else []
        cols = [c for c in dict.fromkeys([*ALERT_COLUMNS, *named]) if c in leads.columns]
        flagged = on_demo_sla(untold.select(cols), activities, sla[2], sla[3], as_of)
        fresh = _linked(flagged, template, key, sorted(leads.columns)).collect()
        new_ids |= set(fresh["lead_id"].to_list())
        told = alerts(fresh, now=now, default_hours=sla[0], demo_hours=sla[1])
        out += compose(target.name, told, config, project.config.owners, now)
    return out, new_ids


def _sla(project: Project) -> tuple[float, float, str, float]:
    """The hand-off SLA of the funnel config (24 hours; 1 hour for a demo request)."""
    configs = project.config.configs
    cfg = load_funnel(project.root / configs["funnel"] if "funnel" in configs else None)
    s = cfg.sla
    return s.default_hours, s.demo_request_hours, s.demo_activity, s.demo_lookback_days


def _deliver(
    run: Run,
    targets: list[_Channel],
    config: NotifyConfig,
    out: list[Notification],
    before: pl.DataFrame,
    state_path: Path,
    now: datetime,
) -> list[tuple[Notification, str]]:
    pace = Pace(config.per_second, config.burst)
    failed: list[tuple[Notification, str]] = []
    for target in targets:
        assert target.url is not None  # checked by channels() outside a dry run
        hook = Webhook(
            target.url, retries=config.retries, backoff=config.backoff_seconds, secret=target.secret
        )
        for message in (m for m in out if m.channel == target.name):
            pace.wait()
            delivery = hook.post(message.body)
            if not delivery.ok:
                failed.append((message, _failure(delivery, config.retries)))
                run.warn(
                    f"{target.name}: the message about {_about(message)} was not delivered "
                    f"({failed[-1][1]}); the next run tries again"
                )
                continue
            # Recorded as soon as it is delivered: a run killed after this message does not
            # send it again.
            sent = pl.DataFrame(
                [
                    {
                        "lead_id": lead,
                        "stage": stage,
                        "channel": target.name,
                        "sent_at": now,
                        "message_id": message.message_id,
                    }
                    for lead, stage in message.leads
                ],
                schema=STATE_SCHEMA,
            )
            before = add_to_state(state_path, before, sent)
    delivered = len(out) - len(failed)
    run.info(f"notified: {delivered} of {len(out)} messages delivered")
    return failed


def _failure(delivery: Delivery, retries: int) -> str:
    if delivery.moved:
        return (
            f"HTTP {delivery.status}: the webhook URL has moved, within {delivery.redirected_to}; "
            "the message is not sent on as a GET, which would lose it: set the URL to where it "
            "moved"
        )
    if delivery.redirected_to is not None:
        return (
            f"HTTP {delivery.status}: a redirect to {delivery.redirected_to}, which is not where "
            "the URL points; not followed, so that neither its credentials nor the message go there"
        )
    if delivery.status is None:
        return f"no answer: {delivery.detail}, after {retries} retries"
    if delivery.status == 429 or delivery.status >= 500:
        said = f"HTTP {delivery.status}: {delivery.detail}, after {retries} retries"
        if delivery.asked_longer is not None:
            said += (
                f"; the server asked to wait {delivery.asked_longer:,.0f} s, revq waits "
                f"{MAX_RETRY_AFTER} s at most"
            )
        return said
    return f"HTTP {delivery.status}: {delivery.detail}; refused, so not retried"


def _about(message: Notification) -> str:
    if message.kind == "lead":
        return f"lead {message.leads[0][0]}"
    count = len(message.leads)
    return f"a digest of {count:,} {'lead' if count == 1 else 'leads'}"


def _crm_files(
    run: Run,
    project: Project,
    config: NotifyConfig,
    given: Path | None,
    leads: pl.DataFrame,
    new_ids: set[str],
    dry_run: bool,
) -> tuple[Path, ...]:
    """The upsert files of the leads told of this run, in the layouts the config names."""
    spec = config.crm_files
    folder = given or (project.root / spec.dir if spec and spec.dir else None)
    if folder is None or dry_run:
        return ()
    hubspot = spec.hubspot if spec else None
    salesforce = spec.salesforce if spec else None
    if hubspot is None and salesforce is None:  # a folder alone: HubSpot's, by record id
        layout = project.config.exports.get("hubspot")
        by_id = layout is not None and "lead_id" in layout.columns.values()
        hubspot = (
            HubSpotUpsert(id_property="hs_object_id", id_column="lead_id")
            if by_id
            else HubSpotUpsert()
        )
    chosen = leads.filter(pl.col("lead_id").is_in(sorted(new_ids)))
    folder.mkdir(parents=True, exist_ok=True)
    cleared = clear_earlier(folder)
    if cleared:
        run.info(f"{folder}: removed {cleared} upsert files of an earlier run")
    written: list[Path] = []
    if hubspot is not None:
        rows = _layout(project, hubspot.export, chosen)
        field_of = {
            col: name for name, col in project.config.exports[hubspot.export].columns.items()
        }
        id_field = field_of.get(hubspot.id_column)
        if id_field is None:
            raise ConfigError(
                PROJECT_FILE,
                "notify.crm_files.hubspot.id_column",
                f"{hubspot.id_column!r} is not a column of exports.{hubspot.export}",
            )
        _say_without_id(run, rows, id_field, "HubSpot")
        written += write_hubspot(folder, rows, hubspot.id_property, id_field)
    if salesforce is not None:
        rows = _layout(project, salesforce.export, chosen)
        if salesforce.external_id not in rows.columns:
            raise ConfigError(
                PROJECT_FILE,
                "notify.crm_files.salesforce.external_id",
                f"{salesforce.external_id!r} is not a field of exports.{salesforce.export}",
            )
        _say_without_id(run, rows, salesforce.external_id, "Salesforce")
        written.append(write_salesforce(folder, rows, salesforce.external_id))
    for path in written:
        run.info(f"wrote {path}")
    return tuple(written)


def _say_without_id(run: Run, rows: pl.DataFrame, id_field: str, crm: str) -> None:
    missing = rows.filter(
        pl.col(id_field).is_null() | (pl.col(id_field).cast(pl.String) == "")
    ).height
    if missing:
        run.warn(f"{missing:,} leads have no {id_field}: left out of the {crm} upsert file")


def _layout(project: Project, name: str, leads: pl.DataFrame) -> pl.DataFrame:
    layout = project.config.exports.get(name)
    if layout is None:
        known = ", ".join(sorted(project.config.exports)) or "none"
        raise ConfigError(
            PROJECT_FILE, "notify.crm_files", f"no layout {name!r} under exports ({known})"
        )
    rows, _ = export_rows(leads.lazy(), layout.columns, None, layout.values)
    return rows.collect()
