"""Index rows that name a numbered notice whose link the source does not follow (health33's C1).

An index row "商务部公告2026年第30号 …" linking to another host (www.gov.cn, customs.gov.cn: not read as a link at all)
or to a MOFCOM address of a form the source does not read (``/article/…/202612/20261203123456.shtml``) was dropped
without a word: the notice unread, the run green. Such rows are a warning of the index (``OddityReason.UNFOLLOWED_ROW``),
kept while the index lists them. Pure: an index's text and the source's link test in, rows out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scraper.links import plain_links

# A notice's number in a row's title: "公告2026年第30号", "令2025年第6号", "外交部令第13号", "〔2025〕7号"
NUMBERED_RE = re.compile(r"(?:公告|令)\s*(?:\d{4}\s*年\s*)?第\s*\d+\s*号|〔\s*\d{4}\s*〕\s*第?\s*\d+\s*号")
NUMBER_MARK = "号"  # every number holds it: a page without one is not scanned
ROWS_SAID = 5  # rows named in a warning's text (the rest counted)
UNFOLLOWED = ("{n} row(s) of this index name a numbered notice whose link this source does not follow (another host, "
              "or an address form it does not read), so the notice is not read: {rows}; read it there, and if it is "
              "ours, give a source its address")


def unfollowed_rows(text: str, base: str, follows: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(title, URL) of each link of ``text`` titled with a notice's number whose URL ``follows`` declines (the
    source's own ``wants``: the same host and address forms the crawl follows)."""
    if NUMBER_MARK not in text:
        return []
    rows: list[tuple[str, str]] = []
    for link in plain_links(text, base):
        title = link.title or ""
        if NUMBER_MARK not in title or not NUMBERED_RE.search(title) or follows(link.url):
            continue
        rows.append((title, link.url))
    return rows


def unfollowed_detail(rows: list[tuple[str, str]]) -> str:
    said = "; ".join(f"'{title}' -> {url}" for title, url in rows[:ROWS_SAID])
    more = f"; and {len(rows) - ROWS_SAID} more" if len(rows) > ROWS_SAID else ""
    return UNFOLLOWED.format(n=len(rows), rows=said + more)
