"""Session 29's blind round 14 (audit29, tests/data/corpus/audit29/): wordings the parser read wrong, each as a short
text. 中止 and 暂缓 suspend as 暂停 does (03, 02: read as nothing); a second number joined to the first with its year and
no issuer is that issuer's ("商务部公告2025年第51号、2026年第23号": 07, its lift lost); "自公布之日起第30日起" is 30 days after
publication (12: the publication day); a step whose measures are named before its verb and whose notice is not in its
sentence ("对X采取的…措施，自…起予以解除": 24, read as a new measure on X) is refused for a person to read."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

HEAD = "{title}\n【发布单位】安全与管制局\n【发布文号】{num}\n【发文日期】2026年12月11日\n\n"
ECL = "商务部公告2026年第179号"
UEL = "不可靠实体清单工作机制公告〔2026〕16号"
SIGN = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月11日\n"


def _steps(body: str, num: str = ECL, title: str = "") -> list[tuple[str, list[str | None], str | None, str | None]]:
    doc = parse_document((HEAD.format(title=title or num, num=num) + body + SIGN).encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until.isoformat() if a.until else None)
            for a in doc.notice.actions]


@pytest.mark.parametrize("verb", ["中止实施", "中止执行", "中止"])
def test_zhongzhi_suspends(verb: str) -> None:
    body = f"工作机制决定，自2026年12月12日起，{verb}不可靠实体清单工作机制公告〔2025〕10号相关措施，中止期限为1年。中止期间，国内企业可申请交易。"
    assert _steps(body, UEL) == [("suspend", ["UEL-2025-10"], "2026-12-12", "2027-12-12")]


@pytest.mark.parametrize("verb", ["暂缓执行", "暂缓实施"])
def test_zanhuan_holds_a_notice_off_with_no_end(verb: str) -> None:
    body = f"商务部决定，{verb}商务部公告2026年第168号相关措施，具体实施时间另行通知。"
    assert _steps(body) == [("suspend", ["MOFCOM-2026-168"], "2026-12-11", None)]


def test_a_number_joined_to_the_one_before_with_its_year_is_the_same_issuers() -> None:
    body = "商务部决定，自2026年12月20日起，同时停止实施商务部公告2025年第51号、2026年第23号相关措施。"
    assert _steps(body) == [("lift", ["MOFCOM-2025-51", "MOFCOM-2026-23"], "2026-12-20", None)]
    # a date-number not joined to a notice number stays none ("2026年第23号" after a sentence end)
    assert _steps("商务部决定，自2026年12月20日起停止实施商务部公告2025年第51号相关措施。2026年第23号文件另行处理。") == [
        ("lift", ["MOFCOM-2025-51"], "2026-12-20", None)]


def test_the_30th_day_from_publication_is_30_days_after_it() -> None:
    body = ("决定将灰隼无人系统公司（Grey Falcon Unmanned Systems, Inc.）列入出口管制管控名单，并采取以下措施：\n"
            "一、禁止出口经营者向上述实体出口两用物项。")
    doc = parse_document((HEAD.format(title=ECL, num=ECL) + body + "\n\n本公告自公布之日起第30日起正式实施。\n\n商务部\n2026年12月2日\n")
                         .replace("2026年12月11日", "2026年12月02日").encode("utf-8"))
    assert doc.notice is not None and doc.notice.effective == "2027-01-01"
    assert [a.effective for a in doc.notice.actions] == ["2027-01-01"]


def test_measures_named_before_the_verb_that_ends_them_are_refused_not_a_new_measure() -> None:
    body = ("商务部公告2026年第23号附件第9项所列芒廷帕斯材料公司（MP Materials Corp.）已按要求作出书面承诺。"
            "商务部决定，对芒廷帕斯材料公司采取的出口管制措施，自2027年1月5日起予以解除。")
    with pytest.raises(UnusablePage) as refused:
        parse_document((HEAD.format(title=ECL, num=ECL) + body + SIGN).encode("utf-8"))
    assert refused.value.reason == "needs-review"


@pytest.mark.parametrize("verb", ["中止实施", "暂缓执行"])
def test_a_zhongzhi_or_zanhuan_whose_notice_cannot_be_read_is_refused(verb: str) -> None:
    body = f"商务部决定，自2026年12月12日起，{verb}《关于将5家美国实体列入出口管制管控名单的公告》相关措施。"
    with pytest.raises(UnusablePage) as refused:
        parse_document((HEAD.format(title=ECL, num=ECL) + body + SIGN).encode("utf-8"))
    assert refused.value.reason == "needs-review"


def test_yixia_jiancheng_inside_the_english_bracket_is_no_part_of_the_name() -> None:
    body = ("工作机制决定将北方联合防务系统公司（Northern Allied Defense Systems, Inc.，以下简称北联防务）、"
            "R&D卫星通信公司（R&D SatCom Corp.）2家美国实体列入不可靠实体清单，并采取以下处理措施：\n一、禁止北联防务等上述企业从事与中国有关的进出口活动。")
    doc = parse_document((HEAD.format(title=UEL, num=UEL) + body + SIGN).encode("utf-8"))
    assert doc.notice is not None
    assert [(e.zh, e.en, e.key) for e in doc.notice.entities][:1] == [
        ("北方联合防务系统公司", "Northern Allied Defense Systems, Inc.", "northernallieddefensesystems")]


@pytest.mark.parametrize("body", [
    "商务部决定，撤销商务部公告2026年第166号。",
    "商务部决定，撤销商务部公告2026年第23号中将杰亚机器人公司（Jaia Robotics, Inc.）列入出口管制管控名单的决定。",
    "商务部决定：商务部公告2025年第51号的决定，自2026年12月21日起失效。",
    "商务部决定，延缓实施商务部公告2026年第168号，该公告自2027年7月1日起实施。",
    "商务部决定，推迟实施商务部公告2026年第168号至2027年7月1日。",
    "商务部决定，商务部公告2026年第168号自2026年12月20日起不再适用。",
])
def test_a_notice_revoked_ceasing_or_held_off_in_words_no_step_reads_is_refused(body: str) -> None:
    """audit29/01, 04, 05, 22 were loud only because their history recounted a count (``counted_nothing_read``)."""
    with pytest.raises(UnusablePage) as refused:
        parse_document((HEAD.format(title=ECL, num=ECL) + body + SIGN).encode("utf-8"))
    assert refused.value.reason == "needs-review"


def test_an_annex_line_with_its_country_after_a_comma_is_an_entity_of_that_country() -> None:
    body = ("商务部决定将东洋精机株式会社等3家实体列入关注名单（见附件）。\n\n附件\n关注名单\n\n"
            "1. 东洋精机株式会社（Toyo Seiki Co.，Ltd.），日本\n2. 汉翔航空工业股份有限公司（Aerospace Industrial Development Corporation），中国台湾地区\n"
            "3. 雷石防务公司（Rockstone Defense, Inc.），美国\n")
    doc = parse_document((HEAD.format(title=ECL, num=ECL) + body + SIGN).encode("utf-8"))
    assert doc.notice is not None and doc.notice.warnings == ()
    assert [(e.zh, e.country) for e in doc.notice.entities] == [
        ("东洋精机株式会社", "JP"), ("汉翔航空工业股份有限公司", "TW"), ("雷石防务公司", "US")]
    assert doc.notice.entities[0].key == "toyoseiki"


QA = "商务部新闻发言人就出口管制管控名单相关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-18 19:30\n\n有记者问：请问商务部对此有何考虑？\n\n答："


@pytest.mark.parametrize(("names", "keys"), [
    ("芒廷帕斯材料公司", ("芒廷帕斯材料",)),
    ("芒廷帕斯材料公司（MP Materials Corp.）", ("mpmaterials",)),
    ("芒廷帕斯材料公司、鲍尔航空航天技术公司", ("芒廷帕斯材料", "鲍尔航空航天技术")),
])
def test_a_step_on_measures_named_in_the_clause_before_its_verb_is_limited_to_their_entities(names: str,
                                                                                             keys: tuple[str, ...]) -> None:
    """"对…第23号所列X采取的出口管制措施，自…起予以解除" lifted all of No. 23 (its 9 others falsely)."""
    answer = f"商务部决定，对商务部公告2026年第23号所列{names}采取的出口管制措施，自2027年1月5日起予以解除。\n"
    doc = parse_document((QA + answer).encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.entities) for a in doc.notice.actions] == [
        ("lift", ["MOFCOM-2026-23"], "2027-01-05", keys)]


@pytest.mark.parametrize(("answer", "refused"), [
    ("商务部决定，撤销商务部公告2026年第166号。", True),
    ("商务部决定，商务部公告2025年第51号的决定自2026年12月21日起失效。", True),
    ("商务部决定，延缓实施商务部公告2026年第168号。", True),
    ("商务部将视情决定是否撤销商务部公告2026年第166号。", False),  # a plan
    ("2025年11月5日，商务部决定撤销商务部公告2025年第99号。目前没有新的调整。", False),  # a decision told
])
def test_an_answer_deciding_a_notice_revoked_ceasing_or_held_off_is_refused_not_a_quiet_warning(answer: str,
                                                                                              refused: bool) -> None:
    try:
        doc = parse_document((QA + answer + "\n").encode("utf-8"))
    except UnusablePage as exc:
        assert refused and exc.reason == "needs-review"
        return
    assert not refused and doc.notice is not None and doc.notice.actions == ()


def test_a_numbered_english_name_with_its_chinese_name_alone_on_the_next_line_gets_both() -> None:
    body = ("决定将岭线战术系统公司等2家美国实体列入出口管制管控名单（见附件）。\n\n附件\n出口管制管控名单\n\n"
            "1. Ridgeline Tactical Systems, Inc.\n岭线战术系统公司\n2. Harbor Light Photonics LLC\n\n港灯光子公司\n")
    doc = parse_document((HEAD.format(title=ECL, num=ECL) + body + SIGN).encode("utf-8"))
    assert doc.notice is not None
    assert [(e.zh, e.en) for e in doc.notice.entities] == [
        ("岭线战术系统公司", "Ridgeline Tactical Systems, Inc."), ("港灯光子公司", "Harbor Light Photonics LLC")]
    # an English-only annex followed by the signature: "商务部" is no Chinese name
    doc = parse_document((HEAD.format(title=ECL, num=ECL) + "决定将2家美国实体列入出口管制管控名单（见附件）。\n\n附件\n出口管制管控名单\n\n"
                          "1. Ridgeline Tactical Systems, Inc.\n2. Harbor Light Photonics LLC\n商务部\n2026年12月11日\n").encode("utf-8"))
    assert doc.notice is not None and [e.zh for e in doc.notice.entities] == [None, None]
