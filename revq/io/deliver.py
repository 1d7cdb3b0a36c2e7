"""Messages out: a Slack incoming webhook or a generic JSON webhook, paced and retried.

slack_sdk's WebhookClient posts the JSON and retries through its retry handlers: one for 429
(which waits as Retry-After says, a minute at most), and one for every 5xx with a doubling
backoff. The generic webhook goes through the same client: it is a JSON POST with headers, and
the HMAC-SHA256 signature is computed over the exact bytes the client sends. A URL's user info
(`https://user:password@host/...`) goes as HTTP Basic auth, as browsers and curl send it; no
redirect to another origin is followed (revq.io.redirects), so neither it nor the signature
reaches a host that was not configured."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import time
from base64 import b64encode
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import unquote, urlsplit

from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.interval_calculator import RetryIntervalCalculator
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from revq.io.redirects import SameOriginRedirects, SameOriginWebhookClient

# slack_sdk logs each request's URL at debug level: a notebook with debug logging on would print
# the webhook's secret URL.
logging.getLogger("slack_sdk").setLevel(logging.WARNING)

SIGNATURE_HEADER = "X-Revq-Signature"
TIMESTAMP_HEADER = "X-Revq-Timestamp"
# The longest wait a 429's Retry-After gets: a server asking for hours would hold the cron job,
# and the state lock, that long for each retry.
MAX_RETRY_AFTER = 60


class AnyServerErrorRetryHandler(ServerErrorRetryHandler):
    """slack_sdk's server-error handler retries 500 and 503; a gateway's 502 and 504 are as
    passing."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and 500 <= response.status_code < 600


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """The seconds a Retry-After header asks to wait: a number of seconds, or an HTTP date;
    None without the header or for a value that is neither."""
    value = (value or "").strip()
    if re.fullmatch("[0-9]+", value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # "-0000": a time in UTC, its source unknown
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterHandler(RateLimitErrorRetryHandler):
    """slack_sdk's 429 handler waits as long as Retry-After says, however long, and fails on
    an HTTP date or garbage: this one reads both forms, waits MAX_RETRY_AFTER at most (and
    notes what the server asked for beyond it), and backs off as for a 5xx without a header
    it can read."""

    def __init__(self, max_retry_count: int, interval_calculator: RetryIntervalCalculator):
        super().__init__(max_retry_count, interval_calculator)
        self.asked_longer: float | None = None  # the longest wait asked for beyond the cap

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        headers = response.headers if response is not None else {}
        value = next((v[0] for k, v in headers.items() if k.lower() == "retry-after" and v), None)
        asked = retry_after(value)
        if asked is None:
            wait = self.interval_calculator.calculate_sleep_duration(state.current_attempt)
        else:
            wait = min(asked, MAX_RETRY_AFTER)
            if asked > MAX_RETRY_AFTER:
                self.asked_longer = max(asked, self.asked_longer or 0)
        state.next_attempt_requested = True
        time.sleep(wait)
        state.increment_current_attempt()


class Pace:
    """At most `per_second` messages a second on average, `burst` of them at once (a token
    bucket), so a run never floods a channel or trips its rate limit."""

    def __init__(
        self,
        per_second: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.per_second, self.burst = per_second, burst
        self._clock, self._sleep = clock, sleep
        self._tokens, self._last = float(burst), clock()

    def wait(self) -> None:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.per_second)
        self._last = now
        if self._tokens < 1:
            self._sleep((1 - self._tokens) / self.per_second)
            self._last = self._clock()
            self._tokens = 1.0
        self._tokens -= 1


@dataclass(frozen=True)
class Delivery:
    """What became of one message: sent (a 2xx), or the status and text of the last answer."""

    ok: bool
    status: int | None
    detail: str
    asked_longer: float | None = None  # a Retry-After longer than MAX_RETRY_AFTER, in seconds
    redirected_to: str | None = None  # where a redirect off the URL's origin pointed: not followed
    moved: bool = False  # the redirect refused said the URL moved (within its origin or not)


def is_webhook_url(url: str) -> bool:
    """Whether `url` is an http(s) URL with a host (and a port that is a number)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class Webhook:
    """A webhook messages are posted to; the URL and secret are never said or kept."""

    def __init__(
        self,
        url: str,
        *,
        retries: int,
        backoff: float,
        secret: str | None = None,
        timeout: int = 30,
    ) -> None:
        parts = urlsplit(url)
        said: list[str | None] = [url, parts.path, parts.query, secret]
        headers = {}
        if "@" in parts.netloc:
            # urllib would take the user info for part of the host (and say it in its error):
            # HTTP carries it in the Authorization header.
            userinfo, _, host = parts.netloc.rpartition("@")
            user, _, password = userinfo.partition(":")
            credentials = f"{unquote(user)}:{unquote(password)}"
            token = b64encode(credentials.encode()).decode()
            headers["Authorization"] = f"Basic {token}"
            url = parts._replace(netloc=host).geturl()
            said += [url, userinfo, user, password, unquote(user), unquote(password), token]
        interval = BackoffRetryIntervalCalculator(backoff_factor=backoff)
        self._rate = RetryAfterHandler(max_retry_count=retries, interval_calculator=interval)
        handlers: list[RetryHandler] = [
            ConnectionErrorRetryHandler(max_retry_count=retries, interval_calculator=interval),
            self._rate,
            AnyServerErrorRetryHandler(max_retry_count=retries, interval_calculator=interval),
        ]
        self._redirects = SameOriginRedirects(url)
        self._client = SameOriginWebhookClient(
            url,
            self._redirects,
            timeout=timeout,
            default_headers=headers,
            retry_handlers=handlers,
        )
        # The URLs and their parts (a server may echo any) and the credentials: never said,
        # the longest replaced first so that no part of one is left.
        self._secrets = sorted({s for s in said if s and len(s) > 1}, key=len, reverse=True)
        self._secret = secret

    def post(self, body: dict[str, Any]) -> Delivery:
        """Post one message (retried on 429, 5xx and dropped connections)."""
        # The client leaves out top-level nulls before it sends: so does the signature, which
        # must be over the bytes sent.
        body = {k: v for k, v in body.items() if v is not None}
        headers = self._signed(body) if self._secret else {}
        self._rate.asked_longer = self._redirects.refused = None
        self._redirects.moved = False
        try:
            response = self._client.send_dict(body, headers=headers)
        except Exception as exc:  # urllib raises several kinds for a host it cannot reach
            return Delivery(False, None, self.redacted(str(exc) or type(exc).__name__))
        ok = 200 <= response.status_code < 300
        detail = self.redacted(str(response.body)[:200])
        refused = self._redirects.refused
        redirected_to = None if refused is None else self.redacted(refused)
        return Delivery(
            ok,
            response.status_code,
            detail,
            self._rate.asked_longer,
            redirected_to,
            self._redirects.moved,
        )

    def _signed(self, body: dict[str, Any]) -> dict[str, str]:
        # The client sends json.dumps(body) as it is: the signature is over those bytes, with
        # the timestamp first so a captured request cannot be replayed later unnoticed.
        stamp = str(int(time.time()))
        payload = f"{stamp}.{json.dumps(body)}".encode()
        assert self._secret is not None
        digest = hmac.new(self._secret.encode(), payload, hashlib.sha256).hexdigest()
        return {TIMESTAMP_HEADER: stamp, SIGNATURE_HEADER: f"sha256={digest}"}

    def redacted(self, text: str) -> str:
        """`text` with the URL and the secret replaced: neither is ever said."""
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text


def verify(secret: str, timestamp: str, body: bytes, signature: str) -> bool:
    """Whether a request's signature header is the one the secret gives: what a receiver
    checks (documented; used by the tests)."""
    payload = timestamp.encode() + b"." + body
    expected = "sha256=" + hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)
