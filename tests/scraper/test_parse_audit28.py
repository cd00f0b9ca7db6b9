"""Session 28's blind audit (audit28, tests/data/corpus/audit28/): the faults it found, each as a short text read by the
parser (pure, milliseconds). The whole pages are pinned in the corpus."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import NoticeRecord, UnusablePage

ECL_HEAD = "商务部公告2026年第{n}号 {title}\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第{n}号\n【发文日期】2026年12月{d:02d}日\n\n"
ECL_TAIL = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月{d}日\n"
UEL_HEAD = ("不可靠实体清单工作机制公告〔2026〕{n}号 {title}\n【发布单位】安全与管制局\n【发布文号】不可靠实体清单工作机制公告〔2026〕{n}号\n"
            "【发文日期】2026年12月{d:02d}日\n\n")
UEL_TAIL = "\n\n本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n（商务部代章）\n2026年12月{d}日\n"
LISTING = ("根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，商务部决定将{names}等{count}家美国实体列入"
           "出口管制管控名单，并采取以下措施：\n\n一、禁止出口经营者向上述实体出口两用物项；正在开展的相关活动应当立即停止。")


def _notice(text: str, url: str | None = None) -> NoticeRecord:
    doc = parse_document(text.encode("utf-8"), url=url)
    assert doc.notice is not None
    return doc.notice


def _ecl(body: str, title: str = "关于调整出口管制管控名单的公告", n: int = 170, d: int = 28) -> NoticeRecord:
    return _notice(ECL_HEAD.format(n=n, title=title, d=d) + body + ECL_TAIL.format(d=d))


def _uel(body: str, title: str = "关于调整有关措施的公告", n: int = 20, d: int = 10) -> NoticeRecord:
    return _notice(UEL_HEAD.format(n=n, title=title, d=d) + body + UEL_TAIL.format(d=d))


def _steps(notice: NoticeRecord) -> list[tuple[str, list[str | None], str | None, tuple[str, ...]]]:
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.entities) for a in notice.actions]


def test_a_restore_decided_before_and_told_in_a_listing_is_no_step() -> None:
    """audit28/21: "商务部已于<day>决定，自…起恢复实施…" opening a new listing tells a decision taken before."""
    body = ("商务部已于2026年12月4日决定，自2026年11月10日起恢复实施商务部公告2025年第21号对内华达山脉公司等2家实体采取的相关措施。\n\n"
            + LISTING.format(names="立方任务解决方案公司（Cubic Mission Solutions, LLC）", count=1))
    assert _steps(_ecl(body)) == [("impose", [], "2026-12-28", ())]


def test_a_removal_dated_after_its_decision_names_its_own_entity_not_the_history() -> None:
    """audit28/04: "工作机制决定，自…起，将乙移出…" after a sentence recounting the listing of 甲 and 乙."""
    body = ("2025年1月14日，不可靠实体清单工作机制决定将海岸间电子公司（Inter-Coastal Electronics）、系统研究与模拟公司（System Studies & "
            "Simulation）等7家美国实体列入不可靠实体清单（不可靠实体清单工作机制公告〔2025〕2号）。\n\n其中，系统研究与模拟公司已采取纠正措施。"
            "工作机制决定，自2026年12月10日起，将系统研究与模拟公司移出不可靠实体清单。")
    notice = _uel(body)
    assert _steps(notice) == [("remove", [], "2026-12-10", ("systemstudiesandsimulation",))]
    assert [e.en for e in notice.entities] == ["System Studies & Simulation"]
    assert notice.stated_count is None and not notice.warnings  # 7 is the listing's count


def test_a_restore_of_named_entities_counted_without_deng_is_limited_to_them() -> None:
    """audit28/20: "恢复实施对A（a）、B（b）、C（c）3家实体采取的处理措施（…7号）" restores those three, not the whole notice."""
    body = ("依据《不可靠实体清单规定》有关规定，不可靠实体清单工作机制决定：\n一、自2026年12月24日起，恢复实施对斯凯迪奥公司（Skydio Inc.）、"
            "火风暴实验室公司（Firestorm Labs,Inc.）、英斯图公司（Insitu,Inc.）3家实体采取的处理措施（不可靠实体清单工作机制公告〔2025〕7号）。")
    assert _steps(_uel(body)) == [("restore", ["UEL-2025-7"], "2026-12-24", ("skydio", "firestormlabs", "insitu"))]


def test_an_item_naming_entities_under_a_decision_takes_the_notice_named_above() -> None:
    """audit28/01: item 一 restores two named entities and names no notice; the text names only No. 21 above its lead-in."""
    body = ("2025年4月4日，商务部发布公告（商务部公告2025年第21号），将高点航空技术公司等16家美国实体列入出口管制管控名单。\n\n商务部决定：\n\n"
            "一、自2026年11月10日起，恢复实施对内华达山脉公司（Sierra Nevada Corporation）、立方公司（Cubic Corporation）2家实体采取的相关措施。\n\n"
            "二、自2026年11月10日起，停止实施对商务部公告2025年第21号所列其余14家实体采取的相关措施。")
    notice = _ecl(body)
    assert _steps(notice) == [("restore", ["MOFCOM-2025-21"], "2026-11-10", ("sierranevada", "cubic")),
                              ("lift", ["MOFCOM-2025-21"], "2026-11-10", ())]
    assert notice.stated_count == 2 and not notice.warnings


def test_a_named_item_under_a_decision_naming_two_notices_above_stays_unread() -> None:
    """The notice above the lead-in is taken only when it is the only one named there: else refused for review."""
    body = ("商务部公告2025年第21号、第22号相关措施的暂停期限已届满。\n\n商务部决定：\n\n"
            "一、自2026年11月10日起，恢复实施对内华达山脉公司（Sierra Nevada Corporation）采取的相关措施。")
    with pytest.raises(UnusablePage, match="names no notice"):
        _ecl(body)


def test_one_measure_lifted_with_the_listing_kept_is_a_measure_lift() -> None:
    """audit28/05: "解除…对该企业采取的罚款措施；…仍在不可靠实体清单内" lifts the fine, not the listing."""
    body = ("2024年5月20日，工作机制决定将波音防务、空间与安全集团（Boeing Defense, Space & Security）列入不可靠实体清单（不可靠实体清单工作机制公告〔2024〕2号）。"
            "鉴于该企业已缴纳罚款，工作机制决定：\n\n一、解除不可靠实体清单工作机制公告〔2024〕2号对该企业采取的罚款措施；\n\n"
            "二、该企业仍在不可靠实体清单内，其他处理措施继续实施。")
    assert [(a.action.value, [t.key for t in a.targets]) for a in _uel(body).actions] == [("lift_measure", ["UEL-2024-2"])]
    whole = body.replace("仍在不可靠实体清单内，其他处理措施继续实施", "相关事宜另行公告")
    with pytest.raises(UnusablePage, match="named by what it bars"):
        _uel(whole)  # no word keeps the listing: once read as a lift of the whole listing (blind53: held since)


def test_a_move_from_the_watch_list_to_the_ecl_worded_zhuanru() -> None:
    """audit28/13: "决定将上述2家实体由关注名单转入出口管制管控名单" removes from the watch list and lists on the ECL."""
    body = ("经核查，其中三菱精密机械株式会社（Mitsubishi Precision Machinery Co., Ltd.）、东洋电波工业株式会社（Toyo Denpa Kogyo Co., Ltd.）"
            "未配合开展最终用户和最终用途核查。\n\n商务部决定将上述2家实体由关注名单转入出口管制管控名单，并采取以下措施：\n\n"
            "一、禁止出口经营者向上述2家实体出口两用物项。")
    notice = _ecl(body, title="关于将2家日本实体由关注名单转入出口管制管控名单的公告")
    assert [(a.action.value, a.list.value if a.list else None, a.entities) for a in notice.actions] == [
        ("remove", "watch", ("mitsubishiprecisionmachinery", "toyodenpakogyo")), ("impose", "ecl", ())]
    assert [e.zh for e in notice.entities] == ["三菱精密机械株式会社", "东洋电波工业株式会社"]


def test_a_removal_of_the_lines_named_in_the_sentence_before() -> None:
    """audit28/07: "…第23号附件第3项至第5项所列实体已…。商务部决定…将上述3家实体移出…": No. 23's lines 3, 4 and 5."""
    body = ("经审查，商务部公告2026年第23号附件第3项至第5项所列实体已作出书面承诺。商务部决定，自公布之日起将上述3家实体移出出口管制管控名单。")
    notice = _ecl(body, title="关于将3家实体移出出口管制管控名单的公告")
    assert _steps(notice) == [("remove", ["MOFCOM-2026-23"], "2026-12-28", ("第3项", "第4项", "第5项"))]


def test_a_name_opening_with_a_numeral_and_jia_is_no_count() -> None:
    """audit28/10: "三家湾防务公司（Three Bays Defense Corp.）" in a prose list is a name, "3家美国实体" a count."""
    names = ("实体清单合规伙伴公司（Entity List Compliance Partners LLC）、三家湾防务公司（Three Bays Defense Corp.）、"
             "名单数据系统公司（Roster Data Systems Inc.）")
    notice = _ecl(LISTING.format(names=names, count=3), title="公布将3家美国实体列入出口管制管控名单")
    assert [e.zh for e in notice.entities] == ["实体清单合规伙伴公司", "三家湾防务公司", "名单数据系统公司"]
    assert notice.stated_count == 3 and not notice.warnings


def test_english_names_in_full_width_latin_letters() -> None:
    """audit28/09: "（Ｎｏｒｔｈｓｔａｒ Ａｅｒｏ Ｉｎｃ．）" is an English name, read as ASCII (annex line and prose)."""
    annex = ("\n\n附件\n\n出口管制管控名单\n\n1. 北极星航空公司（Ｎｏｒｔｈｓｔａｒ Ａｅｒｏ Ｉｎｃ．）\n2. 铁砧战术公司（Ａｎｖｉｌ Tactical Group）\n")
    notice = _ecl(LISTING.format(names="北极星航空公司", count=2).replace("名单，", "名单（见附件），") + annex,
                  title="公布将2家美国实体列入出口管制管控名单")
    assert [(e.zh, e.en) for e in notice.entities] == [("北极星航空公司", "Northstar Aero Inc."),
                                                        ("铁砧战术公司", "Anvil Tactical Group")]


def test_a_former_name_before_the_english_in_its_bracket() -> None:
    """audit28/12: "（曾用名：海角声呐公司；Cape Sensing Corp.）": the English name, the former one an alias."""
    annex = "\n\n附件\n\n出口管制管控名单\n\n1. 海角传感公司（曾用名：海角声呐公司；Cape Sensing Corp.）\n"
    notice = _ecl(LISTING.format(names="海角传感公司", count=1).replace("名单，", "名单（见附件），") + annex,
                  title="公布将1家美国实体列入出口管制管控名单")
    assert [(e.zh, e.en, e.aliases) for e in notice.entities] == [("海角传感公司", "Cape Sensing Corp.", ("海角声呐公司",))]


def test_a_restore_after_a_history_sentence_dated_before_is_read() -> None:
    """audit28/02: "2025年11月5日，…继续暂停实施《…》（…7号）相关措施1年。" before the restore tells history: no refusal."""
    body = ("2025年11月5日，不可靠实体清单工作机制决定，自2025年11月10日起，继续暂停实施《不可靠实体清单工作机制关于将斯凯迪奥公司等11家美国实体"
            "列入不可靠实体清单的公告》（不可靠实体清单工作机制公告〔2025〕7号）相关措施1年。\n\n工作机制决定，自2026年11月10日起，恢复实施"
            "不可靠实体清单工作机制公告〔2025〕7号相关措施。")
    assert _steps(_uel(body, d=2)) == [("restore", ["UEL-2025-7"], "2026-11-10", ())]


def test_a_papers_full_text_lead_worded_kanfa() -> None:
    """audit28/18: "本报全文刊发如下。" promises the full text: the notice after it is read alone, by its number."""
    text = ("编者按：12月2日，不可靠实体清单工作机制发布公告，自2026年11月10日起恢复实施2025年4月4日公告相关措施。本报全文刊发如下。\n\n"
            "不可靠实体清单工作机制公告〔2026〕9号\n\n工作机制决定，自2026年11月10日起，恢复实施不可靠实体清单工作机制公告〔2025〕7号相关措施。"
            + UEL_TAIL.format(d=2))
    read = _notice(text)
    assert read.key == "UEL-2026-9" and _steps(read) == [("restore", ["UEL-2025-7"], "2026-11-10", ())]


def test_a_date_ref_with_a_vague_count_keeps_its_country() -> None:
    """audit28/22: "…被列入出口管制管控名单的十余家美国实体": no count, the country read."""
    text = ("商务部新闻发言人就暂停实施部分出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-18 20:00\n\n"
            "问：中方是否对相关措施作出调整？\n\n答：中方决定，自2026年12月20日起，暂停实施对2026年6月22日被列入出口管制管控名单的十余家美国实体"
            "采取的相关措施。\n")
    (action,) = _notice(text).actions
    (ref,) = action.targets
    assert (ref.date.isoformat() if ref.date else None, ref.count, ref.country) == ("2026-06-22", None, "US")


def test_one_date_ref_on_two_lists_with_their_counts() -> None:
    """audit28/23: "…被列入出口管制管控名单和不可靠实体清单的16家和11家美国实体，分别…恢复实施": one ref per list."""
    text = ("商务部新闻发言人就恢复实施出口管制管控名单和不可靠实体清单相关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-11 21:00\n\n"
            "问：请问中方有何考虑？\n\n答：中方决定，对2025年4月4日被列入出口管制管控名单和不可靠实体清单的16家和11家美国实体，"
            "分别自2026年11月10日起恢复实施相关措施。\n")
    (action,) = _notice(text).actions
    assert action.action.value == "restore" and action.list is None
    assert [(t.list.value if t.list else None, t.count) for t in action.targets] == [("ecl", 16), ("uel", 11)]


def test_a_parent_named_before_its_subsidiary_is_no_part_of_its_name() -> None:
    """audit28/21: "内华达山脉公司子公司内华达山脉空间系统公司（Sierra Space Systems, Inc.）": the subsidiary, the parent a note."""
    names = "内华达山脉公司子公司内华达山脉空间系统公司（Sierra Space Systems, Inc.）、立方任务解决方案公司（Cubic Mission Solutions, LLC）"
    notice = _ecl(LISTING.format(names=names, count=2), title="公布将2家美国实体列入出口管制管控名单")
    assert [(e.zh, e.note) for e in notice.entities] == [("内华达山脉空间系统公司", "内华达山脉公司子公司"), ("立方任务解决方案公司", None)]
