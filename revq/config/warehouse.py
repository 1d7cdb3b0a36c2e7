"""Where a team's warehouse is (`warehouse:` in revq.yaml), and how its credentials are kept
out of files and messages: a URL names them as `${VAR}`, read from the environment when revq
connects, and every URL revq shows has its password masked."""

from __future__ import annotations

import os
import re
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

# `${NAME}`: an environment variable, expanded by revq (never by a shell: the URL is in a file).
VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
MASK = "***"
# Query parameters of a connection URL that hold a secret (Snowflake's private key, BigQuery's
# credentials, a token): like a password, they may only name an environment variable.
SECRET_PARAMETERS = frozenset(
    {
        "password",
        "passwd",
        "pwd",
        "token",
        "access_token",
        "secret",
        "private_key",
        "private_key_passphrase",
        "credentials",
        "auth_token",
        "api_key",
    }
)
# SCHEMA.TABLE, or a table alone, or CATALOG.SCHEMA.TABLE: plain identifiers, dot-separated.
TABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*){0,2}$")


def _only_variables(text: str) -> bool:
    """The text names environment variables and nothing else (`${A}` or `${A}${B}`)."""
    return VARIABLE.sub("", text) == "" and text != ""


def _secret_values(url: str) -> list[str]:
    """The secrets a URL holds as written: its password and its secret parameters' values."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:  # an invalid port, say: no secret can be told apart
        return []
    found = [password] if password else []
    found += [v for k, v in parse_qsl(parts.query) if k.lower() in SECRET_PARAMETERS and v]
    return found


def literal_secrets(url: str) -> bool:
    """The URL holds a password (or a secret parameter) written out, not named as `${VAR}`."""
    return any(not _only_variables(v) for v in _secret_values(url))


def redact_url(url: str) -> str:
    """The URL as revq shows it: its password and secret parameters masked, whether written
    out or expanded from the environment."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return re.sub(r"(://[^:/@]*:)[^@]*@", rf"\1{MASK}@", url)
    out = url
    if password and not _only_variables(password):
        netloc = parts.netloc.replace(f":{password}@", f":{MASK}@", 1)
        out = out.replace(parts.netloc, netloc, 1)
    for key, value in parse_qsl(parts.query):
        if key.lower() in SECRET_PARAMETERS and value and not _only_variables(value):
            out = re.sub(rf"([?&]{re.escape(key)}=)[^&#]*", rf"\g<1>{MASK}", out)
    return out


class MissingVariable(ValueError):
    """A `${VAR}` the environment does not set."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def expand_variables(text: str, environ: dict[str, str] | None = None) -> str:
    """`${VAR}` replaced by the environment's value; MissingVariable names one not set."""
    env = os.environ if environ is None else environ

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in env:
            raise MissingVariable(name)
        return env[name]

    return VARIABLE.sub(value, text)


def secrets_of(expanded_url: str) -> list[str]:
    """The secrets of an expanded URL, to be masked wherever a message could quote them (a
    driver's error text quoting the URL, say)."""
    found = [s for s in _secret_values(expanded_url) if len(s) >= 3]
    return found + [unquote(s) for s in found if unquote(s) != s]


def redact_text(text: str, secrets: list[str]) -> str:
    """A message with each secret masked (longest first, so one inside another is masked
    whole)."""
    for secret in sorted(set(secrets), key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# The types a warehouse column may be declared with (`warehouse.tables.<input>.types`).
ColumnType = Literal["text", "timestamp", "datetime", "date", "integer", "number", "boolean"]


def _table_name(v: str) -> str:
    if not TABLE_NAME.match(v):
        raise ValueError(
            "expected a table name as TABLE, SCHEMA.TABLE or CATALOG.SCHEMA.TABLE "
            "(letters, digits, _ and $)"
        )
    return v


class WarehouseTable(Frozen):
    """One table revq reads, and the types of its columns where they are not text."""

    name: str = Field(description="TABLE, SCHEMA.TABLE or CATALOG.SCHEMA.TABLE.")
    types: dict[str, ColumnType] = Field(
        default_factory=dict,
        description="Column (as the table has it) -> its type, for `revq compile`: text, "
        "timestamp (an instant: Snowflake TIMESTAMP_TZ, BigQuery TIMESTAMP), datetime (a "
        "wall-clock time, read in the project's time zone: TIMESTAMP_NTZ, DATETIME), date, "
        "integer, number or boolean. A typed column is read as it is; a text one is trimmed "
        "and parsed as revq reads an export.",
    )

    @field_validator("name")
    @classmethod
    def _plain_name(cls, v: str) -> str:
        return _table_name(v)


class WarehouseTables(Frozen):
    """The warehouse tables revq reads, with their columns as the connector lands them (the
    preset and load options map them, inside the query). Each is a name, or a name and the
    types of its columns."""

    leads: WarehouseTable = Field(
        default_factory=lambda: WarehouseTable(name="leads"),
        description="Leads or contacts table, e.g. ANALYTICS.HUBSPOT_CONTACTS.",
    )
    activities: WarehouseTable | None = Field(
        default_factory=lambda: WarehouseTable(name="activities"),
        description="Activities table; null for none.",
    )
    signals: WarehouseTable | None = Field(
        default_factory=lambda: WarehouseTable(name="signals"),
        description="Account signals table; null for none.",
    )

    @field_validator("leads", "activities", "signals", mode="before")
    @classmethod
    def _named(cls, v: object) -> object:
        """A table given by its name alone."""
        return {"name": v} if isinstance(v, str) else v


class WarehouseConfig(Frozen):
    """`revq score --engine warehouse` and `revq compile`: the warehouse revq scores in."""

    url: str | None = Field(
        None,
        description="Ibis connection URL (duckdb:///path.db, postgres://user:${REVQ_WAREHOUSE_"
        "PASSWORD}@host/db, snowflake://user:${REVQ_WAREHOUSE_PASSWORD}@account/db/schema?"
        "warehouse=WH, bigquery://project/dataset). ${VAR} is read from the environment when "
        "revq connects; a password written out here is refused. `revq compile` needs none.",
    )
    tables: WarehouseTables = Field(
        default_factory=WarehouseTables,
        description="The tables of the leads, activities and signals (default: those names).",
    )

    @field_validator("url")
    @classmethod
    def _no_written_secrets(cls, v: str | None) -> str | None:
        if v is None:
            return v
        if "://" not in v:
            raise ValueError(
                f"expected a connection URL such as postgres://user:${{VAR}}@host/db, got "
                f"{redact_url(v)!r}"
            )
        if literal_secrets(v):
            raise ValueError(
                "a password (or secret) is written in the URL: keep it in an environment "
                "variable and write ${REVQ_WAREHOUSE_PASSWORD} in its place, got "
                f"{redact_url(v)!r}"
            )
        return v
