"""Fetch one report page over HTTP(S), bounded in size and time.

fogline fetches a URL only when the user names it (``fogline add URL``). A fetch follows at
most ``MAX_REDIRECTS`` redirects, and only to http or https addresses. It refuses a body
over ``max_bytes`` (by its Content-Length, and again while reading) and gives up after
``timeout`` seconds in all. Every failure is an ``InputError`` with a one-line reason.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPMessage
from typing import IO
from urllib.parse import urljoin, urlsplit

from fogline import __version__
from fogline.errors import InputError
from fogline.ingest.formats import split_content_type
from fogline.ingest.problems import human_size

SCHEMES = ("http", "https")
MAX_REDIRECTS = 5
TIMEOUT = 20.0
USER_AGENT = f"fogline/{__version__} (report reader; fetches only what its user names)"
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched page: its final address (after redirects), body and declared type."""

    url: str
    data: bytes
    media_type: str  # lower-case, without parameters; "" when the server names none
    charset: str | None


def is_url(text: str) -> bool:
    """True for an absolute http(s) address with a host ("https://example.org/a")."""
    try:
        parts = urlsplit(text)
        return parts.scheme.lower() in SCHEMES and bool(parts.hostname)
    except ValueError:  # a malformed address ("http://[::1")
        return False


def fetch(url: str, *, max_bytes: int, timeout: float = TIMEOUT) -> Fetched:
    """GET ``url``; raises InputError (one line) on a bad address, an HTTP error, a
    refused redirect, a body over ``max_bytes`` or a fetch longer than ``timeout`` s."""
    if not is_url(url):
        raise InputError("not an http(s) address")
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    opener = urllib.request.build_opener(_Redirects())
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            _check_length(headers.get("Content-Length"), max_bytes)
            data = _read_bounded(response, max_bytes, deadline, timeout)
            final = str(response.geturl())
    except urllib.error.HTTPError as exc:
        raise InputError(_http_error(exc)) from None
    except urllib.error.URLError as exc:
        raise InputError(_reason(exc.reason, timeout)) from None
    except TimeoutError:
        raise InputError(f"no answer within {timeout:g} s") from None
    except OSError as exc:
        raise InputError(_reason(exc, timeout)) from None
    except (http.client.HTTPException, ValueError) as exc:
        raise InputError(f"broken answer ({type(exc).__name__})") from None
    if not data:
        raise InputError("empty page")
    media_type, charset = split_content_type(headers.get("Content-Type"))
    return Fetched(final, data, media_type, charset)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to http(s) addresses."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise InputError(_not_http(newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _http_error(exc: urllib.error.HTTPError) -> str:
    """One line for an error answer; urllib reports refused redirects as errors too."""
    location = exc.headers.get("Location") if exc.headers is not None else None
    if 300 <= exc.code < 400 and location:
        target = urljoin(exc.geturl() or "", location)
        if not is_url(target):
            return _not_http(target)
        return f"more than {MAX_REDIRECTS} redirects"
    return f"HTTP {exc.code} {str(exc.reason).splitlines()[0] if exc.reason else ''}".rstrip()


def _not_http(target: str) -> str:
    return f"redirected to {target[:80]!r}, not an http(s) address"


def _check_length(declared: str | None, max_bytes: int) -> None:
    if declared is not None and declared.strip().isdigit() and int(declared) > max_bytes:
        raise InputError(
            f"page is {human_size(int(declared))}, over the {human_size(max_bytes)} limit"
        )


def _read_bounded(response: IO[bytes], max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The body, read in chunks; stops at max_bytes + 1 or when the deadline passes."""
    chunks: list[bytes] = []
    size = 0
    # read1 returns after one receive, so a server that trickles bytes cannot hold a read
    # open past the deadline.
    read = getattr(response, "read1", response.read)
    while chunk := read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"page is over the {human_size(max_bytes)} limit")
        if time.monotonic() > deadline:
            raise InputError(f"page not read within {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot connect ({reason.strerror})"
    return f"cannot fetch ({reason})"
