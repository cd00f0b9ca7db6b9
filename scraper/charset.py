"""Decode Chinese pages ourselves: labels lie.

Pages labelled gb2312 carry GB18030-only characters (镕), and Lexbor/httpx
decode a gb2312 label with Python's strict codec. Order: BOM, the header
charset, a ``<meta>`` charset in the first 4 KB, charset-normalizer's guess,
then UTF-8. Every GB label maps to GB18030 (a superset), every Big5 label to Big5-HKSCS (a Hong Kong
paper's 啓, 峯, 綫, 着 are no Big5; Taiwan's cp950 additions 碁, 銹, 裏 are in it too).

A label is checked against the bytes before it is believed. A press page is often served under a header
its server gives every page ("charset=ISO-8859-1", "charset=utf-8", "charset=gbk" on a Big5 page) or
carries a template's ``<meta>`` of another script: Big5 bytes read as GB18030 (and GBK bytes as Latin-1)
with no U+FFFD at all, as mojibake nothing downstream could tell from text. So a label that names a
single-byte codec for bytes with Chinese in them is set aside, and a Chinese text decoded under a
label must read as Chinese (``chinese_score``: the share of its CJK characters that are among the most
common ones, over 60% for any real text, a few per cent for mojibake); else the page's other label, GB18030
and Big5-HKSCS are each tried strictly and the one that reads as Chinese is taken.

A body that decodes as UTF-8 and holds non-ASCII bytes is UTF-8 whatever its label says: Chinese text
in GB18030 (or Latin-1 text) is practically never valid UTF-8, while a UTF-8 page under a leftover
``<meta charset=gbk>`` or a servlet's default ``charset=ISO-8859-1`` decodes under that label with no
U+FFFD at all, as mojibake nothing downstream could tell from text.
"""

from __future__ import annotations

import codecs
import functools
import re

import charset_normalizer

META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)
GB_LABELS = {"gb2312", "gbk", "x-gbk", "euc-cn", "gb_2312-80", "cp936", "ms936", "gb18030", "csgb2312"}
BIG5_LABELS = {"big5", "big5-hkscs", "big5hkscs", "cp950", "ms950", "x-x-big5", "csbig5", "cn-big5", "x-big5"}
CJK_CODECS = ("gb18030", "big5hkscs")  # tried strictly when the labels do not read as Chinese
# The characters most common in Chinese text (news and notices), in simplified script; their traditional
# forms are added when first needed. Real text has more than 60% of its CJK characters among them.
COMMON_ZH = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
    "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合"
    "还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只"
    "没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边"
    "流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造"
    "百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清美再采转更单风切打白教速花带安场身车例真"
    "务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究"
    "观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除"
    "消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县"
    "局照参红细引听该铁价严龙飞告宣布企措施实体清单名国务商美日韩台湾香港记者报道表示据悉网站消息公告决定暂停继续"
)
COMMON_MIN = 0.35  # a text whose CJK characters are less often common than this is taken for mojibake
CHINESE_MIN = 20  # CJK characters a sample needs before its score says anything
SCORE_SAMPLE = 20000  # characters of a decoded page scored
HIGH_BYTES = bytes(range(0x80, 0x100))
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
ANY_BOM = tuple(bom for bom, _ in BOMS)


@functools.lru_cache(maxsize=64)
def _canonical(label: str | None) -> str | None:
    """The codec a charset label names. Cached: a site uses a few labels, and a codec
    lookup costs more than the dictionary probe (a pure function of a short string)."""
    if not label:
        return None
    label = label.strip().lower()
    if label in GB_LABELS:
        return "gb18030"
    if label in BIG5_LABELS:
        return "big5hkscs"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _labels(raw: bytes, content_type: str | None) -> tuple[str | None, str | None]:
    """The codecs the header charset and a ``<meta>`` charset name (a BOM's stands for both)."""
    if raw.startswith(ANY_BOM):  # one question for the three, asked of every page
        for bom, name in BOMS:
            if raw.startswith(bom):
                return name, name
    header = None
    if content_type:
        match = HEADER_CHARSET_RE.search(content_type)
        header = _canonical(match.group(1)) if match else None
    meta = META_CHARSET_RE.search(raw, 0, 4096)  # the first 4 KB, not copied
    return header, _canonical(meta.group(1).decode("ascii", "ignore")) if meta else None


def _labelled(raw: bytes, content_type: str | None) -> str | None:
    """The codec a BOM, the header charset or a ``<meta>`` charset names, None without one."""
    header, meta = _labels(raw, content_type)
    return header or meta


@functools.lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """COMMON_ZH in both scripts (opencc, loaded only when a page needs the check)."""
    import opencc

    return frozenset(COMMON_ZH + str(opencc.OpenCC("s2t").convert(COMMON_ZH)))


def chinese_score(text: str) -> float | None:
    """The share of ``text``'s CJK characters (in its first SCORE_SAMPLE) that are common Chinese ones;
    None when it has too few to tell."""
    found = CJK_RE.findall(text, 0, SCORE_SAMPLE)
    if len(found) < CHINESE_MIN:
        return None
    common = _common()
    return sum(1 for ch in found if ch in common) / len(found)


@functools.lru_cache(maxsize=64)
def _single_byte(codec: str) -> bool:
    """A codec with one character a byte (Latin-1, cp1252, ASCII, …): never a Chinese page's."""
    return codec not in ("utf-8", "utf-16-le", "utf-16-be") and len(HIGH_BYTES.decode(codec, "replace")) == len(HIGH_BYTES)


def _checked(raw: bytes, header: str | None, meta: str | None, label: str) -> tuple[str, str]:
    """``raw`` decoded under ``label`` when that reads as Chinese (or the page has too little Chinese to
    tell); else under the page's other label, GB18030 or Big5-HKSCS, strictly, whichever reads as Chinese
    best; else under ``label`` with U+FFFD for what does not decode."""
    text = raw.decode(label, errors="replace")
    score = None if _single_byte(label) else chinese_score(text)
    if score is not None and score >= COMMON_MIN and "\ufffd" not in text:
        return text, label
    best, best_codec, best_score = text, label, score if score is not None else -1.0
    for codec in dict.fromkeys(c for c in (meta, header, *CJK_CODECS) if c and c != label):
        if _single_byte(codec):
            continue
        try:
            other = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        found = chinese_score(other)
        if found is not None and found >= COMMON_MIN and found > best_score:
            best, best_codec, best_score = other, codec, found
    return best, best_codec


def _guessed(raw: bytes) -> str:
    best = charset_normalizer.from_bytes(raw[:65536]).best()
    return _canonical(best.encoding if best else None) or "utf-8"


def _utf8_despite(encoding: str, raw: bytes) -> str | None:
    """``raw`` as UTF-8 when a label names another codec but the bytes are UTF-8 with some non-ASCII."""
    if encoding in ("utf-8", "utf-16-le", "utf-16-be") or raw.isascii():
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def detect_encoding(raw: bytes, content_type: str | None = None) -> str:
    """The codec name ``decode`` reads ``raw`` with."""
    return decode(raw, content_type)[1]


def decode(raw: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``; undecodable bytes become U+FFFD, never an exception.
    An unlabelled page is decoded once: the strict UTF-8 try, when it succeeds, is the text.
    A label is checked against the bytes (``_checked``): a UTF-8 page is UTF-8 whatever its label, and
    a Chinese page under a label it does not decode to Chinese under is read under one it does."""
    header, meta = _labels(raw, content_type)
    encoding = header or meta
    if encoding is None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return _checked(raw, None, None, _guessed(raw))
        else:
            return (text[1:] if text.startswith("\ufeff") else text), "utf-8"
    utf8 = _utf8_despite(encoding, raw)
    if utf8 is None and encoding == "utf-8":  # nearly every page: labelled UTF-8 and so it is
        try:
            utf8 = raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if utf8 is not None:
        return (utf8[1:] if utf8.startswith("\ufeff") else utf8), "utf-8"
    if encoding in ("utf-8", "utf-16-le", "utf-16-be") and raw.startswith(ANY_BOM):
        text = raw.decode(encoding, errors="replace")
    elif raw.isascii():
        text = raw.decode(encoding, errors="replace")
    else:
        text, encoding = _checked(raw, header, meta, encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, encoding
