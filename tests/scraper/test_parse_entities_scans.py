"""split_prose_items visits only the characters it may cut at (a regex finds them), annex_start only the
lines holding 附, name_runs tries NAME_RUN_RE only where a name run may start, and the MFA "published" date is
searched only when its literal tail is there: each gives what the code it replaced gives, on many random
strings."""

import random
import re

from scraper.parse.entities import annex_start, clean_display, name_runs, split_prose_items
from scraper.parse.mfa import annex as mfa_annex
from scraper.parse.mfa import groups as mfa_groups
from scraper.parse.mfa import names as mfa_names
from scraper.parse.mfa import reading as mfa_reading
from scraper.parse.mfa import wording as mfa_wording
from scraper.parse.mfa.wording import PUBLISHED_RE, PUBLISHED_TAIL_RE
from scraper.parse.textnorm import despace, fold

ALPHABET = ["(", ")", "（", "）", "、", ",", "，", "和", "及", "以及", "以", "甲", "A", " ", "公司", "与", "那国", "那"]


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
                j = i + 1  # "、以及", ",以及" (blanks between): one cut
                while j < len(folded) and folded[j].isspace():
                    j += 1
                if folded.startswith("以及", j):
                    start = i = j + 2
                    continue
        elif depth == 0 and i > 0 and folded[i - 1] == ")" and (folded.startswith(("和", "及", "以及"), i)
                                                                or folded.startswith("与", i) and not folded.startswith("那国", i + 1)):
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


# The run of bracketed names, tried from every character as finditer does.
_PLAIN_NAME = r"[^\s,，。、;；:：()（）《》]{2,60}?\s*\([^()]*[A-Za-z][^()]*\)"
PLAIN_NAME_RUN_RE = re.compile(rf"{_PLAIN_NAME}(?:\s*(?:[、和及]|以及)\s*{_PLAIN_NAME})*")


def test_name_runs_is_the_plain_finditer():
    """Same matches in any window, runs longer than a name (60) included."""
    rng = random.Random(6)
    pieces = ["甲", "公司", "和", "及", "以", "A", "b", "(", ")", "（", "）", " ", "\n", "、", "，", "。", "《", "1"]
    for _ in range(20000):
        chars = [rng.choice(pieces) for _ in range(rng.choice((4, 16, 60)))]
        if rng.random() < 0.5:
            at = rng.randrange(len(chars) + 1)
            chars[at:at] = ["甲"] * rng.choice((1, 2, 58, 59, 60, 61, 62, 75))
        text = "".join(chars)
        start = rng.randrange(len(text) + 1)
        end = rng.randrange(start, len(text) + 1)
        want = [m.span() for m in PLAIN_NAME_RUN_RE.finditer(text, start, end)]
        got = [(start + m.start(), start + m.end()) for m in name_runs(text[start:end])]
        assert got == want, (text, start, end)


def test_published_tail_gates_the_published_date():
    """A text PUBLISHED_RE matches always holds its literal tail."""
    rng = random.Random(7)
    pieces = ["2024年", "10月", "1日", "二〇二四年", "十月", " ", "\n", "中华人民共和国", "外交部令", "第", "13", "十三",
              "号", "公布", "发布", "(", "，"]
    line = ["2024年", "10月", "1日", " ", "中华人民共和国", "外交部令", "第", "13", "号", " ", "公布"]
    hits = 0
    for _ in range(20000):
        kept = [p if rng.random() < 0.9 else rng.choice(pieces) for p in line if rng.random() < 0.95]
        noise = [rng.choice(pieces) for _ in range(rng.randint(0, 6))]
        text = "".join(noise[:3] + kept + noise[3:])
        if PUBLISHED_RE.search(text):
            hits += 1
            assert PUBLISHED_TAIL_RE.search(text), text
    assert hits > 20


def loop_mfa_annex_start(lines: list[str]) -> int | None:
    found = None
    for i, line in enumerate(lines):
        if mfa_wording.ANNEX_HEADING_RE.match(despace(line)):
            found = i
    return found


def loop_mfa_title(lines: list[str], hint: str | None) -> str | None:
    if hint and mfa_wording.DECISION_MARK_RE.search(fold(hint)):
        return clean_display(hint)
    for line in lines[:40]:
        if mfa_wording.TITLE_RE.match(fold(despace(line))):
            return clean_display(line)
    return clean_display(hint) if hint else None


def test_mfa_annex_start_title_and_kind_words_are_the_loops():
    """The MFA annex heading and title are tried only on the lines holding 附/单 and 定, the kind
    words found by one pattern: what trying every line (and every word) gives."""
    rng = random.Random(8)
    pieces = ["附", "件", "附件", "\n", " ", "\u3000", "1", "：", "《", "》", "反制", "清单", "清 单", "制裁", "关于", "对",
              "措施的决定", "决定", "定", "甲", "人员", "企业", "公司", "\n\n\n\n\n\n\n\n\n\n",
              "\n关于对甲采取反制措施的决定\n"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert mfa_annex._annex_start(text) == loop_mfa_annex_start(text.split("\n")), repr(text)
        hint = rng.choice([None, "", "关于对甲采取反制措施的决定", "甲"])
        assert mfa_reading._title(text, hint) == loop_mfa_title(text.split("\n"), hint), repr(text)
        person = any(w in text for w in mfa_wording.PERSON_WORDS)
        org = any(w in text for w in mfa_wording.ORG_WORDS)
        assert mfa_names._type_of_words(text) == ("individual" if person else "organization" if org else None)
    for before in (38, 39, 40, 41):  # the title line is the 40th, or one past it
        text = "甲\n" * before + "关于对甲采取反制措施的决定\n附件"
        assert mfa_reading._title(text, None) == loop_mfa_title(text.split("\n"), None)


def test_split_target_of_the_simple_shape_is_the_depth_reading(monkeypatch):
    """A target of the common shape (a name, one bracket of no separator, clauses) read by one pattern:
    what the depth split and the bracket pairing read."""
    rng = random.Random(10)
    pieces = ["史蒂文·鲁德", "公司", "Tom Moss", "Inc.", "（", "）", "(", ")", "，", ",", "；", ";", "、", "男", "女",
              "性别：男", " ", "\u3000", "创始人", "美国国会众议员麦考尔", "甲", "。", "：", "\t"]
    raws = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(20000)]
    raws += ["史蒂文·鲁德（Steven Roger Rudder），男，摇杆舵公司创始人", "边缘自治运营公司（Edge Autonomy Operations LLC）",
             "史蒂文·鲁德（摇杆舵公司创始人）", "余茂春，男", "石平", "甲（）", "甲 （A）， ，男"]
    fast = [mfa_names.split_target(raw) for raw in raws]
    assert sum(bool(mfa_names.SIMPLE_TARGET_RE.fullmatch(raw.strip().rstrip(mfa_wording.STOP_NAME))) for raw in raws) > 5000
    monkeypatch.setattr(mfa_names, "SIMPLE_TARGET_RE", re.compile("(?!)"))
    assert [mfa_names.split_target(raw) for raw in raws] == fast


def loop_depth_at(text: str, pos: int) -> int:
    depth = 0
    for ch in text[:pos]:
        if ch in "(（《":
            depth += 1
        elif ch in ")）》" and depth:
            depth -= 1
    return depth


def test_target_segment_and_depth_over_paired_brackets_are_the_depth_count():
    """Brackets that pair in turn are passed over by one pattern: the segment and the depth the count gives."""
    rng = random.Random(11)
    pieces = ["甲", "(", ")", "（", "）", "《", "》", "，", ",", "。", "；", ";", ":", "\n", "采", "取", "采取", "列入", "纳入",
              "列", "入", "等3家", "A", "以及", "，以及"]  # (a list going on after "，以及": session 51)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        assert mfa_groups._target_segment(text, start) == mfa_groups._segment_by_depth(text, start), (text, start)
        assert mfa_groups._depth_at(text, start) == loop_depth_at(text, start), (text, start)


def line_by_line_groups(body_lines: list[str]) -> list[mfa_groups.Group]:
    """mfa_groups.groups as it searched for the decision: line by line."""
    out: list[mfa_groups.Group] = []
    started = False
    folded_lines = [fold(line) for line in body_lines]
    start_re = (mfa_wording.DECISION_START_RE if any(mfa_wording.DECISION_START_RE.search(f) for f in folded_lines)
                else mfa_wording.BARE_DECISION_START_RE)
    # (a line ending in "、" goes on with the list on the next: joined, as groups joins them, session 49)
    for line, folded in mfa_groups._wrapped_joined(body_lines, folded_lines):
        offset = 0
        if not started:
            m = start_re.search(folded)
            if m is None:
                continue
            started, offset = True, m.start()
        if folded.strip().startswith(mfa_wording.OWN_EFFECTIVE_LINE):
            break
        out.extend(mfa_groups.line_groups(line, folded, offset))
    return out


def test_groups_start_where_the_line_by_line_search_starts():
    """The decision's start found in the joined lines (a bare one across lines searched line by line)."""
    rng = random.Random(14)
    pieces = ["中方", "决定", "对", "将", "甲公司", "、", "乙", "等2家企业", "，冻结", "采取", "。", "\n", " ", "，", "本决定",
              "美方决定对", "外交部决定", "反制措施"]
    for _ in range(5000):
        lines = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))).split("\n")
        assert mfa_groups.groups(lines) == line_by_line_groups(lines), lines
