"""Canonical URLs versus the URLs actually requested.

Everything stored uses the canonical ``https://<host>/<path>`` form (the same URL
``replay`` derives from ``fixtures/<host>/<path>``), so a run against a mirror or a
local server stores exactly what a run against the real site would. ``HostMap``
rewrites a canonical URL to its transport URL (``--base-url host=URL``) and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

CANONICAL_SCHEME = "https"


class BaseUrlError(ValueError):
    """A ``host=URL`` override that cannot be used."""


def parse_base_url(spec: str) -> tuple[str, str]:
    """``"www.mofcom.gov.cn=http://127.0.0.1:8000/www.mofcom.gov.cn"`` -> (host, base)."""
    host, sep, base = spec.partition("=")
    host, base = host.strip().lower(), base.strip()
    if not sep or not host or not base:
        raise BaseUrlError(f"--base-url expects HOST=URL, got {spec!r}")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BaseUrlError(f"--base-url {spec!r}: URL must start with http:// or https://")
    return host, base.rstrip("/")


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def canonicalise(url: str) -> str:
    """Force the canonical scheme and drop the fragment."""
    parts = urlsplit(url)
    return urlunsplit((CANONICAL_SCHEME, parts.netloc.lower(), parts.path or "/", parts.query, ""))


def canonical_link(url: str) -> str:
    """A link as the store keeps URLs: ``https``, the host in lower case, no default port (":443", ":80" name the same
    page), no fragment. An index linking "http://www.mofcom.gov.cn/…" or "https://www.mofcom.gov.cn:443/…" for a run
    lists the same notices: read as written, each page was stored again under that URL, and the list's next answer,
    held to that copy, was "another page" for good (health38 K80/K81). Other schemes are left as written."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or ":" in parts.hostname:
        return url
    try:
        port = parts.port
    except ValueError:  # not a port: left as written (the fetch says what it is)
        return url
    netloc = parts.hostname + (f":{port}" if port not in (None, 80, 443) else "")
    return urlunsplit((CANONICAL_SCHEME, netloc, parts.path or "/", parts.query, ""))


@dataclass(frozen=True)
class HostMap:
    """Canonical host -> base URL overrides."""

    bases: dict[str, str] = field(default_factory=dict)

    def to_transport(self, canonical: str) -> str:
        parts = urlsplit(canonical)
        base = self.bases.get((parts.hostname or "").lower())
        if base is None:
            return canonical
        tail = parts.path or "/"
        if parts.query:
            tail += "?" + parts.query
        return base + tail

    def to_canonical(self, transport: str) -> str | None:
        """Map a URL seen on the wire back to its canonical form; None if it maps to no known host."""
        for host, base in self.bases.items():
            for candidate in (base, _swap_scheme(base)):
                if transport == candidate or transport.startswith(candidate + "/") or transport.startswith(candidate + "?"):
                    rest = transport[len(candidate):] or "/"
                    if rest.startswith("?"):
                        rest = "/" + rest
                    return f"{CANONICAL_SCHEME}://{host}{rest}"
        parts = urlsplit(transport)
        if parts.scheme in ("http", "https") and parts.hostname:
            return canonicalise(transport)
        return None


def _swap_scheme(url: str) -> str:
    if url.startswith("https://"):
        return "http://" + url[len("https://"):]
    if url.startswith("http://"):
        return "https://" + url[len("http://"):]
    return url


def plain_http(url: str) -> str:
    """The same URL over plain HTTP (the aqygzj TLS fallback)."""
    return "http://" + url[len("https://"):] if url.startswith("https://") else url
