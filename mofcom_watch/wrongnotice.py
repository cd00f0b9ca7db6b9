"""A notice's page answering another notice's text: a CMS mix-up, not a new copy of that notice.

A site's CMS can serve, at one notice's URL, another notice's page in the right layout. Stored as read, nothing false
is published (the other notice's text is the same again), but it is silent: the URL is recorded as that other
notice's for good (its provenance), and the notice the URL holds goes unread for as long as it lasts. Two signs
tell a mix-up from the legitimate ways a URL comes to hold a notice:

- the URL held another numbered notice (K1), and answers now, in new bytes, the text of a numbered notice (K2) the
  store already holds at other URLs: a notice does not move to a URL of another one; or the text of a numbered notice
  the store does not hold yet (K1's page renumbered in place, or a CMS mix-up with a notice not read elsewhere yet):
  stored, K1 and K2 both stood, the same entities listed twice and K1 on a page no longer saying it, exit 0 (cycles59
  S18); which it is only a person can tell. (The same notice re-posted at a new URL, a reprint in another column: a
  URL that held nothing.)
- the URL is new, an index of this run lists it under a title naming notice K1 ("商务部公告2026年第23号 …"), and it
  answers the text of another numbered notice (K2) the store holds at other URLs. (A reprint's title names its
  own notice; a title naming no number says nothing.)

Either is the page's problem (``another-notice``, an unusable page: run and ``status`` exit 1): nothing of the answer
is stored as a notice (its bytes are kept, with the detail), the page is fetched in full every run until it answers
its own notice, and the issue closes then. A Q&A or an unnumbered decision has no number to hold against.

A page an index of this run lists under a notice's title that reads as no notice, and whose text holds little of that
title (``not_listed_page``: under half its pairs of Chinese characters), is no copy of what was listed: a login,
maintenance or error page in the site's own layout, or the page in a wrong encoding (UTF-8 read as GBK: "涓嶅彲闈犲疄").
Kept as "not a notice", it was never asked for again: the notice missed, silently (health33). It is the page's problem
(``not-as-listed``, an unusable page), fetched in full every run until it answers. A page read as no notice that holds
its listed title (another ministry's announcement on tariffs, a Q&A on trade talks) stays "not a notice". So does,
held against its stored notice's title, the page of a stored notice that no index of the run lists (a re-check):
kept as "not a notice", it said nothing while it lasted (health33 B3).
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.keys import issue_key
from storage.models import HealthIssue, Notice, NoticeUrl
from storage.records import NoticeRecord
from storage.vocabulary import HealthKind

REASON = "another-notice"
SHOWN = 2  # URLs named in a detail
LISTED_REASON = "not-as-listed"
LISTED_PAIRS_MIN = 4  # a listed title with fewer pairs of Chinese characters says too little to hold a page against
LISTED_SHARE_MIN = 0.5  # the share of the listed title's pairs a page that is what was listed holds (its own: all)
HAN_RUN_RE = re.compile(r"[\u4e00-\u9fff]{2,}")


def listed_key(title: str | None) -> str | None:
    """The key of the notice an index's link title opens with ("商务部公告2025年第22号 公布…": ``MOFCOM-2025-22``), or
    None (no title, or none that opens with a number: "不可靠实体清单工作机制关于…的公告")."""
    if not title:
        return None
    from scraper.parse.number import find_own_number  # (loaded with the parsers, by the page's parse)

    own = find_own_number([], [], title, title=title, strict=True)
    return own.key if own is not None else None


def _named(urls: list[str]) -> str:
    more = f" and {len(urls) - SHOWN} more" if len(urls) > SHOWN else ""
    return ", ".join(urls[:SHOWN]) + more


def another_notice(session: Session, record: NoticeRecord, url: str, listed_as: str | None,
                   same_bytes: bool) -> str | None:
    """Why ``record``, read at ``url``, is another notice's page answering there (see the module), or None.
    ``same_bytes``: the URL's latest copy is these bytes, read as a notice (what it held is what it holds)."""
    if record.number is None or same_bytes:
        return None
    # Two lookups, each on its index: one query with "key = … OR url = …" across the join scanned every notice's
    # URLs for every page (a first replay at 100x the fixtures took 1.7x as long).
    joined = select(Notice.key, Notice.number, NoticeUrl.url).join(NoticeUrl, NoticeUrl.notice_id == Notice.id)
    held = sorted(u for _key, _number, u in session.execute(joined.where(Notice.key == record.key)))
    if url in held:
        return None  # a notice this URL held already
    before = sorted({key for key, number, _u in session.execute(joined.where(NoticeUrl.url == url))
                     if key != record.key and number is not None})
    if not held:  # a notice the store does not hold yet
        disagreed = set(session.scalars(select(HealthIssue.key).where(
            HealthIssue.kind == HealthKind.ALIAS_CONFLICT.value, HealthIssue.url == url,
            HealthIssue.resolved_at.is_(None))))
        read_here = [key for key in before if issue_key(HealthKind.ALIAS_CONFLICT, key) not in disagreed]
        if read_here:  # a page of another numbered notice (cycles59 S18), not a copy that disagreed with it (a mix-up
            # its alias conflict names, health44 H23: the URL's own notice read now closes that conflict)
            return (f"{REASON}: {url} held {', '.join(read_here)} and now answers the text of {record.key}, which the "
                    f"store does not hold: {', '.join(read_here)} renumbered in place, or another notice's page at "
                    f"this URL; stored, both would stand, the same entities listed twice, the old number on a page "
                    f"that no longer says it; {', '.join(read_here)} stays as read and nothing of this answer is "
                    "stored as a notice: a person should read the page")
        return None
    if before:
        return (f"{REASON}: {url} held {', '.join(before)} and now answers the text of {record.key}, which the store "
                f"holds at {_named(held)}: another notice's page answers at this URL (a CMS mix-up); "
                f"{', '.join(before)} goes unread here and nothing of this answer is stored as a notice")
    named = listed_key(listed_as)
    if named is not None and named != record.key:
        return (f"{REASON}: {url}, listed as {named} ({listed_as!r}), answers the text of {record.key}, which the "
                f"store holds at {_named(held)}: another notice's page answers at this URL (a CMS mix-up); {named} "
                f"goes unread and nothing of this answer is stored as a notice")
    return None


def _pairs(title: str) -> set[str]:
    """The title's pairs of adjacent Chinese characters ("不可靠实体" -> 不可, 可靠, 靠实, 实体)."""
    return {run[i : i + 2] for run in HAN_RUN_RE.findall(title) for i in range(len(run) - 1)}


def not_listed_page(listed_as: str | None, text: str, held: str | None = None) -> str | None:
    """Why a page read as no notice is not the page an index listed under ``listed_as`` (see the module), or None.
    ``text``: the page as decoded. A title that names no notice, list or decision ("关于印发…的通知") says nothing.
    ``held``: the key of the notice the store holds from this URL, when no index of the run lists it and
    ``listed_as`` is that notice's title (a re-check of a stored notice's page: health33 B3)."""
    if not listed_as:
        return None
    from scraper.parse.page import NOTICE_HINT_RE  # (loaded with the parsers, by the page's parse)

    pairs = _pairs(listed_as)
    if len(pairs) < LISTED_PAIRS_MIN or NOTICE_HINT_RE.search(listed_as) is None:
        return None
    if sum(pair in text for pair in pairs) / len(pairs) >= LISTED_SHARE_MIN:
        return None
    share = sum(pair in text for pair in pairs) / len(pairs)
    if held is not None:
        return (f"{LISTED_REASON}: this URL held {held} ({listed_as!r}); it answers a page that reads as no notice and "
                f"holds {share:.0%} of that title (a login, maintenance or error page, or the page in a wrong "
                f"encoding); {held} stays as read, and this page is fetched again until it answers")
    return (f"{LISTED_REASON}: listed as {listed_as!r}, it answers a page that reads as no notice and holds "
            f"{share:.0%} of that title (a login, maintenance or error page, or the page in a wrong encoding); the "
            "listed page goes unread until it answers")
