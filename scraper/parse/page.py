"""Pages that are not content: recognise them from what they contain.

A bot check, a 404 shell served with 200, the exportcontrol disclaimer, an SSI
error or a JavaScript-only shell must never be parsed as a notice (an empty
"notice" would look like a lifted listing). Each raises ``UnusablePage`` with a
short reason tag. A whole HTML document cut before ``</html>`` is unusable too, and so is a notice
(or a page that looks like one) whose text stops after a comma or inside a bracket, and so is an MFA
decision that names no target or lacks the annex it refers to, a numbered notice that stops before its
closing (its own effective clause or its signature's date), and a Q&A that stops after a colon, a semicolon
or a question, whose title announces a change its answer does not read, that reads no decision and stops on its
answer's account of earlier measures, or whose numbered decisions stop after the first; a notice cut inside its annex
is caught by the stated-vs-parsed count check, or held back against its stored copy. A Q&A that says a suspension
runs out without extension ("暂停期限届满后不再延长") but gives no day the rules read for the measures' return is
refused too ("needs-review"): a person must read it, the engine would only presume the lapse.
"""

from __future__ import annotations

import re

from scraper.joined import NEXT_LINK, NEXT_WORDS, NUMBER_LINK
from storage.records import ActionKind, ListKind, NoticeKind, NoticeRecord, UnusablePage

from .actions import LIST_KIND, LIST_WORD_RE, NOT_NOW_RE
from .actions.clauses import NO_CHANGE_GATE, NO_CHANGE_RE
from .actions.tense import CLAIMED_AFTER_RE
from .actions.words import NOT_RENEWED_PAUSE, RENEWAL_ALT, TERM_RENEWED
from .corrections import unkeyed
from .lazyre import lazy_compile
from .number import find_own_number
from .qa import first_item_only, told_only, unanswered
from .rules.checks.answers import decided_on_number
from .rules.checks.basics import UNSURE_DATE
from .rules.checks.common import LEFT_OUT
from .textnorm import MD, YEAR, any_within, find_word, holds, holds_any, marked

BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\xd0\xcf\x11\xe0", b"\x1f\x8b", b"Rar!")
# What each is, said in the refusal (health37's H13, user38: a notice's URL answering a PDF, as ministries publish
# annexes, was "a binary file", which sends an operator to look for a broken server rather than open a document)
BINARY_KINDS = ("a PDF document", "a ZIP archive or an Office document (.docx, .xlsx)", "a PNG image", "a GIF image",
                "a JPEG image", "an old Office document (.doc, .xls)", "gzip-compressed data", "a RAR archive")
CONTROL_RE = lazy_compile(r"[\x00-\x08\x0e-\x1f\x7f]")
CONTROL_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x20)) + b"\x7f"
# (health44 H05-H09: "对不起，您访问的页面已经删除或不存在", "您所访问的信息已过期或已被删除" in the site's frame were "empty" or
# "a JavaScript shell": a withdrawn page's issue no `accept URL gone` could close)
NOT_FOUND_RE = lazy_compile(r"404\s*(?:Error|Not\s*Found)|抱歉[，,]?\s*您访问的页面不存在|页面不存在|页面未找到|找不到该页面"
                            r"|页面已(?:经)?(?:被)?删除或不存在|(?:信息|页面|内容|文章)已过期或已被删除", re.IGNORECASE)
NOT_FOUND_GATE = ("404", "页面", "删除")  # every NOT_FOUND_RE match holds one
# Each gate's words under a character of each, asked first (``textnorm.holds_any``): a Latin word is looked for in a
# Chinese text only after its one character is found there (a one-character search scans the text as it is; a word of
# another width is first copied to the text's, ~1,000 instructions a word on a small page: perf39).
NOT_FOUND_MARKED = marked(NOT_FOUND_GATE)
SSI_ERROR_RE = lazy_compile(r"\[an error occurred while processing this directive\]", re.IGNORECASE)
# A site's maintenance page ("系统维护中", "系统正在升级维护，请稍后访问"): said so, not "a JavaScript shell", which sends an
# operator to the parser (health36 M1: the site's layout around two lines was one); every match holds 维护
MAINTENANCE_RE = lazy_compile(r"系统(?:正在)?(?:升级)?维护|(?:正在|停机)(?:进行)?(?:系统)?(?:升级)?维护|维护(?:升级)?中(?![国华央])"
                              r"|网站维护|维护升级")
# how far a MAINTENANCE_RE match reaches from its 维护: at most 8 characters before it ("正在进行系统升级维护") and 4 after
# it, its look-ahead's character included ("维护升级中" and the character after): :func:`maintenance_said`'s windows
MAINTENANCE_BEFORE, MAINTENANCE_AFTER = 8, 4
# A maintenance page saying so without 维护 (health39 L25, L40): "网站升级中", "升级改版中", "The website is under
# maintenance", "System upgrade in progress". Tried on small pages only, behind a word check (UPGRADE_GATE): an English
# news page saying it (english.mofcom's article URL) was a page with no report, stored, never read again, silent.
UPGRADE_RE = lazy_compile(r"网站(?:正在)?(?:进行)?升级|升级改版中|升级改造中|(?:under|for|scheduled)\s+maintenance"
                          r"|(?:system|website|site)\s+(?:is\s+being\s+)?upgrad(?:e|ing)\b(?!\s+(?:of|to|the)\b)"
                          r"|being\s+upgraded|upgrade\s+in\s+progress", re.IGNORECASE)
UPGRADE_GATE = ("升级", "aintenance", "AINTENANCE", "pgrad", "PGRAD")  # every UPGRADE_RE match holds one
UPGRADE_MARKED = marked(UPGRADE_GATE)
# (session 55, pages56/17: "您的访问需要进行验证。请拖动下方滑块…", a challenge in the article's template under the notice's
# title, was refused as "cut short", which sends an operator to look for a truncated page, not an access check)
BOT_RE = lazy_compile(
    r"安全验证|访问验证|人机验证|滑动验证|(?:访问|浏览)(?:需要|须)(?:进行)?(?:安全)?验证"
    r"|请开启\s*JavaScript|请启用\s*JavaScript|请打开\s*JavaScript|enable\s+JavaScript"
    r"|__jsl_clearance|acw_sc__v2|_waf_|cdn_sec|验证码|访问过于频繁|请求过于频繁"
    # a challenge in English (health41 N23, N24: a captcha form read as "not as listed" or "zero links")
    r"|captcha|verify\s+(?:that\s+)?you\s+are\s+(?:a\s+)?human|are\s+you\s+a\s+robot|unusual\s+traffic",
    re.IGNORECASE,
)
# Every BOT_RE alternative holds one of these (case variants of "enable", "captcha", "human", ... included).
BOT_GATE = ("验证", "请开启", "请启用", "请打开", "nable", "NABLE", "_jsl_clearance", "acw_sc__v2", "_waf_", "_WAF_",
            "cdn_sec", "CDN_SEC", "频繁", "aptcha", "APTCHA", "uman", "UMAN", "obot", "OBOT", "nusual", "NUSUAL")
# BOT_GATE by a character each word holds, rare in a page: a regex opening with that character that matches where one
# of its words is, the part before the mark checked behind it ("_" is in every target="_blank": its words are tried
# there in C, however many there are). A mark pays only where most small pages lack it (asking for one character is a
# memchr; a page holding it is scanned by sre at ~4 instructions a character, where ``word in text`` costs ~2): the
# capitals "M", "B", "H" take "UMAN", "NABLE" and "OBOT", "APTCHA" (perf42: "N", in most pages' "zh-CN", took three of
# them, and "OBOT" and "APTCHA" were scanned for on every page: -5,600 instructions a page). The lower-case words stay
# plain: their letters are in every page's markup.
BOT_GATE_MARKS = ("请", "验", "频", "_", "M", "B", "H")
BOT_GATE_PLAIN = tuple(w for w in BOT_GATE if not any(mark in w for mark in BOT_GATE_MARKS))


def _gate_regex(mark: str) -> re.Pattern[str]:
    """Matches at ``mark`` where a BOT_GATE word whose first gate mark is ``mark`` holds it."""
    words = [w for w in BOT_GATE if next((m for m in BOT_GATE_MARKS if m in w), None) == mark]
    tails = [(f"(?<={re.escape(w[: w.index(mark) + 1])})" if w.index(mark) else "") + re.escape(w[w.index(mark) + 1 :])
             for w in words]
    return re.compile(re.escape(mark) + "(?:" + "|".join(tails) + ")")


BOT_GATE_AT = tuple((mark, _gate_regex(mark)) for mark in BOT_GATE_MARKS)
# An article with no text but an image, an iframe, an embedded document or an attachment link (a notice published as a
# scan or a PDF): said so, for a person to read (health33 B2: it was "a JavaScript shell", which sends an operator the
# wrong way). Looked for only in the body container of a page already refused as a shell or empty (``textless``)
NO_TEXT_REASONS = ("js-shell", "empty")
# markup and blanks: what is left of a container holding no text is nothing (textless)
BLANK_MARKUP_RE = lazy_compile(r"<!--.*?-->|<[^>]*>|\s+|&nbsp;|&#160;", re.DOTALL)
NO_TEXT_TAGS = (("<img", "an image", "images"), ("<iframe", "an iframe", "iframes"),
                ("<embed", "an embedded document", "embedded documents"),
                ("<object", "an embedded document", "embedded documents"))
ATTACHMENT_RE = lazy_compile(r"""href\s*=\s*["']?([^"'\s>]+\.(pdf|docx?|wps|xlsx?|et|ofd|zip|rar))(?=["'\s>?#])""",
                             re.IGNORECASE)
ATTACHMENT_KINDS = {"pdf": "a PDF link", "doc": "a Word document link", "docx": "a Word document link",
                    "wps": "a WPS document link", "xls": "a spreadsheet link", "xlsx": "a spreadsheet link",
                    "et": "a spreadsheet link", "ofd": "an OFD document link", "zip": "an archive link",
                    "rar": "an archive link"}
# <meta http-equiv="refresh" content="0;url=/zwgk/…">: a page whose one job is to send the browser on (a moved page)
META_REFRESH_RE = lazy_compile(r"""<meta[^>]*http-equiv\s*=\s*["']?refresh["']?[^>]*?content\s*=\s*["']?\s*\d*\s*[;,]?\s*"""
                               r"""(?:url\s*=\s*)?['"]?([^"'>\s]+)""", re.IGNORECASE)
COOKIE_SCRIPT_RE = lazy_compile(r"document\.cookie|window\.location(?:\.href)?\s*=|location\.reload", re.IGNORECASE)
DISCLAIMER_RE = lazy_compile(r"免责声明|版权所有|不代表本网|转载.{0,10}注明|仅供参考|本网站")
NOTICE_HINT_RE = lazy_compile(r"公告|决定|实体|名单|清单|答记者问|第\s*\d+\s*号")
# A name of another encoding (health33): UTF-8 read as GBK turns the full-width brackets and commas into "锛…" and "、。"
# into "銆…", GBK's replacement into "锟斤拷"; UTF-8 read as Windows-1252 turns "’" into "â€™", "é" into "Ã©"; a byte
# no encoding read, U+FFFD. None is ever written in a name; read, they make another entity (another key) of it.
GARBLED_ZH = ("锛", "銆", "锟", "\ufffd")  # looked for in the Chinese names given no English (their own keys)
GARBLED_MARKS = ("锛", "銆", "锟斤拷", "\ufffd", "â€")  # in a name (an English one: only where not ASCII)
GARBLED_LEAD, GARBLED_TAIL = "Ã", ("\x80", "\xbf")  # "Ã" before U+0080-U+00BF: "é" read as Windows-1252 ("Ã©")
SMALL_PAGE, TINY_PAGE, DISCLAIMER_MAX = 400, 40, 160
COMMON_BLANKS = (" ", "\n", "\t", "\r", "\u3000", "\xa0")
RARE_BLANKS = COMMON_BLANKS[2:]  # all but " " and "\n" (common_blanks)
DOCUMENT_STARTS = ("<!doctype html", "<html")
DOCUMENT_END_RE = lazy_compile(r"</html\s*>", re.IGNORECASE)
OPENING_BRACKETS, CLOSING_BRACKETS = "（(【〔《[", "）)】〕》]"
# Each matches one bracket of its kind: a line's brackets counted in one call (a count call costs about as much).
OPENING_BRACKET_RE, CLOSING_BRACKET_RE = (re.compile(f"[{re.escape(kind)}]") for kind in (OPENING_BRACKETS, CLOSING_BRACKETS))
MID_SENTENCE_ENDS = ("，", ",", "、")  # a complete text never ends with one
# What a Q&A never ends with: a colon announces what follows ("答：", "中方决定自2025年11月10日起："), a semicolon
# another clause ("…停止执行商务部公告2025年第13号相关措施；"). (A notice may end with "附件：" whose annex is a
# file; one cut after "现将有关事项公告如下：" lacks its closing.)
OPEN_ENDS = ("：", ":", "；", ";")
# The kinds whose every complete text ends with a closing (an own effective clause, a signature's date).
NUMBERED_KINDS = (NoticeKind.ANNOUNCEMENT, NoticeKind.UEL_ANNOUNCEMENT, NoticeKind.ORDER)
# A notice's own effective clause, the last clause of its body: "本公告自2025年11月10日起正式实施。",
# "本决定自2026年11月10日起施行。", "本办法自公布之日起施行。", an order's "现予公布，自…起施行".
# Its two alternatives are searched one by one: each opens with a literal, which sre scans for at a few instructions a
# character, where their union (a set of first characters) costs several times that.
CLOSING_OWN_RE = re.compile(r"本\s*(?:公告|决定|令|规定|办法|通知)\s*(?:自|于)[^。\n]{0,40}?(?:实施|施行|生效|执行)")
CLOSING_ORDER_RE = lazy_compile(r"现予公布\s*[，,]\s*自[^。\n]{0,30}?起\s*(?:实施|施行|生效)")
CLOSING_CLAUSE_RE = lazy_compile(f"{CLOSING_OWN_RE.pattern}|{CLOSING_ORDER_RE.pattern}")
# A signature's date, after the body: a line that ends with a date and holds no clause of a sentence, opened by a
# line break or by the end of the sentence before it (paragraphs run together): "2025年11月7日", "２０２５年２月４日",
# "商务部 2025年4月9日", "…依法作出处理决定。不可靠实体清单工作机制（商务部代章）2024年9月24日". Not a label's
# date ("【发文日期】2025年11月07日", "发布时间：…"), nor a sentence cut after a date ("自2025年11月10日").
SIGNATURE_DATE_RE = lazy_compile(
    rf"(?:^|(?<=[。．.]))[^\S\n]*[^\n。，,：:【】\d自至起于从到年月日]{{0,24}}?{YEAR}\s*年\s*{MD}\s*月\s*{MD}\s*日[^\S\n]*$", re.MULTILINE)
# Where a notice's body starts: its first sentence's end (a full stop, or an ASCII one before a blank).
SENTENCE_END_RE = lazy_compile(r"[。．]|\.(?=\s)")
# Words of a Q&A title that announce a change to measures ("就暂停…措施答记者问", "就调整…措施答记者问").
# Not a term running out ("…相关措施暂停期限届满答记者问": the lapse, which the engine derives; session 38, audit38/22).
CHANGE_TITLE_RE = lazy_compile(r"暂停(?!期限?(?:已经|已)?(?:届满|期满|到期))|调整|停止|恢复|延长|取消|解除")
TAIL = 1024  # where </html> is looked for first: it ends the page
# A page with more tags than this is not read (health40 M07b, health41): Lexbor builds a node for each element and text,
# about 150 bytes a "<", so an 18 MB page of <p> markup under the 20 MB body cap took 550 MB to parse (686 MB for the
# run), and a run under a 512 MB container limit was killed, no source of it published. The largest page of the corpus
# and the reference texts holds 410, a real MOFCOM or MFA page a few thousand: a page past this is no notice page; its
# failure names it, and the next run asks again. Counted only on a page longer than this (the count a C scan).
MARKUP_MAX = 200_000
MARKUP_REFUSED = ("{tags} tags, more than the {most} any notice or index page holds: not parsed (its parse would take "
                  "hundreds of megabytes of memory); open the URL and read it")
HEAD = 4096  # bytes looked at for NUL bytes
SAMPLE = 20000  # characters checked for undecodable and control characters


def _bot_words(text: str) -> bool:
    """BOT_RE, run only when one of its literals is there (a regex scan of a page costs ~100 us)."""
    for word in BOT_GATE_PLAIN:
        if word in text:
            return bool(BOT_RE.search(text))
    for mark, gate in BOT_GATE_AT:
        if mark in text and gate.search(text):
            return bool(BOT_RE.search(text))
    return False


def control_count(text: str) -> int:
    """How many characters of ``text`` CONTROL_RE matches. In UTF-8 each of them is one byte
    of its own, and deleting bytes is several times cheaper than a regex scan of the text."""
    return control_bytes(text.encode("utf-8", "surrogatepass"))


def control_bytes(data: bytes) -> int:
    """How many bytes of ``data`` are CONTROL_BYTES: for UTF-8 bytes, ``control_count`` of the
    text they decode to (with U+FFFD for bad sequences: those never take in an ASCII byte).
    Most pages hold none: asking for each of them (a memchr each, from C) costs half the
    deletion that counts them, which runs only when one is there. (A loop of ``in`` asks
    for less than ``any(map(data.__contains__, ...))``: no method wrapper called per byte.)"""
    for byte in CONTROL_BYTES:
        if byte in data:
            return len(data) - len(data.translate(None, CONTROL_BYTES))
    return 0


def common_blanks(text: str) -> int:
    """``sum(text.count(ch) for ch in COMMON_BLANKS)``: the rare ones counted only when there (asking for one
    is a memchr, a count call costs about as much as a count of a page's spaces)."""
    blanks = text.count(" ") + text.count("\n")
    for ch in RARE_BLANKS:
        if ch in text:
            blanks += text.count(ch)
    return blanks


def check_raw(raw: bytes) -> None:
    """Empty and binary bodies, before decoding."""
    if not raw or raw.isspace():  # what ``not raw.strip()`` says, without copying the page
        raise UnusablePage("empty", "the page body is empty")
    if raw.startswith(BINARY_MAGIC):
        kind = next(name for magic, name in zip(BINARY_MAGIC, BINARY_KINDS, strict=True) if raw.startswith(magic))
        raise UnusablePage("binary", f"the body is {kind}, not a web page: this parser reads HTML and plain text only; "
                                     "open the URL and read it")
    if raw.find(b"\x00", 0, HEAD) >= 0 and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # the head, not copied
        raise UnusablePage("binary", "the body contains NUL bytes")


def check_decoded(text: str, utf8: bytes | None = None, replaced: bool | None = None) -> None:
    """Mostly undecodable or control characters: binary. ``utf8``: the bytes ``text`` was
    decoded from as UTF-8, when it was (their control bytes are its control characters,
    counted without encoding the text again). ``replaced``: whether ``text`` holds a U+FFFD,
    when the caller has asked already (None: looked for here)."""
    if not text or text.isspace():  # what ``not text.strip()`` says, without copying the page
        raise UnusablePage("empty", "the page body is empty")
    sample = text[:SAMPLE]
    whole = utf8 is not None and len(text) <= SAMPLE
    if replaced is None:
        replaced = "\ufffd" in sample  # stops at the first, where a count visits every character
    bad = (sample.count("\ufffd") if replaced else 0) + (
        control_bytes(utf8) if whole and utf8 is not None else control_count(sample))
    if bad > max(8, len(sample) // 20):
        raise UnusablePage("binary", f"{bad} undecodable or control characters in the first {len(sample)}")
    if len(text) > MARKUP_MAX and (tags := text.count("<")) > MARKUP_MAX:  # (a page of fewer characters holds fewer)
        raise UnusablePage("too-much-markup", MARKUP_REFUSED.format(tags=tags, most=MARKUP_MAX))


def check_whole(text: str) -> None:
    """A whole HTML document that stops before ``</html>`` was cut short in transit (a body
    served short with a consistent length): its notice may have lost entities, its count
    sentence or its actions, so it is not read at all (the next run fetches it again)."""
    if text.lstrip()[:16].lower().startswith(DOCUMENT_STARTS) and not (
            "</html>" in text[-TAIL:] or DOCUMENT_END_RE.search(text, max(0, len(text) - TAIL))
            or DOCUMENT_END_RE.search(text)):
        raise UnusablePage("cut-short", "the page ends before </html>: cut short in transit")


def check_ending(text: str) -> None:
    """A notice whose text stops inside a bracket ("…停止执行3月4日公告（商务") or after a comma ("…中美三个
    联合公报，") was cut short, though its page may end well (a browser's save closes every tag; a plain
    text has no end mark): what was cut may be an action or the entities, which no count check sees
    when the count went too."""
    end = len(text.rstrip())
    line = text[text.rfind("\n", 0, end) + 1 : end]
    if line.endswith(MID_SENTENCE_ENDS):
        raise UnusablePage("cut-short", "the text stops after a comma: cut short")
    if OPENING_BRACKET_RE.search(line) and len(OPENING_BRACKET_RE.findall(line)) > len(CLOSING_BRACKET_RE.findall(line)):
        raise UnusablePage("cut-short", "the text stops inside a bracket: cut short")


def unclosed(text: str) -> bool:
    """Whether a numbered notice's text stops before its closing: it holds neither its own effective clause
    (``CLOSING_CLAUSE_RE``, the body's last clause) nor, after its first sentence, its signature's date line.
    Every complete notice ends with one or both; a copy cut before them may have lost an action, a target,
    an end date or the effective date its actions take (cut before "本公告自2025年11月10日起正式实施", 2025
    No. 70 read its title's suspension of No. 55 alone, dated the day of publication)."""
    if CLOSING_OWN_RE.search(text) or CLOSING_ORDER_RE.search(text):  # CLOSING_CLAUSE_RE.search(text)
        return False
    body = SENTENCE_END_RE.search(text)
    return body is None or SIGNATURE_DATE_RE.search(text, body.start()) is None


# An answer keeping a list as it is ("对…〔2025〕7号所列实体则不作调整", "关于出口管制管控名单和关注名单，目前没有新的调整"): the change
# its title announces on that list is answered, not cut (session 43, qa43/42: refused for a person, the other list's lift held
# with it; qa42/27, a report denied under a title with 调整: refused as cut short, a false alarm of a truncated fetch). The
# sentence must name the list: a page cut after another list's sentence is not answered ("关于不可靠实体清单，没有新的调整。" cut
# before the ECL's decision stays cut short).
KEPT_RE = lazy_compile(rf"{NO_CHANGE_RE.pattern}|(?:没有|暂无|并无|无)\s*(?:新的|任何)?\s*调整")
KEPT_GATE = (*NO_CHANGE_GATE, "调整")


# "上述决定不影响不可靠实体清单工作机制公告〔2025〕7号相关措施的实施" (session 44, qa43/47: held for a person): the list kept is
# named after the words, in their sentence
NOT_AFFECTED = "不影响"
SENTENCE_ENDS_AT = ("。", "！", "？", "\n")


def kept_lists(text: str) -> frozenset[ListKind]:
    """The lists a sentence of the answer keeps as they are (KEPT_RE), named in that sentence (LIST_WORD_RE), before the words
    (after them for NOT_AFFECTED)."""
    answer = max(text.find("答："), text.find("答:"))
    if answer < 0 or not any(w in text for w in KEPT_GATE) and NOT_AFFECTED not in text:
        return frozenset()
    kept: set[ListKind] = set()
    for m in KEPT_RE.finditer(text, answer):
        s0 = max(text.rfind(end, answer, m.start()) for end in SENTENCE_ENDS_AT) + 1
        kept.update(LIST_KIND[w.group(0)] for w in LIST_WORD_RE.finditer(text, max(s0, answer), m.start()))
    at = text.find(NOT_AFFECTED, answer)
    while at >= 0:
        s1 = min([e for end in SENTENCE_ENDS_AT if (e := text.find(end, at)) >= 0], default=len(text))
        kept.update(LIST_KIND[w.group(0)] for w in LIST_WORD_RE.finditer(text, at, s1))
        at = text.find(NOT_AFFECTED, s1)
    return frozenset(kept)


def unread_change(record: NoticeRecord, kept: frozenset[ListKind] = frozenset()) -> str | None:
    """A Q&A whose title announces a change ("就暂停…措施答记者问", "就调整对美出口管制管控名单和不可靠实体清单
    措施答记者问") and whose answer reads no action, or none on a list the title names: its answer was cut before
    (the rest of) its decision, or is worded as no rule reads (a person must look either way). Stored, it would
    be a Q&A that does less than it announces, the suspension or lift it announces missed."""
    if record.kind is not NoticeKind.QA or not record.title:
        return None
    change = CHANGE_TITLE_RE.search(record.title)
    if change is None:
        # "就出口管制管控名单和不可靠实体清单有关措施答记者问" that changes one list: its answer on the other was cut off
        if not record.actions or len({LIST_KIND[m.group(0)] for m in LIST_WORD_RE.finditer(record.title)}) < 2:
            return None
    elif not record.actions:
        titled = {LIST_KIND[m.group(0)] for m in LIST_WORD_RE.finditer(record.title)}
        if titled and titled <= kept:
            return None  # "…就调整出口管制管控名单措施答记者问": "关于出口管制管控名单，目前没有新的调整。"
        return f"the Q&A's title announces a change ({change.group(0)}) its answer does not read"
    acted = {a.list for a in record.actions}
    if None in acted:
        return None  # an action on a list not named: which lists it covers is not known
    for m in LIST_WORD_RE.finditer(record.title):
        if LIST_KIND[m.group(0)] not in acted and LIST_KIND[m.group(0)] not in kept:
            return f"the Q&A's title announces a change on the {m.group(0)} its answer does not read"
    return None


def _list_named(why: str, text: str) -> str | None:
    """The list ``unread_change`` found no step on ("…a change on the 不可靠实体清单…") when the whole answer names it too
    ("答：…。对不可靠实体清单相关措施不作调整。"): worded as no rule reads, not cut; refused as cut short, the other list's step it
    read (No. 21 suspended) was lost for good, no person able to accept it (session 41, qa41/22)."""
    m = LIST_WORD_RE.search(why)
    if m is None:
        return None
    answer = max(text.find("答："), text.find("答:"))
    return f"the {m.group(0)}" if answer >= 0 and text.find(m.group(0), answer) >= 0 else None


# How a whole text ends: a Q&A ending otherwise ("…，继续暂停4月4日", "自2025年") may be cut anywhere (``unread_named``).
SENTENCE_ENDS = ("。", "！", "？", "”")


def unread_named(record: NoticeRecord) -> str | None:
    """The notice a Q&A's answer names on a list it reads no step on (``unread_change`` found one), the text ending on a
    whole sentence: its answer got that far and ends, so it was not cut before it but is worded as no rule reads ("不可靠实体清单工作机制今天发布公告，自2026年11月10日起继续
    暂停…〔2025〕7号相关措施1年。同时，中方决定…" told as the other body's step; story28, S1). Refused as cut short, the page
    could never be accepted by a person (only "needs-review" can), its issue open for good and its read steps lost. Also a
    whole answer reading no step that names a notice by number only, no list said with it ("中方将…视情自…起恢复实施4月4日公告
    （商务部公告2025年第21号）相关措施"): refused as cut short, it sent an operator looking for a truncated fetch (session 38,
    qa38/06, 08, 17, 26)."""
    acted = {a.list for a in record.actions}
    for ref in record.references:
        if ref.key is not None and ref.list is not None and ref.list not in acted:
            return ref.key
    if not record.actions:  # "4月4日公告（商务部公告2025年第21号）": a number no list is read for, in an answer reading no step at all
        return next((ref.key for ref in record.references if ref.key is not None), None)
    return None


# "暂停期限届满后不再延长", "期满后，不再继续暂停": the measures are back when the suspension ends.
# "…的暂停不再延续" (session 41, audit40/40: no action, a restore missed silently; the restore is read where the answer gives
# its day or the suspension's end in its own paragraph): the suspension named, not renewed.
# "…届满后不再对其延长", "…届满后不再予以延长", "不再对…相关措施的暂停期限予以延长", "不再延长…相关措施的暂停期限" (session 42,
# actions42: read where the day or the end is told; a day neither told was a quiet "no action found"); "不再延长暂停实施…"
# (session 59, held59: a quiet "no action found", or in a press conference under a title naming no list no notice at all)
EXPIRY_NO_EXTENSION_RE = lazy_compile(r"(?:届满|期满|到期)(?:之日)?后[，,\s]*(?:将|即)?(?:不再(?:对其|予以|对其予以)?|不予)"
                                      rf"(?:{RENEWAL_ALT}|延续|继续暂停|暂停)"
                                      rf"|暂停(?:安排|期限|期)?[，,\s]*(?:将|即)?(?:不再|不予)(?:{RENEWAL_ALT}|延续|继续)"
                                      rf"|不再对[^。；;\n]{{0,80}}?{TERM_RENEWED}"
                                      r"|不再(?:延长|延期)[^。；;，,\n]{0,80}?的\s*暂停|" + NOT_RENEWED_PAUSE)
NO_EXTENSION_MARKS = marked(("不再", "不予"))  # (``textnorm.holds_any``: each word asked by its mark)
# "…的暂停安排自…起终止", "上述暂停期限将于…结束" (session 41, audit40/39): the suspension named, ended, right before an
# ENDING_WORDS verb (looked for at each of those words only: a scan of every Q&A holding 暂停 and 取消 cost ~3,000
# instructions a page).
ENDING_WORDS = ("终止", "结束", "取消", "解除")
# What names a listing's measures before "…的暂停…终止": a notice's number, its measures, its entities or a list ("出口管制管控名单所列
# 美国实体的暂停安排…终止" was let go as a tariff's, "no action found in the answer", quiet: review44, session 42)
LISTED_WORDS = ("号", "措施", "实体", "企业", "名单", "清单")
SUSPENSION_ENDED_RE = lazy_compile(r"(?:的|上述|前述|该|这一)暂停(?:安排|期限|期)?[^，,；;。\n]{0,30}?(?:予以)?$")
ENDED_REACH = 40  # the noun, its day and adverbs before the verb


def _suspension_ends(text: str) -> list[tuple[int, int]]:
    """Where the text says the suspension named ends (SUSPENSION_ENDED_RE right before an ENDING_WORDS verb): (start, end)."""
    found = []
    for word in ENDING_WORDS:
        pos = find_word(text, word)
        while pos >= 0:
            lo = max(0, pos - ENDED_REACH)
            if text.find("暂停", lo, pos) >= 0 and (m := SUSPENSION_ENDED_RE.search(text, lo, pos)) is not None:
                found.append((text.index("暂停", m.start()), pos + len(word)))
            pos = text.find(word, pos + len(word))
    return found


# A numbered notice too (review44, session 42): "…第21号相关措施的暂停期限届满后不再延长" with no day and no end told read a restore
# from the notice's own day (``targets.on_targets``), months before the suspension's end: false "Restored" items, silently.
EXPIRY_READ_KINDS = (NoticeKind.QA, NoticeKind.ANNOUNCEMENT, NoticeKind.UEL_ANNOUNCEMENT, NoticeKind.ORDER)


# "…第21号相关措施的暂停期限届满后，相关措施自动恢复实施", "…暂停期满后恢复实施": a numbered notice's restore at a term's end
# it does not tell (review45: ``targets.on_targets`` drops it, as review44's 76effe3d meant, but only "不再延长" was held:
# the notice read no step and said nothing; before, a restore from its own day, months early). An answer's is held by
# ``rules.checks.unread_step_after_end``.
# The subject may be the notices, named in full between ("上述暂停期限届满后，商务部 海关总署公告2025年第55号、…第62号按期恢复
# 实施": session 49, blind49/12, read as nothing, silently, its end told nowhere).
EXPIRY_RESTORE_RE = lazy_compile(r"(?:届满|期满|到期)(?:之日)?后[^。；;\n]{0,160}?恢复(?:实施|执行)")


def unread_expiry(record: NoticeRecord, text: str) -> str | None:
    """A Q&A (or a numbered notice reading no restore nor lift: review44) that says, with no doubt before it (NOT_NOW_RE),
    that a suspension runs out without extension, and whose answer reads no restore: the day the measures are back in
    force is not written where the rules read it (the suspension's end told in another paragraph, or not at all). Stored, it would leave only the engine's presumed lapse.
    A lift whose text says it ("…届满后不再延长，自…起停止执行…") tells what follows the end: no such loss."""
    if record.kind not in EXPIRY_READ_KINDS or any(a.action is ActionKind.RESTORE for a in record.actions):
        return None
    if record.kind is not NoticeKind.QA and any(a.action is ActionKind.LIFT for a in record.actions):
        return None  # a numbered notice's "…届满后不再延长，自…起停止执行…": the step that follows the end (session 24)
    spans = [m.span() for m in EXPIRY_NO_EXTENSION_RE.finditer(text)] \
        if holds_any(text, NO_EXTENSION_MARKS) else []  # (不再 or 不予: in every match)
    if holds(text, "暂停"):
        spans += _suspension_ends(text)
    if record.kind is not NoticeKind.QA and holds(text, "恢复"):
        spans += [m.span() for m in EXPIRY_RESTORE_RE.finditer(text)]
    if not spans:
        return None
    lifts = [a.text for a in record.actions if a.action is ActionKind.LIFT]
    # "中方决定，自…起，暂停实施…相关措施，为期一年，到期后不再延长": the step's own term, its end read (session 41, qa40's probe
    # held for a person): the measures are back at that end, as any suspension's
    termed = [a.text for a in record.actions if a.until is not None
              and (a.action is ActionKind.SUSPEND or a.action is ActionKind.EXTEND)]
    page = "Q&A" if record.kind is NoticeKind.QA else "notice"
    for m_start, m_end in spans:
        said = text[m_start:m_end]
        start = max(text.rfind("。", 0, m_start), text.rfind("\n", 0, m_start)) + 1
        if any(said in lifted for lifted in lifts):
            continue  # "…届满后不再延长，自…起停止执行该公告相关措施": the measures stop that day (session 24)
        if any(said in told for told in termed):
            continue
        if said.endswith(ENDING_WORDS) and text[m_start - 1] == "的" \
                and not any_within(text, LISTED_WORDS, start, m_start):
            continue  # "对美加征24%关税的暂停期自…起结束": no notice's measures (session 41)
        stop = text.find("。", m_end)
        if CLAIMED_AFTER_RE.search(text, m_end, len(text) if stop < 0 else stop) is not None:
            continue  # "…的暂停安排将于…终止，这一消息不准确": denied (session 41)
        if NOT_NOW_RE.search(text, start, m_start) is None:
            if said.endswith(ENDING_WORDS) and NOT_NOW_RE.search(said) is not None:
                # "…的暂停安排不会终止", "…暂不终止", "…将于何时终止": denied, held off or asked, no end told (session 42, review43's
                # B1: held with a message saying the suspension ends)
                return f"the {page} says a suspension does not end, or asks when it does ({said}): no step read"
            return f"the {page} says a suspension ends without extension ({said}) but no day its measures are back"
    return None


# A page of MOFCOM's own site (its header) always ends with its footer: a Q&A page without it lost its end, however
# well formed a browser's save of a cut download makes it (the answer's last paragraph gone, its changes with it).
MOFCOM_CHROME = ("欢迎访问中华人民共和国商务部网站", 'content="中华人民共和国商务部"')
MOFCOM_FOOTER = "版权所有"


def footless(record: NoticeRecord, raw_text: str) -> str | None:
    """A Q&A page in MOFCOM's layout (MOFCOM_CHROME) with no footer (MOFCOM_FOOTER): cut short."""
    if record.kind is not NoticeKind.QA or MOFCOM_FOOTER in raw_text:
        return None
    if any(mark in raw_text for mark in MOFCOM_CHROME):
        return "the Q&A page ends before the site's footer"
    return None


def told_or_first_item(record: NoticeRecord, text: str) -> str | None:
    """A Q&A cut where its title need not show it (``qa.told_only``, ``qa.first_item_only``)."""
    if not record.actions and told_only(text):
        return "the Q&A stops after its answer's account of earlier measures, before any decision"
    if first_item_only(text):
        return "the Q&A's numbered decisions stop after the first"
    return None


def check_record(record: NoticeRecord, text: str, *, article: bool = True, page_title: str | None = None) -> None:
    """:func:`_check_record` on ``text``, the text as the parse read it, clean (``draft.read_source``; the caller passes
    ``src.lead + src.text``: cleaned once): a reprint in traditional script in simplified, as its record's steps are
    (mfa42/10: a Macao reprint of a lift '…採取的反制措施，自公佈之日起停止實施' passed the checks unconverted and was stored as a
    new listing under the lifted decree's key); a refusal names the notice the page holds (``UnusablePage.notice``).
    ``page_title``: an HTML page's own title (its meta or ``<title>``), held against the notice
    its text reads (a plain text has none)."""
    try:
        _check_record(record, text, article=article, page_title=page_title)
    except UnusablePage as exc:
        exc.notice = held_notice(record)
        raise


def held_notice(record: NoticeRecord) -> str:
    """The notice a refused page holds, as an officer knows it: its number and title, and its key."""
    title = record.title or ""
    named = title if record.number and record.number in title else " ".join(filter(None, (record.number, title)))
    return f"{named} ({record.key})" if named else record.key


def _check_record(record: NoticeRecord, text: str, *, article: bool = True, page_title: str | None = None) -> None:
    """Cuts that only the parse shows, which ``check_ending`` cannot see: an MFA decision cut after a whole
    sentence (of its reasons, its measures, before its annex) names no target or lacks the annex it refers
    to (``mfa.cut_short``); a Q&A cut after a whole question has no answer (``qa.unanswered``). And, in an
    article (``article``: a plain text, or a page with an article's body; not an index page whose links are
    gone, which reads as a list of titles and is reported as an index without links): a numbered notice cut
    before its closing (``unclosed``); a Q&A that stops after a colon or a semicolon, or before (part of) the
    change its title announces (``unread_change``). Stored, any of them would miss what the page does, date
    it wrongly, or withdraw what a complete copy stored."""
    why = _decision_cut_short(record)
    if why is None and article and record.kind in NUMBERED_KINDS and unclosed(text):
        why = "the notice stops before its closing (its effective clause or its signature's date)"
    if why is None and record.kind is NoticeKind.QA:
        if article and text.rstrip().endswith(OPEN_ENDS):
            why = "the Q&A stops after a colon or a semicolon"
        elif unanswered(text):
            why = "the Q&A stops after a question, before its answer"
        elif article:
            why = unread_change(record)
            if why is not None:  # (the lists the answer keeps asked only then: most Q&As read their title's change)
                why = unread_change(record, kept_lists(text))
            whole = why is not None and text.rstrip().endswith(SENTENCE_ENDS)
            named = (unread_named(record) or _list_named(why, text)) if whole and why else None
            if named is not None:
                raise UnusablePage("needs-review", f"{why}, though it names {named}: a person must read it")
            if whole and (held := left_out(record)) is not None:
                # a whole answer whose step was seen and left out (the title's change among them): for a person, not
                # cut (review54's t/q04, "…暂停至…，…7号相关措施照此办理" under "就调整出口管制管控名单措施答记者问": "cut short")
                raise UnusablePage("needs-review", f"{held}: a person must read it")
            why = why or told_or_first_item(record, text)
    if why is not None:
        raise UnusablePage("cut-short", f"{why}: cut short")
    if page_title and (named := _title_names_another(record, page_title)) is not None:
        raise UnusablePage("needs-review", named)
    review = (unread_expiry(record, text) or _decree_review(record, text) or left_out(record)
              or unsure_date(record) or garbled(record)) if article else None
    if review is not None:
        raise UnusablePage("needs-review", f"{review}: a person must read it")


# The kinds the MFA reader's checks read (``mfa.checks``): the decisions and MOFCOM's orders; any other text only where
# it cites the Anti-Foreign Sanctions Law. Other texts never load that reader (issue 11: its regular expressions were a
# third of ``mofcom-watch parse FILE``'s start).
DECREE_KINDS = (NoticeKind.MFA_ORDER, NoticeKind.ORDER)
AFSL = "反外国制裁法"


def _title_names_another(record: NoticeRecord, title: str) -> str | None:
    """A numbered notice whose page title opens with another notice's number ("商务部公告2025年第23号 关于…" over the
    text of No. 22): the page is not one notice, and which it is a person tells. Was: read as its text's notice under
    the other's title, silently, the items of a stored notice updated under that headline (health42 O41)."""
    if record.kind not in NUMBERED_KINDS or "号" not in title[:40] or not record.number:
        return None
    own = find_own_number([], [], title, title=title, strict=True)
    if own is None or own.key == record.key:
        return None
    return (f"the page's title names {own.key}, its text {record.number} ({record.key}): another notice's title over "
            "this text, or this text under the wrong number; a person must read it")


def _decision_cut_short(record: NoticeRecord) -> str | None:
    """``mfa.checks.cut_short`` for an MFA decision (it answers None for any other kind)."""
    if record.kind is not NoticeKind.MFA_ORDER:
        return None
    from .mfa.checks import cut_short

    return cut_short(record)


def _decree_review(record: NoticeRecord, text: str) -> str | None:
    """The MFA reader's reasons for a person to read a decree or an answer on one (``mfa.checks``: one measure lifted
    and the others kept, countermeasures announced with no decree, a decision on earlier decrees read in part), for
    the texts they can apply to (each answers None for the others), measures applied to more targets not read as such."""
    if record.kind not in DECREE_KINDS and not holds(text, AFSL):
        return None
    from .mfa.checks import (
        announced_countermeasures,
        applied_unread,
        extension_unread,
        named_unread,
        next_page_unread,
        one_measure_lifted,
        partly_read,
        persons_as_one,
        removed_as_imposed,
        several_decrees,
        verb_first_unread,
    )

    return one_measure_lifted(record, text) or announced_countermeasures(record, text) or partly_read(record, text) \
        or several_decrees(record, text) or applied_unread(record, text) or removed_as_imposed(record, text) \
        or named_unread(record, text) or verb_first_unread(record, text) or persons_as_one(record) \
        or next_page_unread(record, text) or extension_unread(record, text)


def garbled(record: NoticeRecord) -> str | None:
    """A listed name that keys the entity holding characters of another encoding (``_garbled_mark``): read, it is an
    entity of its own (a key no notice gives), the one meant missing, while the stated count still agrees (health33).
    The keying names only: the English, or the Chinese where no English is given (a line garbled whole, its brackets
    too, is one); a Chinese name garbled beside its English keys right (its display is garbled: not looked for)."""
    english = [entity.en for entity in record.entities]
    if None not in english and "".join(english).isascii():  # type: ignore[arg-type]  # (None: looked at first)
        return None  # (nearly every page: every entity named in English, in ASCII)
    alone = "".join([entity.zh for entity in record.entities if entity.zh and not entity.en])
    suspect = bool(alone) and any(mark in alone for mark in GARBLED_ZH)
    if not suspect and "".join([name for name in english if name]).isascii():
        return None
    for entity in record.entities:
        name = entity.en or entity.zh
        if name and not name.isascii() and (found := _garbled_mark(name)) is not None:
            return f"the name {name!r} holds {found!r}, characters of another encoding or none: it is garbled"
    return None


def _garbled_mark(name: str) -> str | None:
    """The first of ``GARBLED_MARKS`` in ``name``, or "Ã" and the character after it in U+0080-U+00BF, or None."""
    for mark in GARBLED_MARKS:
        if mark in name:
            return mark
    at = name.find(GARBLED_LEAD)
    while 0 <= at < len(name) - 1:
        if GARBLED_TAIL[0] <= name[at + 1] <= GARBLED_TAIL[1]:
            return name[at : at + 2]
        at = name.find(GARBLED_LEAD, at + 1)
    return None


def left_out(record: NoticeRecord) -> str | None:
    """A step the parse saw and could not read, which it left out with a warning (``rules.LEFT_OUT``: a step limited
    to an annex or entity not read, an item or a decided paragraph naming no notice, a name change; a suspension of no
    notice read, a removal of no one, an answer deciding a step on no notice read): a warning is no health issue,
    and the notice would read as changing less than it does (session 22, loud22)."""
    for warning in record.warnings:
        if warning.endswith(LEFT_OUT):
            return warning
    return None


def unsure_date(record: NoticeRecord) -> str | None:
    """A notice dated before the year its number states, with no page's date of that year (``rules.UNSURE_DATE``):
    every day it gives would be a year off (session 32, audit32/08)."""
    for warning in record.warnings:
        if warning.endswith(UNSURE_DATE):
            return warning
    return None


def check_unkeyed_correction(text: str) -> None:
    """A correction of a listing's names with no number of its own (an unnumbered 勘误, ``corrections.unkeyed``): no
    notice the project can key, yet dropping it would drop the corrected name silently: refused for a person to read."""
    if unkeyed(text):
        raise UnusablePage("needs-review", "a correction of a listing's names with no notice number of its own (an "
                           "unnumbered 勘误 or 更正): it cannot be applied by key: a person must read it")


def check_no_notice(text: str) -> None:
    """A page read as no notice that a person must read all the same: a correction with no number of its own, a
    decision of countermeasures no rule reads, or a MOFCOM answer deciding on a notice it names in words no rule reads
    (``check_unkeyed_correction``, ``check_unread_countermeasures``, ``check_unread_mofcom_decision``)."""
    check_unkeyed_correction(text)
    check_unread_countermeasures(text)
    check_unread_mofcom_decision(text)


# A MOFCOM page's news item reporting the spokesperson's words ("商务部：继续暂停实施… / 商务部新闻发言人何亚东12月17日在例行新闻
# 发布会上表示，…中方决定，自12月18日起，继续暂停实施…第21号相关措施1年") whose text holds no source line before those words
# (its "来源：商务部网站 …" stands outside the article's container), whose page has no ContentSource meta, and whose head
# says by no wire dateline ("新华社北京…电") nor citation ("据商务部网站消息，…") whose words they are: MOFCOM's own item,
# read as its answer where its source is known (``rules.identify._reported_answer``), and a paper's report reposted on
# the site (no notice) cannot be told apart. It was read as a report, no notice, the step missed silently (par54's
# open A, session 54); now held for a person (session 55). Asked only of a page of a MOFCOM host read as no notice.
MOFCOM_PAGE_RE = lazy_compile(r"^https?://(?:[\w-]+\.)*mofcom\.gov\.cn/", re.IGNORECASE)
UNSOURCED_HEAD = 400  # characters of a page's title and text its spokesperson's lead is looked for in


def check_unsourced_report(title: str | None, text: str, url: str | None, source: str | None) -> None:
    """A MOFCOM page's report of the spokesperson deciding a step on a notice it names, with no source to tell whose
    report it is (see above): refused for a person to read."""
    head = f"{title or ''}\n{text[:UNSOURCED_HEAD]}"
    if source or "发言人" not in head or "决定" not in text or MOFCOM_PAGE_RE.match(url or "") is None:
        return  # (nearly every page)
    if "谈话" in (title or "") or "谈话" in text.lstrip().split("\n", 1)[0]:
        return  # a statement ("…发表谈话"), no news item reporting his words (as ``rules.identify._reported_answer``):
        # on MOFCOM's news section, a paper's report reposted (tests/mofcom_watch/test_replay_press_reports.py)
    from .qa import SOURCE_LINE_RE, reported_lead
    from .rules.checks.answers import DECIDED_NUMBER_RE, DECIDED_STEP_WORDS
    from .rules.rejects import WIRE_DATELINE_RE, WIRE_HEAD
    from .textnorm import fold

    folded = fold(f"{title or ''}\n{text}")
    lead = reported_lead(folded)
    if lead is None or SOURCE_LINE_RE.search(folded, 0, lead.start()) or WIRE_DATELINE_RE.search(folded, 0, WIRE_HEAD):
        return
    opening = folded[max(folded.rfind("\n", 0, lead.start()), folded.rfind("。", 0, lead.start())) + 1:lead.start()]
    if "据" in opening and "消息" in opening:
        return  # a report citing where it read it ("据商务部网站消息，商务部新闻发言人表示，…"): another's words
    at = folded.find("决定", lead.end())
    while at >= 0:
        end = min([i for i in (folded.find("。", at), folded.find("\n", at)) if i >= 0] + [len(folded)])
        said = folded[at:end]
        if any(w in said for w in DECIDED_STEP_WORDS) and DECIDED_NUMBER_RE.search(said) is not None:
            start = max(folded.rfind("。", 0, at), folded.rfind("\n", 0, at)) + 1
            raise UnusablePage("needs-review", f"a report of the spokesperson's words deciding a step on a notice it "
                               f"names (\"{folded[start:end].strip()[:60]}\"), with no source line and no source in the "
                               "page's meta to tell MOFCOM's own news item from a paper's report on its site: a person "
                               "must read it")
        at = folded.find("决定", end)


def check_unread_mofcom_decision(text: str) -> None:
    """A MOFCOM answer read as no notice that decides a step on a notice it names (``rules.checks.decided_on_number``):
    refused for a person to read."""
    said = decided_on_number(text)
    if said is not None:
        raise UnusablePage("needs-review", f"an answer read as no notice decides on a notice it names (\"{said}\"): "
                           "a person must read it")


def check_unread_countermeasures(text: str) -> None:
    """A page read as no notice that decides countermeasures under the Anti-Foreign Sanctions Law itself, no decree named
    (``mfa.checks.decides_here``: "答：依据《…反外国制裁法》，中方决定对A（a）、B（b）实施制裁，禁止其入境。" in an answer no rule
    reads, session 40, mfa40 probe 28: no notice, exit 0, the listings lost silently), or an answer that takes a step on an
    earlier decree itself (``mfa.checks.steps_on_decree_here``): refused for a person to read."""
    if "商务部" in text[:3000]:
        return
    law = AFSL in text
    if not law and not ("外交部令" in text and "答" in text):
        return
    from .mfa.checks import decides_here, steps_on_decree_here  # (loaded for the few such pages)
    from .textnorm import fold

    folded = fold(text)
    if law and decides_here(folded):
        raise UnusablePage("needs-review", "a page read as no notice decides countermeasures under the Anti-Foreign "
                           "Sanctions Law, with no decree named: a person must read it")
    step = steps_on_decree_here(folded) if "外交部令" in text else None
    if step is not None:  # "答：…中方决定…停止实施外交部令第185号规定的反制措施" (session 41, mfa41/11)
        raise UnusablePage("needs-review", f"{step}: a person must read it")


def notice_like(title: str | None, text: str) -> bool:
    """A page that is no notice the rules read, but looks like one (its title or head names a notice,
    a decision or a list): cut short, it may be a notice that lost its operative part."""
    return NOTICE_HINT_RE.search(title or "") is not None or NOTICE_HINT_RE.search(text, 0, 2000) is not None


def textless(refusal: UnusablePage, container_html: str | None) -> UnusablePage:
    """``refusal`` (a shell, an empty page) said as what the article's body container holds instead of text, when it
    holds an image, an iframe, an embedded document or an attachment link: a notice a person must read."""
    if refusal.reason not in NO_TEXT_REASONS or not container_html:
        return refusal
    lowered = container_html.lower()
    held = []
    for tag, one, many in NO_TEXT_TAGS:
        if n := lowered.count(tag):
            held.append(one if n == 1 else f"{n} {many}")
    links = ATTACHMENT_RE.findall(container_html) if "href" in lowered else []
    held.extend(dict.fromkeys(ATTACHMENT_KINDS[ext.lower()] for _href, ext in links))
    if not held:
        if refusal.reason == "js-shell" and not BLANK_MARKUP_RE.sub("", container_html):
            # the article's container there and empty, the layout's scripts in the head: said as what it is
            # (health41 N19/N20: "a JavaScript shell" sent an operator to the scripts)
            return UnusablePage("empty", "the article's body is there and empty: the page came without its text (a "
                                "script may fill it in a browser; none is run here)")
        return refusal
    held = list(dict.fromkeys(held))
    what = ", ".join(held[:-1]) + " and " + held[-1] if len(held) > 1 else held[0]
    where = f" ({links[0][0]})" if links else ""
    return UnusablePage("needs-review", f"no text: the article is only {what}{where}: a person must read it")


# A pager that counts no rows ("共0条记录", "共 0 条"): said with a list page's missing rows (rowless_index).
ZERO_ROWS_RE = lazy_compile(r"共\s*0\s*(?:条|篇|项)")


def rowless_index(refusal: UnusablePage, raw_text: str) -> UnusablePage:
    """``refusal`` (a shell, an empty page) of a page at an index's URL with no article container that still comes
    with links of its own (navigation, crumbs, a footer), said as what it is: a list page whose rows are gone. Was
    "a JavaScript shell with 9 visible characters" (ops50: the 2025 index's rows gone, the page otherwise whole),
    which sent an operator to the page's scripts. A page with no link at all (aqygzj's column, whose list a script
    fetches) stays a JavaScript shell."""
    if refusal.reason not in NO_TEXT_REASONS:
        return refusal
    links = raw_text.count("<a ") + raw_text.count("<A ")
    if not links:
        return refusal
    pager = " (its pager counts 0 rows)" if "共" in raw_text and ZERO_ROWS_RE.search(raw_text) else ""
    return UnusablePage("no-rows", f"an index page with no rows: it came with its layout ({links} link(s), none to a "
                        f"notice) but no row where the list should be{pager}; open it in a browser: if notices are "
                        "listed there, the list has moved (a script fills it in, or another address: the parser "
                        "needs a change), else the site's list came empty (a fault of the site: the next run asks "
                        "again); nothing was removed")


def check_article(visible: str, raw_text: str, container: object | None) -> None:
    """:func:`check_content` for an HTML page whose article text is ``visible``; ``container``: its body container's
    node (or None), whose HTML says what a shell or an empty page holds instead of text (:func:`textless`)."""
    try:
        check_content(visible, raw_text, html=True)
    except UnusablePage as refusal:
        raise textless(refusal, getattr(container, "html", None)) from None


def maintenance_said(visible: str) -> re.Match[str] | None:
    """``MAINTENANCE_RE.search(visible)``, searched only around each 维护 (every match holds one, within the reach
    MAINTENANCE_BEFORE/AFTER says): a short notice holds 维护 ("为维护国家安全"), and the pattern, whose branches open
    with no common character, cost ~70,000 instructions scanned over such a text (issue 11). A match holding an earlier
    维护 starts before any holding a later one, so the first window holding a match of its own 维护 has the whole text's
    first. A match of a later 维护 in a window is not taken: the window may cut off what its look-ahead must see."""
    at = visible.find("维护")
    while at >= 0:
        said = MAINTENANCE_RE.search(visible, max(0, at - MAINTENANCE_BEFORE), at + 2 + MAINTENANCE_AFTER)
        if said is not None and said.start() <= at:
            return said
        at = visible.find("维护", at + 2)
    return None


def check_content(visible: str, raw_text: str, *, html: bool) -> None:
    """Recognise non-content from the visible text (and, for HTML, the scripts)."""
    # Every check below is for small pages; counting the common blanks is far cheaper than
    # splitting a long text, so long pages leave here at once.
    if len(visible) >= SMALL_PAGE * 2:  # shorter, it cannot have SMALL_PAGE * 2 other characters
        if len(visible) - common_blanks(visible) >= SMALL_PAGE * 2:
            return
    n = len("".join(visible.split()))
    if n >= SMALL_PAGE:
        return
    if n < 200 and SSI_ERROR_RE.search(visible):
        raise UnusablePage("error-page", "server-side include error page")
    if n < SMALL_PAGE and holds_any(visible, NOT_FOUND_MARKED) and NOT_FOUND_RE.search(visible):
        raise UnusablePage("not-found", "a '404' page")
    if "维护" in visible and (said := maintenance_said(visible)) and not NOTICE_HINT_RE.search(visible):
        raise UnusablePage("maintenance", f"the site says it is down for maintenance ('{said.group(0)}')")
    if holds_any(visible, UPGRADE_MARKED) and (said := UPGRADE_RE.search(visible)) and \
            not NOTICE_HINT_RE.search(visible):
        raise UnusablePage("maintenance", f"the site says it is down for maintenance ('{said.group(0)}')")
    scripts = html and ("<script" in raw_text or "<SCRIPT" in raw_text)  # found in <head>, not counted
    # A form is a challenge to fill in (a captcha): asked only of a page with no script and 120 visible characters or more,
    # the one case its answer decides (perf49: two scans of the whole raw page for "<form" on nearly every small page).
    if n < SMALL_PAGE and (scripts or n < 120 or html and ("<form" in raw_text or "<FORM" in raw_text)) and (
            _bot_words(visible) or _bot_words(raw_text[:20000])):
        raise UnusablePage("bot-check", "an anti-bot challenge page")
    if html and scripts and n < TINY_PAGE * 3 and COOKIE_SCRIPT_RE.search(raw_text):
        raise UnusablePage("bot-check", "a tiny page whose scripts set cookies or redirect")
    if n < DISCLAIMER_MAX and DISCLAIMER_RE.search(visible) and not NOTICE_HINT_RE.search(visible):
        raise UnusablePage("disclaimer", f"only a site disclaimer ({n} characters)")
    if html and scripts and n < TINY_PAGE * 2:
        raise UnusablePage("js-shell", f"a JavaScript shell with {n} visible characters")
    if n < TINY_PAGE and not NOTICE_HINT_RE.search(visible):
        if html and ("efresh" in raw_text or "EFRESH" in raw_text) and (to := META_REFRESH_RE.search(raw_text)):
            if not to.group(1).strip("0123456789;, "):  # content="5", no address: the page reloads itself, a waiting
                # or anti-bot page in words no check knows (health46: "正在进行安全检测，请稍候" said "sends the browser on to 5")
                raise UnusablePage("bot-check", "a tiny page that only reloads itself (a meta refresh with no address): "
                                   "a waiting or anti-bot page")
            # named for what it is: "empty" sent an operator to the page's text (health36's B, health37 H26)
            raise UnusablePage("redirect-page", f"a page that only sends the browser on to {to.group(1)} (a meta "
                               "refresh): not followed; the notice may have moved")
        raise UnusablePage("empty", f"only {n} visible characters")


# An article pager: a "下一页" link to the same article's next page ("art_<hex>_2.html", the MFA's "t…_1.shtml").
NEXT_PAGE_WORDS = NEXT_WORDS
NEXT_PAGE_RE = lazy_compile(NEXT_LINK, re.IGNORECASE)
NUMBER_PAGE_RE = lazy_compile(NUMBER_LINK, re.IGNORECASE)  # a numbered pager's link, "2" (no 下一页; session 48)
PAGED_NAME_RE = lazy_compile(r"([^/?#]+?)_(\d{1,2})\.s?html?$")


def continues(record: NoticeRecord, raw_text: str, url: str | None) -> str | None:
    """Page 1 of an article split over pages (分页: "1 2 下一页" linking "<this page>_2.html") whose notice states no
    count: what its next page holds is never read, and nothing else tells that anything is missing (session 46,
    blind46: a listing '将下列美国实体列入…' over 3 of its 6 names read as a whole listing of 3, silently). A notice that
    states its count is left to the count check (loud, the names of page 1 kept). A numbered pager with no 下一页
    ("1 2", its "2" linking "<this page>_2.html") is one too (session 48: its page 2 was never read, silently)."""
    if record.stated_count is not None:
        return None
    own = url.rsplit("/", 1)[-1].split("?", 1)[0] if url else None
    own_stem = own.rsplit(".", 1)[0] if own else None
    worded = any(word in raw_text for word in NEXT_PAGE_WORDS)
    numbered = own_stem is not None and f"{own_stem}_" in raw_text
    if not (worded or numbered):
        return None
    links = [*(NEXT_PAGE_RE.finditer(raw_text) if worded else ()), *(NUMBER_PAGE_RE.finditer(raw_text) if numbered else ())]
    for m in links:
        href = m.group(1).split("#", 1)[0].split("?", 1)[0]
        paged = PAGED_NAME_RE.search(href)
        if paged is None or (own_stem is not None and paged.group(1) != own_stem):
            continue
        return (f"the article continues on a next page ({href.rsplit('/', 1)[-1]}) and the notice states no count: what "
                "that page holds is not read")
    return None
