"""clauses44 (session 44): one answer extending two notices, each with its own term ("…第21号和…〔2025〕7号相关措施，暂停期限分别为
6个月和1年，期满后自动恢复实施"), replayed into one SQLite store: each notice's extension, end, restore and lapse on its own
days (was: held for a person, session 43; before that one term of 6 months for both, UEL 7号's restore six months early);
and the same for 其中 naming each notice with its own end, and a clause per notice with no verb (each lapse presumed on its
own day).

The real 2025 pages of stories43/lapse72_late (No. 21, UEL 7号 and their 2025-11-05 answers: suspended until 2026-11-10), then
an answer of 2026-11-05 in the wording of those answers; ``timeline`` and ``feeds`` read before, on and after each end."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.mofcom_watch.stories import REPO, live, per_notice, replayed

LAPSE72 = REPO / "tests" / "data" / "stories43" / "lapse72_late"
N21, U7 = "MOFCOM-2025-21", "UEL-2025-7"
ANSWER = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-05 17:00\n\n"
          "商务部新闻发言人就调整出口管制管控名单和不可靠实体清单措施答记者问\n"
          "问：商务部公告2025年第21号和不可靠实体清单工作机制公告〔2025〕7号相关措施的暂停期限即将届满，请问中方有何安排？\n"
          "答：为继续落实中美经贸磋商共识，中方决定，自2026年11月11日起，继续暂停实施商务部公告2025年第21号和不可靠实体清单工作机制"
          "公告〔2025〕7号相关措施，暂停期限分别为6个月和1年，期满后自动恢复实施。\n")


def _folder(tmp_path: Path, answer: str) -> Path:
    data = tmp_path / "data"
    data.mkdir(parents=True)
    for page in LAPSE72.iterdir():
        if page.name.startswith("b-"):  # No. 21, UEL 7号 and their 2025 answers
            shutil.copy(page, data / page.name)
    (data / "k-qa-2026-11-05-each-its-own-term.txt").write_text(answer, encoding="utf-8")
    return data


def test_each_notice_its_own_extension_end_and_restore(tmp_path: Path) -> None:
    data = _folder(tmp_path, ANSWER)
    pages = {"2025-11-05": ("b",), "2026-11-05": ("k",)}
    days = ["2026-11-10", "2026-11-11", "2027-05-11", "2027-05-12", "2027-05-13", "2027-11-11", "2027-11-12", "2027-11-13"]
    seen, now = live(tmp_path / "live", data, pages, days, None)
    mine = {i: now[i]["title"] for i in now if i.startswith((N21, U7))}
    # each notice's extension to its own end, and its restore the day after (its last day included), told by the answer
    assert "until 2027-05-11 inclusive" in mine[f"{N21}/suspension_extended/ecl/2026-11-11"]
    assert "until 2027-11-11 inclusive" in mine[f"{U7}/suspension_extended/uel/2026-11-11"]
    assert {i for i in mine if "/restored/" in i} == {f"{N21}/restored/ecl/2027-05-12", f"{U7}/restored/uel/2027-11-12"}
    assert seen[f"{N21}/restored/ecl/2027-05-12"] == seen[f"{U7}/restored/uel/2027-11-12"] == "2026-11-05"
    # no lapse "presumed" for either: each restore is told
    assert not [i for i in mine if "lapsed" in i], sorted(mine)

    (tmp_path / "whole").mkdir()
    store = replayed(tmp_path / "whole", data, "2026-11-06T10:00:00+00:00", today="2026-11-06")
    for name, key, end in (("High Point Aerotechnologies", N21, "2027-05-11"), ("BRINC Drones", U7, "2027-11-11")):
        before = per_notice(store, name, "2026-11-09")[key]
        assert before[0] == "suspended" and before[2] == "2026-11-10", before
        on = per_notice(store, name, end)[key]
        assert on[0] == "suspended" and on[2] == end, (name, on)
        after = per_notice(store, name, f"{end[:8]}{int(end[8:]) + 1:02d}")[key]
        assert after[0] == "in_force", (name, after)


# 其中 naming each notice with its own end, a restore after; a clause per notice with no verb, no restore told (each lapse
# presumed on its own day)
QIZHONG = ANSWER.replace("暂停期限分别为6个月和1年，期满后自动恢复实施", "其中商务部公告2025年第21号相关措施暂停至2027年5月31日，"
                         "不可靠实体清单工作机制公告〔2025〕7号相关措施暂停至2027年11月30日，期满后自动恢复实施")
ELIDED = ANSWER.replace("继续暂停实施商务部公告2025年第21号和不可靠实体清单工作机制公告〔2025〕7号相关措施，暂停期限分别为6个月和1年，"
                        "期满后自动恢复实施", "继续暂停实施商务部公告2025年第21号相关措施6个月，不可靠实体清单工作机制公告〔2025〕7号相关措施1年")


@pytest.mark.parametrize(("answer", "ends", "back"), [
    (QIZHONG, ("2027-05-31", "2027-11-30"), "restored"),  # each restore told, on the day after its own end
    (ELIDED, ("2027-05-11", "2027-11-11"), "suspension_lapsed"),  # each lapse presumed, on its own day, not before
])
def test_qizhong_and_a_clause_per_notice_each_its_own_days(tmp_path: Path, answer: str, ends: tuple[str, str],
                                                          back: str) -> None:
    assert answer != ANSWER
    data = _folder(tmp_path, answer)
    days = ["2026-11-11", "2027-05-12", "2027-06-01", "2027-06-02", "2027-11-12", "2027-12-01", "2027-12-02"]
    seen, now = live(tmp_path / "live", data, {"2025-11-05": ("b",), "2026-11-05": ("k",)}, days, None)
    for key, lst, end in ((N21, "ecl", ends[0]), (U7, "uel", ends[1])):
        assert f"until {end} inclusive" in now[f"{key}/suspension_extended/{lst}/2026-11-11"]["title"]
        day = (date.fromisoformat(end) + timedelta(days=1)).isoformat()
        assert [i for i in now if i.startswith(key) and ("/restored/" in i or "/suspension_lapsed/" in i)] == \
            [f"{key}/{back}/{lst}/{day}"], sorted(now)
        assert seen[f"{key}/{back}/{lst}/{day}"] == ("2026-11-05" if back == "restored" else day)
