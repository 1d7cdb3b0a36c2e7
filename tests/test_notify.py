"""`revq notify` against a real HTTP server on 127.0.0.1: what a message says, that nothing is
sent twice, retries, the cap, failures kept for the next run, and secrets never said."""

from __future__ import annotations

import json
import re
import shutil
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import polars as pl
import pytest
import yaml
from pytest_httpserver import HTTPServer
from slack_sdk.models.blocks import Block
from werkzeug import Request, Response

from revq.io.deliver import SIGNATURE_HEADER, TIMESTAMP_HEADER, Pace, verify
from tests.conftest import ROOT, SAMPLE, run_cli

AS_OF = "2026-10-31"
LEAD = "81585149"  # Meridian Logistics, the sample's top lead: sales-ready, Marco Bianchi's
SECRET = "s3cr3t-signing-key"


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests go straight to the test server, never through a proxy set on the machine."""
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name in ("REVQ_SLACK_WEBHOOK_URL", "REVQ_WEBHOOK_URL", "REVQ_WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)


def project(tmp_path: Path, **notify: Any) -> Path:
    """The sample project copied, with a notify section; its configs stay beside it."""
    shutil.copytree(SAMPLE, tmp_path / "sample_data")
    shutil.copytree(ROOT / "configs", tmp_path / "configs")
    path = tmp_path / "sample_data" / "revq.yaml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config["notify"] = {
        "per_second": 1000,
        "burst": 1000,
        "backoff_seconds": 0.01,
        "retries": 2,
        "record_url": "https://crm.example/contacts/{lead_id}",
        **notify,
    }
    config["owners"] = {"Marco Bianchi": "U0MARCO"}
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return tmp_path / "sample_data"


def notify(folder: Path, *args: str) -> Any:
    return run_cli(["notify", "--as-of", AS_OF, *args], cwd=folder)


def scored(folder: Path) -> pl.DataFrame:
    result = run_cli(["score", "--as-of", AS_OF, "-f", "csv", "--no-escape-formulas"], cwd=folder)
    assert result.exit_code == 0, result.stderr
    return pl.read_csv(result.stdout.encode(), infer_schema=False)


def bodies(httpserver: HTTPServer) -> list[dict[str, Any]]:
    return [json.loads(request.data) for request, _ in httpserver.log]


ROUTED = ["sales_ready", "signal_qualified", "mql", "pql"]


def test_a_message_says_what_happened_why_who_and_what_next(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(tmp_path, max_messages=3)
    httpserver.expect_request("/slack", method="POST").respond_with_data("ok")
    monkeypatch.setenv("REVQ_SLACK_WEBHOOK_URL", httpserver.url_for("/slack"))
    result = notify(folder)
    assert result.exit_code == 0, result.stderr
    lead = scored(folder).filter(pl.col("lead_id") == LEAD).row(0, named=True)
    first = bodies(httpserver)[0]
    blocks = first["blocks"]
    text = json.dumps(blocks)
    # What happened, in the header: the company, the stage in words, the score.
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Meridian Logistics is sales-ready: 109"},
    }
    assert round(float(lead["total_score"])) == 109 and lead["stage"] == "sales_ready"
    # Why it matters: the why-now signal with its date and detail, and the top reasons.
    assert lead["why_now"] in text and "2026-10-20" in lead["why_now"]
    for reason in lead["top_reasons"].split(", "):
        assert reason in text
    # Who acts: the owner, mentioned by Slack id from `owners:`.
    assert lead["owner"] == "Marco Bianchi" and "<@U0MARCO>" in text
    # The next move, with its deadline (24 hours: no demo request in the two days before).
    assert lead["next_action"] in text and "within 24 hours" in text
    # A button to the CRM record, and a plain-text fallback for notifications.
    assert blocks[-1]["elements"][0]["url"] == f"https://crm.example/contacts/{LEAD}"
    assert first["text"].startswith("Meridian Logistics is sales-ready: 109. Diego Young")


def test_a_second_run_sends_nothing(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(tmp_path, max_messages=5)
    httpserver.expect_request("/slack").respond_with_data("ok")
    monkeypatch.setenv("REVQ_SLACK_WEBHOOK_URL", httpserver.url_for("/slack"))
    assert notify(folder).exit_code == 0
    sent = len(httpserver.log)
    state = pl.read_parquet(folder / ".revq" / "notified.parquet")
    # Every routed lead is told of on the first run, within the cap and the digests.
    routed = scored(folder).filter(pl.col("stage").is_in(ROUTED))
    assert sorted(state["lead_id"]) == sorted(routed["lead_id"])
    assert set(state["channel"]) == {"slack"}
    again = notify(folder)
    assert again.exit_code == 0, again.stderr
    assert len(httpserver.log) == sent
    assert "0 of 0 messages delivered" in again.stderr


def test_a_429_is_retried_after_retry_after_and_recorded_once(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(tmp_path, max_messages=1, stages=["sales_ready"])
    limited = Response("rate_limited", status=429, headers={"Retry-After": "0"})
    httpserver.expect_ordered_request("/slack").respond_with_response(limited)
    httpserver.expect_ordered_request("/slack").respond_with_data("ok")
    httpserver.expect_request("/slack").respond_with_data("ok")
    monkeypatch.setenv("REVQ_SLACK_WEBHOOK_URL", httpserver.url_for("/slack"))
    result = notify(folder)
    assert result.exit_code == 0, result.stderr
    first, second = bodies(httpserver)[:2]
    assert first == second  # the same message, posted again
    state = pl.read_parquet(folder / ".revq" / "notified.parquet")
    assert state.filter(pl.col("lead_id") == LEAD).height == 1


def test_a_persistent_500_exits_1_and_leaves_the_leads_for_the_next_run(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(tmp_path, max_messages=2, stages=["sales_ready"], per="lead")
    failing = {LEAD}

    def answer(request: Request) -> Response:
        blocks = json.dumps(json.loads(request.data))
        if "Meridian Logistics" in blocks and failing:
            return Response("server_error", status=500)
        return Response("ok")

    httpserver.expect_request("/slack").respond_with_handler(answer)
    monkeypatch.setenv("REVQ_SLACK_WEBHOOK_URL", httpserver.url_for("/slack"))
    result = notify(folder)
    assert result.exit_code == 1
    assert "lead 81585149 was not delivered (HTTP 500" in result.stderr
    # Tried once and retried twice, then given up on; the other leads were sent.
    meridian = [b for b in bodies(httpserver) if "Meridian Logistics" in json.dumps(b)]
    assert len(meridian) == 3
    state = pl.read_parquet(folder / ".revq" / "notified.parquet")
    assert LEAD not in state["lead_id"].to_list()
    assert state.height == scored(folder).filter(pl.col("stage") == "sales_ready").height - 1
    # The next run, the server well again, sends that lead alone.
    failing.clear()
    httpserver.clear_log()
    again = notify(folder)
    assert again.exit_code == 0, again.stderr
    assert len(httpserver.log) == 1 and "Meridian Logistics" in json.dumps(bodies(httpserver)[0])


def test_the_cap_turns_the_rest_into_one_digest_per_owner(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(tmp_path, max_messages=4)
    httpserver.expect_request("/slack").respond_with_data("ok")
    monkeypatch.setenv("REVQ_SLACK_WEBHOOK_URL", httpserver.url_for("/slack"))
    assert notify(folder).exit_code == 0
    routed = scored(folder).filter(pl.col("stage").is_in(ROUTED))
    # The four highest scores alone, then the rest by owner.
    top = routed.with_columns(pl.col("total_score").cast(pl.Float64)).sort(
        ["total_score", "lead_id"], descending=[True, False]
    )
    rest = top.slice(4)
    owners = rest["owner"].unique().to_list()
    sent = bodies(httpserver)
    assert len(sent) == 4 + len(owners)
    headers = [b["blocks"][0]["text"]["text"] for b in sent[4:]]
    for owner in owners:
        count = rest.filter(pl.col("owner") == owner).height
        name = owner or "Unassigned"
        assert f"{count} lead{'s' if count != 1 else ''} for {name} to act on" in headers


def test_dry_run_prints_the_messages_and_changes_no_state(tmp_path: Path) -> None:
    folder = project(tmp_path, max_messages=2)
    result = notify(folder, "--dry-run")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["dry_run"] is True and shown["sent"] == 0
    assert shown["notifications"][0]["leads"] == [{"lead_id": LEAD, "stage": "sales_ready"}]
    assert not (folder / ".revq").exists()


def test_the_webhook_is_signed_and_its_secret_never_said(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(tmp_path, max_messages=1, stages=["sales_ready"], webhook={})
    seen: list[Request] = []

    def answer(request: Request) -> Response:
        seen.append(request)
        return Response(f"nope {request.url}", status=503)

    httpserver.expect_request("/hook").respond_with_handler(answer)
    url = httpserver.url_for("/hook") + "?token=url-secret-part"
    monkeypatch.setenv("REVQ_WEBHOOK_URL", url)
    monkeypatch.setenv("REVQ_WEBHOOK_SECRET", SECRET)
    result = notify(folder)
    assert result.exit_code == 1
    said = result.stdout + result.stderr
    assert SECRET not in said and "url-secret-part" not in said and url not in said
    request = seen[0]
    assert verify(
        SECRET,
        request.headers[TIMESTAMP_HEADER],
        request.get_data(),
        request.headers[SIGNATURE_HEADER],
    )
    assert not verify("another", request.headers[TIMESTAMP_HEADER], request.get_data(), "x")
    body = json.loads(request.get_data())
    assert body["kind"] == "lead" and body["alert"]["lead_id"] == LEAD
    assert set(body["alert"]) >= {"what_happened", "why_it_matters", "who_acts", "next_move"}
    assert body["alert"]["who_acts"]["slack_user"] == "U0MARCO"
    state = folder / ".revq" / "notified.parquet"
    assert not state.exists() or SECRET.encode() not in state.read_bytes()


def test_a_secret_in_revq_yaml_is_a_config_error_naming_the_variable(tmp_path: Path) -> None:
    folder = project(tmp_path, slack={"url": "https://hooks.slack.com/services/T0/B0/XYZ"})
    result = notify(folder)
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith("revq: error: ") and len(line.splitlines()) == 1
    assert "REVQ_SLACK_WEBHOOK_URL" in line and "XYZ" not in line
    assert "notify.slack" in line


def test_a_channel_without_its_variable_is_a_usage_error(tmp_path: Path) -> None:
    folder = project(tmp_path, slack={})
    result = notify(folder)
    assert result.exit_code == 2
    assert "REVQ_SLACK_WEBHOOK_URL is not set" in result.stderr
    bare = project(tmp_path / "bare")
    assert "nothing to notify through" in notify(bare).stderr


def test_crm_upsert_files(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    stages = ["sales_ready", "signal_qualified"]
    folder = project(
        tmp_path,
        stages=stages,
        crm_files={
            "hubspot": {"export": "hubspot", "id_property": "hs_object_id", "id_column": "lead_id"},
            "salesforce": {"export": "salesforce", "external_id": "Revq_Lead_Id__c"},
        },
    )
    path = folder / "revq.yaml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config["exports"]["salesforce"] = {
        "columns": {"Revq_Lead_Id__c": "lead_id", "Email": "email", "Revq_Stage__c": "stage"}
    }
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    out = tmp_path / "crm"
    assert notify(folder, "--dry-run", "--crm-files", str(out)).exit_code == 0
    assert not out.exists()  # a dry run writes nothing
    httpserver.expect_request("/slack").respond_with_data("ok")
    monkeypatch.setenv("REVQ_SLACK_WEBHOOK_URL", httpserver.url_for("/slack"))
    result = notify(folder, "--crm-files", str(out))
    assert result.exit_code == 0, result.stderr
    routed = scored(folder).filter(pl.col("stage").is_in(stages))
    # HubSpot: batches of at most 100 inputs, matched on the record id, the layout's other
    # fields as properties.
    batches = sorted(out.glob("hubspot_upsert_*.json"))
    assert len(batches) == -(-routed.height // 100) > 1
    inputs = [i for b in batches for i in json.loads(b.read_text())["inputs"]]
    assert all(len(json.loads(b.read_text())["inputs"]) <= 100 for b in batches)
    assert sorted(i["id"] for i in inputs) == sorted(routed["lead_id"])
    assert {i["idProperty"] for i in inputs} == {"hs_object_id"}
    meridian = next(i for i in inputs if i["id"] == LEAD)["properties"]
    assert "Record ID" not in meridian
    assert meridian["revq Stage"] == "sales_ready" and meridian["Contact owner"] == "Marco Bianchi"
    # Salesforce: the layout's API names as the header, one row a lead.
    bulk = pl.read_csv(out / "salesforce_upsert.csv", infer_schema=False)
    assert bulk.columns == ["Revq_Lead_Id__c", "Email", "Revq_Stage__c"]
    assert sorted(bulk["Revq_Lead_Id__c"]) == sorted(routed["lead_id"])


def test_pace_keeps_one_a_second_after_a_burst() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pace = Pace(per_second=1.0, burst=3, clock=lambda: now[0], sleep=sleep)
    for _ in range(6):
        pace.wait()
    # Three at once, then one a second.
    assert slept == pytest.approx([1.0, 1.0, 1.0])


def test_the_documented_message_is_what_revq_composes() -> None:
    from datetime import UTC, datetime

    from revq.app.inputs import parse_as_of
    from revq.app.notify import notify as run_notify
    from revq.app.run import Run
    from revq.io.project import load_project

    docs = (ROOT / "docs" / "notify.md").read_text(encoding="utf-8")
    documented = json.loads(docs.split("```json\n", 1)[1].split("```", 1)[0])
    result = run_notify(
        Run(),
        load_project(SAMPLE / "revq.yaml"),
        as_of=parse_as_of(AS_OF),
        dry_run=True,
        now=datetime(2026, 10, 31, 7, tzinfo=UTC),  # the cron line's hour
    )
    first = result.to_dict()["notifications"][0]
    assert first["leads"] == [{"lead_id": LEAD, "stage": "sales_ready"}]
    assert first["body"] == documented


def test_every_signed_message_verifies_digests_too(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Digests of owners without a Slack id carry nulls, which the client leaves out.
    folder = project(tmp_path, max_messages=1, webhook={})
    seen: list[Request] = []

    def answer(request: Request) -> Response:
        seen.append(request)
        return Response("ok")

    httpserver.expect_request("/hook").respond_with_handler(answer)
    monkeypatch.setenv("REVQ_WEBHOOK_URL", httpserver.url_for("/hook"))
    monkeypatch.setenv("REVQ_WEBHOOK_SECRET", SECRET)
    assert notify(folder).exit_code == 0
    kinds = {json.loads(r.get_data())["kind"] for r in seen}
    assert kinds == {"lead", "digest"} and len(seen) > 2
    for r in seen:
        assert verify(
            SECRET, r.headers[TIMESTAMP_HEADER], r.get_data(), r.headers[SIGNATURE_HEADER]
        )


def test_a_fail_on_condition_on_what_would_be_sent_sends_nothing(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(tmp_path)
    httpserver.expect_request("/slack").respond_with_data("ok")
    monkeypatch.setenv("REVQ_SLACK_WEBHOOK_URL", httpserver.url_for("/slack"))
    result = notify(folder, "--fail-on", "new>5")
    assert result.exit_code == 1
    assert "--fail-on met before sending: new>5" in result.stderr
    assert len(httpserver.log) == 0 and not (folder / ".revq" / "notified.parquet").exists()


def test_a_url_where_a_variable_name_belongs_is_never_echoed(tmp_path: Path) -> None:
    folder = project(tmp_path, webhook={"url_env": "https://hooks.example/T0/XYZSECRET"})
    result = notify(folder, "--dry-run")
    assert result.exit_code == 2 and "XYZSECRET" not in result.stderr + result.stdout
    assert "notify.webhook.url_env: expected the name of an environment variable" in result.stderr


def test_a_server_echoing_the_path_does_not_leak_it(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(tmp_path, max_messages=1, stages=["sales_ready"], retries=0)
    path = "/services/T0/B0/PATHSECRET"
    httpserver.expect_request(path).respond_with_handler(
        lambda request: Response(f"no such hook: {request.path}", status=404)
    )
    monkeypatch.setenv("REVQ_SLACK_WEBHOOK_URL", httpserver.url_for(path))
    result = notify(folder)
    assert result.exit_code == 1
    assert "PATHSECRET" not in result.stdout + result.stderr
    assert "HTTP 404" in result.stderr and "not retried" in result.stderr


def test_export_text_cannot_ping_a_channel(tmp_path: Path) -> None:
    folder = project(tmp_path, max_messages=1, stages=["sales_ready"])
    contacts = folder / "hubspot_contacts.csv"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace("Meridian Logistics", "<!channel> Co"),
        encoding="utf-8",
    )
    shown = json.loads(notify(folder, "--dry-run").stdout)
    body = shown["notifications"][0]["body"]
    assert body["text"].startswith("&lt;!channel&gt; Co is sales-ready")
    assert "<!channel>" not in json.dumps(body["blocks"][1:])  # the header is plain text


def test_upsert_files_of_an_earlier_run_are_removed(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(tmp_path, stages=["sales_ready"])
    httpserver.expect_request("/slack").respond_with_data("ok")
    monkeypatch.setenv("REVQ_SLACK_WEBHOOK_URL", httpserver.url_for("/slack"))
    out = tmp_path / "crm"
    assert notify(folder, "--crm-files", str(out)).exit_code == 0
    assert list(out.glob("hubspot_upsert_*.json"))
    (out / "notes.txt").write_text("the team's own file", encoding="utf-8")
    again = notify(folder, "--crm-files", str(out))  # nothing new: nothing to push
    assert again.exit_code == 0
    assert not list(out.glob("hubspot_upsert_*.json")) and (out / "notes.txt").exists()


def test_a_link_template_naming_an_unknown_column_is_a_config_error(tmp_path: Path) -> None:
    folder = project(tmp_path)
    path = folder / "revq.yaml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config["notify"].pop("record_url")
    config["crm_url"] = "https://crm.example/{record_id}"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = notify(folder, "--dry-run")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "crm_url: {record_id} is not a column of the scored leads" in result.stderr


def test_a_url_with_user_info_is_sent_as_basic_auth_and_never_said(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(tmp_path, max_messages=1, stages=["sales_ready"], webhook={}, retries=0)
    seen: list[Request] = []

    def answer(request: Request) -> Response:
        seen.append(request)
        return Response(f"nope, with {request.headers}", status=503)  # the headers echoed

    httpserver.expect_request("/hook").respond_with_handler(answer)
    # The password percent-encoded, as a URL must carry an "@".
    url = httpserver.url_for("/hook").replace("://", "://hookuser:S3CRET%40PW@")
    monkeypatch.setenv("REVQ_WEBHOOK_URL", url)
    result = notify(folder)
    assert result.exit_code == 1 and "HTTP 503" in result.stderr
    auth = seen[0].authorization
    assert auth is not None and (auth.username, auth.password) == ("hookuser", "S3CRET@PW")
    said = result.stdout + result.stderr
    token = seen[0].headers["Authorization"].split()[1]
    for secret in ("hookuser", "S3CRET", token):
        assert secret not in said


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1",
        "ftp://127.0.0.1/hook/SECRETPATH",
        "http://127.0.0.1:SECRETPORT/hook",
        "hooks.example.com/hook/SECRETPATH",
    ],
)
def test_a_webhook_variable_without_a_url_is_a_usage_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    folder = project(tmp_path, webhook={})
    monkeypatch.setenv("REVQ_WEBHOOK_URL", url)
    result = notify(folder)
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith("revq: error: REVQ_WEBHOOK_URL ") and len(line.splitlines()) == 1
    assert "internal error" not in line and "SECRET" not in line and "::1" not in line


def test_a_long_retry_after_is_waited_a_minute_at_most_and_said(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(tmp_path, max_messages=1, stages=["sales_ready"], per="owner")
    limited = Response("rate_limited", status=429, headers={"Retry-After": "100000"})
    httpserver.expect_request("/slack").respond_with_response(limited)
    monkeypatch.setenv("REVQ_SLACK_WEBHOOK_URL", httpserver.url_for("/slack"))
    slept: list[float] = []
    _note_waits(monkeypatch, slept)
    result = notify(folder)
    assert result.exit_code == 1
    assert slept and set(slept) == {60}  # two retries of each message, a minute before each
    assert "HTTP 429: rate_limited, after 2 retries; the server asked to wait 100,000 s" in (
        result.stderr
    )


def _note_waits(monkeypatch: pytest.MonkeyPatch, slept: list[float]) -> None:
    """The waits revq's 429 handler makes, noted and not waited. Only deliver's `time` is
    replaced: a global time.sleep would also note the waits of the test server's threads and
    of slack_sdk's own handlers on a busy machine."""
    from revq.io import deliver

    shim = SimpleNamespace(sleep=slept.append, time=time.time, monotonic=time.monotonic)
    monkeypatch.setattr(deliver, "time", shim)


@pytest.mark.parametrize("form", ["garbage", "date"])
def test_a_retry_after_date_is_read_and_garbage_is_no_header(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    folder = project(tmp_path, max_messages=1, stages=["sales_ready"], per="lead")

    def limited(request: Request) -> Response:
        # The date made when it is answered: the wait it asks for is half a minute.
        soon = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
        return Response("rate_limited", status=429, headers={"Retry-After": soon})

    if form == "date":
        httpserver.expect_ordered_request("/slack").respond_with_handler(limited)
    else:
        garbage = Response("rate_limited", status=429, headers={"Retry-After": "abc"})
        httpserver.expect_ordered_request("/slack").respond_with_response(garbage)
    httpserver.expect_request("/slack").respond_with_data("ok")
    monkeypatch.setenv("REVQ_SLACK_WEBHOOK_URL", httpserver.url_for("/slack"))
    slept: list[float] = []
    _note_waits(monkeypatch, slept)
    result = notify(folder)
    assert result.exit_code == 0, result.stderr
    [wait] = slept
    # A date: until then; garbage: as with no header, the backoff (0.01 s, jittered).
    assert 25 < wait <= 30 if form == "date" else wait < 1


def test_the_generic_webhook_carries_export_text_as_it_is(tmp_path: Path) -> None:
    # JSON encoding is its escaping: Slack's &amp; would reach the receiver as four characters.
    folder = project(tmp_path, max_messages=1, stages=["sales_ready"], webhook={})
    contacts = folder / "hubspot_contacts.csv"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace("Meridian Logistics", "Meridian & <Co>"),
        encoding="utf-8",
    )
    shown = json.loads(notify(folder, "--dry-run").stdout)
    body = shown["notifications"][0]["body"]
    assert body["kind"] == "lead"
    assert body["text"].startswith("Meridian & <Co> is sales-ready: 109. Diego Young")
    assert body["alert"]["what_happened"] == "Meridian & <Co> is sales-ready: 109"


def mrkdwn_texts(block: dict[str, Any]) -> list[str]:
    texts = [block["text"]] if "text" in block else []
    texts += block.get("fields", []) + block.get("elements", [])
    return [t["text"] for t in texts if t.get("type") == "mrkdwn"]


@pytest.mark.parametrize("per", ["owner", "lead"])
def test_long_export_text_is_cut_to_slack_limits_and_every_digest_lists_its_leads(
    tmp_path: Path, per: str
) -> None:
    folder = project(tmp_path, per=per)
    for name, old, new in [
        ("hubspot_contacts.csv", "Meridian Logistics", "Meridian Logistics " + "R&D " * 1000),
        ("hubspot_contacts.csv", "Sam Ortiz", "Sam Ortiz " + "<b> " * 1000),
        ("signals.csv", "Hiring 4 revenue", "Hiring 4 revenue " + "<R&D> " * 700),
    ]:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    result = notify(folder, "--dry-run")
    assert result.exit_code == 0, result.stderr
    for message in json.loads(result.stdout)["notifications"]:
        body = message["body"]
        blocks = body["blocks"]
        assert len(blocks) <= 50 and len(body["text"]) <= 4000  # Slack's limit; its advice
        assert "<b>" not in body["text"]  # the owner's name escaped in a digest's text too
        for block in blocks:
            parsed = Block.parse(block)
            assert parsed is not None
            parsed.to_dict()  # slack_sdk checks the limits it knows
            assert all(len(f["text"]) <= 2000 for f in block.get("fields", []))
            for text in mrkdwn_texts(block):
                assert len(text) <= 3000
                assert not re.search("&(?!amp;|lt;|gt;)", text)  # no escape cut in two
        if message["kind"] == "digest":
            # Each lead the state will hold as told is listed, up to ten, or counted.
            lines = [
                line
                for block in blocks
                for text in mrkdwn_texts(block)
                for line in text.splitlines()
            ]
            told = len(message["leads"])
            listed = sum(line.startswith("• ") for line in lines)
            assert listed == min(told, 10)
            more = [line for line in lines if line.startswith(f"…and {told - listed} more")]
            assert len(more) == (told > listed)


def test_a_digest_of_one_lead_says_one_lead() -> None:
    from revq.render.notify_view import webhook_digest

    class One:
        def to_dict(self) -> dict[str, str]:
            return {}

    assert webhook_digest("Ana", [], {})["text"] == "0 leads for Ana to act on."
    one = webhook_digest(None, [One()], {})  # type: ignore[list-item]
    assert one["text"] == "1 lead for Unassigned to act on."


def test_a_failed_digest_is_named_with_its_count_in_words() -> None:
    from revq.app.notify import Notification, _about

    def digest(n: int) -> Notification:
        leads = tuple((str(i), "sales_ready") for i in range(n))
        return Notification("#sales", "digest", leads, {}, "m")

    assert _about(digest(1)) == "a digest of 1 lead"
    assert _about(digest(1200)) == "a digest of 1,200 leads"
