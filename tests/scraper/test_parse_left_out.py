"""Steps the parser sees and cannot read are refused for a person to read (session 22, loud22): parse22's cases 13 and
04 (tests/data/corpus/parse22/) cut or reworded. A warning alone is no health issue: the notice was stored as if it
changed less than it does. ``page.check_record`` raises "needs-review" (an unusable-page health issue in the pipeline,
tests/mofcom_watch/test_stories_lapses_and_corrections.py L01-L03) for every warning ending in ``rules.LEFT_OUT``."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from scraper.parse.rules.checks.common import LEFT_OUT
from storage.records import UnusablePage

CASES = Path(__file__).resolve().parents[1] / "data" / "corpus" / "parse22"
LIFT = (CASES / "13-ecl-lift-some-extend-others-annex.txt").read_text(encoding="utf-8")
LEAD_IN = "商务部决定对商务部公告2025年第21号所列16家美国实体的相关措施作如下调整："


def _refused(text: str) -> str:
    with pytest.raises(UnusablePage) as got:
        parse_document(text.encode("utf-8"))
    assert got.value.reason == "needs-review", got.value
    return str(got.value.detail)


def test_a_lift_limited_to_an_annex_cut_off_is_refused() -> None:
    """The annex of "X等6家实体（见附件）" cut off: the lift was left out with a warning, and item 二's extension was
    stored for all 16 (6 falsely still suspended)."""
    assert "高点航空技术公司等6家实体（见附件）" in _refused(LIFT[:LIFT.index("附件\n\n停止执行相关措施的实体名单\n\n1.")])
    doc = parse_document(LIFT.encode("utf-8"))  # whole, it is read (parse22)
    assert doc.notice is not None and [a.action.value for a in doc.notice.actions] == ["lift", "extend"]


def test_an_item_naming_no_notice_under_a_lead_in_naming_none_is_refused() -> None:
    """"商务部决定：\\n一、…停止执行对X等6家实体（见附件）采取的相关措施": the lift was dropped without a word."""
    assert LEAD_IN in LIFT
    assert "停止执行" in _refused(LIFT.replace(LEAD_IN, "商务部决定："))


def test_a_name_change_not_read_is_refused() -> None:
    """"现将…该实体的名称变更为“…”" read as no action and no entity, without a warning: the new name no alias. Since
    session 36 a rename read whole is a rename (scraper/parse/renames.py, tests/scraper/test_parse_renames.py); one
    not read (here a plan, "拟将…变更为") is still refused."""
    text = (CASES / "04-ecl-entity-name-change.txt").read_text(encoding="utf-8")
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None and [e.en for e in doc.notice.renamed] == ["Cyberlux Defense Systems Corporation"]
    assert "名称变更为" in _refused(text.replace("现将", "拟将"))


# Session 23 (loud23): the quiet warnings loud22 left ("Left" 3-4, "Not verified"), each a step seen and not read.
CASES23 = Path(__file__).resolve().parents[1] / "data" / "corpus" / "loud23"


def _page(name: str) -> str:
    return (CASES23 / name).read_text(encoding="utf-8")


def test_an_unnumbered_paragraph_under_jueding_naming_no_notice_is_refused() -> None:
    """parse22/13 with its item numbers removed ("商务部决定：" then paragraphs): the lift of the annex's 6 was dropped
    with no warning, and the notice stored with the extension alone (the 6 shown suspended to 2027)."""
    unnumbered = LIFT.replace(LEAD_IN, "商务部决定：").replace("\n一、", "\n").replace("\n二、", "\n")
    assert "\n一、" not in unnumbered and "paragraph \"自2026年11月10日起，停止执行对高点航空技术公司等6家实体" in _refused(unnumbered)
    assert "恢复执行对上述11家实体" in _refused(_page("02-uel-restore-unnumbered-shangshu.txt"))


@pytest.mark.parametrize("text", [
    # a title with the verb ("关于暂停实施…的公告") before the decision, an annex line after it: no step (the false alarms
    # of dropping the item number alone, loud22: parse18/04, susp/39, mfa17/22 …)
    "商务部公告2026年第78号 关于暂停实施对美国相关实体出口管制措施的公告\n\n商务部决定：\n\n自2026年11月10日起，暂停实施商务部公告"
    "2025年第21号相关措施1年。\n\n附件：停止执行相关措施的实体名单\n\n商务部\n2026年11月6日\n",
    # a trade remedy or a tariff measure is on no list
    "商务部公告2026年第47号\n\n商务部决定：\n\n自2026年11月13日起暂停实施对原产于美国的进口相关商品的反倾销措施1年。\n\n"
    "商务部\n2026年11月12日\n",
])
def test_a_title_an_annex_line_or_a_trade_remedy_is_no_unread_paragraph(text: str) -> None:
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None and not [w for w in doc.notice.warnings if w.endswith(": left out")]


def test_a_suspension_without_a_target_that_could_be_read_is_refused() -> None:
    """MOFCOM Order 2025 No. 7 naming No. 6 by its day and title only: stored changing nothing, with a warning."""
    assert _refused(_page("06-order-suspend-no-number.txt")).startswith("says 暂停实施 but names no notice")


def test_a_suspension_told_before_the_decision_is_no_suspension_left_unread() -> None:
    """A history paragraph ("…所列16家美国实体的相关措施暂停实施。此后暂停期限两次延长") before "商务部决定：" and a restore
    read right warned "says 暂停实施 but names no notice…" (as No. 40 did, tests/scraper/test_parse_qa_gate.py): the told
    suspension precedes the decision's 决定."""
    doc = parse_document(_page("10-mofcom-restore-history-before-decision.txt").encode("utf-8"))
    assert doc.notice is not None and doc.notice.warnings == ()
    assert [(a.action.value, [t.key for t in a.targets]) for a in doc.notice.actions] == [("restore", ["MOFCOM-2025-21"])]


def test_a_removal_of_no_one_is_refused_and_one_of_a_named_notice_is_not() -> None:
    """"将附件所列实体移出" with the annex only a PDF: a removal of no one (a warning only); "将商务部公告2025年第22号所列实体
    移出" names whom (the engine expands the notice): the warning was a false alarm."""
    assert _refused(_page("11-ecl-removal-annex-pdf-only.txt")).startswith("no entities found for a removal: left out")
    doc = parse_document(_page("13-ecl-removal-whole-notice.txt").encode("utf-8"))
    assert doc.notice is not None and doc.notice.warnings == ()
    assert [[t.key for t in a.targets] for a in doc.notice.actions] == [["MOFCOM-2025-22"]]


def test_an_answer_deciding_a_step_on_the_question_s_entities_is_refused() -> None:
    """"中方决定，自…起，恢复执行对上述实体采取的相关措施" (上述 = the question's "2025年4月4日被列入…的16家美国实体"): no action,
    and only the warning "no action found in the answer"."""
    assert "恢复执行" in _refused(_page("14-qa-restore-by-question.txt"))
    assert "继续暂停实施" in _refused(_page("05-qa-uel-extend-shangshu.txt"))


@pytest.mark.parametrize("answer", [
    "中方将根据双方磋商进展，依法依规作出决定，有关情况将适时发布。",
    "中方将视情决定是否继续暂停实施对上述实体采取的相关措施。",
    "中方此前决定继续暂停实施对上述实体采取的相关措施，目前上述安排正常执行。",
    "2025年11月10日，商务部决定暂停实施上述反制措施1年。目前，相关措施仍处于暂停期。",
])
def test_an_answer_that_talks_plans_or_recounts_is_no_unread_step(answer: str) -> None:
    text = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-06 17:00\n\n商务部新闻发言人就不可靠实体清单有关问题答记者问\n"
            f"问：请问中方对上述实体有何安排？\n答：{answer}\n")
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None and doc.notice.actions == () and doc.notice.warnings == ("no action found in the answer",)


def test_a_stop_on_some_of_a_notice_s_entities_counted_is_limited_to_them() -> None:
    """"停止执行商务部公告2025年第1号对其中5家美国实体采取的相关措施，名单见附件": read as a lift of the whole of No. 1 (23 of
    its 28 entities falsely lifted). Now the annex's 5; the annex cut off, the lift is refused, never the whole notice."""
    text = _page("03-ecl-stop-part-of-notice-annex.txt")
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None and [(a.action.value, len(a.entities)) for a in doc.notice.actions] == [("lift", 5)]
    assert "其中5家美国实体" in _refused(text[:text.index("附件\n\n1.")])


LATE = ("商务部新闻发言人就出口管制管控名单有关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-28 20:00\n\n"
        "问：请问中方如何安排？\n答：{answer}\n")


def test_an_answer_continuing_a_suspension_weeks_back_undecided_is_refused() -> None:
    """Story28, S1: "自2026年11月10日起，继续暂停…第21号相关措施1年。" in an answer of 11-28 was read as a recount (a late date
    and no 决定): no action, a warning only, status exit 0 and No. 21 a presumed lapse, while the answer says it runs
    to 2027-11-10."""
    answer = "自2026年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。"
    assert "runs to 2027-11-10" in _refused(LATE.format(answer=answer))


@pytest.mark.parametrize("answer", [
    "中方决定，自2026年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。",  # decided: it acts
    "自2025年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。目前，相关措施已恢复实施。",  # ran out before
    "中方已于11月5日宣布，自2026年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。",  # told as done
])
def test_a_late_continuation_decided_or_run_out_or_told_is_not_refused(answer: str) -> None:
    doc = parse_document(LATE.format(answer=answer).encode("utf-8"))
    assert doc.notice is not None and not [w for w in doc.notice.warnings if w.endswith(": left out")]


REPUBLISHED = (CASES.parent / "audit27" / "15-ecl-republished-consolidated-list.txt").read_text(encoding="utf-8")
SUSPENDED_TOLD = "原公告所列措施处于暂停实施状态的，继续按照有关规定执行。"


@pytest.mark.parametrize("text", [REPUBLISHED, REPUBLISHED.replace(SUSPENDED_TOLD, "")], ids=["suspensions-told", "plain"])
def test_a_whole_list_published_again_is_refused_as_what_it_is(text: str) -> None:
    """"现重新发布出口管制管控名单（见附件）" (audit27/15): with "处于暂停实施状态" it was refused for a suspension naming no
    notice; without it, stored as a notice changing nothing, its annex unread (a name the stored lists lack: missed)."""
    assert SUSPENDED_TOLD in REPUBLISHED
    assert _refused(text).startswith("publishes a whole list again (\"重新发布出口管制管控名单\")")


def test_a_listing_that_also_publishes_the_list_again_is_read() -> None:
    """A step read (No. 51's listing, "…列入出口管制管控名单（见附件），并重新发布出口管制管控名单…") is no re-publication
    alone: read by its steps."""
    listing = (CASES.parents[2] / ".." / "fixtures" / "texts" / "mofcom-2025-51.txt").resolve().read_text(encoding="utf-8")
    told = "3家美国实体列入出口管制管控名单（见附件），"
    assert told in listing
    doc = parse_document(listing.replace(told, told + "并重新发布出口管制管控名单，").encode("utf-8"))
    assert doc.notice is not None and [a.action.value for a in doc.notice.actions] == ["impose"]
    assert len(doc.notice.entities) == 3


OBJECT = ("商务部新闻发言人就不可靠实体清单有关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-09 20:00\n\n"
          "问：请问中方如何安排？\n答：中方决定，自2026年11月10日起，对{obj}恢复实施4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施。\n")


@pytest.mark.parametrize("obj", ["斯凯迪奥"])
def test_a_step_limited_to_an_object_not_read_as_a_name_is_refused(obj: str) -> None:
    """Story28: "对Skydio Inc.恢复实施…7号相关措施" was a restore of all 11 of 7号, 10 falsely, no warning (an English name
    alone is read now: below)."""
    assert f'restore limited to "{obj}"' in _refused(OBJECT.format(obj=obj))


@pytest.mark.parametrize(("obj", "keys"), [
    ("Skydio Inc.", ("skydio",)),
    ("Skydio Inc.、BRINC Drones, Inc.、Insitu, Inc.等3家美国实体", ("skydio", "brincdrones", "insitu")),
    ("Skydio Inc.等3家美国实体", ("skydio",)),  # one named of 3 counted: the engine's problem (counted.named_fewer)
    ("TCOM, Limited Partnership、Insitu, Inc.", ("tcom", "insitu")),
])
def test_a_step_limited_to_names_in_english_alone_is_limited_to_them(obj: str, keys: tuple[str, ...]) -> None:
    """story43/44's B (session 44): "对Skydio Inc.、BRINC Drones, Inc.、Insitu, Inc.等3家美国实体恢复实施…7号相关措施" read no name
    (the commas inside the names cut the clause): held by its count, or refused for a person with one name; now limited to
    the names (``actions.targets.LATIN_OBJECT_RE``), which the engine finds on 7号 by their keys (a name not there: loud)."""
    doc = parse_document(OBJECT.format(obj=obj).encode("utf-8"))
    assert doc.notice is not None and not [w for w in doc.notice.warnings if w.endswith(": left out")]
    assert [(a.action.value, a.entities) for a in doc.notice.actions] == [("restore", keys)]


@pytest.mark.parametrize("obj", ["上述实体", "相关实体", "其", "斯凯迪奥公司", "斯凯迪奥公司（Skydio Inc.）"])
def test_a_pointer_or_a_name_read_before_the_verb_is_not_refused(obj: str) -> None:
    doc = parse_document(OBJECT.format(obj=obj).encode("utf-8"))
    assert doc.notice is not None and [a.action.value for a in doc.notice.actions] == ["restore"]
    assert not [w for w in doc.notice.warnings if w.endswith(": left out")]


AFTER_VERB = ("商务部令2026年第9号 关于停止对韩华航运有限责任公司实施反制措施的决定\n【发布单位】安全与管制局\n"
              "【发布文号】商务部令2026年第9号\n【发文日期】2026年12月01日\n\n商务部令\n2026年第9号\n\n"
              "商务部决定，自2026年12月2日起，停止对{obj}实施《关于对韩华海洋株式会社美国相关子公司采取反制措施的决定》"
              "（商务部令2025年第6号）规定的反制措施。\n\n本决定自2026年12月2日起施行。\n\n商务部\n2026年12月1日\n")


@pytest.mark.parametrize(("obj", "key"), [("韩华航运有限责任公司（Hanwha Shipping LLC）", "hanwhashipping"),
                                          ("韩华航运有限责任公司", "韩华航运")])
def test_a_lift_of_one_named_right_after_the_verb_is_limited_to_it(obj: str, key: str) -> None:
    """Story29/S1: "停止对韩华航运有限责任公司（Hanwha Shipping LLC）实施《…》（商务部令2025年第6号）规定的反制措施" lifted the
    whole order, its 4 other companies falsely, no warning."""
    doc = parse_document(AFTER_VERB.format(obj=obj).encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, a.entities) for a in doc.notice.actions] == [("lift", (key,))]


def test_a_lift_limited_to_an_object_after_the_verb_not_read_as_a_name_is_refused() -> None:
    """Story29/S1: "停止对Hanwha Shipping实施《…》（商务部令2025年第6号）…" lifted the whole order, silent."""
    assert 'lift limited to "Hanwha Shipping"' in _refused(AFTER_VERB.format(obj="Hanwha Shipping"))
    doc = parse_document(AFTER_VERB.replace("停止对{obj}实施", "停止实施").encode("utf-8"))  # the whole order: no limit
    assert doc.notice is not None and [(a.action.value, a.entities) for a in doc.notice.actions] == [("lift", ())]


UNDONE = ("商务部新闻发言人就出口管制管控名单有关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-09 20:00\n\n"
          "问：请问中方如何安排？\n答：中方决定，自2026年11月10日起，解除对{obj}的出口管制措施（商务部公告2025年第21号）。\n")


def test_a_lift_of_the_measures_on_one_named_after_the_verb_is_limited_to_it() -> None:
    """Story29: "解除对高点航空技术公司（High Point Aerotechnologies）的出口管制措施（商务部公告2025年第21号）" lifted all 16."""
    doc = parse_document(UNDONE.format(obj="高点航空技术公司（High Point Aerotechnologies）").encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, a.entities) for a in doc.notice.actions] == [("lift", ("highpointaerotechnologies",))]
    assert 'lift limited to "High Point"' in _refused(UNDONE.format(obj="High Point"))


UEL_2025_2 = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "uel-2025-02-7-us.txt"


@pytest.mark.skipif(not UEL_2025_2.exists(), reason="needs ../shared/reference")
def test_a_numbered_listing_stating_its_count_that_reads_nothing_is_refused() -> None:
    """UEL〔2025〕2号 with a stray "。" inside a name of its acting sentence (a mutation of bench/parse_equiv's) read as a
    notice changing nothing, no warning, though it states 7 entities (pages28/15: a <br> of the page's markup cutting
    a name did the same). Whole, it is read as before."""
    text = UEL_2025_2.read_text(encoding="utf-8")
    text = text[text.index("=====END META=====") + len("=====END META=====") :].lstrip("\n")
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None and len(doc.notice.entities) == 7
    broken = text.replace("阿克西恩特公司", "阿克。西恩特公司", 1)
    assert broken != text
    assert _refused(broken).startswith("states 7 entities but reads no step and no entity")


CONSOLIDATED = """商务部公告2027年第70号 {title}
【发布单位】安全与管制局
【发布文号】商务部公告2027年第70号
【发文日期】2027年7月1日

{lead}
本公告自公布之日起施行。
附件：出口管制管控名单（截至2027年6月30日）

商务部
2027年7月1日

附件
出口管制管控名单（截至2027年6月30日）

1. 通用动力公司（General Dynamics）（商务部公告2025年第1号）
2. 艾维奥克斯公司（Aveox, Inc.）（商务部公告2026年第23号）
3. 幻影工程公司（Phantom Engineering Corp.）（商务部公告2026年第77号）
"""
GATHERED = ("为便于出口经营者查询和执行，现将截至2027年6月30日仍在出口管制管控名单内的实体汇总公布（见附件）。附件所列实体的"
            "管控措施依照原公告执行，本公告不新增、不调整任何实体的管控措施。")


@pytest.mark.parametrize(("title", "lead", "said"), [
    ("关于公布出口管制管控名单（截至2027年6月30日）的公告", GATHERED, "出口管制管控名单内的实体汇总公布"),
    ("关于公布出口管制管控名单（截至2027年6月30日）的公告", "现将名单予以公布（见附件）。", "公布出口管制管控名单"),
    ("关于出口管制管控名单有关事项的公告", GATHERED, "出口管制管控名单内的实体汇总公布"),
    ("关于公布《不可靠实体清单》的公告", "现将不可靠实体清单予以公布（见附件）。", "公布《不可靠实体清单"),
], ids=["title-and-gathered", "title-as-of", "gathered", "title"])
def test_a_consolidated_list_gathered_and_published_is_refused_as_what_it_is(title: str, lead: str, said: str) -> None:
    """Session 34 (story35 S5, a real run): "现将截至2027年6月30日仍在出口管制管控名单内的实体汇总公布（见附件）" under the
    title "关于公布出口管制管控名单（截至…）的公告" was stored as a notice changing nothing, its annex unread, without a word:
    the third line's company, listed by a notice the store never saw (2026 No. 77), missed for good (screening found
    nothing, status exit 0). "重新发布" alone was known (audit27/15)."""
    assert _refused(CONSOLIDATED.format(title=title, lead=lead)).startswith(f"publishes a whole list again (\"{said}")


def test_a_refused_page_names_the_notice_it_holds() -> None:
    """reader35 B (story35 S5): its source-health item said "unusable page URL" alone; the pipeline adds the number,
    title and key the parse read (``UnusablePage.notice``) to the issue's text."""
    with pytest.raises(UnusablePage) as got:
        parse_document(CONSOLIDATED.format(title="关于公布出口管制管控名单（截至2027年6月30日）的公告", lead=GATHERED).encode())
    assert got.value.notice == "商务部公告2027年第70号 关于公布出口管制管控名单（截至2027年6月30日）的公告 (MOFCOM-2027-70)"


def test_a_listing_titled_as_publishing_entities_on_the_list_is_read() -> None:
    """Every listing's title reads "公布将16家美国实体列入出口管制管控名单": a step read, never a list published again."""
    listing = (CASES.parents[2] / ".." / "fixtures" / "texts" / "mofcom-2025-51.txt").resolve().read_text(encoding="utf-8")
    told = "3家美国实体列入出口管制管控名单（见附件），"
    doc = parse_document(listing.replace(told, told + "并将名单汇总公布，").encode("utf-8"))
    assert doc.notice is not None and [a.action.value for a in doc.notice.actions] == ["impose"]


WITHDRAWAL = """商务部公告2027年第31号 关于{title}商务部公告2027年第30号的公告
【发布文号】商务部公告2027年第31号
【发文日期】2027年04月02日

{text}

商务部
2027年4月2日
"""


@pytest.mark.parametrize(("title", "text", "word"), [
    ("撤回", "现决定撤回商务部公告2027年第30号。本公告自发布之日起施行。", "撤回"),
    ("作废", "商务部公告2027年第30号自即日起作废。", "作废"),
    ("", "商务部公告2027年第30号自本公告发布之日起失效。", "失效"),
], ids=["chehui", "zuofei", "shixiao-no-jueding"])
def test_a_notice_withdrawing_another_in_words_no_step_reads_is_refused(title: str, text: str, word: str) -> None:
    """Session 34 (story35 S3, probes): "现决定撤回商务部公告2027年第30号", "…第30号自即日起作废", "…第30号自本公告发布之日起失效"
    (no 决定: a numbered notice is the decision) were stored as notices changing nothing, the listing of No. 30 left in
    force without a word. "撤销" and "…的决定，自…起失效" were loud already (audit29); "废止" and "停止执行" are read as lifts."""
    assert _refused(WITHDRAWAL.format(title=title, text=text)).startswith(f"says \"{word}\" of a notice it names but reads no step{LEFT_OUT}")


def test_a_notice_repealing_another_is_still_read_as_its_lift() -> None:
    doc = parse_document(WITHDRAWAL.format(title="废止", text="商务部公告2027年第30号自即日起废止。").encode("utf-8"))
    assert doc.notice is not None and [(a.action.value, [t.key for t in a.targets]) for a in doc.notice.actions] == [
        ("lift", ["MOFCOM-2027-30"])]


def test_a_reissue_revoking_the_notice_it_replaces_in_words_no_step_reads_is_refused() -> None:
    """"…本公告自公布之日起正式实施，原商务部公告2027年第40号同时撤销" (story35 S3 probe): read as the new listing alone, No. 40's
    listing left in force, an entity the re-issue leaves out still listed by it, silent. "同时废止" is read as No. 40's lift."""
    from tests.storage.test_lifecycle_reissued import AGAIN, ALDER, COBALT
    reissue = AGAIN.format(n=2, lines=f"1. {ALDER}\n2. {COBALT}")
    assert "，商务部公告2027年第40号同时废止" in reissue
    revoked = reissue.replace("，商务部公告2027年第40号同时废止", "，原商务部公告2027年第40号同时撤销")
    assert _refused(revoked).startswith("says \"撤销\" of a notice it names beside its steps")
    doc = parse_document(reissue.encode("utf-8"))
    assert doc.notice is not None and [(a.action.value, [t.key for t in a.targets]) for a in doc.notice.actions] == [
        ("impose", []), ("lift", ["MOFCOM-2027-40"])]
