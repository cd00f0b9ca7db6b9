"""Session 44's blind round on MFA decisions (tests/data/corpus/mfa44/): a later day for the measures than the decree's own, a
lift whose object is a pronoun, a courtesy title after a name, where a company is registered written before its name, and a
pinyin-only person typed by the shape of his name. Pure: text in, parse out."""

from __future__ import annotations

from datetime import date

import pytest

from storage.records import ActionKind
from tests.scraper.corpus_cases import case_named, read, refused


def text_of(name: str, corpus: str = "mfa44") -> str:
    return case_named(name, corpus)


def test_measures_start_on_the_later_day_the_decision_gives_them() -> None:
    """"中方决定，自2039年1月1日起，对X（x）采取以下反制措施" under "（2038年3月1日…公布，自公布之日起施行）" (mfa44/06): the impose
    was read from 2038-03-01, the publication day, a false "in force" ten months early, silently. The measures start on
    2039-01-01 (announced until then); the decree's own effective day stays its 施行 day."""
    rec = read(text_of("06"))
    assert [(a.action, a.effective) for a in rec.actions] == [(ActionKind.IMPOSE, "2039-01-01")]
    assert rec.effective == "2038-03-01"


@pytest.mark.parametrize(("start", "effective"), [("自即日起，", "2038-03-01"), ("", "2038-03-01"),
                                                  ("自2038年2月1日起，", "2038-03-01"), ("从2038年5月1日起，", "2038-05-01")])
def test_only_a_later_day_of_the_decision_moves_the_measures(start: str, effective: str) -> None:
    """The day is the decree's own unless the decision's sentence gives a later one: "自即日起", nothing, or an earlier day keep
    2038-03-01 (the decree is in force from publication)."""
    rec = read(text_of("06").replace("自2039年1月1日起，", start))
    assert rec.actions[0].effective == effective


def test_a_term_counts_from_the_later_day() -> None:
    """"…自2039年1月1日起，对X采取以下反制措施，为期三年": the three years run from 2039-01-01 (to 2042-01-01 as every term is
    counted: "1年" from 2025-11-10 reaches 2026-11-10), not from the publication day."""
    rec = read(text_of("06").replace("采取以下反制措施：", "采取以下反制措施，为期三年："))
    assert (rec.actions[0].effective, rec.actions[0].until) == ("2039-01-01", date(2042, 1, 1))


def test_a_lift_of_the_measures_taken_on_qi_reads_the_one_the_reasons_name() -> None:
    """"鉴于X（x）已于2038年6月1日去世，中方决定自即日起解除外交部令第262号对其采取的全部反制措施" (mfa44/17): no target read, so a
    lift of all of No. 262, a false "Lifted" for the other person it lists, silently. 其 is the one the reasons name."""
    rec = read(text_of("17"))
    assert [(a.action, a.entities) for a in rec.actions] == [(ActionKind.LIFT, ("viktorpetrovichsukharev",))]
    assert [(e.en, e.type) for e in rec.entities] == [("Viktor Petrovich Sukharev", "individual")]


@pytest.mark.parametrize(("old", "new"), [
    ("苏哈列夫（Viktor Petrovich Sukharev）已于", "苏哈列夫（Viktor Petrovich Sukharev）、叶连娜·谢尔盖耶夫娜·莫罗佐娃（Yelena Sergeyevna Morozova）已于"),
    ("鉴于维克托·彼得罗维奇·苏哈列夫（Viktor Petrovich Sukharev）", "鉴于维克托·彼得罗维奇·苏哈列夫"),
    ("对其采取的全部", "对其本人及直系亲属采取的全部"),
])
def test_a_lift_of_the_measures_taken_on_qi_is_held_unless_one_plain_name_is_given(old: str, new: str) -> None:
    """Two names in the reasons, a name without its Latin spelling, or 其 with more words: whom it means is for a person."""
    assert refused(text_of("17").replace(old, new)).reason == "needs-review"


def test_a_lift_naming_its_target_after_the_pronoun_words_is_still_read() -> None:
    """The same decision naming him as the object ("对维克托·…（…）采取的") is read: a lift of him alone; so is "对其他…"
    not a pronoun's object."""
    named = text_of("17").replace("对其采取", "对维克托·彼得罗维奇·苏哈列夫（Viktor Petrovich Sukharev）采取")
    rec = read(named)
    assert [(a.action, a.entities) for a in rec.actions] == [(ActionKind.LIFT, ("viktorpetrovichsukharev",))]


def test_a_courtesy_title_after_a_name_is_no_part_of_it() -> None:
    """"解除外交部令第267号对Wang Zhiqiang先生采取的反制措施" (mfa44/20): "Wang Zhiqiang先生" was the Chinese name, an organisation,
    keyed "wangzhiqiang先生", which no listing has: the lift an unresolved reference. Now Wang Zhiqiang, a person, his key."""
    rec = read(text_of("20"))
    assert [(e.zh, e.en, e.type) for e in rec.entities] == [(None, "Wang Zhiqiang", "individual")]
    assert rec.actions[0].entities == ("wangzhiqiang",)


@pytest.mark.parametrize(("written", "zh", "en"), [("罗伯特·黑尔先生（Robert Hale）", "罗伯特·黑尔", "Robert Hale"),
                                                   ("梅根·福斯特女士", "梅根·福斯特", None)])
def test_a_courtesy_title_after_a_chinese_name(written: str, zh: str, en: str | None) -> None:
    rec = read(text_of("20").replace("Wang Zhiqiang先生", written))
    assert [(e.zh, e.en, e.type) for e in rec.entities] == [(zh, en, "individual")]


def test_where_a_company_is_registered_is_no_part_of_its_name() -> None:
    """"对在澳门特别行政区注册的金莲咨询有限公司（Golden Lotus Consulting Company Limited）" (mfa44/08): the description was the Chinese
    name's start; screening by the name found a possible match only. Now a note."""
    rec = read(text_of("08"))
    assert [(e.zh, e.en, e.note) for e in rec.entities] == [
        ("金莲咨询有限公司", "Golden Lotus Consulting Company Limited", "在澳门特别行政区注册")]


def test_a_pinyin_only_person_in_a_lift_is_an_individual() -> None:
    """mfa43/23 (B): "解除外交部令第228号对Liu Jianhua采取的冻结财产措施" typed him an organisation (no mark of a person in the lift);
    a name of pinyin syllables with a common surname is a person's. "Lockheed Martin" stays an organisation."""
    rec = read(text_of("23", "mfa43"))
    assert [(e.en, e.type) for e in rec.entities] == [("Liu Jianhua", "individual")]
    other = read(text_of("23", "mfa43").replace("Liu Jianhua", "Lockheed Martin"))
    assert [(e.en, e.type) for e in other.entities] == [("Lockheed Martin", "organization")]


def test_every_numbered_measure_opening_with_a_later_day_moves_the_listing() -> None:
    """"一、自2039年1月1日起，冻结…；\n二、自2039年1月1日起，禁止…" (mfa44/26) and "上述反制措施自2039年1月1日起实施" in a sentence of
    its own (mfa44/27), under "自公布之日起施行": both in force from publication, silently. Now from 2039-01-01."""
    for name in ("26", "27"):
        rec = read(text_of(name))
        assert [(a.action, a.effective) for a in rec.actions] == [(ActionKind.IMPOSE, "2039-01-01")], name


def test_numbered_measures_opening_with_different_days_are_held() -> None:
    """"一、对X（x），冻结…；\n二、自2039年1月1日起，对Y（y）不予签发签证…" (mfa44/28): one day is read per listing, so Y was in force
    from publication, two months early, silently. Held for a person; each line opening with one same day is read (above)."""
    assert refused(text_of("28")).reason == "needs-review"
    both = text_of("28").replace("一、对凯德伦", "一、自2039年1月1日起，对凯德伦")
    assert [a.effective for a in read(both).actions] == ["2039-01-01"]
    today = text_of("28").replace("一、对凯德伦", "一、自即日起，对凯德伦").replace("二、自2039年1月1日起，", "二、")
    assert [a.effective for a in read(today).actions] == ["2038-11-03"]  # "自即日起" is the decree's own day: no hold


@pytest.mark.parametrize("words", ["上述人员", "有关人员", "该人"])
def test_a_lift_of_the_measures_taken_on_the_persons_above_is_held(words: str) -> None:
    """"鉴于X（x）已去世，中方决定自即日起解除外交部令第262号对上述人员采取的反制措施" (mfa44/29): all of No. 262 lifted, as with 对其."""
    assert refused(text_of("29").replace("上述人员", words)).reason == "needs-review"


def test_others_than_a_pronoun_are_no_pronoun() -> None:
    """"对其他人员采取的…", "对其余人员…" name no one either but are no pronoun of this check (they name the rest)."""
    from scraper.parse.mfa.checks import PRONOUN_OBJECT_RE

    assert PRONOUN_OBJECT_RE.search("解除外交部令第262号对其他人员采取的反制措施") is None
    assert PRONOUN_OBJECT_RE.search("解除外交部令第262号对其余人员采取的反制措施") is None


@pytest.mark.parametrize(("name", "zh", "note"), [("30", "金莲咨询有限公司", "香港注册"),
                                                  ("31", "维克托·彼得罗维奇·苏哈列夫", "已故")])
def test_words_before_a_name_saying_where_or_that_he_died_are_a_note(name: str, zh: str, note: str) -> None:
    """"对香港注册的金莲咨询有限公司（…）" (mfa44/30), "对已故的维克托·彼得罗维奇·苏哈列夫采取的" (mfa44/31): the words were the
    Chinese name's (for the lift, a key no listing has: an unresolved reference)."""
    rec = read(text_of(name))
    assert [(e.zh, e.note) for e in rec.entities] == [(zh, note)]
