"""Session 42's blind round on MFA decisions (tests/data/corpus/mfa42/): persons with titles and former titles, measures
that differ per person, an annex item rewritten, answers deciding countermeasures "即日起", reprints in traditional script,
hyphenated names. Pure: text in, parse out."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.scraper.corpus_cases import case_named, read, refused

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "mfa42"


def text_of(name: str) -> str:
    return case_named(name, "mfa42")


def test_a_traditional_script_reprint_of_a_lift_is_checked_in_simplified() -> None:
    """A Macao reprint of a lift with no bracket of its own number, "…外交部令第203號《…》中對A（a）、B（b）採取的反制措施，自公佈之日
    起停止實施" (mfa42/10): the checks read the unconverted text, missed "停止实施", and the page was read as a new listing of
    "美国铁壁防务公司" under the lifted decree's key (No. 203), a false item. Now refused for a person as its simplified
    twin was (mfa42/08, the mfa.gov.cn page with its own bracket, is read since session 53: the lift of the 2; this reprint
    without the bracket stays held, reading.verb_last)."""
    exc = refused(text_of("10"))
    assert exc.reason == "needs-review" and "停止" in str(exc)


@pytest.mark.parametrize("name", ["07", "18"])
def test_an_answer_deciding_countermeasures_from_today_is_held(name: str) -> None:
    """"中方决定，即日起对…公司（…）、…采取反制措施" (mfa42/07) and "中方决定，自即日起对以下人员采取反制措施：" (mfa42/18, an HTML
    page): a Q&A with "no action found in the answer", a warning only: the listing of the targets named lost, health green."""
    raw = (CORPUS / next(p.name for p in CORPUS.glob(f"{name}-*") if not p.name.endswith(".json"))).read_bytes()
    with pytest.raises(UnusablePage) as caught:
        parse_document(raw)
    assert caught.value.reason == "needs-review" and "announces countermeasures" in str(caught.value)


def test_an_answer_deciding_with_a_dated_start_is_held_too() -> None:
    text = text_of("07").replace("中方决定，即日起对", "中方决定，自2036年3月21日起对")
    assert refused(text).reason == "needs-review"


def test_an_answer_recounting_no_decision_stays_a_qa() -> None:
    """The widened start must not make an answer that decides nothing a decision."""
    text = text_of("07").replace("依据《中华人民共和国反外国制裁法》，中方决定，即日起对参与此次售台武器的",
                                 "依据《中华人民共和国反外国制裁法》，中方将视情对参与此次售台武器的")
    rec = parse_document(text.encode()).notice
    assert rec is None or not rec.actions


def test_an_annex_item_rewritten_is_no_new_listing() -> None:
    """"外交部令第203号附件第3项修改为：“（三）铁壁海洋系统公司（…，原名铁壁海事公司，…）”" (mfa42/04): read as a new listing of
    "外交部令第203号《…》作如下修改", a false "Imposed" item, the rename lost. Held for a person."""
    exc = refused(text_of("04"))
    assert exc.reason == "needs-review" and "rewrites an item" in str(exc)


@pytest.mark.parametrize(("name", "named"), [
    ("01", "Linda Castro"),  # persons with titles, parted by commas: 2 of 3 lost, "美国前国务院副国务卿" read as a person
])
def test_a_decision_naming_a_target_it_does_not_read_is_held(name: str, named: str) -> None:
    """Names with a Latin spelling in the decision's prose that no read entity spells (mfa42/01: it listed fewer targets than
    it names, no count to warn, silently): held for a person. (mfa42/02, /09 and /19, the same for names after a measure's
    verb, are read since session 43: tests/scraper/test_parse_mfa43.py.)"""
    exc = refused(text_of(name))
    assert exc.reason == "needs-review" and named in str(exc)


@pytest.mark.parametrize("name", ["03", "05", "13", "14", "15", "16", "17", "23", "24"])
def test_decisions_whose_named_targets_are_all_read_pass(name: str) -> None:
    """The check asks only for names the parse did not read: these read every one (an annex's subsidiary lines are the
    annex reader's: mfa15/19 in the corpus)."""
    assert read(text_of(name)).entities


def test_a_role_before_a_long_hyphenated_name_is_a_note() -> None:
    """"欧洲议会议员安娜-玛丽亚·施密特-科赫（Anna-Maria Schmidt-Koch，德国籍）" (mfa42/16): a 13-character name, the role kept in
    it (a Chinese-only lift would not find her)."""
    first = read(text_of("16")).entities[0]
    assert first.zh == "安娜-玛丽亚·施密特-科赫"
    assert first.note is not None and "欧洲议会议员" in first.note
