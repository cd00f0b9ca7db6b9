"""Decode Chinese pages ourselves: labels lie.

Pages labelled gb2312 carry GB18030-only characters (镕), and Lexbor/httpx
decode a gb2312 label with Python's strict codec. Order: BOM, the header
charset, a ``<meta>`` charset in the first 4 KB, charset-normalizer's guess,
then UTF-8. Every GB label maps to GB18030 (a superset).

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
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _labelled(raw: bytes, content_type: str | None) -> str | None:
    """The codec a BOM, the header charset or a ``<meta>`` charset names, None without one."""
    if raw.startswith(ANY_BOM):  # one question for the three, asked of every page
        for bom, name in BOMS:
            if raw.startswith(bom):
                return name
    if content_type:
        match = HEADER_CHARSET_RE.search(content_type)
        found = _canonical(match.group(1)) if match else None
        if found:
            return found
    meta = META_CHARSET_RE.search(raw, 0, 4096)  # the first 4 KB, not copied
    return _canonical(meta.group(1).decode("ascii", "ignore")) if meta else None


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
    """The codec name to decode ``raw`` with."""
    found = _labelled(raw, content_type)
    if found:
        return "utf-8" if _utf8_despite(found, raw) is not None else found
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    return _guessed(raw)


def decode(raw: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``; undecodable bytes become U+FFFD, never an exception.
    An unlabelled page is decoded once: the strict UTF-8 try, when it succeeds, is the text."""
    encoding = _labelled(raw, content_type)
    if encoding is None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            encoding = _guessed(raw)
        else:
            return (text[1:] if text.startswith("\ufeff") else text), "utf-8"
    else:
        utf8 = _utf8_despite(encoding, raw)
        if utf8 is not None:
            return (utf8[1:] if utf8.startswith("\ufeff") else utf8), "utf-8"
    text = raw.decode(encoding, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, encoding
