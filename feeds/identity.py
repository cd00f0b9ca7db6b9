"""Names, ids and URLs of feeds and items: stable, never derived from a page URL."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from urllib.parse import quote

TAG_PREFIX = "tag:mofcom-watch,2025:"
URI_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
ENTITY_FEED_DIR = "entity"
SAFE_KEY_RE = re.compile(r"^\w+$", re.UNICODE)
MAX_FEED_NAME_BYTES = 180  # file names stay well below the usual 255-byte limit
# The feed-level date of a feed with no item: a fixed instant, never "now", so that an
# empty feed is byte-identical from run to run.
EMPTY_FEED_UPDATED = datetime(2025, 1, 1, tzinfo=UTC)


def item_id(event_id: str) -> str:
    """The item id: the event id when it is a URI already (``tag:…``), else a tag URI for it."""
    return event_id if URI_SCHEME_RE.match(event_id) else TAG_PREFIX + event_id


def feed_id(name: str) -> str:
    return f"{TAG_PREFIX}feed/{name}"


def entity_feed_name(entity_key: str) -> str:
    """``entity/<key>``; a key that is not a safe file name gets a short hash instead of its tail."""
    if SAFE_KEY_RE.match(entity_key) and len(entity_key.encode("utf-8")) <= MAX_FEED_NAME_BYTES:
        return f"{ENTITY_FEED_DIR}/{entity_key}"
    digest = hashlib.sha256(entity_key.encode("utf-8")).hexdigest()[:12]
    head = re.sub(r"\W+", "", entity_key)
    while len(head.encode("utf-8")) > MAX_FEED_NAME_BYTES - 13:
        head = head[:-1]
    return f"{ENTITY_FEED_DIR}/{head}-{digest}" if head else f"{ENTITY_FEED_DIR}/{digest}"


def normalise_base_url(base_url: str) -> str:
    return base_url if base_url.endswith("/") else base_url + "/"


def feed_url(base_url: str, name: str, fmt: str) -> str:
    """Public URL of one feed file (``fmt`` is ``atom`` or ``rss``); non-ASCII names percent-encoded."""
    return normalise_base_url(base_url) + quote(f"{name}.{fmt}")


def aware(value: datetime) -> datetime:
    """Feeds need time zones; a naive time is read as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)
