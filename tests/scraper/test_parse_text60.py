"""text60 (session 60): text59's open pins (tests/data/corpus/text59/), each as the smallest text that shows it; the corpus
pins hold the whole pages."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from scraper.parse import entities as ent
from scraper.parse import parse_document
from storage.lifecycle import derive
from storage.records import NoticeRecord, UnusablePage
from tests.conftest import REPO_ROOT
from tests.storage.test_lifecycle_corpus import stored


def _notice(text: str) -> NoticeRecord:
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    return doc.notice


def _steps(n: NoticeRecord) -> list[tuple[str, list[str | None], str | None, str | None, tuple[str, ...]]]:
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until.isoformat() if a.until else None,
             tuple(a.entities)) for a in n.actions]


UEL_RESTORE = ("不可靠实体清单工作机制公告〔2026〕4号 关于恢复实施有关措施的公告\n【发布文号】不可靠实体清单工作机制公告〔2026〕4号\n"
               "【发文日期】2026年11月19日\n\n不可靠实体清单工作机制公告〔2025〕7号相关措施的暂停期限已于2026年11月10日届满。"
               "根据《不可靠实体清单规定》有关规定，不可靠实体清单工作机制决定，{subject}自2026年11月11日起恢复实施。\n本公告自公布之日起实施。\n")


@pytest.mark.parametrize("subject", ["上述公告所列11家美国实体相关处理措施", "上述公告所列的11家实体有关措施",
                                     "上述公告所列实体的相关措施", "上述公告所列11家美国实体的相关措施将"])
def test_a_restore_of_the_measures_of_the_notice_above_counted_is_read(subject: str) -> None:
    # text59/44, /52: held ("names no notice"); the count stays in the step's text for the engine's ``counted``
    n = _notice(UEL_RESTORE.format(subject=subject))
    assert _steps(n) == [("restore", ["UEL-2025-7"], "2026-11-11", None, ())]
    assert subject in n.actions[0].text


@pytest.mark.parametrize("subject", ["上述公告所列十一家美国实体中三家实体相关处理措施", "上述公告所列其余9家美国实体相关处理措施",
                                     "上述公告所列斯凯迪奥公司（Skydio Inc.）等2家美国实体相关处理措施", "上述11家美国实体相关处理措施"])
def test_some_of_the_notice_above_as_the_subject_is_never_the_whole_notice(subject: str) -> None:
    # some of them ("…中三家", "其余", names): never read as the whole of 7号; held, as before
    with pytest.raises(UnusablePage) as held:
        parse_document(UEL_RESTORE.format(subject=subject).encode("utf-8"))
    assert held.value.reason == "needs-review"


UEL7 = ("www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html",  # 〔2025〕7号
        "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_53ec1f591dba49a39b65fd89b6d73e6f.html",  # 2025-05-14
        "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_2d1e85ffaebf4ed9913f35f2afb5c436.html",  # 2025-08-12
        "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_3cd57285290044edb3036563bc4c7352.html")  # 2025-11-05


def test_the_engine_restores_the_whole_notice_only_when_the_count_is_all_of_it() -> None:
    """7号 and its three answers of 2025 with text59/52's restore: 11 of 11 restored from 2026-11-11; a count of 3 is below
    the 11 the restore would reach, so it changes nothing and is a problem (``lifecycle.counted``): loud, never 8 false."""
    base = []
    for rel in UEL7:
        doc = parse_document((REPO_ROOT / "fixtures" / rel).read_bytes(), url=f"https://{rel}")
        assert doc.notice is not None and doc.notice.published is not None
        base.append(stored(doc.notice, url=f"https://{rel}",
                           fetched=datetime.combine(doc.notice.published, datetime.min.time(), timezone.utc)))
    for count, rows in (("11", [("in_force", 11, date(2026, 11, 11), False)]),
                        ("3", [("lapsed", 11, date(2026, 11, 11), True)])):
        restore = _notice(UEL_RESTORE.format(subject=f"上述公告所列{count}家美国实体相关处理措施"))
        d = derive([*base, stored(restore, fetched=datetime(2026, 11, 19, tzinfo=timezone.utc))], date(2026, 11, 20))
        assert sorted((r.state.value, r.entity_count, r.since, r.presumed)
                      for r in d.states if r.notice_key == "UEL-2025-7") == rows
        assert any("UEL-2026-4" in str(p) and "states 3 entities" in str(p) for p in d.problems) is (count == "3")


WL = ("商务部公告2027年第6号 关于调整出口管制关注名单和两用物项出口管制管控名单的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第6号\n"
      "【发文日期】2027年02月03日\n\n商务部公告2027年第6号\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》有关规定，"
      "现就商务部公告2026年第28号所列实体的有关事项公告如下：\n一、旭光航空电子株式会社（Kyokko Avionics Co., Ltd.）在规定期限内未配合商务部开展"
      "核查。商务部决定将该实体调出出口管制关注名单，列入两用物项出口管制管控名单，禁止出口经营者向其出口两用物项。\n二、{second}\n"
      "本公告自公布之日起正式实施。\n\n商务部\n2027年2月3日\n")
K, M = "kyokkoavionics", "mishimainstruments"


@pytest.mark.parametrize(("second", "steps"), [
    # text59/49: item 二 lists its own entity by "将其列入" on the watch list
    ("三岛计测株式会社（Mishima Instruments Corporation）无法核实最终用户和最终用途，商务部决定将其列入出口管制关注名单。",
     [("remove", "watch", (K,)), ("impose", "ecl", (K,)), ("impose", "watch", (M,))]),
    # text59/50: by name, on the ECL, the list item 一 moves to (both on it: the whole notice's listing)
    ("商务部决定将三岛计测株式会社（Mishima Instruments Corporation）列入两用物项出口管制管控名单。",
     [("remove", "watch", (K,)), ("impose", "ecl", ())]),
    # text59/16: item 二 removes its own from the watch list (one removal of both, as before)
    ("三岛计测株式会社（Mishima Instruments Corporation）已配合商务部完成核查，经审查，商务部决定将其移出出口管制关注名单。",
     [("remove", "watch", (K, M)), ("impose", "ecl", (K,))]),
])
def test_each_item_opening_with_its_entity_lists_or_removes_its_own(second: str, steps: list[tuple[str, str, tuple[str, ...]]]) -> None:
    # text59/49, /50: the second entity's name not read: the listing put on the first, the second never listed (held since
    # text59); never the removal of the moved entity for the other
    n = _notice(WL.format(second=second))
    assert [(a.action.value, a.list.value if a.list else None, tuple(a.entities)) for a in n.actions] == steps
    assert [e.key for e in n.entities] == [K, M]
    assert all(not a.targets for a in n.actions)


@pytest.mark.parametrize("second", [
    # the pronoun's item names two, one of them not the listed: held, never the last name read alone
    "三岛计测株式会社（Mishima Instruments Corporation）为北辰贸易株式会社（Hokushin Trading Co.）的子公司，商务部决定将其列入出口管制关注名单。",
    # a pointer with a count: not read item by item (held, as before)
    "三岛计测株式会社（Mishima Instruments Corporation）、北辰贸易株式会社（Hokushin Trading Co.）无法核实最终用户，商务部决定将上述2家实体列入出口管制关注名单。",
])
def test_an_item_whose_own_names_are_not_sure_is_held(second: str) -> None:
    with pytest.raises(UnusablePage) as held:
        parse_document(WL.format(second=second).encode("utf-8"))
    assert held.value.reason == "needs-review"


@pytest.mark.parametrize(("seg", "zh", "country"), [
    ("有关美国实体霜岭导航公司（Frostridge Navigation Inc.）", "霜岭导航公司", "US"),  # cycles58/03 (B: the name kept the words)
    ("相关日本实体北辰贸易株式会社（Hokushin Trading Co.）", "北辰贸易株式会社", "JP"),
    ("美国实体天穹防务公司（Skydome Defense Inc.）", "天穹防务公司", "US"),  # as before (blind51/35)
    ("相关科技发展研究院（Related Tech Institute）", "相关科技发展研究院", None),  # 相关 opening a name: kept
])
def test_a_general_word_and_a_country_before_a_name_are_no_part_of_it(seg: str, zh: str, country: str | None) -> None:
    [e] = ent.prose_entities(seg)
    assert (e.zh, e.country) == (zh, country)


UEL9 = ("不可靠实体清单工作机制公告〔2026〕9号 关于调整不可靠实体清单工作机制公告〔2025〕7号相关措施的公告\n"
        "【发布文号】不可靠实体清单工作机制公告〔2026〕9号\n【发文日期】2026年12月07日\n\n"
        "不可靠实体清单工作机制公告〔2025〕7号相关措施的暂停期限已于2026年11月10日届满。根据《不可靠实体清单规定》有关规定，"
        "不可靠实体清单工作机制决定：\n一、将{removed}移出不可靠实体清单。\n二、对该公告所列其余9家实体，继续暂停实施相关措施至2027年11月10日，"
        "暂停期限自2026年11月11日起计算。\n本公告自公布之日起实施。\n")


@pytest.mark.parametrize("removed", ["该公告所列斯凯迪奥公司（Skydio Inc.）、英斯图公司（Insitu, Inc.）",
                                     "不可靠实体清单工作机制公告〔2025〕7号所列斯凯迪奥公司（Skydio Inc.）、英斯图公司（Insitu, Inc.）"])
def test_a_removal_by_name_and_the_others_continued(removed: str) -> None:
    # text59/41: held ("says 暂停实施 but names no notice"): the removal of "that notice's" names reached no notice, and the
    # others after a removal named nothing; the name kept "该公告所列"
    n = _notice(UEL9.format(removed=removed))
    assert _steps(n) == [("remove", ["UEL-2025-7"], "2026-12-07", None, ("skydio", "insitu")),
                         ("extend", ["UEL-2025-7"], "2026-11-11", "2027-11-10", ())]
    assert [e.zh for e in n.entities] == ["斯凯迪奥公司", "英斯图公司"] and n.stated_count is None and not n.warnings


def test_the_removed_are_no_part_of_the_others_continued_from_an_earlier_day() -> None:
    """7号, its three answers of 2025 and text59/41 through the engine: the 2 removed lapsed on 11-11 and were removed on 12-07,
    the 9 others extended from 11-11 (the 2 got a 'suspension extended' item back-dated to 11-11 the notice never said)."""
    notices = []
    for rel in UEL7:
        doc = parse_document((REPO_ROOT / "fixtures" / rel).read_bytes(), url=f"https://{rel}")
        assert doc.notice is not None and doc.notice.published is not None
        notices.append(stored(doc.notice, url=f"https://{rel}",
                              fetched=datetime.combine(doc.notice.published, datetime.min.time(), timezone.utc)))
    page = REPO_ROOT / "tests" / "data" / "corpus" / "text59" / "41-uel-2026-9-7hao-partly-removed-partly-continued-after-lapse.txt"
    notices.append(stored(_notice(page.read_text(encoding="utf-8")), fetched=datetime(2026, 12, 7, tzinfo=timezone.utc)))
    d = derive(notices, date(2026, 12, 8))
    assert sorted((r.state.value, r.entity_count, r.since, r.until) for r in d.states if r.notice_key == "UEL-2025-7") == [
        ("removed", 2, date(2026, 12, 7), None), ("suspended", 9, date(2026, 11, 11), date(2027, 11, 10))]
    late = {(e.kind.value, e.entity_key) for e in d.events if e.entity_key and e.effective and e.effective >= date(2026, 11, 11)}
    assert {k for k, key in late if key == "skydio"} == {"suspension_lapsed", "removed"}
    assert ("suspension_extended", "brincdrones") in late and not any("UEL-2026-9" in str(p) for p in d.problems)


BLOCKS = ("商务部公告2027年第14号 公布将2家美国实体列入出口管制管控名单的决定\n【发布文号】商务部公告2027年第14号\n【发文日期】2027年03月12日\n\n"
          "商务部决定将黑曜石传感公司等2家美国实体列入出口管制管控名单（见附件）。\n本公告自公布之日起正式实施。\n\n附件：\n出口管制管控名单\n"
          "（2027年3月12日）\n\n序号：1\n中文名称：黑曜石传感公司\n英文名称：Obsidian Sensing, Inc.\n{country}美国\n\n序号：2\n中文名称：琥珀微波公司\n"
          "英文名称：Amber Microwave Technologies LLC\n{country}美国\n\n商务部\n2027年3月12日\n")


@pytest.mark.parametrize("country", ["国家/地区：", "国家："])
def test_annex_blocks_each_opened_by_a_serial_line(country: str) -> None:
    # text59/30: no entity read, the count warned (audit45's blocks "1. 中文名称：…" were read)
    n = _notice(BLOCKS.format(country=country))
    assert [(e.zh, e.en, e.country) for e in n.entities] == [("黑曜石传感公司", "Obsidian Sensing, Inc.", "US"),
                                                             ("琥珀微波公司", "Amber Microwave Technologies LLC", "US")]
    assert not n.warnings


@pytest.mark.parametrize(("named", "zh"), [
    ("所列Source Intelligence公司（Source Intelligence, Inc.）", "Source Intelligence公司"),  # text59/37: "Intelligence公司"
    ("所列S3航空防务公司（S3 AeroDefense）", "S3航空防务公司"),
    ("所列萨斯情报公司（Source Intelligence, Inc.）", "萨斯情报公司"),
])
def test_a_prose_name_opening_with_latin_words_and_a_blank(named: str, zh: str) -> None:
    text = (f"商务部公告2025年第21号{named}已停止相关活动。经审查，商务部决定自2027年5月10日起将该实体移出出口管制管控名单。")
    n = _notice("商务部公告2027年第25号 关于调整出口管制管控名单的公告\n【发布文号】商务部公告2027年第25号\n【发文日期】2027年5月6日\n\n"
                + text + "\n本公告自公布之日起正式实施。\n\n商务部\n2027年5月6日\n")
    assert [e.zh for e in n.entities] == [zh]


HOLDS = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-10 22:00\n\n商务部新闻发言人就不可靠实体清单相关措施答记者问\n"
         "问：不可靠实体清单工作机制公告〔2025〕7号相关措施的暂停期限今日届满，请问中方如何考虑？\n答：{a}对不可靠实体清单工作机制公告〔2025〕7号"
         "相关措施采取的暂停措施{will}继续有效，有效期{longer}至2027年11月10日。\n")


@pytest.mark.parametrize("longer", ["", "延长"])
def test_a_decided_suspension_continuing_in_effect_to_a_day_is_an_extension(longer: str) -> None:
    # text59/38: held ("names a notice but reads no step")
    n = _notice(HOLDS.format(a="中方决定，", will="", longer=longer))
    assert _steps(n) == [("extend", ["UEL-2025-7"], "2026-11-10", "2027-11-10", ())]


@pytest.mark.parametrize(("a", "will"), [("目前，", ""), ("根据中方此前决定，", ""), ("如美方履行承诺，", "将")])
def test_a_suspension_told_or_conditioned_to_continue_is_held(a: str, will: str) -> None:
    with pytest.raises(UnusablePage) as held:
        parse_document(HOLDS.format(a=a, will=will, longer="").encode("utf-8"))
    assert held.value.reason == "needs-review"
