"""A notice page with hostile names: every C0 and C1 control character, bidi overrides, terminal
escape sequences (a window-title OSC, a screen clear, a DCS) and a 10,000-character name."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from tests.faults.harness import FIXTURES

PAGE = "www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_67b1b070edcb42e2ad9b8860c15f3b12.html"
C0 = "".join(chr(c) for c in range(0x01, 0x20) if chr(c) not in "\n\r")  # a line break would split the entry
C1 = "".join(chr(c) for c in range(0x80, 0xA0))
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
ESCAPES = "\x1b]0;owned\x07\x1b[2J\x1b[31m\x1bP1;2|x\x1b\\"
HOSTILE = f"Shield{ESCAPES} AI{BIDI},{C0} Inc.{C1}"
LONG = "Aero Vironment " + "Long" * 2500  # 10,015 characters
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def hostile_tree(root: Path) -> Path:
    page = (FIXTURES / PAGE).read_text(encoding="utf-8")
    assert "（Shield AI, Inc.）" in page and "（Aero Vironment）" in page
    page = page.replace("（Shield AI, Inc.）", f"（{HOSTILE}）").replace("（Aero Vironment）", f"（{LONG}）")
    target = root / PAGE
    target.parent.mkdir(parents=True)
    target.write_text(page, encoding="utf-8")
    return root


def forbidden_in(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X} {unicodedata.name(c, '')}" for c in FORBIDDEN.findall(text)})
