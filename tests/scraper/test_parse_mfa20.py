"""MFA decisions the session 20 blind audit (mfa20) found read wrongly, each in the wording that broke it (the whole
texts are tests/data/corpus/mfa20/, composed; names and numbers are illustrative)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import ActionKind, NoticeRecord, UnusablePage

HEAD = "{title}\n{day} 16:00\n\n（{cn}中华人民共和国外交部令第{n}号公布，自{cn}起施行）\n\n"
TAIL = "\n\n本决定自{cn}起施行。\n\n外交部\n{cn}\n"
LIFT = "依据《中华人民共和国反外国制裁法》第十五条规定，中方决定"
ORDER13 = "2024年10月10日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第13号）"


def decision(body: str, title: str = "关于停止实施部分反制措施的决定", day: str = "2026-11-25",
             cn: str = "2026年11月25日", n: int = 39) -> NoticeRecord:
    text = HEAD.format(title=title, day=day, cn=cn, n=n) + body + TAIL.format(cn=cn)
    rec = parse_document(text.encode()).notice
    assert rec is not None
    return rec


@pytest.mark.parametrize(("body", "measures", "named"), [
    # one person's asset freeze; his entry ban kept, said without 其他 (it read as a lift of his listing)
    (f"停止实施{ORDER13}中对亚当·布赖（Adam Bry）采取的冻结财产措施。对其不予签发签证、不准入境等措施继续实施。",
     ("asset_freeze",), ("adambry",)),
    # the whole decision's transaction ban; the freeze kept
    (f"自2026年11月26日起，停止实施{ORDER13}中的禁止交易、合作措施。该决定规定的冻结财产措施继续实施。",
     ("transaction_ban",), ()),
    # the entry ban, by the decision's own words
    (f"解除{ORDER13}规定的不予签发签证、不准入境措施。", ("entry_ban",), ()),
    # two measures named: still some, not "all" (the engine makes it a lift where they are all the listing's)
    (f"停止实施{ORDER13}中的冻结财产和禁止交易、合作措施。", ("asset_freeze", "transaction_ban"), ()),
])
def test_a_lift_naming_measures_lifts_those_measures(body: str, measures: tuple[str, ...], named: tuple[str, ...]) -> None:
    rec = decision(LIFT + body)
    [action] = rec.actions
    assert (action.action, action.measures, action.entities) == (ActionKind.LIFT_MEASURE, measures, named)
    assert [t.key for t in action.targets] == ["MFA-ORDER-2024-13"]
    assert rec.warnings == ()


@pytest.mark.parametrize("body", [
    f"停止实施{ORDER13}相关措施。",
    f"停止实施{ORDER13}中对亚当·布赖（Adam Bry）采取的反制措施。",
    f"终止实施{ORDER13}所列全部反制措施。",
    f"停止实施{ORDER13}中对亚当·布赖（Adam Bry）采取的冻结财产等反制措施。",
])
def test_a_lift_of_the_countermeasures_as_a_whole_is_a_lift(body: str) -> None:
    [action] = decision(LIFT + body).actions
    assert (action.action, action.measures) == (ActionKind.LIFT, ())


def test_a_suspension_of_one_measure_is_for_a_person_to_read() -> None:
    text = HEAD.format(title="关于暂停实施部分反制措施的决定", day="2026-11-25", cn="2026年11月25日", n=39) + LIFT + (
        f"自2026年11月25日起，暂停实施{ORDER13}中的禁止交易、合作措施，为期一年。") + TAIL.format(cn="2026年11月25日")
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode())
    assert caught.value.reason == "needs-review"


TABLE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于对美国军工企业及高级管理人员采取反制措施的决定</title>
<meta name="PubDate" content="2026-11-20 16:30"></head><body>
<div class="news-title"><h1>关于对美国军工企业及高级管理人员采取反制措施的决定</h1></div>
<div id="News_Body_Txt_A">
<p>（2026年11月20日中华人民共和国外交部令第38号公布，自2026年11月20日起施行）</p>
<p>依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定对参与上述军售的三家美国军工企业及两名高级管理人员采取以下反制措施：</p>
<p>一、对北极光防务系统公司、蓝岭航空电子公司、卡斯卡特推进技术公司等3家后附《反制清单》列明的企业，冻结在我国境内的动产、不动产和其他各类财产；禁止我国境内的组织、个人与其进行有关交易、合作等活动。</p>
<p>二、对约翰·卡特、丽莎·温斯顿等2名后附《反制清单》列明的高级管理人员，对其本人不予签发签证、不准入境（包括香港、澳门）。</p>
<p>本决定自2026年11月20日起施行。</p><p>附件：反制清单</p><p>外交部</p><p>2026年11月20日</p>
<p>附件</p><p>反制清单</p>
<p>一、企业</p>
<table><tbody>
<tr><td>序号</td><td>中文名称</td><td>英文名称</td></tr>
<tr><td>1</td><td>北极光防务系统公司</td><td>Aurora Defense Systems, Inc.</td></tr>
<tr><td>2</td><td>蓝岭航空电子公司</td><td>Blue Ridge Avionics LLC</td></tr>
<tr><td>3</td><td>卡斯卡特推进技术公司</td><td>Cascade Propulsion Technologies Corp.</td></tr>
</tbody></table>
<p>二、高级管理人员</p>
<table><tbody>
<tr><td>序号</td><td>姓名</td><td>英文姓名</td><td>性别</td><td>职务</td></tr>
<tr><td>1</td><td>约翰·卡特</td><td>John Carter</td><td>男</td><td>北极光防务系统公司首席执行官</td></tr>
<tr><td>2</td><td>丽莎·温斯顿</td><td>Lisa Winston</td><td>女</td><td>蓝岭航空电子公司总裁</td></tr>
</tbody></table>
</div></body></html>"""


def test_an_annex_laid_out_as_tables_is_read_by_its_header_cells() -> None:
    rec = parse_document(TABLE_PAGE.encode(), url="https://www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/"
                                                  "202611/t20261120_11800038.shtml").notice
    assert rec is not None
    assert [(e.zh, e.en, e.type, e.n) for e in rec.entities] == [
        ("北极光防务系统公司", "Aurora Defense Systems, Inc.", "organization", 1),
        ("蓝岭航空电子公司", "Blue Ridge Avionics LLC", "organization", 2),
        ("卡斯卡特推进技术公司", "Cascade Propulsion Technologies Corp.", "organization", 3),
        ("约翰·卡特", "John Carter", "individual", 1),
        ("丽莎·温斯顿", "Lisa Winston", "individual", 2)]
    assert rec.entities[3].note == "男，北极光防务系统公司首席执行官"
    # the opening's "三家…及两名…" restates the counts the measures give with their names: 5, not 10
    assert (rec.stated_count, rec.warnings) == (5, ())


def test_a_mofcom_order_lifting_one_measure_lifts_that_measure() -> None:
    text = ("商务部令2026年第5号 关于停止实施部分反制措施的决定\n【发布单位】安全与管制局\n【发布文号】商务部令2026年第5号\n"
            "【发文日期】2026年11月20日\n\n商务部令\n2026年第5号\n\n《关于停止实施部分反制措施的决定》已经2026年11月18日商务部第20次"
            "部务会议审议通过，现予公布，自公布之日起施行。\n\n部长　王文涛\n2026年11月20日\n\n关于停止实施部分反制措施的决定\n\n"
            "根据《中华人民共和国反外国制裁法》等法律法规的有关规定，商务部决定停止实施《关于对韩华海洋株式会社美国相关子公司采取"
            "反制措施的决定》（商务部令2025年第6号）中的{what}措施{rest}\n\n本决定自公布之日起施行。\n")
    rec = parse_document(text.format(what="禁止进出口", rest="，该决定规定的禁止交易、合作措施继续实施。").encode()).notice
    assert rec is not None
    [action] = rec.actions
    assert (action.action, action.measures, [t.key for t in action.targets]) == (
        ActionKind.LIFT_MEASURE, ("trade_ban",), ["MOFCOM-ORDER-2025-6"])
    rec = parse_document(text.format(what="相关", rest="。").encode()).notice
    assert rec is not None and [a.action for a in rec.actions] == [ActionKind.LIFT]


def test_a_lift_of_different_measures_for_different_targets_is_for_a_person_to_read() -> None:
    body = (LIFT + f"停止实施{ORDER13}中对亚当·布赖（Adam Bry）采取的冻结财产措施，以及对汤姆·莫斯（Tom Moss）采取的不予签发签证、"
            "不准入境措施。该决定规定的其他反制措施继续实施。")
    text = HEAD.format(title="关于停止实施部分反制措施的决定", day="2026-11-25", cn="2026年11月25日", n=39) + body + TAIL.format(
        cn="2026年11月25日")
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode())
    assert caught.value.reason == "needs-review"


def test_an_answer_deciding_countermeasures_with_no_decree_is_for_a_person_to_read() -> None:
    answer = ("2026年11月18日外交部发言人主持例行记者会\n2026-11-18 20:05\n\n问：美国国会众议员埃里克·桑德斯日前窜访台湾地区。中方对此有何回应？\n\n"
              "答：依据《中华人民共和国反外国制裁法》第四条、第五条、第六条、第九条、第十五条规定，中方决定对埃里克·桑德斯（Eric Sanders）"
              "采取以下反制措施：冻结其在我国境内的动产、不动产和其他各类财产；对其本人及直系亲属不予签发签证、不准入境。\n")
    with pytest.raises(UnusablePage) as caught:
        parse_document(answer.encode())
    assert caught.value.reason == "needs-review"
    # an answer recalling countermeasures taken before decides nothing new: no review
    recalled = answer.replace("中方决定对埃里克·桑德斯（Eric Sanders）采取以下反制措施", "中方已于上月依法对埃里克·桑德斯采取反制措施")
    rec = parse_document(recalled.encode()).notice
    assert rec is not None and rec.actions == ()


def test_a_mofcom_order_suspending_one_measure_is_for_a_person_to_read() -> None:
    text = ("商务部令2026年第5号 关于暂停实施部分反制措施的决定\n【发布单位】安全与管制局\n【发布文号】商务部令2026年第5号\n"
            "【发文日期】2026年11月20日\n\n商务部令\n2026年第5号\n\n《关于暂停实施部分反制措施的决定》已经2026年11月18日商务部第20次"
            "部务会议审议通过，现予公布，自公布之日起施行。\n\n部长　王文涛\n2026年11月20日\n\n关于暂停实施部分反制措施的决定\n\n"
            "根据《中华人民共和国反外国制裁法》等法律法规的有关规定，商务部决定自2026年11月20日起，暂停实施《关于对韩华海洋株式会社美国"
            "相关子公司采取反制措施的决定》（商务部令2025年第6号）中的{what}措施，为期一年。\n\n本决定自公布之日起施行。\n")
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.format(what="禁止进出口").encode())
    assert caught.value.reason == "needs-review"
    rec = parse_document(text.format(what="相关").encode()).notice
    assert rec is not None and [a.action for a in rec.actions] == [ActionKind.SUSPEND]
