"""JSON exports: Salesforce API answers and tree exports, arrays of records, JSON Lines."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from revq.config.models import LoadOptions
from revq.io.load import load_related, load_table
from tests.conftest import ROOT, SAMPLE, realdata, run_cli

API_ANSWER = {
    "totalSize": 3,
    "done": True,
    "records": [
        {
            "attributes": {"type": "Lead", "url": "/services/data/v60.0/sobjects/Lead/00Q1"},
            "Id": "00Q1",
            "Email": "ann@acme.com",
            "LeadSource": "Web",
            "NumberOfEmployees": 250,
            "IsConverted": False,
            "Owner": {"attributes": {"type": "User"}, "Name": "Kim Lee"},
            "Tags": ["a", "b"],
        },
        {
            "attributes": {"type": "Lead", "url": "/services/data/v60.0/sobjects/Lead/00Q2"},
            "Id": "00Q2",
            "Email": "bo@beta.io",
            "LeadSource": None,
            "NumberOfEmployees": None,
            "IsConverted": True,
            "Owner": None,
            "Tags": [],
        },
        {
            "attributes": {"type": "Lead", "url": "/services/data/v60.0/sobjects/Lead/00Q3"},
            "Id": "00Q3",
            "Email": "cy@gamma.org",
            "LeadSource": "Phone Inquiry",
            "NumberOfEmployees": 12,
            "IsConverted": False,
            "Owner": {"attributes": {"type": "User"}, "Name": "Sam Ortiz"},
            "Tags": ["c"],
        },
    ],
}


def test_an_api_answer_loads_with_dotted_columns(tmp_path: Path) -> None:
    path = tmp_path / "leads.json"
    path.write_text(json.dumps(API_ANSWER, indent=2))
    r = load_table(path, table="leads")
    assert r.vendor == "salesforce" and r.encoding == "json"
    assert r.accounting.rows_read == 3 and r.accounting.rows_loaded == 3
    assert "Owner.Name" in r.headers and "attributes.url" in r.headers
    assert r.mapping["lead_id"] == "Id" and r.mapping["employees"] == "NumberOfEmployees"
    rows = {row["lead_id"]: row for row in r.frame.iter_rows(named=True)}
    assert rows["00Q1"]["employees"] == 250 and rows["00Q2"]["employees"] is None
    assert rows["00Q2"]["is_converted"] is True
    assert r.mapping["owner"] == "Owner.Name"
    assert rows["00Q1"]["owner"] == "Kim Lee" and rows["00Q2"]["owner"] is None
    assert rows["00Q1"]["Tags"] == "a; b" and rows["00Q3"]["Tags"] == "c"
    assert path.read_text() == json.dumps(API_ANSWER, indent=2)  # the input is untouched


def test_the_salesforce_cli_answer_unwraps_to_the_same_records(tmp_path: Path) -> None:
    # `sf data query --json` puts the API's answer one level down, under "result"
    cli = {"status": 0, "result": API_ANSWER, "warnings": []}
    (tmp_path / "cli.json").write_text(json.dumps(cli))
    (tmp_path / "api.json").write_text(json.dumps(API_ANSWER))
    via_cli = load_table(tmp_path / "cli.json", table="leads")
    via_api = load_table(tmp_path / "api.json", table="leads")
    assert via_cli.vendor == "salesforce" and via_cli.accounting.rows_loaded == 3
    assert via_cli.frame.equals(via_api.frame)
    # a lone record with an object named like a wrapper is a record, not a wrapper
    (tmp_path / "one.json").write_text(json.dumps([{"Id": "1", "result": {"code": "ok"}}]))
    one = load_table(tmp_path / "one.json", require_table=False)
    assert one.accounting.rows_read == 1 and "result.code" in one.headers


def test_an_array_of_records_and_json_lines_load_alike(tmp_path: Path) -> None:
    records = [
        {"email": "a@b.com", "firstname": "Ann", "numberofemployees": "40"},
        {"email": "c@d.com", "firstname": "Cy", "numberofemployees": 7},
    ]
    (tmp_path / "a.json").write_text(json.dumps(records))
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    a = load_table(tmp_path / "a.json", table="leads")
    b = load_table(tmp_path / "b.jsonl", table="leads")
    assert a.frame.drop("_line").equals(b.frame.drop("_line"))
    assert a.frame["email"].to_list() == ["a@b.com", "c@d.com"]


def test_marketo_and_pardot_answers_unwrap(tmp_path: Path) -> None:
    marketo = {
        "requestId": "e42b#14272d07d78",
        "result": [
            {"id": 318581, "email": "ann@acme.example", "firstName": "Ann", "leadScore": 40},
            {"id": 318592, "email": "bo@beta.example", "firstName": "Bo", "leadScore": None},
        ],
        "success": True,
        "moreResult": False,
    }
    pardot = {
        "values": [{"id": 7, "email": "cy@gamma.example", "score": 12}],
        "nextPageToken": None,
    }
    (tmp_path / "marketo.json").write_text(json.dumps(marketo))
    (tmp_path / "pardot.json").write_text(json.dumps(pardot))
    m = load_table(tmp_path / "marketo.json", table="leads")
    assert m.accounting.rows_loaded == 2 and m.headers == ["id", "email", "firstName", "leadScore"]
    assert m.frame["lead_id"].to_list() == ["318581", "318592"]
    p = load_table(tmp_path / "pardot.json", table="leads")
    assert p.accounting.rows_loaded == 1 and p.frame["email"].to_list() == ["cy@gamma.example"]


def test_marketo_activity_attributes_become_columns(tmp_path: Path) -> None:
    def act(i: int, lead: int, attrs: list[dict[str, str]]) -> dict[str, object]:
        return {
            "id": i,
            "leadId": lead,
            "activityDate": f"2026-10-0{i}T12:00:00Z",
            "activityTypeId": 1,
            "primaryAttributeValue": "page",
            "attributes": attrs,
        }

    answer = {
        "result": [
            act(1, 7, [{"name": "Webpage URL", "value": "/pricing"}, {"name": "IP", "value": "1"}]),
            act(2, 8, []),
            act(3, 7, [{"name": "Webpage URL", "value": "/blog"}]),
        ],
        "success": True,
    }
    (tmp_path / "activities.json").write_text(json.dumps(answer))
    r = load_table(tmp_path / "activities.json")
    assert (r.vendor, r.table) == ("marketo", "activities")
    assert r.headers[-2:] == ["attributes.IP", "attributes.Webpage URL"]  # by name, at the end
    assert r.frame["attributes.Webpage URL"].to_list() == ["/pricing", None, "/blog"]
    assert r.frame["attributes.IP"].to_list() == ["1", None, None]
    assert r.frame["lead_id"].to_list() == ["7", "8", "7"] and not r.warnings


def test_json_lines_rejects_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "leads.jsonl"
    path.write_text(
        '{"email": "a@b.com", "employees": "12"}\n'
        "\n"
        '{"email": "c@d.io", "employees": "many"}\n'
        '{"email": "e@f.io", "employees": 3}\n'
    )
    r = load_table(path, LoadOptions(columns={"employees": "employees"}), table="leads")
    assert r.accounting.rows_loaded == 2 and r.accounting.rows_rejected == 1
    assert r.rejects.select("line", "column", "raw_value").rows() == [(3, "employees", "many")]


def test_nested_lists_are_left_out_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "accounts.json"
    path.write_text(
        json.dumps(
            [
                {"Name": "Acme", "Contacts": {"records": [{"Email": "a@acme.com"}]}},
                {"Name": "Beta", "Contacts": {"records": [{"Email": "b@beta.io"}]}},
            ]
        )
    )
    r = load_table(path, require_table=False)
    assert r.headers == ["Name"]
    assert any("left out related lists 'Contacts'" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.json", '[{"a": 1},\n {"a": 2,}\n]', "bad.json:2: invalid JSON at character 10"),
        ("bad.jsonl", '{"a": 1}\n\n{"a": x}\n', "bad.jsonl:3: invalid JSON at character 7"),
        ("empty.json", "[]", "empty.json: holds no records"),
        ("scalar.json", "5", "expected a JSON array of records, or an object with 'records'"),
        ("list.jsonl", '{"a": 1}\n[1, 2]\n', "list.jsonl:2: expected one JSON object per line"),
        ("arrays.json", "[[1, 2], [3, 4]]", "item 1 is not one"),
        ("mixed.json", '[{"a": 1}, {"a": {"b": 2}}]', "mixed.json:2: field 'a' holds an object"),
        ("no_records.json", '{"records": []}', "no_records.json: holds no records"),
        ("only_lists.json", '[{"a": [{"x": 1}]}]', "no field holds one value per record"),
    ],
)
def test_bad_json_is_one_line_and_exit_2(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    (tmp_path / name).write_text(text)
    result = run_cli(["inspect", name], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1].startswith("revq: error: ")
    assert message in result.stderr and "Traceback" not in result.stderr


def test_salesforce_tree_export_json_loads() -> None:
    folder = realdata("salesforce-sample-data-dcarroll")
    expected = {"Lead.json": ("leads", 10), "Contact.json": ("leads", 10)}
    expected["Opportunity.json"] = ("opportunities", 9)  # its totalSize says 10
    for name, (table, rows) in expected.items():
        r = load_table(folder / name)
        assert (r.table, r.accounting.rows_loaded, r.accounting.rows_rejected) == (table, rows, 0)
        key = "lead_id" if table == "leads" else "opportunity_id"
        assert r.mapping[key] == "attributes.referenceId"
        assert r.frame[key].str.starts_with("ref").all() and r.frame[key].n_unique() == rows
    opps = load_table(folder / "Opportunity.json").frame
    assert opps["amount"].null_count() < opps.height and opps["closed_at"].null_count() == 0
    # no Won or Closed field: the stage names tell (8 "Closed Won", 1 "Perception Analysis")
    assert opps["is_won"].sum() == 8 and opps["is_closed"].sum() == 8


def test_the_sample_project_as_json_scores_and_funnels_alike(tmp_path: Path) -> None:
    for name in ("hubspot_contacts", "activities", "signals", "dispositions", "stage_history"):
        frame = pl.read_csv(SAMPLE / f"{name}.csv", infer_schema=False)
        frame.write_json(tmp_path / f"{name}.json")
    opps = pl.read_csv(SAMPLE / "opportunities.csv", infer_schema=False)
    opps.write_ndjson(tmp_path / "opportunities.jsonl")  # and one input as JSON Lines
    project = (SAMPLE / "revq.yaml").read_text().replace("../configs", str(ROOT / "configs"))
    project = project.replace(".csv", ".json").replace("opportunities.json", "opportunities.jsonl")
    (tmp_path / "revq.yaml").write_text(project)
    for args in (["score", "-f", "csv"], ["funnel", "-f", "json"]):
        as_json = run_cli(["-q", *args, "--as-of", "2026-10-31"], cwd=tmp_path)
        as_csv = run_cli(["-q", *args, "--as-of", "2026-10-31"], cwd=SAMPLE)
        assert as_json.exit_code == 0, as_json.stderr
        assert as_json.stdout == as_csv.stdout


def _leads_with_tasks() -> dict[str, Any]:
    """A `sf data query --json` answer: leads with a Tasks sub-query (none for the third)."""
    tasks = {
        "00Q1": [("00T1", "Call", "2026-10-10"), ("00T2", "Email", "2026-10-20")],
        "00Q2": [("00T3", "Call", "2026-09-01")],
        "00Q3": [],
    }
    records = []
    for lead, rows in tasks.items():
        sub = [
            {"attributes": {"type": "Task"}, "Id": t, "TaskSubtype": kind, "ActivityDate": day}
            for t, kind, day in rows
        ]
        records.append(
            {
                "attributes": {"type": "Lead"},
                "Id": lead,
                "Email": f"{lead.lower()}@acme.com",
                "Company": "Acme",
                "Tasks": {"totalSize": len(sub), "done": True, "records": sub} if sub else None,
            }
        )
    return {"status": 0, "result": {"totalSize": 3, "done": True, "records": records}}


def test_a_sub_query_loads_as_activities_of_its_leads(tmp_path: Path) -> None:
    path = tmp_path / "leads.json"
    path.write_text(json.dumps(_leads_with_tasks()))
    leads = load_table(path)
    assert leads.accounting.rows_loaded == 3 and "Tasks.records" not in leads.frame.columns
    assert any("related list 'Tasks': 3 activities" in w for w in leads.warnings)
    acts = load_related(leads, "Tasks", table="activities")
    assert acts is not None and acts.table == "activities"
    assert acts.accounting.rows_loaded == 3
    got = sorted(acts.frame.select("lead_id", "activity_id", "activity_type").rows())
    assert got == [("00Q1", "00T1", "Call"), ("00Q1", "00T2", "Email"), ("00Q2", "00T3", "Call")]


def test_scoring_a_sub_query_equals_scoring_the_same_tasks_as_a_file(tmp_path: Path) -> None:
    (tmp_path / "leads.json").write_text(json.dumps(_leads_with_tasks()))
    flat = "Id,WhoId,TaskSubtype,ActivityDate\n00T1,00Q1,Call,2026-10-10\n"
    flat += "00T2,00Q1,Email,2026-10-20\n00T3,00Q2,Call,2026-09-01\n"
    (tmp_path / "tasks.csv").write_text(flat)
    (tmp_path / "s.yaml").write_text(
        "intent:\n  events:\n    half_life_days: 30\n    rules:\n"
        "      - {name: call, when: {column: activity_type, equals: Call}, points: 10}\n"
        "      - {name: email, when: {column: activity_type, equals: Email}, points: 4}\n"
    )
    args = ["score", "leads.json", "--config", "s.yaml", "--as-of", "2026-10-31", "-f", "csv"]
    nested = run_cli(args, cwd=tmp_path)
    from_file = run_cli([*args, "--activities", "tasks.csv"], cwd=tmp_path)
    assert nested.exit_code == 0 and from_file.exit_code == 0, nested.stderr
    assert nested.stdout == from_file.stdout
    assert "leads.json[Tasks]: salesforce activities: read 3 rows = 3 loaded" in nested.stderr
    # given an activities export, the sub-query is not read
    assert "leads.json[Tasks]" not in from_file.stderr
    intent = {
        r[0]: r[1]
        for r in pl.read_csv(io.StringIO(nested.stdout)).select("lead_id", "intent_score").rows()
    }
    assert intent["00Q3"] == 0 and intent["00Q1"] > intent["00Q2"] > 0


def test_related_lists_of_other_tables_and_lists_of_lists(tmp_path: Path) -> None:
    accounts = [{"Id": "001", "Name": "Acme", "Contacts": {"records": [{"Id": "003"}]}}]
    (tmp_path / "accounts.json").write_text(json.dumps(accounts))
    r = load_table(tmp_path / "accounts.json", require_table=False)
    assert r.accounting.rows_loaded == 1 and "Contacts.records" not in r.frame.columns
    records = [{"Id": "1", "Email": "a@x.com", "grid": [[1, 2], [3]]}]
    (tmp_path / "grid.json").write_text(json.dumps(records))
    g = load_table(tmp_path / "grid.json")
    assert any("left out 'grid'" in w for w in g.warnings) and not g.related


def test_a_leads_related_list_that_is_not_activities_is_left_out(tmp_path: Path) -> None:
    # HubSpot's contacts with their associated companies: records, but not activities
    answer = {
        "results": [
            {
                "id": "51",
                "properties": {
                    "createdate": "2026-03-05T14:22:10.315Z",
                    "email": "a@acme.com",
                    "hs_object_id": "51",
                    "lifecyclestage": "lead",
                },
                "associations": {"companies": {"results": [{"id": "9", "type": "primary"}]}},
            }
        ]
    }
    (tmp_path / "contacts.json").write_text(json.dumps(answer))
    r = load_table(tmp_path / "contacts.json")
    assert r.table == "leads" and not r.related
    assert any(
        "left out related list 'associations.companies': its records are not activities" in w
        for w in r.warnings
    )
