"""The MFA reader's bracket-aware scans visit only the characters that matter (a regex finds them);
each gives what the character-by-character loop it replaced gives, on many random strings."""

import random

import pytest

from scraper.parse.mfa import groups as mfa_groups
from scraper.parse.mfa import names as mfa_names
from scraper.parse.mfa import reading as mfa_reading
from scraper.parse.mfa import wording as mfa_wording

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
        assert mfa_names._depth0_split(text, seps) == loop_split(text, seps), text


def test_target_segment_depth_and_sentences_are_the_loops():
    for text in strings(2):
        for pos in range(len(text) + 1):
            assert mfa_groups._target_segment(text, pos) == loop_segment(text, pos), (text, pos)
            assert mfa_groups._depth_at(text, pos) == loop_depth(text, pos), (text, pos)
            assert mfa_groups._sentences(text, pos) == loop_sentences(text, pos), (text, pos)


def test_matching_open_is_the_loop():
    for text in strings(3):
        folded = text.replace("（", "(").replace("）", ")") + ")"
        assert mfa_names._matching_open(folded) == loop_open(folded), folded


def test_common_target_pattern_reads_what_the_general_reading_reads():
    """A target of the usual shape ("姓名（English），男，role", "名称（English）", "姓名（role）") is read by
    COMMON_TARGET_RE alone: on random targets of that shape and around it, what ``_split_target`` reads."""
    rng = random.Random(12)
    names = ["史蒂文·鲁德", "甲", "公司", "美国国会众议员麦考尔", "议员", "边缘自治运营公司"] * 3 + [
        "A", " ", "、", "1", "\u3000", "男", "·", "\u200b", "(", "，"]
    inners = ["Tom Moss", "Inc.", "Yeong-Tae Pak", " ", "a", "创始人", "、", "男", "女", "性别：男", "甲", "·", "1", "\t",
              "公司", "\n", "  ", "，"]
    tails = ["，男", "，女", ",男", "，男性", "；创始人", "，摇杆舵公司创始人", "，", " ", "男", "A", "甲", "（", "）", "，性别：女",
             "， ", "，\u3000甲", "\u200b"]

    def part(options: list[str], least: int) -> str:
        return "".join(rng.choice(options) for _ in range(rng.randint(least, 3)))

    raws = []
    for _ in range(60000):
        bracket = rng.choice("（(") + part(inners, 0) + rng.choice("）)") if rng.random() < 0.7 else ""
        raws.append(part(names, 1) + bracket + part(tails, 0))
    raws += ["史蒂文·鲁德（Steven Roger Rudder），男，摇杆舵公司创始人", "边缘自治运营公司（Edge Autonomy Operations LLC）",
             "史蒂文·鲁德（摇杆舵公司创始人）", "余茂春，男", "石平", "甲（）", "甲（男）", "甲，男，女", "美国国会众议员麦考尔（Michael McCaul）"]
    texts = [raw.strip().rstrip(mfa_wording.STOP_NAME) for raw in raws]
    assert sum(mfa_names.COMMON_TARGET_RE.fullmatch(text) is not None for text in texts) > 8000
    assert [mfa_names.split_target(raw) for raw in raws] == [mfa_names._split_target(text) for text in texts]


def plain_merge(annex: list[mfa_names.Target], named: list[mfa_names.Target]) -> tuple[list[mfa_names.Target], list[str]]:
    """``mfa_reading._merge`` as it read: every matched annex target built again from both."""
    by_zh = {"".join(t.zh.split()): t for t in named if t.zh}
    by_en = {t.en.casefold(): t for t in named if t.en}
    out, seen = [], set()
    for t in annex:
        other = by_zh.get("".join((t.zh or "").split())) or by_en.get((t.en or "").casefold())
        if other is not None:
            seen.add(id(other))
            t = mfa_names.Target(t.zh or other.zh, t.en or other.en, t.type or other.type, t.note or other.note, t.n)
        out.append(t)
    missing = [t for t in named if id(t) not in seen]
    # session 17: a name ending with exactly one annex name (a country or a description before it) is not missing
    names = ["".join(t.zh.split()) for t in out if t.zh]
    missing = [t for t in missing if not t.zh or sum(1 for name in names if len(name) >= 2
                                                      and "".join(t.zh.split()).endswith(name)) != 1]
    return out, [t.zh or t.en or "" for t in missing]


def test_merge_builds_a_target_again_only_to_fill_a_blank():
    """An annex target the decision's mention fills nothing of is kept as it is: on random targets
    (fields blank, empty or set), the merge gives what building every matched one again gives."""
    rng = random.Random(21)
    values = {"zh": [None, "", "甲", "乙 丙", "丁"], "en": [None, "", "Tom Moss", "tom moss", "A"],
              "type": [None, "", "individual", "organization"], "note": [None, "", "创始人", "男"]}

    def target(n: int | None) -> mfa_names.Target:
        return mfa_names.Target(*(rng.choice(values[field]) for field in ("zh", "en", "type", "note")), n)

    rebuilt = 0
    for _ in range(4000):
        annex = [target(i + 1) for i in range(rng.randint(0, 4))]
        named = [target(None) for _ in range(rng.randint(0, 4))]
        got, want = mfa_reading._merge(annex, named), plain_merge(annex, named)
        assert got == want, (annex, named)
        rebuilt += sum(a is not b for a, b in zip(got[0], annex))
        assert [type(x) for x in got[0]] == [mfa_names.Target] * len(annex)
    assert rebuilt > 1000  # the fill is taken often enough to be tested


# Pieces of organisation names and of what stands around them: every suffix word in several cases, the characters
# IGNORECASE maps onto ASCII letters (Kelvin sign, long s, dotless i), full-width letters, a dot, a newline.
ORG_PIECES = [*mfa_wording.ORG_SUFFIX_ZH, "Inc", "INC", "inc", "LLC", "llc", "Ltd", "LTD", "Corp", "corp", "Corporation",
              "Company", "COMPANY", "Co", "co", "CO", "Group", "group", "Foundation", "University", "Institute",
              "Association", "ASSOCIATION", ".", "\n", " ", "a", "X", "甲", "·", "\u212a", "\u017f", "\u0131", "Ｉｎｃ", "Ｃ",
              "_", "-", "1", "公", "司"]


@pytest.mark.parametrize("seed", range(3))
def test_org_suffix_is_the_ignorecase_search(seed):
    """``_org_suffix`` (the Chinese words by ``str.endswith``, the English search only after an ASCII letter or a dot)
    says what ORG_SUFFIX_RE's search over the name's last characters says."""
    rng = random.Random(seed)
    names = ["".join(rng.choice(ORG_PIECES) for _ in range(rng.randint(0, 6))) for _ in range(3000)]
    names += ["公司\n", "公司\n\n", "Foo Inc.\n", "Foo Inc\n\n", "Foo inc.", "FooInc", "Foo Co.\n", "\n", "", "x" * 30 + "Inc"]
    window = mfa_wording.ORG_SUFFIX_SPAN
    for name in names:
        expected = mfa_wording.ORG_SUFFIX_RE.search(name, max(0, len(name) - window)) is not None
        assert mfa_names._org_suffix(name) == expected, repr(name)


@pytest.mark.parametrize("seed", range(2))
def test_its_person_gate_holds_in_every_its_match(seed):
    """``_its_person`` returns at once for an item without "及其": ITS_RE ("以?及其") finds nothing in it; an item
    holding it is still read."""
    assert mfa_groups._its_person("斯凯迪奥公司及其首席执行官亚当·布赖")[1]
    rng = random.Random(seed)
    pieces = ["以", "及", "其", "及其", "以及", "其及", "甲", "公司", "（", "）", "、", "首席执行官", " "]
    for _ in range(3000):
        item = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        if "及其" not in item:
            assert mfa_wording.ITS_RE.search(item) is None, item
            assert mfa_groups._its_person(item) == (item, [])
