"""words47's parser wordings (session 47): probe46's open B4-B8 and the forms around them, each through ``parse_document``.

- Listings on two lists in the clauses of one decision with no item numbers ("商务部决定，将A（a）、B（b）列入出口管制管控名单；将C
  （c）列入出口管制关注名单。"): C was lost behind the "；", or (with "，") A and B were put on both lists and C on none, silently
  (A). Under "商务部决定：" with a blank line and no item number (probe46's B4) no listing was read at all; an item opening with
  its day ("一、自2027年6月1日起，将A（a）列入…", B6) read no name. Now each clause's "将…" gives its list's names
  (``named.clause_listings``); one whose names cannot be read, or a day told after the first clause, is held.
- "三、将索恩航空公司（…）从出口管制关注名单中移出。" was read on the ECL, the notice's first list (B5), with a false count warning.
- "不再将南岭光电公司（…）列入出口管制关注名单" was a watch listing of nobody, the removal missed (B7). Now a removal; beside a
  listing, held (its names and the listing's are not read apart).
- "暂停对…所列2家美国实体中的赤岩动力公司（…）实施相关措施": 2 (the earlier notice's count) gave a false count warning (B8).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

ITEMS_PAGE = ("商务部公告2027年第101号 {title}\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第101号\n"
              "【发文日期】2027年05月01日\n\n商务部公告2027年第101号\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制"
              "条例》等法律法规有关规定，维护国家安全和利益，履行防扩散等国际义务，商务部决定{lead}{body}\n\n本公告自公布之日起正式实施。\n\n"
              "商务部\n2027年5月1日\n")
BOTH = "关于将有关实体列入出口管制管控名单和关注名单的公告"
NORTH = "北风推进公司（Northwind Propulsion Inc.）"
SOUTH = "南岭光电公司（South Ridge Photonics LLC）"
BAY = "蓝湾雷达系统公司（Blue Bay Radar Systems Corp.）"
THORN = "索恩航空公司（Thorn Aviation Inc.）"
N, S, B, T = "northwindpropulsion", "southridgephotonics", "bluebayradarsystems", "thornaviation"
ECL, WATCH = "出口管制管控名单", "出口管制关注名单"


def _read(body: str, lead: str = "，", title: str = BOTH) -> tuple[list[tuple[str, str | None, tuple[str, ...], str | None]],
                                                               tuple[str, ...]]:
    record = parse_document(ITEMS_PAGE.format(title=title, lead=lead, body=body).encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, a.list and a.list.value, a.entities, a.effective) for a in record.actions], record.warnings


D0, D1, D2 = "2027-05-01", "2027-06-01", "2027-07-01"


@pytest.mark.parametrize(("lead", "body", "want"), [
    # probe46's B4 (it/i03, it/j05) and the silent forms beside it
    ("，", f"将{NORTH}、{SOUTH}列入{ECL}；将{BAY}列入{WATCH}。", [("impose", "ecl", (N, S), D0), ("impose", "watch", (B,), D0)]),
    ("，", f"将{NORTH}、{SOUTH}列入{ECL}，将{BAY}列入{WATCH}。", [("impose", "ecl", (N, S), D0), ("impose", "watch", (B,), D0)]),
    ("：\n\n", f"将{NORTH}、{SOUTH}列入{ECL}；将{BAY}列入{WATCH}。", [("impose", "ecl", (N, S), D0), ("impose", "watch", (B,), D0)]),
    ("：\n", f"将{NORTH}、{SOUTH}列入{ECL}，将{BAY}列入{WATCH}。", [("impose", "ecl", (N, S), D0), ("impose", "watch", (B,), D0)]),
    ("：\n", f"将{NORTH}列入{ECL}。\n将{BAY}列入{WATCH}。", [("impose", "ecl", (N,), D0), ("impose", "watch", (B,), D0)]),
    # other lists and orders, three clauses, a count, names without English
    ("，", f"将{BAY}列入{WATCH}；将{NORTH}、{SOUTH}列入{ECL}。", [("impose", "watch", (B,), D0), ("impose", "ecl", (N, S), D0)]),
    ("，", f"将{NORTH}列入不可靠实体清单；将{BAY}列入{ECL}。", [("impose", "uel", (N,), D0), ("impose", "ecl", (B,), D0)]),
    ("，", f"将{NORTH}列入{ECL}，将{BAY}列入{WATCH}，将{SOUTH}列入{ECL}。",
     [("impose", "ecl", (N, S), D0), ("impose", "watch", (B,), D0)]),
    ("，", f"将{NORTH}、{SOUTH}等2家美国实体列入{ECL}；将{BAY}列入{WATCH}。",
     [("impose", "ecl", (N, S), D0), ("impose", "watch", (B,), D0)]),
    ("，", f"将北风推进公司、南岭光电公司列入{ECL}；将蓝湾雷达系统公司列入{WATCH}。",
     [("impose", "ecl", ("北风推进", "南岭光电"), D0), ("impose", "watch", ("蓝湾雷达系统",), D0)]),
    # a move beside a listing: off the watch list, onto the ECL
    ("，", f"将{NORTH}列入{WATCH}；将{BAY}由{WATCH}转入{ECL}。",
     [("impose", "watch", (N,), D0), ("remove", "watch", (B,), D0), ("impose", "ecl", (B,), D0)]),
    # a day leading the sentence is every clause's
    ("，", f"自2027年6月1日起，将{NORTH}列入{ECL}；将{BAY}列入{WATCH}。", [("impose", "ecl", (N,), D1), ("impose", "watch", (B,), D1)]),
    # probe46's B6 (it/k03): an item opening with its day
    ("：\n", f"一、自2027年6月1日起，将{NORTH}列入{ECL}。\n二、将{BAY}列入{WATCH}。",
     [("impose", "ecl", (N,), D1), ("impose", "watch", (B,), D0)]),
    ("：\n", f"一、自2027年6月1日起，将{NORTH}列入{ECL}。\n二、自2027年7月1日起，将{BAY}列入{WATCH}。",
     [("impose", "ecl", (N,), D1), ("impose", "watch", (B,), D2)]),
    ("：\n", f"（一）自2027年6月1日起，将{NORTH}列入{ECL}；\n（二）将{BAY}列入{WATCH}。",
     [("impose", "ecl", (N,), D1), ("impose", "watch", (B,), D0)]),
    # one list under "商务部决定：" with no item number (no name was read)
    ("：\n\n", f"将{NORTH}列入{ECL}。", [("impose", "ecl", (), D0)]),
    # the same entity on two lists: the notice's names on each, as before
    ("，", f"将{NORTH}列入{ECL}，将{NORTH}列入{WATCH}。", [("impose", "ecl", (), D0), ("impose", "watch", (), D0)]),
])
def test_listings_in_clauses_of_one_decision_each_take_their_own_names(lead: str, body: str, want: list[object]) -> None:
    steps, warnings = _read(body, lead)
    assert steps == want
    assert warnings == ()


@pytest.mark.parametrize(("lead", "body"), [
    # a listing to come after the clause mark or the line: no decision, as before (no watch listing, no one on it)
    ("，", f"将{NORTH}列入{ECL}；将根据核查情况，将{BAY}列入{WATCH}。"),
    ("，", f"将{NORTH}列入{ECL}；将视情将{BAY}列入{WATCH}。"),
    ("，", f"将{NORTH}列入{ECL}；如{BAY}不配合核查，将其列入{WATCH}。"),
    ("：\n", f"将{NORTH}列入{ECL}。\n将依法将{BAY}列入{WATCH}。"),
])
def test_a_listing_to_come_after_a_decided_one_is_none(lead: str, body: str) -> None:
    steps, _ = _read(body, lead)
    assert steps == [("impose", "ecl", (), D0)]


@pytest.mark.parametrize(("body", "want"), [
    # a listing whose decision is to be published later: none now (was a watch listing of A, or of B, silently)
    (f"将{NORTH}列入{ECL}，将{BAY}列入{WATCH}的决定另行公布。", [("impose", "ecl", (), D0)]),
    (f"将{NORTH}列入{ECL}；将{BAY}列入{WATCH}的决定另行公布。", [("impose", "ecl", (), D0)]),
    (f"将{NORTH}列入{ECL}；将{BAY}列入不可靠实体清单的具体名单将另行发布。", [("impose", "ecl", (), D0)]),
    # a listing decided, its decision named ("…的决定自公布之日起施行"): read as before
    (f"将{NORTH}列入{ECL}；将{BAY}列入{WATCH}的决定自公布之日起施行。",
     [("impose", "ecl", (N,), D0), ("impose", "watch", (B,), D0)]),
])
def test_a_listing_whose_decision_is_published_later_is_none_now(body: str, want: list[object]) -> None:
    steps, _ = _read(body)
    assert steps == want


def test_one_list_under_a_deciding_lead_in_reads_its_names() -> None:
    record = parse_document(ITEMS_PAGE.format(title="关于将有关实体列入出口管制管控名单的公告", lead="：\n\n",
                                              body=f"将{NORTH}列入{ECL}。").encode("utf-8")).notice
    assert record is not None and [e.key for e in record.entities] == [N] and record.warnings == ()


@pytest.mark.parametrize(("body", "why"), [
    # a day told after the first clause: whose listing it dates is not read
    (f"将{NORTH}列入{ECL}，自2027年6月1日起实施相关措施；将{BAY}列入{WATCH}。", "a later day told in one item"),
    (f"将{NORTH}列入{ECL}；将{BAY}列入{WATCH}，自2027年6月1日起实施。", "a later day told in one item"),
    # a clause whose names are not read ("等1家")
    (f"将{NORTH}、{SOUTH}等2家美国实体列入{ECL}；将{BAY}等1家美国实体列入{WATCH}。", "could not be read item by item"),
    # an item listing on two lists, as before (review51)
    (f"一、将{NORTH}列入{ECL}，将{BAY}列入{WATCH}。\n二、将{SOUTH}列入{ECL}。", "could not be read item by item"),
    # "不再将…列入" beside a listing
    (f"将{NORTH}列入{ECL}；不再将{SOUTH}列入{WATCH}。", "不再将…列入…\" beside a listing"),
])
def test_clauses_not_read_apart_are_held(body: str, why: str) -> None:
    with pytest.raises(UnusablePage, match="needs-review") as raised:
        _read(body, "：\n" if body.startswith("一") else "，")
    assert why in str(raised.value)


REMOVE_TITLE = "关于调整出口管制管控名单和关注名单的公告"


@pytest.mark.parametrize(("body", "title", "want"), [
    # probe46's B5 (it/i04): the removal on the list it names, no count warning
    (f"一、将{NORTH}、{SOUTH}等2家美国实体列入{ECL}。\n二、将{BAY}列入{WATCH}。\n三、将{THORN}从{WATCH}中移出。", BOTH,
     [("impose", "ecl", (N, S), D0), ("impose", "watch", (B,), D0), ("remove", "watch", (T,), D0)]),
    (f"将{THORN}从{WATCH}中移出。", REMOVE_TITLE, [("remove", "watch", (T,), D0)]),
    (f"将{THORN}从关注名单中移除。", REMOVE_TITLE, [("remove", "watch", (T,), D0)]),
    (f"将{THORN}从{ECL}中移出。", "关于调整出口管制关注名单的公告", [("remove", "ecl", (T,), D0)]),
    (f"将{THORN}从不可靠实体清单中移出。", "关于调整出口管制管控名单的公告", [("remove", "uel", (T,), D0)]),
    (f"将{THORN}移出{WATCH}。", REMOVE_TITLE, [("remove", "watch", (T,), D0)]),
    # probe46's B7 (rm/r1) and its neighbours: "不再将…列入" removes
    (f"不再将{SOUTH}列入{WATCH}。", "关于调整出口管制关注名单的公告", [("remove", "watch", (S,), D0)]),
    (f"不再将{SOUTH}、{BAY}列入{WATCH}。", "关于调整出口管制关注名单的公告", [("remove", "watch", (S, B), D0)]),
    (f"自2027年6月1日起，不再将{SOUTH}列入{ECL}。", "关于调整出口管制管控名单的公告", [("remove", "ecl", (S,), D1)]),
    (f"不再将{SOUTH}列入不可靠实体清单。", "关于将有关实体移出不可靠实体清单的公告", [("remove", "uel", (S,), D0)]),
])
def test_a_removal_reads_its_own_list(body: str, title: str, want: list[object]) -> None:
    steps, warnings = _read(body, "：\n" if body.startswith("一") else "，", title)
    assert steps == want
    assert warnings == ()


def test_not_listed_again_after_its_reason_names_the_entity() -> None:
    """"鉴于南岭光电公司（…）已配合完成…核查，商务部决定不再将其列入…": the pronoun's entity (probe46's rm/r1, the reason first)."""
    page = ITEMS_PAGE.replace("商务部决定{lead}", f"鉴于{SOUTH}已配合完成最终用户和最终用途核查，商务部决定{{lead}}")
    record = parse_document(page.format(title="关于调整出口管制关注名单的公告", lead="", body=f"不再将其列入{WATCH}。")
                            .encode("utf-8")).notice
    assert record is not None
    assert [(a.action.value, a.list and a.list.value, a.entities) for a in record.actions] == [("remove", "watch", (S,))]
    assert record.warnings == ()


STEP_PAGE = ("商务部公告2026年第366号 关于调整商务部公告2026年第337号相关措施的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年"
             "第366号\n【发文日期】2026年12月09日\n\n商务部公告2026年第366号\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口"
             "管制条例》等法律法规有关规定，商务部决定，{body}\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月9日\n")
ROCK = "赤岩动力公司（Red Rock Propulsion LLC）"
FIR = "银杉电子公司（Silver Fir Electronics Inc.）"
N337 = "商务部公告2026年第337号"


@pytest.mark.parametrize(("body", "want"), [
    # probe46's B8 (p3/w5): 2 is No. 337's count, not this notice's
    (f"自2026年12月15日起，暂停对{N337}所列2家美国实体中的{ROCK}实施相关措施，暂停期限为6个月。",
     ("suspend", ("redrockpropulsion",), 1)),
    (f"自2026年12月15日起，暂停对{N337}所列3家美国实体中的{ROCK}、{FIR}实施相关措施，暂停期限为6个月。",
     ("suspend", ("redrockpropulsion", "silverfirelectronics"), 2)),
    (f"自2026年12月15日起，停止对{N337}所列2家美国实体中的{ROCK}采取的相关措施。", ("lift", ("redrockpropulsion",), 1)),
    (f"自2026年12月15日起，恢复对{N337}所列2家实体中的{ROCK}实施相关措施。", ("restore", ("redrockpropulsion",), 1)),
    (f"自2026年12月15日起，暂停对{N337}所列2家美国实体中的赤岩动力公司实施相关措施，暂停期限为6个月。", ("suspend", ("赤岩动力",), 1)),
])
def test_a_count_before_among_is_the_earlier_notices(body: str, want: tuple[object, ...]) -> None:
    record = parse_document(STEP_PAGE.format(body=body).encode("utf-8")).notice
    assert record is not None
    assert [(a.action.value, a.entities, record.stated_count) for a in record.actions] == [want]
    assert record.warnings == ()


@pytest.mark.parametrize("among", ["2家美国实体中的1家实体", "2家美国实体中的赤岩动力公司等1家实体", "2家美国实体中的部分实体"])
def test_some_among_a_count_unnamed_stays_held(among: str) -> None:
    with pytest.raises(UnusablePage, match="could not be read"):
        parse_document(STEP_PAGE.format(body=f"自2026年12月15日起，暂停对{N337}所列{among}实施相关措施，暂停期限为6个月。")
                       .encode("utf-8"))


DL_PAGE = Path(__file__).resolve().parent.parent / "data" / "corpus" / "blind46" / "25-annex-as-dl-blocks.html"
DL_ENTRIES = ('<dl class="entity"><dt>1</dt><dd class="zh">鸢尾生物公司</dd><dd class="en">Iris Biosystems Inc.</dd></dl>\n'
              '<dl class="entity"><dt>2</dt><dd class="zh">飓风动力公司</dd><dd class="en">Hurricane Power Systems, Inc.</dd></dl>\n'
              '<dl class="entity"><dt>3</dt><dd class="zh">萤火虫电子公司</dd><dd class="en">Firefly Electronics LLC</dd></dl>\n')
IRIS, HURRICANE, FIREFLY = "irisbiosystems", "hurricanepowersystems", "fireflyelectronics"


def _dl_page(entries: str) -> tuple[list[str], tuple[str, ...]]:
    html = DL_PAGE.read_text(encoding="utf-8")
    assert DL_ENTRIES in html
    record = parse_document(html.replace(DL_ENTRIES, entries).encode("utf-8")).notice
    assert record is not None
    return [e.key for e in record.entities], record.warnings


@pytest.mark.parametrize("entries", [
    DL_ENTRIES,  # blind46/25 itself
    # one list, every entry a <dt> and its <dd>s; serials written "1." or "1、"
    '<dl><dt>1.</dt><dd>鸢尾生物公司</dd><dd>Iris Biosystems Inc.</dd><dt>2.</dt><dd>飓风动力公司</dd>'
    '<dd>Hurricane Power Systems, Inc.</dd>\n<dt>3、</dt><dd>萤火虫电子公司</dd><dd>Firefly Electronics LLC</dd></dl>',
    # blanks and line ends around the cells, one list per entry
    '<dl>\n <dt> 1 </dt>\n <dd> 鸢尾生物公司 </dd>\n <dd> Iris Biosystems Inc. </dd>\n</dl><dl><dt>2</dt><dd>飓风动力公司</dd>'
    '<dd>Hurricane Power Systems, Inc.</dd></dl><dl><dt>3</dt><dd>萤火虫电子公司</dd><dd>Firefly Electronics LLC</dd></dl>',
])
def test_an_annex_as_description_lists_reads_its_entries(entries: str) -> None:
    assert _dl_page(entries) == ([IRIS, HURRICANE, FIREFLY], ())


def test_a_description_list_of_chinese_names_alone_reads_them() -> None:
    keys, _ = _dl_page("<dl><dt>1</dt><dd>鸢尾生物公司</dd><dt>2</dt><dd>飓风动力公司</dd><dt>3</dt><dd>萤火虫电子公司</dd></dl>")
    assert keys == ["鸢尾生物", "飓风动力", "萤火虫电子"]


@pytest.mark.parametrize("entries", [
    # a term that is no serial (an info block), a detail with markup inside, an English detail holding Chinese
    "<dl><dt>名称</dt><dd>鸢尾生物公司</dd><dd>Iris Biosystems Inc.</dd></dl>",
    "<dl><dt>1</dt><dd><span>鸢尾生物公司</span></dd><dd>Iris Biosystems Inc.</dd></dl>",
    "<dl><dt>1</dt><dd>鸢尾生物公司</dd><dd>美国鸢尾 Iris</dd></dl>",
])
def test_other_description_lists_stay_as_they_were_and_the_count_warns(entries: str) -> None:
    keys, warnings = _dl_page(entries)
    assert len(keys) != 3 and any("notice states 3" in w for w in warnings)


@pytest.mark.parametrize(("text", "read"), [
    # quiet46's open B: the terms of a correction written in Chinese numerals, read in Arabic ones as the engine reads them
    ("商务部公告2026年第356号中“暂停期限分别为六个月和一年”有误，应为“暂停期限分别为三个月和一年”。其他内容不变。", "分别为3个月和1年"),
    ("商务部公告2026年第356号中“暂停期限分别为6个月和1年”有误，应为“暂停期限分别为三个月和1年”。", "分别为3个月和1年"),
    ("商务部公告2026年第356号中“暂停期限分别为6个月、1年”有误，现更正为“暂停期限分别为6个月、两年”。", "分别为6个月、2年"),
    ("商务部公告2026年第356号中“暂停期限分别为6个月和1年”有误，应为“暂停期限分别为十二个月和九十天”。", "分别为12个月和90天"),
    # not read, as before: nothing changed (the same terms in other numerals are still a change of words only), counts unequal
    ("商务部公告2026年第356号中“暂停期限分别为六个月和一年”有误，应为“暂停期限分别为三个月”。", None),
    ("商务部公告2026年第356号中“暂停期限分别为六个月和一年”有误，应为“暂停期限分别为六个月和一年”。", None),
])
def test_a_correction_of_terms_in_chinese_numerals_is_read(text: str, read: str | None) -> None:
    from scraper.parse.corrections import corrected_until
    assert corrected_until(text) == read


TAB_PAGE = Path(__file__).resolve().parent.parent / "data" / "corpus" / "quiet46" / "01-ecl-annex-tab-separated-p-lines.html"
TAB_ROWS = ("<p>1\t韩华海洋美国控股公司\tHanwha Ocean USA Holdings Inc.\t美国</p>\n"
            "<p>2\t韩国LIG机器人株式会社\tLIG Robotics Co., Ltd.\t韩国</p>\n"
            "<p>3\t大宇海事防务株式会社\tDaewoo Maritime Defense Co., Ltd.\t韩国</p>")
HANWHA, LIG, DAEWOO = "hanwhaoceanusaholdings", "ligrobotics", "daewoomaritimedefense"


@pytest.mark.parametrize(("rows", "names"), [
    (TAB_ROWS, ["韩华海洋美国控股公司", "韩国LIG机器人株式会社", "大宇海事防务株式会社"]),
    # quiet46's open B: a blank inside a Chinese name (one, several, a full-width one, beside Latin letters)
    (TAB_ROWS.replace("韩华海洋美国控股公司", "韩华海洋 美国控股公司"), ["韩华海洋美国控股公司", "韩国LIG机器人株式会社", "大宇海事防务株式会社"]),
    (TAB_ROWS.replace("韩华海洋美国控股公司", "韩华 海洋 美国控股公司").replace("大宇海事防务株式会社", "大宇海事\u3000防务株式会社"),
     ["韩华海洋美国控股公司", "韩国LIG机器人株式会社", "大宇海事防务株式会社"]),
    (TAB_ROWS.replace("韩国LIG机器人株式会社", "韩国LIG 机器人株式会社"), ["韩华海洋美国控股公司", "韩国LIG机器人株式会社", "大宇海事防务株式会社"]),
])
def test_an_annex_of_spaced_rows_reads_a_name_with_a_blank_inside(rows: str, names: list[str]) -> None:
    html = TAB_PAGE.read_text(encoding="utf-8")
    assert TAB_ROWS in html
    record = parse_document(html.replace(TAB_ROWS, rows).encode("utf-8")).notice
    assert record is not None
    assert [(e.key, e.zh, e.country) for e in record.entities] == [
        (HANWHA, names[0], "US"), (LIG, names[1], "KR"), (DAEWOO, names[2], "KR")]
    assert record.warnings == ()
