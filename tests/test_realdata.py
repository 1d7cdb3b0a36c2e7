"""Loaders against real public exports in ../shared/realdata (skipped when it is absent).

Expected figures come from each folder's SOURCE.md or from DuckDB reading the same file."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import yaml

from revq.config.loader import load_model
from revq.config.models import LoadOptions
from revq.io.load import load_table
from tests.conftest import ROOT, realdata, run_cli

CONFIGS = ROOT / "configs"


def test_x_education_full_copy() -> None:
    path = realdata("x-education-leads", "Leads.csv")
    opts = load_model(CONFIGS / "x-education.yaml", LoadOptions)
    r = load_table(path, opts)
    a = r.accounting
    assert (a.rows_read, a.rows_loaded, a.rows_rejected, a.footer_rows) == (9240, 9240, 0, 0)
    assert len(r.headers) == 37  # the trailing empty 38th column is dropped
    assert int(r.frame["is_converted"].sum()) == 3561  # SOURCE.md: 3,561 converted
    assert r.frame["TotalVisits"].null_count() == 137
    assert (
        r.frame["Specialization"].null_count()
        == (
            duckdb.execute(
                f"""select count(*) from read_csv('{path}', all_varchar=true)
                where "Specialization" is null or "Specialization" = 'Select'"""
            ).fetchone()
            or [None]
        )[0]
    )
    assert "Tags" in r.frame.columns and "Lead Quality" in r.frame.columns


def test_x_education_copies_agree() -> None:
    full = load_table(realdata("x-education-leads", "Leads.csv"))
    short = load_table(realdata("x-education-leads-aqibjallal", "Leads.csv"))
    assert short.accounting.rows_loaded == 9237
    missing = set(full.frame["lead_id"]) - set(short.frame["lead_id"])
    assert missing == {
        "b2ba2f0d-b339-4df3-b30e-4012612a602b",
        "fefb0c70-497b-46d2-9dc2-095379258fd9",
        "c01f94f6-ec7b-450c-a384-7b977731c490",
    }
    assert int(short.frame["is_converted"].sum()) == 3559


def test_olist_mqls_and_deals() -> None:
    mqls = load_table(
        realdata("olist-marketing-funnel", "olist_marketing_qualified_leads_dataset.csv"),
        load_model(CONFIGS / "olist-mqls.yaml", LoadOptions),
    )
    assert mqls.accounting.rows_loaded == 8000
    assert mqls.frame["lead_source"].null_count() == 60 + 1099  # blank + 'unknown'
    assert str(mqls.frame["created_at"].min())[:10] == "2017-06-14"
    assert str(mqls.frame["created_at"].max())[:10] == "2018-05-31"
    deals = load_table(
        realdata("olist-marketing-funnel", "olist_closed_deals_dataset.csv"),
        load_model(CONFIGS / "olist-deals.yaml", LoadOptions),
    )
    assert deals.accounting.rows_loaded == 842
    assert str(deals.frame["closed_at"].min())[:10] == "2017-12-05"
    assert str(deals.frame["closed_at"].max())[:10] == "2018-11-14"
    assert set(deals.frame["lead_id"]) <= set(mqls.frame["lead_id"])


@pytest.mark.parametrize(
    ("folder", "file", "vendor", "table", "rows"),
    [
        ("fivetran-dbt_salesforce_source", "sf_lead_data.csv", "salesforce", "leads", 1),
        ("fivetran-dbt_salesforce_source", "sf_contact_data.csv", "salesforce", "leads", 4),
        (
            "fivetran-dbt_salesforce_source",
            "sf_opportunity_data.csv",
            "salesforce",
            "opportunities",
            10,
        ),
        ("fivetran-dbt_hubspot_source", "contact_data.csv", "hubspot", "leads", 22),
        ("fivetran-dbt_hubspot_source", "deal_data.csv", "hubspot", "opportunities", 44),
        ("fivetran-dbt_marketo_source", "marketo_lead_data.csv", "marketo", "leads", 100),
        (
            "fivetran-dbt_marketo_source",
            "marketo_activity_click_email_data.csv",
            "marketo",
            "activities",
            100,
        ),
    ],
)
def test_fivetran_seeds(folder: str, file: str, vendor: str, table: str, rows: int) -> None:
    r = load_table(realdata(folder, file))
    assert (r.vendor, r.table) == (vendor, table)
    a = r.accounting
    assert a.rows_read == rows
    assert a.rows_loaded + a.duplicates_merged + a.deleted_in_source == rows


def test_salesforce_opportunity_history_loads_as_stage_history() -> None:
    path = realdata("fivetran-dbt_salesforce_source", "sf_opportunity_history_data.csv")
    (flagged,) = duckdb.execute(
        f"select count(*) filter (where is_deleted) from read_csv('{path}')"
    ).fetchone()  # type: ignore[misc]
    # every entry of the seed is of an opportunity deleted in Salesforce (is_deleted): set
    # aside and counted, as Fivetran's own staging models filter them...
    r = load_table(path, LoadOptions(table="stage_history"))
    assert (r.accounting.rows_loaded, r.accounting.deleted_in_source) == (0, flagged) == (0, 10)
    # ...and loaded as a stage history when asked for
    r = load_table(path, LoadOptions(table="stage_history", keep_deleted=True))
    assert (r.accounting.rows_loaded, r.accounting.deleted_in_source) == (10, 0)
    assert r.mapping["entered_at"] == "_fivetran_start"
    assert r.frame["entered_at"].null_count() == 0


def test_every_realdata_export_inspects_cleanly() -> None:
    folder = realdata()
    for path in sorted([*folder.glob("*/*.csv"), *folder.glob("*/*.json")]):
        result = run_cli(["inspect", str(path), "--format", "json"])
        assert result.exit_code == 0, (path, result.stderr)
        assert "Traceback" not in result.stderr


def test_hubspot_merged_contacts_fold_into_the_record_kept() -> None:
    path = realdata("fivetran-dbt_hubspot_source", "contact_data.csv")
    r = load_table(path)
    # the contacts a record lists as merged into it ("vid:merge time in ms;..."), that are
    # still rows of the sync, by DuckDB on the raw file
    (listed, present, emails_shared) = duckdb.execute(
        f"""with c as (select * from read_csv('{path}', all_varchar = true)),
        m as (select c.id kept, split_part(trim(v), ':', 1) gone
              from c, unnest(string_split(c.property_hs_calculated_merged_vids, ';')) t(v))
        select count(*), count(*) filter (where gone in (select id from c)),
               (select count(*) - count(distinct lower(trim(property_email))) from c
                where property_email is not null)
        from m"""
    ).fetchone()  # type: ignore[misc]
    assert (listed, present, emails_shared) == (3, 3, 0)
    assert r.accounting.duplicates_merged == present
    assert r.accounting.rows_loaded == 22 - present
    kept = set(r.frame["lead_id"])
    assert r.merged_ids.height == listed
    assert set(r.merged_ids["merged_into"]) <= kept
    assert not set(r.merged_ids["lead_id"]) & kept


@pytest.mark.parametrize(
    ("folder", "leads", "rows"),
    [
        ("fivetran-dbt_marketo_source", "marketo_lead_data.csv", 100),
        ("fivetran-dbt_hubspot_source", "contact_data.csv", 19),
    ],
)
def test_init_from_a_warehouse_sync_folder_gives_a_project_that_scores(
    tmp_path: Path, folder: str, leads: str, rows: int
) -> None:
    exports = realdata(folder)
    run = run_cli(["init", "proj", "--exports", str(exports)], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    inputs = yaml.safe_load((tmp_path / "proj" / "revq.yaml").read_text())["inputs"]
    assert Path(inputs["leads"]["path"]).name == leads
    # program, campaign and list tables have ids and dates but are nobody: not leads
    for other in ("marketo_program_data.csv", "marketo_campaign_data.csv", "contact_list_data.csv"):
        assert f"leads: also {exports.resolve().as_posix()}/{other}" not in run.stderr
    scored = run_cli(["-q", "score", "--as-of", "2026-10-31", "-f", "csv"], cwd=tmp_path / "proj")
    assert scored.exit_code == 0, scored.stderr
    assert scored.stdout.count("\n") == rows + 1


def test_a_property_history_keeps_only_the_stage_properties() -> None:
    """Fivetran's HubSpot property history holds every property's changes; the seed hashes the
    property names, so none is known to be the lifecycle stage and every row is set aside
    (counted), unless the team names the hashed property as its stage property."""
    path = realdata("fivetran-dbt_hubspot_source", "contact_property_history_data.csv")
    r = load_table(path, LoadOptions(table="stage_history"))
    a = r.accounting
    assert (a.rows_read, a.rows_loaded, a.other_properties) == (100, 0, 100)
    assert not any("not mapped to a canonical stage" in w for w in r.warnings)
    (name, n) = duckdb.execute(
        f"select name, count(*) n from read_csv('{path}') group by name order by n desc limit 1"
    ).fetchone()  # type: ignore[misc]
    r = load_table(path, LoadOptions(table="stage_history", stage_properties=[name]))
    assert (r.accounting.rows_loaded, r.accounting.other_properties) == (n, 100 - n)


def test_marketo_activity_type_ids_are_read_as_their_names() -> None:
    """Fivetran writes one table per activity type, each with Marketo's type id."""
    folder = realdata("fivetran-dbt_marketo_source")
    names = {
        "marketo_activity_click_email_data.csv": "Click Email",
        "marketo_activity_open_email_data.csv": "Open Email",
        "marketo_activity_send_email_data.csv": "Send Email",
        "marketo_activity_email_delivered_data.csv": "Email Delivered",
        "marketo_activity_unsubscribe_email_data.csv": "Unsubscribe Email",
    }
    for file, name in names.items():
        path = folder / file
        (rows,) = duckdb.execute(
            f"select count(*) from read_csv('{path}', all_varchar=true)"
        ).fetchone()  # type: ignore[misc]
        r = load_table(path)
        assert r.frame["activity_type"].value_counts().rows() == [(name, rows)], file
    # an id Marketo's standard list does not name here is kept as it is
    r = load_table(folder / "marketo_activity_delete_lead_data.csv")
    assert set(r.frame["activity_type"].to_list()) == {"29"}
