"""Article pages (www.mofcom.gov.cn, aqygzj): meta fields and the body as text lines.

One Lexbor parse; the body container's HTML is turned into lines with a few
precompiled regexes (block tags -> newline, table cells -> tab), which is much
cheaper than walking the DOM in Python.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from storage.frozen import quick_init

from .dates import Stamp, parse_stamp
from .lazyre import lazy_compile
from .qa import clean_title
from .select import css, css_first
from .textnorm import holds_any, marked

Container = tuple[str, LexborNode] | tuple[None, None]  # (selector, body node), or none found

CONTAINER_SELECTORS = (
    "div.art-con.art-con-bottonmLine", ".art-con-bottonmLine", ".art-con", ".artCon", ".TRS_Editor",
    "#zoom", ".article-content", ".textlive",
    # news reprints (ETtoday, HK01, UDN, ...): their story body
    "[itemprop=articleBody]", ".story", ".article-body", ".article_content", ".articleBody",
)
NOISE_SELECTORS = (
    "script, style, noscript, nav, header, footer, iframe, aside, .header, .footer, #header, #footer, .nav,"
    " .breadcrumb, .crumbs, .position, .related, .relate, .recommend, .sidebar, [class*=related], [class*=recommend]"
)
# Inside a story container: related-news and share blocks (their headlines read like actions).
STORY_NOISE_SELECTORS = "script, style, aside, .related, .relate, .recommend, [class*=related], [class*=recommend], .share"
# One query for every selector but the first: pages without a container (index pages) then
# cost two tree walks instead of one per selector.
OTHER_CONTAINERS = ", ".join(CONTAINER_SELECTORS[1:])
# When one of them matches, MOFCOM's own classes are asked for in one query first: none of them on a page that has
# another container (a TRS page's) costs one tree walk instead of one per selector (a query costs ~25,000
# instructions before it walks).
MOFCOM_CONTAINERS = CONTAINER_SELECTORS[1:4]
NEWS_CONTAINERS = frozenset(CONTAINER_SELECTORS[CONTAINER_SELECTORS.index("[itemprop=articleBody]") :])
# Inside MOFCOM's own containers: a related-links block or a list of links (pages28/07), asked for only when the
# container's HTML has a link and one of these marks (a query costs ~25,000 instructions; most containers have no link).
RELATED_HEADS = ("相关链接", "相关稿件", "相关新闻", "相关文章", "相关阅读", "延伸阅读")
LINK_BLOCK_RE = lazy_compile(r"<li\b|relat|recommend|xgwz|" + "|".join(RELATED_HEADS))
# A paragraph that is one link to another page (not an attachment) under such a heading: another notice's title.
ATTACHMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".rar", ".wps", ".ofd")
LINK_BLOCK_SELECTORS = ".related, .relate, .recommend, .xgwz, [class*=related], [class*=recommend]"
# A bracket opened and closed across one line break and no other bracket: a "<br>" inside a name (pages28/02: the
# listing sentence cut in two, no step and no entity read, silently). Searched for only where a "<br>" follows text (most
# pages' only "<br>"s are blank paragraphs' "<p><br></p>": the search costs ~40,000 instructions a page).
# A line of a page's frame naming the article before or after this one ("上一篇：商务部公告2026年第245号 关于停止执行…的公告"):
# another notice's title, whose verb is no step of this page (session 42, audit42/06: an exportcontrol mirror page's
# "下一篇：" under a UEL listing read as a lift of No. 21, a false 'Lifted' item on 16 entities). Found by its words, not a class.
NEIGHBOUR_MARKS = ("上一篇", "下一篇", "上一条", "下一条", "上一页", "下一页")
# Every NEIGHBOUR_MARKS word holds one of these: two scans turn away a body holding neither (nearly every one), where the
# six words' cost ~16,000 instructions a page (perf42: audit42's 5a09430c rose the parser ~17,000 a page).
NEIGHBOUR_GATE = ("上一", "下一")
NEIGHBOUR_GATE_MARKED = marked(NEIGHBOUR_GATE)  # each asked by its mark (``textnorm.holds_any``)
# (with a colon, a blank, an arrow or a bracket: "上一篇：", "下一篇 …", "【上一篇】", "下一条 : "; 篇 and 页 with anything after them)
NEIGHBOUR_LINE_RE = re.compile(r"[ \t\u3000]*[【\[<《]?[ \t\u3000]*(?:(?:上一|下一)[篇页]|(?:上一|下一)条[ \t\u3000]*[】\]>》]?[ \t\u3000]*"
                               r"[:：>》 \t\u3000])[^\n]*")
BROKEN_BRACKET_RE = lazy_compile(r"[（(][^（）()\n]{1,80}\n[^（）()\n]{1,80}[）)]")
META_NAMES = {"articletitle": "title", "pubdate": "pubdate", "sitename": "site", "og:title": "og_title",
              "contentsource": "source"}
SCRIPT_RE = lazy_compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
SCRIPT_OPEN_RE = lazy_compile(r"<(?:script|style|noscript|template)\b", re.IGNORECASE)
COMMENT_RE = lazy_compile(r"<!--.*?-->", re.DOTALL)
BLOCK_NAMES = ("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody", "ul", "ol", "section",
               "article", "hr", "dt", "dd", "dl", "blockquote", "pre", "center")
BLOCK_TAG_RE = lazy_compile(r"<\s*/?\s*(?:" + "|".join(BLOCK_NAMES) + r")\b[^>]*>", re.IGNORECASE)
# A block tag as Lexbor writes one (lower-case name, each attribute ' name="value"' with <, > and " escaped in
# the value), without its < and >: every such body is one BLOCK_TAG_RE matches. PLAIN_BLOCK_BODIES: those
# without attributes (most tags of a body of paragraphs), found in a set instead of by the regex.
BLOCK_BODY_RE = re.compile(r"/?(?:" + "|".join(BLOCK_NAMES) + r")(?: [^\s\"'<>/=]+=\"[^\"<>]*\")*")
PLAIN_BLOCK_BODIES = frozenset(BLOCK_NAMES + tuple("/" + name for name in BLOCK_NAMES))
# The tags of a body of paragraphs, as Lexbor writes them, but for the container's own opening tag.
PARAGRAPH_TAGS = ("</p>", "<p>", "<br>", "</div>")
UNCLOSED_TAG_RE = lazy_compile(r"<[^<>]*+<")  # a "<" followed by another before any ">" (no backtracking: none can help)
CELL_END_RE = lazy_compile(r"<\s*/\s*t[dh]\s*>", re.IGNORECASE)
# A cell spanning columns ("<th colspan=\"2\">中文名称</th>" over a row whose Chinese name is cut over two cells): its
# columns kept as empty cells after it, so that a row's cells stay under their header's (session 33, audit33/12: the
# name's second half was read as the English name, the English as the country, silently).
COLSPAN_CELL_RE = lazy_compile(r"<\s*t[dh]\b[^>]*?\bcolspan\s*=\s*[\"']?\s*([2-9])\b[^>]*>.*?<\s*/\s*t[dh]\s*>",
                               re.IGNORECASE | re.DOTALL)
# A cell spanning rows ("<td rowspan=\"3\">洛克斯通防务集团</td>" beside three subsidiaries' rows): its text repeated in the
# rows under it, so that their cells stay under their header's (session 41, mfa41/24: the Chinese names read as notes, the
# English as the Chinese, a row's last cell lost).
TABLE_RE = lazy_compile(r"<\s*table\b.*?<\s*/\s*table\s*>", re.IGNORECASE | re.DOTALL)
ROWSPAN_RE = lazy_compile(r"^<\s*t[dh]\b[^>]*?\s(rowspan\s*=\s*[\"']?\s*(\d{1,2})[\"']?)", re.IGNORECASE)
# A data table's row stays one line: paragraphs and breaks inside its cells ("<td><p>斯凯迪奥公司</p></td>")
# are spaces, not line breaks. A data row: two cells or more, no table inside (a row with no other row or
# table tag before its end); a data cell: a few blocks. A layout table's cells keep their lines.
ROW_RE = lazy_compile(r"<\s*tr\b[^>]*>(?:(?!<\s*/?\s*(?:tr|table)\b).)*<\s*/\s*tr\s*>", re.IGNORECASE | re.DOTALL)
CELL_RE = lazy_compile(r"<\s*t[dh]\b[^>]*>.*?<\s*/\s*t[dh]\s*>", re.IGNORECASE | re.DOTALL)
CELL_BLOCKS_MAX = 6  # block tags of a data cell ("<p>中文名</p><p>（English）</p>", a "<br>" or two)
TAG_RE = lazy_compile(r"<[^>]*>")
# A red header served as an image whose alt text is the notice's number ("<img … alt=\"商务部公告2026年第101号\">"): the
# alt text is a line of the text (session 24, parse24: the notice was keyed DOC-… as "other", its number lost).
IMG_NUMBER_RE = lazy_compile(r"<img\b[^>]*?\balt\s*=\s*[\"']([^\"'<>]{2,40}?(?:公告|令)[^\"'<>]{0,20}?号)\s*[\"'][^>]*>", re.IGNORECASE)
# An annex served as an image whose alt text lists the names ("<img … alt=\"…名单：1.甲公司（Alpha Inc.）；2.乙公司（…）\">"): the
# alt text is the page's text for it, read as the annex's lines, one a serial (session 35, audit35/06: no entity read, only
# a count warning). Only an alt holding a name with its English in brackets.
IMG_NAMES_RE = lazy_compile(r"<img\b[^>]*?\balt\s*=\s*\"([^\"<>]*?[（(][^\"<>()（）]*?[A-Za-z][^\"<>()（）]*?[)）][^\"<>]*)\"[^>]*>",
                            re.IGNORECASE)
ALT_ITEM_CUT_RE = lazy_compile(r"\s*[；;:：]?\s*(?=(?<![\d.])\d{1,3}\s*[.．、](?!\d))")
# The info line of a page without a PubDate meta: "发布时间：2025-11-06&nbsp;&nbsp;来源：…" (exportcontrol mirror).
INFO_STAMP_RE = lazy_compile(r"发布(?:时间|日期)\s*[:：]\s*(?P<stamp>\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?|"
                           r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
# The article's own heading (the title over its info line), not a logo's h1: where its "发布时间：" is found.
ARTICLE_HEADING_RE = lazy_compile(
    r"""<h1\b(?![^>]*logo)|\bid\s*=\s*["']?News_Body_Title|\bclass\s*=\s*["'][^"']*\b(?:detail-title|news-title|art-title|"""
    r"""article-title|artTitle|title-main)\b""", re.IGNORECASE)
BLANK_LINES_RE = lazy_compile(r"\n\s*\n+")
# BLANK_LINES_RE where line breaks are the only blanks next to a line break: a run of three or more (a run
# of two is what it is replaced with), found from its literal start instead of trying at every "\n".
EXTRA_BREAKS_RE = re.compile(r"\n\n\n+")
CELL_SPACE_RE = lazy_compile(r"[ ]*\t[ ]*")
FILING_BLOCK_RE = re.compile(r"【\s*(?:发布单位|发布文号|发文日期|成文日期)\s*】")
# An ordered list's items carry their numbers only in the browser: "<ol><li>晨星海事系统公司（…）</li>…</ol>" as an annex
# (session 35, audit35/02: no annex line read, 4 entities lost behind a count warning). Each item is written with its
# number ("1. "), as the page shows it; a list inside another is left as it is.
ORDERED_LIST_RE = lazy_compile(r"<ol\b([^>]*)>((?:(?!<ol\b).)*?)</ol\s*>", re.IGNORECASE | re.DOTALL)
LIST_ITEM_RE = lazy_compile(r"<li\b[^>]*>", re.IGNORECASE)
# An unordered list whose every item is a Chinese name and its Latin one, "<ul><li>海港点分析公司 <span>Harbor Point Analytics,
# Inc.</span></li>…</ul>": an annex set as bullets (session 37, audit37/14: no line read, 3 entities lost behind a count
# warning). Numbered as an ordered list is; a list of anything else (measures, links, sentences) is left as it is.
UNORDERED_LIST_RE = lazy_compile(r"<ul\b([^>]*)>((?:(?!<[uo]l\b).)*?)</ul\s*>", re.IGNORECASE | re.DOTALL)
LIST_ITEM_TEXT_RE = lazy_compile(r"<li\b[^>]*>(.*?)</li\s*>", re.IGNORECASE | re.DOTALL)
TAG_RE = lazy_compile(r"<[^>]*>")
NAME_ITEM_RE = lazy_compile(r"[\u4e00-\u9fff][^。；;：:<>]{0,60}?[A-Za-z][^。；;：:<>]{0,120}")
# An annex set as description lists, each entry a serial then its names ("<dl><dt>1</dt><dd>鸢尾生物公司</dd><dd>Iris Biosystems
# Inc.</dd></dl>"): one line each, "1. 中文名（English）", as an annex line writes it (session 47, words47; blind46/25: each
# element a line of its own, no entity read behind a count warning). Only entries whose term is a serial and whose one or two
# details hold a Chinese name, then a Latin one without Chinese; any other list as it is.
DESCRIPTION_LIST_RE = lazy_compile(r"<dl\b[^>]*>((?:(?!<dl\b).)*?)</dl\s*>", re.IGNORECASE | re.DOTALL)
DESCRIPTION_ENTRY_RE = lazy_compile(r"\s*<dt\b[^>]*>\s*(\d{1,3})\s*[.、]?\s*</dt\s*>\s*<dd\b[^>]*>([^<>]*)</dd\s*>"
                                    r"(?:\s*<dd\b[^>]*>([^<>]*)</dd\s*>)?\s*", re.IGNORECASE)
CJK_RE = lazy_compile(r"[\u4e00-\u9fff]")
LATIN_RE = lazy_compile(r"[A-Za-z]")
# A footnote mark set as a superscript after a name ("沙丘雷达公司<sup>1</sup>", "Polar Avionics LLC<sup>[2]</sup>", in a
# table's cells): no part of the name (session 35, audit35/20: kept in names and keys, "Dune Radar, Inc.1"). Not after a
# digit ("10<sup>6</sup>": a power).
SUP_MARK_RE = lazy_compile(r"(?<!\d)<sup\b[^>]*>\s*(?:\d{1,2}|\[\d{1,2}\]|［\d{1,2}］|\*{1,3}|注\s*\d{1,2}|[①-⑳])\s*</sup\s*>",
                           re.IGNORECASE)
# A <pre> block keeps its line ends, which the folding of HTML whitespace took (session 43, audit43/13: an annex pasted as
# "<pre>1.  冰川动力公司（…）\n2.  红杉遥感公司（…）</pre>" read as one name with the second's English, the first lost behind a
# count warning): each one a <br>.
PRE_RE = lazy_compile(r"<pre\b[^>]*>.*?</pre\s*>", re.IGNORECASE | re.DOTALL)
LIST_START_RE = lazy_compile(r"\bstart\s*=\s*[\"']?(\d{1,3})\b", re.IGNORECASE)


@quick_init
@dataclass(frozen=True)
class Article:
    """What an article page says about itself, and its body as text."""

    title: str | None
    pub: Stamp | None
    site: str | None
    text: str
    container: str | None  # the selector that matched, None for the fallback
    filing_no: str | None = None  # the number in the page's info table outside the body ("文号", "发文字号"), as written
    source: str | None = None  # the page's ContentSource meta ("商务部网站", "商务部新闻办公室"): who wrote it

    @property
    def visible_chars(self) -> int:
        """Characters of the text that are not whitespace (only an index page's check reads it)."""
        return len("".join(self.text.split()))


def _pre_lines(m: re.Match[str]) -> str:
    """A <pre> block with its line ends as <br> (``PRE_RE``)."""
    return m[0].replace("\r\n", "\n").replace("\n", "<br>")


def html_to_text(fragment: str) -> str:
    """HTML to text with line breaks at block boundaries and tabs between table cells.

    A fragment with (almost) no block tags keeps its raw newlines: text pasted into a
    div or a ``<pre>``.
    """
    if "rowspan" in fragment or "ROWSPAN" in fragment:
        fragment = TABLE_RE.sub(_rowspans_filled, fragment)
    if "<pre" in fragment or "<PRE" in fragment:
        fragment = PRE_RE.sub(_pre_lines, fragment)
    split = paragraph_tags(fragment)
    if split is None:  # other tags than a body of paragraphs': an image, a list or a superscript among them?
        rewritten = _tags_rewritten(fragment)
        if rewritten is not fragment:
            fragment = rewritten
            split = paragraph_tags(fragment)
    if split is not None:  # only paragraphs and line breaks: no cell either
        fragment, blocks = split
        has_cells = False
    elif (split := split_block_tags(fragment)) is not None:  # only block tags: no script or comment
        has_cells = "</t" in fragment or "</T" in fragment
        fragment, blocks = split
    else:
        if SCRIPT_OPEN_RE.search(fragment):
            fragment = SCRIPT_RE.sub("", fragment)
        if "<!--" in fragment:
            fragment = COMMENT_RE.sub("", fragment)
        # One pass per tag kind, with marker characters that survive whitespace folding.
        has_cells = "</t" in fragment or "</T" in fragment
        if has_cells:
            if "colspan" in fragment or "COLSPAN" in fragment:
                fragment = COLSPAN_CELL_RE.sub(_spanned_columns, fragment)
            fragment = ROW_RE.sub(_row_on_one_line, fragment)
            fragment = CELL_END_RE.sub("\x01", fragment)
        fragment, blocks = BLOCK_TAG_RE.subn("\x00", fragment)
    if blocks > max(4, fragment.count("\n") // 4):
        fragment = " ".join(fragment.split())  # HTML whitespace (and U+3000, folded later anyway)
        text = None if has_cells or "<" in fragment else fragment if "&" not in fragment else unescaped(fragment)
        if text is not None:
            # Nothing left to strip or unescape, and single spaces the only blanks: a line's ends
            # are at most one space next to a break, which two replaces take off. Then the only
            # blanks next to a line break are line breaks: runs of three or more are what to fold.
            text = text.replace(" \x00", "\x00").replace("\x00 ", "\x00").replace("\x00", "\n")
            while "\n\n\n" in text:  # EXTRA_BREAKS_RE.sub("\n\n", text): each pass takes a third of a run's breaks off
                text = text.replace("\n\n\n", "\n\n")
            return text.strip("\n")
    else:
        fragment = "\n".join(" ".join(line.split()) for line in fragment.split("\n"))
    fragment = fragment.replace("\x00", "\n")
    if has_cells:
        fragment = fragment.replace("\x01", "\t")
    text = TAG_RE.sub("", fragment) if "<" in fragment else fragment
    if "&" in text:
        text = htmllib.unescape(text).replace("\xa0", " ")
    if has_cells:
        text = CELL_SPACE_RE.sub("\t", text)
    lines = [line.strip(" \t\u3000") for line in text.split("\n")]
    return BLANK_LINES_RE.sub("\n\n", "\n".join(lines)).strip("\n")


def _tags_rewritten(fragment: str) -> str:
    """``fragment`` with the tags whose text the page shows otherwise written as that text: an image's alt text naming the
    notice (IMG_NUMBER_RE) or the annex's entities (IMG_NAMES_RE), an ordered list's numbers (ORDERED_LIST_RE), a
    superscript footnote mark dropped (SUP_MARK_RE); ``fragment`` itself when it has none. Only asked of a fragment
    that is not a body of paragraphs alone (``paragraph_tags``); each kind looked for by one ``in`` (Lexbor writes tag
    names in lower case) before its regex."""
    if "<img" in fragment:
        if IMG_NUMBER_RE.search(fragment) is not None:
            fragment = IMG_NUMBER_RE.sub(r"<p>\1</p>", fragment)
        if IMG_NAMES_RE.search(fragment) is not None:
            fragment = IMG_NAMES_RE.sub(_alt_lines, fragment)
    if "<sup" in fragment and SUP_MARK_RE.search(fragment) is not None:
        fragment = SUP_MARK_RE.sub("", fragment)
    if "<ol" in fragment:
        fragment = ORDERED_LIST_RE.sub(_numbered_items, fragment)
    if "<ul" in fragment:
        fragment = UNORDERED_LIST_RE.sub(_named_bullets, fragment)
    if "<dt" in fragment:
        fragment = DESCRIPTION_LIST_RE.sub(_entry_lines, fragment)
    return fragment


def _entry_lines(dl: re.Match[str]) -> str:
    """A description list (DESCRIPTION_LIST_RE) whose every entry is a serial and a name (DESCRIPTION_ENTRY_RE) as
    paragraphs "N. 中文名（English）"; else ``dl`` as it is."""
    body, at, lines = dl.group(1), 0, []
    while at < len(body):
        m = DESCRIPTION_ENTRY_RE.match(body, at)
        if m is None or m.end() == at:
            return dl.group(0)
        zh, en = m.group(2).strip(), (m.group(3) or "").strip()
        if CJK_RE.search(zh) is None or en and (CJK_RE.search(en) is not None or LATIN_RE.search(en) is None):
            return dl.group(0)
        lines.append(f"<p>{m.group(1)}. {zh}（{en}）</p>" if en else f"<p>{m.group(1)}. {zh}</p>")
        at = m.end()
    return "".join(lines) if lines else dl.group(0)


def _alt_lines(img: re.Match[str]) -> str:
    """An image's alt text naming entities (IMG_NAMES_RE) as paragraphs: one before each serial ("1.", "2、")."""
    return "".join(f"<p>{line}</p>" for line in ALT_ITEM_CUT_RE.split(img.group(1)) if line.strip())


def _numbered_items(ol: re.Match[str]) -> str:
    """An ordered list (ORDERED_LIST_RE) with each item's number written after its ``<li>``: "<li>1. "."""
    start = LIST_START_RE.search(ol.group(1))
    numbers = iter(range(int(start.group(1)) if start else 1, 10_000))
    body = LIST_ITEM_RE.sub(lambda li: f"{li.group()}{next(numbers)}. ", ol.group(2))
    return f"<ol{ol.group(1)}>{body}</ol>"


def _named_bullets(ul: re.Match[str]) -> str:
    """An unordered list (UNORDERED_LIST_RE) numbered as an ordered one when each of its items (two or more, no link) is a
    name with its Latin name (NAME_ITEM_RE); else ``ul`` as it is."""
    items = [TAG_RE.sub(" ", m.group(1)).strip() for m in LIST_ITEM_TEXT_RE.finditer(ul.group(2))]
    if len(items) < 2 or "<a" in ul.group(2) or not all(NAME_ITEM_RE.fullmatch(item) for item in items):
        return ul.group(0)
    numbers = iter(range(1, 10_000))
    return "<ul{}>{}</ul>".format(ul.group(1), LIST_ITEM_RE.sub(lambda li: f"{li.group()}{next(numbers)}. ", ul.group(2)))


def _rowspans_filled(table: re.Match[str]) -> str:
    """A table (TABLE_RE) with each cell spanning rows (ROWSPAN_RE) written again, without the span, in each row it
    spans, at its column; a table without one, or whose first column spans rows, as it is."""
    text = table.group()
    if "rowspan" not in text.lower():
        return text
    rows = [CELL_RE.findall(row.group()) for row in ROW_RE.finditer(text)]
    if any(cells and ROWSPAN_RE.match(cells[0]) for cells in rows):
        # a serial (or the header's first cell) spanning rows: each entity, or the header, over two rows, its rows read
        # together as they are (session 38, audit38/02, /03)
        return text
    pending: dict[int, tuple[str, int]] = {}  # column -> (the cell, rows still spanned)

    def row(m: re.Match[str]) -> str:
        cells = CELL_RE.findall(m.group())
        out: list[str] = []
        i = col = 0
        while i < len(cells) or col in pending:
            if col in pending:
                cell, left = pending.pop(col)
                out.append(cell)
                if left > 1:
                    pending[col] = (cell, left - 1)
            else:
                cell, i = cells[i], i + 1
                span = ROWSPAN_RE.match(cell)
                if span is not None and int(span.group(2)) > 1:
                    pending[col] = (cell.replace(span.group(1), "", 1), int(span.group(2)) - 1)
                out.append(cell)
            col += 1
        opening = m.group()[: m.group().index(">") + 1]
        return opening + "".join(out) + "</tr>"

    return ROW_RE.sub(row, text)


def _spanned_columns(cell: re.Match[str]) -> str:
    """A cell spanning N columns, then N-1 empty cells (COLSPAN_CELL_RE)."""
    return cell.group() + "<td></td>" * (int(cell.group(1)) - 1)


def _row_on_one_line(row: re.Match[str]) -> str:
    """A data row's cells with their block tags as spaces (ROW_RE, CELL_BLOCKS_MAX); any other row as it is."""
    text = row.group()
    return CELL_RE.sub(_cell_blocks_as_spaces, text) if len(CELL_RE.findall(text)) > 1 else text


def _cell_blocks_as_spaces(cell: re.Match[str]) -> str:
    """A data cell's block tags as spaces: its paragraphs stay on the row's line."""
    spaced, blocks = BLOCK_TAG_RE.subn(" ", cell.group())
    return spaced if blocks <= CELL_BLOCKS_MAX else cell.group()


def unescaped(folded: str) -> str | None:
    """What unescaping (U+00A0 read as a space) makes of a folded text whose only entities are the ``&amp;``
    and ``&nbsp;`` Lexbor writes, when that leaves single spaces the only blanks, none at either end (so
    html_to_text's short way strips line ends as the long way does); else None."""
    spaces = folded.count("&nbsp;")
    if folded.count("&") != folded.count("&amp;") + spaces:
        return None
    if not spaces:
        return folded.replace("&amp;", "&")
    text = folded.replace("&nbsp;", " ").replace("&amp;", "&")  # "&amp;nbsp;" holds no "&nbsp;"
    return None if "  " in text or text.startswith(" ") or text.endswith(" ") else text


def paragraph_tags(fragment: str) -> tuple[str, int] | None:
    """``split_block_tags(fragment)`` for the commonest body: a block tag opening it (the container's own),
    then no tag but PARAGRAPH_TAGS. Each of them is replaced in place (a C pass each, no string made per
    tag); none left after that ("<" and ">" only in the tags replaced) is what the cut finds. Else None."""
    end = fragment.find(">")
    head = fragment[1:end]  # the opening tag's name and attributes, if the fragment opens with a tag
    if end < 0 or not fragment.startswith("<") or (head not in PLAIN_BLOCK_BODIES and not BLOCK_BODY_RE.fullmatch(head)):
        return None
    rest = fragment[end + 1 :]
    blocks = 1 + rest.count("<")
    for tag in PARAGRAPH_TAGS:
        rest = rest.replace(tag, "\x00")
    if "<" in rest or ">" in rest:
        return None
    return "\x00" + rest, blocks


def split_block_tags(fragment: str) -> tuple[str, int] | None:
    """``BLOCK_TAG_RE.subn("\\x00", fragment)`` when every tag of ``fragment`` is a block tag written as
    Lexbor writes one (a body of paragraphs), else None (an inline tag, a comment, a script, a "<" in
    an attribute's name...). Then its "<" and ">" alternate, so cutting it at both (two C calls) gives
    its texts and tag bodies in turn, instead of a regex match per tag."""
    parts = fragment.replace(">", "<").split("<")
    if len(parts) == 1:
        return fragment, 0
    # As many "<" as ">", the last of them a ">" and never two "<" in a row: they alternate from "<" to ">".
    if (fragment.count("<") * 2 != len(parts) - 1 or fragment[-len(parts[-1]) - 1] != ">"
            or UNCLOSED_TAG_RE.search(fragment)):
        return None
    for body in set(parts[1::2]) - PLAIN_BLOCK_BODIES:
        if not BLOCK_BODY_RE.fullmatch(body):
            return None
    return "\x00".join(parts[::2]), len(parts) // 2


def _meta(tree: LexborHTMLParser) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.tags("meta"):  # what css("meta") finds, in the same order, without a selector
        attrs = node.attributes
        name = (attrs.get("name") or attrs.get("property") or "").strip().lower()
        field = META_NAMES.get(name)
        if field and field not in found:
            content = attrs.get("content")
            if content:
                found[field] = content.strip()
    return found


def _info_stamp(raw: str) -> Stamp | None:
    """The "发布时间：2025-11-06" of a page's info line (exportcontrol mirror: ``div.artInfo``,
    ``div.detail-info``), outside its body container, when the page has no PubDate meta. When the page shows
    several (a sidebar's list of other articles, each with its "发布时间："), the first after the article's heading
    (ARTICLE_HEADING_RE), else the last before it; with no such heading, the first (session 19, mfa19: a sidebar before the article gave it the
    sidebar's date, and a Q&A its key)."""
    if "发布" not in raw:
        return None
    found = list(INFO_STAMP_RE.finditer(raw))
    if not found:
        return None
    if len(found) > 1 and len({m.group("stamp") for m in found}) > 1:
        head = ARTICLE_HEADING_RE.search(raw)
        if head is not None:  # its info line follows it (else, when none does, stands right before it)
            near = next((m for m in found if m.start() > head.start()), None) or [
                m for m in found if m.start() < head.start()][-1]
            return parse_stamp(near.group("stamp"))
    return parse_stamp(found[0].group("stamp"))


# A page with neither a PubDate meta nor a "发布时间：" line, whose date is an element of the article's header alone: "<header
# class=\"detail-hd\"><h1 class=\"detail-title\">…</h1><div class=\"detail-meta\"><span class=\"detail-date\">2028-04-10
# 21:00</span>…" (session 57, pages56/49: a redesigned answer keyed QA-undated, its step undated, a problem in a store). The
# element's class names a date and its whole text is one; it sits in the block holding the article's heading (h1 or a
# heading class, HEADING_SELECTORS), a short one (HEADER_CHARS: a header, not the page or the article), and is that
# block's only such element; a sidebar's or a list's dates are in no such block. Asked only of a page with no date else.
DATE_SELECTORS = "[class*=date], [class*=Date]"
# A class naming another day than the publication's ("update-date", "modify-date", "print-date", "revise-date",
# "expire-date"): no such element dates the page, and none counts as a second date beside the page's own.
OTHER_DAY_CLASSES = ("updat", "modif", "print", "revis", "expir")
HEADING_SELECTORS = "h1, .detail-title, .news-title, .art-title, .article-title, .artTitle, .title-main, #News_Body_Title"
HEADER_CHARS = 300  # visible characters of the header block at most
HEADER_UP = 3  # ancestors of the date element looked at for the header block
DATE_ONLY_RE = lazy_compile(r"\d{4}\s*(?:-\s*\d{1,2}\s*-\s*\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


def _header_stamp(tree: LexborHTMLParser, raw: str) -> Stamp | None:
    """The date of the article's header element alone (DATE_SELECTORS), None when there is none or more than one."""
    if "date" not in raw and "Date" not in raw:  # a query costs ~25,000 instructions: pages without the word skip it
        return None
    dated = [node for node in css(tree, DATE_SELECTORS) if DATE_ONLY_RE.fullmatch((node.text() or "").strip())
             and not any(word in (node.attributes.get("class") or "").lower() for word in OTHER_DAY_CLASSES)]
    found: dict[int, tuple[LexborNode, list[LexborNode]]] = {}  # header block -> its date elements
    for node in dated:
        block = node.parent
        for _ in range(HEADER_UP):
            if block is None or len(_blank_out(block.text() or "")) > HEADER_CHARS:
                break
            if css_first(block, HEADING_SELECTORS) is not None:
                found.setdefault(block.mem_id, (block, []))[1].append(node)
                break
            block = block.parent
    if len(found) != 1:
        return None
    (_, nodes), = found.values()
    return parse_stamp((nodes[0].text() or "").strip()) if len(nodes) == 1 else None


# A page's information-disclosure block outside the body: aqygzj's table "<th>文号</th><td>不可靠实体清单工作机制公告〔2027〕3号</td>",
# gov.cn's "<td><b>发文字号：</b></td><td>…</td>", a list "<li><label>文　号：</label><span>…</span></li>", "<span>文号：</span><span>…"
# pairs: an element whose whole text is the label, the number in the element after it.
INFO_NO_WORDS = ("文号", "文字号", "文 号", "文\u3000号")
INFO_LABELS = frozenset(("文号", "发文字号", "发布文号"))
# The label as an element's whole text, asked of the raw page before any node is walked.
INFO_LABEL_RE = lazy_compile(r">\s*(?:发布|发|)(?:文字号|文\s*号)\s*[:：]?\s*<")
# INFO_LABEL_RE after its 文, matched at each 文 of the page (``info_label``)
INFO_LABEL_TAIL_RE = lazy_compile(r"(?:字号|\s*号)\s*[:：]?\s*<")
INFO_LABEL_TAGS = "th, td, dt, span, label, b, strong, div, p"
INFO_UP = 4  # ancestors of the label looked at for the block holding the page's title
INFO_BLOCK_CHARS = 1200  # a block longer than this (text, blanks out) is the page, not its info block
TITLE_HEAD = 12  # the title's first characters (blanks out) looked for in the block
BODY_HEAD = 30  # the body text's first characters: a block holding them holds the article, not only its info


def info_label(raw: str) -> bool:
    """``any(word in raw for word in INFO_NO_WORDS) and INFO_LABEL_RE.search(raw) is not None``, by one walk over the page's
    文 (gate46: INFO_LABEL_RE, its literal prefix ">", was tried at every tag of every page holding a word, and the four
    words each scanned the whole page: ~30,000 instructions a page of bench/parse.py). Every word and every match holds
    a 文: a word opens there; a match is INFO_LABEL_TAIL_RE after it and ">\\s*(?:发布|发|)" right before it."""
    worded = labelled = False
    pos = raw.find("文")
    while pos >= 0:
        worded = worded or raw.startswith(INFO_NO_WORDS, pos)
        labelled = labelled or INFO_LABEL_TAIL_RE.match(raw, pos + 1) is not None and _tag_before(raw, pos)
        if worded and labelled:
            return True
        pos = raw.find("文", pos + 1)
    return False


def _tag_before(raw: str, at: int) -> bool:
    """Whether ``raw[:at]`` ends with INFO_LABEL_RE's ">\\s*(?:发布|发|)" (\\s is ``str.isspace``)."""
    for end in (at - 2 if at >= 2 and raw.startswith("发布", at - 2) else -1, at - 1 if at >= 1 and raw[at - 1] == "发" else -1,
                at):
        if end < 0:
            continue
        k = end
        while k > 0 and raw[k - 1].isspace():
            k -= 1
        if k > 0 and raw[k - 1] == ">":
            return True
    return False


def _info_table_no(tree: LexborHTMLParser, raw: str, title: str | None, body_text: str) -> str | None:
    """The number in the page's information-disclosure block, if any: read only where the text gives none (session 46,
    blind46/19: an aqygzj page whose number stood only in its 文号 cell was keyed DOC-…, health green). The block must
    hold the page's own title and not the article (a box of other documents with their numbers is no such block)."""
    if not title or not info_label(raw):
        return None
    head = "".join((clean_title(title) or "").split())[:TITLE_HEAD]
    if len(head) < TITLE_HEAD // 2:
        return None
    body_head = "".join(body_text.split())[:BODY_HEAD]
    for node in css(tree, INFO_LABEL_TAGS):
        if _blank_out(node.text(deep=False) or "").rstrip(":：") not in INFO_LABELS:
            continue
        while node.parent is not None and _blank_out(node.parent.text() or "").rstrip(":：") in INFO_LABELS:
            node = node.parent  # "<td><b>发文字号：</b></td>": the cell
        value = node.next
        while value is not None and value.tag == "-text" and not (value.text() or "").strip():
            value = value.next
        number = " ".join((value.text() or "").split()) if value is not None else ""
        if "号" not in number:
            continue
        block = node.parent
        for _ in range(INFO_UP):
            if block is None:
                break
            words = _blank_out(block.text() or "")
            if len(words) > INFO_BLOCK_CHARS or (body_head and body_head in words):
                break
            if head in words:
                return number
            block = block.parent
    return None


def _blank_out(text: str) -> str:
    return "".join(text.split())


def _filing_block(tree: LexborHTMLParser, body_text: str, raw_html: str | None) -> str:
    """The 【发布单位】/【发布文号】/【发文日期】 lines when they sit outside the body container."""
    if "【" in body_text and FILING_BLOCK_RE.search(body_text):
        return ""
    raw = raw_html if raw_html is not None else (tree.html or "")
    if "【" not in raw:
        return ""
    m = FILING_BLOCK_RE.search(raw)
    if not m:
        return ""
    # From the tag opening the first field to a little past the last one: the block is short.
    last = m
    for last in FILING_BLOCK_RE.finditer(raw, m.end(), m.start() + 1500):
        pass
    start = raw.rfind("<", max(0, m.start() - 200), m.start())
    window = raw[start if start >= 0 else max(0, m.start() - 200) : last.end() + 400]
    lines = [line for line in html_to_text(window).split("\n") if FILING_BLOCK_RE.search(line)]
    return "\n".join(lines)


def _drop_link_items(body: LexborNode) -> None:
    """List items that are nothing but a link (headline lists, menus): not the article."""
    for item in css(body, "li"):
        link = css_first(item, "a")
        if link is None:
            continue
        whole = len("".join(item.text().split()))
        if whole and len("".join(link.text().split())) >= 0.8 * whole:
            item.decompose()


# A link whose text is another article's title ("商务部公告2026年第245号 关于停止执行…的公告", "…答记者问"): a box of the page's
# frame listing them ("最新发布", "热点推荐", "相关公告：", "更多："), whatever its class, is no part of this article (session 42,
# audit42's probes: each such title read as a step of the page, a false lift of No. 21 or suspension of UEL 7号). Searched
# for only in a body with a link.
TITLE_LINK_RE = lazy_compile(r"(?:公告|答记者问|决定|通知|谈话|声明|号)\s*(?:</[a-z]+>\s*)*</a>")
TITLE_WORDS = ("公告", "答记者问", "决定", "通知", "谈话", "声明", "号")
INLINE_TAGS = frozenset(("span", "font", "strong", "b", "em", "i", "u", "small", "label", "a"))


def _drop_title_links(body: LexborNode) -> None:
    """The blocks whose text is (80 % or more) links to other articles' titles (TITLE_WORDS, not an attachment): each
    link's block is its nearest parent that is not inline; the body itself is kept."""
    share: dict[int, tuple[LexborNode, int]] = {}
    for link in css(body, "a"):
        href = (link.attributes.get("href") or "").lower()
        text = "".join((link.text() or "").split())
        if not href or href.endswith(ATTACHMENT_SUFFIXES) or len(text) < 8 or not any(w in text for w in TITLE_WORDS):
            continue
        block = link.parent
        while block is not None and block.tag in INLINE_TAGS:
            block = block.parent
        if block is None or block.mem_id == body.mem_id:
            continue
        seen = share.get(block.mem_id)
        share[block.mem_id] = (block, (seen[1] if seen else 0) + len(text))
    for block, linked in reversed(list(share.values())):  # the inner blocks first
        if linked >= 0.8 * len("".join((block.text() or "").split())):
            block.decompose()


def _drop_link_blocks(body: LexborNode) -> None:
    """A related-links block inside a notice's own container (``LINK_BLOCK_RE``): other notices' titles, whose
    verbs ("列入", "暂停实施", "恢复实施") are no step of this page (pages28/07: a lift read with a false suspension
    of No. 51 and a false restore of UEL 7号 from the links under it)."""
    for noise in css(body, LINK_BLOCK_SELECTORS):
        noise.decompose()
    _drop_link_items(body)
    if any(head in (body.text() or "") for head in RELATED_HEADS):  # "<p>相关链接：</p><p><a href=…>title</a></p>"
        for paragraph in css(body, "p"):
            link = css_first(paragraph, "a")
            href = (link.attributes.get("href") or "").lower() if link is not None else ""
            whole = len("".join(paragraph.text().split()))
            if link is not None and href and not href.endswith(ATTACHMENT_SUFFIXES) \
                    and whole and len("".join(link.text().split())) >= 0.8 * whole:
                paragraph.decompose()


# A block of other articles' titles under a heading of the page's frame in a text saved from a page ("相关阅读：" then title
# lines; the HTML path drops the links themselves, _drop_title_links): the titles' verbs are no step of this text (session 42,
# audit42's probe: a false lift of No. 21 and suspension of UEL 7号 from "相关阅读" under a UEL listing). The heading alone on
# its line; then the lines that read as titles (TITLE_WORDS, no "。", short), a bullet or a date before them allowed.
FRAME_HEADS = (*RELATED_HEADS, "推荐阅读", "更多阅读", "最新发布", "热点推荐", "热点新闻", "相关公告", "相关政策")
FRAME_HEAD_RE = re.compile(r"[ \t\u3000]*[【\[]?[ \t\u3000]*(?:" + "|".join(FRAME_HEADS) + r")[ \t\u3000]*[】\]]?[ \t\u3000]*[:：]?[ \t\u3000]*")
FRAME_TITLE_MAX = 100
# Every FRAME_HEADS word holds one of these, rare in a body (a one-character ``in`` is a memchr): asked first, where
# thirteen ``in`` of every body and a generator cost ~26,000 instructions a page (perf42: 2ec047cf's rise).
FRAME_HEAD_MARKS = ("阅", "链", "稿", "闻", "章", "荐", "策", "新", "相关公告")
FRAME_HEADS_MARKED = marked(FRAME_HEADS)  # each asked by its own mark (``textnorm.holds_any``)
# A title line under such a heading that opens with the text's own number, the number standing again on a line of its own
# or after "【发布文号】" ("商务部公告2026年第289号 关于…" then "【发布文号】商务部公告2026年第289号"), is the text's own title,
# not the frame's: the block ends there (session 43, review45's B: a heading before a saved text's title dropped the title
# and its 【发布…】 lines). Asked only of a title line under a heading.
OWN_NUMBER_RE = lazy_compile(r"[ \t\u3000·•]*((?:商务部|不可靠实体清单工作机制|外交部)[^\s。，,；;]{0,24}?号)")


def without_frame_titles(text: str) -> str:
    """``text`` without a FRAME_HEADS heading's line and the title lines under it; asked only where a heading's word is
    found (most bodies have none)."""
    for mark in FRAME_HEAD_MARKS:
        if mark in text:
            break
    else:
        return text
    if not holds_any(text, FRAME_HEADS_MARKED):
        return text
    lines = text.split("\n")
    kept: list[str] = []
    under = False
    for line in lines:
        if FRAME_HEAD_RE.fullmatch(line) is not None:
            under = True
            continue
        if under and line.strip():
            if len(line) <= FRAME_TITLE_MAX and "。" not in line and any(w in line for w in TITLE_WORDS) \
                    and not _own_title(text, line):
                continue
            under = False  # a line of another kind ends the block
        kept.append(line)
    return "\n".join(kept) if len(kept) != len(lines) else text


def _own_title(text: str, line: str) -> bool:
    """Whether ``line`` opens with the number ``text`` gives itself on a line of its own or after "【发布文号】"
    (``OWN_NUMBER_RE``)."""
    if (m := OWN_NUMBER_RE.match(line)) is None:
        return False
    number = m[1]
    return any(other != line and other.strip(" \t\u3000").removeprefix("【发布文号】").strip(" \t\u3000") == number
               for other in text.split("\n"))


def without_neighbour_links(text: str) -> str:
    """``text`` without its lines naming the previous or next article (``NEIGHBOUR_LINE_RE``); asked only where one of
    ``NEIGHBOUR_MARKS`` is found (most bodies have none)."""
    if not holds_any(text, NEIGHBOUR_GATE_MARKED) or not any(mark in text for mark in NEIGHBOUR_MARKS):  # NEIGHBOUR_GATE
        return text
    lines = text.split("\n")
    kept = [line for line in lines if NEIGHBOUR_LINE_RE.fullmatch(line) is None]
    return "\n".join(kept) if len(kept) != len(lines) else text


def _bracket_on_one_line(m: re.Match[str]) -> str:
    """A bracket a line break cuts (a ``<br>`` inside a name, "（Redwood<br>Defense Systems, Inc.）") on one line: a
    space between two Latin words, nothing between Chinese characters."""
    text = m.group()
    at = text.index("\n")
    latin = text[at - 1 : at].isascii() and text[at + 1 : at + 2].isascii()
    return text[:at] + (" " if latin else "") + text[at + 1 :]


def find_container(tree: LexborHTMLParser) -> Container:
    """(selector, node) of the article body container, (None, None) when the page has none."""
    node = css_first(tree, CONTAINER_SELECTORS[0])
    if node is not None:
        return CONTAINER_SELECTORS[0], node
    if css_first(tree, OTHER_CONTAINERS) is None:
        return None, None
    mofcom = css_first(tree, ", ".join(MOFCOM_CONTAINERS)) is not None
    for selector in CONTAINER_SELECTORS[1:] if mofcom else CONTAINER_SELECTORS[1 + len(MOFCOM_CONTAINERS) :]:
        node = css_first(tree, selector)
        if node is not None:
            return selector, node
    return None, None


def page_title(tree: LexborHTMLParser, meta: dict[str, str] | None = None) -> str | None:
    meta = _meta(tree) if meta is None else meta
    title = meta.get("title") or meta.get("og_title")
    if not title:
        nodes = tree.tags("title")  # css_first("title") without a selector
        title = nodes[0].text(strip=True) if nodes else None
    return title or None


# The article's own attachment block beside its body container: an element after the container in the same parent whose
# class names an attachment, "<div class=\"art-attach\"><div class=\"attach-con\"><p>附件</p><p>出口管制管控名单</p>…<p>1. 大西洋
# 光电公司（…）</p>…" (session 57, pages56/31: a layout that moves the annex out of ``.art-con`` read 0 of 8 entities behind a
# count warning). Its text follows the body's. Only where the body refers to an annex ("附件", "附：") and the block holds text
# of its own, not only a download link's label ("附件下载：<a>出口管制管控名单</a>", audit45/21: ATTACH_TEXT_MIN); the page's
# related links, menus, share bar and footer are no sibling of that class. Asked only of a page whose HTML holds the word.
ATTACH_MARK = "attach"
ATTACH_TEXT_MIN = 20  # visible characters of the block outside its links


def _attached_text(node: LexborNode, body_text: str, raw: str | None) -> str:
    """The text of the attachment blocks beside the body container ``node`` (ATTACH_MARK), "" when there is none."""
    if (raw is not None and ATTACH_MARK not in raw) or "附" not in body_text:
        return ""
    texts = []
    sibling = node.next
    while sibling is not None:
        if sibling.tag != "-text" and ATTACH_MARK in (sibling.attributes.get("class") or "").lower():
            linked = sum(len(_blank_out(link.text() or "")) for link in css(sibling, "a"))
            if len(_blank_out(sibling.text() or "")) - linked >= ATTACH_TEXT_MIN:
                texts.append(html_to_text(sibling.html or ""))
        sibling = sibling.next
    return "\n\n".join(texts)


# A body container holding nothing but an "<iframe srcdoc=\"&lt;html&gt;…\">" (a CMS's embedded preview, audit44/08): the
# page's text is the framed document's article. Read as the tags' text before (session 57: "…控名单的公告</title></head>
# <body>…", no entity read behind a count warning). Only where the container shows no text of its own (FRAMED_TEXT_MAX).
FRAMED_TEXT_MAX = 20  # visible characters of a container whose text is its frame's


def _framed_article(node: LexborNode, html: str) -> Article | None:
    """The article of the document a container holding only an ``iframe[srcdoc]`` frames, else None."""
    if "srcdoc" not in html or len(_blank_out(node.text() or "")) > FRAMED_TEXT_MAX:
        return None
    frame = css_first(node, "iframe[srcdoc]")
    inner = frame.attributes.get("srcdoc") if frame is not None else None
    if not inner or "<" not in inner:
        return None
    return extract_article(LexborHTMLParser(inner), inner)


def extract_article(tree: LexborHTMLParser, raw_html: str | None = None, found: Container | None = None) -> Article:
    """Title, PubDate, SiteName and the body text of an article page (``found``: the
    caller's ``find_container(tree)``)."""
    meta = _meta(tree)
    title = page_title(tree, meta)
    pub = parse_stamp(meta["pubdate"]) if meta.get("pubdate") else None
    if pub is None:
        raw = raw_html if raw_html is not None else (tree.html or "")
        pub = _info_stamp(raw)
        if pub is None:
            pub = _header_stamp(tree, raw)
    container, node = found if found is not None else find_container(tree)
    if node is not None:
        if container in NEWS_CONTAINERS:
            for noise in css(node, STORY_NOISE_SELECTORS):
                noise.decompose()
        html = node.html or ""
        if container not in NEWS_CONTAINERS and "<a " in html and LINK_BLOCK_RE.search(html) is not None:
            _drop_link_blocks(node)
            html = node.html or ""
        if "<a " in html and TITLE_LINK_RE.search(html) is not None:
            _drop_title_links(node)
            html = node.html or ""
        framed = _framed_article(node, html) if "<iframe" in html else None
        text = html_to_text(html) if framed is None else framed.text
        pub = pub if pub is not None or framed is None else framed.pub
        if html.count("<br") > html.count("><br") and BROKEN_BRACKET_RE.search(text) is not None:  # a <br> after text
            text = BROKEN_BRACKET_RE.sub(_bracket_on_one_line, text)
        if attached := _attached_text(node, text, raw_html):
            text = f"{text}\n\n{attached}"
    else:
        body = tree.body
        if body is not None:
            for noise in css(body, NOISE_SELECTORS):
                noise.decompose()
            _drop_link_items(body)
            _drop_title_links(body)
            text = html_to_text(body.html or "")
        else:
            text = ""
    text = without_frame_titles(without_neighbour_links(text))
    block = _filing_block(tree, text, raw_html)
    if block:
        text = block + "\n\n" + text
    return Article(title=title or None, pub=pub, site=meta.get("site"), text=text, container=container,
                   source=meta.get("source"), filing_no=_info_table_no(tree, raw_html if raw_html is not None else (tree.html or ""), title, text))
