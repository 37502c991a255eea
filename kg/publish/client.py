"""HTTP to the target store: credentials, retries, and errors a person can act on.

Credentials come from the environment (KG_PUBLISH_USER, KG_PUBLISH_PASSWORD) or a netrc file
($NETRC or ~/.netrc, by host), never from the command line, and are sent only after the server
asks (401) in the scheme it asks for: basic or digest. Messages name the user, never the
password. 5xx answers, timeouts and dropped connections are retried with exponential back-off;
refused credentials are not (they will not get better).
"""

from __future__ import annotations

import netrc
import os
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from kg import __version__

USER_ENV, PASSWORD_ENV = "KG_PUBLISH_USER", "KG_PUBLISH_PASSWORD"
USER_AGENT = f"Partnerschaftsgraph/{__version__} (kg publish) httpx/{httpx.__version__}"


class PublishError(Exception):
    """The target cannot be used: unreachable, refusing us, or answering with errors."""


class Unreachable(PublishError):
    """No connection at all (refused, unknown host, timed out)."""


class Refused(PublishError):
    """The target answered 401 or 403: wrong or missing credentials, or missing rights."""


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str
    source: str  # where they came from, for messages: "KG_PUBLISH_USER" or "~/.netrc"


def credentials_for(url: str, environ: dict[str, str] | None = None) -> Credentials | None:
    """The environment's credentials, else the netrc entry for the URL's host."""
    environ = dict(os.environ) if environ is None else environ
    user, password = environ.get(USER_ENV), environ.get(PASSWORD_ENV)
    if user and password is not None:
        return Credentials(user, password, f"${USER_ENV}/${PASSWORD_ENV}")
    path = environ.get("NETRC") or os.path.expanduser("~/.netrc")
    if not os.path.isfile(path):
        return None
    try:
        entry = netrc.netrc(path).authenticators(urlsplit(url).hostname or "")
    except (netrc.NetrcParseError, OSError) as error:
        raise PublishError(f"{path}: cannot read the netrc file ({error})") from error
    if entry is None or not entry[0]:
        return None
    return Credentials(entry[0], entry[2] or "", path)


class ChallengeAuth(httpx.Auth):
    """Answer the server's challenge with basic or digest, whichever it names; remember it,
    so that later requests authenticate without a round trip first."""

    def __init__(self, credentials: Credentials) -> None:
        self._basic = httpx.BasicAuth(credentials.user, credentials.password)
        self._digest = httpx.DigestAuth(credentials.user, credentials.password)
        self._chosen: httpx.Auth | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._chosen is not None:
            yield from self._chosen.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        challenges = [c.lower() for c in response.headers.get_list("www-authenticate")]
        digest = any(c.startswith("digest") for c in challenges)
        self._chosen = self._digest if digest else self._basic
        flow = self._chosen.auth_flow(request)
        if self._chosen is self._digest:  # hand digest the challenge it needs
            next(flow)
            request = flow.send(response)
        else:
            request = next(flow)
        yield request


@dataclass
class Retry:
    """How often and how patiently to try again on 5xx, timeouts and dropped connections."""

    attempts: int = 4
    first_delay_s: float = 1.0
    sleep: Callable[[float], None] = time.sleep

    def delays(self) -> list[float]:
        return [self.first_delay_s * 2 ** i for i in range(self.attempts)]


class Client:
    """One HTTP client for one publish: a per-host authenticator, timeouts, retries."""

    def __init__(self, timeout_s: float = 120.0, retry: Retry | None = None,
                 environ: dict[str, str] | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self._http = httpx.Client(timeout=httpx.Timeout(timeout_s, connect=10.0),
                                  headers={"User-Agent": USER_AGENT}, follow_redirects=False,
                                  trust_env=False, transport=transport)
        self._retry = retry or Retry()
        self._environ = environ
        self._auth: dict[str, ChallengeAuth | None] = {}
        self._credentials: dict[str, Credentials | None] = {}

    def close(self) -> None:
        self._http.close()

    def request(self, method: str, url: str, *, retry_connect: bool = True,
                allow: tuple[int, ...] = (), **kwargs) -> httpx.Response:
        """A 2xx response (or one of the `allow`ed statuses), or PublishError with one line
        saying why not. `retry_connect=False` for the first request: a target that refuses
        connections is reported at once, not after the back-off."""
        delays = iter(self._retry.delays())
        while True:
            try:
                response = self._http.request(method, url, auth=self._auth_for(url), **kwargs)
            except httpx.ConnectError as error:
                if not retry_connect:
                    raise Unreachable(f"{_where(url)}: cannot connect ({_reason(error)})") \
                        from error
                problem: str = f"cannot connect ({_reason(error)})"
            except httpx.TimeoutException as error:
                problem = f"no answer in time ({type(error).__name__})"
            except httpx.TransportError as error:
                problem = f"the connection broke ({_reason(error)})"
            else:
                if response.is_success or response.status_code in allow:
                    return response
                if response.status_code < 500:
                    raise self._refusal(method, url, response)
                problem = f"HTTP {response.status_code} {_first_line(response.text)}"
            delay = next(delays, None)
            if delay is None:
                raise Unreachable(f"{method} {_where(url)}: {problem}; gave up after "
                                  f"{self._retry.attempts + 1} attempts")
            self._retry.sleep(delay)

    def _auth_for(self, url: str) -> ChallengeAuth | None:
        host = urlsplit(url).netloc
        if host not in self._auth:
            found = credentials_for(url, self._environ)
            self._credentials[host] = found
            self._auth[host] = ChallengeAuth(found) if found else None
        return self._auth[host]

    def _refusal(self, method: str, url: str, response: httpx.Response) -> PublishError:
        status = response.status_code
        if status in (401, 403):
            found = self._credentials.get(urlsplit(url).netloc)
            who = (f"the credentials of user {found.user!r} (from {found.source})" if found
                   else f"access without credentials (set ${USER_ENV} and ${PASSWORD_ENV}, "
                        f"or a netrc entry for {urlsplit(url).hostname})")
            return Refused(f"{_where(url)} refused {who}: HTTP {status}")
        if 300 <= status < 400:
            return PublishError(f"{_where(url)} redirects to {response.headers.get('location')};"
                                f" give that address instead")
        return PublishError(f"{method} {_where(url)}: HTTP {status} "
                            f"{_first_line(response.text)}")


def _where(url: str) -> str:
    """The URL without its query string (which holds graph names and queries)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def _first_line(text: str, limit: int = 200) -> str:
    line = next((s.strip() for s in text.splitlines() if s.strip()), "")
    return line[:limit]


def _reason(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text.split("] ", 1)[-1] if text.startswith("[Errno") else text
