"""The canonical data model: every table, column name and dtype, defined once.

Loaders map vendor exports onto these names; everything downstream speaks only these.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import polars as pl

UTC_DATETIME = pl.Datetime("us", "UTC")


class Kind(StrEnum):
    """How a canonical column is parsed from text."""

    TEXT = "text"
    ID = "id"  # text that is never case-folded or trimmed of inner content
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATETIME = "datetime"
    STAGE = "stage"  # text mapped onto the canonical stage vocabulary
    DISPOSITION = "disposition"


DTYPES: dict[Kind, pl.DataType] = {
    Kind.TEXT: pl.String(),
    Kind.ID: pl.String(),
    Kind.INTEGER: pl.Int64(),
    Kind.NUMBER: pl.Float64(),
    Kind.BOOLEAN: pl.Boolean(),
    Kind.DATETIME: UTC_DATETIME,
    Kind.STAGE: pl.String(),
    Kind.DISPOSITION: pl.String(),
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    doc: str


@dataclass(frozen=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    # At least one column of each inner tuple must be present for a file to be this table.
    required: tuple[tuple[str, ...], ...]

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


# Canonical stage vocabulary (DOMAIN.md section 4).
STAGES: tuple[str, ...] = (
    "lead",
    "nurture",
    "mql",
    "signal_qualified",
    "pql",
    "sal",
    "sql",
    "opportunity",
    "won",
    "lost",
    "disqualified",
    "recycled",
)

DISPOSITIONS: tuple[str, ...] = ("accepted", "rejected", "recycled", "converted", "open")


def _c(name: str, kind: Kind, doc: str) -> Column:
    return Column(name, kind, doc)


LEADS = Table(
    "leads",
    "One row per lead or contact.",
    (
        _c("lead_id", Kind.ID, "Record id in the source system (case-sensitive)."),
        _c("email", Kind.TEXT, "Email address as exported."),
        _c("first_name", Kind.TEXT, "First name."),
        _c("last_name", Kind.TEXT, "Last name."),
        _c("title", Kind.TEXT, "Job title."),
        _c("company", Kind.TEXT, "Company or account name."),
        _c("website", Kind.TEXT, "Company website."),
        _c("industry", Kind.TEXT, "Industry."),
        _c("employees", Kind.INTEGER, "Number of employees."),
        _c("annual_revenue", Kind.NUMBER, "Annual revenue."),
        _c("country", Kind.TEXT, "Country as exported ('NA' is Namibia, not a null)."),
        _c("state", Kind.TEXT, "State or region."),
        _c("city", Kind.TEXT, "City."),
        _c("lead_source", Kind.TEXT, "Original or lead source."),
        _c("campaign", Kind.TEXT, "Campaign."),
        _c("lead_status", Kind.TEXT, "Lead status as exported."),
        _c("lifecycle_stage", Kind.STAGE, "Stage mapped onto the canonical vocabulary."),
        _c("owner", Kind.TEXT, "Lead owner or rep."),
        _c("created_at", Kind.DATETIME, "When the lead was created."),
        _c("last_activity_at", Kind.DATETIME, "Last activity of any kind."),
        _c("mql_at", Kind.DATETIME, "Became a marketing-qualified lead."),
        _c("sql_at", Kind.DATETIME, "Became a sales-qualified lead."),
        _c("opportunity_at", Kind.DATETIME, "Became an opportunity."),
        _c("customer_at", Kind.DATETIME, "Became a customer."),
        _c("is_converted", Kind.BOOLEAN, "Converted (Salesforce) or outcome flag."),
        _c("converted_at", Kind.DATETIME, "When the lead was converted."),
        _c(
            "converted_opportunity_id",
            Kind.ID,
            "The opportunity the lead was converted into (Salesforce ConvertedOpportunityId).",
        ),
        _c("unsubscribed", Kind.BOOLEAN, "Opted out of email."),
        _c("score", Kind.NUMBER, "A score computed by the source system."),
        _c("grade", Kind.TEXT, "A grade computed by the source system."),
        _c(
            "merged_record_ids",
            Kind.TEXT,
            "Ids of the records the CRM merged into this one (HubSpot), ';'-separated.",
        ),
        _c(
            "master_record_id",
            Kind.ID,
            "The record the CRM merged this one into (Salesforce MasterRecordId).",
        ),
    ),
    required=(("lead_id", "email"),),
)

ACTIVITIES = Table(
    "activities",
    "Timestamped behaviour events (page views, form fills, demo requests, email clicks).",
    (
        _c("activity_id", Kind.ID, "Event id."),
        _c("lead_id", Kind.ID, "Lead the event belongs to."),
        _c("email", Kind.TEXT, "Email of the lead, when the export has no lead id."),
        _c("activity_type", Kind.TEXT, "Kind of event."),
        _c("occurred_at", Kind.DATETIME, "When it happened."),
        _c("channel", Kind.TEXT, "Where it came from (comparison site, blog, email)."),
        _c("detail", Kind.TEXT, "Page URL, asset or subject."),
        _c("campaign", Kind.TEXT, "Campaign."),
    ),
    required=(("lead_id", "email"), ("activity_type",), ("occurred_at",)),
)

SIGNALS = Table(
    "signals",
    "Account-level 'why now' events: executive hire, funding, strategic hiring, filings.",
    (
        _c("account_key", Kind.TEXT, "Account domain the signal is about."),
        _c("company", Kind.TEXT, "Account name."),
        _c("signal_type", Kind.TEXT, "executive_hire, funding, strategic_hiring, ..."),
        _c("occurred_at", Kind.DATETIME, "When it happened."),
        _c("source", Kind.TEXT, "Where it was seen."),
        _c("detail", Kind.TEXT, "What happened, in words."),
    ),
    required=(("account_key",), ("signal_type",), ("occurred_at",)),
)

DISPOSITIONS_TABLE = Table(
    "dispositions",
    "Sales verdicts on routed leads: accepted, rejected, recycled, converted.",
    (
        _c("lead_id", Kind.ID, "Lead the verdict is about."),
        _c("email", Kind.TEXT, "Email of the lead, when the export has no lead id."),
        _c("disposition", Kind.DISPOSITION, "accepted, rejected, recycled, converted, open."),
        _c("reason", Kind.TEXT, "Reason code or free text, as entered."),
        _c("rep", Kind.TEXT, "Rep who gave the verdict."),
        _c(
            "lead_source", Kind.TEXT, "Lead source, when the export carries it (a CRM lead export)."
        ),
        _c("handed_off_at", Kind.DATETIME, "When marketing routed the lead."),
        _c("first_touch_at", Kind.DATETIME, "First sales action."),
        _c("disposition_at", Kind.DATETIME, "When the verdict was given."),
    ),
    required=(("lead_id", "email"), ("disposition",)),
)

STAGE_HISTORY = Table(
    "stage_history",
    "One row per stage entry: a lead or opportunity entering a stage at a time.",
    (
        _c("lead_id", Kind.ID, "Lead or opportunity id."),
        _c("stage", Kind.STAGE, "Stage entered, canonical."),
        _c("entered_at", Kind.DATETIME, "When it entered the stage."),
        _c("exited_at", Kind.DATETIME, "When it left the stage, if known."),
        _c(
            "property",
            Kind.TEXT,
            "The property or field that changed, in a history of several (HubSpot's name, "
            "Salesforce's Field).",
        ),
    ),
    required=(("lead_id",), ("stage",), ("entered_at",)),
)

OPPORTUNITIES = Table(
    "opportunities",
    "Opportunities: created, amount, stage, closed, won.",
    (
        _c("opportunity_id", Kind.ID, "Opportunity id."),
        _c("lead_id", Kind.ID, "Lead it was converted from."),
        _c("account_id", Kind.ID, "Account id."),
        _c("name", Kind.TEXT, "Opportunity name."),
        _c("stage", Kind.TEXT, "Stage as exported."),
        _c("amount", Kind.NUMBER, "Amount."),
        _c("created_at", Kind.DATETIME, "When it was created."),
        _c("closed_at", Kind.DATETIME, "Close date."),
        _c("is_closed", Kind.BOOLEAN, "Closed."),
        _c("is_won", Kind.BOOLEAN, "Won."),
        _c("owner", Kind.TEXT, "Owner."),
        _c("lead_source", Kind.TEXT, "Lead source."),
    ),
    required=(("opportunity_id",), ("created_at", "closed_at")),
)

ACCOUNTS = Table(
    "accounts",
    "One row per account or company: the firmographics of the leads that name it, when the "
    "export keeps them on the account rather than on each lead.",
    (
        _c("account_id", Kind.ID, "Account id in the source system (case-sensitive)."),
        _c("name", Kind.TEXT, "Account or company name."),
        _c("website", Kind.TEXT, "Company website or domain."),
        _c("industry", Kind.TEXT, "Industry."),
        _c("employees", Kind.INTEGER, "Number of employees."),
        _c("annual_revenue", Kind.NUMBER, "Annual revenue."),
        _c("country", Kind.TEXT, "Country as exported."),
        _c("state", Kind.TEXT, "State or region."),
        _c("city", Kind.TEXT, "City."),
        _c("account_type", Kind.TEXT, "Account type as exported (customer, prospect, partner)."),
        _c("owner", Kind.TEXT, "Account owner."),
        _c("created_at", Kind.DATETIME, "When the account was created."),
    ),
    required=(("account_id",), ("name", "website", "industry", "employees", "annual_revenue")),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        LEADS,
        ACTIVITIES,
        SIGNALS,
        DISPOSITIONS_TABLE,
        STAGE_HISTORY,
        OPPORTUNITIES,
        ACCOUNTS,
    )
}

# Columns every loaded table carries for traceability.
LINE = "_line"  # 1-based physical line (CSV) or sheet row (XLSX) the record started on
SOURCE_FILE = "_source_file"

# Derived lead columns (computed at load, never mapped from a source header).
EMAIL_NORMALISED = "email_normalised"
EMAIL_DOMAIN = "email_domain"
IS_PERSONAL_EMAIL = "is_personal_email"
ACCOUNT_KEY = "account_key"
DERIVED_LEAD_COLUMNS: tuple[str, ...] = (
    EMAIL_NORMALISED,
    EMAIL_DOMAIN,
    IS_PERSONAL_EMAIL,
    ACCOUNT_KEY,
)
