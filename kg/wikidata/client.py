"""HTTP to Wikidata (or whatever endpoint is configured): one polite client.

A descriptive User-Agent (Wikimedia asks for one), a connect and a read timeout, and no
retries, so a dead service costs one failed request, not a storm. Every way of getting no
answer becomes WikidataUnreachable, and an answer that is not complete JSON becomes
IncompleteAnswer, so callers can tell "down" from "said nothing" from "said something broken".
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import requests

from kg import __version__

USER_AGENT = (f"Partnerschaftsgraph/{__version__} (https://w3id.org/partnerschaftsgraph/; "
              f"kg link, kg wikidata-diff) python-requests/{requests.__version__}")
TIMEOUT_S = (10.0, 60.0)  # connect, read


class WikidataError(Exception):
    """The service answered, but not with a usable answer (HTTP error, API error)."""


class WikidataUnreachable(WikidataError):
    """No answer at all: connection refused, name not resolved, or timed out."""


class IncompleteAnswer(WikidataError):
    """An answer that is not complete JSON, e.g. cut off when a federated SERVICE failed."""


def session() -> requests.Session:
    """requests' default adapter makes no retries; keep it that way."""
    client = requests.Session()
    client.headers["User-Agent"] = USER_AGENT
    return client


def request_json(client: requests.Session, method: str, url: str, **kwargs) -> object:
    """The decoded JSON answer of one request, or one of this module's errors."""
    try:
        response = client.request(method, url, timeout=TIMEOUT_S, **kwargs)
        text = response.text
    except (requests.ConnectionError, requests.Timeout) as error:
        raise WikidataUnreachable(f"{urlsplit(url).netloc}: {reason(error)}") from error
    except requests.RequestException as error:
        raise IncompleteAnswer(f"{url}: the answer broke off ({reason(error)})") from error
    if response.status_code != 200:
        raise WikidataError(f"{url} answered HTTP {response.status_code}")
    try:
        return json.loads(text)
    except ValueError as error:
        raise IncompleteAnswer(f"{url}: the answer is not complete JSON ({error})") from error


_ERRNO = re.compile(r"\[Errno -?\d+\] ([^'\")\]]+)")


def reason(error: Exception) -> str:
    """The short cause of a requests error: its innermost OS message, not urllib3's chain."""
    if isinstance(error, requests.Timeout):
        return "timed out"
    found = _ERRNO.search(str(error))
    if found:
        return found.group(1).strip()
    for name in ("NameResolutionError", "Failed to resolve"):
        if name in str(error):
            return "name not resolved"
    return type(error).__name__
