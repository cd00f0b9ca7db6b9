"""Decode Chinese pages ourselves: labels lie.

Pages labelled gb2312 carry GB18030-only characters (镕), and Lexbor/httpx
decode a gb2312 label with Python's strict codec. Order: BOM, the header
charset, a ``<meta>`` charset in the first 4 KB, GB18030 or Big5-HKSCS for an unlabelled page that is no
UTF-8 (whichever reads as text), charset-normalizer's guess, then UTF-8. Every GB label maps to GB18030 (a superset), every Big5 label to Big5-HKSCS (a Hong Kong
paper's 啓, 峯, 綫, 着 are no Big5; Taiwan's cp950 additions 碁, 銹, 裏 are in it too).

A label is checked against the bytes before it is believed. A press page is often served under a header
its server gives every page ("charset=ISO-8859-1", "charset=utf-8", "charset=gbk" on a Big5 page) or
carries a template's ``<meta>`` of another script: Big5 bytes read as GB18030 (and GBK bytes as Latin-1)
with no U+FFFD at all, as mojibake nothing downstream could tell from text. So a label that names a
single-byte codec for bytes with Chinese in them is set aside, and the label's reading must be text by
charset-normalizer's mess ratio (the library's measure of how unlike text a decoding is: mojibake pairs
characters no text pairs; a real page reads under 0.005, Big5 read as GB18030 over 0.5). Else the page's
other label, GB18030 and Big5-HKSCS are read strictly, in that order, and the first clean one (else the
least messy under the library's threshold) is taken. A label whose reading is clean stands: a few Chinese
characters that read as well in Big5 as in GB18030 keep it. The library's own guess (``from_bytes``) is not
asked first: it costs a GB page three times the decode and a mess ratio, reads 4 Chinese characters under
a GB label as Big5, and guesses UTF-16 or cp949 for short GB texts.

A body that decodes as UTF-8 and holds non-ASCII bytes is UTF-8 whatever its label says: Chinese text
in GB18030 (or Latin-1 text) is practically never valid UTF-8, while a UTF-8 page under a leftover
``<meta charset=gbk>`` or a servlet's default ``charset=ISO-8859-1`` decodes under that label with no
U+FFFD at all, as mojibake nothing downstream could tell from text.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Callable

META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)
GB_LABELS = {"gb2312", "gbk", "x-gbk", "euc-cn", "gb_2312-80", "cp936", "ms936", "gb18030", "csgb2312"}
BIG5_LABELS = {"big5", "big5-hkscs", "big5hkscs", "cp950", "ms950", "x-x-big5", "csbig5", "cn-big5", "x-big5"}
CJK_CODECS = ("gb18030", "big5hkscs")  # read alongside the labels: which one the bytes are
# charset-normalizer's tie band: readings whose mess ratios differ by less are as good as each other.
# Within it the page's label stands (a few Chinese characters read as well in Big5 as in GB18030).
CHAOS_TIE = 0.005
MESS_MAX = 0.2  # charset-normalizer's threshold: a reading messier than this is no text
MESS_SAMPLE = 20000  # characters of a page's reading under its label that its mess ratio is taken of
HIGH_BYTES = bytes(range(0x80, 0x100))
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


@functools.lru_cache(maxsize=64)
def _single_byte(codec: str) -> bool:
    """A codec with one character a byte (Latin-1, cp1252, ASCII, …): never a Chinese page's."""
    return codec not in ("utf-8", "utf-16-le", "utf-16-be") and len(HIGH_BYTES.decode(codec, "replace")) == len(HIGH_BYTES)


def _first_mess_ratio(text: str, maximum: float) -> float:
    """charset-normalizer's ``mess_ratio``, the library loaded on first use: a UTF-8 page (nearly every page, and
    every text ``mofcom-watch parse FILE`` is given) never asks it, and importing it was ~15 ms of that command's
    start (issue 11). From then on ``_mess_ratio`` is the library's function itself."""
    global _mess_ratio
    from charset_normalizer.md import mess_ratio

    _mess_ratio = mess_ratio
    return mess_ratio(text, maximum)


_mess_ratio: Callable[[str, float], float] = _first_mess_ratio


def _checked(raw: bytes, header: str | None, meta: str | None, label: str | None) -> tuple[str, str]:
    """``raw`` in the first of ``label``, the page's other label, GB18030 and Big5-HKSCS (single-byte codecs
    aside) that decodes it strictly with no mess (charset-normalizer's mess ratio within its tie band, so the
    label stands when a few characters read as well in either); else in the least messy strict reading under
    charset-normalizer's threshold; else under ``label`` (unlabelled: charset-normalizer's guess) with U+FFFD
    for what does not decode. A common page's whole cost is its label's decode and one mess ratio."""
    best: tuple[str, str, float] | None = None
    for codec in dict.fromkeys(c for c in (label, meta, header, *CJK_CODECS) if c and not _single_byte(c)):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        mess = _mess_ratio(text[:MESS_SAMPLE], 1.0)  # no early stop: a messy start (a cut byline) is no verdict
        if mess < CHAOS_TIE:
            return text, codec
        if mess < MESS_MAX and (best is None or mess < best[2]):
            best = text, codec, mess
    if best is not None:
        return best[0], best[1]
    label = label or _guessed(raw)
    return raw.decode(label, errors="replace"), label


def _guessed(raw: bytes) -> str:
    import charset_normalizer  # (see _first_mess_ratio)

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
            return _checked(raw, None, None, None)
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
    if encoding == "utf-8" and raw.startswith(codecs.BOM_UTF8):
        # a UTF-8 BOM before bytes that are no UTF-8 (a template or include saved with a BOM in a GB page): read
        # under the BOM alone, a GB18030 decision was U+FFFD throughout, refused as "binary" every run (health41 N40)
        text, encoding = _checked(raw[len(codecs.BOM_UTF8):], None, None, encoding)
    elif encoding in ("utf-16-le", "utf-16-be") and raw.startswith(ANY_BOM):
        text = raw.decode(encoding, errors="replace")
    elif raw.isascii():
        text = raw.decode(encoding, errors="replace")
    else:
        text, encoding = _checked(raw, header, meta, encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, encoding
