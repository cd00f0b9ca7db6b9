"""text59 (session 59): a blind round of official-style texts of 2026-11 to 2027 (tests/data/corpus/text59/, generator
/work/s59/text59/gen.py). What it found, each as the smallest text that shows it; the corpus pins hold the whole pages.

Class A found and fixed: an application '提出移出出口管制管控名单的申请' read as a removal from the notice's day (the entity
off the list four days early); an item under '中方决定：' with a back-dated start read as a recount and dropped (13
entities of No. 21 left lapsed, 'presumed back in force'); 'the others' after an item number '二、' not read; a move
'调出…关注名单，列入…管控名单' listing the whole notice (an entity only removed from the watch list put on the ECL); a day
between a pronoun and its verb read as a name. Made loud: a listing whose bracketed Latin name no entity read has, and a
lift of one measure, verb first, read as nothing."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from scraper.parse import parse_document
from storage.lifecycle import derive
from storage.records import NoticeRecord, UnusablePage
from tests.conftest import REPO_ROOT
from tests.storage.test_lifecycle_corpus import stored

HEAD = "{n} {title}\n【发布单位】安全与管制局\n【发布文号】{n}\n【发文日期】{d}\n\n{n}\n\n"
TAIL = "\n本公告自公布之日起正式实施。\n\n商务部\n{d}\n"
QA = "来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-03 20:00\n\n商务部新闻发言人就出口管制管控名单相关措施答记者问\n问：有何安排？\n答：{a}\n"


def _notice(text: str) -> NoticeRecord:
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    return doc.notice


def _steps(n: NoticeRecord) -> list[tuple[str, list[str | None], str | None, str | None, tuple[str, ...]]]:
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until.isoformat() if a.until else None,
             tuple(a.entities)) for a in n.actions]


def _ecl(body: str, n: str = "商务部公告2027年第25号", title: str = "关于调整出口管制管控名单的公告", d: str = "2027年5月6日") -> str:
    return HEAD.format(n=n, title=title, d=d) + body + TAIL.format(d=d)


APPLIED = ("商务部公告2025年第21号所列萨斯情报公司（Source Intelligence, Inc.）已停止相关活动，并向商务部提出移出出口管制管控名单的申请。"
           "经审查，商务部决定{decision}。")


@pytest.mark.parametrize("decision", ["自2027年5月10日起将该实体移出出口管制管控名单", "将该实体自2027年5月10日起移出出口管制管控名单"])
def test_an_application_naming_the_list_is_no_removal_and_a_day_after_the_pronoun_no_name(decision: str) -> None:
    # text59/37 and its probe /51: the application was read as a removal from the notice's day (05-06), the decided one
    # from 05-10 lost beside it; with the day after the pronoun, the entity read as "该实体自2027年5月10日起"
    n = _notice(_ecl(APPLIED.format(decision=decision)))
    assert _steps(n) == [("remove", [], "2027-05-10", None, ("sourceintelligence",))]
    assert [e.en for e in n.entities] == ["Source Intelligence, Inc."]


ITEMS = ("经研究，中方决定：\n一、自2026年12月10日起，恢复实施商务部公告2025年第21号中对高点航空技术公司（High Point Aerotechnologies）、"
         "立方公司（Cubic Corporation）2家美国实体的相关措施。\n二、对该公告所列其余14家美国实体，继续暂停实施相关措施{term}。")


def test_an_item_under_a_deciding_lead_is_decided_though_it_starts_weeks_before() -> None:
    # text59/09: item 二 has no 决定 of its own and starts three weeks before the answer: read as a recount, dropped
    n = _notice(QA.format(a=ITEMS.format(term="，暂停期限自2026年11月11日起至2027年11月10日止")))
    assert _steps(n) == [("restore", ["MOFCOM-2025-21"], "2026-12-10", None, ("highpointaerotechnologies", "cubic")),
                         ("extend", ["MOFCOM-2025-21"], "2026-11-11", "2027-11-10", ())]


def test_the_others_after_an_item_number_are_the_rest_of_the_notice_named_above() -> None:
    # text59/09's form with no start: "二、对该公告所列其余14家…" on its own line named no notice ("二、" before 对)
    n = _notice(QA.format(a=ITEMS.format(term="至2027年11月10日")))
    assert [(s[0], s[1], s[3]) for s in _steps(n)] == [("extend", ["MOFCOM-2025-21"], "2027-11-10"),
                                                        ("restore", ["MOFCOM-2025-21"], None)]


def test_a_told_decision_above_items_still_tells() -> None:
    # item_of_decision's edge: "中方此前决定：" tells an earlier decision; its items are not decided now
    a = "中方此前决定：\n一、自2025年11月10日起，继续暂停实施商务部公告2025年第21号相关措施1年。\n目前上述措施仍处于暂停状态。"
    try:
        n = _notice(QA.format(a=a))
    except UnusablePage:
        return  # held for a person: never a new extension
    assert _steps(n) == []


MOVE = ("一、旭光航空电子株式会社（Kyokko Avionics Co., Ltd.）在规定期限内未配合商务部开展核查。商务部决定将该实体调出出口管制关注名单，"
        "列入两用物项出口管制管控名单。\n二、{second}\n")


def test_a_move_lists_only_the_moved_entity() -> None:
    # text59/16: the listing read on the whole notice, the second entity (only removed from the watch list) put on the ECL
    n = _notice(_ecl(MOVE.format(second="三岛计测株式会社（Mishima Instruments Corporation）已配合商务部完成核查，经审查，"
                                        "商务部决定将其移出出口管制关注名单。")))
    assert [(a.action.value, a.list.value if a.list else None, tuple(a.entities)) for a in n.actions] == [
        ("remove", "watch", ("kyokkoavionics", "mishimainstruments")), ("impose", "ecl", ("kyokkoavionics",))]


def test_a_move_naming_its_entities_itself_lists_them_all() -> None:
    # the guard's mutation of audit43's move ("、" as "，"): the names' last run is 乙 alone; the move names both itself
    n = _notice(_ecl("商务部决定将甲公司（Alpha Inc.），乙公司（Beta LLC）移出出口管制关注名单，列入出口管制管控名单。\n"))
    assert [(a.action.value, tuple(a.entities)) for a in n.actions] == [("remove", ("alpha", "beta")), ("impose", ())]


@pytest.mark.parametrize("second", [
    # text59/49 and /50 themselves are read since text60 (session 60: tests/scraper/test_parse_text60.py); an item whose
    # pronoun's names are not sure still has a name no entity read
    "三岛计测株式会社（Mishima Instruments Corporation）为北辰贸易株式会社（Hokushin Trading Co.）的子公司，商务部决定将其列入出口管制关注名单。"])
def test_a_listing_whose_bracketed_name_no_entity_has_is_held(second: str) -> None:
    # text59/49, /50: the second item's name was not read, its listing put on the first's entity, silently
    with pytest.raises(UnusablePage) as held:
        parse_document(_ecl(MOVE.format(second=second)).encode("utf-8"))
    assert held.value.reason == "needs-review" and "Mishima Instruments Corporation" in str(held.value)


def test_a_defined_term_inside_a_names_bracket_is_no_name_unread() -> None:
    n = _notice(_ecl("商务部决定将天穹卫星通信公司（Skydome Satellite Communications, Inc.（the “Company”））列入出口管制管控名单。"))
    assert [e.en for e in n.entities] == ["Skydome Satellite Communications, Inc."]


def test_a_verb_first_lift_of_one_measure_read_as_nothing_is_held() -> None:
    # text59/22: no step, no warning: the lift of the investment ban lost, silently
    text = ("不可靠实体清单工作机制公告〔2027〕1号 关于解除部分处理措施的公告\n【发布文号】不可靠实体清单工作机制公告〔2027〕1号\n"
            "【发文日期】2027年01月20日\n\n不可靠实体清单工作机制公告〔2026〕7号所列铁砧防务系统公司（Anvil Defense Systems, Inc.）已按期缴纳罚款。"
            "根据《不可靠实体清单规定》第十一条，不可靠实体清单工作机制决定，自2027年1月20日起，解除禁止该企业在中国境内新增投资的处理措施。"
            "对该企业采取的其他处理措施继续有效。\n本公告自公布之日起实施。\n")
    with pytest.raises(UnusablePage) as held:
        parse_document(text.encode("utf-8"))
    assert held.value.reason == "needs-review" and "解除禁止该企业" in str(held.value)


def test_an_annex_line_with_a_slash_between_the_names() -> None:
    # text59/29: each line read whole as a Chinese name, no English
    n = _notice(_ecl("商务部决定将北风雷达公司等2家美国实体列入出口管制管控名单（见附件）。\n\n附件：出口管制管控名单\n\n"
                     "1. 北风雷达公司 / Northwind Radar Inc.\n2. 深蓝水下系统公司／Deep Blue Undersea Systems LLC\n"))
    assert [(e.zh, e.en) for e in n.entities] == [("北风雷达公司", "Northwind Radar Inc."),
                                                  ("深蓝水下系统公司", "Deep Blue Undersea Systems LLC")]


NO21 = ("www.mofcom.gov.cn/zcfb/blgg/art/2025/art_eba76b74d5e147c99fd86bc8a47c5b57.html",  # No. 21
        "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_56eb3af373f62dad744f712245a46d0b.html",  # 2025-05-14
        "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_ac5a19ec780f2934e1e2a68fcfc8804c.html",  # 2025-08-12
        "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_7e09fc75390f4a078466b56ac9d6503a.html")  # 2025-11-05
ANSWER = REPO_ROOT / "tests" / "data" / "corpus" / "text59" / "09-qa-2026-12-03-ecl21-three-restored-others-continued.txt"
ANSWER_PATH = "www.mofcom.gov.cn/xwfb/xwfyrth/art/2026/art_09a1b2c3d4e5f60718293a4b5c6d7e8f.html"


def test_the_continued_others_stay_suspended_in_the_engine() -> None:
    """text59/09 with No. 21 and its three answers of 2025, as stored pages, through the engine (``mofcom-watch replay``
    of the same pages into a SQLite file says the same; session 59): the 3 restored from 2026-12-10, the 13 suspended to
    2027-11-10 (they showed 'lapsed: presumed back in force, needs review', silently)."""
    pages = [(REPO_ROOT / "fixtures" / rel).read_bytes() for rel in NO21] + [ANSWER.read_bytes()]
    urls = [f"https://{rel}" for rel in NO21] + [f"https://{ANSWER_PATH}"]
    notices = []
    for raw, url in zip(pages, urls, strict=True):
        doc = parse_document(raw, url=url)
        assert doc.notice is not None, url
        fetched = datetime.combine(doc.notice.published or date(2026, 12, 3), datetime.min.time(), timezone.utc)
        notices.append(stored(doc.notice, url=url, fetched=fetched))
    rows = sorted((r.state.value, r.entity_count, r.since, r.until, r.presumed)
                  for r in derive(notices, date(2026, 12, 11)).states if r.notice_key == "MOFCOM-2025-21")
    assert rows == [("in_force", 3, date(2026, 12, 10), None, False),
                    ("suspended", 13, date(2026, 11, 11), date(2027, 11, 10), False)]


def test_a_restore_with_the_counted_measures_as_subject_read_as_nothing_is_held() -> None:
    # text59/52: "上述公告所列11家美国实体相关处理措施自…起恢复实施" read no step and warned nothing: the restore lost, silently
    # (that form is read since text60, session 60: tests/scraper/test_parse_text60.py; "上述11家…", no notice named, is held)
    text = ("不可靠实体清单工作机制公告〔2026〕4号 关于恢复实施有关措施的公告\n【发布文号】不可靠实体清单工作机制公告〔2026〕4号\n"
            "【发文日期】2026年11月19日\n\n不可靠实体清单工作机制公告〔2025〕7号相关措施的暂停期限已于2026年11月10日届满。不可靠实体清单工作机制"
            "决定，上述11家美国实体相关处理措施自2026年11月11日起恢复实施。\n本公告自公布之日起实施。\n")
    with pytest.raises(UnusablePage) as held:
        parse_document(text.encode("utf-8"))
    assert held.value.reason == "needs-review" and "恢复" in str(held.value)


def test_conduct_stopped_with_a_word_cut_short_is_no_lift() -> None:
    # the parser guard's mutation of the application text above: "已停止相活动" read as a lift of all of No. 21
    n = _notice(_ecl(APPLIED.replace("停止相关活动", "停止相活动").format(decision="自2027年5月10日起将该实体移出出口管制管控名单")))
    assert _steps(n) == [("remove", [], "2027-05-10", None, ("sourceintelligence",))]
