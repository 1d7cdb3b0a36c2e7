"""revq.yaml's warehouse: the connection URL names its credentials as ${VAR}, revq expands
them from the environment when it connects, and no password reaches a message, an error or a
file revq writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from revq.config.warehouse import (
    MissingVariable,
    expand_variables,
    literal_secrets,
    redact_text,
    redact_url,
    secrets_of,
)
from tests.conftest import SAMPLE, run_cli

PASSWORD = "s3cr3t-Pa55"


def test_variables_expand_from_the_environment() -> None:
    env = {"REVQ_WAREHOUSE_PASSWORD": PASSWORD, "USER_NAME": "revops"}
    url = "postgres://${USER_NAME}:${REVQ_WAREHOUSE_PASSWORD}@db.example.com/analytics"
    assert expand_variables(url, env) == f"postgres://revops:{PASSWORD}@db.example.com/analytics"
    with pytest.raises(MissingVariable) as caught:
        expand_variables(url, {"USER_NAME": "revops"})
    assert caught.value.name == "REVQ_WAREHOUSE_PASSWORD"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (f"postgres://ana:{PASSWORD}@h/db", "postgres://ana:***@h/db"),
        ("postgres://ana:${REVQ_PW}@h/db", "postgres://ana:${REVQ_PW}@h/db"),
        (f"snowflake://ana@acct/db?password={PASSWORD}&warehouse=WH", None),
        ("duckdb:///tmp/wh.db", "duckdb:///tmp/wh.db"),
    ],
)
def test_a_url_is_shown_without_its_password(url: str, shown: str | None) -> None:
    out = redact_url(url)
    assert PASSWORD not in out
    if shown is not None:
        assert out == shown
    else:
        assert out == "snowflake://ana@acct/db?password=***&warehouse=WH"


def test_secrets_of_an_expanded_url_are_masked_in_any_text() -> None:
    url = f"postgres://ana:{PASSWORD}@h/db"
    message = f'connection to "h" failed for ana:{PASSWORD}; password "{PASSWORD}"'
    assert PASSWORD not in redact_text(message, secrets_of(url))
    assert literal_secrets(url)
    assert not literal_secrets("postgres://ana:${REVQ_PW}@h/db")


def _project(tmp_path: Path, url: str) -> Path:
    for name in ("hubspot_contacts.csv", "activities.csv", "signals.csv"):
        shutil.copy(SAMPLE / name, tmp_path / name)
    shutil.copy(SAMPLE.parent / "configs" / "scoring.yaml", tmp_path / "scoring.yaml")
    (tmp_path / "revq.yaml").write_text(
        "version: 1\nname: wh\ninputs:\n  leads: {path: hubspot_contacts.csv, source: hubspot}\n"
        "configs: {scoring: scoring.yaml}\n"
        f"warehouse:\n  url: '{url}'\n",
        encoding="utf-8",
    )
    return tmp_path / "revq.yaml"


def test_a_password_written_in_revq_yaml_is_a_config_error(tmp_path: Path) -> None:
    project = _project(tmp_path, f"postgres://ana:{PASSWORD}@h/db")
    result = run_cli(["score", "--project", str(project), "--engine", "warehouse"])
    assert result.exit_code == 2
    assert PASSWORD not in result.stderr + result.stdout
    assert "warehouse.url" in result.stderr
    assert "${REVQ_WAREHOUSE_PASSWORD}" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_variable_not_set_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REVQ_TEST_PW", raising=False)
    project = _project(tmp_path, "postgres://ana:${REVQ_TEST_PW}@127.0.0.1:9/db")
    result = run_cli(["score", "--project", str(project), "--engine", "warehouse"])
    assert result.exit_code == 2
    assert "REVQ_TEST_PW is not set" in result.stderr


def test_a_failed_connection_never_shows_the_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The password comes from the environment; the connection fails (nothing listens on
    port 9, or the driver is missing): whatever the driver says, the password is masked."""
    monkeypatch.setenv("REVQ_TEST_PW", PASSWORD)
    project = _project(tmp_path, "postgres://ana:${REVQ_TEST_PW}@127.0.0.1:9/db")
    result = run_cli(["score", "--project", str(project), "--engine", "warehouse"])
    assert result.exit_code == 2, result.stderr
    assert PASSWORD not in result.stderr + result.stdout
    assert result.stderr.startswith("revq: error: ")
    assert "postgres://ana:${REVQ_TEST_PW}@127.0.0.1:9/db" in result.stderr
    url = f"postgres://ana:{PASSWORD}@127.0.0.1:9/db"
    result = run_cli(["score", "--project", str(project), "--engine", url])
    assert result.exit_code == 2
    assert PASSWORD not in result.stderr + result.stdout
    assert "postgres://ana:***@127.0.0.1:9/db" in result.stderr


def test_compile_never_writes_the_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVQ_TEST_PW", PASSWORD)
    project = _project(tmp_path, "postgres://ana:${REVQ_TEST_PW}@127.0.0.1:9/db")
    model = tmp_path / "models" / "revq_scored_leads.sql"
    result = run_cli(
        ["compile", "--project", str(project), "--dialect", "postgres", "--dbt", str(model)]
    )
    assert result.exit_code == 0, result.stderr
    assert PASSWORD not in model.read_text(encoding="utf-8") + result.stderr + result.stdout
