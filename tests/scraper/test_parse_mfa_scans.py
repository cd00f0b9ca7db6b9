"""The MFA reader's bracket-aware scans visit only the characters that matter (a regex finds them);
each gives what the character-by-character loop it replaced gives, on many random strings."""

import random

import pytest

from scraper.parse import mfa

ALPHABET = ["(", ")", "（", "）", "[", "]", "《", "》", "，", ",", ";", "；", "、", "。", ":", "\n", "采取", "列入", "纳入",
            "采", "取", "入", "甲", "a", " ", "和", "等", "·"]


def strings(seed: int, count: int = 3000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def loop_split(text: str, seps: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（[《":
            depth += 1
        elif ch in ")）]》":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return [part for part in out if part.strip()]


def loop_segment(folded: str, start: int) -> tuple[int, int]:
    depth, i = 0, start
    while i < len(folded):
        ch = folded[i]
        if ch in "(（《":
            depth += 1
        elif ch in ")）》":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in ",，。；;:\n" or folded.startswith(("采取", "列入", "纳入"), i)):
            break
        i += 1
    return start, i


def loop_depth(text: str, pos: int) -> int:
    depth = 0
    for ch in text[:pos]:
        if ch in "(（《":
            depth += 1
        elif ch in ")）》":
            depth = max(0, depth - 1)
    return depth


def loop_open(folded: str) -> int | None:
    depth = 0
    for i in range(len(folded) - 1, -1, -1):
        if folded[i] == ")":
            depth += 1
        elif folded[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return None


def loop_sentences(folded: str, offset: int) -> list[tuple[int, str]]:
    out, start = [], offset
    for i in range(offset, len(folded)):
        if folded[i] in "。；;":
            out.append((start, folded[start : i + 1]))
            start = i + 1
    if start < len(folded):
        out.append((start, folded[start:]))
    return out


@pytest.mark.parametrize("seps", ["，,;；", "、"])
def test_depth0_split_is_the_loop(seps):
    for text in strings(1):
        assert mfa._depth0_split(text, seps) == loop_split(text, seps), text


def test_target_segment_depth_and_sentences_are_the_loops():
    for text in strings(2):
        for pos in range(len(text) + 1):
            assert mfa._target_segment(text, pos) == loop_segment(text, pos), (text, pos)
            assert mfa._depth_at(text, pos) == loop_depth(text, pos), (text, pos)
            assert mfa._sentences(text, pos) == loop_sentences(text, pos), (text, pos)


def test_matching_open_is_the_loop():
    for text in strings(3):
        folded = text.replace("（", "(").replace("）", ")") + ")"
        assert mfa._matching_open(folded) == loop_open(folded), folded
