"""Text views the parsers share: one clean text, one width-folded copy of it.

``clean`` removes invisible characters and converts traditional characters to
simplified ones (Taiwan/HK reprints), so every later regex sees one script.
``fold`` maps full-width ASCII (（）［］０-９：，) and U+3000 to their ASCII forms
character by character: the folded text has the same length as the clean text,
so a span found in the folded text slices the clean text as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

import cn2an

from storage.names import INVISIBLE_RE

# Characters that only occur in traditional script and are common in these notices.
TRADITIONAL_RE = re.compile("[實體單號務關於禁繼續暫恢復機構發佈佈國際術華經濟貿應當執財產轉讓]")
FOLD_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
FOLD_TABLE.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})
YEAR_DIGITS = str.maketrans({"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
                             "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "O": "0"})
# Regex fragments for numbers written either way.
YEAR = r"(?:\d{4}|[〇○零一二三四五六七八九O]{4})"
NUM = r"(?:\d{1,4}|[零一二三四五六七八九十百两]{1,6})"
MD = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def clean(text: str) -> str:
    """Invisible characters out, traditional script to simplified, CRLF to LF."""
    text = INVISIBLE_RE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if len(TRADITIONAL_RE.findall(text, 0, 20000)) >= 3:
        text = _t2s().convert(text)
    return text


def fold(text: str) -> str:
    """Full-width ASCII and odd spaces to ASCII; same length as ``text``."""
    return text.translate(FOLD_TABLE)


def to_int(value: str) -> int | None:
    """Arabic or Chinese numeral ("21", "二十一", "二〇二五") to int."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return int(value)
    if len(value) == 4 and all(ch in "〇○零一二三四五六七八九O" for ch in value):
        return int(value.translate(YEAR_DIGITS))
    try:
        return int(cn2an.cn2an(value.replace("两", "二"), "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def despace(text: str) -> str:
    """All whitespace removed (spaced headers like "不 可 靠 实 体")."""
    return "".join(text.split())
