"""Session 52's blind round on UEL and watch-list texts of 2027-2028 (blind53, tests/data/corpus/blind53/): listings with
measures per entity and fines, investigations opened and ended, removals after 核查 / 整改, moves between lists, a measure
of one entity lifted or suspended while its others stay, corrections, mirror, gov.cn and English copies, news and
answers. The faults it found, each reproduced with a whole notice or answer through the parser."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

UEL = ("不可靠实体清单工作机制公告〔2028〕3号 关于调整有关处理措施的公告\n【发布单位】不可靠实体清单工作机制\n"
       "【发布文号】不可靠实体清单工作机制公告〔2028〕3号\n【发文日期】2028年04月01日\n\n"
       "不 可 靠 实 体 清 单 工 作 机 制\n公 告\n2028年 第3号\n\n"
       "凯斯特雷尔光学有限公司（Kestrel Optics Ltd.）提出申请。经审查，不可靠实体清单工作机制决定，自2028年4月1日起，"
       "{verb}不可靠实体清单工作机制公告〔2028〕2号中对凯斯特雷尔光学有限公司采取的{what}。\n本公告自公布之日起实施。\n\n"
       "不可靠实体清单工作机制（商务部代章）\n2028年4月1日\n")
QA = ("商务部新闻发言人就调整不可靠实体清单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2027-10-15 21:00\n\n"
      "问：请问商务部对此有何回应？\n\n答：经审查，不可靠实体清单工作机制决定，自2027年10月16日起，暂停实施不可靠实体清单"
      "工作机制公告〔2027〕6号中对哨兵生物基因公司采取的{what}，为期一年。\n")
ENTRY_BAN = "禁止高级管理人员入境和不批准并取消高级管理人员在中国境内工作许可、停留或者居留资格的措施"


def _reason(text: str) -> str:
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode("utf-8"))
    assert caught.value.reason == "needs-review"
    return caught.value.detail


def _steps(text: str) -> list[tuple[str, list[str | None], list[str]]]:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, [t.key for t in a.targets], list(a.entities)) for a in notice.actions]


# --- blind53/29, /21: a step on one of an entity's measures named by what it bars ------------------------------------------

@pytest.mark.parametrize("verb", ["停止实施", "解除", "恢复实施"])
def test_a_stop_of_a_measure_named_by_what_it_bars_is_held(verb: str) -> None:
    # was a lift of Kestrel's whole listing (off the UEL), silently: only its entry ban and permits were stopped
    assert "named by what it bars" in _reason(UEL.format(verb=verb, what=ENTRY_BAN))


@pytest.mark.parametrize("what", ["禁止在中国境内新增投资的处理措施", "“禁止从事与中国有关的进出口活动”的措施", "罚款措施"])
def test_a_suspension_of_one_measure_in_an_answer_is_held(what: str) -> None:
    # was a suspension of all of Sentinel's measures for a year, its import and export ban too, silently
    assert "named by what it bars" in _reason(QA.format(what=what))


ANSWER = ("商务部新闻发言人就不可靠实体清单有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2027-06-16 17:00\n\n"
          "问：请问商务部对此有何回应？\n\n答：不可靠实体清单工作机制决定，{decision}\n")


@pytest.mark.parametrize("decision", [
    # the measure after "…所列X的", no 采取的 (was: all of 〔2027〕6号 suspended, both entities, silently)
    "自2027年6月17日起，暂停对不可靠实体清单工作机制公告〔2027〕6号所列哨兵生物基因公司的禁止新增投资措施，为期一年。",
    # the measure after "…处理措施中的" (was: all of X's measures suspended, silently)
    "自2027年6月17日起，暂停实施不可靠实体清单工作机制公告〔2027〕6号对哨兵生物基因公司采取的处理措施中的禁止新增投资措施。",
    # the object first, the verb last (was: all of X's measures suspended, silently)
    "不可靠实体清单工作机制公告〔2027〕6号对哨兵生物基因公司采取的禁止新增投资的处理措施，自2027年6月17日起暂停实施，为期一年。",
])
def test_a_measure_named_in_other_forms_is_held(decision: str) -> None:
    assert "named by what it bars" in _reason(ANSWER.format(decision=decision))


@pytest.mark.parametrize("what", ["相关措施", "全部处理措施"])
def test_a_stop_of_the_whole_listing_of_one_entity_is_still_read(what: str) -> None:
    assert _steps(UEL.format(verb="停止实施", what=what)) == [("lift", ["UEL-2028-2"], ["kestreloptics"])]


# --- blind53/08: names of the sentence before "上述2家实体", after the verb 发现 ------------------------------------------------

WL = ("商务部公告2027年第28号 关于将2家实体列入关注名单的公告\n【发布单位】商务部\n【发布文号】商务部公告2027年第28号\n"
      "【发文日期】2027年05月12日\n\n商务部公告2027年第28号\n\n根据《中华人民共和国出口管制法》有关规定，商务部在最终用户和最终用途"
      "核查中，发现东和精密机械株式会社（Towa Precision Machinery Co., Ltd.）、澜海贸易私人有限公司（Lanhai Trading Pte. Ltd.）"
      "未能配合核查。商务部决定将上述2家实体列入关注名单。\n本公告自公布之日起实施。\n\n商务部\n2027年5月12日\n")


def test_a_name_after_faxian_does_not_keep_the_verb() -> None:
    notice = parse_document(WL.encode("utf-8")).notice
    assert notice is not None  # the first name was "发现东和精密机械株式会社"
    assert [e.zh for e in notice.entities] == ["东和精密机械株式会社", "澜海贸易私人有限公司"]


# --- blind53's probes a3, a8, a9: "不再对…所列X适用…措施", a lift no step reads ----------------------------------------------

@pytest.mark.parametrize("decision", [
    "自2027年6月17日起，不再对不可靠实体清单工作机制公告〔2027〕6号所列哨兵生物基因公司适用禁止其高级管理人员入境的处理措施。",
    "自2027年6月17日起，不再对不可靠实体清单工作机制公告〔2027〕6号所列哨兵生物基因公司适用相关措施。",
])
def test_measures_no_longer_applied_in_an_answer_are_held(decision: str) -> None:
    # was: "no action found in the answer" (a warning), the listing unchanged, silently
    assert "不再对" in _reason(ANSWER.format(decision=decision))


def test_measures_no_longer_applied_in_a_notice_are_held() -> None:
    # was: a numbered notice changing nothing, no warning at all
    text = UEL.replace("{verb}不可靠实体清单工作机制公告〔2028〕2号中对凯斯特雷尔光学有限公司采取的{what}",
                       "不再对不可靠实体清单工作机制公告〔2028〕2号所列凯斯特雷尔光学有限公司适用相关处理措施")
    assert "reads no step" in _reason(text)


# --- blind53/12: a correction naming the half it corrects after the quote -----------------------------------------------------

def test_a_correction_naming_the_english_name_after_the_quote_renames() -> None:
    text = ("不可靠实体清单工作机制公告〔2027〕16号 关于更正不可靠实体清单工作机制公告〔2027〕5号有关内容的公告\n"
            "【发布单位】不可靠实体清单工作机制\n【发布文号】不可靠实体清单工作机制公告〔2027〕16号\n【发文日期】2027年03月12日\n\n"
            "不可靠实体清单工作机制公告〔2027〕5号中“红杉防务系统公司（Redwood Defense Systems, Inc.）”的英文名称有误，现更正为"
            "“红杉防务系统公司（Redwood Defence Systems, Inc.）”。该公告其他内容不变。\n本公告自公布之日起实施。\n\n"
            "不可靠实体清单工作机制（商务部代章）\n2027年3月12日\n")
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None  # was: no entity, no rename (the engine: "the correction is not applied")
    assert [(e.zh, e.en) for e in notice.entities] == [("红杉防务系统公司", "Redwood Defence Systems, Inc.")]
