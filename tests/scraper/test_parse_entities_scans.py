"""split_prose_items visits only the characters it may cut at (a regex finds them), annex_start only the
lines holding 附: each gives what the loop it replaced gives, on many random strings."""

import random
import re

from scraper.parse.entities import annex_start, split_prose_items
from scraper.parse.textnorm import fold

ALPHABET = ["(", ")", "（", "）", "、", ",", "，", "和", "及", "以及", "以", "甲", "A", " ", "公司"]


def loop_split(seg: str) -> list[str]:
    folded = fold(seg)
    items, depth, start, i = [], 0, 0, 0
    while i < len(folded):
        ch = folded[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "、,":
            if ch == "、" or (i > 0 and folded[i - 1] == ")"):
                items.append(seg[start:i])
                start = i + 1
        elif depth == 0 and i > 0 and folded[i - 1] == ")" and folded.startswith(("和", "及", "以及"), i):
            items.append(seg[start:i])
            step = 2 if folded.startswith("以及", i) else 1
            start = i + step
            i += step
            continue
        i += 1
    items.append(seg[start:])
    return [item.strip() for item in items if item.strip()]


def test_split_prose_items_is_the_loop():
    rng = random.Random(4)
    for _ in range(20000):
        seg = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 16)))
        assert split_prose_items(seg) == loop_split(seg), seg


def loop_annex_start(lines: list[str]) -> int | None:
    found = None
    for i, line in enumerate(lines):
        if "附" in line and re.match(r"^\s*附\s*件?\s*[\d一二三四五六七八九十]*\s*[:：]?\s*$", line):
            found = i
    return found


def test_annex_start_is_the_loop_over_lines():
    rng = random.Random(5)
    pieces = ["附", "件", "附件", "\n", " ", "\u3000", "1", "一", "：", ":", "名单", "。", "\n附件\n"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert annex_start(text) == loop_annex_start(text.split("\n")), repr(text)
