"""Export values in Markdown output (the report, `revq audit rejections -f md`, `revq diff`)
stay text once rendered: by Python-Markdown (MkDocs) and by a CommonMark parser (GitHub),
both with raw HTML allowed, as the sites that publish these files allow it."""

from __future__ import annotations

import csv
import html
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import markdown
import pytest
from markdown_it import MarkdownIt

from revq.render.markdown import md_code, md_text
from tests.conftest import ROOT, SAMPLE, run_cli

AS_OF = "2026-10-31"
LEAD = "19321578"  # Åsa Xu, newly sales-ready in 2026-W43
BAD_ID = LEAD + ")[pwn](javascript:alert(1)"
COMPANY = "<img src=x onerror=alert(1)> [click](javascript:alert(1))"
FIRST_NAME = '<script>alert("fn")</script>'
REASON = "<script>r()</script>"
REP = "<script>alert('rep')</script> *Dana* _W_"
OWNER = "<img src=x onerror=alert(2)> [o](javascript:alert(2))"
CRM = "https://app.hubspot.com/contacts/4200000/record/0-1/"


def _renderings(text: str) -> list[str]:
    commonmark = MarkdownIt("commonmark", {"html": True}).enable("table")
    return [markdown.markdown(text, extensions=["tables"]), commonmark.render(text)]


def _assert_inert(rendered: str) -> None:
    assert "<script" not in rendered and "<img" not in rendered
    hrefs = re.findall(r'href="([^"]*)"', rendered)
    assert not [h for h in hrefs if re.match(r"\s*javascript:", html.unescape(h), re.I)], hrefs


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![i](javascript:alert(1))",
    "<javascript:alert(1)>",
    "x](javascript:alert(1))",
    "[ref]: javascript:alert(1)",
    "*bold* **b** _em_ __u__ `code` ``two``",
    "&lt;script&gt; &amp; & <",
    "a | b \\| c \\",
    "line one\nline two",
    "bad_timing snake_case_code",
]


def test_a_value_renders_as_typed_in_a_table_cell() -> None:
    for value in HOSTILE:
        for rendered in _renderings(f"| h |\n|---|\n| {md_text(value)} |\n"):
            _assert_inert(rendered)
            (shown,) = re.findall(r"<td>(.*?)</td>", rendered, flags=re.S)
            # no tag of its own (no <em>, <code>, <a>): the text, as the export holds it
            assert "<" not in shown, (value, shown)
            assert html.unescape(shown).strip() == value.replace("\n", " ").strip()


def test_a_path_in_a_code_span_shows_as_typed() -> None:
    for path in ("R&D/_leads*.csv", "a`b.csv", "`x`"):
        for rendered in _renderings(f"| h |\n|---|\n| {md_code(path)} |\n"):
            (shown,) = re.findall(r"<code>(.*?)</code>", rendered)
            assert html.unescape(shown) == path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project with markup and links in its exports' values."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(SAMPLE, root / "p")
    (root / "configs").symlink_to(ROOT / "configs")

    def edit(name: str, change: dict[str, dict[int, str]], col: int = 0) -> None:
        path = root / "p" / name
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        for row in rows[1:]:
            for i, value in change.get(row[col], {}).items():
                row[i] = value
            row[:] = [BAD_ID if c == LEAD else c for c in row]
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)

    # Juniper Logistics: Åsa Xu's company; Zoë Schmidt: sales-ready in the same list
    contacts = {LEAD: {5: COMPANY}, "51135948": {1: FIRST_NAME}, "Priya Raman": {12: OWNER}}
    edit("hubspot_contacts.csv", contacts)
    edit("hubspot_contacts.csv", contacts, col=12)
    for name in ("activities.csv", "stage_history.csv"):
        edit(name, {})
    # a W43 rejection with a reason not in the taxonomy; a rep without reasons
    with (root / "p" / "dispositions.csv").open(encoding="utf-8", newline="") as f:
        reps = {r["lead_id"]: {3: REP} for r in csv.DictReader(f) if r["rep"] == "Dana Whitfield"}
    edit("dispositions.csv", {**reps, "72881125": {2: REASON}})
    return root / "p"


def test_the_weekly_report_keeps_export_values_as_text(hostile: Path) -> None:
    result = run_cli(["-q", "report", "--weekly", "--as-of", AS_OF, "-o", "-"], cwd=hostile)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    for value in (COMPANY, FIRST_NAME, REASON, REP):
        assert value.split(">")[0] not in text  # each reached the report, escaped
    assert "&lt;script&gt;r()&lt;/script&gt;" in text
    # The id cannot end the link: every character of it not unreserved is percent-encoded.
    assert f"]({CRM}{quote(BAD_ID, safe='')})" in text
    for rendered in _renderings(text):
        _assert_inert(rendered)
        hrefs = re.findall(r'href="([^"]*)"', rendered)
        assert hrefs and all(h.startswith(CRM) or h == "2026-W43-actions.csv" for h in hrefs)
        # Åsa Xu's row keeps its five cells
        (row,) = [r for r in re.findall(r"<tr>.*?</tr>", rendered, re.S) if "Åsa Xu" in r]
        assert row.count("<td") == 5


def test_audit_and_diff_markdown_keep_export_values_as_text(hostile: Path, tmp_path: Path) -> None:
    audit = run_cli(
        ["-q", "audit", "rejections", "--as-of", AS_OF, "-f", "md", "--by", "rep"], cwd=hostile
    )
    assert audit.exit_code == 0, audit.stderr
    assert "&lt;script&gt;r()&lt;/script&gt;" in audit.stdout  # the unmapped label, in Flags
    assert "&lt;script&gt;alert('rep')&lt;/script&gt; \\*Dana\\* \\_W\\_" in audit.stdout
    for rendered in _renderings(audit.stdout):
        _assert_inert(rendered)
        assert "<em>" not in rendered
    old = ROOT / "configs" / "scoring.yaml"
    new = tmp_path / "looser.yaml"
    new.write_text(old.read_text().replace("sales_ready: 70 ", "sales_ready: 60 "))
    diff = run_cli(["-q", "diff", str(old), str(new), "--as-of", AS_OF], cwd=hostile)
    assert diff.exit_code == 0, diff.stderr
    assert OWNER not in diff.stdout and md_text(OWNER) in diff.stdout  # in the owner queues
    for rendered in _renderings(diff.stdout):
        _assert_inert(rendered)
        assert "<a " not in rendered


def test_control_characters_are_shown_not_sent() -> None:
    """A value with an escape sequence, an 8-bit CSI and a bell, in a report printed to a
    terminal (`-o -`): each shows as a character of its own; a tab or line end is a space."""
    for shown in (md_text("Acme\x1b[2J\x9b31m\x07\tCo\nLtd"), md_code("a\x1b[31m\tb.csv")):
        assert not re.search(r"[\x00-\x1f\x7f-\x9f]", shown), shown
        assert "␛" in shown
    assert md_text("Acme\x1b[2J\x9b31m\x07\tCo\nLtd").endswith("\ufffd31m␇ Co Ltd")
    assert md_code("a\x1b[31m\tb.csv") == "`a␛[31m b.csv`"
