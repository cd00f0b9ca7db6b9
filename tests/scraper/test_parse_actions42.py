"""Session 42 (actions42): the term no longer extended, doubts beside a decided step, and held42/review43's B.

- "中方决定，自…起，不再对…相关措施的暂停期限予以延长" was held for a person since session 41 (6ec93080): the authority decides,
  with a day, so it is the restore from that day (from the end of the suspension the answer told, where it gives no day);
  with neither it stays held. Its other forms read no action, only the quiet "no action found in the answer" (a restore
  missed silently): "…届满后不再对其延长", "…届满后不再予以延长", "不再延长…相关措施的暂停期限"; and "…的暂停期限予以延长至…"
  (an extension) read nothing too.
- One sentence deciding a step and doubting another ("中方决定，自…起停止实施{No. 21}…，对于{7号}…，中方会否自同日起恢复实施，将根据
  …而定"; "…要不要恢复实施…", "…并视美方表现…恢复实施…") read the doubted restore as decided (a false item, silently), and a
  topic clause's notice ("…，对于{7号}相关措施，…") was lifted with No. 21. A transcript now holds the doubt apart (its lift
  read), a formal release is refused whole (loud).
- held42's B3: a split transcript's notice took the held topic's list ("…on the unreliable entity list" on a lift of the ECL's
  No. 21). review43's B1: "…的暂停安排不会终止" was held saying the suspension ends.
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import NoticeRecord, UnusablePage

N21 = "4月4日公告（商务部公告2025年第21号）"
U7 = "4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）"
RELEASE = ("商务部新闻发言人就出口管制管控名单有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-02 18:00\n\n"
           "问：4月4日公告相关措施的暂停期限即将届满，请问中方有何安排？\n答：{a}\n")
PRESSER = ("商务部例行新闻发布会（2026年12月3日）\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-03 16:30\n\n"
           "新闻发言人何咏前：各位记者朋友，下午好！下面我愿意回答大家的提问。\n\n"
           "新华社记者：请介绍一下今年前11个月我国服务贸易发展情况。\n何咏前：今年前11个月，我国服务贸易保持平稳增长。\n\n"
           "彭博社记者：两份4月4日公告相关措施的暂停期限届满后，中方如何安排？\n何咏前：{a}\n\n"
           "凤凰卫视记者：请问中方如何看待近期全球供应链的变化？\n何咏前：中方愿同各方一道，维护全球产业链供应链稳定畅通。\n\n谢谢大家！\n")
LIFT = f"中方决定，自2026年12月15日起停止实施{N21}相关措施，"


def _read(template: str, answer: str) -> NoticeRecord:
    notice = parse_document(template.format(a=answer).encode("utf-8"), url="file:texts/x.txt",
                            content_type="text/plain").notice
    assert notice is not None
    return notice


def _steps(actions: tuple) -> list[tuple[str, str | None, str | None]]:
    return [(a.action.value, ",".join(t.key for t in a.targets), a.effective) for a in actions]


@pytest.mark.parametrize(("answer", "day"), [
    (f"中方决定，自2026年12月10日起，不再对{N21}相关措施的暂停期限予以延长。", "2026-12-10"),
    (f"中方决定，自2026年12月10日起，不再对{N21}相关措施的暂停实施期限进行延期。", "2026-12-10"),
    (f"中方决定，不再对{N21}相关措施的暂停期限予以延长，相关措施自2026年12月10日起恢复实施。", "2026-12-10"),
    (f"中方决定，自2026年12月10日起，不再延长{N21}相关措施的暂停期限。", "2026-12-10"),
    (f"{N21}相关措施的暂停期限将于2026年12月20日届满。中方决定，届满后不再对上述措施的暂停期限予以延长。", "2026-12-21"),  # its lapse (lapse43)
    (f"{N21}相关措施的暂停期限将于2026年12月20日届满。中方决定，该暂停期限届满后不再对其延长。", "2026-12-21"),  # its lapse (lapse43)
    (f"{N21}相关措施的暂停期限将于2026年12月20日届满。中方决定，该暂停期限届满后不再予以延长。", "2026-12-21"),  # its lapse (lapse43)
    # other words for it (each read no action, a quiet warning, on main 38cfb9bc)
    (f"中方决定，自2026年12月10日起，{N21}相关措施的暂停期限不予延长。", "2026-12-10"),
    (f"中方决定，自2026年12月10日起，不再延长对{N21}相关措施的暂停。", "2026-12-10"),
    (f"中方决定，自2026年12月10日起，对{N21}相关措施的暂停不再续期。", "2026-12-10"),
    (f"中方决定，自2026年12月10日起，{N21}相关措施的暂停期限不再顺延。", "2026-12-10"),
    (f"中方决定，自2026年12月10日起，不再对{N21}相关措施的暂停期限予以展期。", "2026-12-10"),
])
def test_the_term_no_longer_extended_is_the_restore_from_the_day_decided(answer: str, day: str) -> None:
    assert _steps(_read(RELEASE, answer).actions) == [("restore", "MOFCOM-2025-21", day)]


def test_a_transcripts_topic_deciding_it_is_read_too() -> None:
    record = _read(PRESSER, f"中方决定，自2026年12月20日起，不再对{U7}相关措施的暂停期限予以延长。")
    assert _steps(record.actions) == [("restore", "UEL-2025-7", "2026-12-20")] and not record.held


@pytest.mark.parametrize("answer", [
    f"中方决定，不再对{N21}相关措施的暂停期限予以延长。",  # no day, no end told: a person's to read
    f"中方决定，不再延长{N21}相关措施的暂停期限。",
    f"中方决定，{N21}相关措施的暂停期限届满后不再对其延长。",
    f"中方决定，{N21}相关措施的暂停期限届满后不再予以延长。",
    f"中方决定，{N21}相关措施的暂停期限届满后不予延长。",
    f"{N21}相关措施的暂停期限至2026年12月9日，期满后不再续期。",
    # no suspension named in the verb's sentence: as "届满后不再延长" is (loud, as before)
    f"{N21}相关措施的暂停期限将于2026年12月20日届满。中方决定，届满后不再予以延长。",
    f"关于外媒报道中方将自2026年12月10日起不再对{N21}相关措施的暂停期限予以延长，我不掌握有关情况。",
])
def test_with_no_day_or_not_decided_it_stays_held(answer: str) -> None:
    with pytest.raises(UnusablePage, match="needs-review"):
        _read(RELEASE, answer)


@pytest.mark.parametrize("answer", [
    f"对于{N21}相关措施的暂停期限是否予以延长，中方将研究后作出决定。",
    f"如美方继续对中国企业滥施制裁，中方将自2026年12月10日起不再对{N21}相关措施的暂停期限予以延长。",
    f"中方从未决定不再对{N21}相关措施的暂停期限予以延长，有关报道不符合事实。",
])
def test_a_doubt_a_condition_or_a_denial_is_no_step(answer: str) -> None:
    assert _read(RELEASE, answer).actions == ()


def test_the_term_extended_to_a_day_with_yuyi_is_an_extension() -> None:
    (step,) = _read(RELEASE, f"中方决定，将{N21}相关措施的暂停期限予以延长至2027年12月9日。").actions
    assert (step.action.value, step.targets[0].key, step.until.isoformat() if step.until else None) == (
        "extend", "MOFCOM-2025-21", "2027-12-09")


@pytest.mark.parametrize("doubt", [
    f"对于{U7}相关措施，中方会否自同日起恢复实施，将根据美方表现而定。",
    f"{U7}相关措施会否自同日起恢复实施，将根据美方表现而定。",
    f"{U7}相关措施要不要恢复实施，将视美方表现而定。",
])
def test_a_doubt_beside_a_decided_step_is_held_apart_in_a_transcript(doubt: str) -> None:
    record = _read(PRESSER, LIFT + doubt)
    assert _steps(record.actions) == [("lift", "MOFCOM-2025-21", "2026-12-15")]
    assert _steps(record.held) == [("restore", "UEL-2025-7", "2026-12-15")]


@pytest.mark.parametrize("doubt", [
    f"对于{U7}相关措施，中方会否自同日起恢复实施，将根据美方表现而定。",
    f"{U7}相关措施要不要恢复实施，将视美方表现而定。",
])
def test_a_doubt_beside_a_decided_step_refuses_a_release(doubt: str) -> None:
    with pytest.raises(UnusablePage, match="needs-review"):
        _read(RELEASE, LIFT + doubt)


@pytest.mark.parametrize("template", [RELEASE, PRESSER])
def test_a_step_on_the_other_sides_conduct_beside_a_decided_one_is_no_step(template: str) -> None:
    """"…，并视美方表现自同日起恢复实施{7号}…" (read as a restore on main fec8b693): no step since qa42's NOT_NOW_RE (视…表现)."""
    record = _read(template, LIFT + f"并视美方表现自同日起恢复实施{U7}相关措施。")
    assert _steps(record.actions) == [("lift", "MOFCOM-2025-21", "2026-12-15")] and not record.held


@pytest.mark.parametrize("template", [RELEASE, PRESSER])
def test_a_topic_clause_after_a_step_is_not_its_object(template: str) -> None:
    record = _read(template, LIFT + f"对于{U7}相关措施，中方将继续研究。")
    assert _steps(record.actions) == [("lift", "MOFCOM-2025-21", "2026-12-15")]
    record = _read(template, LIFT + f"关于{U7}相关措施，中方决定自同日起恢复实施。")
    assert _steps(record.actions) == [("lift", "MOFCOM-2025-21", "2026-12-15"), ("restore", "UEL-2025-7", "2026-12-15")]


def test_a_split_transcripts_notice_takes_no_list_from_its_held_topic() -> None:
    """held42's B3: the held UEL topic named the notice's list (uel) on a lift of the ECL's No. 21."""
    record = _read(PRESSER, LIFT + f"对于{U7}相关措施，中方会否自同日起恢复实施，将根据美方表现而定。")
    assert record.held and record.list is None


@pytest.mark.parametrize("answer", [f"{N21}相关措施的暂停安排不会终止，中方将继续落实双方共识。",
                                    f"中方决定，{U7}相关措施的暂停安排暂不终止。"])
def test_a_suspension_that_does_not_end_is_held_saying_so(answer: str) -> None:
    """review43's B1: held with "says a suspension ends without extension"."""
    with pytest.raises(UnusablePage) as refused:
        _read(RELEASE, answer)
    assert "does not end" in refused.value.detail and "ends without extension" not in refused.value.detail


def test_two_steps_of_one_kind_in_one_sentence_hold_only_the_doubted_one() -> None:
    """held41's B: a decided restore and a doubted restore in one sentence were held together (the same verb and sentence)."""
    record = _read(PRESSER, f"中方决定，自2026年12月15日起恢复实施{N21}相关措施，{U7}相关措施会否自同日起恢复实施，将根据美方表现而定。")
    assert _steps(record.actions) == [("restore", "MOFCOM-2025-21", "2026-12-15")]
    assert _steps(record.held) == [("restore", "UEL-2025-7", "2026-12-15")]
