"""A bidirectional control in an export's value (a company named with U+202E) reorders the text
after it: in the HTML report each such value is isolated in a <bdi> element, so it reorders
itself only; in Markdown each control is written as its code point, `<U+202E>`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest

from revq.render.markdown import md_code, md_text
from revq.render.report_view import environment
from tests.conftest import ROOT, SAMPLE, run_cli

AS_OF = "2026-10-31"
RLO, PDI, LRM = "\u202e", "\u2069", "\u200e"
COMPANY = f"Juniper{RLO} Logistics"  # Åsa Xu's company, in the week's action list
SOURCE = f"Paid{PDI}{RLO} Search"  # a source of the pipeline table; a PDI to break out early


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bidi")
    shutil.copytree(SAMPLE, root / "p")
    (root / "configs").symlink_to(ROOT / "configs")
    for name in ("hubspot_contacts.csv", "opportunities.csv"):
        path = root / "p" / name
        text = path.read_text(encoding="utf-8")
        text = text.replace("Juniper Logistics", COMPANY).replace("Paid Search", SOURCE)
        path.write_text(text, encoding="utf-8")
    config = root / "p" / "revq.yaml"  # the project's own name, in the page's title
    text = config.read_text(encoding="utf-8")
    named = 'name: "revq\\u202e sample (Acme RevOps)"'  # YAML's escape: it holds no raw control
    config.write_text(text.replace("name: revq sample (Acme RevOps)", named, 1))
    return root / "p"


def _outside_bdi(page: str) -> str:
    return re.sub(r"<bdi>[^<]*</bdi>", "", page)


def test_html_isolates_each_value_holding_a_bidi_control(hostile: Path) -> None:
    out = hostile / "r.html"
    result = run_cli(["-q", "report", "--weekly", "--as-of", AS_OF, "-o", str(out)], cwd=hostile)
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert f"<td><bdi>{COMPANY}</bdi></td>" in page
    assert f'<th scope="row"><bdi>{SOURCE}</bdi></th>' in page
    head, _, body = page.partition("</head>")
    assert f"<h1><bdi>revq{RLO} sample (Acme RevOps)</bdi>: weekly revenue report" in body
    # In the title a tag would show as text: the heading's text, the tag left out.
    [title] = re.findall(r"<title>(.*?)</title>", head)
    assert title.startswith(f"revq{RLO} sample (Acme RevOps): weekly") and "bdi" not in title
    # Outside the charts (each label its own SVG text) and the title, no control is loose.
    drawn = re.sub(r"<svg .*?</svg>|<title>.*?</title>", "", page, flags=re.S)
    assert RLO not in _outside_bdi(drawn) and PDI not in _outside_bdi(drawn)


def test_an_ordinary_value_is_not_wrapped() -> None:
    env = environment(html=True)
    shown = env.from_string('<a href="{{ u }}">{{ v }}</a> {{ n }}').render(
        u="https://crm.example/1", v="Åsa & Co", n=3
    )
    assert shown == '<a href="https://crm.example/1">Åsa &amp; Co</a> 3'


def test_html_join_isolates_each_item() -> None:
    env = environment(html=True)
    template = env.from_string("{{ v | join(', ') }}; {{ o | join(', ', attribute='n') }}")
    shown = template.render(v=[f"a{RLO}", "b", "<c>"], o=[{"n": f"x{RLO}"}, {"n": "y"}])
    assert shown == f"<bdi>a{RLO}</bdi>, b, &lt;c&gt;; <bdi>x{RLO}</bdi>, y"


def test_markdown_writes_each_control_as_its_code_point(hostile: Path) -> None:
    result = run_cli(["-q", "report", "--weekly", "--as-of", AS_OF, "-o", "-"], cwd=hostile)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert RLO not in text and PDI not in text
    assert "| Juniper&lt;U+202E&gt; Logistics |" in text
    assert "| Paid&lt;U+2069&gt;&lt;U+202E&gt; Search |" in text
    rendered = markdown.markdown(text, extensions=["tables"])
    assert "<td>Juniper&lt;U+202E&gt; Logistics</td>" in rendered


def test_md_text_and_md_code_show_every_bidi_control() -> None:
    controls = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    shown = md_text(f"a{controls}b")
    assert shown.startswith("a&lt;U+061C&gt;&lt;U+200E&gt;") and shown.endswith("&lt;U+2069&gt;b")
    assert not set(controls) & set(shown)
    assert md_code(f"leads{LRM}.csv") == "`leads<U+200E>.csv`"


def test_a_chart_description_names_a_bidirectional_control_rather_than_obeying_it() -> None:
    from revq.render.charts import bar_chart

    svg = bar_chart(["Referral", "Paid\u202eSearch", "Webinar"], [3, 2, 1], "Won", "deals", "c1")
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S)
    assert desc is not None
    assert "\u202e" not in desc.group(1)
    assert desc.group(1) == "deals by category: Referral 3, Paid&lt;U+202E&gt;Search 2, Webinar 1."
