"""The sweep of temporaries: a run removes what dead revq runs left in the folders it writes
to (an output's .NAME.*.revq.tmp, a score's .revq-bands-* scratch folder, standard input's
revq-stdin-* spool), never what a live run holds, and says how many it removed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl
import pytest

from revq.io import writers
from revq.io.temps import TEMP_SUFFIX, sweep
from tests.conftest import ROOT, run_cli

fcntl = pytest.importorskip("fcntl", reason="no flock here (Windows): nothing is swept")

LEADS = "Record ID,Email,Company Name\n1,a@acme.example,Acme\n2,b@beta.example,Beta\n"

# A process that is, for the test, another revq run in the middle of writing `out`: the real
# writer, its write held open until the test closes the process's standard input.
WRITER = """
import sys
from pathlib import Path
from revq.io import writers

def write(tmp):
    print(tmp, flush=True)
    sys.stdin.read()

writers._atomic_file(Path(sys.argv[1]), (), write)
"""

# Another run in the middle of ordering a large score in its scratch folder.
SCORING = """
import sys
from pathlib import Path
from revq.io.temps import held_scratch_folder

with held_scratch_folder(Path(sys.argv[1])) as scratch:
    (scratch / "scored.parquet").write_bytes(b"PAR1")
    print(scratch, flush=True)
    sys.stdin.read()
"""


@contextmanager
def another_run(script: str, arg: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """A live process holding a temporary; yields it and the temporary's path."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(arg)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        yield process, Path(process.stdout.readline().strip())
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def _leads(folder: Path) -> Path:
    path = folder / "leads.csv"
    path.write_text(LEADS, encoding="utf-8")
    return path


def _inspect_out(folder: Path, out: Path) -> str:
    """A revq run that writes `out`: its stderr."""
    result = run_cli(["inspect", str(_leads(folder)), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    return result.stderr


def _dead_leftovers(folder: Path) -> list[Path]:
    """What killed runs leave, as revq names them: nothing holds them."""
    tmp = folder / f".scored.csv.k2j4x9_q{TEMP_SUFFIX}"
    tmp.write_bytes(b"lead_id\n1\n")
    scratch = folder / ".revq-bands-a1b2c3d4"
    scratch.mkdir()
    (scratch / "scored.parquet").write_bytes(b"PAR1")
    return [tmp, scratch]


def test_a_run_removes_dead_leftovers_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    dead = _dead_leftovers(out)
    # Not revq's: another program's temporaries, and names revq does not give.
    others = [out / ".notes.txt.tmp", out / ".scored.csv.k2j4x9_q.tmp", out / "revq.tmp"]
    for other in others:
        other.write_text("x")
    stderr = _inspect_out(tmp_path, out / "inspection.json")
    assert f"removed 2 temporary files that an earlier revq run left in {out}" in stderr
    assert not any(p.exists() for p in dead)
    assert all(p.exists() for p in others)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [*(p.name for p in others), "inspection.json"]
    )
    # nothing left this time: nothing said
    assert "removed" not in _inspect_out(tmp_path, out / "inspection.json")


def test_a_live_runs_temporaries_are_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    with (
        another_run(WRITER, out / "scored.csv") as (writer, live_file),
        another_run(SCORING, out) as (scorer, live_folder),
    ):
        dead = _dead_leftovers(out)  # after the writer's own sweep
        assert live_file.name.startswith(".scored.csv.") and live_file.name.endswith(TEMP_SUFFIX)
        assert live_folder.name.startswith(".revq-bands-")
        stderr = _inspect_out(tmp_path, out / "inspection.json")
        assert f"removed 2 temporary files that an earlier revq run left in {out}" in stderr
        assert not any(p.exists() for p in dead)
        assert live_file.exists() and (live_folder / "scored.parquet").exists()
        assert writer.poll() is None and scorer.poll() is None
        # once the scoring run ends as it should, its scratch folder goes with it
        assert scorer.stdin is not None
        scorer.stdin.close()
        assert scorer.wait(timeout=30) == 0
        assert not live_folder.exists()
        # the writer killed mid-write: its temporary stays, and is now a dead one's
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    assert live_file.exists() and not (out / "scored.csv").exists()
    stderr = _inspect_out(tmp_path, out / "inspection.json")
    assert f"removed 1 temporary file that an earlier revq run left in {out}" in stderr
    assert not live_file.exists()


def test_every_output_type_is_written_under_its_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The lock is on the temporary's inode: a writer that replaced the file (rather than
    # writing into it) would leave the new one unlocked, for a concurrent sweep to take.
    replace, checked = os.replace, []

    def replace_if_locked(src: str | Path, dst: str | Path) -> None:
        if str(src).endswith(TEMP_SUFFIX):
            fd = os.open(src, os.O_RDONLY)
            try:
                with pytest.raises(BlockingIOError):
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            finally:
                os.close(fd)
            checked.append(Path(dst).suffix)
        replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_if_locked)
    frame = pl.DataFrame({"lead_id": ["1", "2"], "score": [1.5, -2.0]})
    suffixes = [".csv", ".tsv", ".json", ".jsonl", ".parquet", ".xlsx"]
    for suffix in suffixes:
        writers.write_frame_atomic(tmp_path / f"w{suffix}", frame)
    for suffix in writers.SINK_SUFFIXES:
        writers.sink_frame_atomic(tmp_path / f"s{suffix}", frame.lazy())
    writers.write_bytes_atomic(tmp_path / "report.md", b"# report\n")
    assert checked == [*suffixes, *writers.SINK_SUFFIXES, ".md"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_the_spool_of_a_killed_run_reading_stdin_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = tmp_path / "revq-stdin-zz9_8y7x"
    dead.mkdir()
    (dead / "stdin.csv").write_text(LEADS)
    result = run_cli(["inspect", "-", "--format", "json"], input=LEADS.encode())
    assert result.exit_code == 0, result.stderr
    assert f"removed 1 temporary file that an earlier revq run left in {tmp_path}" in result.stderr
    assert not dead.exists()


def test_a_folder_that_cannot_be_read_is_not_swept(tmp_path: Path) -> None:
    assert sweep(tmp_path / "no_such_folder") == 0
