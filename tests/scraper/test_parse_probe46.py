"""probe46's parser probes (session 46), each silent on main:

- a step whose verb comes before "对…第337号所列X（x）" and whose measures follow the name with their own verb ("暂停对…第337号所列
  赤岩动力公司（Red Rock Propulsion LLC）实施相关措施", "停止对…所列银杉电子公司（…）执行相关措施"): read for the whole notice, its
  other entity suspended (lifted) against the text (``targets.LISTED_OBJECT_RE`` knew "采取的" alone after the name);
- a step on several notices (or one) with no term whose next sentence gives the terms with no "期限" ("暂停执行…第338号和第339号
  相关措施。其中，第338号相关措施自2026年12月10日起暂停6个月，第339号相关措施自2026年12月20日起暂停1年。", "…。相关措施自…起暂停
  6个月。"): both suspended from the notice's day with no end, silently (``checks.unread_term_in_next_sentence`` asked "期限").
  Held."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

PAGE = ("商务部公告2026年第366号 {title}\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第366号\n【发文日期】2026年12月09日\n\n"
        "商务部公告2026年第366号\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，"
        "商务部决定，{body}\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月9日\n")
TITLE = "关于调整商务部公告2026年第337号相关措施的公告"
ROCK = "赤岩动力公司（Red Rock Propulsion LLC）"
FIR = "银杉电子公司（Silver Fir Electronics Inc.）"
N337 = "商务部公告2026年第337号"


def _steps(title: str, body: str) -> list[tuple[str, tuple[str, ...], str | None, str | None]]:
    record = parse_document(PAGE.format(title=title, body=body).encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, a.entities, a.effective, a.until and a.until.isoformat()) for a in record.actions]


@pytest.mark.parametrize(("body", "want"), [
    (f"自2026年12月10日起，暂停对{N337}所列{ROCK}实施相关措施，暂停期限为6个月。",
     [("suspend", ("redrockpropulsion",), "2026-12-10", "2027-06-10")]),
    (f"自2026年12月10日起，暂停对{N337}所列{ROCK}实施的相关措施，暂停期限为6个月。",
     [("suspend", ("redrockpropulsion",), "2026-12-10", "2027-06-10")]),
    (f"自2026年12月15日起，停止对{N337}所列{FIR}实施出口管制措施。", [("lift", ("silverfirelectronics",), "2026-12-15", None)]),
    (f"自2026年12月15日起，停止对{N337}所列{FIR}执行相关措施。", [("lift", ("silverfirelectronics",), "2026-12-15", None)]),
    (f"自2026年12月15日起，恢复对{N337}所列{FIR}实施相关措施。", [("restore", ("silverfirelectronics",), "2026-12-15", None)]),
    (f"自2026年12月10日起，暂停对{N337}所列{ROCK}、{FIR}实施相关措施，暂停期限为6个月。",
     [("suspend", ("redrockpropulsion", "silverfirelectronics"), "2026-12-10", "2027-06-10")]),
    # read as before: the name before 采取的; the whole notice's entities by their words
    (f"自2026年12月15日起，停止对{N337}所列{FIR}采取的相关措施。", [("lift", ("silverfirelectronics",), "2026-12-15", None)]),
    (f"自2026年12月15日起，恢复对{N337}所列实体实施相关措施。", [("restore", (), "2026-12-15", None)]),
    (f"自2026年12月15日起，暂停对{N337}所列全部实体实施相关措施，暂停期限为6个月。", [("suspend", (), "2026-12-15", "2027-06-15")]),
])
def test_a_verb_before_the_listed_name_and_its_measures_after_it_reaches_the_name_alone(body: str, want: list[object]) -> None:
    assert _steps(TITLE, body) == want


TWO = "关于调整商务部公告2026年第338号和第339号相关措施的公告"


@pytest.mark.parametrize(("title", "body"), [
    (TWO, "暂停执行商务部公告2026年第338号和第339号相关措施。其中，第338号相关措施自2026年12月10日起暂停6个月，第339号相关措施"
          "自2026年12月20日起暂停1年。"),
    ("关于暂停执行商务部公告2026年第338号和第339号相关措施的公告",
     "暂停执行商务部公告2026年第338号和第339号相关措施。其中，第338号相关措施自2026年12月10日起暂停6个月，第339号相关措施"
     "自2026年12月20日起暂停1年。"),
    ("关于暂停执行商务部公告2026年第338号相关措施的公告", "暂停执行商务部公告2026年第338号相关措施。相关措施自2026年12月10日起暂停6个月。"),
])
def test_a_term_told_in_the_next_sentence_with_no_term_word_is_held(title: str, body: str) -> None:
    with pytest.raises(UnusablePage, match="the sentence after its step names MOFCOM-2026-338"):
        _steps(title, body)


def test_a_next_sentence_reading_its_own_step_is_not_held() -> None:
    """"…第338号相关措施，暂停期限为6个月。自2026年12月20日起，暂停执行…第339号相关措施，暂停期限为1年。": a step of its own."""
    got = _steps(TWO, "自2026年12月10日起，暂停执行商务部公告2026年第338号相关措施，暂停期限为6个月。自2026年12月20日起，暂停执行商务部"
                      "公告2026年第339号相关措施，暂停期限为1年。")
    assert [(a, e, u) for a, _, e, u in got] == [("suspend", "2026-12-10", "2027-06-10"), ("suspend", "2026-12-20", "2027-12-20")]
    # "…。上述措施暂停1年。": read as its own step (the measures named before), as before
    got = _steps("关于暂停执行商务部公告2026年第338号相关措施的公告", "暂停执行商务部公告2026年第338号相关措施。上述措施暂停1年。")
    assert got == [("suspend", (), "2026-12-09", "2027-12-09")]


ITEMS_PAGE = ("商务部公告2027年第101号 关于将有关实体列入出口管制管控名单和关注名单的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第101号\n"
              "【发文日期】2027年05月01日\n\n商务部公告2027年第101号\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律"
              "法规有关规定，维护国家安全和利益，履行防扩散等国际义务，商务部决定：\n\n{body}\n\n本公告自公布之日起正式实施。\n\n商务部\n2027年5月1日\n")
NORTH, SOUTH, BAY = ("北风推进公司（Northwind Propulsion Inc.）", "南岭光电公司（South Ridge Photonics LLC）",
                     "蓝湾雷达系统公司（Blue Bay Radar Systems Corp.）")


def _listings(body: str) -> list[tuple[str | None, tuple[str, ...], str | None]]:
    record = parse_document(ITEMS_PAGE.format(body=body).encode("utf-8")).notice
    assert record is not None
    return [(a.list and a.list.value, a.entities, a.effective) for a in record.actions]


@pytest.mark.parametrize("body", [
    f"一、将{NORTH}、{SOUTH}列入出口管制管控名单；二、将{BAY}列入出口管制关注名单。",
    f"（一）将{NORTH}、{SOUTH}列入出口管制管控名单；（二）将{BAY}列入出口管制关注名单。",
    f"（一）将{NORTH}、{SOUTH}列入出口管制管控名单。（二）将{BAY}列入出口管制关注名单。",
    f"（一）将{NORTH}、{SOUTH}列入出口管制管控名单；\n（二）将{BAY}列入出口管制关注名单。",  # (read so on main)
])
def test_listing_items_on_one_line_each_take_their_own_names(body: str) -> None:
    """Items on one line were keyed by their line: one item, its names on both lists, the second item's name lost, silently."""
    assert _listings(body) == [("ecl", ("northwindpropulsion", "southridgephotonics"), "2027-05-01"),
                               ("watch", ("bluebayradarsystems",), "2027-05-01")]


@pytest.mark.parametrize("body", [
    f"一、将{NORTH}列入出口管制管控名单，自2027年6月1日起实施相关措施。\n二、将{BAY}列入出口管制关注名单。",
    f"一、将{BAY}列入出口管制关注名单。\n二、将{NORTH}列入出口管制管控名单，自2027年6月1日起实施相关措施。",
    f"一、将{NORTH}列入出口管制管控名单。相关措施自2027年6月1日起实施。\n二、将{BAY}列入出口管制关注名单。",
    f"一、将{NORTH}列入出口管制管控名单。\n二、将{BAY}列入出口管制关注名单。\n三、上述第一项措施自2027年6月1日起实施。",
])
def test_a_later_day_told_in_one_listing_item_is_held(body: str) -> None:
    """Read as the day of both items' listings (the watch list's a month late), silently: held."""
    with pytest.raises(UnusablePage, match="a later day told in one item"):
        _listings(body)


def test_a_later_day_for_every_item_or_a_named_list_is_read() -> None:
    """"以上实体的相关措施自…起实施" on a line of its own: every listing's day (as before); "关注名单相关管理措施自…" the watch list's
    (audit45)."""
    body = f"一、将{NORTH}列入出口管制管控名单。\n二、将{BAY}列入出口管制关注名单。\n"
    assert _listings(body + "以上实体的相关措施自2027年6月1日起实施。") == [
        ("ecl", ("northwindpropulsion",), "2027-06-01"), ("watch", ("bluebayradarsystems",), "2027-06-01")]
    assert _listings(body + "\n关注名单相关管理措施自2027年6月1日起实施。") == [
        ("ecl", ("northwindpropulsion",), "2027-05-01"), ("watch", ("bluebayradarsystems",), "2027-06-01")]


MOVE_PAGE = ("商务部公告2027年第120号 关于调整出口管制关注名单的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第120号\n"
             "【发文日期】2027年06月01日\n\n商务部公告2027年第120号\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等"
             "法律法规有关规定，商务部决定，{body}\n\n本公告自公布之日起正式实施。\n\n商务部\n2027年6月1日\n")


def _moves(body: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    record = parse_document(MOVE_PAGE.format(body=body).encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, a.list and a.list.value, a.entities) for a in record.actions]


@pytest.mark.parametrize(("body", "want"), [
    (f"将{SOUTH}调出出口管制关注名单。", [("remove", "watch", ("southridgephotonics",))]),
    (f"将{NORTH}由出口管制管控名单调至出口管制关注名单。",
     [("remove", "ecl", ("northwindpropulsion",)), ("impose", "watch", ())]),
    (f"将{NORTH}由出口管制管控名单调入出口管制关注名单。",
     [("remove", "ecl", ("northwindpropulsion",)), ("impose", "watch", ())]),
    (f"将{NORTH}由出口管制管控名单转入出口管制关注名单。",
     [("remove", "ecl", ("northwindpropulsion",)), ("impose", "watch", ())]),
])
def test_a_removal_or_move_naming_the_watch_list_in_full_is_read(body: str, want: list[object]) -> None:
    """"调出/调至/调入出口管制关注名单": VERB_RE's lookaheads knew "关注名单" but not "出口管制关注名单" (read as nothing, the
    entity left on the watch list, silently)."""
    assert _moves(body) == want


@pytest.mark.parametrize("verb", ["调至", "调入", "转入", "移至"])
def test_a_move_of_an_entity_named_after_its_notice_is_read(verb: str) -> None:
    """probe46's A10: '将商务部公告2027年第101号所列北风推进公司（…）由出口管制管控名单调至出口管制关注名单' was read as nothing (no
    step, no warning): the notice before the verb was taken for a listing weighed, not decided (the lead, session 46)."""
    assert _moves(f"将商务部公告2027年第101号所列{NORTH}由出口管制管控名单{verb}出口管制关注名单。") == [
        ("remove", "ecl", ("northwindpropulsion",)), ("impose", "watch", ())]
