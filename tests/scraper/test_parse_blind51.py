"""Session 51's blind round on MOFCOM notices of 2027 (blind51, tests/data/corpus/blind51/): additions with full annexes,
watch-list moves, dual-use export bans, notices that add and remove, removals after an application, corrections. The
faults it found, each reproduced with a whole notice or answer through the parser."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

UEL = ("不可靠实体清单工作机制公告〔2027〕3号 关于调整不可靠实体清单的公告\n【发布单位】不可靠实体清单工作机制\n"
       "【发布文号】不可靠实体清单工作机制公告〔2027〕3号\n【发文日期】2027年05月20日\n\n{body}\n本公告自公布之日起实施。\n\n"
       "不可靠实体清单工作机制（商务部代章）\n2027年5月20日\n")
ECL = ("商务部公告2027年第29号 关于将有关实体列入出口管制管控名单的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第29号\n"
       "【发文日期】2027年06月01日\n\n{body}\n本公告自公布之日起正式实施。\n\n商务部\n2027年6月1日\n")
COAST = "海岸线导弹公司（Coastline Missile Corp.）"
REMOVED = "不可靠实体清单工作机制决定将不可靠实体清单工作机制〔2026〕9号所列海岸线导弹公司移出不可靠实体清单。"


def _steps(text: str) -> list[tuple[str, list[str | None], list[str]]]:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, [t.key for t in a.targets], list(a.entities)) for a in notice.actions]


def _reason(text: str) -> str:
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode("utf-8"))
    assert caught.value.reason == "needs-review"
    return caught.value.detail


# --- blind51/32: the entity's own conduct stopped ("已停止参与对中国台湾地区军售") is no lift --------------------------------------

@pytest.mark.parametrize("ground", [
    f"{COAST}已停止参与对中国台湾地区军售并提出申请，",  # was a lift of all of 〔2026〕9号 beside the removal (2 false "lifted")
    f"鉴于{COAST}已停止相关违法行为，",
    f"{COAST}承诺停止对中国台湾地区军售，",
    f"{COAST}已终止与中国台湾地区的军售合同，",
    f"{COAST}已停止从事危害中国国家安全的活动，",
])
def test_an_entity_stopping_its_conduct_is_no_lift(ground: str) -> None:
    assert _steps(UEL.format(body=ground + REMOVED)) == [("remove", ["UEL-2026-9"], ["coastlinemissile"])]


def test_the_whole_case_adds_one_and_removes_one() -> None:
    body = ("根据《不可靠实体清单规定》等有关规定，不可靠实体清单工作机制决定：\n"
            "一、将参与对中国台湾地区军售的星辰导弹防御公司（Stellar Missile Defense, Inc.）列入不可靠实体清单，禁止其从事与中国有关的进出口活动。\n"
            f"二、{COAST}已停止参与对中国台湾地区军售并提出申请，将不可靠实体清单工作机制〔2026〕9号所列海岸线导弹公司移出不可靠实体清单。")
    assert _steps(UEL.format(body=body)) == [("impose", [], []), ("remove", ["UEL-2026-9"], ["coastlinemissile"])]


@pytest.mark.parametrize(("body", "steps"), [
    ("不可靠实体清单工作机制决定，自2027年5月20日起，停止实施不可靠实体清单工作机制〔2026〕9号相关措施。",
     [("lift", ["UEL-2026-9"], [])]),
    ("不可靠实体清单工作机制决定，自2027年5月20日起，停止不可靠实体清单工作机制〔2026〕9号相关措施。",
     [("lift", ["UEL-2026-9"], [])]),
    (f"不可靠实体清单工作机制决定，停止对{COAST}实施不可靠实体清单工作机制〔2026〕9号规定的措施。",
     [("lift", ["UEL-2026-9"], ["coastlinemissile"])]),
])
def test_a_lift_of_measures_is_still_a_lift(body: str, steps: list[tuple[str, list[str], list[str]]]) -> None:
    assert _steps(UEL.format(body=body)) == steps


# --- blind51/35: "美国实体X（x）、中国台湾地区实体Y（y）" in prose: the words are no part of the names ---------------------------------

def test_country_and_shiti_before_each_name_give_its_country() -> None:
    body = ("根据有关规定，商务部决定将美国实体天穹防务公司（Skydome Defense, Inc.）、中国台湾地区实体龙腾航电股份有限公司（Longteng "
            "Avionics Co., Ltd.）和中国台湾地区实体宝岛无人机科技股份有限公司（Formosa Drone Technology Co., Ltd.）等3家实体列入出口管制管控名单。")
    notice = parse_document(ECL.format(body=body).encode("utf-8")).notice
    assert notice is not None
    assert [(e.zh, e.country) for e in notice.entities] == [
        ("天穹防务公司", "US"), ("龙腾航电股份有限公司", "TW"), ("宝岛无人机科技股份有限公司", "TW")]  # was "美国实体天穹防务公司", no country


@pytest.mark.parametrize(("named", "want"), [
    ("中国台湾地区实体龙腾航电股份有限公司（Longteng Avionics Co., Ltd.）", [("龙腾航电股份有限公司", "TW")]),
    ("美国实体天穹防务公司（Skydome Defense, Inc.）和日本实体三河精机株式会社（Mikawa Seiki K.K.）等2家实体",
     [("天穹防务公司", "US"), ("三河精机株式会社", "JP")]),
    ("美国企业研究所（American Enterprise Institute）", [("美国企业研究所", None)]),  # 企业 may open a name: kept
])
def test_one_or_two_names_opened_by_their_country(named: str, want: list[tuple[str, str | None]]) -> None:
    body = f"根据有关规定，商务部决定将{named}列入出口管制管控名单。"
    notice = parse_document(ECL.format(body=body).encode("utf-8")).notice
    assert notice is not None
    assert [(e.zh, e.country) for e in notice.entities] == want


# --- blind51/07, /22: a dual-use export ban on named entities with no list word ---------------------------------------------

BAN = ("商务部公告2027年第7号 关于对有关实体实施出口管制措施的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第7号\n"
       "【发文日期】2027年01月26日\n\n商务部公告2027年第7号\n\n根据《中华人民共和国出口管制法》等法律法规有关规定，为维护国家安全和利益，"
       "商务部决定：\n{body}\n本公告自公布之日起正式实施。\n\n商务部\n2027年1月26日\n")


@pytest.mark.parametrize("body", [
    # was a notice changing nothing, no warning: the ban on the two missed silently
    "一、自公布之日起，禁止向美国雷神防务航电公司（Raytide Defense Avionics, Inc.）、铁砧导弹公司（Anvil Missile Works LLC）出口两用物项。\n"
    "二、禁止境外组织和个人将原产于中华人民共和国的两用物项转移或提供给上述2家实体。",
    "自公布之日起，禁止向附件所列3家美国实体出口两用物项。\n\n附件：禁止出口两用物项的实体名单\n1. 锐锋导弹系统公司（Sharpedge Missile Systems, Inc.）\n"
    "2. 钛盾装甲公司（Titanshield Armor LLC）\n3. 夜枭夜视公司（Nightowl Night Vision Corp.）",
    "禁止出口经营者向天鹰防务集团（Skyhawk Defense Group, Inc.）出口两用物项。",
])
def test_a_dual_use_ban_on_named_entities_is_held(body: str) -> None:
    assert "bans dual-use exports to entities it names" in _reason(BAN.format(body=body))


@pytest.mark.parametrize("body", [
    "一、禁止两用物项对美国军事用户或军事用途出口。\n二、原则上不予许可镓、锗、锑、超硬材料相关两用物项对美国出口。",
    "禁止向美国军事用户出口两用物项。",
])
def test_a_ban_on_users_is_no_listing_and_not_held(body: str) -> None:
    notice = parse_document(BAN.format(body=body).encode("utf-8")).notice
    assert notice is not None and notice.actions == () and notice.entities == ()


# --- blind51/36: an answer moving an entity from the watch list to the ECL ---------------------------------------------------

MOVE = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2027-06-05 20:00\n\n商务部新闻发言人就关注名单实体核查情况答记者问\n"
        "问：商务部公告2027年第20号所列实体核查进展如何？\n答：商务部公告2027年第20号所列3家实体中，伊斯坦布尔航空部件公司（Istanbul Aero "
        "Parts A.S.）在规定期限内未配合核查。商务部决定自2027年6月6日起，{move}\n")


@pytest.mark.parametrize("move", [
    "将该实体移出关注名单，列入出口管制管控名单。",  # was the removal alone: the entity on no list, silently
    "将该实体由关注名单转入出口管制管控名单。",
    "将该实体列入出口管制管控名单，同时移出关注名单。",
])
def test_an_answer_moving_an_entity_to_another_list_is_held(move: str) -> None:
    assert "an answer moves entities to another list" in _reason(MOVE.format(move=move))


def test_an_answer_removing_an_entity_only_is_read() -> None:
    notice = parse_document(MOVE.format(move="将该实体移出关注名单。").encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.list.value if a.list else None) for a in notice.actions] == [("remove", "watch")]


# --- blind51/37: "美国籍人员X（x）、加拿大籍人员Y（y）" in an ECL notice's prose ---------------------------------------------------

def test_nationality_before_each_person_gives_its_country() -> None:
    body = ("根据有关规定，商务部决定将美国籍人员罗伯特·J·凯恩（Robert J. Kane）、加拿大籍人员艾米丽·陈（Emily Chen）等2名个人"
            "列入出口管制管控名单。")
    notice = parse_document(ECL.format(body=body).encode("utf-8")).notice
    assert notice is not None
    assert [(e.zh, e.country) for e in notice.entities] == [("罗伯特·J·凯恩", "US"), ("艾米丽·陈", "CA")]  # was "美国籍人员…", no country


# --- blind51/38: the notice's entities put on a second list in a sentence with no decision word ---------------------------

SECOND = ("不可靠实体清单工作机制决定将参与对中国台湾地区军售的暗礁防务公司（Reef Defense, Inc.）、风暴眼雷达公司（Stormeye Radar LLC）"
          "列入不可靠实体清单，并采取以下处理措施：\n一、禁止上述企业从事与中国有关的进出口活动；\n二、禁止上述企业在中国境内新增投资。\n{more}")


def test_a_second_list_no_step_reads_is_held() -> None:
    more = "商务部同时依据《中华人民共和国出口管制法》将上述2家实体列入出口管制管控名单，禁止向其出口两用物项。"  # was dropped silently
    assert "puts the entities on a second list" in _reason(UEL.format(body=SECOND.format(more=more)))


@pytest.mark.parametrize("more", [
    "同时，商务部决定将上述2家实体列入出口管制管控名单，禁止向其出口两用物项。",  # read: two listings
    "",
])
def test_a_second_list_read_or_absent_is_not_held(more: str) -> None:
    notice = parse_document(UEL.format(body=SECOND.format(more=more)).encode("utf-8")).notice
    assert notice is not None
    assert [a.list.value for a in notice.actions if a.list] == (["uel", "ecl"] if more else ["uel"])
