"""words48's parser wordings (session 48): the open B of session 47, each through ``parse_document``.

- probe47's B4: two named steps in one sentence ("停止对…第337号所列银杉…实施相关措施；暂停对…第337号所列赤岩…实施相关措施，暂停期
  限为6个月"), and the second as "对…所列赤岩…继续暂停实施相关措施", "继续暂停对…所列赤岩…", or under "作出如下调整：一、…二、…": the
  first step's names alone were the notice's, so the second was held as "limited to an entity that could not be read". Now each
  step's own names are read (``named._annex_or_prose``).
- probe47's B5: "将…第101号所列北风推进公司（…）等2家实体由…管控名单调至…关注名单" read no name (a count warning, a watch listing of
  nobody); now the one named is moved, the other the engine's problem (``counted.named_fewer``). A move naming none of those it
  moves ("…所列2家实体", "…所列全部实体由…调至…") is held for a person (it was a listing of nobody beside a warning).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

STEP_PAGE = ("商务部公告2026年第366号 关于调整商务部公告2026年第337号相关措施的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年"
             "第366号\n【发文日期】2026年12月09日\n\n商务部公告2026年第366号\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口"
             "管制条例》等法律法规有关规定，商务部决定{body}\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月9日\n")
ROCK = "赤岩动力公司（Red Rock Propulsion LLC）"
FIR = "银杉电子公司（Silver Fir Electronics Inc.）"
N337, N338 = "商务部公告2026年第337号", "商务部公告2026年第338号"
R, F = "redrockpropulsion", "silverfirelectronics"
D, END = "2026-12-10", "2027-06-10"


def _steps(body: str) -> tuple[list[tuple[object, ...]], tuple[str, ...]]:
    record = parse_document(STEP_PAGE.format(body=body).encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, tuple(t.key for t in a.targets), a.entities, a.effective, a.until and a.until.isoformat())
            for a in record.actions], record.warnings


LIFT_F = ("lift", ("MOFCOM-2026-337",), (F,), D, None)


@pytest.mark.parametrize(("body", "want"), [
    # probe47's x04, w01, w02, a01 (held before)
    (f"，自2026年12月10日起，停止对{N337}所列{FIR}实施相关措施；暂停对{N337}所列{ROCK}实施相关措施，暂停期限为6个月。",
     [LIFT_F, ("suspend", ("MOFCOM-2026-337",), (R,), D, END)]),
    (f"，自2026年12月10日起，停止对{N337}所列{FIR}实施相关措施；对{N337}所列{ROCK}继续暂停实施相关措施，暂停期限为6个月。",
     [LIFT_F, ("extend", ("MOFCOM-2026-337",), (R,), D, END)]),
    (f"，自2026年12月10日起，停止对{N337}所列{FIR}实施相关措施；继续暂停对{N337}所列{ROCK}实施相关措施，暂停期限为6个月。",
     [LIFT_F, ("extend", ("MOFCOM-2026-337",), (R,), D, END)]),
    (f"对{N337}相关措施作出如下调整：自2026年12月10日起，停止对{N337}所列{FIR}实施相关措施；对{N337}所列{ROCK}继续暂停实施相关"
     "措施，暂停期限为6个月。", [LIFT_F, ("extend", ("MOFCOM-2026-337",), (R,), D, END)]),
    # probe47's w03: items under "作出如下调整：", "该公告所列"
    (f"，对{N337}相关措施作出如下调整：\n一、自2026年12月10日起，停止对该公告所列{FIR}实施相关措施。\n二、自2026年12月10日起，继续暂停"
     f"对该公告所列{ROCK}实施相关措施，暂停期限为6个月。", [LIFT_F, ("extend", ("MOFCOM-2026-337",), (R,), D, END)]),
    # the other order, and two notices
    (f"，自2026年12月10日起，暂停对{N337}所列{ROCK}实施相关措施，暂停期限为6个月；停止对{N337}所列{FIR}实施相关措施。",
     [("suspend", ("MOFCOM-2026-337",), (R,), D, END), LIFT_F]),
    (f"，自2026年12月10日起，停止对{N337}所列{FIR}实施相关措施；暂停对{N338}所列{ROCK}实施相关措施，暂停期限为6个月。",
     [LIFT_F, ("suspend", ("MOFCOM-2026-338",), (R,), D, END)]),
])
def test_two_named_steps_in_one_sentence_each_take_their_own_names(body: str, want: list[object]) -> None:
    steps, warnings = _steps(body)
    assert steps == want
    assert warnings == ()


def test_a_second_step_on_some_unnamed_is_held_not_given_the_first_steps_names() -> None:
    """"停止对…所列银杉（…）实施相关措施；暂停对…所列2家实体中的1家实体实施相关措施": the second step's object is some of No. 337,
    unnamed. Main (before session 48) gave it the notice's entities, which were the first step's: 银杉 suspended (A, a false
    item, the count warning alone saying anything). Held, as the step alone is."""
    with pytest.raises(UnusablePage, match="could not be read"):
        _steps(f"，自2026年12月10日起，停止对{N337}所列{FIR}实施相关措施；暂停对{N337}所列2家实体中的1家实体实施相关措施，"
               "暂停期限为6个月。")


MOVE_PAGE = ("商务部公告2027年第120号 关于调整部分实体所在名单的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第120号\n"
             "【发文日期】2027年05月20日\n\n商务部公告2027年第120号\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制"
             "条例》等法律法规有关规定，商务部决定，{body}\n\n本公告自公布之日起正式实施。\n\n商务部\n2027年5月20日\n")
NORTH = "北风推进公司（Northwind Propulsion Inc.）"
EAST = "东湖材料公司（East Lake Materials Corp.）"
N101 = "商务部公告2027年第101号"
TO_WATCH = "由出口管制管控名单调至出口管制关注名单"


def _moved(body: str) -> tuple[list[tuple[object, ...]], list[str], tuple[str, ...]]:
    record = parse_document(MOVE_PAGE.format(body=body).encode("utf-8")).notice
    assert record is not None
    return ([(a.action.value, a.list and a.list.value, a.entities) for a in record.actions],
            [e.key for e in record.entities], record.warnings)


@pytest.mark.parametrize(("body", "lists"), [
    (f"将{N101}所列{NORTH}等2家实体{TO_WATCH}。", ("ecl", "watch")),  # probe47's m12
    (f"将{NORTH}等2家美国实体{TO_WATCH}。", ("ecl", "watch")),
    (f"将{N101}所列{NORTH}等2家实体由出口管制关注名单调至出口管制管控名单。", ("watch", "ecl")),
    (f"将{N101}所列{NORTH}等2家实体移出出口管制管控名单，列入出口管制关注名单。", ("ecl", "watch")),
])
def test_a_move_of_one_named_among_a_count_moves_the_one_and_warns(body: str, lists: tuple[str, str]) -> None:
    """The one named is moved (off the first list, on the second); the count warns of the other, and the engine says so
    (``counted.named_fewer``). Was: no name read, a listing of nobody on the second list."""
    steps, keys, warnings = _moved(body)
    assert steps == [("remove", lists[0], ("northwindpropulsion",)), ("impose", lists[1], ())]
    assert keys == ["northwindpropulsion"]
    assert warnings == ("parsed 1 entities, notice states 2",)


def test_a_move_of_both_named_is_read_as_before() -> None:
    steps, keys, warnings = _moved(f"将{N101}所列{NORTH}、{EAST}等2家实体{TO_WATCH}。")
    assert steps == [("remove", "ecl", ("northwindpropulsion", "eastlakematerials")), ("impose", "watch", ())]
    assert warnings == ()


@pytest.mark.parametrize("body", [
    f"将{N101}所列2家实体{TO_WATCH}。",  # probe47's m07
    f"将{N101}所列全部实体{TO_WATCH}。",  # probe47's m08
    f"将{N101}所列实体移出出口管制管控名单，列入出口管制关注名单。",
    f"将{N101}所列{NORTH}等2家实体（见附件）{TO_WATCH}。",  # the annex named and missing
])
def test_a_move_naming_none_it_moves_is_held(body: str) -> None:
    with pytest.raises(UnusablePage, match="a move to another list names none of the entities it moves"):
        _moved(body)


TAB_PAGE = Path(__file__).resolve().parent.parent / "data" / "corpus" / "quiet46" / "01-ecl-annex-tab-separated-p-lines.html"
TAB_HEAD = "<p>序号\t中文名称\t英文名称\t国家（地区）</p>"
HANWHA = [("韩华海洋美国控股公司", "Hanwha Ocean USA Holdings Inc.", "US"), ("韩国LIG机器人株式会社", "LIG Robotics Co., Ltd.", "KR"),
          ("大宇海事防务株式会社", "Daewoo Maritime Defense Co., Ltd.", "KR")]


@pytest.mark.parametrize("head", ["No.\tChinese Name\tEnglish Name\tCountry/Region", "No.\tName (Chinese)\tName (English)\tCountry",
                                  "No\tChinese Name\tEnglish Name\tCountry", "NO.\tName in Chinese\tName in English\tCountry or Region",
                                  "序号\t中文名称\t英文名称\t国家（地区）"])
def test_a_spaced_annex_under_an_english_only_header_is_read(head: str) -> None:
    """words47's (quiet46's) open B: tab-separated ``<p>`` rows under "No. Chinese Name English Name Country/Region" (the
    page's tabs folded to blanks, so the blanks inside a cell look like the blanks between cells) were read line by line:
    "parsed 0 entities, notice states 3". Now the header's words are joined into the cells they name."""
    page = TAB_PAGE.read_text(encoding="utf-8")
    assert TAB_HEAD in page
    record = parse_document(page.replace(TAB_HEAD, f"<p>{head}</p>").encode("utf-8")).notice
    assert record is not None
    assert [(e.zh, e.en, e.country) for e in record.entities] == HANWHA
    assert record.warnings == ()


def test_an_english_header_naming_no_known_cell_stays_loud() -> None:
    page = TAB_PAGE.read_text(encoding="utf-8").replace(TAB_HEAD, "<p>No.\tEntity Title\tRemarks\tWhere</p>")
    record = parse_document(page.encode("utf-8")).notice
    assert record is not None and record.warnings == ("parsed 0 entities, notice states 3",)


# --- count47's open B: a month's end in a sentence naming two notices or more --------------------------------------------

MONTH_END_21 = "暂停实施商务部公告2025年第21号相关措施"
BOTH = "暂停实施商务部公告2025年第21号和第22号相关措施"
N21, N22 = "MOFCOM-2025-21", "MOFCOM-2025-22"


def _ends(text: str, notice: bool) -> list[tuple[tuple[str, ...], str | None, str | None]]:
    from tests.scraper.test_parse_clauses44 import HEAD, RELEASE, TAIL

    opening = "商务部决定，自2026年12月10日起，" if notice else "中方决定，自2026年12月10日起，"
    page = HEAD + opening + text + TAIL if notice else RELEASE.format(a=opening + text)
    record = parse_document(page.encode("utf-8")).notice
    assert record is not None
    return [(tuple(t.key or "" for t in a.targets), a.effective, a.until and a.until.isoformat()) for a in record.actions]


@pytest.mark.parametrize("notice", [False, True])
@pytest.mark.parametrize(("text", "want"), [
    (f"{MONTH_END_21}1年，第22号相关措施暂停至2027年6月底。", [((N21,), "2027-12-10"), ((N22,), "2027-06-30")]),
    (f"{MONTH_END_21}至2027年6月底，第22号相关措施1年。", [((N21,), "2027-06-30"), ((N22,), "2027-12-10")]),
    (f"{MONTH_END_21}1年，第22号相关措施至2027年6月底。", [((N21,), "2027-12-10"), ((N22,), "2027-06-30")]),
    (f"{BOTH}，暂停至2027年6月底。", [((N21, N22), "2027-06-30")]),
    (f"{BOTH}，暂停期限至2027年6月底。", [((N21, N22), "2027-06-30")]),
    ("暂停实施商务部公告2025年第21号、第22号相关措施，暂停期限分别至2027年6月底和2027年12月31日。",
     [((N21,), "2027-06-30"), ((N22,), "2027-12-31")]),
    (f"{MONTH_END_21}1年，第22号相关措施亦同，但期限至2027年6月底。", [((N21,), "2027-12-10"), ((N22,), "2027-06-30")]),
])
def test_a_month_s_end_in_a_sentence_naming_two_notices_is_read_for_its_own(notice: bool, text: str,
                                                                              want: list[tuple[object, str]]) -> None:
    """Held since session 47 (count47: "…第21号相关措施1年，第22号相关措施暂停至2027年6月底" would have given No. 21 that end: the
    clauses per notice read only days written whole). ``actions.apart`` reads a month's end as a day written whole now, and
    the checks that hold a clause no step reads know it too."""
    assert [(keys, until) for keys, _, until in _ends(text, notice)] == want


@pytest.mark.parametrize("notice", [False, True])
@pytest.mark.parametrize(("text", "why"), [
    (f"{BOTH}1年，第22号相关措施暂停至2027年6月底。", "no step reads"),
    (f"{MONTH_END_21}1年，其中第22号相关措施暂停至2027年6月底。", "no step reads"),
    (f"{BOTH}1年，但第22号相关措施暂停期限至2027年6月底。", "with a term and no step"),
    (f"{BOTH}，暂停期限分别为1年和至2027年6月底。", "a term and an end"),
    (f"{BOTH}，暂停期限分别为1年和至2027年6月30日。", "a term and an end"),  # (A: both read to 06-30, No. 21's year lost)
    (f"{BOTH}，暂停至2027年6月底前。", "is no day the dates read"),
    # the second day's year not written: one step on both to the first day (A with whole days, the month's end held before);
    # a later day of the first's year is read since session 51 (resp51: "…分别至2027年6月30日和12月31日"), an earlier one held
    (f"{BOTH}，暂停期限分别至2027年12月31日和6月30日。", "says 分别 but reads one end"),
    (f"{BOTH}，暂停期限分别至2027年6月底和12月底。", "says 分别 but reads one end"),
    (f"{BOTH}，暂停期限分别至2027年6月底和年底。", "says 分别 but reads one end"),
])
def test_a_month_s_end_whose_notice_is_not_read_stays_held(notice: bool, text: str, why: str) -> None:
    with pytest.raises(UnusablePage, match=why):
        _ends(text, notice)


# --- a title naming the notice that set the suspension -----------------------------------------------------------------

EXT_PAGE = ("商务部公告2027年第164号 {title}\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第164号\n【发文日期】2027年12月16日\n\n"
            "商务部公告2027年第164号\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，商务部决定，"
            "{body}\n\n本公告自公布之日起正式实施。\n\n商务部\n2027年12月16日\n")


@pytest.mark.parametrize("title", ["关于延长商务部公告2027年第130号暂停期限的公告", "关于延长商务部公告2027年第130号公告暂停期限的公告",
                                   "关于延长商务部公告2027年第130号的暂停期限的公告",
                                   "关于延长商务部公告2027年第101号相关措施暂停期限的公告"])
def test_a_title_naming_the_suspending_notice_is_told_by_the_body(title: str) -> None:
    """"关于延长商务部公告2027年第130号暂停期限的公告" (No. 130 suspended No. 101) over "将商务部公告2027年第101号相关措施的暂停期限
    延长1年": the title's step was read as an extension of No. 130 itself beside the body's, and replayed as a status row "No. 130
    suspended" of no entity and an item "Suspension extended: item controls of 商务部公告2027年第130号 … until further notice"
    beside a problem. The body says whose measures: one extension, of No. 101."""
    record = parse_document(EXT_PAGE.format(title=title, body="将商务部公告2027年第101号相关措施的暂停期限延长1年。")
                            .encode("utf-8")).notice
    assert record is not None
    assert [(a.action.value, tuple(t.key for t in a.targets), a.extends_by) for a in record.actions] == [
        ("extend", ("MOFCOM-2027-101",), "P1Y")]


def test_a_title_naming_a_notice_the_body_does_not_still_gives_its_step() -> None:
    """"关于暂停执行…第101号和第102号相关措施的公告" over a body naming No. 101 alone: the title's step on both is kept (No. 102's
    is the title's to say: story46), as before."""
    record = parse_document(EXT_PAGE.format(title="关于暂停执行商务部公告2027年第101号和第102号相关措施的公告",
                                            body="自2027年12月17日起，暂停执行商务部公告2027年第101号相关措施，暂停期限为1年。")
                            .encode("utf-8")).notice
    assert record is not None
    assert sorted(tuple(t.key for t in a.targets) for a in record.actions) == [("MOFCOM-2027-101",),
                                                                                ("MOFCOM-2027-101", "MOFCOM-2027-102")]
