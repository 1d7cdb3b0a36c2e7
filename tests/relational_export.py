"""A generated normalised CRM export, as a warehouse sync or a database dump gives it: leads
that name their contact (contact_id), contacts that name their account (account_id), accounts,
and events in three tables (touches of leads, web sessions and email events of contacts, the
web sessions without a type column). Planted: leads naming a contact that is not there,
contacts naming an account that is not there, leads and contacts naming none, contacts with
several leads, events of contacts with no lead. Sales' verdicts on some leads come beside.

With `history`, more leads and their outcome (converted_at, empty for a lead that did not
convert), and planted in the lead's touches: each demo request before conversion raises a lead's
chance of converting, up to three (then no more); page views and webinars before it do not
(converted leads view pages after converting too); an onboarding call only ever follows
conversion. The contacts' sessions and email events come before any lead is made: every lead's
are all counted, whenever it converted."""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

INDUSTRIES = ["Software", "Retail", "Healthcare", "Manufacturing", "Financial Services"]
TITLES = ["VP Sales", "Director of Marketing", "Marketing Manager", "Intern", "CEO", ""]
SOURCES = ["web", "event", "partner", "paid_search"]
EMAIL_EVENTS = ["email_open", "email_click"]
ACCOUNTS, CONTACTS, LEADS = 40, 150, 300
HISTORY_LEADS = 3000
# A lead's demo requests before it converts (or ever), and its chance of converting: a base,
# and more for each demo request up to DEMO_CAP.
DEMO_COUNTS = (0, 0, 0, 0, 1, 1, 2, 3, 4, 6)
BASE_CHANCE, PER_DEMO, DEMO_CAP = 0.08, 0.10, 3
MISSING_ACCOUNTS = ["A901", "A902", "A903", "A904", "A905", "A906"]
MISSING_CONTACTS = ["C9001", "C9002", "C9003", "C9004", "C9005", "C9006", "C9007"]
START = datetime(2026, 6, 1)
END = START + timedelta(days=150)


def _write(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(header)
        out.writerows(rows)


def _when(rng: random.Random, days: int = 150) -> str:
    moment = START + timedelta(minutes=rng.randrange(days * 24 * 60))
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _between(rng: random.Random, low: datetime, high: datetime) -> datetime:
    return low + timedelta(minutes=1 + rng.randrange(int((high - low).total_seconds() // 60) - 1))


def _text(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _planted(rng: random.Random, leads: list[list[object]]) -> tuple[list[str], list[list[object]]]:
    """Each lead's conversion time (empty: none) and the touches planted: demo requests that
    raise the chance of converting, page views and webinars that do not, onboarding calls
    after conversion only."""
    converted: list[str] = []
    events: list[tuple[str, datetime, str]] = []
    for row in leads:
        lead, created = str(row[0]), datetime.fromisoformat(str(row[4]))
        demos = rng.choice(DEMO_COUNTS)
        chance = BASE_CHANCE + PER_DEMO * min(demos, DEMO_CAP)
        at = None
        if rng.random() < chance:
            at = created + timedelta(days=rng.randrange(5, 40), minutes=rng.randrange(1440))
        until = at or END
        for kind, n in (
            ("demo_request", demos),
            ("page_view", rng.randrange(5)),
            ("webinar_attended", rng.choice((0, 0, 1))),
        ):
            events += [(lead, _between(rng, created, until), kind) for _ in range(n)]
        if at is not None:
            for kind, n in (
                ("page_view", rng.randrange(1, 5)),
                ("onboarding_call", rng.randrange(1, 3)),
            ):
                events += [(lead, _between(rng, at, END), kind) for _ in range(n)]
        converted.append(_text(at) if at else "")
    touches = [
        [f"T{i:05d}", lead, _text(when), rng.choice(["web", "g2", "email"]), kind]
        for i, (lead, when, kind) in enumerate(events, start=1)
    ]
    return converted, touches


def write_relational_export(folder: Path, seed: int = 7, history: bool = False) -> Path:
    """The export's six tables in `folder` (made if need be); returns the folder. With
    `history`, the leads' outcome and touches planted to learn from."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    accounts = [f"A{i:03d}" for i in range(1, ACCOUNTS + 1)]
    _write(
        folder / "accounts.csv",
        ["account_id", "name", "industry", "employees", "domain"],
        [
            [
                a,
                f"Company {a}",
                rng.choice(INDUSTRIES),
                rng.choice([12, 80, 450, 2300]),
                f"company{a.lower()}.com",
            ]
            for a in accounts
        ],
    )
    contact_rows = []
    for i in range(1, CONTACTS + 1):
        c = f"C{i:04d}"
        if i <= len(MISSING_ACCOUNTS):
            account = MISSING_ACCOUNTS[i - 1]  # an account the export does not hold
        elif i <= len(MISSING_ACCOUNTS) + 5:
            account = ""  # a contact with no account
        else:
            account = rng.choice(accounts)
        contact_rows.append(
            [
                c,
                account,
                f"person{i}@mail{i % 17}.example",
                f"First{i}",
                f"Last{i}",
                rng.choice(TITLES),
            ]
        )
    _write(
        folder / "contacts.csv",
        ["contact_id", "account_id", "email", "first_name", "last_name", "title"],
        contact_rows,
    )
    contacts = [r[0] for r in contact_rows]
    lead_rows = []
    for i in range(1, (HISTORY_LEADS if history else LEADS) + 1):
        if i <= len(MISSING_CONTACTS):
            contact = MISSING_CONTACTS[i - 1]
        elif i <= len(MISSING_CONTACTS) + 8:
            contact = ""
        else:
            contact = rng.choice(contacts)  # some contacts get several leads
        own_title = rng.choice(TITLES) if i % 5 == 0 else ""  # the lead's own wins
        own_industry = rng.choice(INDUSTRIES) if i % 7 == 0 else ""
        lead_rows.append(
            [
                f"L{i:04d}",
                contact,
                f"lead{i}@inbound{i % 23}.example",
                rng.choice(SOURCES),
                _when(rng, 60)[:10],
                own_title,
                own_industry,
            ]
        )
    header = ["lead_id", "contact_id", "email", "lead_source", "created_at", "title", "industry"]
    touches: list[list[object]] | None = None
    if history:
        converted, touches = _planted(random.Random(seed + 1), lead_rows)
        header.append("converted_at")
        lead_rows = [[*row, at] for row, at in zip(lead_rows, converted, strict=True)]
    _write(folder / "leads.csv", header, lead_rows)
    leads = [r[0] for r in lead_rows]
    # The contacts' events: in the history, all before any lead was made.
    when = (
        (lambda: _text(_between(rng, START - timedelta(days=30), START)))
        if history
        else (lambda: _when(rng))
    )
    _write(
        folder / "dispositions.csv",
        ["lead_id", "disposition", "reason", "disposition_at"],
        [
            [
                lead,
                rng.choice(["accepted", "rejected"]),
                rng.choice(["no budget", "bad timing"]),
                _when(rng)[:10],
            ]
            for lead in leads[::4]
        ],
    )
    _write(
        folder / "touches.csv",
        ["touch_id", "lead_id", "touched_at", "channel", "touch_type"],
        touches
        if touches is not None
        else [
            [
                f"T{i:05d}",
                rng.choice(leads),
                _when(rng),
                rng.choice(["web", "g2", "email"]),
                rng.choice(["demo_request", "page_view", "webinar_attended"]),
            ]
            for i in range(1, 401)
        ],
    )
    _write(
        folder / "web_sessions.csv",
        ["session_id", "contact_id", "started_at", "landing_page"],
        [
            [f"S{i:05d}", rng.choice(contacts), when(), rng.choice(["/pricing", "/blog/x"])]
            for i in range(1, 251)
        ],
    )
    _write(
        folder / "email_events.csv",
        ["event_id", "contact_id", "event_time", "event_type"],
        [
            [
                f"E{i:05d}",
                rng.choice(contacts),
                when(),
                rng.choice(["email_open", "email_click"]),
            ]
            for i in range(1, 301)
        ],
    )
    return folder
