"""Names, ids and URLs of feeds and items: stable, never derived from a page URL."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from urllib.parse import quote

from storage.vocabulary import TAG_PREFIX

URI_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
ENTITY_FEED_DIR = "entity"
SERVED_FEEDS_FOLDER = "feeds/"  # where serve serves the feeds folder (mofcom_watch.server.pages.FEEDS_FOLDER)
SAFE_KEY_RE = re.compile(r"^\w+$", re.UNICODE)
NOTICE_PICTURE_DIR = "notice"
SAFE_NOTICE_KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")  # MOFCOM-2025-21, QA-2025-05-14-4981e28c
# a notice's own item: <tag>MOFCOM-2025-21/notice (storage.lifecycle; <tag>KEY/notice/<list>/<day> in hand-made
# items); an entity's item is <tag>KEY/<event>/<list>/<day>/<entity key>, whatever the entity key
NOTICE_ITEM_RE = re.compile(r"[^/]+/notice(?:/[^/]+/[^/]+)?")
MAX_FEED_NAME_BYTES = 180  # file names stay well below the usual 255-byte limit
# The feed-level date of a feed with no item: a fixed instant, never "now", so that an
# empty feed is byte-identical from run to run.
EMPTY_FEED_UPDATED = datetime(2025, 1, 1, tzinfo=UTC)


def item_id(event_id: str) -> str:
    """The item id: the event id when it is a URI already (``tag:…``), else a tag URI for it."""
    return event_id if URI_SCHEME_RE.match(event_id) else TAG_PREFIX + event_id


def notice_item(event_id: str) -> bool:
    """Whether ``event_id`` is a notice's own item (the ``notices`` feed's), stored or long retracted: a
    correction of it goes where the item was, even when the item itself is no longer derived."""
    return NOTICE_ITEM_RE.fullmatch(event_id) is not None


def feed_id(name: str) -> str:
    return f"{TAG_PREFIX}feed/{name}"


def entity_feed_name(entity_key: str) -> str:
    """``entity/<key>``; a key that is not a safe file name gets a short hash instead of its tail."""
    return _safe_name(ENTITY_FEED_DIR, entity_key, SAFE_KEY_RE)


def notice_picture_name(notice_key: str) -> str:
    """``notice/<key>``: the name of a notice's state picture (``notice/MOFCOM-2025-21.svg``)."""
    return _safe_name(NOTICE_PICTURE_DIR, notice_key, SAFE_NOTICE_KEY_RE)


def _safe_name(folder: str, key: str, safe: re.Pattern[str]) -> str:
    if safe.match(key) and len(key.encode("utf-8")) <= MAX_FEED_NAME_BYTES:
        return f"{folder}/{key}"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    head = re.sub(r"\W+", "", key)
    while len(head.encode("utf-8")) > MAX_FEED_NAME_BYTES - 13:
        head = head[:-1]
    return f"{folder}/{head}-{digest}" if head else f"{folder}/{digest}"


def normalise_base_url(base_url: str) -> str:
    return base_url if base_url.endswith("/") else base_url + "/"


def feed_home(base_url: str, name: str) -> str:
    """A feed's website link (Atom ``rel="alternate"``, the RSS channel's ``<link>``, JSON Feed's ``home_page_url``):
    for a company's feed whose links name a feeds folder ``serve`` serves (``…/feeds/``, its own address or a
    ``public_base_url`` ending so), that company's page (``…/entity/<key>``); otherwise the feeds folder, which
    ``serve`` leads to its front page (reader37's B5, user38: a reader's "visit website" on Skydio's feed opened the
    front page). A folder served by something else (``https://cdn.example.org/mofcom/``) has no pages: the folder."""
    base = normalise_base_url(base_url)
    key = name.removeprefix(ENTITY_FEED_DIR + "/")
    if key != name and base.endswith("/" + SERVED_FEEDS_FOLDER) and entity_feed_name(key) == name:
        return base.removesuffix(SERVED_FEEDS_FOLDER) + ENTITY_FEED_DIR + "/" + quote(key, safe="")
    return base  # (a key hashed into its feed's name gives no page back)


def feed_url(base_url: str, name: str, fmt: str) -> str:
    """Public URL of one feed file (``fmt`` is ``atom`` or ``rss``); non-ASCII names percent-encoded."""
    return normalise_base_url(base_url) + quote(f"{name}.{fmt}")


