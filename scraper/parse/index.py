"""Index and list pages: the article links they carry, with titles and dates.

Covers the annual index ``/zcfb/blgg/gg/{year}/index.html``, ``/zwgk/zcfb/``,
``/xwfb/xwfyrth/``, aqygzj ``/flzc/gzjgfxwj/`` and its home page, the old
``.txtList_01 li`` lists and the jpaas JSON body ``{"success":true,"data":{"html":…}}``.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from storage.records import IndexLink
from storage.vocabulary import BEIJING

from .dates import make_date
from .lazyre import lazy_compile

# "(?:^|/)art/\d{4}/art_[0-9a-f]{32}\.html", written to open with a literal: its "a" not after a character but "/"
# (the lookbehind), so sre scans for an "a" instead of trying the alternation at every place of the href.
ART_LINK_RE = lazy_compile(r"a(?<![^/]a)rt/\d{4}/art_[0-9a-f]{32}\.html")
OLD_ART_LINK_RE = lazy_compile(r"/article/[\w/]+/\d{6}/\d+\.s?html")
# TRS sites (www.mfa.gov.cn): …/fzcqdcs/202412/t20241217_11494912.shtml
TRS_ART_LINK_RE = lazy_compile(r"(?:^|/)\d{6}/t\d{8}_\d+\.s?html?$")
ARTICLE_URL_RE = lazy_compile(r"/art/\d{4}/art_[0-9a-f]{32}\.html$|/\d{6}/t\d{8}_\d+\.s?html?$|/article/[\w/]+/\d{6}/\d+\.s?html$")
LINK_DATE_RE = lazy_compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# english.mofcom's lists date a row "Nov 26, 2026" (or "November 26, 2026"): read beside the link only (a title's
# "(December 2, 2026)" names the day of the event, not of the page), and only where ", 20" is (pages29/11)
ENGLISH_DATE_RE = lazy_compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),\s*(\d{4})\b")
ENGLISH_MONTHS = {m: n for n, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                              "Dec"), start=1)}
INDEX_URL_RE = lazy_compile(r"/(?:index(?:_\d+)?\.s?html?)?$|/api-gateway/|/(?:zwgk/zcfb|xwfb/xwfyrth|flzc/gzjgfxwj|zcfb/blgg)")
# A plain path: ASCII segments none of which is empty or starts with a dot (so no "." or ".." to
# resolve and no "//" to read as a host), and nothing urlsplit reads or drops (scheme, ;params,
# ?query, #fragment, blanks, controls). Rooted ("/a/b.html"), or relative ("./a/b.html", "a/b.html").
PLAIN_SEGMENTS = r"[A-Za-z0-9_~%\-][A-Za-z0-9_~%.\-]*(?:/[A-Za-z0-9_~%\-][A-Za-z0-9_~%.\-]*)*/?"
PLAIN_HREF_RE = lazy_compile(rf"(?P<rooted>/)(?:{PLAIN_SEGMENTS})?|(?:\./)?{PLAIN_SEGMENTS}")
# A plain http(s) base: an ASCII host (no userinfo, no IPv6 brackets), then plain directory segments (as above)
# and a last segment, then anything after "?" or "#" but the blanks urlsplit removes. urljoin keeps such a host
# as written and its directory as it is: what it makes of "/" and "./" on the base is cut from it.
PLAIN_BASE_RE = lazy_compile(r"(?P<root>https?://[A-Za-z0-9.:\-]+)(?:(?P<dir>(?:/[A-Za-z0-9_~%\-][A-Za-z0-9_~%.\-]*)*/)"
                           r"[A-Za-z0-9_~%.\-]*)?(?:[?#][^\t\n\r]*)?")
DATE_HOLDERS = {"li", "tr", "dd", "p", "td"}
# Where a link with no address of its own (javascript:, "", "#") keeps the article it opens, and the quoted strings
# of a script call ("openArt('/zwgk/…')", "window.open(\"…\")"): looked at only for such links
SCRIPTED_ATTRS = ("href", "onclick", "data-href", "data-url", "data-link")
QUOTED_RE = re.compile(r"""["']([^"'\s]+)["']""")
PLAIN_URL_RE = re.compile(r"[^\s\"'()<>;]+")
# exportcontrol rows timed in epoch milliseconds ("publishTime": 1764630000000) where publishTimeStr is missing: the
# day is Beijing's (07:00 +08:00 is the UTC day before); a number this size is a date of 2001-2286, no other field
EPOCH_MS_MIN = 10**12
# A JSON body wrapped in a JSONP callback ("jQuery1124…_1764630000000({…});", "/**/cb({…})", "typeof cb === 'function'
# && cb({…})", "try{cb({…})}catch(e){}"): the JSON opens at the callback's "(" within the first characters.
JSONP_CALL_RE = re.compile(r"[A-Za-z_$][\w$.]{0,120}\(\s*(?=[\[{])")
JSONP_REACH = 300
JSONP_ENDS = 6


def is_article_url(href: str) -> bool:
    """Each regex runs only when the literal every match holds is there ("art_", "/article/", "/t")."""
    return bool(("art_" in href and ART_LINK_RE.search(href)) or ("/article/" in href and OLD_ART_LINK_RE.search(href))
                or ("/t" in href and TRS_ART_LINK_RE.search(href.split("?", 1)[0])))


def scripted_href(attrs: dict[str, str | None]) -> str:
    """The article URL a link with no address of its own opens by script (``href="javascript:openWin('/zwgk/…')"``;
    ``href="javascript:void(0)"``, ``""`` or ``"#"`` with ``onclick="openArt('/zwgk/…/art_….html')"`` or
    ``data-href="…"``), else "": such a row of an index was read as no link at all (or as the "javascript:…" URL, which
    no source follows), its notice missed with the run green (health37 H48, H58; pages29/04's C)."""
    for name in SCRIPTED_ATTRS:
        value = attrs.get(name)
        if not value:
            continue
        plain = value.strip()
        # (each regex only where it can match: a quote for QUOTED_RE, no bracket for PLAIN_URL_RE: "javascript:void(0)",
        # the commonest value, has neither, and the two calls cost ~4,500 instructions a link; issue 11)
        quoted = QUOTED_RE.findall(value) if "'" in value or '"' in value else []
        candidates: list[str] = quoted or ([plain] if "(" not in plain and PLAIN_URL_RE.fullmatch(plain) else [])
        for candidate in candidates:
            if is_article_url(candidate):
                return candidate
    return ""


def _date_near(a: LexborNode) -> date | None:
    sib = a.next
    hops = 0
    while sib is not None and hops < 4:
        text = sib.text(deep=True) if sib.tag != "-text" else (sib.text_content or "")
        m = LINK_DATE_RE.search(text or "")
        if m:
            return make_date(*m.groups())
        if text and ", 20" in text and (e := ENGLISH_DATE_RE.search(text)):
            return make_date(e.group(3), ENGLISH_MONTHS[e.group(1)], e.group(2))
        if sib.tag == "a":
            break
        sib = sib.next
        hops += 1
    parent = a.parent
    if parent is not None and parent.tag in DATE_HOLDERS:
        dates = LINK_DATE_RE.findall(parent.text(deep=True) or "")
        if len(dates) == 1:
            return make_date(*dates[0])
    return None


def _joined(base_url: str, href: str, roots: dict[str, str]) -> str:
    """``urljoin(base_url, href)``, which costs some microseconds a link: a plain path on an
    http(s) base is joined by hand to what urljoin makes of "/" or "./" on that base (made once
    a page, in ``roots``), as urljoin would resolve it (tests/scraper/test_parse_index.py)."""
    plain = PLAIN_HREF_RE.fullmatch(href) if base_url.startswith(("https://", "http://")) else None
    if plain is None:
        return urljoin(base_url, href)
    if plain.group("rooted"):
        root = roots.get("/") or roots.setdefault("/", _root(base_url, "/"))
        return root[:-1] + href
    here = roots.get("./") or roots.setdefault("./", _root(base_url, "./"))
    return here + href.removeprefix("./")


def _root(base_url: str, href: str) -> str:
    """``urljoin(base_url, href)`` for ``href`` "/" or "./": cut from a plain base (PLAIN_BASE_RE, one
    match instead of urljoin's some 50,000 instructions), else urljoin's."""
    plain = PLAIN_BASE_RE.fullmatch(base_url)
    if plain is None:
        return urljoin(base_url, href)
    return plain.group("root") + ("/" if href == "/" else plain.group("dir") or "/")


def _base_of(tree: LexborHTMLParser, base_url: str | None) -> str | None:
    """The page's ``<base href>`` made absolute, which its relative links are written against, else ``base_url``:
    read against the page's own URL, "zcfb/…/art_….html" under ``<base href="https://www.mofcom.gov.cn/">`` became
    a URL the site does not have (pages29/03)."""
    base = tree.css_first("base[href]")
    href = (base.attributes.get("href") or "").strip() if base is not None else ""
    if not href or href.startswith(("javascript:", "data:")):
        return base_url
    return urljoin(base_url, href) if base_url else href


def links_from_tree(tree: LexborHTMLParser, base_url: str | None, *, has_base: bool = False) -> tuple[IndexLink, ...]:
    """Article links of a parsed page, absolute, deduplicated (a "#fragment" is no other page), in page order; a
    link listed again keeps its first place and takes the date of a later copy when its first has none (an image
    link above the dated row: pages29/05). ``has_base``: whether the page may hold a ``<base href>`` (its text has
    "<base"; else no lookup)."""
    if has_base:
        base_url = _base_of(tree, base_url)
    seen: dict[str, IndexLink] = {}
    roots: dict[str, str] = {}
    for a in tree.tags("a"):  # css("a[href]"): one without an href is skipped below
        attrs = a.attributes
        href = (attrs.get("href") or "").strip()
        if not href or href[0] == "#" or href[0] in "jJ" and href[:11].lower() == "javascript:":  # (the slice only there)
            href = scripted_href(attrs)
        if not href or "\\" in href or not is_article_url(href):  # '\"/zwgk/…\"': escaped HTML (JSON), no link
            continue
        if "#" in href:
            href = href.split("#", 1)[0]
        url = _joined(base_url, href, roots) if base_url else href
        if url in seen:
            if seen[url].date is None and (day := _date_near(a)) is not None:
                seen[url] = IndexLink(url=url, title=seen[url].title, date=day)
            continue
        title = (attrs.get("title") or "").strip() or a.text(deep=True, strip=True) or None
        seen[url] = IndexLink(url=url, title=" ".join(title.split()) if title else None, date=_date_near(a))
    return tuple(seen.values())


def link_text_share(tree: LexborHTMLParser, visible_chars: int) -> float:
    """Share of the visible text that is article-link text (high on list pages)."""
    if visible_chars <= 0:
        return 0.0
    total = 0
    for a in tree.tags("a"):  # css("a[href]"): one without an href is no article link
        if is_article_url(a.attributes.get("href") or ""):
            total += len("".join((a.text(deep=True) or "").split()))
    return total / visible_chars


def json_fragment(text: str) -> str | None:
    """The HTML fragment of a jpaas ``{success, data:{html}}`` body, None if not one."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    inner = data.get("data")
    if isinstance(inner, dict):
        for key in ("html", "content", "list"):
            value = inner.get(key)
            if isinstance(value, str):
                return value
    if isinstance(inner, str):
        return inner
    return None


def unwrap_jsonp(text: str) -> str:
    """The JSON inside a JSONP callback, else ``text``: read as it stands, the escaped hrefs of the
    body would be resolved into wrong links."""
    head = text[:JSONP_REACH]
    if "(" not in head or text.startswith(("{", "[", "<")):
        return text
    m = JSONP_CALL_RE.search(head)
    if m is None:
        return text
    end = len(text)
    for _ in range(JSONP_ENDS):  # the JSON's end: one of the last closers ("…})}catch(e){}" has two after it)
        end = max(text.rfind("}", m.end(), end), text.rfind("]", m.end(), end))
        if end < 0:
            break
        try:
            json.loads(text[m.end() : end + 1])
        except ValueError:
            continue
        return text[m.end() : end + 1]
    return text


def column_rows(text: str, base_url: str) -> tuple[tuple[IndexLink, ...], tuple[str, ...]] | None:
    """The links of an exportcontrol ``getColumnList`` body (``{"pageInfo": {"rows": [{title, url,
    publishTimeStr}]}}``, domain.md b.3), and the titles of its rows with no url at all (``"url": null``: a row
    the site lists that cannot be followed, a notice possibly missed: said, pages29/10); None if ``text`` is not
    one. A row whose url is no article is left out."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    info = data.get("pageInfo") if isinstance(data, dict) else None
    rows = info.get("rows") if isinstance(info, dict) else None
    if not isinstance(rows, list):
        return None
    seen: dict[str, IndexLink] = {}
    unfollowed: list[str] = []
    for row in rows:
        href = row.get("url") if isinstance(row, dict) else None
        if isinstance(row, dict) and (href is None or (isinstance(href, str) and not href.strip())):
            unfollowed.append(str(row.get("title") or row.get("id") or "(no title)"))
        if not isinstance(href, str) or not is_article_url(href.strip()):
            continue
        url = urljoin(base_url, href.strip()) if base_url else href.strip()
        title = row.get("title")
        m = LINK_DATE_RE.search(str(row.get("publishTimeStr") or ""))
        seen.setdefault(url, IndexLink(url=url, title=" ".join(title.split()) if isinstance(title, str) else None,
                                       date=make_date(*m.groups()) if m else _epoch_day(row.get("publishTime"))))
    return tuple(seen.values()), tuple(unfollowed)


def _epoch_day(value: object) -> date | None:
    """The Beijing day of an epoch-milliseconds time (pages29/10: read as no date), None for anything else."""
    if not isinstance(value, int) or isinstance(value, bool) or not EPOCH_MS_MIN <= value < 10 * EPOCH_MS_MIN:
        return None
    return datetime.fromtimestamp(value / 1000, BEIJING).date()


def parse_index(html: str, base_url: str) -> tuple[IndexLink, ...]:
    """Links from an HTML index page or a jpaas JSON list body (or, where the page links none, its script's JSON list:
    :func:`script_links`)."""
    stripped = html.lstrip()
    if stripped.startswith("{"):
        fragment = json_fragment(stripped)
        if fragment is None:
            return ()
        html = fragment
    return links_from_tree(LexborHTMLParser(html), base_url, has_base="<base" in html) or script_links(html, base_url)


# An index whose list moved into a script ("var listData = [{"title": …, "url": "/zwgk/…/art_….html", "publishTime":
# "2027-02-10"}, …]; renderList(…)"): no <a> on the page, refused as a JavaScript shell, its notices unread (blind46/12,
# session 46). The array assigned in a script, read as JSON; its rows whose "url" is an article's link are the links.
SCRIPT_ARRAY_RE = lazy_compile(r"=\s*(\[\s*\{.*?\}\s*\])\s*;", re.DOTALL)
# ... or the rows wrapped in an object a script assigns ("var listData = {"total": 3, "list": [{…}, …]};", crawl49): the
# object read as JSON from its "{" (:func:`_json_at`, its nesting whatever it is), its lists of rows found within
SCRIPT_OBJECT_RE = lazy_compile(r"=\s*(?=\{)")
# ... or the array (or such an object) as a JSON string a script parses ("var listData = JSON.parse('[{"title": …}]');",
# session 48), the string a JavaScript literal in either quotes: its escapes undone (\" \' \\ \/ \n \uXXXX \xXX,
# crawl49: refused before, loud) where each is one of JavaScript's, else the page stays a shell (loud)
SCRIPT_PARSED_RE = lazy_compile(r"""JSON\.parse\(\s*(?:'(\s*[\[{](?:[^'\\]|\\.)*)'|"(\s*[\[{](?:[^"\\]|\\.)*)")\s*\)""",
                                re.DOTALL)
JS_ESCAPES = {"'": "'", '"': '"', "\\": "\\", "/": "/", "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f",
              "v": "\v", "\n": ""}
JS_HEX = {"x": 2, "u": 4}
HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
SCRIPT_URL_KEYS = ("url", "link", "href")
SCRIPT_TITLE_KEYS = ("title", "name")
SCRIPT_DATE_KEYS = ("publishTime", "pubDate", "date", "publishDate", "time")
SCRIPT_DEPTH = 4  # how deep in a wrapping object its lists of rows are looked for ({"data": {"page": {"list": […]}}})


def js_string(body: str) -> str | None:
    """The text of a JavaScript string literal's body (between its quotes), its escapes undone; None where one is not
    among those undone for sure (an octal escape, ``\\u{…}``, a lone surrogate)."""
    if "\\" not in body:
        return body
    out: list[str] = []
    at = 0
    while (slash := body.find("\\", at)) >= 0:
        out.append(body[at:slash])
        char = body[slash + 1: slash + 2]
        if char in JS_ESCAPES and char:
            out.append(JS_ESCAPES[char])
            at = slash + 2
        elif char in JS_HEX and len(digits := body[slash + 2: slash + 2 + JS_HEX[char]]) == JS_HEX[char] and all(
                c in HEX_DIGITS for c in digits):
            out.append(chr(int(digits, 16)))
            at = slash + 2 + JS_HEX[char]
        else:
            return None
    out.append(body[at:])
    try:  # (a pair of \uD83D\uDE00 escapes: one character)
        return "".join(out).encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeError:
        return None


def _json_at(html: str, at: int) -> object:
    """The JSON value that opens at ``html[at]``, or None (no JSON there: a script's own object literal)."""
    try:
        return json.JSONDecoder().raw_decode(html, at)[0]
    except ValueError:
        return None


def _row_lists(value: object, depth: int = 0) -> list[list[object]]:
    """The lists of rows (objects) in a JSON value: itself where it is one, else those its objects hold, in order."""
    if isinstance(value, list):
        return [value] if any(isinstance(row, dict) for row in value) else []
    if not isinstance(value, dict) or depth >= SCRIPT_DEPTH:
        return []
    return [rows for item in value.values() for rows in _row_lists(item, depth + 1)]


def script_links(html: str, base_url: str | None) -> tuple[IndexLink, ...]:
    """The article links of a JSON array of rows a page's script assigns (:data:`SCRIPT_ARRAY_RE`), or of the rows an
    object it assigns holds (:data:`SCRIPT_OBJECT_RE`), or parses from a string (:data:`SCRIPT_PARSED_RE`), in order;
    () where there is none, it is no JSON, or no row links an article (the page stays what it was: a shell, loud)."""
    if "<script" not in html or not any(f'"{key}"' in html or f'\\"{key}\\"' in html for key in SCRIPT_URL_KEYS):
        return ()
    found: dict[str, IndexLink] = {}
    values: list[object] = []
    for m in SCRIPT_ARRAY_RE.finditer(html):
        try:
            values.append(json.loads(m.group(1)))
        except ValueError:
            continue
    values.extend(_json_at(html, m.end()) for m in SCRIPT_OBJECT_RE.finditer(html))
    for m in SCRIPT_PARSED_RE.finditer(html) if "JSON.parse" in html else ():
        text = js_string(m.group(1) if m.group(1) is not None else m.group(2))
        if text is None:
            continue
        try:
            values.append(json.loads(text))
        except ValueError:
            continue
    for rows in (rows for value in values for rows in _row_lists(value)):
        for row in rows:
            if not isinstance(row, dict):
                continue
            href = next((v for k in SCRIPT_URL_KEYS if isinstance(v := row.get(k), str) and v), "")
            if not href or not is_article_url(href):
                continue
            url = urljoin(base_url, href.strip()) if base_url else href.strip()
            title = next((v for k in SCRIPT_TITLE_KEYS if isinstance(v := row.get(k), str) and v.strip()), None)
            when = next((v for k in SCRIPT_DATE_KEYS if isinstance(v := row.get(k), str)), "")
            day = LINK_DATE_RE.search(when)
            found.setdefault(url, IndexLink(url=url, title=" ".join(title.split()) if title else None,
                                            date=make_date(*day.groups()) if day else None))
    return tuple(found.values())


def looks_like_index_url(url: str | None) -> bool:
    return bool(url and INDEX_URL_RE.search(url.split("?", 1)[0]))


def looks_like_article_url(url: str | None) -> bool:
    """An article's own URL (``…/art/2025/art_<hex>.html``, ``…/202412/t20241217_11494912.shtml``,
    ``/article/…/202504/20250404123456.shtml``): one page, never a list, whatever column it sits in."""
    return bool(url and ARTICLE_URL_RE.search(urlsplit(url).path))
