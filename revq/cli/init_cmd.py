"""`revq init [DIR]`: scaffold a project so later commands run with no arguments."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from revq.cli.common import examples, new_run, user_errors


@examples(
    ("a new project with starter configs", "revq init acme"),
    (
        "its inputs filled from the exports at hand, by what each one holds",
        "revq init trial --exports hubspot_contacts.csv --exports dispositions.csv",
    ),
    (
        "a file placed by hand beside the exports placed by what they hold",
        "revq init pilot --exports signals.csv --table leads=hubspot_contacts.csv",
    ),
)
@user_errors
def init(
    ctx: typer.Context,
    directory: Annotated[
        Path, typer.Argument(help="Folder of the new project.", file_okay=False)
    ] = Path("."),
    exports: Annotated[
        list[Path] | None,
        typer.Option(
            "--exports",
            help="Exports to fill inputs with: files, folders or zip archives (repeatable); "
            "each goes to the table its headers, or its keys and content, say it is.",
        ),
    ] = None,
    tables: Annotated[
        list[str] | None,
        typer.Option(
            "--table",
            metavar="TABLE=FILE",
            help="Place FILE as TABLE when its headers and keys do not say what it is "
            "(repeatable): leads, contacts, accounts, activities, signals, dispositions, "
            "stage_history, opportunities.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    outcome: Annotated[
        str | None,
        typer.Option(
            "--outcome",
            metavar="COLUMN",
            help="The leads' column that says a lead converted (a yes/no, a number, a date "
            "reached), when revq does not find it: Converted, IsWon, sql_at.",
        ),
    ] = None,
    no_learn: Annotated[
        bool,
        typer.Option(
            "--no-learn",
            help="Write the scoring config from the leads' profile, not learned from history.",
        ),
    ] = False,
    keep_column: Annotated[
        list[str] | None,
        typer.Option(
            "--keep-column",
            metavar="COLUMN",
            help="A column (or an activity type) to learn from even though it looks filled in "
            "after the outcome (repeatable).",
        ),
    ] = None,
) -> None:
    """Create revq.yaml (paths of the team's exports, config files, time zone, fiscal calendar,
    output folder) and starter configs: the documented scoring, funnel and reasons examples.
    With --exports, inputs names the exports found, by the table each is (the contacts and
    accounts the leads name are joined into them; several event tables are one activities
    input), and the scoring config fits the leads: learned from their history when they hold
    an outcome (a converted or won flag, a stage date), leaving out the columns filled in
    after it, else from their profile."""
    from revq.app.init import init as scaffold
    from revq.app.starter import StarterOptions

    run = new_run(ctx)
    options = StarterOptions(outcome, not no_learn, tuple(keep_column or ()))
    result = scaffold(
        run, directory, exports=exports, force=force, tables=tables or (), starter=options
    )
    if result.inputs is None:
        run.info(f"next: put your exports where {result.project_file} says, then run revq inspect")
    else:
        # the project is the folder revq is run in, unless another was named
        here = directory.resolve() == Path.cwd().resolve()
        go = "" if here else f"cd {shlex.quote(str(directory))} && "
        run.info(f"next: {go}revq validate && revq score")
