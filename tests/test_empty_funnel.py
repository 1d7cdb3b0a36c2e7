"""A funnel that measures nothing says why in one warning, with the way out; and the stage
dates a HubSpot export does hold are read: the leads' create dates behind a property history
of other properties, and a contact property history's lifecycle stage rows (HubSpot's
internal names). Expected counts come from DuckDB on the raw files."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import duckdb
import polars as pl

import revq
from tests.conftest import realdata, run_cli

AS_OF = "2021-12-31"
CONTACTS = 12
DEALS = 5


def _stamp(day: date, hour: int = 10) -> str:
    return f"{day.isoformat()} {hour:02d}:00:00.000"


def _hubspot_sync(root: Path, history: list[tuple[int, date, str, str]]) -> Path:
    """Contacts, their property history and deals as Fivetran lands HubSpot: property_*
    columns, a long history of (contact, timestamp, name, value), deals naming no contact."""
    created = [date(2021, 1, 4) + timedelta(days=13 * i) for i in range(CONTACTS)]
    pl.DataFrame(
        {
            "_fivetran_deleted": ["FALSE"] * CONTACTS,
            "_fivetran_synced": ["2021-07-09 15:20:43"] * CONTACTS,
            "property_email": [f"c{i}@acme{i}.com" for i in range(CONTACTS)],
            "id": [str(1000 + i) for i in range(CONTACTS)],
            "property_firstname": [f"C{i}" for i in range(CONTACTS)],
            "property_createdate": [_stamp(d) for d in created],
        }
    ).write_csv(root / "contact_data.csv")
    pl.DataFrame(
        {
            "contact_id": [str(h[0]) for h in history],
            "timestamp": [_stamp(h[1], 12) for h in history],
            "_fivetran_synced": ["2021-07-09 15:20:43.786"] * len(history),
            "source": ["CRM_UI"] * len(history),
            "name": [h[2] for h in history],
            "value": [h[3] for h in history],
            "source_id": [""] * len(history),
        }
    ).write_csv(root / "contact_property_history_data.csv")
    pl.DataFrame(
        {
            "deal_id": [str(9000 + i) for i in range(DEALS)],
            "is_deleted": ["false"] * DEALS,
            "deal_pipeline_id": [""] * DEALS,
            "deal_pipeline_stage_id": [""] * DEALS,
            "property_dealname": [f"deal {i}" for i in range(DEALS)],
            "property_amount": [""] * DEALS,
            "property_closedate": [""] * DEALS,
            "property_createdate": [
                _stamp(date(2021, 3, 1) + timedelta(days=9 * i)) for i in range(DEALS)
            ],
        }
    ).write_csv(root / "deal_data.csv")
    (root / "revq.yaml").write_text(
        "version: 1\nname: hubspot sync\ninputs:\n"
        "  leads: {path: contact_data.csv, source: hubspot}\n"
        "  stage_history: {path: contact_property_history_data.csv, source: hubspot}\n"
        "  opportunities: {path: deal_data.csv, source: hubspot}\n",
        encoding="utf-8",
    )
    return root


# A seed's history: every property name hashed, none the lifecycle stage.
HASHED = [
    (1000 + i % CONTACTS, date(2021, 2, 1) + timedelta(days=i), f"qX2fhW9G{i % 3}bEQn==", "x")
    for i in range(8)
]


def _rows(sql: str) -> dict[str, int]:
    """Two-column query results as a dict, on a connection of its own (the module's default
    one is shared with every other test in the process)."""
    return dict(duckdb.connect().execute(sql).fetchall())


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning: ")]


def _lead_entries(report: dict[str, object]) -> dict[str, int]:
    rows = report["entries_by_period"]
    assert isinstance(rows, list)
    return {r["period"][:7]: r["lead"] for r in rows if r["lead"]}


def test_a_history_of_other_properties_leaves_the_funnel_to_the_create_dates_and_says_why(
    tmp_path: Path,
) -> None:
    project = _hubspot_sync(tmp_path, HASHED)
    result = run_cli(["funnel", "--as-of", AS_OF], cwd=project)
    assert result.exit_code == 0, result.stderr
    assert (
        "contact_property_history_data.csv: no stage entry; the funnel reads the stage dates "
        "of contact_data.csv (created_at)"
    ) in result.stderr
    assert _warnings(result.stderr) == [
        f"warning: the funnel measures nothing: by {AS_OF} its {CONTACTS} leads reached only "
        "the lead stage; contact_property_history_data.csv holds no stage change (its "
        f"{len(HASHED)} rows are of other properties than load.stage_properties), "
        "contact_data.csv dates only creation (no mql_at, sql_at, opportunity_at or "
        f"customer_at column) and deal_data.csv's {DEALS} opportunities name no lead; map the "
        "leads' stage dates with load.columns, or give a stage history "
        "(inputs.stage_history in revq.yaml; --history for revq funnel) or opportunities that "
        "name their lead"
    ]
    assert "next: revq report" not in result.stderr  # a report of it would have no figure
    # the create dates are read: leads entered by month, as DuckDB counts them
    got = json.loads(run_cli(["-q", "funnel", "--as-of", AS_OF, "-f", "json"], cwd=project).stdout)
    want = _rows(
        "select strftime(date_trunc('month', property_createdate::timestamp), '%Y-%m'), "
        f"count(*) from read_csv('{project / 'contact_data.csv'}', all_varchar = true) "
        "group by 1"
    )
    assert _lead_entries(got) == want and sum(want.values()) == CONTACTS
    # the API says the same
    funnel = revq.Project.open(project).funnel(as_of=AS_OF)
    assert funnel.measured is False
    assert [w for w in funnel.warnings if w.startswith("the funnel measures nothing")] == [
        _warnings(result.stderr)[0].removeprefix("warning: ")
    ]


def test_the_history_alone_is_an_error_naming_what_it_holds(tmp_path: Path) -> None:
    project = _hubspot_sync(tmp_path, HASHED)
    history = str(project / "contact_property_history_data.csv")
    result = run_cli(["funnel", history, "--as-of", AS_OF], cwd=tmp_path.parent)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "revq: error: contact_property_history_data.csv holds no stage change (its "
        f"{len(HASHED)} rows are of other properties than load.stage_properties): name the "
        "property that holds the stage in load.stage_properties, or pass leads with stage "
        "dates (--leads)"
    )


# HubSpot's internal lifecycle names, as a contact property history holds them.
LIFECYCLE = [
    (1000, date(2021, 1, 6), "lifecyclestage", "subscriber"),
    (1000, date(2021, 1, 9), "lifecyclestage", "marketingqualifiedlead"),
    (1000, date(2021, 2, 2), "lifecyclestage", "salesqualifiedlead"),
    (1001, date(2021, 1, 20), "lifecyclestage", "marketingqualifiedlead"),
    (1002, date(2021, 2, 3), "lifecyclestage", "lead"),
    (1002, date(2021, 2, 5), "lifecyclestage", "marketingqualifiedlead"),
    (1002, date(2021, 3, 8), "lifecyclestage", "salesqualifiedlead"),
    (1002, date(2021, 4, 1), "lifecyclestage", "opportunity"),
    (1003, date(2021, 3, 2), "lifecyclestage", "marketingqualifiedlead"),
    (1003, date(2021, 3, 2), "firstname", "Ann"),
]


def test_lifecycle_stage_rows_of_a_property_history_are_read(tmp_path: Path) -> None:
    project = _hubspot_sync(tmp_path, LIFECYCLE)
    result = run_cli(["funnel", "--as-of", AS_OF, "-f", "json"], cwd=project)
    assert result.exit_code == 0, result.stderr
    assert "not mapped to a canonical stage" not in result.stderr
    assert not any("measures nothing" in x for x in _warnings(result.stderr))
    report = json.loads(result.stdout)
    stage = (
        "case value when 'marketingqualifiedlead' then 'mql' when 'salesqualifiedlead' then "
        "'sql' when 'opportunity' then 'opportunity' else 'lead' end"
    )
    firsts = (
        f"select contact_id, {stage} stage, min(timestamp::timestamp) entered "
        f"from read_csv('{project / 'contact_property_history_data.csv'}', all_varchar = true)"
        " where name = 'lifecyclestage' group by all"
    )
    for ladder_stage in ("mql", "sql"):
        want = _rows(
            f"select strftime(date_trunc('month', entered), '%Y-%m'), count(*) from ({firsts}) "
            f"where stage = '{ladder_stage}' group by 1"
        )
        got = {
            r["period"][:7]: r[ladder_stage] for r in report["entries_by_period"] if r[ladder_stage]
        }
        assert got == want and want
    assert report["conversions"]  # figures, not headers
    assert revq.Project.open(project).funnel(as_of=AS_OF).measured is True


def test_hubspot_seed_funnel_says_why_it_is_empty(tmp_path: Path) -> None:
    folder = realdata("fivetran-dbt_hubspot_source")
    made = run_cli(["init", str(tmp_path / "hs"), "--exports", str(folder)], cwd=tmp_path)
    assert made.exit_code == 0, made.stderr
    project = tmp_path / "hs"
    result = run_cli(["funnel", "--as-of", "2021-12-31"], cwd=project)
    assert result.exit_code == 0, result.stderr
    (line,) = [x for x in _warnings(result.stderr) if "measures nothing" in x]
    assert "contact_property_history_data.csv holds no stage change (its 100 rows are of " in line
    assert "contact_data.csv dates only creation" in line
    assert "deal_data.csv's 44 opportunities name no lead" in line
    # its contacts' create dates are read: 22 rows less the 3 merged into another contact,
    # which is created when the first of its records was
    contacts = folder / "contact_data.csv"
    want = _rows(
        "with c as (select * from read_csv("
        f"'{contacts}', all_varchar = true)), merged as (select split_part(unnest("
        "string_split(property_hs_calculated_merged_vids, ';')), ':', 1) id, id kept from c), "
        "people as (select coalesce(m.kept, c.id) person, "
        "min(property_createdate::timestamp) created from c left join merged m on c.id = m.id "
        "group by 1) "
        "select strftime(date_trunc('month', created), '%Y-%m'), count(*) from people group by 1"
    )
    got = json.loads(
        run_cli(["-q", "funnel", "--as-of", "2021-12-31", "-f", "json"], cwd=project).stdout
    )
    assert _lead_entries(got) == want and sum(want.values()) == 19


def test_hubspot_seed_funnel_before_its_data_is_an_error(tmp_path: Path) -> None:
    folder = realdata("fivetran-dbt_hubspot_source")
    run_cli(["init", str(tmp_path / "hs"), "--exports", str(folder)], cwd=tmp_path)
    result = run_cli(["funnel", "--as-of", "2019-01-01"], cwd=tmp_path / "hs")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(
        "revq: error: no lead or opportunity by 2019-01-01: the exports begin on 2019-10-07 "
        "(contact_data.csv covers 2020-05-22..2021-04-02, deal_data.csv 2019-10-07..2021-01-15)"
    )
