"""`revq compile`: the sample project's scoring as one query per dialect, reading the raw
exports' columns (as text, or typed as a connector writes them). Every dialect's query parses
back with sqlglot, its comments with it; DuckDB's, run on the raw sample CSVs (or on tables
with typed columns), gives the polars engine's rows; Snowflake's and BigQuery's are reviewed in
golden files (update them with REVQ_UPDATE_GOLDEN=1 and read the diff); the query opens with
what it was compiled from and a table of contents of its steps; the dbt model names its
config, sha256 and revq version, and reads its sources."""

from __future__ import annotations

import hashlib
import itertools
import os
import shlex
import shutil
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import polars as pl
import pytest

from revq import __version__
from tests.conftest import SAMPLE, run_cli

sqlglot = pytest.importorskip("sqlglot")
duckdb = pytest.importorskip("duckdb")
pytest.importorskip("ibis")

from revq.engines.contents import describe  # noqa: E402
from revq.engines.sql import UNDESCRIBED  # noqa: E402

AS_OF = "2026-10-31"
PROJECT = str(SAMPLE / "revq.yaml")
GOLDEN = Path(__file__).parent / "golden" / "compile"
UPDATE = os.environ.get("REVQ_UPDATE_GOLDEN") == "1"
SQLGLOT = {"spark": "spark", "databricks": "databricks"}
RAW = {"leads": "hubspot_contacts.csv", "activities": "activities.csv", "signals": "signals.csv"}


# The sample's columns as a connector types them: (column, SQL type) per table.
TYPED = {
    "leads": [
        ("Number of Employees", "BIGINT"),
        ("Annual Revenue", "DOUBLE"),
        ("Create Date", "TIMESTAMPTZ"),
        ("Last Activity Date", "TIMESTAMPTZ"),
        ("Became a Marketing Qualified Lead Date", "TIMESTAMPTZ"),
        ("Became a Sales Qualified Lead Date", "TIMESTAMPTZ"),
        ("Became an Opportunity Date", "TIMESTAMPTZ"),
    ],
    "activities": [("occurred_at", "TIMESTAMPTZ")],
    "signals": [("occurred_at", "TIMESTAMPTZ")],
}


@cache
def compiled(dialect: str, *options: str) -> str:
    args = ["compile", "--project", PROJECT, "--dialect", dialect, "--as-of", AS_OF, *options]
    result = run_cli(args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> pl.DataFrame:
    """The polars engine's scored sample, as `revq score` writes it."""
    out = tmp_path_factory.mktemp("scored") / "scored.parquet"
    result = run_cli(["score", "--project", PROJECT, "--as-of", AS_OF, "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    return pl.read_parquet(out)


def raw_tables(typed: dict[str, list[tuple[str, str]]] | None = None) -> duckdb.DuckDBPyConnection:
    """DuckDB with the sample's exports as the tables leads, activities and signals: every
    column text, as a CSV lands, except the `typed` ones, cast by DuckDB itself."""
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    for table, name in RAW.items():
        casts = [
            f'CAST(NULLIF(TRIM("{c}"), \'\') AS {sql_type}) AS "{c}"'
            for c, sql_type in (typed or {}).get(table, [])
        ]
        replace = f" REPLACE ({', '.join(casts)})" if casts else ""
        con.execute(
            f"create table {table} as select *{replace} from read_csv('{SAMPLE / name}', "
            "all_varchar = true, header = true, allow_quoted_nulls = false)"
        )
    return con


def run_query(con: duckdb.DuckDBPyConnection, sql: str) -> pl.DataFrame:
    got = pl.from_arrow(con.sql(sql).arrow())
    assert isinstance(got, pl.DataFrame)
    return got


def header_and_steps(sql: str) -> tuple[list[str], list[str]]:
    """The query's opening comment lines, and the step names its table of contents lists."""
    header = list(itertools.takewhile(lambda line: line.startswith("--"), sql.splitlines()))
    start = header.index("-- steps (CTEs), in the order the query computes them:")
    listed = [line.split()[1] for line in header[start + 1 :] if line.startswith("--   revq_")]
    return header, listed


@pytest.mark.parametrize(
    "dialect", ["snowflake", "bigquery", "databricks", "postgres", "duckdb", "spark"]
)
def test_every_dialect_parses_back_with_its_comments(dialect: str) -> None:
    sql = compiled(dialect)
    tree = sqlglot.parse_one(sql, read=SQLGLOT.get(dialect, dialect))
    tables = {t.name for t in tree.find_all(sqlglot.exp.Table)}
    assert {"leads", "activities", "signals"} <= tables
    ctes = [c.alias for c in tree.find_all(sqlglot.exp.CTE)]
    # The steps are named for what they do: the load's, then the scoring's.
    for step in ("revq_leads_mapped", "revq_leads_merged_by_email", "revq_activities_mapped"):
        assert step in ctes
    assert "revq_fit" in ctes
    assert not [c for c in ctes if c.startswith("t") and c[1:].isdigit()], ctes
    # The table of contents lists every step, in the query's order, each described; the
    # parsed query keeps the header and each step's opening comment.
    header, listed = header_and_steps(sql)
    assert listed == ctes
    assert not [line for line in header if UNDESCRIBED in line]
    comments = [c for node in tree.walk() for c in node.comments or []]
    assert any("revq scoring model: ../configs/scoring.yaml" in c for c in comments)
    for cte in tree.find_all(sqlglot.exp.CTE):
        opening = cte.this if not isinstance(cte.this, sqlglot.exp.SetOperation) else cte.this.this
        assert [c.strip() for c in opening.comments or []] == [describe(cte.alias)], cte.alias


def test_the_header_names_what_the_query_was_compiled_from() -> None:
    header, listed = header_and_steps(compiled("snowflake", "--typed"))
    config = SAMPLE.parent / "configs" / "scoring.yaml"
    digest = hashlib.sha256(config.read_bytes()).hexdigest()
    project = hashlib.sha256((SAMPLE / "revq.yaml").read_bytes()).hexdigest()
    assert header[:4] == [
        f"-- revq scoring model: ../configs/scoring.yaml (sha256 {digest})",
        f"-- project: revq.yaml (sha256 {project})",
        f"-- revq {__version__}; dialect snowflake; scored as of the end of {AS_OF} (UTC)",
        f"-- written by: revq compile --dialect snowflake --project {os.path.relpath(PROJECT)} "
        f"--as-of {AS_OF} --typed; do not edit: compile again",
    ]
    text = "\n".join(header)
    assert (
        "--   activities  activities (activities.csv): 5 text columns; timestamp: occurred_at"
        in text
    )
    assert "integer: Number of Employees; number: Annual Revenue; timestamp: Create Date" in (
        text.replace("\n--               ", " ")
    )
    # Each rule's points column is listed under its group's step, named after the rule.
    fit = header.index(next(line for line in header if line.startswith("--   revq_fit ")))
    points = header[fit + 1].split()
    assert points == ["--", "pts_seniority,", "pts_company_size,", "pts_company_size_small,"]
    # Typed columns are read as they are: no step parses dates from text.
    assert not [step for step in listed if "date" in step]
    assert "revq_leads_date_parts" in header_and_steps(compiled("snowflake"))[1]


def test_the_duckdb_query_on_the_raw_csvs_gives_the_polars_rows(expected: pl.DataFrame) -> None:
    got = run_query(raw_tables(), compiled("duckdb"))
    assert got.columns == expected.columns
    assert got.cast(expected.schema).equals(expected)  # type: ignore[arg-type]
    assert expected.height == 5000 and (expected["signal_score"] > 0).sum() > 100


def test_typed_columns_give_the_rows_of_the_text_path(expected: pl.DataFrame) -> None:
    """The tables as a connector types them (TIMESTAMP, NUMBER): the --typed query reads them
    as they are and scores what the polars engine scores from the CSVs."""
    con = raw_tables(TYPED)
    for table, columns in TYPED.items():  # the casts kept every value the export has
        for column, _ in columns:
            nulls = f'count(*) filter (where "{column}" is null)'
            typed = con.sql(f"select {nulls} from {table}").fetchall()
            text = con.sql(
                f'select count(*) filter (where trim("{column}") = \'\' or "{column}" is null)'
                f" from read_csv('{SAMPLE / RAW[table]}', all_varchar = true, header = true, "
                "allow_quoted_nulls = false)"
            ).fetchall()
            assert typed == text, (table, column)
    sql = compiled("duckdb", "--typed")
    assert "revq_leads_date_parts" not in sql
    got = run_query(con, sql)
    assert got.columns == expected.columns
    assert got.cast(expected.schema).equals(expected)  # type: ignore[arg-type]


def test_columns_typed_in_revq_yaml_are_read_as_they_are(
    tmp_path: Path, expected: pl.DataFrame
) -> None:
    """warehouse.tables declares a few columns' types (an id as a number, a wall-clock time);
    the rest stay text and are parsed."""
    project = _project_copy(tmp_path)
    with (project / "revq.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "warehouse:\n  tables:\n    leads:\n      name: leads\n      types:\n"
            "        Record ID: integer\n        Create Date: datetime\n"
            "        Number of Employees: number\n    activities: activities\n"
        )
    yaml = str(project / "revq.yaml")
    result = run_cli(["compile", "--project", yaml, "--dialect", "duckdb", "--as-of", AS_OF])
    assert result.exit_code == 0, result.stderr
    assert "revq_leads_date_parts" in result.stdout  # the other dates are text
    typed = {
        "leads": [
            ("Record ID", "BIGINT"),
            ("Create Date", "TIMESTAMP"),
            ("Number of Employees", "DOUBLE"),
        ]
    }
    con = raw_tables(typed)
    raw = f"read_csv('{SAMPLE / RAW['leads']}', all_varchar = true, header = true)"
    differ = con.sql(
        'select cast("Record ID" as varchar) from leads '
        f'except all select trim("Record ID") from {raw}'
    ).fetchall()
    assert differ == []  # every id reads back as the export writes it
    got = run_query(con, result.stdout)
    assert got.cast(expected.schema).equals(expected)  # type: ignore[arg-type]


def test_a_type_for_a_column_the_table_lacks_is_a_config_error(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    with (project / "revq.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "warehouse:\n  tables:\n    leads: {name: leads, types: {Created: timestamp}}\n"
        )
    result = run_cli(["compile", "--project", str(project / "revq.yaml"), "--dialect", "duckdb"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        f"revq: error: {project / 'revq.yaml'}: warehouse.tables.leads.types: no column "
        "'Created' in the leads table"
    )
    with (project / "revq.yaml").open("a", encoding="utf-8") as handle:
        handle.write("    signals: {name: signals, types: {occurred_at: instant}}\n")
    result = run_cli(["compile", "--project", str(project / "revq.yaml"), "--dialect", "duckdb"])
    assert result.exit_code == 2
    assert "warehouse.tables.signals.types.occurred_at" in result.stderr
    assert "'timestamp'" in result.stderr and "'datetime'" in result.stderr


def _project_copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    shutil.copytree(SAMPLE.parent / "configs", tmp_path / "configs")
    return project


def in_golden_form(sql: str) -> str:
    """The query as its golden file holds it: revq's version and the project's path (from
    the folder the tests run in) as placeholders, so that neither changes every golden."""
    sql = sql.replace(f"-- revq {__version__};", "-- revq VERSION;", 1)
    return sql.replace(f" --project {os.path.relpath(PROJECT)} ", " --project PROJECT ", 1)


@pytest.mark.parametrize(
    ("dialect", "options"),
    [("snowflake", ()), ("bigquery", ()), ("snowflake", ("--typed",)), ("bigquery", ("--typed",))],
)
def test_golden_query(dialect: str, options: tuple[str, ...]) -> None:
    path = GOLDEN / f"sample-{dialect}{'-typed' if options else ''}.sql"
    sql = in_golden_form(compiled(dialect, *options))
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sql, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with REVQ_UPDATE_GOLDEN=1 and review it"
    assert sql == path.read_text(encoding="utf-8"), (
        f"{dialect} query differs from {path}: if the change is meant, run the tests with "
        "REVQ_UPDATE_GOLDEN=1 and review the diff"
    )


def test_dbt_model(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    model = tmp_path / "dbt" / "models" / "revq_scored_leads.sql"
    result = run_cli(
        [
            "compile",
            "--project",
            str(project / "revq.yaml"),
            "--dialect",
            "duckdb",
            "--dbt",
            str(model),
            "--dbt-ref",
            "signals=stg_signals",
        ]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    text = model.read_text(encoding="utf-8")
    lines = text.splitlines()
    config = tmp_path / "configs" / "scoring.yaml"
    digest = hashlib.sha256(config.read_bytes()).hexdigest()
    assert lines[0] == f"-- revq scoring model: ../configs/scoring.yaml (sha256 {digest})"
    assert lines[1].startswith("-- project: revq.yaml (sha256 ")
    assert f"revq {__version__}" in lines[2]
    assert "scored as of the end of the day it runs" in lines[2]
    # the comment (what it was compiled from, the tables, the steps), then the config block
    config_line = lines.index("{{ config(materialized='table') }}")
    assert all(line.startswith("--") for line in lines[: config_line - 1])
    assert "--   revq_fit" in "\n".join(lines[:config_line])
    assert "{{ source('revq', 'leads') }}" in text
    assert "{{ source('revq', 'activities') }}" in text
    assert "{{ ref('stg_signals') }}" in text
    # Rendered as dbt renders it, the model is the plain query reading those relations.
    jinja2 = pytest.importorskip("jinja2")
    rendered = (
        jinja2.Environment()
        .from_string(text)
        .render(
            config=lambda **_: "",
            source=lambda _, name: f'"raw"."{name}"',
            ref=lambda name: f'"analytics"."{name}"',
        )
    )
    tree = sqlglot.parse_one(rendered, read="duckdb")
    tables = {(t.db, t.name) for t in tree.find_all(sqlglot.exp.Table)}
    assert {("raw", "leads"), ("raw", "activities"), ("analytics", "stg_signals")} <= tables
    assert "CURRENT_TIMESTAMP" in rendered  # scored as of the day it runs


def test_compile_errors_are_one_line() -> None:
    result = run_cli(["compile", "--project", PROJECT, "--dialect", "oracle"])
    assert result.exit_code == 2
    assert "expected one of snowflake, bigquery" in result.stderr
    result = run_cli(
        ["compile", "--project", PROJECT, "--dialect", "duckdb", "--dbt-ref", "leads=x"]
    )
    assert result.exit_code == 2
    assert "goes with --dbt" in result.stderr


def _project_without(tmp_path: Path, export: str, header: str) -> Path:
    """The sample project with one column left out of one of its exports."""
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    shutil.copytree(SAMPLE.parent / "configs", tmp_path / "configs")
    path = project / export
    pl.read_csv(path, infer_schema=False).drop(header).write_csv(path)
    return project / "revq.yaml"


@pytest.mark.parametrize(
    ("export", "header", "key", "column"),
    [
        ("hubspot_contacts.csv", "Number of Employees", "fit.rules[1].when.column", "employees"),
        ("activities.csv", "detail", "intent.events.rules[1].when.all[1].column", "detail"),
    ],
)
def test_a_column_the_config_reads_and_the_export_lacks_is_named(
    tmp_path: Path, export: str, header: str, key: str, column: str
) -> None:
    """As `revq score` names it: the config's file, line and key, the column, and the
    columns there are (not the engine's 'score with --engine polars')."""
    project = _project_without(tmp_path, export, header)
    result = run_cli(["compile", "--project", str(project), "--dialect", "snowflake"])
    assert result.exit_code == 2
    last = result.stderr.strip().splitlines()[-1]
    config = tmp_path / "configs" / "scoring.yaml"
    line = next(
        i
        for i, text in enumerate(config.read_text().splitlines(), 1)
        if f"column: {column}" in text
    )
    assert last.startswith("revq: error: "), last
    assert f"/scoring.yaml:{line}: {key}: unknown " in last, last
    assert f"column {column!r}; " in last and "--engine polars" not in last
    assert result.stdout == ""


def test_without_as_of_the_query_scores_as_of_the_end_of_the_utc_day_in_any_session() -> None:
    """No --as-of: the end of the day the query runs, in UTC, whatever the session's time
    zone (Pago Pago is 11 hours behind UTC, Kiritimati 14 ahead: one of them is always on
    another day than UTC)."""
    result = run_cli(["compile", "--project", PROJECT, "--dialect", "duckdb"])
    assert result.exit_code == 0, result.stderr
    for _ in range(2):  # once more if UTC's midnight passed between the two runs
        today = datetime.now(UTC).date().isoformat()
        dated = run_cli(["compile", "--project", PROJECT, "--dialect", "duckdb", "--as-of", today])
        assert dated.exit_code == 0, dated.stderr
        con = raw_tables()
        want = run_query(con, dated.stdout)
        got = {}
        for zone in ("Pacific/Pago_Pago", "Pacific/Kiritimati", "UTC"):
            con.execute(f"SET TimeZone = '{zone}'")
            got[zone] = run_query(con, result.stdout)
        if datetime.now(UTC).date().isoformat() == today:
            break
    for zone, rows in got.items():
        assert rows.equals(want), zone
    assert want["intent_score"].sum() >= 0  # the rows were scored, not empty
    # Every dialect writes the UTC day's end itself: no session date in any of them.
    for dialect in ("snowflake", "bigquery", "databricks", "postgres", "spark"):
        sql = run_cli(["compile", "--project", PROJECT, "--dialect", dialect]).stdout
        assert "CURRENT_DATE" not in sql.upper(), dialect
        sqlglot.parse_one(sql, read=SQLGLOT.get(dialect, dialect))


def test_the_written_by_command_writes_the_same_query_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The header's command, run from the folder the first ran in, compiles the same query:
    it names the project and the config as they were given (relative to that folder)."""
    project = _project_copy(tmp_path)
    other = tmp_path / "other.yaml"
    other.write_text(
        (tmp_path / "configs" / "scoring.yaml")
        .read_text(encoding="utf-8")
        .replace("points: 25, cap: 25", "points: 30, cap: 30")
    )
    monkeypatch.chdir(tmp_path)
    args = ["compile", "--project", str(project / "revq.yaml"), "--config", str(other)]
    first = run_cli([*args, "--dialect", "duckdb", "--as-of", AS_OF])
    assert first.exit_code == 0, first.stderr
    line = next(x for x in first.stdout.splitlines() if x.startswith("-- written by: "))
    command = shlex.split(line.removeprefix("-- written by: ").split(";")[0])
    assert command[:2] == ["revq", "compile"]
    assert "--project" in command and "--config" in command
    assert str(tmp_path) not in line  # relative: no one's home folder in a committed model
    again = run_cli(command[1:])
    assert again.exit_code == 0, again.stderr
    assert again.stdout == first.stdout
    # ... and with the other config: configs.scoring's query is another one.
    default = run_cli(["compile", "--project", str(project / "revq.yaml"), "--dialect", "duckdb"])
    assert default.exit_code == 0 and default.stdout != first.stdout
