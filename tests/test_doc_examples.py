"""The README and the documentation still say what revq prints, and the site holds every page.

Each `$ revq ...` (or `$ cd sample_data && revq ...`) in a ```console block of the README or of
a page under docs/ is run; every line shown after it must be in what it printed, except table
rows drawn by hand (a leading single space) and lines standing for the rest (`...`): for a line
cut short with `...`, the part before must be. Blocks showing errors of a broken config are
illustrations of a file the reader does not have, and are not run. A `cd sample_data` holds for
the rest of its page, as it would in the reader's shell. (The examples on the
command pages are each command's help examples, run by tests/test_cli_conventions.py.)"""

from __future__ import annotations

import importlib.util
import re
import shlex
from types import ModuleType
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, SAMPLE, run_cli

DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]
BOX = re.compile("[│┃┏┓┗┛┡┩┣┫╇╈┳┻━─┌┐└┘├┤┬┴┼]")


def examples() -> list[tuple[str, str, list[str]]]:
    """(page, command, the lines shown after it) for every console example."""
    out = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        in_sample = False  # a `cd sample_data` holds for the rest of the page, as in a shell
        for block in re.findall(r"```console\n(.*?)```", text, re.S):
            if "revq: error:" in block:
                continue
            for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
                command, *shown = chunk.rstrip("\n").split("\n")
                in_sample = in_sample or command.startswith("cd sample_data && ")
                if in_sample and not command.startswith("cd "):
                    command = "cd sample_data && " + command
                out.append((str(page.relative_to(ROOT)), command, shown))
    return out


def squash(text: str) -> str:
    return " ".join(BOX.sub(" ", text).split())


@pytest.mark.parametrize(
    ("page", "command", "shown"), examples(), ids=lambda v: str(v)[:60] if v else "-"
)
def test_console_example(page: str, command: str, shown: list[str]) -> None:
    cwd = ROOT
    if command.startswith("cd sample_data && "):
        cwd, command = SAMPLE, command.removeprefix("cd sample_data && ")
    command, _, pipe = command.partition(" | ")
    args = shlex.split(command)
    assert args[0] == "revq", f"{page}: {command}"
    result = run_cli(args[1:], cwd=cwd)
    assert result.exit_code == 0, result.stderr
    printed = result.stdout
    if pipe:
        head = re.fullmatch(r"head -(\d+)", pipe)
        assert head, pipe
        printed = "\n".join(printed.splitlines()[: int(head.group(1))])
    said = [squash(line) for line in (printed + "\n" + result.stderr).splitlines()]
    for line in shown:
        if (line.startswith(" ") and not line.startswith("  ")) or not line.strip(". "):
            continue  # a table drawn by hand, or "..."
        want = squash(line.split("...")[0]) if "..." in line else squash(line)
        assert any(want in s for s in said), f"{page}: {line!r} is not in `{command}`'s output"


def test_the_examples_are_found() -> None:
    found = examples()
    pages = {page for page, _, _ in found}
    assert {"README.md", "docs/getting-started.md", "docs/index.md"} <= pages
    commands = " ".join(command for _, command, _ in found)
    for name in ("score", "explain", "audit rejections", "funnel", "report"):
        assert f"revq {name}" in commands


def test_the_readme_is_a_front_door() -> None:
    """What revq is for, the quick start, a tour and links; the reference lives in docs/."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 160
    assert ".venv/bin/revq score --project sample_data/revq.yaml --as-of 2026-10-31" in readme
    assert ".venv/bin/python -m pytest" in readme
    for link in re.findall(r"\]\((docs/[^)#]+)", readme):
        assert (ROOT / link).exists(), link


def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "scripts" / "docs_hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def nav_pages(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [p for item in nav for p in nav_pages(item)]
    return [p for value in nav.values() for p in nav_pages(value)]


def test_every_page_is_in_the_site_and_every_entry_is_a_page() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    listed = nav_pages(config["nav"])
    generated = set(hooks().pages())
    written = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    assert not generated & written, "a generated page would hide a written one"
    assert sorted(listed) == sorted(generated | written)


def test_each_command_page_shows_every_option_and_example() -> None:
    docs = hooks()
    pages = docs.pages()
    for path, command, ctx in docs.commands():
        page = pages[docs.page_name(path)]
        for param in command.get_params(ctx):
            if "--help" not in param.opts and param.param_type_name == "option":
                assert f"`{param.opts[0]}`" in page, f"{path}: {param.opts[0]}"
        for _, line in command.callback.examples:
            assert line in page
    assert "| **`name`** | text |" in pages["reference/config/project.md"]
    assert "## DecisionConfig" in pages["reference/config/scoring.md"]
