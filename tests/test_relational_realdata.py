"""`revq init --exports` on every real export folder in ../shared/realdata (skipped when it is
absent): each makes a project, with no config written by hand, whose joins and inputs are
what the tables' keys say, counted as DuckDB counts them."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from revq.app.inputs import load_input_of, open_project
from revq.app.run import Run
from tests.conftest import REALDATA, realdata, run_cli
from tests.test_relational_exports import read_inputs

FOLDERS = (
    "fivetran-dbt_hubspot_source",
    "fivetran-dbt_salesforce_source",
    "fivetran-dbt_marketo_source",
    "olist-marketing-funnel",
    "salesforce-sample-data-dcarroll",
    "x-education-leads",
    "x-education-leads-aqibjallal",
)


def _absolute(folder: Path) -> str:
    """A folder as revq.yaml names an export far from the project: absolute, its symlinks
    not followed (the path the user gave, not where a link happens to point)."""
    return Path(os.path.abspath(folder)).as_posix()


def _init(folder: Path, tmp_path: Path, name: str = "proj") -> tuple[Path, str]:
    run = run_cli(["init", name, "--exports", str(folder)], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    return tmp_path / name, run.stderr


@pytest.mark.parametrize("name", FOLDERS)
def test_every_real_folder_makes_a_project_that_scores(name: str, tmp_path: Path) -> None:
    folder = realdata(name)
    proj, _ = _init(folder, tmp_path)
    scored = run_cli(["-q", "score", "-f", "csv"], cwd=proj)
    assert scored.exit_code == 0, scored.stderr
    assert pl.read_csv(io.StringIO(scored.stdout), infer_schema=False).height > 0


def test_every_folder_is_in_this_test() -> None:
    if not REALDATA.exists():
        pytest.skip("../shared is absent")
    assert sorted(p.name for p in REALDATA.iterdir() if p.is_dir()) == sorted(FOLDERS)


def test_salesforce_leads_and_contacts_with_their_accounts(tmp_path: Path) -> None:
    folder = realdata("fivetran-dbt_salesforce_source")
    proj, said = _init(folder, tmp_path)
    at = _absolute(folder)
    inputs = read_inputs(proj)
    assert inputs["leads"] == {
        "path": [f"{at}/sf_lead_data.csv", f"{at}/sf_contact_data.csv"],
        "source": "salesforce",
        "null_values": ["Unknown"],
        "join": [{"input": "accounts", "on": "account_id"}],
    }
    assert inputs["accounts"] == {"path": f"{at}/sf_account_data.csv", "source": "salesforce"}
    # the leads' status is the verdict sales set: the same file, read with its placeholders
    assert inputs["dispositions"] == {
        "path": f"{at}/sf_lead_data.csv",
        "source": "salesforce",
        "null_values": ["Unknown"],
    }
    assert inputs["activities"] == {
        "path": [f"{at}/sf_event_data.csv", f"{at}/sf_task_data.csv"],
        "source": "salesforce",
    }
    # the account history (every version) and the contact history are not read beside them
    assert "sf_contact_history_data" not in json.dumps(inputs)
    assert "sf_account_history_data" not in json.dumps(inputs)
    run = Run()
    project = open_project(proj)
    leads = load_input_of(run, project, None, "leads")
    assert leads is not None
    con = duckdb.connect()
    con.execute(
        f"""create view people as
            select id, null as account_id, title from '{at}/sf_lead_data.csv'
            where not coalesce(try_cast(is_deleted as boolean), false)
            union all
            select id, account_id, title from '{at}/sf_contact_data.csv'
            where not coalesce(try_cast(is_deleted as boolean), false)"""
    )
    total, matched, missing, none = con.execute(
        f"""select count(*), count(a.id),
                   count(*) filter (where p.account_id is not null and a.id is null),
                   count(*) filter (where p.account_id is null)
            from people p left join (select id from '{at}/sf_account_data.csv'
                                     where not is_deleted) a on a.id = p.account_id"""
    ).fetchall()[0]
    assert leads.frame.height == total
    assert (
        f"sf_lead_data.csv + sf_contact_data.csv: accounts joined by account_id: {matched} of "
        f"{total} leads matched; {missing} name an account not in sf_account_data.csv, {none} "
        "name none (kept)"
    ) in [m.text for m in run.messages]
    # a contact is a person sales works: its title is a lead's title, as its record has it
    titles = dict(con.execute("select id, title from people").fetchall())
    assert dict(zip(leads.frame["lead_id"], leads.frame["title"], strict=True)) == titles
    activities = load_input_of(run, project, None, "activities")
    assert activities is not None
    kinds = dict(
        con.execute(
            f"""select coalesce(event_subtype, 'Event'), count(*) from '{at}/sf_event_data.csv'
                group by 1 union all
                select coalesce(task_subtype, 'Task'), count(*) from '{at}/sf_task_data.csv'
                group by 1"""
        ).fetchall()
    )
    got = activities.frame.group_by("activity_type").len()
    assert dict(zip(got["activity_type"], got["len"], strict=True)) == kinds
    for command in (["score"], ["funnel"]):
        assert run_cli(command, cwd=proj).exit_code == 0
    assert "salesforce" in said


def test_hubspot_deals_have_their_contacts_through_the_association_table(
    tmp_path: Path,
) -> None:
    folder = realdata("fivetran-dbt_hubspot_source")
    proj, said = _init(folder, tmp_path)
    at = _absolute(folder)
    inputs = read_inputs(proj)
    assert inputs["leads"] == {"path": f"{at}/contact_data.csv", "source": "hubspot"}
    assert inputs["activities"] == {
        "path": [f"{at}/contact_form_submission_data.csv", f"{at}/email_event_data.csv"],
        "source": "hubspot",
    }
    assert inputs["opportunities"] == {
        "path": f"{at}/deal_data.csv",
        "source": "hubspot",
        "join": [
            {
                "input": "leads",
                "through": {
                    "path": f"{at}/deal_contact_data.csv",
                    "left": "deal_id",
                    "right": "contact_id",
                },
            }
        ],
    }
    # the seed has no association of contacts and companies: the companies are left out, said
    assert "accounts" not in inputs
    assert "company_data.csv: accounts, but no lead or contact names one" in said
    run = Run()
    opportunities = load_input_of(run, open_project(proj), None, "opportunities")
    assert opportunities is not None
    deals, paired = (
        duckdb.connect()
        .execute(
            f"""select count(*), count(l.contact_id) from '{at}/deal_data.csv' d
            left join (select distinct deal_id, contact_id from '{at}/deal_contact_data.csv') l
            using (deal_id) where not d.is_deleted"""
        )
        .fetchall()[0]
    )
    assert opportunities.frame.height == deals
    assert opportunities.frame["lead_id"].count() == paired
    assert any(
        m.text.startswith("deal_data.csv: leads joined by deal_contact_data.csv (deal_id -> ")
        and m.text.endswith(f"0 of {deals} opportunities matched; {deals} name none (kept)")
        for m in run.messages
    )


def test_hubspot_contacts_with_their_companies_through_an_association_table(
    tmp_path: Path,
) -> None:
    seed = realdata("fivetran-dbt_hubspot_source")
    folder = tmp_path / "hubspot"
    shutil.copytree(seed, folder)
    con = duckdb.connect()
    contacts = [r[0] for r in con.execute(f"select id from '{seed}/contact_data.csv'").fetchall()]
    companies = [r[0] for r in con.execute(f"select id from '{seed}/company_data.csv'").fetchall()]
    # HubSpot's contact_company association: most contacts paired with a company, one with
    # two, one with a company the export does not hold
    pairs = [(c, companies[i % len(companies)]) for i, c in enumerate(contacts[:15])]
    pairs += [(contacts[4], companies[5]), (contacts[16], 999)]
    lines = ["contact_id,company_id,type_id,category"]
    lines += [f"{c},{k},1,HUBSPOT_DEFINED" for c, k in pairs]
    (folder / "contact_company_data.csv").write_text("\n".join(lines) + "\n")
    proj, said = _init(folder, tmp_path)
    inputs = read_inputs(proj)
    assert inputs["leads"]["join"] == [  # type: ignore[index]
        {
            "input": "accounts",
            "through": {
                "path": "../hubspot/contact_company_data.csv",  # beside the project
                "left": "contact_id",
                "right": "company_id",
            },
        }
    ]
    assert inputs["accounts"] == {
        "path": "../hubspot/company_data.csv",
        "source": "hubspot",
    }
    run = Run()
    leads = load_input_of(run, open_project(proj), None, "leads")
    assert leads is not None
    con.execute(f"create table link as select * from '{folder}/contact_company_data.csv'")
    expected = dict(
        con.execute(
            f"""with one as (select cast(contact_id as varchar) c,
                                    min(cast(company_id as varchar)) k
                             from link group by 1)
                select one.c, a.property_industry from one
                left join '{seed}/company_data.csv' a on cast(a.id as varchar) = one.k"""
        ).fetchall()
    )
    got = dict(zip(leads.frame["lead_id"], leads.frame["account_industry"], strict=True))
    assert got == {lead: expected.get(lead) for lead in got}
    # the lead has no industry of its own: the company's is its industry
    assert leads.frame["industry"].to_list() == leads.frame["account_industry"].to_list()
    assert "contact_data.csv: 1 lead paired with more than one of accounts: the least id taken" in [
        m.text for m in run.messages
    ]
    assert "joined into the leads through" in said


def test_marketo_activity_tables_are_one_input_typed_by_table(tmp_path: Path) -> None:
    folder = realdata("fivetran-dbt_marketo_source")
    proj, _ = _init(folder, tmp_path)
    at = _absolute(folder)
    assert read_inputs(proj)["activities"] == {
        "path": f"{at}/marketo_activity_*_data.csv",
        "source": "marketo",
    }
    activities = load_input_of(Run(), open_project(proj), None, "activities")
    assert activities is not None
    # Marketo's activity type ids are named as its activity log names them; the one its
    # standard list does not hold (29, in the table of deleted leads) is the table's kind
    names = {
        "change_data_value": "Change Data Value",
        "click_email": "Click Email",
        "delete_lead": "delete_lead",
        "email_bounced": "Email Bounced",
        "email_delivered": "Email Delivered",
        "merge_leads": "Merge Leads",
        "open_email": "Open Email",
        "send_email": "Send Email",
        "unsubscribe_email": "Unsubscribe Email",
    }
    expected = {
        names[Path(f).name.removeprefix("marketo_activity_").removesuffix("_data.csv")]: n
        for f, n in duckdb.connect()
        .execute(
            f"select filename, count(*) from read_csv('{at}/marketo_activity_*_data.csv', "
            "union_by_name=true, filename=true) group by 1"
        )
        .fetchall()
    }
    got = activities.frame.group_by("activity_type").len()
    assert dict(zip(got["activity_type"], got["len"], strict=True)) == expected


def test_olist_mqls_and_their_won_deals(tmp_path: Path) -> None:
    folder = realdata("olist-marketing-funnel")
    proj, said = _init(folder, tmp_path)
    at = _absolute(folder)
    # placed by their keys: the MQLs' mql_id, the closed deals' own seller_id and their mql_id
    assert read_inputs(proj) == {
        "leads": {
            "path": f"{at}/olist_marketing_qualified_leads_dataset.csv",
            "columns": {
                "lead_id": "mql_id",
                "created_at": "first_contact_date",
                "mql_at": "first_contact_date",
            },
            "null_values": ["unknown"],
        },
        "opportunities": {
            "path": f"{at}/olist_closed_deals_dataset.csv",
            "columns": {
                "opportunity_id": "seller_id",
                "lead_id": "mql_id",
                "closed_at": "won_date",
            },
            "defaults": {"is_won": "true", "is_closed": "true"},
            "null_values": ["unknown"],
        },
    }
    funnel = run_cli(["-q", "funnel", "-f", "json"], cwd=proj)
    assert funnel.exit_code == 0, funnel.stderr
    entries = json.loads(funnel.stdout)["entries_by_period"]
    mqls, won = (
        duckdb.connect()
        .execute(
            f"""select (select count(*) from '{at}/olist_marketing_qualified_leads_dataset.csv'),
                   count(*) from '{at}/olist_closed_deals_dataset.csv' d
            join '{at}/olist_marketing_qualified_leads_dataset.csv' m using (mql_id)"""
        )
        .fetchall()[0]
    )
    assert sum(e["mql"] for e in entries) == mqls
    assert sum(e["won"] for e in entries) == won
    assert "won deals, each of the lead its mql_id names" in said


def test_dcarroll_contacts_take_their_accounts_firmographics(tmp_path: Path) -> None:
    folder = realdata("salesforce-sample-data-dcarroll")
    proj, _ = _init(folder, tmp_path)
    inputs = read_inputs(proj)
    assert inputs["leads"]["join"] == [{"input": "accounts", "on": "AccountId"}]  # type: ignore[index]
    leads = load_input_of(Run(), open_project(proj), None, "leads")
    assert leads is not None
    accounts = {
        r["attributes"]["referenceId"]: r
        for r in json.loads((folder / "Account.json").read_text())["records"]
    }
    contacts = json.loads((folder / "Contact.json").read_text())["records"]
    # a data tree export names the account as '@' and its referenceId
    expected = {
        c["attributes"]["referenceId"]: (
            accounts[c["AccountId"][1:]]["Name"],
            accounts[c["AccountId"][1:]].get("Industry"),
            accounts[c["AccountId"][1:]].get("NumberOfEmployees"),
        )
        for c in contacts
    }
    rows = leads.frame.filter(pl.col("lead_id").is_in(list(expected)))
    got = {
        r["lead_id"]: (r["company"], r["industry"], r["employees"])
        for r in rows.iter_rows(named=True)
    }
    assert got == expected


@pytest.mark.parametrize("name", ["x-education-leads", "x-education-leads-aqibjallal"])
def test_x_education_placeholders_are_empty(name: str, tmp_path: Path) -> None:
    folder = realdata(name)
    proj, _ = _init(folder, tmp_path)
    assert read_inputs(proj)["leads"] == {
        "path": f"{_absolute(folder)}/Leads.csv",
        "null_values": ["Select"],
    }
