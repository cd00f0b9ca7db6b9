"""Session 41 (actions41): three open A of session 40, each a step read the wrong way round or not at all.
- audit40/39: "…第21号相关措施的暂停安排自2026年12月30日起终止" was a lift of No. 21 (a false 'Lifted' item): the 终止 whose
  subject is the suspension (a noun: "的暂停", "上述暂停", "暂停安排/期限/期") ends the suspension, so the measures are back.
- audit40/40: "对…第21号相关措施的暂停不再延续" was no action, only the quiet warning "no action found in the answer": a
  restore missed silently. Now a restore on the day the answer gives, else from the suspension's end its paragraph tells,
  else held for a person (``page.unread_expiry``), never the answer's own day.
- review41: "中方决定…暂停实施…第21号相关措施，双方也将取消对彼此企业的限制" read a lift of No. 21 beside the suspension (a
  false item): both sides as the subject, or a mutual object ("对彼此企业"), is a joint step on no notice of ours.
Each case's steps were written before the parser ran (/work/s41/actions41-cases/expected.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.faults.harness import FIXTURES, cli

N21 = "商务部公告2025年第21号"
ECL21 = "4月4日公告（商务部公告2025年第21号）"
QA = ("商务部新闻发言人就出口管制管控名单相关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-29 19:00\n"
      "有记者问：{q}\n答：{a}\n")
ENDED_Q = f"{N21}相关措施的暂停期限已于2026年11月10日届满，请问中方有何安排？"
RELEASE = ("商务部新闻发言人就中美经贸关系有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-20 18:00\n\n"
           "问：请问中方对有关措施有何考虑？\n答：{a}\n")
SUSPENDS = f"中方决定自2026年12月1日起暂停实施{ECL21}相关措施，"
HELD = "held"


def _steps(text: str) -> list[tuple[str, list[str | None], str | None]] | str:
    try:
        notice = parse_document(text.encode("utf-8")).notice
    except UnusablePage as exc:
        assert exc.reason == "needs-review", exc
        return HELD
    assert notice is not None, text
    return [(a.action.value, [t.key for t in a.targets], a.effective) for a in notice.actions]


@pytest.mark.parametrize("answer", [
    f"中方决定，{N21}相关措施的暂停安排自2026年12月30日起终止。",
    f"中方决定，{N21}相关措施的暂停期限自2026年12月30日起终止。",
    f"中方决定，{N21}相关措施的暂停自2026年12月30日起终止。",
    f"中方决定，{N21}相关措施的暂停安排自2026年12月30日起结束。",  # 结束 (was nothing, silently)
    f"中方决定，{N21}相关措施的暂停期限于2026年12月30日结束。",
    f"中方决定，{N21}相关措施的暂停安排于2026年12月30日终止。",  # the day it ends (was a lift from the answer's day)
    f"中方决定，对{N21}相关措施的暂停自2026年12月30日起予以取消。",
    f"中方决定，自2026年12月30日起，终止对{N21}相关措施的暂停安排。",  # (was held: "的暂停安排" after the object)
    f"中方决定，自2026年12月30日起，对{N21}相关措施的暂停不再延续。",
    f"中方决定，自2026年12月30日起，{N21}相关措施的暂停不再继续。",
    f"中方决定，自2026年12月30日起，{N21}相关措施的暂停期限不再延长。",
])
def test_the_suspension_ended_is_a_restore(answer: str) -> None:
    assert _steps(QA.format(q=ENDED_Q, a=answer)) == [("restore", ["MOFCOM-2025-21"], "2026-12-30")]


@pytest.mark.parametrize("answer", [
    f"中方决定，自2026年12月30日起终止实施{N21}相关措施。",
    f"中方决定，{N21}相关措施自2026年12月30日起终止实施。",
    f"中方决定，自2026年12月30日起停止实施{N21}相关措施。",
    f"中方决定，自2026年12月30日起取消{N21}相关措施。",
    f"中方决定，{N21}相关措施暂停期限届满后，自2026年12月30日起终止实施该公告相关措施。",
    f"中方决定，在暂停期结束后自2026年12月30日起停止实施{N21}相关措施。",
    f"中方决定，自2026年12月30日起不再继续实施{N21}相关措施。",  # (was nothing: 不再继续实施 is 不再实施's lift)
])
def test_the_measures_ended_are_still_a_lift(answer: str) -> None:
    assert _steps(QA.format(q=ENDED_Q, a=answer)) == [("lift", ["MOFCOM-2025-21"], "2026-12-30")]


@pytest.mark.parametrize(("question", "answer"), [
    # no day given and the suspension's end told only in the question: held, never the answer's own day
    (ENDED_Q, f"中方决定，对{N21}相关措施的暂停不再延长。"),
    (ENDED_Q, f"中方决定，{N21}相关措施的暂停安排不再延续。"),
    (ENDED_Q, f"中方决定，{N21}相关措施的暂停期限届满后不再延续。"),
    (ENDED_Q, f"中方决定，{N21}相关措施的暂停不再继续。"),
    (f"请问中方对{N21}相关措施有何安排？", f"中方决定，对{N21}相关措施的暂停不再延续。"),
    # "上述" pointing into the question: no notice of the answer's own, held (was nothing, silently)
    (ENDED_Q, "中方决定，上述暂停安排自2026年12月30日起终止。"),
])
def test_a_suspension_ended_with_no_day_or_notice_read_is_held(question: str, answer: str) -> None:
    assert _steps(QA.format(q=question, a=answer)) == HELD


@pytest.mark.parametrize("answer", [
    f"中方尚未决定{N21}相关措施的暂停安排是否终止。",
    f"中方尚未决定对{N21}相关措施的暂停是否不再延续。",
    f"有媒体报道称{N21}相关措施的暂停安排将于2026年12月30日终止，中方对此不予置评。",
])
def test_a_suspensions_end_doubted_or_reported_is_no_step(answer: str) -> None:
    assert _steps(QA.format(q=ENDED_Q, a=answer)) == []


def test_a_notice_no_longer_continuing_the_suspension_restores() -> None:
    notice = (f"商务部公告2026年第200号 关于{N21}相关措施的公告\n商务部公告2026年第200号\n{N21}相关措施的暂停期限已于2026年11月10日"
              f"届满。商务部决定，自2026年12月30日起，对{N21}相关措施的暂停不再延续。\n本公告自公布之日起实施。\n商务部\n2026年12月29日\n")
    assert _steps(notice) == [("restore", ["MOFCOM-2025-21"], "2026-12-30")]


@pytest.mark.parametrize("after", [
    "双方也将取消对彼此企业的限制。", "中美双方也将取消对彼此企业的限制。", "两国也将相互取消对对方企业的限制。",
    "中美两国将取消对彼此企业的相关限制。", "并取消对彼此企业的限制。", "双方同意自同日起取消对彼此企业的限制。",
    "双方也将停止实施对彼此企业的相关措施。",
    "美方也将相应取消对中国企业的限制。", "双方将继续保持沟通。",
])
def test_both_sides_step_is_no_step_on_the_notice(after: str) -> None:
    assert _steps(RELEASE.format(a=SUSPENDS + after)) == [("suspend", ["MOFCOM-2025-21"], "2026-12-01")]


@pytest.mark.parametrize(("answer", "steps"), [
    (f"根据中美双方达成的共识，中方决定自2026年12月1日起暂停实施{ECL21}相关措施。", [("suspend", ["MOFCOM-2025-21"], "2026-12-01")]),
    (f"为落实中美双方相互达成的共识，中方决定自2026年12月1日起暂停实施{ECL21}相关措施。",
     [("suspend", ["MOFCOM-2025-21"], "2026-12-01")]),
    (f"经中美双方协商一致，自2026年12月1日起，暂停实施{ECL21}相关措施。", [("suspend", ["MOFCOM-2025-21"], "2026-12-01")]),
    (f"中方决定自2026年12月1日起恢复实施{ECL21}相关措施，双方将取消相互之间的限制。",
     [("restore", ["MOFCOM-2025-21"], "2026-12-01")]),
    (f"中方决定自2026年12月1日起停止实施{ECL21}相关措施，双方也将取消对彼此企业的限制。",
     [("lift", ["MOFCOM-2025-21"], "2026-12-01")]),
    # both sides agreeing on this side's step on its notice: held for a person, as before (never lost, never a lift)
    (f"双方同意，中方自2026年12月1日起暂停实施{ECL21}相关措施。", HELD),
    (f"双方决定，自2026年12月1日起暂停实施{ECL21}相关措施。", HELD),
    (f"中美双方同意，自2026年12月1日起暂停实施{ECL21}相关措施。", HELD),
    (f"中美双方决定，自2026年12月1日起，中方停止实施{ECL21}相关措施。", HELD),
])
def test_a_decision_beside_both_sides_is_still_read(answer: str, steps: object) -> None:
    assert _steps(RELEASE.format(a=answer)) == steps


SITE = "www.mofcom.gov.cn"
PAGES = (  # ECL No. 21 and the 2025 Q&As that suspended and extended it (tests/faults/test_status_qa_extensions.py)
    "zcfb/blgg/art/2025/art_eba76b74d5e147c99fd86bc8a47c5b57.html",
    *(f"xwfb/xwfyrth/art/2025/art_{h}.html" for h in (
        "56eb3af373f62dad744f712245a46d0b", "53ec1f591dba49a39b65fd89b6d73e6f", "ac5a19ec780f2934e1e2a68fcfc8804c",
        "2d1e85ffaebf4ed9913f35f2afb5c436", "7e09fc75390f4a078466b56ac9d6503a", "3cd57285290044edb3036563bc4c7352")),
)
CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "audit40"


def _no21(tmp_path: Path, name: str, text: str, as_of: str) -> dict:
    """No. 21's row after replaying the saved 2025 pages and the answer ``text`` through the real CLI."""
    for page in PAGES:
        dest = tmp_path / "site" / SITE / page
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / SITE / page, dest)
    (tmp_path / "site" / name).write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    done = cli(db, "replay", str(tmp_path / "site"), "--as-of", as_of)
    assert done.code in (0, 1), done.err
    status = json.loads(cli(db, "status", "--json", "--as-of", as_of).out)
    return next(row for row in status["listings"] if row["notice_key"] == "MOFCOM-2025-21")


@pytest.mark.parametrize("case", ["39-qa-ecl-zanting-anpai-zhongzhi-false-lift.txt", "40-qa-ecl-zanting-buzai-yanxu-missed.txt"])
def test_replayed_the_measures_are_back_in_force_from_the_day_the_answer_gives(tmp_path: Path, case: str) -> None:
    """audit40/39 left No. 21 "lifted" (a false 'Lifted' item), audit40/40 "lapsed" with no notice of the answer."""
    row = _no21(tmp_path, case, (CORPUS / case).read_text(encoding="utf-8"), "2027-01-05")
    assert (row["state"], row["since"], row["by"][:13]) == ("in_force", "2026-12-30", "QA-2026-12-29"), row["history"]


def test_replayed_both_sides_step_leaves_the_suspension(tmp_path: Path) -> None:
    """review41's case: No. 21 was "lifted" on 12-01 beside its suspension."""
    row = _no21(tmp_path, "qa-both-sides.txt", RELEASE.format(a=SUSPENDS + "双方也将取消对彼此企业的限制。"), "2026-12-05")
    assert (row["state"], row["since"], row["by"][:13]) == ("suspended", "2026-12-01", "QA-2026-11-20"), row["history"]


NUMBERED = ("商务部公告2026年第210号 关于两用物项出口管制有关事项的公告\n商务部公告2026年第210号\n"
            "根据《中华人民共和国出口管制法》有关规定，现将有关事项公告如下：\n{body}\n本公告自公布之日起正式实施。\n商务部\n2026年12月10日\n")
SARONIC = "萨罗尼克科技公司（Saronic Technologies, Inc.）"
NORTHERN = "北方海事系统公司（Northern Maritime Systems, Inc.）"


def test_a_notices_own_scope_naming_a_notice_is_not_held() -> None:
    """review41's B: "本公告适用于…第21号所列实体以外的…" (the notice's own scope, no measures carried) was held for a person
    (NOTICE_CARRIED_WORDS' 适用于), a notice with no step to read."""
    body = "一、出口经营者应当如实申报最终用户和最终用途。\n二、本公告适用于向商务部公告2025年第21号所列实体以外的最终用户出口两用物项的申请。"
    assert _steps(NUMBERED.format(body=body)) == []


@pytest.mark.parametrize("body", [
    "本规定适用于商务部公告2025年第21号所列实体的境外关联企业。",  # reaching the listed entities' affiliates: a person's
    f"商务部公告2025年第21号的相关规定同样适用于{NORTHERN}。",
    f"商务部公告2025年第21号所列{SARONIC}已被{NORTHERN}吸收合并。自2026年12月10日起，商务部公告2025年第21号对{SARONIC}"
    f"采取的相关措施适用于{NORTHERN}。",
    f"一、本公告适用于向商务部公告2025年第21号所列实体以外的最终用户出口。\n二、商务部公告2025年第21号对{SARONIC}采取的相关措施"
    f"适用于{NORTHERN}。",
])
def test_measures_carried_to_another_are_still_held(body: str) -> None:
    assert _steps(NUMBERED.format(body=body)) == HELD


TRANSCRIPT = ("商务部召开例行新闻发布会（2026年11月20日）\n来源：商务部新闻办公室 2026-11-20 18:00\n\n记者：请问中方对有关措施有何考虑？\n"
              "何亚东：{a}\n")


@pytest.mark.parametrize("template", [RELEASE, TRANSCRIPT])
@pytest.mark.parametrize(("answer", "steps"), [
    # an agreement with no date: read as no notice at all, silently (the near variants of review41's 双方 case)
    (f"中方同意暂停实施{ECL21}相关措施。", [("suspend", ["MOFCOM-2025-21"], "2026-11-20")]),
    (f"双方同意暂停实施{ECL21}相关措施。", HELD),
    (f"中美双方同意暂停实施{ECL21}相关措施90天。", HELD),
    (f"双方同意，中方暂停实施{ECL21}相关措施。", HELD),
    (f"中方同意美方的请求，决定自2026年12月1日起暂停实施{ECL21}相关措施。", [("suspend", ["MOFCOM-2025-21"], "2026-12-01")]),
])
def test_an_agreement_is_read_or_held_never_lost(template: str, answer: str, steps: object) -> None:
    assert _steps(template.format(a=answer)) == steps


def test_a_disagreement_is_held_and_the_other_sides_agreement_is_no_step() -> None:
    assert _steps(RELEASE.format(a=f"中方不同意恢复实施{ECL21}相关措施。")) == HELD  # as qa39/12 pins "中方不同意自…起停止…"
    assert parse_document(RELEASE.format(a="美方同意取消对中国企业的限制。").encode("utf-8")).notice is None


@pytest.mark.parametrize("answer", [
    f"{N21}相关措施的暂停安排将于2026年12月30日终止，这一消息不准确。",
    f"有关{N21}相关措施的暂停安排将于2026年12月30日终止的说法没有事实依据。",
    "中方决定，对美加征24%关税的暂停期自2026年11月10日起结束，恢复加征。",  # no notice's measures
])
def test_a_suspensions_end_denied_or_of_no_notice_is_not_held(answer: str) -> None:
    """``page.unread_expiry``'s new words ("…的暂停安排…终止") hold a Q&A reading no restore; not where the end is denied, nor a
    tariff's suspension (loud false holds found by probing them)."""
    assert _steps(QA.format(q=ENDED_Q, a=answer)) == []


SUSPENSION_NOTICE = ("商务部公告2026年第201号 {title}\n商务部公告2026年第201号\n{body}\n本公告自公布之日起实施。\n商务部\n"
                     "2026年12月29日\n")


@pytest.mark.parametrize(("title", "body"), [
    # a title ending the arrangement: read as a lift of No. 21 from the notice's day beside the body's restore (false)
    ("关于终止商务部公告2025年第21号相关措施暂停安排的公告", f"商务部决定，{N21}相关措施的暂停安排自2026年12月30日起终止。"),
    ("关于商务部公告2025年第21号相关措施的公告", f"商务部决定，自2026年12月30日起终止{N21}相关措施暂停安排。"),
    ("关于商务部公告2025年第21号相关措施的公告", f"商务部决定，自2026年12月30日起终止{N21}相关措施的暂停安排。"),
    # "上述暂停安排" pointing to the sentence before: nothing read, silently
    ("关于商务部公告2025年第21号相关措施的公告", f"{N21}相关措施的暂停期限已于2026年11月10日届满。商务部决定，上述暂停安排自2026年12月30日起终止。"),
    ("关于商务部公告2025年第21号相关措施的公告", f"商务部决定，自2026年12月30日起，{N21}相关措施的暂停不再延续。"),
    # "自同日起" after a day the suspension 结束 on: the second restore was read from the notice's day, a day early
    ("关于商务部公告2025年第21号相关措施的公告", f"根据有关规定，商务部决定，{N21}相关措施的暂停期限于2026年12月30日结束，上述措施自同日"
     "起恢复实施。"),
])
def test_a_notice_ending_the_suspension_restores(title: str, body: str) -> None:
    assert _steps(SUSPENSION_NOTICE.format(title=title, body=body)) == [("restore", ["MOFCOM-2025-21"], "2026-12-30")]


def test_a_notice_ending_the_measures_still_lifts() -> None:
    body = f"商务部决定，自2026年12月30日起终止实施{N21}相关措施。"
    assert _steps(SUSPENSION_NOTICE.format(title="关于停止实施商务部公告2025年第21号相关措施的公告", body=body)) \
        == [("lift", ["MOFCOM-2025-21"], "2026-12-30")]
