"""The terminal views as a person reads them: each command's view at 80 and 120 columns against
a golden file, and what must hold at any width (no line wider than the terminal, ids whole,
the findings on the first screen, ordered categories in their order).

A golden file is the view as it was reviewed; after a deliberate change to a view, rewrite
them with `REVQ_UPDATE_GOLDEN=1 pytest tests/test_views.py` and review the diff."""

from __future__ import annotations

import json
import os
import re
import shutil
import textwrap
from pathlib import Path

import polars as pl
import pytest
from rich.cells import cell_len

from tests.conftest import ROOT, SAMPLE, run_cli

AS_OF = ["--as-of", "2026-10-31"]
GOLDEN = Path(__file__).parent / "golden" / "views"
WIDTHS = (80, 120)


@pytest.fixture(scope="module")
def configs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's scoring config and a change to it (a lower sales-ready threshold), named
    as a pull request would name them."""
    folder = tmp_path_factory.mktemp("configs")
    text = (ROOT / "configs" / "scoring.yaml").read_text(encoding="utf-8")
    (folder / "old.yaml").write_text(text, encoding="utf-8")
    changed = text.replace("  sales_ready: 70 ", "  sales_ready: 60 ")
    assert changed != text
    (folder / "new.yaml").write_text(changed, encoding="utf-8")
    return folder


PROJECT = ["--project", str(SAMPLE / "revq.yaml")]
VIEWS: dict[str, list[str]] = {
    "score": ["score", *AS_OF],
    "score-accounts": ["score", *AS_OF, "--by", "account", "--top", "10"],
    "explain": ["explain", "81585149", "46239800", *AS_OF],
    "audit": ["audit", "rejections", *AS_OF],
    "funnel": ["funnel", *AS_OF],
    "backtest": ["backtest", *AS_OF, "--capacity", "50/week"],
    "diff": ["diff", "old.yaml", "new.yaml", *AS_OF, "--format", "table", "--top", "5", *PROJECT],
    "inspect": ["inspect", "salesforce_leads.csv"],
}


def view(name: str, width: int, configs: Path) -> tuple[str, str]:
    cwd = configs if name == "diff" else SAMPLE
    result = run_cli(VIEWS[name], cwd=cwd, width=width)
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(VIEWS))
def test_view_matches_its_golden_file(name: str, width: int, configs: Path) -> None:
    shown, _ = view(name, width, configs)
    golden = GOLDEN / f"{name}-{width}.txt"
    if os.environ.get("REVQ_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(shown, encoding="utf-8")
    assert shown == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", (80, 100, 120, 200))
@pytest.mark.parametrize("name", list(VIEWS))
def test_no_line_is_wider_than_the_terminal(name: str, width: int, configs: Path) -> None:
    shown, _ = view(name, width, configs)
    wide = [line for line in shown.splitlines() if cell_len(line) > width]
    assert not wide, f"{len(wide)} lines wider than {width}: {wide[:2]}"
    assert all(line == line.rstrip() for line in shown.splitlines()), "trailing spaces"


def scored() -> pl.DataFrame:
    result = run_cli(["score", *AS_OF, "--format", "csv"], cwd=SAMPLE)
    return pl.read_csv(result.stdout.encode(), infer_schema=False)


def table_rows(stdout: str) -> list[str]:
    """The call list's rows: the lines after its header (the title above may wrap)."""
    lines = stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("lead "))
    return lines[header + 1 :]


@pytest.mark.parametrize("width", (60, 80, 120))
def test_score_shows_every_id_whole_in_rank_order(width: int) -> None:
    # the call list leaves out the leads converted already; the machine formats keep them
    expected = scored().filter(pl.col("stage") != "converted")["lead_id"].head(20).to_list()
    result = run_cli(["score", *AS_OF], cwd=SAMPLE, width=width)
    rows = table_rows(result.stdout)
    assert [line.split()[0] for line in rows] == expected
    assert "…" not in "".join(line.split()[0] for line in rows)


def test_ids_stay_whole_when_they_are_long(tmp_path: Path) -> None:
    """Salesforce ids are 18 characters, and a narrow terminal shortens the other columns,
    never them: cut, they would all read as the same prefix."""
    leads = pl.read_csv(SAMPLE / "hubspot_contacts.csv", infer_schema=False)
    ids = leads.with_columns(pl.format("00Q5g00000{}XYZ", pl.col("Record ID")).alias("Record ID"))
    ids.write_csv(tmp_path / "leads.csv")
    config = ["--config", str(ROOT / "configs" / "scoring.yaml")]
    result = run_cli(["score", "leads.csv", *config, *AS_OF, "--top", "5"], cwd=tmp_path, width=60)
    assert result.exit_code == 0, result.stderr
    shown = [line.split()[0] for line in table_rows(result.stdout)]
    assert len(shown) == 5 and all(len(i) == 21 and i.startswith("00Q5g00000") for i in shown)
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 60


def test_rows_of_uuid_ids_fit_80_columns(tmp_path: Path) -> None:
    """An id of 36 characters is never cut, and with the stage and the score it leaves less
    room than why-now's usual minimum: why-now is cut shorter, so that each lead is still one
    line (each row folded onto two lines before)."""
    leads = pl.read_csv(SAMPLE / "hubspot_contacts.csv", infer_schema=False)
    uuid = pl.format("715cfaae-34b7-4e3c-8368-dfee{}", pl.col("Record ID").str.zfill(8))
    leads.with_columns(uuid.alias("Record ID")).write_csv(tmp_path / "leads.csv")
    # account signals (joined by the email's domain, not the id) make why-now long
    config = ["--config", str(ROOT / "configs" / "scoring.yaml")]
    config += ["--signals", str(SAMPLE / "signals.csv")]
    result = run_cli(["score", "leads.csv", *config, *AS_OF, "--top", "5"], cwd=tmp_path, width=80)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [len(line.split()[0]) for line in table_rows(result.stdout)] == [36] * 5
    assert any(line.startswith("lead ") and "why now" in line for line in lines)
    assert max(cell_len(line) for line in lines) <= 80


CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # all but the line end


def test_control_characters_in_the_data_are_shown_not_obeyed(tmp_path: Path) -> None:
    """An owner that moves the cursor up and erases the line, a company with a hidden link
    (OSC 8), a screen clear, an 8-bit CSI and a bell: the terminal is sent none of them, each
    shows as a character of its own, and the rows keep their widths."""
    leads = pl.read_csv(SAMPLE / "hubspot_contacts.csv", infer_schema=False)
    owner = "Marco\x1b[1A\x1b[2KBianchi"
    company = "\x1b]8;;https://evil.example\x1b\\Meridian\x1b]8;;\x1b\\ \x1b[2J\x9b31mLogistics\x07"
    leads = leads.with_columns(
        pl.col("Contact owner").replace("Marco Bianchi", owner),
        pl.col("Company Name").replace("Meridian Logistics", company),
    )
    leads.write_csv(tmp_path / "leads.csv")
    config = ["--config", str(ROOT / "configs" / "scoring.yaml")]
    config += ["--signals", str(SAMPLE / "signals.csv"), "--activities"]
    config += [str(SAMPLE / "activities.csv")]
    runs = (["score", "leads.csv", "--top", "10"], ["score", "leads.csv", "--by", "account"])
    for args in (*runs, ["explain", "81585149", "--leads", "leads.csv"]):
        result = run_cli([*args, *config, *AS_OF], cwd=tmp_path, width=100)
        assert result.exit_code == 0, result.stderr
        assert not CONTROLS.findall(result.stdout), args
        assert max(cell_len(line) for line in result.stdout.splitlines()) <= 100
    assert "Marco␛[1A␛[2KBianchi" in result.stdout  # explain's owner, whole
    assert "␛]8;;https://evil.example␛\\Meridian" in result.stdout
    assert "␛[2J\ufffd31mLogistics␇" in result.stdout


def test_a_bidirectional_control_in_the_data_does_not_reorder_a_row(tmp_path: Path) -> None:
    """A company holding U+202E would show the rest of its row backwards: the terminal views
    show the control as U+FFFD, one character for one, and send none."""
    leads = pl.read_csv(SAMPLE / "hubspot_contacts.csv", infer_schema=False)
    company = "Meridian\u202eLogistics\u2066"
    leads = leads.with_columns(pl.col("Company Name").replace("Meridian Logistics", company))
    leads.write_csv(tmp_path / "leads.csv")
    lead = leads.filter(pl.col("Company Name") == company)["Record ID"][0]
    config = ["--config", str(ROOT / "configs" / "scoring.yaml")]
    for args in (
        ["score", "leads.csv", "--top", "5000"],
        ["explain", lead, "--leads", "leads.csv"],
    ):
        result = run_cli([*args, *config, *AS_OF], cwd=tmp_path, width=160)
        assert result.exit_code == 0, result.stderr
        assert "\u202e" not in result.stdout and "\u2066" not in result.stdout, args
        assert "Meridian\ufffdLogistics" in result.stdout, args


def screen(stderr: str, stdout: str, width: int) -> list[str]:
    """What a terminal shows: the messages said before the view, then the view, each line
    wrapped at the terminal's width."""
    lines: list[str] = []
    for line in [*stderr.splitlines(), *stdout.splitlines()]:
        lines += textwrap.wrap(line, width, drop_whitespace=False) or [""]
    return lines


def test_audit_findings_are_on_the_first_screen() -> None:
    """Every finding of the sample's audit (the outsized source and score band, the rep who
    gives no reason, the miscalibration) is within the first 24 lines at 80 columns, the
    load messages before them included."""
    result = run_cli(["audit", "rejections", *AS_OF], cwd=SAMPLE, width=80)
    assert result.exit_code == 0, result.stderr
    loads = "".join(line + "\n" for line in result.stderr.splitlines() if " rows = " in line)
    first = "\n".join(screen(loads, result.stdout, 80)[:24])
    report = json.loads(run_cli(["audit", "rejections", *AS_OF, "-f", "json"], cwd=SAMPLE).stdout)
    flags = report["flags"]
    for values in flags["outsized_rejection"].values():
        assert all(f"{value} (" in first for value in values)
    assert all(r["rep"] in first for r in flags["missing_reasons_by_rep"])
    low = flags["miscalibration"]["accepted_but_scored_low"]
    assert f"{low:,} accepted leads were scored disqualified" in first


def test_score_fits_on_one_screen_at_100_columns() -> None:
    """Twenty leads, the load accounting, the summary and the `next:` line: about 35 lines."""
    result = run_cli(["score", *AS_OF, "--top", "20"], cwd=SAMPLE, width=100)
    lines = screen(result.stderr, result.stdout, 100)
    assert len(lines) <= 35, "\n".join(lines)
    assert "next: revq explain 81585149 --as-of 2026-10-31" in result.stderr


def test_audit_cuts_list_ordered_categories_in_their_order() -> None:
    result = run_cli(["audit", "rejections", *AS_OF], cwd=SAMPLE, width=120)
    lines = result.stdout.splitlines()

    def first_cells(title: str) -> list[str]:
        start = lines.index(title) + 2
        end = lines.index("", start) if "" in lines[start:] else len(lines)
        return [line.split()[0] for line in lines[start:end]]

    assert first_cells("by score_band") == ["70+", "40-70", "20-40", "0-20", "<0"]
    assert first_cells("by stage") == ["sales_ready", "signal_qualified", "nurture", "disqualified"]
    months = first_cells("by month")
    assert months == sorted(months)
    quadrants = first_cells("by quadrant")
    assert quadrants.index("prioritise_now") == 0 and quadrants[-1] == "ignore"


def test_funnel_conversions_follow_the_funnel() -> None:
    result = run_cli(["funnel", *AS_OF], cwd=SAMPLE, width=120)
    header = next(line for line in result.stdout.splitlines() if line.startswith("month "))
    names = header.split()[1:]
    assert names == ["mql->sql", "sql->opportunity", "opportunity->won"]


def test_numbers_are_right_aligned() -> None:
    """The scores end in one column, whatever their number of digits."""
    result = run_cli(["score", *AS_OF], cwd=SAMPLE, width=120)
    header, *rows = result.stdout.splitlines()[1:]
    end = header.index("score") + len("score")
    assert {row[end - 1] for row in rows} <= set("0123456789")
    assert any(row[end - 6] == " " for row in rows)  # a two-digit score is padded on the left


def test_machine_formats_carry_no_view() -> None:
    """--format csv and json print the data alone: no title, no `next:` hint, no cut text."""
    for fmt in ("csv", "json"):
        result = run_cli(["score", *AS_OF, "--format", fmt], cwd=SAMPLE, width=60)
        assert "top 20" not in result.stdout and "…" not in result.stdout
        assert "next:" not in result.stdout + result.stderr


def test_the_next_hint_goes_to_stderr_and_quiet_drops_it() -> None:
    result = run_cli(["score", *AS_OF, "--top", "3"], cwd=SAMPLE)
    assert "next: revq explain" in result.stderr and "next:" not in result.stdout
    quiet = run_cli(["score", *AS_OF, "--top", "3", "-q"], cwd=SAMPLE)
    assert quiet.stderr == "" and quiet.stdout == result.stdout


def test_the_hint_runs(tmp_path: Path) -> None:
    """The `next:` line of a score is a command that works, on the lead at the top."""
    result = run_cli(["score", *AS_OF, "--top", "3"], cwd=SAMPLE)
    hint = next(line for line in result.stderr.splitlines() if line.startswith("next: "))
    command = hint.removeprefix("next: revq ").split("  (")[0].split()
    explained = run_cli(command, cwd=SAMPLE)
    assert explained.exit_code == 0, explained.stderr
    assert explained.stdout.startswith(f"lead {command[1]}: sales_ready")


def test_a_view_is_plain_text_in_a_pipe_and_styled_with_force_color() -> None:
    plain = run_cli(["score", *AS_OF, "--top", "3"], cwd=SAMPLE)
    assert "\x1b[" not in plain.stdout
    from typer.testing import CliRunner

    from revq.cli.app import app

    os.chdir(SAMPLE)
    try:
        forced = CliRunner(env={"FORCE_COLOR": "1", "COLUMNS": "100"}).invoke(
            app, ["score", *AS_OF, "--top", "3"]
        )
        none = CliRunner(env={"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "100"}).invoke(
            app, ["score", *AS_OF, "--top", "3"]
        )
        flag = CliRunner(env={"FORCE_COLOR": "1", "COLUMNS": "100"}).invoke(
            app, ["score", *AS_OF, "--top", "3", "--no-color"]
        )
    finally:
        os.chdir(ROOT)
    assert "\x1b[" in forced.stdout
    assert none.stdout == flag.stdout == plain.stdout


def test_an_archive_lists_its_members_whole(tmp_path: Path) -> None:
    archive = shutil.make_archive(str(tmp_path / "export"), "zip", SAMPLE)
    result = run_cli(["inspect", archive], cwd=tmp_path, width=60)
    assert result.exit_code == 0, result.stderr
    members = [line.split()[0] for line in result.stdout.splitlines()[2:]]
    assert "salesforce_leads.csv" in members and "hubspot_contacts.csv" in members


def test_the_width_is_the_terminals_even_when_the_result_is_piped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`revq audit rejections | less` in a 77-column terminal: stdout is a pipe, stderr is
    still the terminal, and the view is laid out for it. COLUMNS wins; cron gets 100."""
    import fcntl
    import io
    import struct
    import sys
    import termios

    from revq.cli.common import PIPE_WIDTH, view_width

    main, side = os.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 77, 0, 0))
    with os.fdopen(side, "w") as terminal:
        monkeypatch.delenv("COLUMNS", raising=False)
        monkeypatch.setattr(sys, "stderr", terminal)
        assert view_width(io.StringIO()) == 77
        monkeypatch.setenv("COLUMNS", "132")
        assert view_width(io.StringIO()) == 132
        monkeypatch.delenv("COLUMNS")
        monkeypatch.setattr(sys, "stderr", io.StringIO())
        monkeypatch.setattr(sys, "stdin", io.StringIO())
        assert view_width(io.StringIO()) == PIPE_WIDTH == 100
    # Both streams piped (`revq score 2>&1 | head`) from a terminal: the keyboard's terminal.
    main, side = os.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 91, 0, 0))
    with os.fdopen(side, "r") as keyboard:
        monkeypatch.setattr(sys, "stdin", keyboard)
        assert view_width(io.StringIO()) == 91
    os.close(main)


def test_a_call_list_that_ends_inside_a_tie_says_so(tmp_path: Path) -> None:
    """Three leads tie at 10 points above two at 5: a list of two ends inside the tie, and
    which two of the three it shows is merely their lead-id order; a list of three does not."""
    (tmp_path / "leads.csv").write_text(
        "lead_id,email,title\n"
        + "".join(f"{i},p{i}@acme.com,{t}\n" for i, t in enumerate("VVVxx", start=1))
    )
    (tmp_path / "scoring.yaml").write_text(
        "version: 1\nfit:\n  rules:\n"
        "    - {name: v, when: {column: title, equals: V}, points: 10}\n"
        "    - {name: x, when: {column: title, equals: x}, points: 5}\n"
    )
    for engine in ([], ["--engine", "duckdb"]):
        args = ["score", "leads.csv", "--config", "scoring.yaml", *AS_OF, *engine]
        tied = run_cli([*args, "--top", "2"], cwd=tmp_path, width=120)
        assert tied.exit_code == 0, tied.stderr
        title = tied.stdout.splitlines()[0]
        assert title.endswith("; more leads score 10.0, ties listed by lead id")
        assert [line.split()[0] for line in table_rows(tied.stdout)] == ["1", "2"]
        whole = run_cli([*args, "--top", "3"], cwd=tmp_path, width=120)
        assert "tie" not in whole.stdout.splitlines()[0]
        assert [line.split()[0] for line in table_rows(whole.stdout)] == ["1", "2", "3"]
