"""The cheaper forms of the document level's checks give what the forms they replace gave."""

import random
import re

import pytest

from scraper.parse import page
from storage.records import UnusablePage

BLANKY = [" ", "\n", "\t", "\r", "\u3000", "\xa0", "\x0b", "公", "a", "（", "）", "(", ")", "【", "】", "〔", "〕", "《", "》",
          "[", "]", "，", ",", "、", "。"]


def old_ending(text):
    """check_ending as it counted brackets: one count call a bracket kind."""
    end = len(text.rstrip())
    line = text[text.rfind("\n", 0, end) + 1 : end]
    if line.endswith(page.MID_SENTENCE_ENDS):
        return "comma"
    if sum(map(line.count, page.OPENING_BRACKETS)) > sum(map(line.count, page.CLOSING_BRACKETS)):
        return "bracket"
    return None


def new_ending(text):
    try:
        page.check_ending(text)
    except UnusablePage as e:
        return "comma" if "comma" in e.detail else "bracket"
    return None


@pytest.mark.parametrize("seed", range(3))
def test_check_ending_counts_brackets_as_the_counts_did(seed):
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice(BLANKY) for _ in range(rng.randrange(0, 30)))
        assert new_ending(text) == old_ending(text), repr(text)


@pytest.mark.parametrize("seed", range(3))
def test_common_blanks_is_the_count_of_each_blank(seed):
    rng = random.Random(seed)
    assert page.COMMON_BLANKS[:2] == (" ", "\n") and page.RARE_BLANKS == page.COMMON_BLANKS[2:]
    for _ in range(2000):
        weights = [rng.random() for _ in BLANKY]
        text = "".join(rng.choices(BLANKY, weights, k=rng.randrange(0, 60)))
        assert page.common_blanks(text) == sum(text.count(ch) for ch in page.COMMON_BLANKS), repr(text)


CLOSING_PIECES = ["本公告", "本 决定", "本令", "自", "于", "2025年11月10日", "起", "实施", "施行", "生效", "执行", "。", "\n", "现予公布",
                  "，", ",", " ", "正式", "本通知", "现予公布，自"]


# CLOSING_CLAUSE_RE as one regex, as it was searched before its alternatives were searched one at a time.
ORIGINAL_CLOSING_RE = re.compile(
    r"本\s*(?:公告|决定|令|规定|办法|通知)\s*(?:自|于)[^。\n]{0,40}?(?:实施|施行|生效|执行)"
    r"|现予公布\s*[，,]\s*自[^。\n]{0,30}?起\s*(?:实施|施行|生效)")


def old_unclosed(text):
    if ORIGINAL_CLOSING_RE.search(text):
        return False
    body = page.SENTENCE_END_RE.search(text)
    return body is None or page.SIGNATURE_DATE_RE.search(text, body.start()) is None


@pytest.mark.parametrize("seed", range(3))
def test_unclosed_searching_each_closing_alone_is_the_one_regex(seed):
    rng = random.Random(seed)
    assert page.CLOSING_CLAUSE_RE.pattern == ORIGINAL_CLOSING_RE.pattern
    for _ in range(3000):
        text = "".join(rng.choice(CLOSING_PIECES) for _ in range(rng.randrange(0, 14)))
        assert page.unclosed(text) is old_unclosed(text), text


def test_a_decrees_fold_and_decision_are_read_once_as_each_check_read_them():
    """perf45: the MFA checks fold a decree and find its decision once (``mfa.checks._folded``/``_decision``, each pure and
    kept for a few texts), where three checks each did it again; asked of several decrees in turns, each answer is its
    own text's."""
    from pathlib import Path

    from scraper.parse.mfa import checks
    from scraper.parse.mfa.groups import _decision_match
    from scraper.parse.textnorm import fold

    corpus = Path(__file__).resolve().parents[1] / "data" / "corpus"
    texts = [p.read_text("utf-8") for p in sorted(corpus.glob("mfa4[0-5]/*.txt"))][:40]
    assert len(texts) >= 20
    for _ in range(2):  # the second time from what was kept, texts between
        for text in texts:
            folded = checks._folded(text)
            assert folded == fold(text)
            mine, theirs = checks._decision(folded), _decision_match(folded)
            assert (mine and (mine.span(), mine.group())) == (theirs and (theirs.span(), theirs.group()))
