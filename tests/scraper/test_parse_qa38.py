"""Session 38's blind round on the formal 答记者问 release and the spokesperson's statement (qa38,
tests/data/corpus/qa38/): rule37's decision-word gate covers press-conference transcripts only, so a doubt wording
NOT_NOW_RE lacks was still read as the step in a release: a willingness under a condition ("只要美方…，中方愿意自…起继续
暂停…", 15), a denial with 决定 in it ("中方从未决定自…起恢复实施…", 16), "中方无意自…起恢复实施…" (18) and "中方能否自…起停止…，
关键在于…" (28); and "中方继续暂停上述措施的安排维持不变" (16) as an extension until further notice."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document

# A title announcing no change ("…有关问题答记者问"): a complete answer reading no step is no notice's change, not refused.
RELEASE = "商务部新闻发言人就{topic}有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-20 18:00\n\n问：{q}\n答：{a}\n"
ECL21 = "4月4日公告（商务部公告2025年第21号）"
UEL7 = "4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）"


def _steps(topic: str, answer: str) -> list[tuple[str, str | None, str | None]]:
    text = RELEASE.format(topic=topic, q="请问中方对有关措施有何考虑？", a=answer)
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, a.effective, a.until and a.until.isoformat()) for a in notice.actions]


@pytest.mark.parametrize(("topic", "answer"), [
    # 15: a willingness under a condition
    ("不可靠实体清单", f"只要美方切实履行双方共识，中方愿意自2026年12月1日起继续暂停{UEL7}相关措施。中方的立场是一贯的。"),
    ("不可靠实体清单", f"中方愿意自2026年12月1日起继续暂停{UEL7}相关措施，前提是美方切实履行双方共识。"),
    # 16: a denial holding 决定, then the arrangement said to stand
    ("不可靠实体清单", f"中方从未决定自2026年11月11日起恢复实施{UEL7}相关措施。上述报道是错误的。"),
    # the arrangement said to stand after a denial main held (并未): read as an extension from the denied day, no end
    ("出口管制管控名单", f"中方并未决定自2026年12月1日起恢复实施{ECL21}相关措施。中方继续暂停上述措施的安排没有变化。"),
    ("出口管制管控名单", f"中方并未决定自2026年12月1日起恢复实施{ECL21}相关措施。中方继续暂停上述措施的安排维持不变。"),
    # 18, 28
    ("出口管制管控名单", f"中方无意自2026年12月1日起恢复实施{ECL21}相关措施，也不希望中美经贸关系出现新的波折。"),
    ("出口管制管控名单", f"中方能否自2026年12月15日起停止{ECL21}相关措施，关键在于美方能否切实纠正其错误做法。"),
])
def test_a_release_that_doubts_denies_or_restates_reads_no_step(topic: str, answer: str) -> None:
    assert _steps(topic, answer) == []


@pytest.mark.parametrize("answer", [
    f"中方愿意与美方相向而行，决定自2026年11月10日起继续暂停{UEL7}相关措施1年。",
    f"中方从未改变通过对话解决分歧的立场，决定自2026年11月10日起继续暂停{UEL7}相关措施1年。",
    f"中方决定自2026年11月10日起继续暂停{UEL7}相关措施1年，其他安排维持不变。",
])
def test_a_decision_beside_the_new_words_stands(answer: str) -> None:
    assert _steps("不可靠实体清单", answer) == [("extend", "2026-11-10", "2027-11-10")]


STATEMENT = "商务部新闻发言人就中美经贸磋商有关问题发表谈话\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-09 22:00\n\n{body}\n"


@pytest.mark.parametrize("body", [
    # 30: 宣布, no 答 nor reporter in the text: no notice, silently
    f"商务部新闻发言人宣布，经中美双方商定，中方自2026年11月10日起停止9月25日公告（商务部公告2025年第51号）相关措施，"
    f"继续暂停{ECL21}相关措施至2027年11月10日。\n发言人表示，上述安排体现了双方落实共识的诚意。",
    # 13: 决定: read under an undated DOC key, which replay ignores
    f"商务部新闻发言人表示，为落实双方元首会晤共识，中方决定自2026年11月10日起，停止9月25日公告（商务部公告2025年第51号）"
    f"相关措施，继续暂停{ECL21}相关措施至2027年11月10日。",
])
def test_a_statement_as_plain_text_reads_as_its_page_does(body: str) -> None:
    text = STATEMENT.format(body=body)
    html = ("<html><head><meta charset=\"utf-8\"><meta name=\"ArticleTitle\" content=\"{t}\"><meta name=\"PubDate\" "
            "content=\"2026-11-09 22:00\"><title>{t}</title></head><body><div class=\"art-con art-con-bottonmLine\">{p}"
            "</div><div class=\"footer\"><p>主办单位：中华人民共和国商务部　版权所有：中华人民共和国商务部</p></div></body></html>")
    page = html.format(t=text.split("\n", 1)[0], p="".join(f"<p>{line}</p>" for line in text.split("\n")[1:] if line))
    url = "https://www.mofcom.gov.cn/xwfb/xwfyrth/art/2026/art_2f4a6c8e0b1d43f5a7c9e1b3d5f7a9c1.html"
    plain, site = parse_document(text.encode("utf-8")).notice, parse_document(page.encode("utf-8"), url=url).notice
    assert plain is not None and site is not None
    steps = sorted((a.action.value, a.targets[0].key, a.effective) for a in plain.actions)
    assert steps == [("extend", "MOFCOM-2025-21", "2026-11-10"), ("lift", "MOFCOM-2025-51", "2026-11-10")]
    assert (plain.key, plain.kind.value, plain.published) == (site.key, site.kind.value, site.published)
    assert steps == sorted((a.action.value, a.targets[0].key, a.effective) for a in site.actions)


def test_a_long_first_line_is_no_statement_title() -> None:
    """A text whose line breaks were lost (one line holding the title, the source line and a transcript) stays no Q&A:
    its reporter's history ("去年11月，中方决定继续暂停…1年") would be read as an extension on the transcript's day."""
    text = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-09-17 16:00  商务部召开例行新闻发布会（2026年9月17日） "
            f"商务部新闻发言人何咏前 记者：去年11月，中方决定继续暂停{ECL21}相关措施1年，期限将于今年11月到期。请问到期后中方有何安排？ "
            "何咏前：关于到期后的安排，我们将根据情况研究决定，有消息会及时发布。")
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is None or notice.kind.value != "qa"


# qa38's probe after reading the parser: 19 of 25 more wordings were each read as the step in a release (the general
# fault: no list of doubt words is whole; the owner question on a gate for releases is in qa38's report).
@pytest.mark.parametrize("answer", [
    f"中方不打算自2026年12月1日起恢复实施{ECL21}相关措施。",
    f"中方倾向于自2026年12月1日起继续暂停{ECL21}相关措施。",
    f"中方正酝酿自2026年12月1日起恢复实施{ECL21}相关措施。",
    f"中方目前无计划自2026年12月1日起恢复实施{ECL21}相关措施。",
    f"中方无须自2026年12月1日起恢复实施{ECL21}相关措施。",
    f"中方何时自2026年12月1日起恢复实施{ECL21}相关措施，取决于美方。",
    f"万一美方违背共识，中方将自2026年12月1日起恢复实施{ECL21}相关措施。",
    f"要是美方违背共识，中方将自2026年12月1日起恢复实施{ECL21}相关措施。",
    f"中方不急于自2026年12月1日起停止{ECL21}相关措施。",
    f"中方未曾自2026年12月1日起恢复实施{ECL21}相关措施。",
    f"所谓中方将自2026年12月1日起恢复实施{ECL21}相关措施，纯属捏造。",
    f"中方将自2026年12月1日起恢复实施{ECL21}相关措施一说，纯属子虚乌有。",
    f"中方不宜自2026年12月1日起停止{ECL21}相关措施。",
    f"目前讨论中方自2026年12月1日起恢复实施{ECL21}相关措施为时过早。",
    f"美方期望中方自2026年12月1日起停止{ECL21}相关措施。",
    f"美方游说中方自2026年12月1日起停止{ECL21}相关措施。",
    f"中方的目标是自2026年12月1日起停止{ECL21}相关措施，但这取决于磋商进展。",
    f"中方不能自2026年12月1日起停止{ECL21}相关措施。",
    f"在条件成熟时，中方将自2026年12月1日起停止{ECL21}相关措施。",
    # a second probe after the first fix: 16 of 20 more were read as the step
    f"中方暂无自2026年12月1日起恢复实施{ECL21}相关措施的安排。",
    f"中方并不排斥自2026年12月1日起停止{ECL21}相关措施。",
    f"假使美方撕毁共识，中方将自2026年12月1日起恢复实施{ECL21}相关措施。",
    f"一俟美方取消相关限制，中方即自2026年12月1日起停止{ECL21}相关措施。",
    f"中方有意自2026年12月1日起停止{ECL21}相关措施。",
    f"中方打算自2026年12月1日起停止{ECL21}相关措施。",
    f"中方计划自2026年12月1日起停止{ECL21}相关措施。",
    f"中方准备自2026年12月1日起停止{ECL21}相关措施，具体安排另行公布。",
    f"美方官员透露，中方将自2026年12月1日起停止{ECL21}相关措施。",
    f"有传言说中方将自2026年12月1日起恢复实施{ECL21}相关措施，我没有听说。",
    f"中方是不是会自2026年12月1日起恢复实施{ECL21}相关措施，要看美方的表现。",
    f"中方可能会自2026年12月1日起恢复实施{ECL21}相关措施。",
    f"中方或许自2026年12月1日起恢复实施{ECL21}相关措施。",
    f"中方未必会自2026年12月1日起恢复实施{ECL21}相关措施。",
    f"中方也在权衡自2026年12月1日起恢复实施{ECL21}相关措施的利弊。",
    f"中方将在适当时候自2026年12月1日起停止{ECL21}相关措施。",
])
def test_a_probed_doubt_in_a_release_reads_no_step(answer: str) -> None:
    assert _steps("出口管制管控名单", answer) == []


@pytest.mark.parametrize("answer", [
    f"中方不打算改变既定安排，决定自2026年11月10日起继续暂停{ECL21}相关措施1年。",
    f"经讨论，中方决定自2026年11月10日起继续暂停{ECL21}相关措施1年。",
    f"中方的目标是稳定中美经贸关系，决定自2026年11月10日起继续暂停{ECL21}相关措施1年。",
    f"为防止可能出现的误解，中方决定自2026年11月10日起继续暂停{ECL21}相关措施1年。",
    f"按照既定计划，中方决定自2026年11月10日起继续暂停{ECL21}相关措施1年。",
])
def test_a_decision_after_a_probed_word_stands(answer: str) -> None:
    assert _steps("出口管制管控名单", answer) == [("extend", "2026-11-10", "2027-11-10")]
