"""Typed, frozen config models. YAML is parsed into these once, at the edge."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import polars as pl
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from revq.config.notify import NotifyConfig
from revq.config.warehouse import WarehouseConfig
from revq.core.schema import TABLES
from revq.core.scoring.columns import OUTPUT, STAGES

TableName = Literal[
    "leads", "activities", "signals", "dispositions", "stage_history", "opportunities", "accounts"
]

# The inputs of a project: the canonical tables, and `contacts`, the people a lead names (read
# with the leads' columns, joined into the leads).
InputName = Literal[
    "leads",
    "activities",
    "signals",
    "dispositions",
    "stage_history",
    "opportunities",
    "accounts",
    "contacts",
]

# The properties and fields whose history is a stage history: HubSpot's lifecycle and deal
# stages, Salesforce's lead Status and opportunity Stage, as API names or as a report shows them.
STAGE_PROPERTIES = ("lifecyclestage", "dealstage", "Status", "Lead Status", "StageName", "Stage")


class Frozen(BaseModel):
    # A config's numbers are finite: YAML reads .nan and .inf as floats, which no threshold,
    # weight or window means.
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class DedupeOptions(Frozen):
    """How duplicate leads (same normalised email, or same lead id) are merged."""

    enabled: bool = True
    keep: Literal["latest_activity", "first_seen", "last_seen"] = Field(
        "latest_activity",
        description="Which record wins; the winner's empty fields are filled from the others.",
    )


class LoadOptions(Frozen):
    """How one export is read. Every key can be set project-wide or per input."""

    source: str | None = Field(
        None,
        description="Vendor preset (hubspot, salesforce, marketo, pardot, generic); "
        "detected from the headers when absent.",
    )
    table: TableName | None = Field(None, description="Canonical table; detected when absent.")
    encoding: str | None = Field(
        None, description="Text encoding, e.g. cp1252; UTF-8 (with or without BOM) when absent."
    )
    delimiter: str | None = Field(None, description="Field delimiter; detected when absent.")
    sheet: str | int | None = Field(None, description="XLSX sheet name or 0-based index.")
    decimal: Literal[".", ","] = Field(".", description="Decimal separator of numbers.")
    date_order: Literal["auto", "dmy", "mdy"] = Field(
        "auto", description="Day/month order of dates like 3/5/2026; auto refuses to guess."
    )
    date_formats: dict[str, str] = Field(
        default_factory=dict,
        description="strftime format per column (canonical name or source header).",
    )
    timezone: str | None = Field(
        None,
        description="Zone of timestamps that carry none (IANA name); project zone when absent.",
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str | None) -> str | None:
        return v if v is None else known_zone(v)

    null_values: list[str] = Field(
        default_factory=list,
        description="Extra values that mean 'empty', e.g. Select or --None--. 'NA' is never one "
        "unless listed here.",
    )
    columns: dict[str, str | list[str]] = Field(
        default_factory=dict,
        description="Canonical column -> source header; wins over presets. A list names the "
        "headers of the several files of one input, the first a file has read (several event "
        "tables as one activities input, each with its own time column); a file with none of "
        "them is read as if the column were not mapped.",
    )
    values: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="Picklist maps per canonical column: source label -> canonical value.",
    )
    defaults: dict[str, str] = Field(
        default_factory=dict,
        description="Canonical column -> value for an export that lacks the column, e.g. "
        "is_won: 'true' for a file of won deals.",
    )
    dedupe: DedupeOptions = Field(default_factory=DedupeOptions)
    keep_deleted: bool = Field(
        False,
        description="Keep records the export marks deleted in the source (is_deleted, "
        "IsDeleted, _fivetran_deleted true); by default they are set aside and counted.",
    )
    stage_properties: list[str] = Field(
        default_factory=lambda: list(STAGE_PROPERTIES),
        description="In a history of several properties or fields (a HubSpot property "
        "history's name, a Salesforce field history's Field), the ones whose values are "
        "stages; the rows of others are set aside and counted.",
    )
    personal_domains: list[str] = Field(
        default_factory=list,
        description="Extra personal email domains (added to the built-in list).",
    )

    @field_validator("delimiter")
    @classmethod
    def _one_char(cls, v: str | None) -> str | None:
        if v is not None and len(v) != 1:
            raise ValueError(f"expected a single character, got {v!r}")
        return v


class LinkSpec(Frozen):
    """An association table between two kinds of record (HubSpot's contact_company or
    deal_contact): one row per pair, each side named by its id."""

    path: str = Field(description="Path of the association table, relative to revq.yaml.")
    left: str = Field(
        description="Its column naming the record joined from (contact_id for a contact's "
        "companies, deal_id for a deal's contacts)."
    )
    right: str = Field(
        description="Its column naming the record joined to (company_id, contact_id)."
    )


class JoinSpec(Frozen):
    """One table joined into an input: each row of the input takes the columns of the record
    it names (a lead its contact's, a contact its account's). A row naming none, or one that
    is not there, is kept and counted; an id found twice on the joined side is an error."""

    input: Literal["contacts", "accounts", "leads"] = Field(
        description="The input joined in: contacts, accounts, or leads (an opportunity's lead)."
    )
    on: str | None = Field(
        None,
        description="The column naming the joined record: of the input itself, or of a table "
        "joined before this one (account_id of the contacts joined first). Through an "
        "association table, the input's own id, which is the default there.",
    )
    key: str | None = Field(
        None,
        description="The joined table's column `on` is matched with (canonical name, or the "
        "export's header); its own id by default (account_id, lead_id).",
    )
    through: LinkSpec | None = Field(
        None, description="An association table that pairs the two, when neither names the other."
    )
    prefix: str | None = Field(
        None,
        description="What the joined columns are called after: `contact_` and `account_` by "
        "default (contact_title, account_industry); rules read them by those names.",
    )

    @model_validator(mode="before")
    @classmethod
    def _on_as_written(cls, data: Any) -> Any:
        # YAML 1.1 reads a bare `on:` key as the boolean true (as in GitHub Actions' `on:`).
        if isinstance(data, dict) and True in data and "on" not in data:
            return {("on" if k is True else k): v for k, v in data.items()}
        return data


class InputSpec(LoadOptions):
    """One export of the project: its path plus any load options that differ from the default."""

    path: str | list[str] = Field(
        description="Path of the export, relative to revq.yaml; a pattern or a list names several "
        "exports of one table, read as one (Salesforce's Task and Event as activities).",
    )
    join: list[JoinSpec] = Field(
        default_factory=list,
        description="Tables joined into this input, in order: the leads' contacts and "
        "accounts, an opportunity's lead through an association table. Joined columns come "
        "in under a prefix, and fill the canonical ones the rows lack (a contact's job title "
        "is the lead's title, its account's industry the lead's industry).",
    )

    @field_validator("path")
    @classmethod
    def _some_path(cls, v: str | list[str]) -> str | list[str]:
        if isinstance(v, list) and not v:
            raise ValueError("expected a path or a list of paths, got an empty list")
        return v


class ExportSpec(Frozen):
    """A layout of scored leads that a CRM or spreadsheet imports: which revq columns, under
    which field names, for which stages."""

    columns: dict[str, str] = Field(
        description="Field name written -> revq score column (lead_id, email, total_score, "
        "fit_grade, stage, why_now, next_action, owner, top_reasons, ...), in the order written."
    )
    stages: list[str] | None = Field(
        None, description="Only the leads in these stages (default: every lead)."
    )
    values: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="Per score column, revq value -> the label the CRM's picklist wants "
        "(stage: {sales_ready: Sales Ready}); other values are written as they are.",
    )

    @field_validator("columns")
    @classmethod
    def _known_columns(cls, v: dict[str, str]) -> dict[str, str]:
        if not v:
            raise ValueError("expected at least one column")
        for field_name, column in v.items():
            if column not in OUTPUT:
                raise ValueError(
                    f"{field_name}: {column!r} is not a revq score column; "
                    f"expected one of {', '.join(OUTPUT)}"
                )
        return v

    @field_validator("stages")
    @classmethod
    def _known_stages(cls, v: list[str] | None) -> list[str] | None:
        for stage in v or []:
            if stage not in STAGES:
                raise ValueError(f"unknown stage {stage!r}; expected one of {', '.join(STAGES)}")
        return v

    @model_validator(mode="after")
    def _values_of_written_columns(self) -> ExportSpec:
        unused = sorted(set(self.values) - set(self.columns.values()))
        if unused:
            raise ValueError(
                f"values: {', '.join(unused)} {'is' if len(unused) == 1 else 'are'} not among "
                "the columns written"
            )
        return self


def known_zone(name: str) -> str:
    """An IANA time zone name, or a config error before any timestamp is read with it."""
    try:  # the zones polars knows, which are the ones that will read the timestamps
        pl.select(pl.lit(datetime(2000, 1, 1)).dt.replace_time_zone(name))
    except pl.exceptions.PolarsError:
        raise ValueError(
            "unknown time zone; expected an IANA name like UTC, Europe/Berlin or America/New_York"
        ) from None
    return name


class ProjectConfig(Frozen):
    """revq.yaml: where a team's exports and configs are, so commands run with no arguments."""

    version: Literal[1] = 1
    name: str = Field(description="Project name, shown in reports.")
    timezone: str = Field("UTC", description="IANA time zone of the team; naive timestamps use it.")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        return known_zone(v)

    fiscal_year_start_month: int = Field(
        1, ge=1, le=12, description="First month of the fiscal year."
    )
    week_start: Literal["monday", "sunday"] = "monday"
    inputs: dict[InputName, InputSpec] = Field(
        default_factory=dict,
        description="The team's exports, by canonical table; `contacts` and `accounts` are "
        "read to be joined into the leads (see inputs.*.join).",
    )
    configs: dict[str, str] = Field(
        default_factory=dict, description="Config files by kind: scoring, reasons, funnel."
    )
    load: LoadOptions = Field(
        default_factory=LoadOptions,
        description="Load options applied to every input unless the input overrides them.",
    )
    output_dir: str = Field("reports", description="Where reports and outputs are written.")
    templates_dir: str | None = Field(
        None, description="Folder of report templates that override the built-in ones."
    )
    exports: dict[str, ExportSpec] = Field(
        default_factory=dict,
        description="Layouts for `revq score --export NAME`: scored leads as a CRM imports them.",
    )
    notify: NotifyConfig | None = Field(
        None, description="`revq notify`: who hears of leads routed to sales, and how."
    )
    owners: dict[str, str] = Field(
        default_factory=dict,
        description="Owner name -> Slack user id (U024BE7LH), so alerts mention the owner.",
    )
    crm_url: str | None = Field(
        None,
        description="A lead's record in the CRM, with {lead_id} (or another score column) in "
        "it: the report's action lists and the alerts link to it.",
    )
    labels: dict[str, str] = Field(
        default_factory=dict,
        description="Words the report shows for codes (stages, quadrants, reason codes): "
        "sales_ready: Sales ready. CSV and JSON keep the codes.",
    )
    warehouse: WarehouseConfig | None = Field(
        None,
        description="The warehouse `revq score --engine warehouse` scores in and `revq "
        "compile` writes SQL for: its connection URL (credentials as ${VAR}) and tables.",
    )

    @model_validator(mode="after")
    def _joins_name_inputs(self) -> ProjectConfig:
        for name, spec in self.inputs.items():
            for i, join in enumerate(spec.join):
                if join.input == name:
                    raise ValueError(f"inputs.{name}.join[{i}].input: an input cannot join itself")
                if join.input not in self.inputs:
                    listed = ", ".join(self.inputs)
                    raise ValueError(
                        f"inputs.{name}.join[{i}].input: {join.input!r} is not an input of "
                        f"this project; its inputs: {listed}"
                    )
                if join.on is None and join.through is None:
                    raise ValueError(
                        f"inputs.{name}.join[{i}]: expected `on` (the column naming the "
                        f"{join.input} record) or `through` (an association table)"
                    )
        return self


class TableMapping(Frozen):
    """How one vendor's export maps onto one canonical table."""

    detect: list[str] = Field(
        default_factory=list, description="Headers that identify this export; more hits win."
    )
    columns: dict[str, list[str]] = Field(
        description="Canonical column -> source headers, first found wins."
    )
    values: dict[str, dict[str, str]] = Field(default_factory=dict)
    constants: dict[str, str] = Field(
        default_factory=dict,
        description="Canonical column -> the value every row has, for an export whose rows are "
        "all of one kind and say so by being in it (a table of form submissions has no type "
        "column); a mapped header wins, and load.defaults wins over this.",
    )
    constants_when: list[str] = Field(
        default_factory=list,
        description="Headers of which the export must have one for the constants to apply: what "
        "shows its rows are of that kind (a form submission's form_id).",
    )

    @field_validator("columns", "constants")
    @classmethod
    def _known_columns(cls, v: dict[str, Any]) -> dict[str, Any]:
        known = {c.name for t in TABLES.values() for c in t.columns}
        unknown = sorted(set(v) - known)
        if unknown:
            raise ValueError(f"unknown canonical columns {unknown}")
        return v


class Preset(Frozen):
    """A vendor preset: header aliases and picklist maps for each table the vendor exports."""

    vendor: str
    label: str
    tables: dict[TableName, TableMapping]
