"""Index rows that name a numbered notice whose link the source does not follow (health33's C1).

An index row "商务部公告2026年第30号 …" linking to another host (www.gov.cn, customs.gov.cn: not read as a link at all)
or to a MOFCOM address of a form the source does not read (``/article/…/202612/20261203123456.shtml``) was dropped
without a word: the notice unread, the run green. Such rows are a warning of the index (``OddityReason.UNFOLLOWED_ROW``),
kept while the index lists them. Pure: an index's text and the source's link test in, rows out.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable
from urllib.parse import urljoin

from scraper.links import TAG_RE, plain_links
from scraper.parse.index import scripted_href
from storage.records import IndexLink

# A notice's number in a row's title: "公告2026年第30号", "令2025年第6号", "外交部令第13号", "〔2025〕7号"
NUMBERED_RE = re.compile(r"(?:公告|令)\s*(?:\d{4}\s*年\s*)?第\s*\d+\s*号|〔\s*\d{4}\s*〕\s*第?\s*\d+\s*号")
NUMBER_MARK = "号"  # every number holds it
# A row naming no number but a step on a list the project watches ("不可靠实体清单工作机制关于将…列入不可靠实体清单的公告", as
# the UEL notices are titled, "关于对…采取反制措施的决定"; not a channel's "反制措施" nor an annex "…管控名单.pdf"): dropped without a word when its link was not followed
# (health37 H80: a UEL notice linked at www.gov.cn, or at a ".htm" address, unread with the run green)
LISTED_RE = re.compile(r"(?:不可靠实体清单|出口管制管控名单|关注名单|反制清单|反制措施).*?(?:公告|决定)|"
                       r"(?:列入|移出|暂停|恢复|停止|取消|采取).*?(?:不可靠实体清单|出口管制管控名单|关注名单|反制清单|反制措施)")
ATTACHED_RE = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar)(?:[?#]|$)", re.IGNORECASE)  # an annex file, no notice
LIST_MARKS = ("清单", "名单", "反制")  # one of them is in every match: a page without any is not scanned for it
SCRIPTED_A_RE = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.IGNORECASE | re.DOTALL)
ATTR_RE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
ROWS_SAID = 5  # rows named in a warning's text (the rest counted)
UNFOLLOWED = ("{n} row(s) of this index name a notice (by its number or the list it acts on) whose link this source "
              "does not follow (another host, "
              "or an address form it does not read), so the notice is not read: {rows}; read it there, and if it is "
              "ours, give a source its address")


def unfollowed_rows(text: str, base: str, follows: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(title, URL) of each link of ``text`` titled with a notice's number, or naming a watched list, whose URL
    ``follows`` declines (the source's own ``wants``: the same host and address forms the crawl follows)."""
    numbered, listed = NUMBER_MARK in text, any(mark in text for mark in LIST_MARKS)
    if not numbered and not listed:
        return []
    rows: list[tuple[str, str]] = []
    for link in plain_links(text, base) + scripted_links(text, base):
        title = link.title or ""
        named = (numbered and NUMBER_MARK in title and NUMBERED_RE.search(title) is not None) or (
            listed and LISTED_RE.search(title) is not None and not ATTACHED_RE.search(link.url))
        if not named or follows(link.url) or (title, link.url) in rows:
            continue
        rows.append((title, link.url))
    return rows


def scripted_links(text: str, base: str) -> tuple[IndexLink, ...]:
    """The links with no address of their own (``href="javascript:void(0)"``, ``""``, ``"#"``), each as the article
    its script opens (``onclick="openArt('/…')"``, ``data-href``: read as the index parser reads it) or, opening
    none, as its own href: one row each, never merged into the page's other "javascript:void(0)" links (a
    "加入收藏" above it hid a numbered row: health37 H48)."""
    if "javascript:" not in text.lower() and 'href=""' not in text and "href=''" not in text and 'href="#"' not in text:
        return ()
    found: list[IndexLink] = []
    for attrs_text, label in SCRIPTED_A_RE.findall(text):
        attrs: dict[str, str | None] = {name.lower(): htmllib.unescape(dq or sq)
                                        for name, dq, sq in ATTR_RE.findall(attrs_text)}
        href = (attrs.get("href") or "").strip()
        if href and href[0] != "#" and href[:11].lower() != "javascript:":
            continue
        opened = scripted_href(attrs)
        title = (attrs.get("title") or "").strip() or htmllib.unescape(TAG_RE.sub("", label)).strip() or None
        found.append(IndexLink(urljoin(base, opened) if opened else href or "(no address)", title))
    return tuple(found)


def unfollowed_detail(rows: list[tuple[str, str]]) -> str:
    said = "; ".join(f"'{title}' -> {url}" for title, url in rows[:ROWS_SAID])
    more = f"; and {len(rows) - ROWS_SAID} more" if len(rows) > ROWS_SAID else ""
    return UNFOLLOWED.format(n=len(rows), rows=said + more)
