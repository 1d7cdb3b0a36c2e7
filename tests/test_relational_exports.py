"""Relational exports: `revq init --exports` on a normalised export (leads -> contacts ->
accounts, three event tables) writes the joins, and every command reads the leads joined, every
row accounted for. Expected figures come from DuckDB SQL joins over the same files."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import polars as pl
import pytest
import yaml

from revq.app.inputs import load_input_of, open_project
from revq.app.run import Run
from tests.conftest import run_cli
from tests.relational_export import write_relational_export
from tests.test_few_values import values_hold


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The export, the project init made of it, and what init said."""
    root = tmp_path_factory.mktemp("relational")
    exports = write_relational_export(root / "exports")
    run = run_cli(["init", "proj", "--exports", "exports"], cwd=root)
    assert run.exit_code == 0, run.stderr
    return exports, root / "proj", run.stderr


def read_inputs(project: Path) -> dict[str, object]:
    """revq.yaml's inputs, a join's bare `on:` key read as revq reads it (YAML 1.1 reads it as
    the boolean true)."""

    def on(value: object) -> object:
        if isinstance(value, dict):
            return {("on" if k is True else k): on(v) for k, v in value.items()}
        if isinstance(value, list):
            return [on(v) for v in value]
        return value

    inputs = on(yaml.safe_load((project / "revq.yaml").read_text())["inputs"])
    assert isinstance(inputs, dict)
    return inputs


def _sql(exports: Path, query: str) -> list[tuple[object, ...]]:
    con = duckdb.connect()
    for name in ("leads", "contacts", "accounts", "touches", "web_sessions", "email_events"):
        path = (exports / f"{name}.csv").as_posix()
        con.execute(f"create view {name} as select * from read_csv('{path}', all_varchar=true)")
    return con.execute(query).fetchall()


def test_init_writes_the_joins_and_one_activities_input(made: tuple[Path, Path, str]) -> None:
    _, proj, said = made
    inputs = read_inputs(proj)
    at = "../exports"  # beside the project: named relative to it
    assert inputs["leads"] == {
        "path": f"{at}/leads.csv",
        "join": [
            {"input": "contacts", "on": "contact_id"},
            {"input": "accounts", "on": "account_id"},  # the contact's, joined before
        ],
    }
    assert inputs["contacts"] == {"path": f"{at}/contacts.csv"}
    assert inputs["accounts"] == {"path": f"{at}/accounts.csv"}
    activities = inputs["activities"]
    assert activities["path"] == [
        f"{at}/{n}.csv" for n in ("email_events", "touches", "web_sessions")
    ]
    # each file's own columns, by their keys and content; the sessions have no type column
    assert activities["columns"] == {
        "lead_id": ["contact_id", "lead_id"],
        "occurred_at": ["event_time", "touched_at", "started_at"],
        "activity_id": ["event_id", "touch_id", "session_id"],
        "activity_type": ["event_type", "touch_type"],
        "detail": ["landing_page"],
    }
    assert set(inputs) == {"leads", "contacts", "accounts", "activities", "dispositions"}
    assert "contacts: " in said and "joined into the leads by contact_id" in said
    # the starter rules on the title and the industry stay: the joined leads have them
    assert "turned off" not in said or "title" not in said.split("turned off")[1].split("\n")[0]
    assert run_cli(["validate"], cwd=proj).exit_code == 0


def test_the_joined_leads_are_counted_as_sql_counts_them(made: tuple[Path, Path, str]) -> None:
    exports, proj, _ = made
    run = Run()
    leads = load_input_of(run, open_project(proj), None, "leads")
    assert leads is not None
    frame = leads.frame
    # every lead kept, orphans included
    (total,) = _sql(exports, "select count(*) from leads")[0]
    assert frame.height == total
    contact = _sql(
        exports,
        """select count(*) filter (where c.contact_id is not null),
                  count(*) filter (where l.contact_id is not null and c.contact_id is null),
                  count(*) filter (where l.contact_id is null)
           from leads l left join contacts c using (contact_id)""",
    )[0]
    account = _sql(
        exports,
        """select count(*) filter (where a.account_id is not null),
                  count(*) filter (where c.account_id is not null and a.account_id is null),
                  count(*) filter (where c.account_id is null)
           from leads l left join contacts c using (contact_id)
                        left join accounts a on a.account_id = c.account_id""",
    )[0]
    infos = [m.text for m in run.messages if m.level == "info"]
    assert (
        f"leads.csv: contacts joined by contact_id: {contact[0]} of {total} leads matched; "
        f"{contact[1]} name a contact not in contacts.csv, {contact[2]} name none (kept)" in infos
    )
    assert (
        f"leads.csv: accounts joined by account_id: {account[0]} of {total} leads matched; "
        f"{account[1]} name an account not in accounts.csv, {account[2]} name none (kept)" in infos
    )
    # the first lead naming a contact that is not there is the example, with its line
    first = _sql(
        exports,
        """select l.lead_id, l.contact_id from leads l anti join contacts c using (contact_id)
           where l.contact_id is not null order by l.lead_id limit 1""",
    )[0]
    line = 1 + [r.split(",")[0] for r in (exports / "leads.csv").read_text().splitlines()].index(
        str(first[0])
    )
    assert (
        f"contacts.csv: {contact[1]} leads of leads.csv name a contact not in it "
        f"(e.g. {first[1]!r}: lead {first[0]!r}, line {line}); kept, without its columns"
    ) in run.warnings()
    # a contact's title is the lead's where the lead has none; the account's industry and size
    expected = pl.DataFrame(
        _sql(
            exports,
            """select l.lead_id, coalesce(l.title, c.title), coalesce(l.industry, a.industry),
                      cast(a.employees as bigint), a.industry, c.title
               from leads l left join contacts c using (contact_id)
                            left join accounts a on a.account_id = c.account_id
               order by l.lead_id""",
        ),
        schema=["lead_id", "title", "industry", "employees", "account_industry", "contact_title"],
        orient="row",
    )
    got = frame.select(expected.columns).sort("lead_id")
    assert got.to_dicts() == expected.to_dicts()
    values_hold(leads)  # a filled title or industry may be one no lead was exported with
    # the planted structure has leads that take their contact's title and account's industry
    (took_title, took_industry) = _sql(
        exports,
        """select count(*) filter (where l.title is null and c.title is not null),
                  count(*) filter (where l.industry is null and a.industry is not null)
           from leads l join contacts c using (contact_id)
                        left join accounts a on a.account_id = c.account_id""",
    )[0]
    assert took_title > 0 and took_industry > 0


def test_the_event_tables_are_one_activities_input(made: tuple[Path, Path, str]) -> None:
    exports, proj, _ = made
    run = Run()
    activities = load_input_of(run, open_project(proj), None, "activities")
    assert activities is not None
    # a touch is its lead's; a session or an email event is its contact's, given to each lead
    # of the contact (a contact with no lead keeps its own id); a session's type is its table
    expected = _sql(
        exports,
        """with events as (
             select lead_id key, touch_type kind from touches
             union all select contact_id, 'web_sessions' from web_sessions
             union all select contact_id, event_type from email_events)
           select coalesce(l.lead_id, e.key) lead_id, e.kind, count(*) n
           from events e left join leads l
             on l.contact_id = e.key and e.key not in (select lead_id from leads)
           group by all order by all""",
    )
    got = (
        activities.frame.group_by("lead_id", "activity_type")
        .agg(pl.len().cast(pl.Int64).alias("n"))
        .sort("lead_id", "activity_type")
    )
    assert got.rows() == [(a, b, int(c)) for a, b, c in expected]  # type: ignore[call-overload]
    values_hold(activities)
    (moved,) = _sql(
        exports,
        """select count(*) from (select contact_id from web_sessions
                                 union all select contact_id from email_events) e
           join leads l using (contact_id)""",
    )[0]
    assert any(
        m.text.endswith(
            f"{moved:,} activities of a lead's contact given to the lead (by the leads' contact_id)"
        )
        for m in run.messages
    )


def test_joined_columns_are_read_by_rules(made: tuple[Path, Path, str], tmp_path: Path) -> None:
    exports, proj, _ = made
    config = yaml.safe_load((proj / "configs" / "scoring.yaml").read_text())
    config["fit"]["rules"] = [
        {
            "name": "retail_account",
            "when": {"column": "account_industry", "equals": "Retail"},
            "points": 7,
        },
        {"name": "vp_contact", "when": {"column": "title", "contains": "VP"}, "points": 3},
    ]
    config["segments"] = []  # the enterprise segment's own fit rules would stand for these
    config.pop("scale", None)  # the starter's scale would map the fit points onto its range
    path = tmp_path / "scoring.yaml"
    path.write_text(yaml.safe_dump(config))
    scored = run_cli(
        ["-q", "score", "--config", str(path), "--as-of", "2026-11-01", "-f", "csv"], cwd=proj
    )
    assert scored.exit_code == 0, scored.stderr
    fit = pl.read_csv(io.StringIO(scored.stdout), schema_overrides={"lead_id": pl.String})
    expected = dict(
        _sql(
            exports,
            """select l.lead_id,
                      (case when a.industry = 'Retail' then 7 else 0 end)
                    + (case when coalesce(l.title, c.title) like '%VP%' then 3 else 0 end)
               from leads l left join contacts c using (contact_id)
                            left join accounts a on a.account_id = c.account_id""",
        )
    )
    got = dict(zip(fit["lead_id"], fit["fit_score"], strict=True))
    assert got == {k: float(v) for k, v in expected.items()}  # type: ignore[arg-type]
    assert {v for v in got.values()} >= {0.0, 3.0, 7.0}


def test_every_command_reads_the_joined_leads(made: tuple[Path, Path, str]) -> None:
    _, proj, _ = made
    for args in (
        ["funnel", "--as-of", "2026-11-01", "-f", "json"],
        ["audit", "rejections", "--as-of", "2026-11-01", "-f", "json"],  # its scored cuts
        ["report", "--weekly", "--as-of", "2026-10-31", "--out", "week.md"],
    ):
        run = run_cli(args, cwd=proj)
        assert "leads.csv: contacts joined by contact_id" in run.stderr, (args, run.stderr)


def test_an_id_twice_on_the_joined_side_names_both_lines(tmp_path: Path) -> None:
    exports = write_relational_export(tmp_path / "exports")
    rows = (exports / "accounts.csv").read_text().splitlines()
    again = next(r for r in rows if r.startswith("A007,"))
    (exports / "accounts.csv").write_text(
        "\n".join([*rows, again.replace("Company", "Other")]) + "\n"
    )
    first = 1 + [r.split(",")[0] for r in rows].index("A007")
    assert run_cli(["init", "proj", "--exports", "exports"], cwd=tmp_path).exit_code == 0
    for command in (["score"], ["funnel"]):
        run = run_cli(command, cwd=tmp_path / "proj")
        assert run.exit_code == 2
        assert run.stderr.splitlines()[-1] + "\n" == (
            f"revq: error: {(exports / 'accounts.csv').resolve()}:{len(rows) + 1}: column "
            f"'account_id': 'A007' also on line {first}; leads.csv is joined to one account by "
            "each account_id\n"
        )


def test_table_places_a_file_by_hand(tmp_path: Path) -> None:
    exports = write_relational_export(tmp_path / "exports")
    # a list of MQLs keyed by a code revq does not take for a person's id
    (exports / "mqls.csv").write_text(
        "mql_code,first_touch_at,channel\nM1,2026-09-01,web\nM2,2026-09-03,event\n"
    )
    alone = run_cli(["init", "alone", "--exports", "exports/mqls.csv"], cwd=tmp_path)
    assert alone.exit_code == 2
    assert "mqls.csv: not a table revq knows; its columns: mql_code, first_touch_at" in alone.stderr
    assert "--table TABLE=mqls.csv" in alone.stderr
    run = run_cli(
        [
            "init",
            "proj",
            "--exports",
            "exports/mqls.csv",
            "--table",
            "leads=exports/mqls.csv",
            "--table",
            "activities=exports/web_sessions.csv",
        ],
        cwd=tmp_path,
    )
    assert run.exit_code == 0, run.stderr
    inputs = read_inputs(tmp_path / "proj")
    at = "../exports"  # beside the project: named relative to it
    # its own id and its first time, read by its keys and content
    assert inputs["leads"] == {
        "path": f"{at}/mqls.csv",
        "columns": {"lead_id": "mql_code", "created_at": "first_touch_at"},
    }
    assert inputs["activities"]["path"] == f"{at}/web_sessions.csv"  # type: ignore[index]
    scored = run_cli(["-q", "score", "--as-of", "2026-11-01", "-f", "csv"], cwd=tmp_path / "proj")
    assert scored.exit_code == 0, scored.stderr
    assert sorted(pl.read_csv(io.StringIO(scored.stdout))["lead_id"]) == ["M1", "M2"]


@pytest.mark.parametrize(
    ("given", "error"),
    [
        ("leads", "--table 'leads': expected TABLE=FILE, e.g. leads=exports/mqls.csv"),
        (
            "deals=exports/leads.csv",
            "--table 'deals=exports/leads.csv': 'deals' is not a table; "
            "expected one of leads, contacts, accounts, activities, signals, dispositions, "
            "stage_history, opportunities",
        ),
        (
            "accounts=exports/touches.csv",
            "touches.csv: --table accounts: its columns do not hold "
            "what accounts need (account_id; name or website or industry or employees or "
            "annual_revenue); its columns: touch_id, lead_id, touched_at, channel, touch_type. Map "
            "them with load.columns in revq.yaml",
        ),
        ("leads=exports/nowhere.csv", "exports/nowhere.csv: file not found"),
    ],
)
def test_a_table_revq_cannot_place_is_one_line(given: str, error: str, tmp_path: Path) -> None:
    write_relational_export(tmp_path / "exports")
    run = run_cli(["init", "proj", "--exports", "exports", "--table", given], cwd=tmp_path)
    assert run.exit_code == 2
    assert run.stderr.count("revq: error:") == 1 and error in run.stderr, run.stderr
    assert not (tmp_path / "proj").exists()


def test_files_left_out_are_said_each_with_how_to_place_them(tmp_path: Path) -> None:
    exports = write_relational_export(tmp_path / "exports")
    (exports / "pipeline_stages.csv").write_text("stage_id,label,display_order\n1,New,1\n")
    (exports / "notes.csv").write_text("Id,Body\n1,hello\n")
    run = run_cli(["init", "proj", "--exports", "exports"], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    at = "../exports"  # beside the project: named relative to it
    warnings = [line for line in run.stderr.splitlines() if "not a table revq knows" in line]
    assert warnings == [
        f"warning: {at}/notes.csv: not a table revq knows (columns: Id, Body); left out",
        f"warning: {at}/pipeline_stages.csv: not a table revq knows (columns: stage_id, label, "
        "display_order); left out",
    ]
    assert (
        "revq places leads, contacts, accounts, activities, signals, dispositions, "
        "stage_history, opportunities; to place a file left out, name its table with "
        "--table TABLE=FILE and map its columns with load.columns" in run.stderr
    )


@pytest.mark.parametrize(
    ("join", "message"),
    [
        (
            "{input: accounts, on: account_id}",
            "inputs.leads.join[0].input: 'accounts' is not an input of this project; its "
            "inputs: leads, contacts",
        ),
        (
            "{input: contacts}",
            "inputs.leads.join[0]: expected `on` (the column naming the "
            "contacts record) or `through` (an association table)",
        ),
        (
            "{input: contacts, on: contact_ref}",
            "revq.yaml: inputs.leads.join[0].on: "
            "'contact_ref' is not a column of leads.csv or of a table joined before contacts",
        ),
    ],
)
def test_a_join_revq_yaml_gets_wrong_is_one_line(join: str, message: str, tmp_path: Path) -> None:
    exports = write_relational_export(tmp_path / "exports")
    (tmp_path / "revq.yaml").write_text(
        "version: 1\nname: t\ninputs:\n"
        f"  leads: {{path: {exports}/leads.csv, join: [{join}]}}\n"
        f"  contacts: {{path: {exports}/contacts.csv}}\n"
    )
    run = run_cli(["funnel"], cwd=tmp_path)
    assert run.exit_code == 2
    assert run.stderr.count("revq: error:") == 1 and message in run.stderr, run.stderr
