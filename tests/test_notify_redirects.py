"""A webhook that redirects: within its origin the redirect is followed; to another origin it
is not, and neither the URL's credentials nor the signature reach the other host. Two servers
on 127.0.0.1, on two ports: two origins."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from revq.io.redirects import origin
from tests.test_notify import LEAD, SECRET, no_proxy, notify, project

__all__ = ["no_proxy"]  # its autouse fixture, for these tests too

USER, PASSWORD = "hookuser", "S3CRET-PW"


def _server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1")
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def webhook() -> Iterator[HTTPServer]:
    """The server the webhook URL names."""
    yield from _server()


@pytest.fixture
def elsewhere() -> Iterator[HTTPServer]:
    """Another server, on another port: another origin."""
    yield from _server()


def _with_credentials(url: str) -> str:
    return url.replace("://", f"://{USER}:{PASSWORD}@")


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_origin_is_not_followed_and_carries_no_credentials(
    tmp_path: Path,
    webhook: HTTPServer,
    elsewhere: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
) -> None:
    folder = project(tmp_path, max_messages=1, stages=["sales_ready"], webhook={}, retries=0)
    away = elsewhere.url_for("/landing")
    moved = Response("moved", status=code, headers={"Location": away})
    webhook.expect_request("/hook", method="POST").respond_with_response(moved)
    elsewhere.expect_request("/landing").respond_with_data("ok")
    monkeypatch.setenv("REVQ_WEBHOOK_URL", _with_credentials(webhook.url_for("/hook")))
    monkeypatch.setenv("REVQ_WEBHOOK_SECRET", SECRET)
    result = notify(folder)
    assert webhook.log and webhook.log[0][0].authorization is not None  # the URL's own host
    assert all("Authorization" not in request.headers for request, _ in elsewhere.log)
    assert elsewhere.log == []  # nor the message, nor its signature
    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if "not delivered" in line]
    assert len(failed) == len(webhook.log)  # each message, the lead's and the digests
    assert f"lead {LEAD} was not delivered (HTTP {code}: a redirect to " in failed[0]
    assert all(f"a redirect to http://127.0.0.1:{elsewhere.port}, " in f for f in failed)
    said = result.stdout + result.stderr
    token = webhook.log[0][0].headers["Authorization"].split()[1]
    for secret in (USER, PASSWORD, SECRET, token):
        assert secret not in said
    assert not (folder / ".revq" / "notified.parquet").exists()  # told next run


def test_a_redirect_within_the_origin_is_followed_with_the_credentials(
    tmp_path: Path, webhook: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 303 See Other: the POST was taken, and its answer is elsewhere on the same host.
    folder = project(tmp_path, max_messages=1, stages=["sales_ready"], webhook={}, retries=0)
    seen = Response("see other", status=303, headers={"Location": "/done"})
    webhook.expect_request("/hook", method="POST").respond_with_response(seen)
    webhook.expect_request("/done").respond_with_data("ok")
    monkeypatch.setenv("REVQ_WEBHOOK_URL", _with_credentials(webhook.url_for("/hook")))
    result = notify(folder)
    assert result.exit_code == 0, result.stderr
    paths = [request.path for request, _ in webhook.log]
    assert paths[:2] == ["/hook", "/done"] and paths.count("/hook") == paths.count("/done")
    for request, _ in webhook.log:
        auth = request.authorization
        assert auth is not None and (auth.username, auth.password) == (USER, PASSWORD)


@pytest.mark.parametrize("code", [301, 302])
def test_a_webhook_that_moved_within_its_host_is_not_told_by_a_get(
    tmp_path: Path, webhook: HTTPServer, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """urllib sends a POST answered 301 or 302 on as a GET without its body: the new path's
    200 would count as delivered a message nobody received."""
    folder = project(tmp_path, max_messages=1, stages=["sales_ready"], webhook={}, retries=0)
    moved = Response("moved", status=code, headers={"Location": "/new-hook"})
    webhook.expect_request("/hook", method="POST").respond_with_response(moved)
    webhook.expect_request("/new-hook").respond_with_data("ok")
    monkeypatch.setenv("REVQ_WEBHOOK_URL", webhook.url_for("/hook"))
    result = notify(folder)
    assert [request.path for request, _ in webhook.log] == ["/hook"] * len(webhook.log)
    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if "not delivered" in line]
    assert failed and len(failed) == len(webhook.log)
    assert (
        f"(HTTP {code}: the webhook URL has moved, within http://127.0.0.1:{webhook.port}"
        in (failed[0])
    )
    assert not (folder / ".revq" / "notified.parquet").exists()  # told next run


@pytest.mark.parametrize(
    ("there", "same"),
    [
        ("https://hooks.example.com/other", True),
        ("https://HOOKS.example.com:443/", True),
        ("http://hooks.example.com/x", False),  # no step down to plain http
        ("https://hooks.example.com:8443/x", False),
        ("https://evil.example/x", False),
        ("https://hooks.example.com.evil.example/x", False),
        ("https://hooks.example.com:port/x", False),
    ],
)
def test_an_origin_is_scheme_host_and_port(there: str, same: bool) -> None:
    assert (origin(there) == origin("https://user:pw@hooks.example.com/hook")) is same
