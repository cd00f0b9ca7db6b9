"""A correction notice's renamed entities (scraper/parse/corrections.py): keyed by the name as first written, so
the engine can rename the corrected listing's entity; anything not one clear old/new pair gives none (the engine
then reports the correction as not applied)."""

from __future__ import annotations

from scraper.parse import parse_text
from scraper.parse.corrections import corrected_entities
from tests.storage.test_lifecycle_corrections import CORRECTION


def test_a_correction_notice_names_the_new_entity_under_the_old_key():
    rec = parse_text(CORRECTION)
    assert rec is not None and rec.actions == () and rec.warnings == ()
    assert [(e.zh, e.en, e.key, e.n) for e in rec.entities] == [
        ("乌普西隆动力公司", "Upsilon Power LLC", "upsilonenergy", 2)]
    assert [r.key for r in rec.references] == ["MOFCOM-2024-89"]


def test_the_original_form_with_annex_numbers_quoted():
    text = ("商务部公告2026年第11号附件出口管制管控名单第7项实体名称有误，现更正如下：\n\n原“7. 甲乙丙公司（Alpha Beta Inc.）”"
            "更正为“7. 甲乙丁公司（Alpha Beta Inc.）”。\n\n其他内容不变。")
    assert [(e.zh, e.en, e.key, e.n) for e in corrected_entities(text)] == [
        ("甲乙丁公司", "Alpha Beta Inc.", "alphabeta", 7)]


def test_unclear_corrections_give_nothing():
    # session 20 (corr20): one name alone on each side is that half, keyed by the old name's key in that language
    # (the engine matches it against that name of the listing's entities): read, where an item number or 名称 says
    # it is a name
    half = "第2项中文名称“乌普西隆能源公司”有误，现更正为“乌普西隆动力公司”。"
    assert [(e.zh, e.en, e.key, e.n) for e in corrected_entities(half)] == [("乌普西隆动力公司", None, "乌普西隆能源", 2)]
    count = "现将上述公告标题及正文中的“6家美国实体”更正为“5家美国实体及1家加拿大实体”。"  # a count, no name
    assert corrected_entities(count) == ()
    clause = "商务部公告2026年第31号中“本公告自公布之日起正式实施”有误，应为“本公告自2026年7月16日起正式实施”。"
    assert corrected_entities(clause) == ()
    mixed = "第2项“乌普西隆能源公司（Upsilon Energy LLC）”有误，现更正为“乌普西隆动力公司”。"  # English dropped?
    assert corrected_entities(mixed) == ()
    one_unread = ("第2项“甲公司（A Inc.）”有误，现更正为“乙公司（B Inc.）”。第3项英文名称有误，现更正为Gamma LLC。")
    assert corrected_entities(one_unread) == ()
    numbers_disagree = "第2项原“3. 甲公司（A Inc.）”更正为“3. 乙公司（B Inc.）”。"
    assert corrected_entities(numbers_disagree) == ()


def test_the_corrected_notice_named_by_day_and_title():
    """Session 20 (corr20): "商务部2026年7月15日发布的《关于将…的公告》附件第1项…" names the corrected notice by its day and
    title, no number: a reference with both (the engine resolves it); a day without its year is the correction's year,
    or the year before for a later month and day; two notices named: none."""
    from datetime import date

    from scraper.parse.corrections import dated_reference

    ref = dated_reference("商务部2026年7月15日发布的《关于将甲公司等6家美国实体列入出口管制管控名单的公告》附件第1项", None)
    assert ref is not None and (ref.date, ref.title, ref.key) == (
        date(2026, 7, 15), "关于将甲公司等6家美国实体列入出口管制管控名单的公告", None)
    yearless = "12月30日发布的《关于将甲公司列入出口管制管控名单的公告》附件"
    assert dated_reference(yearless, date(2027, 1, 5)).date == date(2026, 12, 30)  # type: ignore[union-attr]
    assert dated_reference(yearless, date(2027, 12, 31)).date == date(2027, 12, 30)  # type: ignore[union-attr]
    assert dated_reference(yearless, None) is None
    two = "2026年7月15日发布的《关于甲的公告》和2026年7月16日发布的《关于乙的公告》"
    assert dated_reference(two, None) is None


def test_an_unnumbered_correction_of_a_listing_is_refused_for_review_not_dropped():
    """Session 20 (corr20): an unnumbered 勘误 of a listing's names read as no notice: the correction was dropped with
    no word (replay exit 0, status clean). No number, no key: it is refused as needs-review, an unusable-page health
    issue a person reads. A paper's own 更正 of an article, and a page with no old/new pair, stay no notice."""
    import pytest

    from scraper.parse import parse_document
    from storage.records import DocumentKind, UnusablePage

    erratum = ("勘误\n\n7月15日发布的《关于将甲公司等6家美国实体列入出口管制管控名单的公告》附件第1项“甲公司（Alpha Defence Inc.）”"
               "有误，应为“甲公司（Alpha Defense Inc.）”。特此勘误。\n\n商务部安全与管制局\n2026年7月17日\n")
    with pytest.raises(UnusablePage) as refused:
        parse_document(erratum.encode())
    assert refused.value.reason == "needs-review"
    paper = "更正\n\n本报7月15日第3版《甲地经济稳步回升》一文中“张三”有误，应为“李四”。特此更正。\n"
    assert parse_document(paper.encode()).kind is DocumentKind.OTHER
    vague = "勘误\n\n7月15日发布的《关于将甲公司等6家美国实体列入出口管制管控名单的公告》附件有误，特此勘误。\n"
    assert parse_document(vague.encode()).kind is DocumentKind.OTHER


def test_a_corrected_effective_date_is_read_when_it_is_one_full_date() -> None:
    """Session 21 (corr21): "生效日期有误，现更正为2026年7月16日" and a corrected effective clause ("现更正为“本公告自…起
    施行”", with its hour) give the corrected notice's one effective date; a name correction, a clause counted from a
    day this text does not give ("自公布之日起"), or two dates give none (the correction then stays loud)."""
    from pathlib import Path

    corpus = Path(__file__).parents[1] / "data" / "corpus"

    def read(name: str) -> str | None:
        return parse_text((corpus / name).read_text(encoding="utf-8")).corrected_effective

    assert read("corr21/12-ecl-effective-date-plain.txt") == "2026-07-16"
    assert read("corr21/11-uel-effective-clause-shixing.txt") == "2026-07-20"
    assert read("corr20/09-ecl-effective-date-correction.txt") == "2026-07-16T12:01+08:00"
    assert read("corr20/01-ecl-en-typo.txt") is None and read("corr20/05-ecl-delete-wrongly-included.txt") is None
    text = (corpus / "corr20/09-ecl-effective-date-correction.txt").read_text(encoding="utf-8")
    assert parse_text(text.replace("本公告自2026年7月16日12时01分起", "本公告自公布之日起10日后")).corrected_effective is None
    two = text.replace("其他内容不变。", "商务部公告2026年第31号的生效日期有误，现更正为2026年7月18日。")
    assert parse_text(two).corrected_effective is None


def test_an_entry_deleted_as_listed_in_error_is_a_removal_of_that_line() -> None:
    """Session 21 (corr21): "误将X列入，现予更正：删除该附件第6项" is a removal of line 6 of the notice corrected, from the
    correction's day; without a word that the listing was in error, or with a name corrected too, it is no removal."""
    from pathlib import Path

    text = (Path(__file__).parents[1] / "data" / "corpus" / "corr20" / "05-ecl-delete-wrongly-included.txt").read_text(
        encoding="utf-8")
    rec = parse_text(text)
    assert [(a.action.value, [t.key for t in a.targets], a.entities, a.effective) for a in rec.actions] == [
        ("remove", ["MOFCOM-2026-31"], ("第6项",), "2026-07-30")]
    assert not parse_text(text.replace("误将先锋遥感公司（Vanguard Remote Sensing）列入", "所列先锋遥感公司")).actions
