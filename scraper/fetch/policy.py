"""How politely and how persistently to fetch. Tests use zero pauses and tiny waits."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import metadata

PROJECT_URL = "https://github.com/mofcom-watch/mofcom-watch"


def default_user_agent() -> str:
    try:
        version = metadata.version("mofcom-watch")
    except metadata.PackageNotFoundError:  # running from a source tree
        version = "0.1.0"
    return f"mofcom-watch/{version} (+{PROJECT_URL})"


ANSWER_TIMEOUTS = 10  # a whole answer may take this many per-read timeouts


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str = field(default_factory=default_user_agent)
    accept_language: str = "zh-CN,zh;q=0.9,en;q=0.6"
    per_host: int = 1  # requests in flight per host
    delay: float = 1.0  # seconds between two requests to one host
    total: int = 4  # requests in flight overall
    timeout: float = 30.0  # seconds per request (connect/read)
    # seconds for a whole answer (None: ANSWER_TIMEOUTS x timeout): a server trickling a byte now and then never
    # trips the per-read timeout, and one such page would hold the run, and the run lock, for ever. An answer past it is
    # not retried in the run (each try would take the whole of it again)
    answer_timeout: float | None = None
    attempts: int = 4  # tries per URL (timeouts, connection errors, 429, 5xx)
    backoff: float = 2.0  # first retry wait, doubling
    max_wait: float = 60.0  # cap on any single wait, Retry-After included
    max_bytes: int = 20_000_000  # body size cap
    max_redirects: int = 5
    # hosts whose TLS is reported broken (handshake failure; a certificate Python does not trust):
    # public pages, read only, so plain HTTP is an acceptable fallback there and nowhere else
    http_fallback_hosts: frozenset[str] = frozenset({"aqygzj.mofcom.gov.cn", "english.mofcom.gov.cn"})
    verify: bool = True

    @property
    def answer_seconds(self) -> float:
        return self.answer_timeout if self.answer_timeout is not None else ANSWER_TIMEOUTS * self.timeout
