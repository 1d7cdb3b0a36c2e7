"""`revq score --engine spark` (Spark local[2], reading the raw exports itself) on the sample
project: the polars engine's bytes, as CSV and as Parquet. Skipped, saying why, where Java or
pyspark is missing; REVQ_REQUIRE_SPARK=1 (set by .ci/run once Java is installed) makes that a
failure."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, run_cli

pytestmark = pytest.mark.spark
AS_OF = "2026-10-31"
PROJECT = str(SAMPLE / "revq.yaml")


def _missing() -> str | None:
    try:
        import ibis  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        return f"pyspark or ibis is not installed ({exc.name}): pip install -e '.[dev]'"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return (
            "no Java runtime: Spark needs one (.ci/run installs default-jre-headless where "
            "it can; apt-get install default-jre-headless)"
        )
    return None


WHY_NOT = _missing()
if WHY_NOT is not None:
    if os.environ.get("REVQ_REQUIRE_SPARK"):
        raise RuntimeError(f"REVQ_REQUIRE_SPARK is set but Spark cannot run: {WHY_NOT}")
    pytest.skip(WHY_NOT, allow_module_level=True)


def test_spark_reads_the_exports_and_gives_the_polars_bytes(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """One Spark run (its scoring is the slow part) written as CSV and as Parquet, each
    against the polars engine's file; and nothing of Spark's JVM on the process's stderr."""
    from revq.app.engine_score import engine_score
    from revq.app.inputs import open_project, parse_as_of
    from revq.app.run import Run

    expected = {}
    for suffix in (".csv", ".parquet"):
        path = tmp_path / f"polars{suffix}"
        result = run_cli(["score", "--project", PROJECT, "--as-of", AS_OF, "--out", str(path)])
        assert result.exit_code == 0, result.stderr
        expected[suffix] = path.read_bytes()
    capfd.readouterr()
    run = Run()
    scored = engine_score(run, open_project(PROJECT), engine="spark", as_of=parse_as_of(AS_OF))
    for suffix, data in expected.items():
        path = tmp_path / f"spark{suffix}"
        scored.write(path)
        assert path.read_bytes() == data, suffix
    said = [m.text for m in run.messages]
    assert "hubspot_contacts.csv: hubspot leads: read by the spark engine" in said
    assert scored.rows == 5000
    # Spark's own notices (its JVM's log lines) are not revq's to print.
    assert capfd.readouterr().err == ""
