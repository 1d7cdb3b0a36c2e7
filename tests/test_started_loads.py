"""An export whose reading starts early (`Loads.start`, as scoring starts its activities and
signals while the leads are read) gives the run the load, the messages in the order and the
error a run that reads it when it is asked for gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from revq.app.run import Run
from revq.app.scoring import ScoringInputs
from revq.config.models import LoadOptions
from revq.errors import InputError
from revq.io.exports import Loads
from tests.conftest import SAMPLE, run_cli

LEADS = SAMPLE / "hubspot_contacts.csv"
ACTIVITIES = SAMPLE / "activities.csv"
SIGNALS = SAMPLE / "signals.csv"
CONFIG = SAMPLE.parent / "configs" / "scoring.yaml"


def said(run: Run) -> list[tuple[str, str]]:
    return [(m.level, m.text) for m in run.messages]


def test_a_started_load_is_the_load_and_says_it_where_it_is_asked_for() -> None:
    plain, early = Run(), Run()
    activities = plain.loads.load(ACTIVITIES, LoadOptions(), table="activities")
    early.loads.start(ACTIVITIES, LoadOptions(), table="activities")
    assert early.messages == []  # nothing said before it is asked for
    again = early.loads.load(ACTIVITIES, LoadOptions(), table="activities")
    assert again.frame.equals(activities.frame)
    assert again.accounting == activities.accounting
    assert said(early) == said(plain)


def test_a_started_load_is_not_read_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    import revq.io.exports as exports

    reads: list[Path] = []
    real = exports.load_table

    def counted(path: Path, *args: object, **kwargs: object) -> object:
        reads.append(path)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(exports, "load_table", counted)
    loads = Loads(info=lambda _: None, warn=lambda _: None)
    loads.start(ACTIVITIES, LoadOptions(), table="activities")
    loads.start(ACTIVITIES, LoadOptions(), table="activities")
    loads.load(ACTIVITIES, LoadOptions(), table="activities")
    loads.load(ACTIVITIES, LoadOptions(), table="activities")
    assert reads == [ACTIVITIES]


def test_the_error_of_a_started_load_is_raised_where_it_is_asked_for(tmp_path: Path) -> None:
    broken = tmp_path / "activities.csv"
    broken.write_text("colour,size\nred,2\n")  # no column an activity has
    with pytest.raises(InputError) as plain:
        Run().loads.load(broken, LoadOptions(), table="activities")
    run = Run()
    run.loads.start(broken, LoadOptions(), table="activities")
    leads = run.loads.load(LEADS, LoadOptions(), table="leads")  # the other export reads on
    assert leads.accounting.rows_loaded > 0
    with pytest.raises(InputError) as early:
        run.loads.load(broken, LoadOptions(), table="activities")
    assert str(early.value) == str(plain.value)


def test_scoring_inputs_read_the_same_with_their_inputs_started(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """ScoringInputs starts its activities and signals before the leads; without the start
    (replaced by nothing) the run loads and says the same."""
    leads = tmp_path / "leads.csv"
    shutil.copy(LEADS, leads)

    def inputs(run: Run) -> ScoringInputs:
        return ScoringInputs(
            run, None, leads=leads, config=CONFIG, activities=ACTIVITIES, signals=SIGNALS
        )

    started: list[Path] = []
    real_start = Loads.start

    def spy(self: Loads, path: Path, *args: object, **kwargs: object) -> None:
        started.append(path)
        real_start(self, path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Loads, "start", spy)
    early = inputs(Run())
    assert started == [ACTIVITIES, SIGNALS]
    monkeypatch.setattr(Loads, "start", lambda *a, **k: None)
    plain = inputs(Run())
    assert said(early.run) == said(plain.run)
    assert early.leads.frame.equals(plain.leads.frame)
    assert early.activities is not None and plain.activities is not None
    assert early.activities.equals(plain.activities)
    assert early.signals is not None and plain.signals is not None
    assert early.signals.equals(plain.signals)


def test_revq_score_says_a_started_inputs_error_in_one_line_after_the_leads(
    tmp_path: Path,
) -> None:
    activities = tmp_path / "activities.csv"
    activities.write_text("colour,size\nred,2\n")  # no column an activity has
    result = run_cli(
        ["score", str(LEADS), "--activities", "activities.csv", "--config", str(CONFIG)],
        cwd=tmp_path,
    )
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("hubspot_contacts.csv: hubspot leads: read 5,060 rows")
    assert len(lines) == 2 and lines[1].startswith("revq: error: activities.csv: ")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
