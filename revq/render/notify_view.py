"""Alerts as people read them: Slack Block Kit with a plain-text fallback, and the generic
webhook's JSON.

Text from an export (a company, a why-now detail) is escaped for Slack's mrkdwn (&, < and >),
so a cell cannot turn into a link, a mention or markup; the generic webhook's JSON carries it
as it is. In Slack, each value is cut to fit the block it is in: Slack refuses a message with a
block over its limit."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from revq.core.notify import Alert

# Slack's limits (Block Kit): a header's text, a section's text, a button's URL.
HEADER, SECTION, URL = 150, 3000, 3000
# An export value in a lead's message: longer than any real one, and the four in the message's
# text stay within the 4,000 characters Slack advises for it.
CELL = 900
DIGEST_SHOWN = 10  # leads listed in a digest, each in a line of values cut as a header is
ELLIPSIS = "…"


def escape(text: str) -> str:
    """Text safe in Slack mrkdwn: the three characters Slack asks to escape."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cut(text: str, limit: int) -> str:
    """`text` in `limit` characters: a longer one keeps its start and its end around an
    ellipsis (so a headline keeps its stage and score)."""
    if len(text) <= limit:
        return text
    end = (limit - len(ELLIPSIS)) // 2
    return text[: limit - len(ELLIPSIS) - end] + ELLIPSIS + text[len(text) - end :]


def fit(text: str, limit: int) -> str:
    """`text` escaped for mrkdwn in `limit` characters; cut before it is escaped, so that no
    escape is cut in two."""
    kept = limit
    while len(escaped := escape(cut(text, kept))) > limit:
        kept -= len(escaped) - limit
    return escaped


def _owner(alert: Alert, owners: dict[str, str]) -> str:
    if alert.owner is None:
        return "no owner: route this lead"
    user = owners.get(alert.owner)
    return f"<@{user}>" if user else fit(alert.owner, CELL)


def _deadline(alert: Alert) -> str:
    hours = f"{alert.sla_hours:g} hour{'s' if alert.sla_hours != 1 else ''}"
    return f"within {hours} (by {alert.deadline:%Y-%m-%d %H:%M} UTC)"


def summary(alert: Alert, value: Callable[[str], str] = str) -> str:
    """The alert in a sentence, each export value passed through `value`: the notification
    text, and what a client without blocks shows."""
    return (
        f"{value(alert.what)}. {value(alert.person)}. "
        f"Why now: {value(alert.why_now or 'no signal')}. "
        f"{value(alert.owner or 'no owner')} acts {_deadline(alert)}."
    )


def slack_message(alert: Alert, owners: dict[str, str]) -> dict[str, Any]:
    """One lead's Slack message: header (what happened), why it matters, who acts, the next
    move with its deadline, and a button to the CRM record when there is one."""
    why = [f"*Why now:* {fit(alert.why_now or 'no signal', CELL)}"]
    if alert.reasons:
        why.append("*Top reasons:* " + fit(", ".join(alert.reasons), CELL))
    next_move = fit(alert.next_action or "qualify and reach out", CELL)
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": cut(alert.what, HEADER)}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": fit(alert.person, CELL)}]},
        {"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(why)}},
        {
            "type": "section",
            "fields": [
                {"type": "mrkdwn", "text": f"*Who acts:*\n{_owner(alert, owners)}"},
                {"type": "mrkdwn", "text": f"*Deadline:*\n{_deadline(alert)}"},
            ],
        },
        {"type": "section", "text": {"type": "mrkdwn", "text": f"*Next move:* {next_move}"}},
    ]
    # A URL cut would lead elsewhere: one too long for a button is left out.
    if alert.record_url and len(alert.record_url) <= URL:
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
    return {"text": summary(alert, partial(fit, limit=CELL)), "blocks": blocks}


def _digest_line(alert: Alert) -> str:
    line = (
        f"• *{fit(alert.what, HEADER)}* ({fit(alert.person, HEADER)}): "
        f"{fit(alert.why_now or 'no signal', HEADER)}; {_deadline(alert)}"
    )
    link = f" <{alert.record_url}|record>"
    return line + link if alert.record_url and len(line + link) <= SECTION else line


def slack_digest(owner: str | None, alerts: list[Alert], owners: dict[str, str]) -> dict[str, Any]:
    """One owner's digest: the highest leads a section each (what happened, why now, deadline),
    the rest counted."""
    name = owner or "Unassigned"
    mention = f"<@{owners[owner]}>" if owner and owner in owners else fit(name, CELL)
    shown = alerts[:DIGEST_SHOWN]
    lines = [_digest_line(a) for a in shown]
    if len(alerts) > len(shown):
        lines.append(f"…and {len(alerts) - len(shown)} more: `revq score` lists them all")
    count = f"{len(alerts)} lead{'s' if len(alerts) != 1 else ''}"
    title = cut(f"{count} for {name} to act on", HEADER)
    return {
        "text": f"{escape(title)}.",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": title}},
            {"type": "section", "text": {"type": "mrkdwn", "text": f"*Who acts:* {mention}"}},
            *({"type": "section", "text": {"type": "mrkdwn", "text": line}} for line in lines),
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
        "text": f"{len(alerts)} lead{'s' if len(alerts) != 1 else ''} for "
        f"{owner or 'Unassigned'} to act on.",
        "alerts": [a.to_dict() for a in alerts],
    }
