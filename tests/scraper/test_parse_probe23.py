"""Faults parse23 found (session 23's blind probe, tests/data/corpus/parse23/), each as a text in, the parse out: an
annex whose English names stand alone on the next line, a title naming an English company, a watch-list removal worded
移除, a re-listing 重新列入, names after 位于…的, a removal of all of a notice's entities by number and count."""

from __future__ import annotations

from functools import partial

from scraper.parse import parse_document, parse_text
from tests.scraper.corpus_cases import CORPUS, names, parse_case

CASES = CORPUS / "parse23"
_parse = partial(parse_case, "parse23")


def test_english_names_alone_on_the_next_paragraph_are_read_with_the_chinese() -> None:
    """"<p>1. 北风导航公司</p><p>Northwind Navigation, Inc.</p>": every English name was lost (keys from the Chinese)."""
    doc = parse_document((CASES / "01-html-ecl-annex-en-next-paragraph.html").read_bytes())
    assert doc.notice is not None
    assert [e.en for e in doc.notice.entities] == ["Northwind Navigation, Inc.", "Anvil & Hammer Defense LLC",
                                                    "Bluefin Undersea Systems Corp.", "Zenith Electro-Optics Company"]
    assert doc.notice.warnings == ()


def test_an_address_alone_on_the_next_line_is_no_english_name() -> None:
    """The same layout with "Address: …" lines: a line with a colon is no name (the Chinese name keeps no English)."""
    text = (
        "商务部公告2027年第90号\n决定将甲乙公司等2家美国实体列入出口管制管控名单（见附件）。\n本公告自公布之日起正式实施。\n"
        "商务部\n2027年6月18日\n附件\n出口管制管控名单\n1. 甲乙公司\nAddress: 1 Main Street, Reston, VA\n2. 丙丁公司\nBingding Corp.\n"
    )
    rec = parse_text(text)
    assert rec is not None
    assert [(e.zh, e.en) for e in rec.entities] == [("甲乙公司", None), ("丙丁公司", "Bingding Corp.")]


def test_a_title_naming_an_english_company_keeps_the_notice_number() -> None:
    """"商务部公告2027年第39号 公布将Vanguard Tactical Systems, Inc.等3家…": the comma made the title body text, so the
    notice had no number (keyed DOC-…)."""
    rec = _parse("06-ecl-annex-english-only.txt")
    assert (rec.key, rec.kind.value, rec.warnings) == ("MOFCOM-2027-39", "announcement", ())
    assert [e.en for e in rec.entities] == ["Vanguard Tactical Systems, Inc.", "Ironclad Microelectronics LLC",
                                            "Trident Ocean Robotics Corporation"]


def test_a_watch_list_removal_worded_yichu_removes_its_entities() -> None:
    """"商务部决定将上述2家实体从出口管制关注名单中移除": no removal, no entity, no warning."""
    rec = _parse("14-wl-removal-yichu-remove-verification.txt")
    assert [(a.action.value, a.list.value if a.list else None, a.entities) for a in rec.actions] == [
        ("remove", "watch", ("mitsuieands", "tamagawaseiki"))]
    assert "移除" in rec.text  # the text is kept as written


def test_a_relisting_reads_the_name_without_chongxin() -> None:
    """"决定将全球维度公司（Global Dimensions LLC）重新列入…": the name was "全球维度公司（Global Dimensions LLC）重新"."""
    rec = _parse("16-ecl-relisting-chongxin-lieru.txt")
    assert [(e.zh, e.en) for e in rec.entities] == [("全球维度公司", "Global Dimensions LLC")]
    assert [a.action.value for a in rec.actions] == ["impose"]


def test_names_after_weiyu_de_are_the_names_alone_in_their_country() -> None:
    """"、位于美国弗吉尼亚州的切萨皮克系统公司（…）": the second name kept the words; neither had the country."""
    rec = _parse("19-uel-prose-located-in-prefix.txt")
    assert names(rec) == [("太平洋光学公司", "Pacific Optics, Inc.", "US"), ("切萨皮克系统公司", "Chesapeake Systems LLC", "US")]


def test_a_removal_of_a_whole_notice_by_number_and_count_names_no_entity() -> None:
    """"决定将商务部公告2025年第21号所列16家美国实体移出…": the words were an entity, the removal limited to it."""
    rec = _parse("20-ecl-removal-whole-notice-by-number.txt")
    assert rec.entities == ()
    assert [(a.action.value, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
        ("remove", ["MOFCOM-2025-21"], ())]


def test_a_name_after_its_listing_notice_with_no_noun_is_the_name_alone() -> None:
    """"…第21号所列高点航空技术公司（…）、…第22号所列英斯图公司（…）": both names kept the words before them."""
    rec = _parse("23-ecl-removal-two-notices-bare-suolie.txt")
    assert names(rec) == [("高点航空技术公司", "High Point Aerotechnologies", "US"), ("英斯图公司", "Insitu, Inc.", "US")]


def test_a_removal_of_some_of_a_notice_whose_names_are_not_read_is_left_out() -> None:
    """"…第21号所列2家美国实体（见附件）移出…" with its annex missing: a removal with no entities, read by the engine as all
    16 of No. 21 removed. It is left out for review; with the annex, the two are removed; "（见附件）" is no name."""
    lead = "商务部公告2027年第60号\n商务部决定将商务部公告2025年第21号所列"
    tail = "移出出口管制管控名单。\n本公告自公布之日起实施。\n商务部\n2027年9月3日\n"
    annex = "附件\n1. 高点航空技术公司（High Point Aerotechnologies）\n2. 文本矿公司（TextOre）\n"
    for some in ("高点航空技术公司等2家美国实体（见附件）", "2家美国实体（见附件）", "部分实体（见附件）"):
        rec = parse_text(lead + some + tail)
        assert rec is not None and rec.entities == ()
        assert rec.warnings[-1].endswith(": left out"), some
        rec = parse_text(lead + some + tail + annex)
        assert rec is not None and [a.entities for a in rec.actions] == [("highpointaerotechnologies", "textore")], some
        assert not any(w.endswith(": left out") for w in rec.warnings)
    whole = parse_text(lead + "16家美国实体" + tail)  # the whole notice, as case 20
    assert whole is not None and not any(w.endswith(": left out") for w in whole.warnings)
