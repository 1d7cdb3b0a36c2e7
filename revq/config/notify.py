"""`notify:` in revq.yaml: who hears of a lead routed to sales, through what, and how often.

Webhook URLs and signing secrets are secrets: they come from environment variables only. One
written into revq.yaml (a file kept in git) is a config error that names the variable to set
instead."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ROUTED_STAGES = ["sales_ready", "signal_qualified", "mql", "pql"]
SECRET_KEYS = ("url", "webhook_url", "secret", "token", "signing_secret")


class Frozen(BaseModel):  # as in models.py, which imports this module
    model_config = ConfigDict(frozen=True, extra="forbid")


VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class _Channel(Frozen):
    url_env: str = Field(description="The environment variable holding the webhook URL.")

    @model_validator(mode="before")
    @classmethod
    def _no_secrets(cls, data: Any) -> Any:
        default = cls.model_fields["url_env"].default
        if not isinstance(data, dict):
            # A URL written in place of the mapping: never echoed back.
            raise ValueError(
                "expected a mapping such as {}, got a value not shown (revq.yaml holds no "
                f"secrets: set the environment variable {default} to the webhook URL)"
            )
        found = [k for k in SECRET_KEYS if k in data]
        if found:
            named = data.get("url_env")
            env = named if isinstance(named, str) and VARIABLE.fullmatch(named) else default
            raise ValueError(
                f"{found[0]}: revq.yaml holds no secrets (it is kept in git); set the "
                f"environment variable {env} instead and remove the key"
            )
        return data

    @field_validator("url_env", "secret_env", check_fields=False)
    @classmethod
    def _a_variable_name(cls, value: str) -> str:
        if not VARIABLE.fullmatch(value):
            # Not echoed: what is written where a variable's name belongs may be the secret.
            raise ValueError(
                "expected the name of an environment variable such as REVQ_WEBHOOK_URL, got "
                "a value not shown (it may be a secret)"
            )
        return value


class SlackChannel(_Channel):
    """A Slack incoming webhook."""

    url_env: str = Field(
        "REVQ_SLACK_WEBHOOK_URL", description="The environment variable holding the webhook URL."
    )


class WebhookChannel(_Channel):
    """A generic JSON webhook (Zapier, Make, n8n, a Teams workflow)."""

    url_env: str = Field(
        "REVQ_WEBHOOK_URL", description="The environment variable holding the webhook URL."
    )
    secret_env: str = Field(
        "REVQ_WEBHOOK_SECRET",
        description="The environment variable holding the HMAC-SHA256 signing secret; when it "
        "is set, each request carries an X-Revq-Signature header.",
    )


class HubSpotUpsert(Frozen):
    """HubSpot batch upsert request bodies (/crm/v3/objects/contacts/batch/upsert)."""

    export: str = Field(
        "hubspot", description="The layout under exports whose fields are the properties."
    )
    id_property: str = Field(
        "email", description="The property records are matched on: email, or a unique one."
    )
    id_column: str = Field("email", description="The revq score column holding that id.")


class SalesforceUpsert(Frozen):
    """A Salesforce Bulk API 2.0 upsert CSV (API-name headers, an external id column)."""

    export: str = Field(
        "salesforce", description="The layout under exports whose fields are the API names."
    )
    external_id: str = Field(
        description="The external id field's API name (a column of the layout), e.g. "
        "Revq_Lead_Id__c."
    )


class CrmFiles(Frozen):
    """Upsert files a team's own sync pushes to the CRM."""

    dir: str | None = Field(None, description="Folder the files are written to.")
    hubspot: HubSpotUpsert | None = None
    salesforce: SalesforceUpsert | None = None


class NotifyConfig(Frozen):
    """Who hears of a lead routed to sales, and how."""

    stages: list[str] = Field(
        default_factory=lambda: list(ROUTED_STAGES),
        description="Stages whose leads are notified, once per lead and stage.",
    )
    per: Literal["lead", "owner"] = Field(
        "lead", description="One message per lead, or one digest per owner."
    )
    max_messages: int = Field(
        20, ge=1, description="Messages per run; the leads beyond go as one digest per owner."
    )
    per_second: float = Field(1.0, gt=0, description="Messages a second, on average.")
    burst: int = Field(3, ge=1, description="Messages sent at once before the rate applies.")
    retries: int = Field(3, ge=0, description="Retries of a message on 429 and 5xx answers.")
    backoff_seconds: float = Field(
        0.5, ge=0, description="First wait before retrying a 5xx, doubling each retry."
    )
    record_url: str | None = Field(
        None,
        description="The CRM record's address, with {lead_id} (or another score column) in "
        "it: a button on each message.",
    )
    state: str = Field(
        ".revq/notified.parquet", description="Which leads were notified in which stage."
    )
    slack: SlackChannel | None = None
    webhook: WebhookChannel | None = None
    crm_files: CrmFiles | None = None
