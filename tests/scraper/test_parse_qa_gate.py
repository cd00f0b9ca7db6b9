"""An answer acts only where it decides a change, and misses no decision (blind audit of session 17, qa17).

Each case was a false item (a doubt, a supposition, a claim or a recounting read as a decision) or a missed one
(a decision published months after the day it takes effect) before this session's fixes."""

from functools import partial

import pytest

from scraper.parse import parse_text
from tests.scraper.corpus_cases import parse_case


def _acts(rec):
    return [(a.action.value, a.list.value if a.list else None, [t.key or t.date.isoformat() for t in a.targets],
             a.effective, a.until.isoformat() if a.until else None) for a in rec.actions] if rec else []


def _qa(when, answer, title="商务部新闻发言人就出口管制管控名单有关措施答记者问"):
    return parse_text(f"来源：商务部新闻办公室 类型：原创 分类：新闻 {when}\n\n{title}\n问：请问中方有何安排？\n{answer}")


@pytest.mark.parametrize("answer", [
    # weighing: "正在研究…将依法作出决定" (the decision word after the verb decides nothing yet)
    "答：不可靠实体清单工作机制正在研究继续暂停4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施的有关问题，"
    "将综合考虑各方面因素，依法作出决定。",
    "答：我们正在评估自2026年11月10日起恢复执行4月4日公告（商务部公告2025年第21号）相关措施的影响。",
    # suppositions and conditions
    "答：假如美方继续升级限制措施，中方将自即日起恢复执行4月4日公告（商务部公告2025年第21号）相关措施。",
    "答：除非美方撤销对中国企业的无理制裁，中方将于2026年11月10日起恢复执行4月4日公告（商务部公告2025年第21号）相关措施。",
    "答：中方不排除自即日起停止暂停4月4日公告（商务部公告2025年第21号）相关措施。",
    "答：中方将视情自2026年11月10日起继续暂停或恢复执行4月4日公告（商务部公告2025年第21号）相关措施。",
    "答：待中美双方完成新一轮磋商后，中方将自2026年11月10日起对4月4日公告（商务部公告2025年第21号）相关措施继续暂停1年。",
    # a claim of others, quoted; a report denied after the verb
    "答：美方称中方将自2026年11月10日起继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年，这一说法并不准确。",
    "答：有关报道不实。中方自2026年11月10日起恢复执行4月4日公告（商务部公告2025年第21号）相关措施的说法没有事实依据。",
])
def test_doubts_suppositions_and_claims_change_nothing(answer):
    rec = _qa("2026-11-12 16:00", answer)
    assert _acts(rec) == []


@pytest.mark.parametrize("answer", [
    # a decision of a few days before, recounted (the old 90-day gap kept these)
    "答：商务部已于11月6日发布答记者问，中方决定自2026年11月10日起继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。",
    "答：有关报道不符合事实。不可靠实体清单工作机制已于2026年11月6日决定，自2026年11月10日起继续暂停4月4日公告"
    "（不可靠实体清单工作机制公告〔2025〕7号）相关措施1年。",
    "答：11月6日，中方决定自2026年11月10日起继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。",
    # three steps told in one sentence (more than one "起": the old gap did not look)
    "答：不可靠实体清单工作机制自2025年5月14日起暂停4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施90天，"
    "自2025年8月12日起继续暂停90天，自2025年11月10日起继续暂停1年。",
])
def test_a_recounted_decision_changes_nothing(answer):
    rec = _qa("2026-11-16 16:00", answer)
    assert _acts(rec) == []


def test_a_restatement_within_days_changes_nothing():
    """Three days after the decision, a restatement with what it shows ("这充分体现了…"): not a second extension (the
    "了" after the verb says so already; pinned as the audit's case 14 read within a week)."""
    rec = _qa("2026-11-13 16:00", "答：中方自2026年11月10日起继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年，"
              "这充分体现了中方维护中美经贸关系稳定的诚意。")
    assert _acts(rec) == []


def test_history_then_the_decision_reads_the_decision_alone():
    rec = _qa("2026-11-06 17:00", "答：不可靠实体清单工作机制自2025年5月14日起暂停4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）"
              "相关措施90天，自2025年8月12日起继续暂停90天，自2025年11月10日起继续暂停1年。为落实中美经贸磋商共识，不可靠实体清单"
              "工作机制决定，自2026年11月10日起停止4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施。")
    assert _acts(rec) == [("lift", "uel", ["UEL-2025-7"], "2026-11-10", None)]


def test_a_decision_published_late_still_acts_and_says_so():
    """"经研究，…决定，…自2025年11月10日起停止实施" published in March 2026 was dropped as history (the 90-day gap):
    a missed lift, silent but for "no action found". It acts, warning that it takes effect before it was published."""
    rec = _qa("2026-03-02 17:00", "答：经研究，不可靠实体清单工作机制决定，3月4日公告（不可靠实体清单工作机制公告〔2025〕6号）"
              "所列措施，自2025年11月10日起停止实施。", title="商务部新闻发言人就因美纳公司有关措施答记者问")
    assert _acts(rec) == [("lift", "uel", ["UEL-2025-6"], "2025-11-10", None)]
    assert "effective 2025-11-10 is before publication 2026-03-02" in rec.warnings


@pytest.mark.parametrize("answer", [
    "答：关于是否调整其他措施，中方将根据磋商进展研究确定。为落实双方共识，中方决定自2026年11月10日起，"
    "停止执行4月4日公告（商务部公告2025年第21号）相关措施。",
    "答：综合考虑各方面因素，中方决定自2026年11月10日起，停止执行4月4日公告（商务部公告2025年第21号）相关措施。",
    "答：经研究评估，中方决定自2026年11月10日起，停止执行4月4日公告（商务部公告2025年第21号）相关措施。",
])
def test_a_decision_after_weighing_acts(answer):
    assert _acts(_qa("2026-11-06 17:00", answer)) == [("lift", "ecl", ["MOFCOM-2025-21"], "2026-11-10", None)]


# --- "暂停期限届满后不再延长": the measures are back in force the day the suspension ends -------------------------

TOLD = "答：2025年11月5日，中方决定自2025年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。"


@pytest.mark.parametrize(("answer", "effective"), [
    (TOLD + "鉴于美方近期持续对中国企业进行无理打压，中方决定，上述暂停期限届满后不再延长。", "2026-11-11"),
    ("答：2025年11月5日，中方决定继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年，暂停期限至2026年11月10日。"
     "中方决定，暂停期限届满后不再延长，上述措施自动恢复执行。", "2026-11-11"),
    (TOLD + "经研究，上述暂停期限届满后不再延长，自2026年11月11日起恢复执行相关措施。", "2026-11-11"),
    ("答：4月4日公告（商务部公告2025年第21号）相关措施的暂停期限将于2026年11月10日届满，届满后不再延长。", "2026-11-11"),
])  # the day after the year's last day, 11-10: its lapse (lapse43, one convention; the day a text names is kept)
def test_a_suspension_not_extended_restores_on_the_day_it_ends(answer, effective):
    """Before, no action: the engine only presumed the lapse ("needs review") where the answer said the measures are back."""
    rec = _qa("2026-11-06 17:00", answer)
    assert _acts(rec) == [("restore", "ecl", ["MOFCOM-2025-21"], effective, None)]


def test_back_in_force_from_the_end_of_an_order_suspension_is_one_restore():
    rec = _qa("2026-11-09 17:00", "答：2025年11月10日，商务部发布令2025年第7号，决定暂停实施商务部令2025年第6号相关反制措施1年。"
              "中方决定，上述暂停期限届满后不再延长，商务部令2025年第6号规定的反制措施自暂停期限届满之日起恢复实施。",
              title="商务部新闻发言人就有关反制措施答记者问")
    # before: one restore dated the day of publication (2026-11-09), a day inside the suspension
    assert _acts(rec) == [("restore", "countermeasure", ["MOFCOM-ORDER-2025-6"], "2026-11-10", None)]


@pytest.mark.parametrize("answer", [
    "答：关于暂停期限届满后是否不再延长，我们将根据磋商进展研究决定。",
    "答：对4月4日公告（商务部公告2025年第21号）所涉实体出口的许可，许可证有效期届满后不再延长。",
])
def test_no_suspension_ends_here(answer):
    assert _acts(_qa("2026-11-06 17:00", answer)) == []


def test_a_suspension_not_extended_with_no_day_read_is_a_page_for_review():
    """The day the measures are back is told in another paragraph (or not at all): a loud source-health problem
    ("needs-review"), not a silent restore on the day of publication nor a silent nothing."""
    from scraper.parse.document import parse_document
    from storage.records import UnusablePage

    text = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-06 17:00\n\n商务部新闻发言人就出口管制管控名单有关措施答记者问\n"
            "问：请问中方有何安排？\n答：中方此前决定继续暂停4月4日公告（商务部公告2025年第21号）相关措施。\n\n"
            "经研究，中方决定，上述暂停期限届满后不再延长。\n")
    with pytest.raises(UnusablePage, match="needs-review"):
        parse_document(text.encode("utf-8"))


# --- a transcript as plain text: its reporters named by their outlet -------------------------------------------

TRANSCRIPT = """商务部召开例行新闻发布会（2026年11月12日）
来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-12 15:00

发布人：商务部新闻发言人 何亚东

{reporter}：4月4日公告相关措施的暂停期限已经届满，请问中方有何考虑？

何亚东：{answer}
"""


@pytest.mark.parametrize("reporter", ["彭博社记者", "CNBC记者"])
@pytest.mark.parametrize("answer", [
    "中方不排除自即日起停止暂停4月4日公告（商务部公告2025年第21号）相关措施。",
    "除非美方撤销对中国企业的无理制裁，中方将于2026年11月10日起恢复执行4月4日公告（商务部公告2025年第21号）相关措施。",
])
def test_a_plain_transcript_whose_reporters_name_their_outlet_is_a_qa(reporter, answer):
    """Headed "商务部召开例行新闻发布会" with "彭博社记者：" (no "记者：" or "问：" opening a line), the text was no Q&A: no
    answer gate (doubts and conditions read as decisions), no date. "CNBC记者：" was taken for the spokesperson."""
    rec = parse_text(TRANSCRIPT.format(reporter=reporter, answer=answer))
    assert rec is None or (rec.kind.value == "qa" and rec.actions == ())


def test_a_plain_transcript_answer_that_decides_acts():
    rec = parse_text(TRANSCRIPT.format(reporter="CNBC记者", answer="为落实中美经贸磋商共识，中方决定自2026年11月10日起，"
                                       "继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。"))
    assert (rec.kind.value, rec.published.isoformat()) == ("qa", "2026-11-12")
    assert _acts(rec) == [("extend", None, ["MOFCOM-2025-21"], "2026-11-10", "2027-11-10")]


def test_a_notice_saying_a_suspension_is_not_extended_restores_on_the_day_it_ends():
    """A numbered notice may say it too: its restore is dated the suspension's end, not the notice's own day."""
    rec = parse_text("商务部公告2026年第40号\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第40号\n【发文日期】2026年11月06日\n"
                     "商务部于2025年11月9日发布公告（商务部公告2025年第72号），暂停实施商务部公告2024年第46号第二款，暂停期限至2026年11月27日。"
                     "现决定，上述暂停期限届满后不再延长。\n本公告自公布之日起实施。\n商务部\n2026年11月6日\n")
    assert [a[0:1] + a[2:] for a in _acts(rec)] == [("restore", ["MOFCOM-2024-46"], "2026-11-28", None)]  # (lapse43)


@pytest.mark.parametrize("lead", [
    "根据中美双方达成的若干共识，",  # 若 of 若干 ("several"), not 若 ("if")
    "针对美方对华模拟芯片的无理限制，",  # 拟 of 模拟 ("analog"), not 拟 ("plans to")
    "不同于美方对虚拟资产的做法，",
])
def test_a_doubt_word_inside_another_word_does_not_hide_a_decision(lead):
    """"若" and "拟" are doubt words alone, not in "若干", "模拟", "虚拟": a clause before "中方决定" that held one made
    the answer read no action (a missed extension, with only the warning "no action found in the answer")."""
    rec = _qa("2026-11-09 18:00", f"答：{lead}中方决定，延长4月4日公告（商务部公告2025年第21号）相关措施的暂停期限1年。")
    assert [(a.action.value, a.list.value, [t.key for t in a.targets]) for a in rec.actions] == [
        ("extend", "ecl", ["MOFCOM-2025-21"])]


QA = "来源：商务部新闻办公室 类型：原创 分类：新闻 {} 17:00\n\n商务部新闻发言人就调整{}措施答记者问\n问：请问中方有何安排？\n答：{}\n"


def _steps(text: str) -> list[tuple]:
    rec = parse_text(text)
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat(), list(a.entities))
            for a in rec.actions] if rec else []


def test_a_state_told_is_no_suspension() -> None:
    """"…相关措施目前仍处于暂停状态，中方尚未作出恢复执行…的决定" was an open-ended suspension of No. 21 from the day."""
    assert _steps(QA.format("2026-11-19", "出口管制管控名单", "4月4日公告（商务部公告2025年第21号）相关措施目前仍处于暂停状态，"
                            "中方尚未作出恢复执行上述措施的决定。")) == []


NOTICE_84 = ("【发布文号】商务部公告2026年第84号\n【发文日期】{}\n\n商务部公告2026年第84号\n\n现将有关事项公告如下：\n\n{}\n\n"
             "商务部\n{}\n")


# A MOFCOM page that is neither a numbered notice nor a Q&A (no 问/答): a statement or news item under its source line.
BARE = "商务部：4月4日公告相关措施仍处于暂停状态\n2026-11-19 16:00 来源：商务部新闻办公室\n\n{}\n"
STILL = "4月4日公告（商务部公告2025年第21号）相关措施目前仍处于暂停状态，"


@pytest.mark.parametrize("said", ["中方尚未作出恢复执行上述措施的决定。", "是否恢复执行上述措施，中方将视情研究。"])
def test_a_bare_text_that_doubts_a_step_takes_none(said: str) -> None:
    """A MOFCOM page that is no Q&A saying "…尚未作出恢复执行上述措施的决定" read as a restore of No. 21: a false "back in
    force" item. Only answers had the doubt gate (NOT_NOW_RE)."""
    assert _steps(BARE.format(STILL + said)) == []


def test_a_bare_text_that_decides_still_acts() -> None:
    assert _steps(BARE.format(STILL + "中方决定自2026年12月1日起恢复执行上述措施。")) == [
        ("restore", ["MOFCOM-2025-21"], "2026-12-01", None, [])]


SIX = "商务部 海关总署公告2025年第55号至第58号、商务部公告2025年第61号和第62号"
SIX_KEYS = ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58", "MOFCOM-2025-61", "MOFCOM-2025-62"]


def test_a_notice_recounting_a_step_before_its_decision_still_recounts() -> None:
    text = NOTICE_84.format("2026年11月20日", f"自2025年11月10日起，暂停实施{SIX}。现决定，自2026年11月21日起，恢复实施{SIX}。",
                            "2026年11月20日")
    assert _steps(text) == [("restore", SIX_KEYS, "2026-11-21", None, [])]


def test_a_doubted_automatic_restore_is_still_doubted() -> None:
    assert _steps(QA.format("2026-11-09", "出口管制管控名单", "关于4月4日公告（商务部公告2025年第21号）相关措施的暂停期限期满后是否自动"
                            "恢复执行，中方正在研究。")) == []


_parse22 = partial(parse_case, "parse22")


def test_an_answer_weighing_a_removal_removes_nothing() -> None:
    """"依法作出是否将有关实体移出关注名单的决定" was a removal from the watch list (of no entity)."""
    assert _parse22("17-qa-wl-removal-applications-no-decision.txt").actions == ()


TARGET = "4月4日公告（商务部公告2025年第21号）相关措施"


def _answer_acts(answer: str) -> list[tuple]:
    rec = parse_text("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-06 16:00\n\n商务部新闻发言人就出口管制管控名单有关措施"
                     f"答记者问\n问：请问中方有何安排？\n答：{answer}")
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in rec.actions] if rec else []


@pytest.mark.parametrize("answer", [
    f"在拟于11月10日召开的中美经贸磋商会议上，中方决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"根据双方拟定的安排，中方决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"双方拟于近期再次磋商，同时，中方决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"关于是否调整其他措施的问题，中方决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"中方暂不恢复执行相关措施，决定自2026年11月10日起，继续暂停{TARGET}1年。",
])
def test_a_doubt_word_in_an_earlier_clause_then_a_decision_acts(answer: str) -> None:
    assert _answer_acts(answer) == [("extend", ["MOFCOM-2025-21"], "2026-11-10", "2027-11-10")]


@pytest.mark.parametrize("answer", [
    f"中方拟自2026年11月10日起，继续暂停{TARGET}1年。",
    f"中方拟对相关措施作出调整，自2026年11月10日起，继续暂停{TARGET}1年。",
    f"中方拟决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"中方拟于近期作出决定，自2026年11月10日起，继续暂停{TARGET}1年。",
    f"如果美方落实共识，中方决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"美方称，中方决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"中方暂不恢复执行{TARGET}，决定继续观察。",
])
def test_a_plan_a_condition_or_a_claim_still_holds_the_verb(answer: str) -> None:
    assert _answer_acts(answer) == []


@pytest.mark.parametrize("answer", [
    "根据商务部公告2026年第70号，商务部公告2025年第21号相关措施自2026年11月10日起继续暂停1年。",
    "依据商务部公告2026年第70号，4月4日公告（商务部公告2025年第21号）相关措施自2026年11月10日起继续暂停1年。",
])
def test_the_notice_a_step_follows_is_no_target_of_it(answer: str) -> None:
    """"根据X，Y…继续暂停": X is the ground (a restatement's source), not a notice extended (an unresolved reference)."""
    assert _answer_acts(answer) == [("extend", ["MOFCOM-2025-21"], "2026-11-10", "2027-11-10")]

