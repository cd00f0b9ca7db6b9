"""Stored keys that fit their column and stay unique; the health issues' keys, made by one function.

A key longer than its column (PostgreSQL enforces VARCHAR lengths) ends in a hash of the whole
(:func:`fit_key`). A health issue's key is made by :func:`issue_key` for the side that opens the issue and
the side that resolves it alike: a key shortened only where it was stored was looked up whole where it
was resolved, and an unusable page at a URL of 500 characters stayed an open issue for ever.
"""

from __future__ import annotations

import hashlib

from storage.vocabulary import HealthKind

ISSUE_KEY_LEN = 512  # HealthIssue.key


def fit_key(value: str, limit: int) -> str:
    """A key that fits its column and stays unique: long ones end in a hash of the whole."""
    if len(value) <= limit:
        return value
    return value[: limit - 17] + "#" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]


def issue_key(*parts: str) -> str:
    """The stored key of the health issue named by ``parts`` (joined by "/"): the same string every time."""
    return fit_key("/".join(parts), ISSUE_KEY_LEN)


def unfitted_key(*parts: str) -> str | None:
    """The key a source-run issue (``storage.health``: zero links, unusable page) was stored under before
    :func:`issue_key` made it (commit 220e962), where that differs: the parts joined whole, past the column's
    512 characters (SQLite keeps such a key; PostgreSQL refused it). Such an issue is looked up under both, so
    one page never gets a second open issue, and the issue keeps its key: its feed items' ids hold it."""
    whole = "/".join(parts)
    return whole if len(whole) > ISSUE_KEY_LEN else None


def unusable_key(url: str) -> str:
    """A page that could not be used (``mofcom_watch.pipeline``), resolved when it parses again."""
    return issue_key(HealthKind.UNUSABLE_PAGE, url)


def older_copy_key(url: str) -> str:
    """A page that served bytes older than its stored copy (``mofcom_watch.pipeline``), resolved when it serves
    the stored copy, or a newer one, again."""
    return issue_key(HealthKind.OLDER_COPY, url)


def mismatch_key(notice_key: str) -> str:
    """A notice parsed short of (or past) its stated count, resolved when it parses whole."""
    return issue_key(HealthKind.COUNT_MISMATCH, notice_key)
