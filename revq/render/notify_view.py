"""Alerts as people read them: Slack Block Kit with a plain-text fallback, and the generic
webhook's JSON.

Text from an export (a company, a why-now detail) is escaped for Slack's mrkdwn (&, < and >),
so a cell cannot turn into a link, a mention or markup; the generic webhook's JSON carries it
as it is."""

from __future__ import annotations

from typing import Any

from revq.core.notify import Alert

DIGEST_SHOWN = 10  # leads listed in a digest; the rest are counted
DIGEST_CHARACTERS = 2800  # of a section's 3,000 that Slack takes, room left for the count line


def escape(text: str) -> str:
    """Text safe in Slack mrkdwn: the three characters Slack asks to escape."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _owner(alert: Alert, owners: dict[str, str]) -> str:
    if alert.owner is None:
        return "no owner: route this lead"
    user = owners.get(alert.owner)
    return f"<@{user}>" if user else escape(alert.owner)


def _deadline(alert: Alert) -> str:
    hours = f"{alert.sla_hours:g} hour{'s' if alert.sla_hours != 1 else ''}"
    return f"within {hours} (by {alert.deadline:%Y-%m-%d %H:%M} UTC)"


def summary(alert: Alert) -> str:
    """The alert in a sentence: the notification text, and what a client without blocks
    shows."""
    return (
        f"{alert.what}. {alert.person}. Why now: {alert.why_now or 'no signal'}. "
        f"{alert.owner or 'no owner'} acts {_deadline(alert)}."
    )


def slack_message(alert: Alert, owners: dict[str, str]) -> dict[str, Any]:
    """One lead's Slack message: header (what happened), why it matters, who acts, the next
    move with its deadline, and a button to the CRM record when there is one."""
    why = [f"*Why now:* {escape(alert.why_now)}" if alert.why_now else "*Why now:* no signal"]
    if alert.reasons:
        why.append("*Top reasons:* " + ", ".join(escape(r) for r in alert.reasons))
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": alert.what[:150]}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": escape(alert.person)}]},
        {"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(why)}},
        {
            "type": "section",
            "fields": [
                {"type": "mrkdwn", "text": f"*Who acts:*\n{_owner(alert, owners)}"},
                {"type": "mrkdwn", "text": f"*Deadline:*\n{_deadline(alert)}"},
            ],
        },
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": f"*Next move:* {escape(alert.next_action or 'qualify and reach out')}",
            },
        },
    ]
    if alert.record_url:
        blocks.append(
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "Open the CRM record"},
                        "url": alert.record_url,
                    }
                ],
            }
        )
    # Slack reads the text as mrkdwn too.
    return {"text": escape(summary(alert)), "blocks": blocks}


def slack_digest(owner: str | None, alerts: list[Alert], owners: dict[str, str]) -> dict[str, Any]:
    """One owner's digest: each lead a line (what happened, why now, deadline)."""
    name = owner or "Unassigned"
    mention = f"<@{owners[owner]}>" if owner and owner in owners else escape(name)
    lines: list[str] = []
    for a in alerts[:DIGEST_SHOWN]:
        line = (
            f"• *{escape(a.what)}* ({escape(a.person)}): {escape(a.why_now or 'no signal')}; "
            f"{_deadline(a)}" + (f" <{a.record_url}|record>" if a.record_url else "")
        )
        if sum(len(x) + 1 for x in lines) + len(line) > DIGEST_CHARACTERS:
            break  # whole lines only: a cut line could break a link
        lines.append(line)
    if len(alerts) > len(lines):
        lines.append(f"…and {len(alerts) - len(lines)} more: `revq score` lists them all")
    title = f"{len(alerts)} lead{'s' if len(alerts) != 1 else ''} for {name} to act on"
    return {
        "text": f"{title}.",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": title[:150]}},
            {"type": "section", "text": {"type": "mrkdwn", "text": f"*Who acts:* {mention}"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines)}},
        ],
    }


def webhook_message(alert: Alert, owners: dict[str, str]) -> dict[str, Any]:
    """One lead's alert as the generic webhook's JSON: the four parts, the text, the lead."""
    body = alert.to_dict()
    body["who_acts"]["slack_user"] = owners.get(alert.owner or "")
    # As it is: JSON encoding is all the escaping a JSON receiver needs.
    return {"kind": "lead", "text": summary(alert), "alert": body}


def webhook_digest(
    owner: str | None, alerts: list[Alert], owners: dict[str, str]
) -> dict[str, Any]:
    return {
        "kind": "digest",
        "owner": owner,
        "slack_user": owners.get(owner or ""),
        "text": f"{len(alerts)} leads for {owner or 'Unassigned'} to act on.",
        "alerts": [a.to_dict() for a in alerts],
    }
