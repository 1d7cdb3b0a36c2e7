"""Pages of the documentation site made from the code, so that they cannot drift from it: a page
for each command (its help, arguments, options and examples, from the typer app) and the
config reference (from the JSON Schemas the config models give).

mkdocs runs `on_files` (`hooks:` in mkdocs.yml) and serves the pages as if they were files
under docs/; the tests call `pages()`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

COMMANDS_DIR = "commands"
CONFIG_DIR = "reference/config"


def pages() -> dict[str, str]:
    """Every generated page: its path under docs/ -> its Markdown."""
    return {**command_pages(), **config_pages()}


def on_files(files: Any, config: Any) -> Any:
    """mkdocs hook: the generated pages join the files read from docs/."""
    from mkdocs.structure.files import File

    for path, text in pages().items():
        files.append(File.generated(config, path, content=text))
    return files


# Commands ---------------------------------------------------------------------------------


def commands() -> Iterator[tuple[list[str], Any, Any]]:
    """Every command that runs (not a group): its words, its click command and context."""
    import typer

    from revq.cli.app import full_app

    root = typer.main.get_command(full_app())
    root_ctx = typer.Context(root, info_name="revq")

    def walk(path: list[str], command: Any, parent: Any) -> Iterator[tuple[list[str], Any, Any]]:
        ctx = typer.Context(command, info_name=path[-1], parent=parent)
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in subs.items():
                yield from walk([*path, name], sub, ctx)
        else:
            yield path, command, ctx

    for name, command in root.commands.items():
        yield from walk([name], command, root_ctx)


def page_name(path: list[str]) -> str:
    return f"{COMMANDS_DIR}/{'-'.join(path)}.md"


def command_pages() -> dict[str, str]:
    return {page_name(path): command_page(path, command, ctx) for path, command, ctx in commands()}


def plain(text: str | None) -> str:
    """Help text as it reads: rich markup resolved (`\\[` is a bracket), one line for a table."""
    from rich.text import Text

    return Text.from_markup(text or "").plain


def cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def command_page(path: list[str], command: Any, ctx: Any) -> str:
    from revq.cli.common import GLOBAL_PANEL

    words = " ".join(path)
    first, *rest = plain(command.help).split("\n\n")
    lines = [f"# revq {words}", "", first, ""]
    lines += [paragraph + "\n" for paragraph in rest]
    usage = command.get_usage(ctx).removeprefix("Usage: ")
    lines += ["```text", usage, "```", ""]
    params = [p for p in command.get_params(ctx) if "--help" not in p.opts]
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name == "option"]
    if arguments:
        lines += ["## Arguments", "", "| argument | what it is |", "|---|---|"]
        for p in arguments:
            lines.append(f"| `{p.metavar}` | {cell(plain(p.help))} |")
        lines.append("")
    own = [p for p in options if getattr(p, "rich_help_panel", None) != GLOBAL_PANEL]
    shared = [p for p in options if getattr(p, "rich_help_panel", None) == GLOBAL_PANEL]
    for title, group in (
        ("Options", own),
        ("Global options (before or after the command)", shared),
    ):
        if not group:
            continue
        lines += [
            f"## {title}",
            "",
            "| option | value | default | what it does |",
            "|---|---|---|---|",
        ]
        for p in group:
            names = ", ".join(f"`{o}`" for o in (*p.opts, *p.secondary_opts))
            value = _value(p.metavar)
            lines.append(f"| {names} | {value} | {_default(p)} | {cell(plain(p.help))} |")
        lines.append("")
    examples = getattr(command.callback, "examples", ())
    if examples:
        lines += ["## Examples", "", "In the sample project (`cd sample_data`):", "", "```bash"]
        for what, line in examples:
            lines += [f"# {what}", line]
        lines += ["```", ""]
    return "\n".join(lines)


def _value(metavar: str | None) -> str:
    """What an option takes: its word, or its choices ([table|json] would split the table)."""
    if not metavar:
        return ""
    if metavar.startswith("[") and "|" in metavar:
        return "one of " + ", ".join(f"`{c}`" for c in metavar.strip("[]").split("|"))
    return f"`{metavar}`"


def _default(param: Any) -> str:
    default = param.default
    if default is None or default is False or default in ((), []):
        return ""
    return f"`{getattr(default, 'value', default)}`"


# Config reference -------------------------------------------------------------------------

KIND_NOTES = {
    "project": "The project file, `revq.yaml`: the team's exports, their load options, the "
    "config files, the calendar and the export layouts.",
    "load": "Load options: how an export is read. Under `load:` in revq.yaml (every input), "
    "under an input (that input), or in a file given with `--config` / `--load-config`.",
    "preset": "A vendor preset: the headers a CRM's export uses for each canonical column.",
    "scoring": "The scoring model: fit, intent, signals, negatives, gates, decay, the decision "
    "thresholds, routing and next actions.",
    "reasons": "The reason taxonomy of the rejection audit: canonical codes, the labels and "
    "patterns that map onto them, and which recycle.",
    "funnel": "The funnel: the stage ladder, conversions, velocity spans, the qualified stage, "
    "benchmark bands and the speed-to-lead SLA.",
}


def config_pages() -> dict[str, str]:
    from revq.app.validate import config_schema
    from revq.config.kinds import CONFIG_KINDS

    return {
        f"{CONFIG_DIR}/{kind}.md": config_page(kind, config_schema(kind)) for kind in CONFIG_KINDS
    }


def config_page(kind: str, schema: dict[str, Any]) -> str:
    lines = [f"# `{kind}` config", "", KIND_NOTES.get(kind, ""), ""]
    lines += [
        "Generated from the JSON Schema that `revq config schema "
        f"{kind}` prints (point an editor's YAML extension at it for completion). Keys in "
        "**bold** are required; any other key is an error naming the file, the line and the "
        "key.",
        "",
    ]
    if schema.get("description"):
        lines += [" ".join(schema["description"].split()), ""]
    lines += _properties(schema)
    for name, definition in sorted(schema.get("$defs", {}).items()):
        lines += [f"## {name}", ""]
        if definition.get("description"):
            lines += [" ".join(definition["description"].split()), ""]
        lines += _properties(definition)
    return "\n".join(lines)


def _properties(schema: dict[str, Any]) -> list[str]:
    props = schema.get("properties", {})
    if not props:
        return [f"A {_type(schema)}.", ""]
    required = set(schema.get("required", []))
    lines = ["| key | type | default | meaning |", "|---|---|---|---|"]
    for key, spec in props.items():
        name = f"**`{key}`**" if key in required else f"`{key}`"
        default = spec.get("default")
        shown = "" if default is None else f"`{json.dumps(default)}`"
        lines.append(
            f"| {name} | {_type(spec)} | {cell(shown)} | {cell(spec.get('description', ''))} |"
        )
    return [*lines, ""]


def _type(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in spec:
        kinds = [_type(s) for s in spec["anyOf"] if s.get("type") != "null"]
        return " or ".join(kinds)
    if "enum" in spec:
        return "one of " + ", ".join(f"`{v}`" for v in spec["enum"])
    if "const" in spec:
        return f"`{spec['const']}`"
    kind = spec.get("type")
    if kind == "array":
        return "list of " + _type(spec.get("items", {}))
    if kind == "object":
        values = spec.get("additionalProperties")
        return "mapping of " + _type(values) if isinstance(values, dict) else "mapping"
    words = {"string": "text", "integer": "integer", "number": "number", "boolean": "true or false"}
    return words.get(kind, "any") if isinstance(kind, str) else "any"
