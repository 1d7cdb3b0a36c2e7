"""The redirects a webhook request follows: those within the webhook URL's origin only.

urllib follows a redirect to any host and copies the request's headers to it, the Authorization
header of a URL's user info and the signature among them. A webhook that answers with a
redirect to another host is refused instead: the message goes undelivered (and is tried again
on the next run), and neither the credentials nor the leads' data leave for a host the team
did not configure. Following without the credentials would not do either: urllib follows a
POST's redirect as a GET without the body, so the message would be lost while the other host's
2xx counted it as delivered."""

from __future__ import annotations

from http.client import HTTPMessage
from typing import IO, Any
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import (
    HTTPRedirectHandler,
    HTTPSHandler,
    OpenerDirector,
    ProxyHandler,
    Request,
    build_opener,
)

from slack_sdk.webhook import WebhookClient
from slack_sdk.webhook.webhook_response import WebhookResponse

DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> tuple[str, str, int | None] | None:
    """The scheme, host and port a URL reaches (the port the scheme implies when it names
    none); None for a URL whose port is not a number."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    return scheme, parts.hostname or "", port or DEFAULT_PORTS.get(scheme)


def site_of(url: str) -> str:
    """A URL's scheme, host and port as written, without its user info (which may hold a
    password) or path (which may hold a token)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


class SameOriginRedirects(HTTPRedirectHandler):
    """Follows a redirect as urllib does while it stays within the webhook URL's origin; refuses
    one anywhere else (another host, port or scheme, http for https too) as an answer not
    followed, noting where it pointed in `refused`."""

    def __init__(self, url: str) -> None:
        self._origin = origin(url)
        self.refused: str | None = None  # the site a refused redirect pointed to (site_of)
        self.moved = False  # the refused redirect said the URL moved (301, 302)

    def redirect_request(
        self,
        req: Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> Request | None:
        # Each hop is held to the configured origin, not to the hop before it: a redirect
        # within the host and then away from it is refused too.
        if origin(newurl) != self._origin:
            self.refused = site_of(newurl)
            raise HTTPError(req.full_url, code, msg, headers, fp)
        if code in (301, 302) and req.get_method() == "POST":
            # The URL moved and the message was not taken: urllib would send it on as a GET
            # without its body, and that GET's 2xx would count a message nobody received.
            # (A 303 says the POST was taken and its answer is elsewhere: followed.)
            self.refused, self.moved = site_of(newurl), True
            raise HTTPError(req.full_url, code, msg, headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class SameOriginWebhookClient(WebhookClient):
    """slack_sdk's webhook client, its requests opened with `redirects` in place of urllib's
    handler (which follows a redirect anywhere, the request's headers with it)."""

    def __init__(self, url: str, redirects: SameOriginRedirects, **kwargs: Any) -> None:
        super().__init__(url, **kwargs)
        handlers: list[Any] = [HTTPSHandler(context=self.ssl), redirects]
        if self.proxy:  # given, or read from HTTPS_PROXY and the like by slack_sdk
            handlers.append(ProxyHandler({"http": self.proxy, "https": self.proxy}))
        self._opener: OpenerDirector = build_opener(*handlers)

    def _perform_http_request_internal(self, url: str, req: Request) -> WebhookResponse:
        # slack_sdk's own method, with this client's opener; slack_sdk reads an HTTPError (a
        # refused redirect among them) as the answer, and retries as its handlers say.
        with self._opener.open(req, timeout=self.timeout) as answer:
            charset = answer.headers.get_content_charset() or "utf-8"
            body = answer.read().decode(charset)
            return WebhookResponse(
                url=url, status_code=answer.status, body=body, headers=answer.headers
            )
