"""Removals from a list (scraper/parse/rules/, entities/): by name, by annex line number or range, by the day
of the listing, of a whole notice by number and count, worded 移出 or 移除. Each a text in, the parse out
(cases from tests/data/corpus/parse20/ to parse23/)."""

from __future__ import annotations

from functools import partial

from scraper.parse import actions, parse_text
from scraper.parse.rules.record import annex_serials
from storage.records import ActionKind
from tests.scraper.corpus_cases import acts_by_list, case_text, names, parse_case


def test_a_notice_that_lists_and_removes_removes_only_what_its_removal_names() -> None:
    """"一、…决定将上述3家日本实体列入关注名单（见附件）…二、…被列入关注名单的川崎重工业株式会社（…）、日本电气株式
    会社（…）…决定将上述2家日本实体移出关注名单" removed the 3 just listed (the annex) and never the 2 it names."""
    text = case_text("parse20", "01-wl-add-and-remove-one-notice.txt")
    assert acts_by_list(text) == [("impose", "watch", [], ["mitsubishielectric", "toshiba", "fujitsu"]),
                                   ("remove", "watch", [], ["kawasakiheavyindustries", "nec"])]
    rec = parse_text(text)
    assert rec is not None and rec.warnings == ()
    assert {e.key: e.country for e in rec.entities}["nec"] == "JP"


def test_a_move_from_the_watch_list_to_the_ecl_is_as_before() -> None:
    assert acts_by_list(case_text("parse20", "02-wl-to-ecl-transfer.txt")) == [("remove", "watch", [], ["subaru", "tokyokeiki"]),
                                                                         ("impose", "ecl", [], [])]


def test_a_removal_of_annex_lines_by_number_names_those_lines() -> None:
    """"商务部公告2026年第12号附件所列第3、5、8、11、17项实体…移出关注名单" named no entity: the removal acted on the
    whole of No. 12 (20 entities removed, 15 of them falsely)."""
    rec = parse_text(case_text("parse20", "19-wl-removal-by-annex-serials-no-names.txt"))
    assert rec is not None
    [a] = rec.actions
    assert (a.action, [t.key for t in a.targets]) == (ActionKind.REMOVE, ["MOFCOM-2026-12"])
    assert a.entities == ("第3项", "第5项", "第8项", "第11项", "第17项")


def test_a_range_of_annex_lines_names_every_line_in_it() -> None:
    """"第3至第6项" named lines 3 and 6 only: 4 and 5 stayed listed, silently where the text states no count."""
    text = case_text("parse20", "19-wl-removal-by-annex-serials-no-names.txt").replace("第3、5、8、11、17项", "第3至第6项、第9项")
    rec = parse_text(text)
    assert rec is not None
    assert rec.actions[0].entities == ("第3项", "第4项", "第5项", "第6项", "第9项")
    assert annex_serials("3-5、8") == [3, 4, 5, 8]


def test_a_name_quoted_after_its_annex_line_number_is_the_name_alone() -> None:
    """"…第23号附件《出口管制管控名单》中所列第7项“奥什科什防务公司（Oshkosh Defense, LLC）”删除…对该实体采取的相关措施…"
    read the Chinese name as "中所列第7项“奥什科什防务公司"."""
    rec = parse_text(case_text("parse20", "13-ecl-amend-annex-delete-one.txt"))
    assert rec is not None
    assert [(e.zh, e.en) for e in rec.entities] == [("奥什科什防务公司", "Oshkosh Defense, LLC")]


_parse_pin = partial(parse_case, "")


def test_a_removed_name_after_the_notice_that_listed_it_is_the_name_alone() -> None:
    (e,) = _parse_pin("parse21/13-ecl-removal-2027-named.txt").entities
    assert (e.zh, e.en, e.country) == ("长风船舶工业股份有限公司", "Changfeng Marine Industries Co., Ltd.", "TW")


_parse22 = partial(parse_case, "parse22")


def test_a_removal_naming_the_day_its_entity_was_listed_removes_the_entity() -> None:
    """"决定将2025年9月25日列入出口管制管控名单的扁平地球管理公司（…）移出…" removed an entity "2025年9月25日"."""
    rec = _parse22("18-ecl-removal-named-by-listing-date.txt")
    assert names(rec) == [("扁平地球管理公司", "Planate Management Group", "US")]
    assert [(a.action.value, a.entities) for a in rec.actions] == [("remove", ("planatemanagementgroup",))]


_parse23 = partial(parse_case, "parse23")


def test_a_watch_list_removal_worded_yichu_removes_its_entities() -> None:
    """"商务部决定将上述2家实体从出口管制关注名单中移除": no removal, no entity, no warning."""
    rec = _parse23("14-wl-removal-yichu-remove-verification.txt")
    assert [(a.action.value, a.list.value if a.list else None, a.entities) for a in rec.actions] == [
        ("remove", "watch", ("mitsuieands", "tamagawaseiki"))]
    assert "移除" in rec.text  # the text is kept as written


def test_a_removal_of_a_whole_notice_by_number_and_count_names_no_entity() -> None:
    """"决定将商务部公告2025年第21号所列16家美国实体移出…": the words were an entity, the removal limited to it."""
    rec = _parse23("20-ecl-removal-whole-notice-by-number.txt")
    assert rec.entities == ()
    assert [(a.action.value, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
        ("remove", ["MOFCOM-2025-21"], ())]


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



def test_a_watch_list_removal_worded_diaochu_removes_its_entities() -> None:
    """"商务部决定将上述2家实体调出关注名单": no step, no entity and no warning (session 27, audit27/06: the two stayed on the
    watch list, silently)."""
    rec = parse_case("audit27", "06-wl-removal-diaochu.txt")
    assert [(a.action.value, a.list.value if a.list else None, a.entities) for a in rec.actions] == [
        ("remove", "watch", ("hitzprecisionmachinery", "naganoservocontrol"))]
    assert rec.warnings == ()


def test_diaochu_before_no_list_is_no_removal() -> None:
    """"强调出口管制" holds 调出 but no list after it: no verb; "调出关注名单" is one."""
    assert actions.VERB_RE.search("商务部强调出口管制合规的重要性") is None
    assert actions.VERB_RE.search("决定将上述2家实体调出关注名单")[0] == "调出"


def test_a_listing_that_takes_two_of_its_entities_off_the_watch_list_removes_those_two() -> None:
    """"决定将甲、乙、丙等3家日本实体列入出口管制管控名单…三、甲、乙已于…被列入关注名单（…第131号），…将其移出关注名单": the
    removal took all 3 (丙 was never on No. 131) (session 27, audit27/05)."""
    assert acts_by_list(case_text("audit27", "05-ecl-listing-two-also-off-wl.txt")) == [
        ("impose", "ecl", [], []),
        ("remove", "watch", ["MOFCOM-2026-131"], ["fugakuprecisionmachinery", "hokushinoptics"])]


WL_REMOVAL = ("商务部公告2026年第55号 关于将贝塔微系统公司移出关注名单的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第55号\n"
              "【发文日期】2026年06月10日\n\n商务部公告2026年第55号\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》"
              "等法律法规有关规定，{body}\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年6月10日\n")
BETA = "贝塔微系统公司（Beta Microsystems Corp.）"


def test_a_listing_verb_naming_the_list_a_name_is_on_lists_nothing() -> None:
    """"列入关注名单的贝塔微系统公司（…）已履行核查义务，…决定将其移出关注名单" (no 被 before 列入) was read as a new watch-list
    listing of Beta, and its removal was lost; "决定将列入关注名单的X移出关注名单" too (session 29, names29)."""
    for body in (f"列入关注名单的{BETA}已履行核查义务，经核实，商务部决定将其移出关注名单。",
                 f"商务部决定将列入关注名单的{BETA}移出关注名单。"):
        assert acts_by_list(WL_REMOVAL.format(body=body)) == [("remove", "watch", [], ["betamicrosystems"])]
