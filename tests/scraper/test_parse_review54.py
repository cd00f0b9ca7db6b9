"""review54 (session 48): a clause after a step that names a notice by a bare number no reference reads, with a verb of its
own. Main read the step before alone (the clause's lift missed, silently) or gave the clause's step the notice of the
clause before (a false lift of No. 21, No. 22's missed), e.g. after the newly read "…相关措施暂停至<day>" (qa48's form):
"…第21号相关措施暂停至2027年6月30日，第22号相关措施停止实施" (held by unread_bare_notice before 暂停至 was a verb; read since as
the suspension alone). Which notice the clause acts on is not read: held for a person (checks.unread_numbered_clause)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

RELEASE = ("商务部新闻发言人就调整出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-09 17:00\n\n"
           "问：请问中方对有关措施有何新的安排？\n答：{a}\n")
N21 = "商务部公告2025年第21号"


def _steps(answer: str) -> list[tuple[str, list[str | None], str | None]]:
    notice = parse_document(RELEASE.format(a=answer).encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.until and a.until.isoformat()) for a in notice.actions]


@pytest.mark.parametrize("answer", [
    # the suspension alone read (the lift of No. 22 missed); "…，第22号相关措施停止实施" is read since session 57 (the number
    # takes the issuer and year named before it: tests/scraper/test_parse_held57.py)
    f"中方决定，自2026年12月10日起，{N21}相关措施暂停至2027年6月30日，22号公告相关措施停止实施。",
    # No. 21 lifted (false), No. 22's lift missed
    f"中方决定，自2026年12月15日起，继续暂停实施{N21}相关措施1年，停止实施22号公告相关措施。",
    f"商务部于2025年4月4日发布{N21}（以下简称21号公告）和第22号（以下简称22号公告）。中方决定，自2026年12月15日起，"
    "继续暂停实施21号公告相关措施1年，停止实施22号公告相关措施。",
])
def test_a_clause_naming_a_notice_by_a_bare_number_with_a_step_of_its_own_is_held(answer: str) -> None:
    with pytest.raises(UnusablePage) as caught:
        _steps(answer)
    assert caught.value.reason == "needs-review"
    assert "a notice no reference reads" in str(caught.value)


@pytest.mark.parametrize(("answer", "steps"), [
    (f"中方决定，自2026年12月10日起，{N21}相关措施暂停至2027年6月30日，商务部公告2025年第22号相关措施停止实施。",
     [("suspend", ["MOFCOM-2025-21"], "2027-06-30"), ("lift", ["MOFCOM-2025-22"], None)]),
    (f"中方决定，自2026年12月15日起，继续暂停实施{N21}相关措施1年，停止实施2025年第22号公告相关措施。",
     [("extend", ["MOFCOM-2025-21"], "2027-12-15"), ("lift", ["MOFCOM-2025-22"], None)]),
    (f"商务部于2025年4月4日发布{N21}（以下简称21号公告）和商务部公告2025年第22号（以下简称22号公告）。中方决定，自2026年12月15日起，"
     "继续暂停实施21号公告相关措施1年，停止实施22号公告相关措施。",
     [("extend", ["MOFCOM-2025-21"], "2027-12-15"), ("lift", ["MOFCOM-2025-22"], None)]),
    # the other notice kept as it is: no step, nothing held
    (f"中方决定，自2026年12月10日起，暂停实施{N21}相关措施，暂停期限为1年，第22号相关措施继续实施。",
     [("suspend", ["MOFCOM-2025-21"], "2027-12-10")]),
])
def test_a_clause_naming_its_notice_whole_is_read(answer: str, steps: list[tuple[str, list[str], str | None]]) -> None:
    assert _steps(answer) == steps


MFA = ("关于对有关美国军工企业采取反制措施的决定\n2034-06-02 10:00\n\n（2034年6月2日中华人民共和国外交部令第187号公布，自2034年6月2日起施行）\n\n"
       "美国宣布向中国台湾地区出售武器。依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，"
       "中方决定对{names}采取以下反制措施：\n\n一、冻结其在我国境内的动产、不动产和其他各类财产；\n\n"
       "二、禁止我国境内的组织、个人与其进行有关交易、合作等活动。\n\n本决定自2034年6月2日起施行。\n\n外交部\n2034年6月2日\n")


@pytest.mark.parametrize(("names", "want"), [
    # the last name holds 等, no count: read as "高能" and a description (a false target, the company lost, silently)
    ("凌云航空科技公司、高能等离子体武器公司", ["凌云航空科技公司", "高能等离子体武器公司"]),
    # a description after 等 stays one
    ("凌云航空科技公司、巨浪舰船公司等美国公司", ["凌云航空科技公司", "巨浪舰船公司"]),
    ("凌云航空科技公司、巨浪舰船公司等美国军工企业", ["凌云航空科技公司", "巨浪舰船公司"]),
    ("约翰·史密斯、彼得·琼斯等美国公司", ["约翰·史密斯", "彼得·琼斯"]),
])
def test_a_decision_s_last_name_holding_deng_is_a_name(names: str, want: list[str]) -> None:
    notice = parse_document(MFA.format(names=names).encode("utf-8")).notice
    assert notice is not None and not notice.warnings
    assert [e.zh for e in notice.entities] == want


WORDS = ("商务部公告2027年第153号 关于调整部分实体所在名单的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第153号\n"
         "【发文日期】2027年12月08日\n\n商务部公告2027年第153号\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》"
         "等法律法规有关规定，商务部决定，{body}\n\n本公告自公布之日起正式实施。\n\n商务部\n2027年12月8日\n")
NORTH = "北风推进公司（Northwind Propulsion Inc.）"
SOUTH = "南岭光学公司（Nanling Optics Inc.）"


@pytest.mark.parametrize("body", [
    # with "，": 南岭光学's removal missed; with "；": both removed from the ECL and both put on the watch list (南岭, falsely)
    f"将商务部公告2027年第101号所列{NORTH}由出口管制管控名单调至关注名单，将{SOUTH}移出出口管制管控名单。",
    f"将商务部公告2027年第101号所列{NORTH}由出口管制管控名单调至关注名单；将该公告所列{SOUTH}移出出口管制管控名单。",
])
def test_a_move_beside_another_step_on_the_lists_is_held(body: str) -> None:
    with pytest.raises(UnusablePage) as caught:
        parse_document(WORDS.format(body=body).encode("utf-8"))
    assert caught.value.reason == "needs-review"
    assert "a move to another list beside another step" in str(caught.value)


@pytest.mark.parametrize("body", [
    f"将商务部公告2027年第101号所列{NORTH}、{SOUTH}等2家实体由出口管制管控名单调至关注名单。",
    f"将商务部公告2027年第101号所列{NORTH}和商务部公告2027年第102号所列{SOUTH}由出口管制管控名单调至关注名单。",
])
def test_a_move_alone_is_read(body: str) -> None:
    notice = parse_document(WORDS.format(body=body).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.list and a.list.value) for a in notice.actions] == [("remove", "ecl"), ("impose", "watch")]
    assert [e.key for e in notice.entities] == ["northwindpropulsion", "nanlingoptics"]
