"""A listed entity renamed by its own choice (scraper/parse/renames.py): read as the new names keyed by the old name's
key, the old names kept as aliases, never refused once read whole; a rename not read whole stays refused for a person
to read (rules.checks.unread_name_change). story36 S3 (session 35): the page was refused, and once a person accepted
it, screening the new name missed the listed company."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse.notice import parse_text
from scraper.parse.renames import RENAME_MARKS, UNMARKED, read_renames
from storage.records import ActionKind, EntityRecord, NoticeRecord

HEAD = "商务部公告2027年第5号 关于出口管制管控名单所列实体更名的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第5号\n" \
       "【发文日期】2027年02月10日\n\n"
TAIL = "\n本公告自公布之日起施行。\n\n商务部\n2027年2月10日\n"
OMEGA = EntityRecord(zh="欧米茄防务公司", en="Omega Defense, Inc.", key="deltasystems",
                     aliases=("德尔塔系统公司", "Delta Systems, Inc."))
UNREAD = "a name change"


def _parse(body: str) -> NoticeRecord:
    rec = parse_text(HEAD + body + TAIL)
    assert rec is not None
    return rec


@pytest.mark.parametrize("body", [
    # story36 S3, as written
    "出口管制管控名单所列德尔塔系统公司（Delta Systems, Inc.）已更名为欧米茄防务公司（Omega Defense, Inc.）。更名后，该实体仍列入"
    "出口管制管控名单，相关管控措施继续实施。",
    # the notice named, quotation marks, "更名为" without 已
    "商务部公告2026年第43号所列“德尔塔系统公司（Delta Systems, Inc.）”更名为“欧米茄防务公司（Omega Defense, Inc.）”，"
    "对该实体采取的管控措施不变。",
    # "名称变更为", said again of "该实体"
    "经核实，出口管制管控名单所列德尔塔系统公司（Delta Systems, Inc.）已更名为欧米茄防务公司（Omega Defense, Inc.）。出口管制管控名单"
    "中该实体的名称相应变更为欧米茄防务公司（Omega Defense, Inc.），对其采取的管控措施不变。",
    # "已更名。" then the new name said of "该实体" (parse22's wording)
    "经核实，商务部公告2026年第43号所列“德尔塔系统公司（Delta Systems, Inc.）”已更名。现将出口管制管控名单中该实体的名称变更为"
    "“欧米茄防务公司（Omega Defense, Inc.）”。\n对该实体采取的管控措施不变。",
    # "现名"
    "经核实，出口管制管控名单所列德尔塔系统公司（Delta Systems, Inc.）现名欧米茄防务公司（Omega Defense, Inc.），相关管控措施继续实施。",
    # the new name first, "原名" after it
    "经核实，出口管制管控名单所列欧米茄防务公司（Omega Defense, Inc.），原名德尔塔系统公司（Delta Systems, Inc.），相关管控措施继续实施。",
    # "曾用名：" in brackets
    "出口管制管控名单所列欧米茄防务公司（Omega Defense, Inc.）（曾用名：德尔塔系统公司（Delta Systems, Inc.））的相关管控措施继续实施。",
], ids=["s3", "quoted", "said-again", "two-sentences", "xianming", "yuanming", "cengyongming"])
def test_a_rename_is_read_as_the_new_names_of_the_old_key(body: str) -> None:
    rec = _parse(body)
    assert rec.renamed == (OMEGA,)
    assert not [w for w in rec.warnings if UNREAD in w], rec.warnings
    assert rec.actions == () and rec.entities == ()  # no listing, no entity listed anew


def test_a_rename_beside_a_listing_is_read_for_both() -> None:
    rec = _parse("根据《中华人民共和国出口管制法》有关规定，商务部决定将伽马航空公司（Gamma Aviation LLC）1家美国实体列入出口管制管控"
                 "名单，禁止出口经营者向其出口两用物项。\n另经核实，出口管制管控名单所列德尔塔系统公司（Delta Systems, Inc.）已更名为"
                 "欧米茄防务公司（Omega Defense, Inc.），相关管控措施继续实施。")
    assert rec.renamed == (OMEGA,)
    assert [a.action for a in rec.actions] == [ActionKind.IMPOSE]
    assert [e.en for e in rec.entities] == ["Gamma Aviation LLC"]
    assert not [w for w in rec.warnings if UNREAD in w], rec.warnings


@pytest.mark.parametrize("body", [
    # two new names for one entity
    "出口管制管控名单所列德尔塔系统公司（Delta Systems, Inc.）已更名为欧米茄防务公司（Omega Defense, Inc.）。出口管制管控名单所列"
    "德尔塔系统公司（Delta Systems, Inc.）已更名为欧米茄系统公司（Omega Systems, Inc.）。",
    # a plan, not a rename made
    "出口管制管控名单所列德尔塔系统公司（Delta Systems, Inc.）拟更名为欧米茄防务公司（Omega Defense, Inc.），相关管控措施继续实施。",
    # no old name said to be listed
    "德尔塔系统公司（Delta Systems, Inc.）已更名为欧米茄防务公司（Omega Defense, Inc.），相关管控措施继续实施。",
    # a merger
    "出口管制管控名单所列德尔塔系统公司（Delta Systems, Inc.）与伽马航空公司（Gamma Aviation LLC）已合并，条目合并调整为欧米茄防务公司"
    "（Omega Defense, Inc.）。",
], ids=["two-new-names", "planned", "not-said-listed", "merger"])
def test_a_rename_not_read_whole_is_refused_for_a_person(body: str) -> None:
    rec = _parse(body)
    assert rec.renamed == ()
    assert [w for w in rec.warnings if UNREAD in w], rec.warnings


def test_an_annex_giving_a_listed_entity_its_present_name_is_no_rename() -> None:
    """"现名：" in a listing's annex is the listed entity's other name (an alias), as before: no rename."""
    rec = _parse("商务部决定将以下1家美国实体列入出口管制管控名单（见附件）。\n附件：出口管制管控名单\n"
                 "1．卡斯卡迪亚声呐公司（现名：蓝鲸海洋技术公司）（Cascadia Sonar LLC，现英文名称：Blue Whale Ocean Technologies LLC）")
    assert rec.renamed == ()
    assert [e.aliases for e in rec.entities] == [("Blue Whale Ocean Technologies LLC", "蓝鲸海洋技术公司")]


def test_a_uel_rename_keeping_the_suspended_state_is_read() -> None:
    """audit31/18's wording: "…所列红六解决方案公司（Red Six Solutions）已更名为…。…该实体的名称相应变更为…，对其适用的处理措施及其暂停实施
    状态不变": "暂停实施状态" is the state kept, no suspension naming no notice (refused for that before)."""
    text = ("不可靠实体清单工作机制公告〔2027〕4号 关于不可靠实体清单所列实体名称变更的公告\n\n不可靠实体清单工作机制公告〔2027〕4号\n\n"
            "经核实，不可靠实体清单工作机制公告〔2025〕7号所列红六解决方案公司（Red Six Solutions）已更名为红六航空航天公司（Red Six "
            "Aerospace, Inc.）。根据《不可靠实体清单规定》有关规定，不可靠实体清单中该实体的名称相应变更为红六航空航天公司（Red Six "
            "Aerospace, Inc.），对其适用的处理措施及其暂停实施状态不变。\n\n本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n2027年2月22日\n")
    rec = parse_text(text)
    assert rec is not None and rec.warnings == () and rec.actions == ()
    assert [(e.key, e.en) for e in rec.renamed] == [("redsixsolutions", "Red Six Aerospace, Inc.")]
    # the suspension word before a noun other than 状态 or 期 is still a step to read
    assert [w for w in parse_text(text.replace("及其暂停实施状态不变", "及其暂停实施不变")).warnings if "暂停实施" in w]


def test_the_name_change_check_spares_only_the_scans_the_rename_gate_made() -> None:
    """rules.checks.unread_name_change does not look again for 名称 and 更名 in a text read_renames left at its gate
    (``UNMARKED``, issue 11): both must be among the gate's marks, and a merger's words are still looked for (the
    "merger" case above: its text holds neither)."""
    assert {"名称", "更名"} <= set(RENAME_MARKS)
    assert read_renames("商务部决定将甲公司（Alpha Inc.）列入出口管制管控名单。", True) is UNMARKED
    assert read_renames("商务部决定将甲公司（Alpha Inc.）列入出口管制管控名单，其名称为甲。", True) is not UNMARKED


MFA_RENAME = Path(__file__).resolve().parents[1] / "data" / "stories38" / "mfa_rename" / "m2-mfa-order-2027-55-rename.txt"


def test_an_mfa_decision_changing_its_list_line_for_a_rename_is_read() -> None:
    """story38 (rename36's carried B): "鉴于A（a）已更名为B（b），将《反制清单》中的“A（a）”修改为“B（b）”" was refused as a decision cut
    short ("the decision refers to an annex (反制清单) it does not hold"), which `accept` cannot close. It is the rename;
    the same line changed with no rename said (a correction) is refused as before."""
    from scraper.parse.page import check_record

    text = MFA_RENAME.read_text(encoding="utf-8")
    rec = parse_text(text)
    assert rec is not None and rec.key == "MFA-ORDER-2027-55" and rec.actions == () and rec.warnings == ()
    assert rec.renamed == (EntityRecord(zh="北极星防务公司", en="Polaris Star Defense Inc.", key="starbridgedefense",
                                        aliases=("星桥防务公司", "Starbridge Defense Inc.")),)
    check_record(rec, text)  # no refusal
    corrected = text.replace("鉴于星桥防务公司（Starbridge Defense Inc.）已更名为北极星防务公司（Polaris Star Defense Inc.），", "")
    other = parse_text(corrected)
    assert other is not None and other.renamed == ()
    with pytest.raises(Exception, match="cut short"):
        check_record(other, corrected)
