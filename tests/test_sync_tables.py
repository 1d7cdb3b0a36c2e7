"""Tables a warehouse sync writes beside the records: history-mode versions of a record, and
the CRM's own users. Each is read as what it is, not as leads or opportunities."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import duckdb
import pytest

from revq.config.models import LoadOptions
from revq.io.load import load_table
from tests.conftest import realdata, run_cli

# An opportunity in history mode: one row per version, from _fivetran_start to _fivetran_end;
# the current one open-ended (9999) and flagged active.
OPPORTUNITY_VERSIONS = (
    "id,name,stage_name,amount,close_date,created_date,is_won,is_closed,"
    "_fivetran_start,_fivetran_end,_fivetran_active\n"
    "006A,Acme,Prospecting,10000,2026-11-01,2026-09-02 09:00:00,false,false,"
    "2026-09-02 09:00:00,2026-09-20 08:59:59,false\n"
    "006A,Acme,Negotiation/Review,12000,2026-11-01,2026-09-02 09:00:00,false,false,"
    "2026-09-20 09:00:00,2026-10-05 08:59:59,false\n"
    "006A,Acme,Closed Won,12000,2026-10-05,2026-09-02 09:00:00,true,true,"
    "2026-10-05 09:00:00,9999-12-31 23:59:59,true\n"
    "006B,Beta,Prospecting,5000,2026-12-01,2026-09-10 09:00:00,false,false,"
    "2026-09-10 09:00:00,9999-12-31 23:59:59,true\n"
)


def test_versions_that_carry_a_stage_read_unforced_as_a_stage_history(tmp_path: Path) -> None:
    path = tmp_path / "sf_opportunity_history_data.csv"
    path.write_text(OPPORTUNITY_VERSIONS)
    r = load_table(path)
    assert (r.vendor, r.table) == ("salesforce", "stage_history")
    assert r.accounting.rows_loaded == 4  # every version is an entry of the history
    assert r.mapping["entered_at"] == "_fivetran_start"


def test_versions_read_as_records_keep_each_record_as_it_is_now(tmp_path: Path) -> None:
    path = tmp_path / "opportunity_versions.csv"
    path.write_text(OPPORTUNITY_VERSIONS)
    (earlier,) = duckdb.execute(
        f"select count(*) filter (where not _fivetran_active) from read_csv('{path}')"
    ).fetchone()  # type: ignore[misc]
    r = load_table(path, LoadOptions(table="opportunities"))
    a = r.accounting
    assert (a.rows_read, a.rows_loaded, a.earlier_versions) == (4, 2, earlier) == (4, 2, 2)
    assert a.balanced()
    # the current version's values, not the first or a sum of versions
    acme = r.frame.filter(r.frame["opportunity_id"] == "006A").row(0, named=True)
    assert (acme["amount"], acme["is_won"]) == (12000.0, True)


def test_versions_without_a_stage_read_as_the_records(tmp_path: Path) -> None:
    """A contact's versions (no stage to make a history of) are contacts: the current ones.
    Without an active flag, the version still open (ending in 9999) is the current one."""
    path = tmp_path / "sf_contact_history_data.csv"
    path.write_text(
        "id,email,first_name,last_name,title,_fivetran_start,_fivetran_end\n"
        "003A,ann@acme.com,Ann,Lee,Manager,2026-01-01 00:00:00,2026-05-31 23:59:59\n"
        "003A,ann@acme.com,Ann,Lee,Director,2026-06-01 00:00:00,9999-12-31 23:59:59\n"
        "003B,bo@beta.io,Bo,Kim,VP Sales,2026-02-01 00:00:00,9999-12-31 23:59:59\n"
    )
    r = load_table(path)
    assert r.table == "leads"
    assert (r.accounting.rows_loaded, r.accounting.earlier_versions) == (2, 1)
    assert dict(r.frame.select("lead_id", "title").iter_rows()) == {
        "003A": "Director",
        "003B": "VP Sales",
    }
    shown = run_cli(["inspect", str(path)], cwd=tmp_path)
    assert "+ 1 earlier versions" in shown.stderr


def test_an_empty_active_flag_without_versions_keeps_every_row(tmp_path: Path) -> None:
    """A plain sync's table can carry `_fivetran_active` unset: its rows are not versions."""
    path = tmp_path / "sf_lead_data.csv"
    path.write_text(
        "id,email,first_name,last_name,status,_fivetran_synced,_fivetran_active\n"
        "00QA,ann@acme.com,Ann,Lee,Open,2026-01-01 00:00:00,\n"
        "00QB,bo@beta.io,Bo,Kim,Working,2026-01-02 00:00:00,\n"
    )
    r = load_table(path)
    assert (r.table, r.accounting.rows_loaded, r.accounting.earlier_versions) == ("leads", 2, 0)


@pytest.mark.parametrize(
    "headers",
    [
        # Salesforce's User object, by the API and by a sync
        "Id,Username,Email,FirstName,LastName,ProfileId,UserRoleId,IsActive",
        "id,username,email,first_name,last_name,profile_id,user_role_id,is_active",
        # a HubSpot owners sync
        "owner_id,created_at,portal_id,type,updated_at,email,first_name,last_name,active_user_id",
    ],
)
def test_the_crms_users_are_not_leads(tmp_path: Path, headers: str) -> None:
    path = tmp_path / "users.csv"
    values = {
        "type": "PERSON",
        "email": "rep@ourco.com",
        "first_name": "Rae",
        "firstname": "Rae",
        "last_name": "Poe",
        "lastname": "Poe",
        "created_at": "2026-01-05 10:00:00",
        "updated_at": "2026-01-05 10:00:00",
    }
    row = [values.get(h.lower(), "1") for h in headers.split(",")]
    path.write_text(f"{headers}\n{','.join(row)}\n")
    assert load_table(path, require_table=False).table is None
    run = run_cli(["score", str(path)], cwd=tmp_path)
    assert run.exit_code == 2 and "Traceback" not in run.stderr
    # asked for, they load as leads all the same
    assert load_table(path, LoadOptions(table="leads")).accounting.rows_loaded == 1


def test_funnel_given_an_opportunity_sync_and_its_versions(tmp_path: Path) -> None:
    """By position, the versions go to the stage history and the records to opportunities."""
    (tmp_path / "sf_opportunity_history_data.csv").write_text(OPPORTUNITY_VERSIONS)
    (tmp_path / "sf_opportunity_data.csv").write_text(
        "id,name,stage_name,amount,close_date,created_date,is_won,is_closed,_fivetran_active\n"
        "006A,Acme,Closed Won,12000,2026-10-05,2026-09-02 09:00:00,true,true,\n"
        "006B,Beta,Prospecting,5000,2026-12-01,2026-09-10 09:00:00,false,false,\n"
    )
    run = run_cli(
        [
            "funnel",
            "sf_opportunity_data.csv",
            "sf_opportunity_history_data.csv",
            "--as-of",
            "2026-10-31",
            "-f",
            "json",
        ],
        cwd=tmp_path,
    )
    assert run.exit_code == 0, run.stderr
    assert "sf_opportunity_history_data.csv: salesforce stage_history: read 4 rows" in run.stderr
    assert "sf_opportunity_data.csv: salesforce opportunities: read 2 rows = 2 loaded" in run.stderr
    velocity = {v["span"]: v for v in json.loads(run.stdout)["velocity"]}
    # by hand: 006A entered prospecting Sep 2 09:00 and closed won Oct 5 09:00: 33 days
    assert velocity["opportunity->won"]["median_days"] == 33.0


def test_fivetran_salesforce_sync_tables_read_as_what_they_are() -> None:
    folder = "fivetran-dbt_salesforce_source"
    history = load_table(realdata(folder, "sf_opportunity_history_data.csv"))
    assert history.table == "stage_history"
    assert load_table(realdata(folder, "sf_user_data.csv"), require_table=False).table is None
    owners = realdata("fivetran-dbt_hubspot_source", "owner_data.csv")
    assert load_table(owners, require_table=False).table is None
    # the seed's contact versions are all current ones: DuckDB counts the active rows
    path = realdata(folder, "sf_contact_history_data.csv")
    (active,) = duckdb.execute(
        f"select count(*) filter (where _fivetran_active) from read_csv('{path}')"
    ).fetchone()  # type: ignore[misc]
    contacts = load_table(path)
    assert (contacts.table, contacts.accounting.rows_loaded) == ("leads", active)


# HubSpot's form submissions as a sync writes them: one row per submission, no type column.
FORM_SUBMISSIONS = (
    "timestamp,form_id,contact_id,conversion_id,page_id,page_url,portal_id,title,_fivetran_synced\n"
    "2026-10-20 10:20:00,123,501,c1,201,https://example.com/demo,12345,Request a demo,"
    "2026-10-21 03:15:52\n"
    "2026-10-01 08:10:00,456,502,c2,202,https://example.com/guide,12345,Download Guide,"
    "2026-10-21 03:15:52\n"
)
# Its marketing email events: HubSpot's own event types, the recipient's address.
EMAIL_EVENTS = (
    "id,_fivetran_synced,app_id,caused_by_created,caused_by_id,created,email_campaign_id,"
    "obsoleted_by_created,obsoleted_by_id,portal_id,sent_by_created,sent_by_id,type,"
    "filtered_event,recipient\n"
    "e1,2026-10-31 19:06:20,2286,,,2026-10-30 19:03:20,7,,,4727653,2026-10-30 19:00:48,s1,"
    "CLICK,false,Ann@Acme.com\n"
    "e2,2026-10-31 19:06:20,2286,,,2026-10-30 19:01:20,7,,,4727653,2026-10-30 19:00:48,s1,"
    "OPEN,false,ann@acme.com\n"
    "e3,2026-10-31 19:06:20,2286,,,2026-10-30 19:00:50,7,,,4727653,2026-10-30 19:00:48,s1,"
    "NEWTYPE,false,bo@beta.io\n"
)


def test_hubspot_form_submissions_read_as_activities_of_one_type(tmp_path: Path) -> None:
    path = tmp_path / "contact_form_submission_data.csv"
    path.write_text(FORM_SUBMISSIONS)
    r = load_table(path)
    assert (r.vendor, r.table) == ("hubspot", "activities")  # it had read as leads
    rows = r.frame.select("lead_id", "activity_type", "detail", "activity_id").rows()
    assert rows == [
        ("501", "form_submission", "Request a demo", "c1"),
        ("502", "form_submission", "Download Guide", "c2"),
    ]
    assert r.frame["page_url"].to_list()[0] == "https://example.com/demo"  # kept for rules
    # load.defaults wins over the preset's constant
    own = load_table(path, LoadOptions(defaults={"activity_type": "form_fill"}))
    assert set(own.frame["activity_type"]) == {"form_fill"}


def test_a_table_of_contacts_and_times_without_a_form_is_not_form_submissions(
    tmp_path: Path,
) -> None:
    # HubSpot's merge audit has a contact and a time too; nothing says its rows are activities.
    path = tmp_path / "contact_merge_audit_data.csv"
    path.write_text(
        "canonical_vid,contact_id,vid_to_merge,_fivetran_synced,entity_id,first_name,last_name,"
        "num_properties_moved,timestamp,user_id\n"
        "5555,5555,11111,2020-12-30 11:20:31,json,,,2,2019-10-08 15:50:57,\n"
    )
    r = load_table(path, require_table=False)
    assert r.table != "activities"


def test_hubspot_email_events_score_by_their_recipient(tmp_path: Path) -> None:
    events = tmp_path / "email_event_data.csv"
    events.write_text(EMAIL_EVENTS)
    r = load_table(events)
    assert (r.vendor, r.table) == ("hubspot", "activities")
    types = r.frame.select("activity_id", "activity_type").rows()
    assert types == [("e1", "email_click"), ("e2", "email_open"), ("e3", "NEWTYPE")]
    leads = tmp_path / "leads.csv"
    leads.write_text("lead_id,email\nL1,ann@acme.com\nL2,bo@beta.io\n")
    config = tmp_path / "scoring.yaml"
    config.write_text(
        "version: 1\nintent:\n  events:\n    half_life_days: 10\n    rules:\n"
        "      - {name: click, when: {column: activity_type, equals: email_click}, points: 4}\n"
        "      - {name: open, when: {column: activity_type, equals: email_open}, points: 1}\n"
    )
    out = tmp_path / "scored.csv"
    args = ["score", str(leads), "--activities", str(events), "--config", str(config)]
    run = run_cli([*args, "--as-of", "2026-10-31", "--out", str(out)], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    # Ann clicked (4 points) and opened (1) on 2026-10-30 at 19:03:20 and 19:01:20; --as-of
    # 2026-10-31 is its end, so they are 1 day 4:56:40 and 1 day 4:58:40 old, each halved every
    # 10 days. Bo's event type is no rule's.
    ages = [(timedelta(days=1, hours=4, minutes=m, seconds=40)) for m in (56, 58)]
    want = sum(p * 2 ** (-(a / timedelta(days=1)) / 10) for p, a in zip((4, 1), ages, strict=True))
    got = duckdb.execute(
        f"select lead_id, intent_score from read_csv('{out}') order by lead_id"
    ).fetchall()
    assert got == [("L1", round(want, 2)), ("L2", 0.0)]
    assert round(want, 2) == 4.6  # not the 5 undecayed points
