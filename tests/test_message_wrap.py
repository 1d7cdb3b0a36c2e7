"""Messages on a terminal's stderr wrap at spaces: an export's path far away is never cut with
a line break inside it (rich folds a word longer than the line), and lines that fit are kept
as they are, their aligned columns too. In a pipe a message is one line, as before."""

from __future__ import annotations

import io
import sys

import pytest

from revq.app.run import Message
from revq.cli.common import Flags
from revq.render.layout import message_lines

FAR = "/srv/exports/crm-sync/olist-marketing-funnel/olist_marketing_qualified_leads_dataset.csv"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _said(message: Message, monkeypatch: pytest.MonkeyPatch, columns: int = 80) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.delenv("NO_COLOR", raising=False)
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    Flags(no_color=True).print(message)
    return err.getvalue()


def test_a_far_path_is_whole_on_a_line_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    said = _said(Message("info", f"leads: {FAR} (generic)"), monkeypatch)
    # wider than the terminal: left whole, for the terminal to fold and a reader to copy
    assert said == f"leads:\n  {FAR}\n  (generic)\n"


def test_a_path_that_fits_at_the_margin_is_not_pushed_past_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = "/srv/exports/crm-sync/fivetran-dbt_hubspot_source/contact_merge_audit_data.csv:"
    assert len(path) == 79  # the indent would make it 81
    text = f"{path} not a table revq knows (columns: canonical_vid, contact_id); left out"
    said = _said(Message("warning", text), monkeypatch)
    assert said.splitlines() == [
        "warning:",
        path,
        "  not a table revq knows (columns: canonical_vid, contact_id); left out",
    ]
    assert all(len(line) <= 80 for line in said.splitlines())


def test_lines_that_fit_keep_their_spaces() -> None:
    line = "    the learned points, as revq score adds them  0.636"
    assert message_lines(f"scores:\n{line}", 80) == ["scores:", line]
    # a long line keeps a run of spaces within it, and its later lines hang under its indent
    long = "  " + " ".join(["word"] * 20) + "  0.5"
    lines = message_lines(long, 40)
    assert " ".join(" ".join(lines).split()) == " ".join(long.split())
    assert lines[-1].endswith("word  0.5") and all(x.startswith("    ") for x in lines[1:])


def test_in_a_pipe_a_message_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    Flags().print(Message("info", f"leads: {FAR} (generic)"))
    assert err.getvalue() == f"leads: {FAR} (generic)\n"
