"""`revq compile`: the scoring as one SQL query for a warehouse, or as a dbt model."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from revq.cli.common import (
    AsOfOpt,
    ConfigOpt,
    ProjectOpt,
    emit_text,
    examples,
    new_run,
    project_of,
    user_errors,
)
from revq.errors import RevqError

# The dialects, named here so that --help does not import the engines.
DIALECT_NAMES = "snowflake, bigquery, databricks, postgres, duckdb, spark"


@examples(
    (
        "the scoring as one Snowflake query, as of a day",
        "revq compile --dialect snowflake --as-of 2026-10-31",
    ),
    (
        "the same, reading typed columns as Fivetran writes them",
        "revq compile --dialect snowflake --as-of 2026-10-31 --typed",
    ),
    (
        "a dbt model that scores as of the day it runs",
        "revq compile --dialect bigquery --dbt models/revq_scored_leads.sql",
    ),
)
@user_errors
def compile_command(
    ctx: typer.Context,
    dialect: Annotated[
        str,
        typer.Option("--dialect", metavar="DIALECT", help=f"SQL dialect: {DIALECT_NAMES}."),
    ],
    as_of: AsOfOpt = None,
    config: ConfigOpt = None,
    dbt: Annotated[
        Path | None,
        typer.Option(
            "--dbt",
            dir_okay=False,
            help="Write a dbt model here (the query's comment: the scoring config, its sha256, "
            "revq's version, the steps; the config block; the query reading "
            "{{ source('revq', ...) }}) instead of printing the query.",
        ),
    ] = None,
    dbt_ref: Annotated[
        list[str] | None,
        typer.Option(
            "--dbt-ref",
            metavar="INPUT=MODEL",
            help="In the dbt model, read an input from a model of the project "
            "({{ ref('MODEL') }}) rather than a source: leads=stg_hubspot_contacts.",
        ),
    ] = None,
    typed: Annotated[
        bool,
        typer.Option(
            "--typed",
            help="The tables' date, number and true/false columns are typed (TIMESTAMP, "
            "NUMBER, BOOLEAN, as a connector such as Fivetran's writes them): read as they "
            "are, not parsed from text. A table of warehouse.tables in revq.yaml can declare "
            "its columns' types instead (types: {CREATEDATE: timestamp}).",
        ),
    ] = False,
    project_file: ProjectOpt = None,
) -> None:
    """The scoring as one SQL query: it reads the tables warehouse.tables names in revq.yaml
    (default: leads, activities, signals) with their columns as the exports have them (text,
    unless declared typed), maps them inside the query as revq's loader does, and scores
    them. A comment opens the query: the config and its sha256, revq's version, the as-of,
    the tables read, and each step (CTE) with what it computes. Without --as-of it scores as
    of the end of the day it runs (UTC)."""
    from revq.engines.errors import require_ibis

    require_ibis()
    from revq.app.compile import compile_query
    from revq.app.inputs import parse_as_of

    refs: dict[str, str] = {}
    for given in dbt_ref or []:
        name, sep, model = given.partition("=")
        if not sep or not model:
            raise RevqError(f"--dbt-ref {given!r}: expected INPUT=MODEL, e.g. leads=stg_contacts")
        refs[name] = model
    if refs and dbt is None:
        raise RevqError("--dbt-ref names the dbt model's inputs: it goes with --dbt")
    run = new_run(ctx)
    result = compile_query(
        run,
        project_of(project_file),
        dialect=dialect,
        as_of=parse_as_of(as_of) if as_of is not None else None,
        config=config,
        dbt=dbt,
        dbt_refs=refs,
        project_file=project_file,
        typed=typed,
    )
    if dbt is None:
        emit_text(run, result.sql + "\n", None)
