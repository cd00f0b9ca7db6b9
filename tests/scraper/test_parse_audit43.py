"""Session 43's blind round 29 (audit43, tests/data/corpus/audit43/) and audit42's open B, each as a short text.
A saved text opening with a frame heading ("相关阅读：", "最新发布") lost its own title line and its 【发布…】 lines as
frame titles (review45's B); English names in a romanised Japanese legal form ("… K.K.") got no country (audit42/24)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.faults.harness import cli

STORIES = Path(__file__).parents[1] / "data" / "stories42" / "partial_restore"
RESTORE = (STORIES / "p1-mofcom-2026-289-restore-three.txt").read_text(encoding="utf-8")
TITLE = "商务部公告2026年第289号 关于对商务部公告2025年第21号所列部分实体恢复实施相关措施的公告"


@pytest.mark.parametrize("head", ["相关阅读：\n\n", "最新发布\n", "【推荐阅读】\n"])
def test_a_frame_heading_before_the_texts_own_title_keeps_the_title(head: str) -> None:
    """review45's B (session 42): the title line under the heading, and its 【发布单位】/【发布文号】 lines, were dropped as
    frame titles: the title read from the first sentence. The line opening with the number the text gives itself is its own."""
    notice = parse_document((head + RESTORE).encode()).notice
    assert notice is not None
    assert (notice.key, notice.title) == ("MOFCOM-2026-289", TITLE)
    assert [(a.action.value, [t.key for t in a.targets]) for a in notice.actions] == [
        ("restore", ["MOFCOM-2025-21"]), ("extend", ["MOFCOM-2025-21"])]


def test_frame_titles_naming_another_number_are_still_dropped() -> None:
    """The rule above keeps only the text's own title: a frame title under the heading naming No. 245 stays out."""
    frame = "相关阅读：\n商务部公告2026年第245号 关于停止执行商务部公告2025年第21号相关措施的公告\n\n"
    notice = parse_document((RESTORE + "\n" + frame).encode()).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets]) for a in notice.actions] == [
        ("restore", ["MOFCOM-2025-21"]), ("extend", ["MOFCOM-2025-21"])]


@pytest.mark.parametrize(("english", "country"), [("Shinonome Aero Giken K.K.", "JP"),
                                                  ("Mishima Tokushuko Kabushiki Kaisha", "JP"),
                                                  ("Hokushin Optics Co., Ltd.", None)])
def test_a_romanised_japanese_legal_form_gives_the_country(english: str, country: str | None) -> None:
    """audit42/24: no country word in the text; "K.K." and "Kabushiki Kaisha" are Japanese forms only (株式会社 is not)."""
    text = ("不可靠实体清单工作机制公告〔2026〕48号\n不可靠实体清单工作机制决定将参与对台湾地区军事技术合作的东雲航空技研株式会社"
            f"（{english}）列入不可靠实体清单，并采取以下处理措施：\n一、禁止上述企业从事与中国有关的进出口活动。\n本公告自公布之日起实施。\n"
            "不可靠实体清单工作机制\n（商务部代章）\n2026年12月24日\n")
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert [(e.en, e.country) for e in notice.entities] == [(english, country)]


CORPUS = Path(__file__).parents[1] / "data" / "corpus"
NO_23 = ("商务部公告2026年第23号 关于将2家美国实体列入{list}的公告\n商务部公告2026年第23号\n根据《中华人民共和国出口管制法》和《中华人民共和国"
         "两用物项出口管制条例》等法律法规有关规定，决定将以下2家美国实体列入{list}（见附件）。\n本公告自公布之日起正式实施。\n附件：{list}\n"
         "1. 灰岩导航公司（Greystone Navigation Inc.）\n2. 北角雷达公司（North Cape Radar LLC）\n商务部\n2026年6月22日\n")
LIFT_23 = ("商务部公告2027年第3号 关于停止执行商务部公告2026年第23号相关措施的公告\n商务部公告2027年第3号\n根据《中华人民共和国出口管制法》"
           "等有关规定，商务部决定，自2027年1月10日起，停止执行商务部公告2026年第23号相关措施。\n本公告自2027年1月10日起正式实施。\n商务部\n"
           "2027年1月6日\n")


@pytest.mark.parametrize(("list_name", "code", "named"), [("出口管制管控名单", "ecl", False), ("出口管制关注名单", "watch", False),
                                                        ("出口管制管控名单", "ecl", True)])
def test_entities_added_to_an_earlier_notices_annex_are_on_its_list(tmp_path: Path, list_name: str, code: str,
                                                                    named: bool) -> None:
    """audit42/26: "决定在商务部公告2026年第23号附件中增列以下2家美国实体，并对其采取该公告所列措施" was read as a measure naming no
    list ('names no list', exit 1): the 2 were on no list. Now a listing on No. 23's list (the engine takes it from the stored
    No. 23), joined to No. 23, so a later stop of No. 23 lifts them too. With the list named ("…第23号附件《出口管制管控名单》中
    增列", a probe after the fix) the 2 were listed but not joined: the stop of No. 23 left them in force, silently."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "23.txt").write_text(NO_23.format(list=list_name), encoding="utf-8")
    added = next((CORPUS / "audit42").glob("26-*.txt")).read_text(encoding="utf-8")
    if named:
        added = added.replace("第23号附件中增列", f"第23号附件《{list_name}》中增列")
    (site / "257.txt").write_text(added, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    cli(db, "replay", str(site), "--as-of", "2027-01-05")
    status = json.loads(cli(db, "status", "--json", "--as-of", "2027-01-05").out)
    assert status["ok"] is True and status["problems"] == [], status
    states = {(x["notice_key"], x["list"]): x["state"] for x in status["listings"]}
    assert states == {("MOFCOM-2026-23", code): "in_force", ("MOFCOM-2026-257", code): "in_force"}, states
    (site / "lift.txt").write_text(LIFT_23, encoding="utf-8")
    cli(db, "replay", str(site), "--as-of", "2027-01-15")
    status = json.loads(cli(db, "status", "--json", "--as-of", "2027-01-15").out)
    states = {(x["notice_key"], x["list"]): x["state"] for x in status["listings"]}
    assert states == {("MOFCOM-2026-23", code): "lifted", ("MOFCOM-2026-257", code): "lifted"}, states


def test_entities_added_to_an_annex_not_stored_stay_loud(tmp_path: Path) -> None:
    """Without No. 23 stored the list is not known: the problem stays ('names no list'), status exits non-zero."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "257.txt").write_bytes(next((CORPUS / "audit42").glob("26-*.txt")).read_bytes())
    db = f"sqlite:///{tmp_path / 'store.db'}"
    cli(db, "replay", str(site), "--as-of", "2027-01-05")
    result = cli(db, "status", "--json", "--as-of", "2027-01-05")
    assert result.code != 0
    assert any("names no list" in p for p in json.loads(result.out)["problems"])


ECL_HEAD = ("商务部公告2026年第310号\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，决定将以下{n}实体"
            "列入出口管制管控名单（见附件），并采取以下措施：\n一、禁止出口经营者向上述实体出口两用物项。\n本公告自公布之日起正式实施。\n附件：出口管制管控名单\n")


@pytest.mark.parametrize("pre", ["<pre>\n1.  冰川动力公司（Glacier Dynamics Inc.）\n2.  红杉遥感公司（Redwood Remote Sensing LLC）\n</pre>",
                                 "<PRE class=\"x\">1. 冰川动力公司（Glacier Dynamics Inc.）\r\n2. 红杉遥感公司（Redwood Remote Sensing LLC）</PRE>"])
def test_an_annex_in_a_pre_block_keeps_its_lines(pre: str) -> None:
    """audit43/13: the <pre> block's line ends were folded with the HTML whitespace: one entity '冰川动力公司（Glacier Dynamics
    Inc.） 2. 红杉遥感公司' with the second's English, the first lost behind a count warning."""
    body = "".join(f"<p>{line}</p>" for line in ECL_HEAD.format(n="2家美国").split("\n") if line)
    page = (f"<html><head><meta charset=\"utf-8\"><title>商务部公告2026年第310号</title></head><body><div class=\"art-con\">{body}{pre}"
            "<p>商务部</p><p>2026年12月20日</p></div></body></html>")
    notice = parse_document(page.encode()).notice
    assert notice is not None
    assert [(e.zh, e.en) for e in notice.entities] == [("冰川动力公司", "Glacier Dynamics Inc."),
                                                       ("红杉遥感公司", "Redwood Remote Sensing LLC")]
    assert notice.warnings == ()


@pytest.mark.parametrize("heading", ["二、中国香港地区实体", "二、香港特别行政区实体", "二、中国香港实体"])
def test_a_hong_kong_heading_gives_its_entities_their_region(heading: str) -> None:
    """audit43/09: '二、中国香港地区实体' was no heading: its entity took US from '一、美国实体' above (a wrong country)."""
    text = (ECL_HEAD.format(n="3家") + "一、美国实体\n1. 雷霆系统公司（Thunder Systems Inc.）\n2. 灯塔情报公司（Beacon Intelligence LLC）\n"
            f"{heading}\n3. 远东科技贸易有限公司（Far East Tech Trading Limited）\n商务部\n2026年12月18日\n")
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert [e.country for e in notice.entities] == ["US", "US", "HK"]


def test_names_on_chinese_numbered_lines_after_the_decisions_colon() -> None:
    """audit43/23: "决定将下列2家美国实体列入出口管制管控名单：" then "（一）…；" / "（二）…。" lines, no annex heading: none read, a
    count warning alone."""
    text = ("商务部公告2026年第317号\n根据《中华人民共和国出口管制法》等法律法规有关规定，决定将下列2家美国实体列入出口管制管控名单：\n"
            "（一）猎鹰制导公司（Falcon Guidance Inc.）；\n（二）深蓝水声公司（Deep Blue Hydroacoustics LLC）。\n并采取以下措施：\n"
            "一、禁止出口经营者向上述2家美国实体出口两用物项；正在开展的相关活动应当立即停止。\n本公告自公布之日起正式实施。\n商务部\n2026年12月24日\n")
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert [(e.zh, e.en, e.country) for e in notice.entities] == [("猎鹰制导公司", "Falcon Guidance Inc.", "US"),
                                                                  ("深蓝水声公司", "Deep Blue Hydroacoustics LLC", "US")]
    assert notice.warnings == ()


@pytest.mark.parametrize("lead", ["，包括：", "，具体包括：", "，分别为："])
def test_names_after_baokuo_colon(lead: str) -> None:
    """audit43/19: "决定将以下实体列入出口管制管控名单，包括：甲（a）；乙（b）；丙（c）。" (no count): none read, the page held as a
    listing of nobody."""
    text = ("商务部公告2026年第314号\n根据《中华人民共和国出口管制法》等法律法规有关规定，决定将以下实体列入出口管制管控名单" + lead +
            "北极星卫星公司（Polaris Satellite Inc.）；猎户座光学公司（Orion Optics LLC）；天鹰座推进公司（Aquila Propulsion Corp.）。\n"
            "对上述实体采取以下措施：\n一、禁止出口经营者向上述实体出口两用物项。\n本公告自公布之日起正式实施。\n商务部\n2026年12月22日\n")
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert [e.en for e in notice.entities] == ["Polaris Satellite Inc.", "Orion Optics LLC", "Aquila Propulsion Corp."]


def test_the_measures_colon_after_a_comma_opens_no_names() -> None:
    """The colon of "列入…清单，并采取以下措施：" still opens the measures (INCLUDING_RE asks for 包括 or 即 before it)."""
    text = ("商务部公告2026年第319号\n决定将以下实体列入出口管制管控名单，并采取以下措施：禁止出口经营者向甲公司（Alpha Inc.）出口两用物项。\n"
            "商务部\n2026年12月22日\n")
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert notice.entities == () and "no entities found for a listing" in notice.warnings


def test_subsidiaries_after_jiqi_xiashu_yixia_shiti() -> None:
    """audit43/02: "…北风防务集团（…）及其下属以下实体：北风导弹系统公司（…）、…" kept "以下实体：" in the first subsidiary's name."""
    text = ("不可靠实体清单工作机制公告〔2026〕61号\n不可靠实体清单工作机制决定将参与对台湾地区军售的北风防务集团（Boreas Defense Group, Inc.）"
            "及其下属以下实体：北风导弹系统公司（Boreas Missile Systems LLC）、北风电子战公司（Boreas Electronic Warfare Corp.）列入不可靠实体清单，"
            "并采取以下处理措施：\n一、禁止上述企业从事与中国有关的进出口活动。\n本公告自公布之日起实施。\n不可靠实体清单工作机制\n（商务部代章）\n"
            "2026年12月15日\n")
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert [e.zh for e in notice.entities] == ["北风防务集团", "北风导弹系统公司", "北风电子战公司"]


def test_a_table_head_naming_each_names_language_in_brackets() -> None:
    """audit43/01: the head '序号 | 实体名称（中文） | 实体名称（英文） | 国家（地区）' was not read as one: the rows read as lines, every
    country lost (the rowspan's too)."""
    text = (ECL_HEAD.format(n="2家") + "序号\t实体名称（中文）\t实体名称（英文）\t国家（地区）\n1\t灰鹭光电公司\tGrey Heron Electro-Optics Inc.\t美国\n"
            "2\t\tKestrel Maritime Systems Ltd.\t英国\n商务部\n2026年12月14日\n")
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert [(e.zh, e.en, e.country) for e in notice.entities] == [
        ("灰鹭光电公司", "Grey Heron Electro-Optics Inc.", "US"), (None, "Kestrel Maritime Systems Ltd.", "GB")]


@pytest.mark.parametrize(("one", "two"), [("一、", "二、"), ("（一）", "（二）"), ("(一)", "(二)")])
def test_a_removal_from_another_list_in_an_item_of_its_own_removes_its_own_names(one: str, two: str) -> None:
    """A probe of session 43 (audit43): "商务部决定：一、将甲（…）、乙（…）列入出口管制管控名单；二、将丙（…）移出出口管制关注名单。" read
    甲 and 乙 as removed from the watch list (false 'Removed' items) and lost 丙's removal, silently: a removal from another
    list than the listing's was taken for a move of the listed entities. A removal in a clause with no listing verb names its
    own entities."""
    text = (f"商务部公告2026年第330号\n根据《中华人民共和国出口管制法》等有关规定，商务部决定：\n{one}将甲公司（Alpha Inc.）、乙公司（Beta LLC）"
            f"列入出口管制管控名单；\n{two}将丙公司（Gamma Corp.）移出出口管制关注名单。\n本公告自公布之日起正式实施。\n商务部\n2026年12月30日\n")
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert [(a.action.value, a.list.value if a.list else None, a.entities) for a in notice.actions] == [
        ("impose", "ecl", ("alpha", "beta")), ("remove", "watch", ("gamma",))]


def test_a_move_between_lists_still_moves_the_same_entities() -> None:
    """"将甲（…）、乙（…）移出出口管制关注名单，列入出口管制管控名单": the removal's clause holds the listing verb, a move."""
    text = ("商务部公告2026年第334号\n根据《中华人民共和国出口管制法》等有关规定，商务部决定将甲公司（Alpha Inc.）、乙公司（Beta LLC）移出出口管制关注名单，"
            "列入出口管制管控名单。\n本公告自公布之日起正式实施。\n商务部\n2026年12月30日\n")
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert sorted((a.action.value, a.list.value if a.list else None) for a in notice.actions) == [("impose", "ecl"), ("remove", "watch")]
    assert [e.en for e in notice.entities] == ["Alpha Inc.", "Beta LLC"]
    assert all(a.entities in ((), ("alpha", "beta")) for a in notice.actions)


def test_a_removal_pointing_to_annex_2_by_annex_2_shiti() -> None:
    """audit43/26: "二、经审查，商务部公告2025年第1号所列附件2实体已采取整改措施，决定将其移出出口管制管控名单。" pointed to no annex:
    the listing of annex 1 took annex 2's entity too (a false 'Imposed' item), the removal all 3."""
    page = next((CORPUS / "audit43").glob("26-*.txt")).read_bytes()
    notice = parse_document(page).notice
    assert notice is not None
    assert [(a.action.value, a.entities, [t.key for t in a.targets]) for a in notice.actions] == [
        ("impose", ("obsidiansystems", "amberoptics"), []), ("remove", ("summittechnologies",), ["MOFCOM-2025-1"])]
    assert notice.warnings == ()


@pytest.mark.parametrize(("lines", "names"), [
    ("1. 1号探测公司（1st Detect Corporation）\n2. 3D系统防务公司（3D Systems Defense Inc.）\n3.360视野技术公司（360 Vision Technologies Inc.）\n",
     ["1号探测公司", "3D系统防务公司", "360视野技术公司"]),
    ("1.5G无线战术公司（5G Tactical Wireless LLC）\n2.3D系统防务公司（3D Systems Defense Inc.）\n",
     ["5G无线战术公司", "3D系统防务公司"]),
])
def test_a_name_opening_with_digits_right_after_the_serials_dot(lines: str, names: list[str]) -> None:
    """audit43/12: "4.360视野技术公司（…）" (no blank after the serial) was read as the decimal 4.360, no annex line: the entity
    lost behind the count warning. Read as "4." and the name where 4 is the serial the run expects."""
    text = ECL_HEAD.format(n=f"{len(names)}家美国") + lines + "商务部\n2026年12月20日\n"
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert [e.zh for e in notice.entities] == names
    assert notice.warnings == ()


def test_a_decimal_serial_out_of_the_runs_order_is_no_name() -> None:
    """"3.5G乙公司" after item 1 (2 expected): not read as item 3 (a sub-line or a typo: the count warns)."""
    text = ECL_HEAD.format(n="2家美国") + "1. 甲公司（Alpha Inc.）\n3.5G乙公司（Beta Inc.）\n商务部\n2026年12月20日\n"
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert [e.zh for e in notice.entities] == ["甲公司"] and notice.warnings == ("parsed 1 entities, notice states 2",)


NO_23_FIVE = ("商务部公告2026年第23号 关于将5家美国实体列入出口管制管控名单的公告\n商务部公告2026年第23号\n根据《中华人民共和国出口管制法》等法律法规"
              "有关规定，决定将以下5家美国实体列入出口管制管控名单（见附件）。\n本公告自公布之日起正式实施。\n附件：出口管制管控名单\n"
              "1. 灰岩导航公司（Greystone Navigation Inc.）\n2. 北角雷达公司（North Cape Radar LLC）\n3. 蓝鲸海事公司（Blue Whale Maritime LLC）\n"
              "4. 冰川动力公司（Glacier Dynamics Inc.）\n5. 杰亚机器人公司（Jaia Robotics, Inc.）\n商务部\n2026年6月22日\n")


def test_an_annex_item_amended_with_both_names_quoted_is_a_correction(tmp_path: Path) -> None:
    """audit42/08: "现将商务部公告2026年第23号附件第5项“杰亚机器人公司（Jaia Robotics, Inc.）”修改为“杰亚机器人技术公司（…）”" under
    "关于修改…附件有关内容的公告" was refused for a person (needs-review). Both names quoted: read as the correction it is, the
    engine renames No. 23's entity (real replay)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "23.txt").write_text(NO_23_FIVE, encoding="utf-8")
    (site / "246.txt").write_bytes(next((CORPUS / "audit42").glob("08-*.txt")).read_bytes())
    db = f"sqlite:///{tmp_path / 'store.db'}"
    cli(db, "replay", str(site), "--as-of", "2027-01-15")
    status = json.loads(cli(db, "status", "--json", "--as-of", "2027-01-15").out)
    assert status["ok"] is True and status["health_issues"] == [] and status["unresolved_references"] == [], status
    assert status["problems"] == [], status["problems"]
    timeline = cli(db, "timeline", "杰亚机器人技术公司", "--as-of", "2027-01-15").out
    assert "杰亚机器人技术公司" in timeline and "MOFCOM-2026-23" in timeline, timeline


def test_an_annex_amendment_without_quoted_names_stays_refused() -> None:
    """"…附件第3项修改为：3. 甲（a）" (no quoted pair) is still refused for a person (audit38/32)."""
    text = ("商务部公告2026年第247号 关于修改商务部公告2026年第23号附件有关内容的公告\n商务部公告2026年第247号\n现将商务部公告2026年第23号附件第3项"
            "修改为：3. 蓝鲸海事技术公司（Blue Whale Maritime Technologies LLC）。\n本公告自公布之日起实施。\n商务部\n2026年12月14日\n")
    with pytest.raises(UnusablePage, match="needs-review"):
        parse_document(text.encode())
