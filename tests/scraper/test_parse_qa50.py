"""Session 50's blind round on spokesperson answers and related news (qa50, tests/data/corpus/qa50/): the faults it found.

qa50/27: "恢复实施商务部公告2025年第21号中对A（a）、B（b）等2家实体的相关措施，对该公告所列其余14家实体继续暂停实施相关措施1年。"
was read as a restore of all of No. 21 and an extension of A and B: the restore's object ("号中对A…的相关措施") was lost to
the "所列" of the clause after it (``targets._on_entities``), and the extension took the restore's object as its own
(``targets._object_clause_before``). The engine sets a whole-notice step apart from the entities another step of the
same notice and day names (``lifecycle.collect._one_step_each``), so the 14 were shown "Restored", A and B "Suspension
extended": each the other's step, silently. The same with 停止 (the 14 falsely lifted), with one name and "其余15家"/"其他
15家", with the others as the subject ("该公告所列其余15家实体的相关措施继续暂停…") or after the verb ("继续暂停实施该公告对其余
15家实体的相关措施1年")."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

RELEASE = ("商务部新闻发言人就调整出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-10 17:00\n\n"
           "问：请问中方对商务部公告2025年第21号所列美国实体有何新的安排？\n答：{a}\n")
A = "高点航空技术公司（High Point Aerotechnologies）"
B = "内华达山脉公司（Sierra Nevada Corporation）"
AB = ["highpointaerotechnologies", "sierranevada"]
N21 = "商务部公告2025年第21号"
FROM = "中方决定，自2026年11月11日起，"

Step = tuple[str, list[str | None], str | None, str | None, list[str]]


def _steps(answer: str) -> list[Step]:
    notice = parse_document(RELEASE.format(a=answer).encode("utf-8")).notice
    assert notice is not None
    return sorted((a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat(),
                   list(a.entities or [])) for a in notice.actions)


WHOLE_EXTENDED = ("extend", ["MOFCOM-2025-21"], "2026-11-11", "2027-11-11", [])


@pytest.mark.parametrize("rest", [
    "对该公告所列其余14家实体继续暂停实施相关措施1年。",
    "对其余14家实体继续暂停实施相关措施1年。",
    "对其他14家实体，继续暂停实施相关措施1年。",
    "该公告所列其余14家实体的相关措施继续暂停实施1年。",
    "继续暂停实施该公告对其余14家实体的相关措施1年。",
    "继续暂停实施该公告所列其余14家实体的相关措施1年。",
])
@pytest.mark.parametrize("verb,kind", [("恢复实施", "restore"), ("停止实施", "lift")])
def test_a_step_on_named_entities_then_the_others_extended(verb: str, kind: str, rest: str) -> None:
    answer = f"{FROM}{verb}{N21}中对{A}、{B}等2家实体的相关措施，{rest}"
    assert _steps(answer) == sorted([(kind, ["MOFCOM-2025-21"], "2026-11-11", None, AB), WHOLE_EXTENDED])


@pytest.mark.parametrize("among", ["中对", "对", "所列"])
def test_one_entity_named_then_the_other_15(among: str) -> None:
    answer = f"{FROM}恢复实施{N21}{among}{A}的相关措施，对该公告所列其余15家实体继续暂停实施相关措施1年。"
    assert _steps(answer) == sorted([("restore", ["MOFCOM-2025-21"], "2026-11-11", None, AB[:1]), WHOLE_EXTENDED])


def test_the_named_extended_and_the_others_restored() -> None:
    """The mirror: the named extended, the whole restored, which the engine sets apart (main read both steps whole: the
    "所列" of the clause after hid the extension's object too)."""
    answer = f"{FROM}继续暂停实施{N21}中对{A}的相关措施1年，对该公告所列其余15家实体恢复实施相关措施。"
    assert _steps(answer) == sorted([("extend", ["MOFCOM-2025-21"], "2026-11-11", "2027-11-11", AB[:1]),
                                     ("restore", ["MOFCOM-2025-21"], "2026-11-11", None, [])])


def test_an_object_clause_before_its_verb_still_limits_it() -> None:
    """audit29's form stays: "对…所列A（a）采取的出口管制措施，自…起予以解除" (the clause before is the lift's object)."""
    answer = f"中方决定，对{N21}所列{A}采取的出口管制措施，自2026年11月11日起予以解除。"
    assert _steps(answer) == [("lift", ["MOFCOM-2025-21"], "2026-11-11", None, AB[:1])]


@pytest.mark.parametrize("rest", ["其余14家实体的相关措施继续暂停实施1年。", "其他实体继续暂停实施相关措施1年。"])
def test_the_others_opening_their_clause_are_no_object_of_the_clause_before(rest: str) -> None:
    """"…对A（a）、B（b）2家实体的相关措施，其余14家实体的相关措施继续暂停实施1年": the extension was limited to A and B (the
    restore's object), the 14 given the restore by the engine's parting, silently."""
    answer = f"{FROM}恢复实施{N21}对{A}、{B}2家实体的相关措施，{rest}"
    assert _steps(answer) == sorted([("restore", ["MOFCOM-2025-21"], "2026-11-11", None, AB), WHOLE_EXTENDED])


@pytest.mark.parametrize("object_words", [
    f"{N21}中{A}、{B}相关措施",  # no 的
    f"{N21}关于{A}的相关措施",
    f"{N21}针对{A}的相关措施",
    f"{N21}中{A}、{B}相关措施，对其余14家实体继续暂停实施相关措施1年",
])
def test_a_step_read_whole_whose_clause_names_entities_is_held(object_words: str) -> None:
    """A step read on the whole notice whose own clause names entities with their English, no limit read: all 16 restored,
    the 14 not named falsely, silently (main). Held for a person (``checks.unread_named_after_verb``)."""
    text = RELEASE.format(a=f"{FROM}恢复实施{object_words}。")
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.encode("utf-8"))
    assert refused.value.reason == "needs-review"
    assert "not read as its limit" in str(refused.value)


def test_a_step_read_whole_whose_own_clause_names_none_stays_read() -> None:
    """"恢复实施…第21号相关措施，但对A（a）继续暂停…": the names are the next clause's (parted by the engine); "4月4日公告（…第21号）":
    a bracket with no English."""
    answer = f"{FROM}恢复实施4月4日公告（{N21}）相关措施，但对{A}继续暂停实施相关措施1年。"
    assert _steps(answer) == sorted([("restore", ["MOFCOM-2025-21"], "2026-11-11", None, []),
                                     ("extend", ["MOFCOM-2025-21"], "2026-11-11", "2027-11-11", AB[:1])])


# --- qa50's loud B, read now (each was held for a person: "says more than who takes it and when") ---------------------------

ITEMS = ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58", "MOFCOM-2025-61", "MOFCOM-2025-62"]
SIX = "商务部 海关总署公告2025年第55号、第56号、第57号、第58号和商务部公告2025年第61号、第62号"
ITEMS_RELEASE = ("商务部新闻发言人就有关两用物项出口管制措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-10 20:00\n\n"
                 "问：有关措施如何安排？\n答：{a}\n")


def _items_steps(answer: str) -> list[Step]:
    notice = parse_document(ITEMS_RELEASE.format(a=answer).encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat(), list(a.entities or []))
            for a in notice.actions]


@pytest.mark.parametrize("who", ["商务部、海关总署", "商务部和海关总署", "商务部 海关总署"])
def test_a_joint_decision_of_mofcom_and_customs_is_read(who: str) -> None:
    """qa50/10: "商务部、海关总署决定，自…起，继续暂停实施…" was held (the joint issuer no decider the release rules knew)."""
    answer = f"{who}决定，自2026年11月11日起，继续暂停实施{SIX}相关措施，暂停期限至2027年11月10日。"
    assert _items_steps(answer) == [("extend", ITEMS, "2026-11-11", "2027-11-10", [])]


@pytest.mark.parametrize("subject", [SIX, "商务部 海关总署公告2025年第55号", "商务部 海关总署公告2025年第55号和第56号"])
def test_joined_notices_as_the_subject_after_the_suspending_notices_end(subject: str) -> None:
    """qa50/34: "…第70号规定的暂停期限届满后，<notices>相关措施自…起恢复实施" was held (neither "X规定的暂停期限届满后" nor a
    subject of several notices joined by 、 and 和 was a plain lead)."""
    answer = f"商务部 海关总署公告2025年第70号规定的暂停期限届满后，{subject}相关措施自2026年11月11日起恢复实施。"
    got = _items_steps(answer)
    assert [(a, e, u) for a, _, e, u, _ in got] == [("restore", "2026-11-11", None)]
    assert got[0][1] == ITEMS[: len(got[0][1])] and "MOFCOM-2025-70" not in got[0][1]


def test_the_lapse_told_with_yi_then_the_restore_is_read() -> None:
    """qa50/09: "…相关措施的暂停期限已于2026年11月10日届满，自2026年11月11日起，上述措施恢复实施。" was held."""
    answer = "商务部公告2025年第21号相关措施的暂停期限已于2026年11月10日届满，自2026年11月11日起，上述措施恢复实施。"
    assert _steps(answer) == [("restore", ["MOFCOM-2025-21"], "2026-11-11", None, [])]


@pytest.mark.parametrize("answer", [
    "美国商务部、海关总署决定，自2026年11月11日起，继续暂停实施{six}相关措施。",
    "据报道，商务部、海关总署决定，自2026年11月11日起，继续暂停实施{six}相关措施。",
    "商务部公告2025年第21号相关措施的暂停期限已于2026年11月10日届满，美方希望上述措施自2026年11月11日起恢复实施。",
])
def test_others_words_stay_held(answer: str) -> None:
    text = ITEMS_RELEASE.format(a=answer.format(six=SIX))
    try:
        doc = parse_document(text.encode("utf-8"))
    except UnusablePage:
        return
    assert doc.notice is None or not doc.notice.actions
