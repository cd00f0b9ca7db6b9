"""The member state of an EU target of an MFA decision (scraper/parse/mfa/).

A decision on European targets names the group "欧洲有关机构和人员" (country EU, from the title) and gives each target's
member state on its annex line ("（English），德国", "男，德国籍，…") or beside its name in the measures ("X（德国）").
Before session 16 every target got EU, the member state left in the note (session 15's audit case 14, C). Now the
state given on the line is the target's country (the note keeps the clause, as written); a target whose line names
none keeps the decision's. The names are test names (测试…, Test …); the wording is the MFA's.
"""

from __future__ import annotations

from scraper.parse import parse_text

HEAD = (
    "关于对欧洲有关机构和人员采取反制措施的决定\n2025-03-21 15:00\n"
    "（2025年3月21日中华人民共和国外交部令第17号公布，自2025年3月21日起施行）\n"
    "依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定对以下欧洲机构和人员采取反制措施：\n"
)
MEASURES = "冻结在我国境内的动产、不动产和其他各类财产；禁止我国境内的组织、个人与其进行有关交易、合作等活动。"
BODY = HEAD + (
    f"一、对测试研究中心（德国）、测试基金会（丹麦）、测试论坛等3家后附《反制清单》列明的机构，{MEASURES}\n"
    f"二、对测试人员甲（欧洲议会议员）、测试人员乙（学者）等2名后附《反制清单》列明的人员，{MEASURES}\n"
    "本决定自2025年3月21日起施行。\n附件：反制清单\n外交部\n2025年3月21日\n"
)
ANNEX = (
    "附件\n反制清单\n一、机构\n（一）测试研究中心（Test Institute for China Studies），德国\n"
    "（二）测试基金会（Test Democracies Foundation），丹麦\n（三）测试论坛（Test Forum）\n"
    "二、人员\n（一）测试人员甲（Test Person A），男，德国籍，欧洲议会议员\n（二）测试人员乙（Test Person B），男，法国籍，学者\n"
)


def test_each_target_gets_the_member_state_its_line_gives() -> None:
    rec = parse_text(BODY + ANNEX)
    assert rec is not None and rec.warnings == ()
    assert [(e.zh, e.country, e.note) for e in rec.entities] == [
        ("测试研究中心", "DE", "德国"), ("测试基金会", "DK", "丹麦"), ("测试论坛", "EU", None),
        ("测试人员甲", "DE", "德国籍，欧洲议会议员"), ("测试人员乙", "FR", "法国籍，学者")]


def test_without_an_annex_the_state_beside_a_name_in_the_measures_counts() -> None:
    rec = parse_text(BODY.replace("后附《反制清单》列明的", "").replace("附件：反制清单\n", ""))
    assert rec is not None
    assert [(e.zh, e.country) for e in rec.entities] == [
        ("测试研究中心", "DE"), ("测试基金会", "DK"), ("测试论坛", "EU"), ("测试人员甲", "EU"), ("测试人员乙", "EU")]
