"""Session 44's three open A's in the step clauses (clauses45, session 45), each silent on main at the session's start;
expected steps written before the fixes, from the texts' own words.

- probe44 #22: "…相关措施1年，第22号相关措施亦同，但期限为6个月" gave No. 22 the year: the "但…" clause after the "亦同" one was
  passed over (``actions.apart._clauses``). Read: the notice of the "亦同" clause takes the term or end the "但" clause tells;
  any other clause with a term, an end or a "但" after the step's notice clauses is not plain (held by the checks).
- probe44 #13: terms after 分别 not read as pairs: "…暂停期限分别延长six months和1年" (both a year), "…6 months和1 year" (an
  extension with no end), and "暂停实施…，暂停期限分别延长6个月和1年" (the extensions right, beside them a suspension of both
  with no end: a false "Suspended … until further notice"). A term in English is held (``checks.unread_latin_term``); the
  suspension said whole by the extensions of each is dropped (``clauses._drop_said_apart``).
- review48: "…附件第5项“A”修改为“B”，并将第7项“C”移出该附件" removed item 5 (the sentence's first "附件第N项") and kept 7:
  the removal's lines are now those of its own clause (``rules.record._own_serials``), and a rename beside a step, which
  no reading takes (a correction is read alone), is held (``checks.unread_annex_amendment``)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

N21, N22, N23, U7 = "MOFCOM-2025-21", "MOFCOM-2025-22", "MOFCOM-2025-23", "UEL-2025-7"

# A spokesperson's answer in the words of the real one of 2025-11-05 (qa-2025-11-05-uel-extend-stop.txt), the step told
# on two notices of two lists.
QA = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-05 17:00\n\n"
      "商务部新闻发言人就调整不可靠实体清单和出口管制管控名单措施答记者问\n"
      "问：有消息称，根据中美经贸磋商共识，中方将调整一批针对美国的非关税措施。请问在不可靠实体清单和出口管制管控名单方面有什么考虑？\n"
      "答：根据《中华人民共和国反外国制裁法》《中华人民共和国出口管制法》《不可靠实体清单规定》及有关规定，不可靠实体清单工作机制和"
      "商务部于2025年4月4日发布公告，将一批美国实体列入不可靠实体清单和出口管制管控名单，采取相应措施。为落实中美经贸磋商共识，"
      "{a}根据《不可靠实体清单规定》相关规定，国内企业可申请与上述实体进行交易，不可靠实体清单工作机制将依法进行审核，对符合条件的"
      "申请予以批准。\n")
# A notice in the words of 商务部公告2025年第21号 and the suspensions of 2025
NOTICE = ("商务部公告2026年第88号 关于继续暂停实施相关措施的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第88号\n"
          "【发文日期】2026年11月05日\n\n商务部公告2026年第88号\n\n为落实中美经贸磋商共识，根据《中华人民共和国出口管制法》和《中华人民共和国"
          "两用物项出口管制条例》等法律法规有关规定，{a}\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年11月5日\n")
Step = tuple[str, str, str | None, str | None, str | None]  # action, notice, start, end, extended by


def _steps(page: str) -> list[Step]:
    record = parse_document(page.encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, t.key or "", a.effective, a.until and a.until.isoformat(), a.extends_by)
            for a in record.actions for t in a.targets]


def _held(page: str) -> str:
    with pytest.raises(UnusablePage) as refused:
        parse_document(page.encode("utf-8"))
    assert refused.value.reason == "needs-review", refused.value
    return str(refused.value)


# --- probe44 #22: "…亦同，但期限为6个月" ------------------------------------------------------------------------------------

def test_the_answer_s_same_step_with_a_term_of_its_own_gives_that_notice_its_term() -> None:
    """UEL 〔2025〕7号 a year, ECL No. 21 six months (was a year, six months late, silently)."""
    page = QA.format(a="中方决定自2026年11月10日起，继续暂停实施4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施1年，"
                       "商务部公告2025年第21号相关措施亦同，但期限为6个月。")
    assert _steps(page) == [("extend", U7, "2026-11-10", "2027-11-10", None),
                            ("extend", N21, "2026-11-10", "2027-05-10", None)]


def test_the_notice_s_same_step_with_a_term_of_its_own_gives_that_notice_its_term() -> None:
    page = NOTICE.format(a="商务部决定，自2026年11月10日起，暂停实施商务部公告2025年第21号相关措施，暂停期限为1年，第22号相关措施亦同，"
                            "但期限为6个月。")
    assert _steps(page) == [("suspend", N21, "2026-11-10", "2027-11-10", None),
                            ("suspend", N22, "2026-11-10", "2027-05-10", None)]


D = "商务部决定，自2026年11月10日起，"
STEP21 = f"{D}暂停实施商务部公告2025年第21号相关措施1年，第22号相关措施亦同，"


@pytest.mark.parametrize(("tail", "steps"), [
    ("但期限为6个月。", [("suspend", N21, "2026-11-10", "2027-11-10", None), ("suspend", N22, "2026-11-10", "2027-05-10", None)]),
    ("但期限为半年。", [("suspend", N21, "2026-11-10", "2027-11-10", None), ("suspend", N22, "2026-11-10", "2027-05-10", None)]),
    ("但暂停期限为6个月。", [("suspend", N21, "2026-11-10", "2027-11-10", None),
                         ("suspend", N22, "2026-11-10", "2027-05-10", None)]),
    ("但为期6个月。", [("suspend", N21, "2026-11-10", "2027-11-10", None), ("suspend", N22, "2026-11-10", "2027-05-10", None)]),
    ("但是其期限为6个月。", [("suspend", N21, "2026-11-10", "2027-11-10", None),
                        ("suspend", N22, "2026-11-10", "2027-05-10", None)]),
    ("但暂停至2027年5月10日。", [("suspend", N21, "2026-11-10", "2027-11-10", None),
                          ("suspend", N22, "2026-11-10", "2027-05-10", None)]),
    ("但期限为6个月，第23号相关措施2年。", [("suspend", N21, "2026-11-10", "2027-11-10", None),
                                ("suspend", N22, "2026-11-10", "2027-05-10", None),
                                ("suspend", N23, "2026-11-10", "2028-11-10", None)]),
    ("但期限为6个月，期满后自动恢复实施。", [("suspend", N21, "2026-11-10", "2027-11-10", None),
                                ("suspend", N22, "2026-11-10", "2027-05-10", None),
                                ("restore", N21, "2027-11-11", None, None), ("restore", N22, "2027-05-11", None, None)]),
])
def test_a_same_step_but_with_its_own_term_is_read(tail: str, steps: list[Step]) -> None:
    assert _steps(NOTICE.format(a=STEP21 + tail)) == steps


@pytest.mark.parametrize("text", [
    STEP21 + "期限为6个月。",  # no 但: the step's term again, or No. 22's?
    STEP21 + "但第22号期限为6个月。",
    STEP21 + "但不包括甲公司。",
    STEP21 + "但暂停期限延长6个月。",
    STEP21 + "但期限为6个月和1年。",
    STEP21 + "但期限为6个月，第23号相关措施亦同。",  # the same as No. 22's, or as the step's?
    f"{D}停止实施商务部公告2025年第21号相关措施，第22号相关措施亦同，但自2027年1月1日起停止。",
    f"{D}继续暂停实施商务部公告2025年第21号相关措施，暂停期限延长1年，第22号相关措施亦同，但期限为6个月。",
])
def test_a_same_step_with_a_clause_not_plain_is_held(text: str) -> None:
    _held(NOTICE.format(a=text))


# --- probe44 #13: terms after 分别 ------------------------------------------------------------------------------------------

TWO = "商务部公告2025年第21号和第22号相关措施"


@pytest.mark.parametrize("text", [
    f"{D}继续暂停实施{TWO}，暂停期限分别延长six months和1年。",
    f"{D}继续暂停实施{TWO}，暂停期限分别延长6 months和1 year。",
    f"{D}暂停实施{TWO}，暂停期限分别为6个月和1 year。",
    f"{D}暂停实施{TWO}，暂停期限分别为6个月和twelve months。",
    "商务部决定，将商务部公告2025年第22号和第21号相关措施的暂停期限分别延长six months和1年。",
    f"{D}暂停实施商务部公告2025年第21号相关措施，暂停期限为6 months。",
    f"{D}继续暂停实施商务部公告2025年第21号相关措施，暂停期限延长one year。",
    f"{D}暂停实施商务部公告2025年第21号相关措施，为期90 days。",
])
def test_a_term_in_english_is_held(text: str) -> None:
    assert "written in words the dates do not read" in _held(NOTICE.format(a=text))


@pytest.mark.parametrize(("text", "steps"), [
    # a suspension then 分别延长: the extensions alone (was a suspension of both with no end beside them)
    (f"{D}暂停实施{TWO}，暂停期限分别延长6个月和1年。",
     [("extend", N21, "2026-11-10", "2027-05-10", None), ("extend", N22, "2026-11-10", "2027-11-10", None)]),
    (f"{D}暂停实施{TWO}，暂停期限分别延长6个月和一年。",
     [("extend", N21, "2026-11-10", "2027-05-10", None), ("extend", N22, "2026-11-10", "2027-11-10", None)]),
    (f"{D}暂停实施{TWO}，暂停期限分别延长90日和180日。",
     [("extend", N21, "2026-11-10", "2027-02-08", None), ("extend", N22, "2026-11-10", "2027-05-09", None)]),
    # no start: each extended from its own end (was an extension of both with no term beside them)
    (f"商务部决定，继续暂停实施{TWO}，暂停期限分别延长6个月和1年。",
     [("extend", N21, "2026-11-05", None, "P6M"), ("extend", N22, "2026-11-05", None, "P1Y")]),
    (f"商务部决定，暂停实施{TWO}，暂停期限分别延长6个月和1年。",
     [("extend", N21, "2026-11-05", None, "P6M"), ("extend", N22, "2026-11-05", None, "P1Y")]),
    # 分别延长为 (was held as two terms of one step)
    (f"{D}将{TWO}的暂停期限分别延长为6个月和1年。",
     [("extend", N21, "2026-11-10", "2027-05-10", None), ("extend", N22, "2026-11-10", "2027-11-10", None)]),
    # Chinese and Arabic numerals mixed, read as before
    (f"{D}继续暂停实施{TWO}，暂停期限分别延长六个月和1年。",
     [("extend", N21, "2026-11-10", "2027-05-10", None), ("extend", N22, "2026-11-10", "2027-11-10", None)]),
    (f"{D}继续暂停实施{TWO}，暂停期限分别为九十天和一百八十天。",
     [("extend", N21, "2026-11-10", "2027-02-08", None), ("extend", N22, "2026-11-10", "2027-05-09", None)]),
])
def test_each_extended_by_its_own_term_and_nothing_more(text: str, steps: list[Step]) -> None:
    assert _steps(NOTICE.format(a=text)) == steps


# --- review48: a rename and a removal in one sentence of an annex amendment -------------------------------------------------

AMEND = ("商务部公告2026年第246号 关于修改商务部公告2026年第23号附件有关内容的公告\n【发布单位】安全与管制局\n"
         "【发布文号】商务部公告2026年第246号\n【发文日期】2026年12月14日\n商务部公告2026年第246号\n{a}\n"
         "该公告其他内容不变，相关措施继续实施。\n本公告自公布之日起实施。\n商务部\n2026年12月14日\n")
JAIA, DEEP = "“杰亚机器人公司（Jaia Robotics, Inc.）”", "“深蓝海洋科技公司（Deep Blue Marine Technologies LLC）”"


def test_an_annex_rename_beside_a_removal_is_held() -> None:
    """Was a removal of item 5 (the renamed entry) and item 7 kept listed, silently."""
    text = (f"根据有关实体提出的申请并经核实，现将商务部公告2026年第23号附件第5项{JAIA}修改为“杰亚机器人技术公司（Jaia Robotics, "
            f"Inc.）”，并将第7项{DEEP}移出该附件。")
    assert "renamed beside the notice's steps" in _held(AMEND.format(a=text))


def _removed(page: str) -> list[tuple[str, tuple[str, ...]]]:
    record = parse_document(page.encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, tuple(a.entities)) for a in record.actions]


@pytest.mark.parametrize(("text", "lines"), [
    (f"根据有关实体提出的申请并经核实，商务部决定，保留商务部公告2026年第23号附件第5项，将第7项{DEEP}移出该附件。", ("第7项",)),
    (f"根据有关实体提出的申请并经核实，现将商务部公告2026年第23号附件第5项{JAIA}和第7项{DEEP}移出该附件。",
     ("第5项", "第7项")),
    ("根据有关实体提出的申请并经核实，现将商务部公告2026年第23号附件第5项、第7项所列实体移出该附件。", ("第5项", "第7项")),
    ("根据有关实体提出的申请并经核实，现将商务部公告2026年第23号附件第5项，第7项所列实体移出该附件。", ("第5项", "第7项")),
    (f"根据有关实体提出的申请并经核实，现将商务部公告2026年第23号附件第5项{JAIA}，第7项{DEEP}移出该附件。", ("第5项", "第7项")),
])
def test_an_amendment_removes_the_lines_its_removal_names(text: str, lines: tuple[str, ...]) -> None:
    assert _removed(AMEND.format(a=text)) == [("remove", lines)]


REMOVAL = ("商务部公告2026年第247号 关于将1家美国实体移出出口管制管控名单的公告\n【发布单位】安全与管制局\n"
           "【发布文号】商务部公告2026年第247号\n【发文日期】2026年12月14日\n商务部公告2026年第247号\n{a}\n"
           "本公告自公布之日起实施。\n商务部\n2026年12月14日\n")


@pytest.mark.parametrize("text", [
    "根据《中华人民共和国出口管制法》等法律法规有关规定，鉴于商务部公告2026年第23号附件第5项所列实体的整改尚未完成，第7项所列实体"
    "已按要求整改，商务部决定，将第7项所列实体移出出口管制管控名单。",
    "根据《中华人民共和国出口管制法》等法律法规有关规定，经审查，商务部公告2026年第23号附件第5项所列实体的申请不予批准，现将第7项"
    f"{DEEP}移出该附件。",
])
def test_a_removal_after_another_line_told_removes_its_own_line(text: str) -> None:
    """Was line 5 removed (told as not removed), line 7 kept, silently."""
    assert _removed(REMOVAL.format(a=text)) == [("remove", ("第7项",))]


def test_a_removal_of_lines_told_before_still_takes_them() -> None:
    text = ("商务部公告2026年第23号附件第3项所列实体已按要求完成整改。根据《中华人民共和国出口管制法》等法律法规有关规定，商务部决定，"
            "将上述1家实体移出出口管制管控名单。")
    assert _removed(REMOVAL.format(a=text)) == [("remove", ("第3项",))]


# --- probing #13's fix: a notice changing a suspension's term in words no step reads ------------------------------------------
# "将…第21号相关措施的暂停期限调整为180日" read as no step and no word (an answer so worded is held by its title): held.

TERM_NOTICE = ("商务部公告2026年第88号 关于调整商务部公告2025年第21号相关措施暂停期限的公告\n【发布单位】安全与管制局\n"
               "【发布文号】商务部公告2026年第88号\n【发文日期】2026年12月03日\n\n商务部公告2026年第88号\n\n"
               "根据《中华人民共和国出口管制法》等法律法规有关规定，{a}\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月3日\n")


@pytest.mark.parametrize("text", [
    "商务部决定，自2026年12月10日起，将商务部公告2025年第21号相关措施的暂停期限调整为180日。",
    "商务部决定，自2026年12月10日起，将商务部公告2025年第21号相关措施的暂停期限缩短为90日。",
    "商务部决定，将商务部公告2025年第21号相关措施的暂停期限缩短至2026年12月31日。",
    "商务部决定，将商务部公告2025年第21号相关措施的暂停期限变更为至2027年6月30日。",
    "商务部决定，商务部公告2025年第21号相关措施的暂停期限提前至2026年12月31日届满。",
    "商务部决定，商务部公告2025年第21号相关措施的暂停期限改为1年。",
])
def test_a_notice_changing_a_suspension_s_term_unread_is_held(text: str) -> None:
    assert "reads no step" in _held(TERM_NOTICE.format(a=text))


# --- found beside review48's form: a removal notice naming annex lines by number read them as entity names ----------------------
# "将商务部公告2026年第23号附件所列第3项实体移出…" read the entity "第3项实体", "…附件第3项“甲公司（A Inc.）”移出…" the entity
# "商务部公告2026年第23号附件第3项“甲公司（A Inc.）”": a removal of names no listing has (an unresolved reference, loud). Now the
# lines are removed by number (as "附件第3项所列实体" and parse20/19's "附件所列第3、5项实体" were: no name read, the count
# warning of those kept), or by the names quoted after them.

REMOVE_TWO = REMOVAL.replace("1家", "2家")
DECIDED = "根据《中华人民共和国出口管制法》等法律法规有关规定，商务部决定，将商务部公告2026年第23号附件"


@pytest.mark.parametrize(("text", "removed", "entities"), [
    (f"{DECIDED}所列第3项实体移出出口管制管控名单。", ("第3项",), []),
    (f"{DECIDED}所列第3项美国实体移出出口管制管控名单。", ("第3项",), []),
    (f"{DECIDED}第3项、第5项所列实体移出出口管制管控名单。", ("第3项", "第5项"), []),
    (f"{DECIDED}所列第3至5项实体移出出口管制管控名单。", ("第3项", "第4项", "第5项"), []),
    (f"{DECIDED}第3项“甲公司（A Inc.）”和第5项“乙公司（B, Inc.）”移出出口管制管控名单。", None,
     [("甲公司", "A Inc."), ("乙公司", "B, Inc.")]),
])
def test_annex_lines_by_number_are_no_entity_names(text: str, removed: tuple[str, ...] | None,
                                                  entities: list[tuple[str, str]]) -> None:
    record = parse_document(REMOVE_TWO.format(a=text).encode("utf-8")).notice
    assert record is not None
    assert [(e.zh, e.en) for e in record.entities] == entities
    [action] = record.actions
    assert action.action.value == "remove"
    assert action.entities == (removed if removed is not None else tuple(e.key for e in record.entities))
