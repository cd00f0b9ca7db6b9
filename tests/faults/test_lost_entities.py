"""Pages cut where none of the parser's checks sees it and no stated count catches it: the copy reads as a
smaller notice (fewer entities, or fewer of the notices it acts on). It must never withdraw entities or lift,
suspend or extend less silently, nor be stored as a listing of nobody on a first fetch; of two URLs of one
notice, the one naming less must not win. Real processes and files: the fixtures (or a decision) replayed, then
the cut copy at the same path, then the whole page again. Reported by helpers of session 14 (the gaps d798a59
left), and found by cutting every fixture and audit-corpus page after each sentence and line."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from tests.faults.harness import AS_OF, FETCHED, FIXTURES, cli, fixtures_replayed, store_copy
from tests.faults.test_cut_pages import QA_NOV, UEL_2023_1, UEL_2023_1_DECISION
from tests.faults.test_mfa_counts import DECISION, KEY
from tests.faults.test_review58_probes import report_of

REPO_DATA = Path(__file__).resolve().parents[1] / "data"

# The decision's annex cut after its second executive's whole line: "等3家…企业及其高级管理人员" counts the
# companies, the executives are counted as read, so the copy states what it names (5) and one person is gone.
LAST = "（三）亚当·布赖（Adam Bry），男，斯凯迪奥公司联合创始人、首席执行官\n"
CUT_DECISION = DECISION[: DECISION.index(LAST)]
SIX = ["edgeautonomyoperations", "huntingtoningallsindustries", "skydio", "johnpurvis", "christopherdouglaskastner",
       "adambry"]
UEL_KEYS = ["lockheedmartin", "raytheonmissilesanddefense"]


def replay_text(db: str, tmp_path: Path, run: str, name: str, text: str, fetched: str) -> tuple[int, str, dict]:
    """``text`` replayed as ``texts/<name>`` (the same URL every time), then the store's status."""
    tree = tmp_path / run / "texts"
    tree.mkdir(parents=True)
    (tree / name).write_text(text, encoding="utf-8")
    done = cli(db, "replay", str(tree.parent), "--fetched-at", fetched, "--as-of", AS_OF)
    return done.code, done.out + done.err, report_of(db, AS_OF)  # (status --json's report, read in this process)


def rows(state: dict, key: str) -> list[tuple[str, list[str]]]:
    return [(r["state"], r["entity_keys"]) for r in state["listings"] if r["notice_key"] == key]


@pytest.fixture(scope="module")
def replayed_once(tmp_path_factory) -> tuple[Path, dict]:
    """The fixtures replayed once (a real process) and that store's status: each test starts from a copy."""
    path = fixtures_replayed(tmp_path_factory.mktemp("lost-entities"))
    return path, json.loads(cli(f"sqlite:///{path}", "status", "--json", "--as-of", AS_OF).out)


def test_a_newer_copy_without_a_person_keeps_the_stored_decision_and_asks_for_review(replayed_once, tmp_path: Path) -> None:
    """The annex cut after a whole executive line: the companies' count is still right, Adam Bry is gone. The
    copy was stored over the whole one and withdrew him with no health problem."""
    db = store_copy(replayed_once[0], tmp_path / "store.db")
    code, out, state = replay_text(db, tmp_path, "whole", "mfa-2024-15.txt", DECISION, FETCHED)
    assert rows(state, KEY) == [("in_force", SIX)], out
    before, issues = state["listings"], state["health_issues"]
    code, out, state = replay_text(db, tmp_path, "cut", "mfa-2024-15.txt", CUT_DECISION, "2026-11-30T00:00:00+00:00")
    assert code == 1 and "1 unusable" in out, out
    assert state["listings"] == before  # Adam Bry not withdrawn
    (issue,) = [i for i in state["health_issues"] if i not in issues]
    assert issue["kind"] == "unusable-page" and issue["notice_key"] == KEY, issue
    assert "亚当·布赖" in issue["detail"] and "review" in issue["detail"], issue
    # the whole page fetched again closes the problem; nothing changed on the list
    code, out, state = replay_text(db, tmp_path, "again", "mfa-2024-15.txt", DECISION, "2026-12-01T00:00:00+00:00")
    assert state["listings"] == before
    assert state["health_issues"] == issues, state["health_issues"]


def test_a_newer_copy_of_a_listing_without_a_company_keeps_the_stored_listing(tmp_path: Path) -> None:
    """UEL 2023年第1号 states no count: a copy whose decision names one of its two companies (a line lost
    inside it) read as a listing of Lockheed Martin alone, and withdrew Raytheon silently."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    whole = UEL_2023_1 + UEL_2023_1_DECISION
    less = whole.replace("、雷神导弹与防务公司（Raytheon Missiles & Defense）列入", "列入")
    code, out, state = replay_text(db, tmp_path, "whole", "uel-2023-1.txt", whole, FETCHED)
    assert (code, rows(state, "UEL-2023-1")) == (0, [("in_force", UEL_KEYS)]), out
    code, out, state = replay_text(db, tmp_path, "less", "uel-2023-1.txt", less, "2026-11-30T00:00:00+00:00")
    assert code == 1 and "1 unusable" in out, out
    assert rows(state, "UEL-2023-1") == [("in_force", UEL_KEYS)]
    (issue,) = state["health_issues"]
    assert issue["kind"] == "unusable-page" and "雷神导弹与防务公司" in issue["detail"], issue


# the header lines of UEL 2023年第1号 after which a cut copy reads as a notice (its number is read)
CUT_AFTER = {"number": "【发布文号】不可靠实体清单工作机制公告2023年第1号\n", "date": "【发文日期】2023年02月16日\n",
             "issuer": "不 可 靠 实 体 清 单 工 作 机 制\n", "heading": "公    告\n", "number-line": "2023年 第1号\n"}


@pytest.mark.parametrize("line", list(CUT_AFTER.values()), ids=list(CUT_AFTER))
def test_a_first_fetch_of_a_listing_cut_before_its_decision_is_reported_then_read_whole(tmp_path: Path,
                                                                                        line: str) -> None:
    """Nothing stored: the cut copy read as a UEL listing of nobody, stored with no problem. It lists nobody
    and states no count, which no whole page does: held back as unusable, then the whole page is read. (Since
    session 15 the parser refuses it first: it stops before its closing, no effective clause, no signature.)"""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    cut = UEL_2023_1[: UEL_2023_1.index(line) + len(line)]
    code, out, state = replay_text(db, tmp_path, "cut", "uel-2023-1.txt", cut, FETCHED)
    assert code == 1 and "1 unusable" in out, out
    assert rows(state, "UEL-2023-1") == []
    (issue,) = state["health_issues"]
    assert issue["kind"] == "unusable-page" and "before its closing" in issue["detail"], issue
    code, out, state = replay_text(db, tmp_path, "whole", "uel-2023-1.txt", UEL_2023_1 + UEL_2023_1_DECISION,
                                   "2026-11-30T00:00:00+00:00")
    assert (code, rows(state, "UEL-2023-1")) == (0, [("in_force", UEL_KEYS)]), out
    assert state["health_issues"] == []


def smaller_sha(text: str, than: str) -> str:
    """``text`` with trailing newlines added until its bytes' SHA-256 sorts before ``than``'s (the alias rule's
    last tie-break, so the copy naming less would win it)."""
    target = hashlib.sha256(than.encode("utf-8")).hexdigest()
    while hashlib.sha256(text.encode("utf-8")).hexdigest() > target:
        text += "\n"
    return text


@pytest.mark.parametrize("whole_first", [True, False], ids=["whole-first", "less-first"])
def test_an_alias_copy_naming_less_does_not_win_over_the_whole_one(tmp_path: Path, whole_first: bool) -> None:
    """The same notice under another URL, one company short and no count to show it: the alias rule kept the
    copy with the smaller SHA-256, here the one naming less, and Raytheon left the list (an alias-conflict
    problem said the pages disagreed, but the wrong copy was kept). The copy naming more wins, in any order."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    whole = UEL_2023_1 + UEL_2023_1_DECISION
    less = smaller_sha(whole.replace("、雷神导弹与防务公司（Raytheon Missiles & Defense）列入", "列入"), whole)
    pages = [("uel-2023-1.txt", whole), ("uel-2023-1-reprint.txt", less)]
    for day, (name, text) in zip(("29", "30"), pages):
        code, out, state = replay_text(db, tmp_path, name, name, text, f"2026-11-{day}T00:00:00+00:00")
    assert rows(state, "UEL-2023-1") == [("in_force", UEL_KEYS)]
    (issue,) = state["health_issues"]
    assert issue["kind"] == "alias-conflict" and issue["url"] == "file:texts/uel-2023-1-reprint.txt", issue
    # status and run report it as a problem: so does replay (it exited 0), and again when it reads the page as before
    assert state["ok"] is False and code == 1 and "1 alias conflict" in out and "alias conflict: UEL-2023-1" in out, out
    said = cli(db, "status", "--json", "--as-of", AS_OF)  # (and the status command's own "ok", activity and all)
    assert json.loads(said.out)["ok"] is False and said.code == 1, said.out + said.err
    code, out, _ = replay_text(db, tmp_path, "again", name, text, "2026-12-01T00:00:00+00:00")
    assert code == 1 and "1 unchanged, 0 unusable, 1 alias conflict" in out, out


QA_MAY = "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_53ec1f591dba49a39b65fd89b6d73e6f.html"
NO_70_ACTION = "自2025年11月10日起至2026年11月10日，暂停实施商务部 海关总署公告2025年第55号、第56号、第57号、第58号和商务部公告2025年第61号、第62号。\n"
LESS = [
    # 2025 No. 70 cut after its preamble: it suspends only No. 55 (named in its title), not 56-58, 61, 62. Since
    # session 15 the parser refuses the cut (it stops before its closing): the pipeline's hold-back is behind it.
    ("texts/mofcom-2025-70.txt", "现将有关事项公告如下：", "before its closing"),
    # the same notice with its one action line lost, its closing kept (no cut any parser check sees): it reads the
    # title's suspension of No. 55 alone, less than the stored parse (``storage.shortread.reads_less``)
    ("texts/mofcom-2025-70.txt", "-" + NO_70_ACTION, "review"),
    # the Q&As cut after the answer's first sentence, which recounts the listings: they suspend, extend or stop
    # nothing (cut after the question alone, they are UnusablePage('cut-short') since 9ce22cd; after this sentence,
    # since session 15: their titles announce a change their answers do not read)
    (QA_NOV, "对一批美国实体采取了不可靠实体清单措施。", "announces a change"),
    (QA_MAY, "禁止其在中国境内新增投资。", "announces a change"),
]


@pytest.mark.parametrize(("path", "marker", "why"), LESS, ids=["no70", "no70-line-lost", "qa-nov", "qa-may"])
def test_a_newer_copy_that_does_less_keeps_the_stored_notice_until_the_whole_page_comes(replayed_once, tmp_path: Path,
                                                                                        path: str, marker: str,
                                                                                        why: str) -> None:
    """A page cut after a whole sentence, or a copy that lost a line, which none of the parser's checks saw, read
    as a notice doing less than the stored copy: 2025 No. 70 replayed cut took the suspension off five notices, a
    cut Q&A its suspension or extension, silently (exit 0). The copy is held back; the whole page closes the
    problem. (``marker`` "-LINE": the copy without that line; else the page cut after ``marker``.)"""
    db = store_copy(replayed_once[0], tmp_path / "store.db")
    first = replayed_once[1]
    page = (FIXTURES / path).read_text(encoding="utf-8")
    if marker.startswith("-"):
        assert marker[1:] in page
        cut = page.replace(marker[1:], "")
    else:
        at = page.index(marker) + len(marker)
        cut = page[:at] + ("</p></div></div></body></html>" if path.endswith(".html") else "\n")
    for run, text, fetched in (("cut", cut, "2026-11-30"), ("whole", page, "2026-12-01")):
        (tmp_path / run / path).parent.mkdir(parents=True)
        (tmp_path / run / path).write_text(text, encoding="utf-8")
        done = cli(db, "replay", str(tmp_path / run), "--fetched-at", f"{fetched}T00:00:00+00:00", "--as-of", AS_OF)
        state = report_of(db, AS_OF)
        assert state["listings"] == first["listings"]  # nothing lifted, suspended or extended less
        if run == "cut":
            assert done.code == 1 and "1 unusable" in done.out + done.err, done.out + done.err
            (issue,) = [i for i in state["health_issues"] if i not in first["health_issues"]]
            assert issue["kind"] == "unusable-page" and why in issue["detail"], issue
        else:
            assert state["health_issues"] == first["health_issues"]


def test_a_newer_copy_read_by_a_newer_parser_is_compared_with_the_stored_bytes_read_by_it(tmp_path: Path) -> None:
    """The stored parse came from older parser code that read a false entity; the page's bytes changed since
    (a trailing line). The newer copy names one entity fewer than that parse, but no fewer than the stored bytes
    read by today's parser: that is the parser's fix, not a page cut short, and it is stored with no problem."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    code, out, state = replay_text(db, tmp_path, "whole", "mfa-2024-15.txt", DECISION, FETCHED)
    assert code == 0, out
    with sqlite3.connect(tmp_path / "store.db") as con:  # what an older parser stored: a seventh, false entity
        (record_json,) = con.execute("SELECT record_json FROM notice WHERE key = ?", (KEY,)).fetchone()
        record = json.loads(record_json)
        record["entities"].append(dict(record["entities"][-1], zh="首席执行官", en=None, key="首席执行官"))
        con.execute("UPDATE notice SET record_json = ? WHERE key = ?", (json.dumps(record, ensure_ascii=False), KEY))
        con.execute("UPDATE snapshot SET parser_digest = 'an-older-parser' WHERE notice_key = ?", (KEY,))
    code, out, state = replay_text(db, tmp_path, "newer", "mfa-2024-15.txt", DECISION + "\n",
                                   "2026-11-30T00:00:00+00:00")
    assert code == 0 and "1 changed" in out, out
    assert rows(state, KEY) == [("in_force", SIX)] and state["health_issues"] == []


TABLE = Path(__file__).parents[1] / "data" / "corpus" / "ecl" / "25-html-uel-2025-7-table.html"


def test_a_newer_copy_whose_last_entity_lost_its_english_name_keeps_the_stored_one(tmp_path: Path) -> None:
    """UEL〔2025〕7号 with its annex as a table, cut after the last row's Chinese name: as many entities as it
    states, the last keyed by "英斯图" instead of "insitu". Stored over the whole copy, it withdrew Insitu and
    listed a new entity, silently. It reads less (a name without the English the stored copy keys it by)."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    page = TABLE.read_text(encoding="utf-8")
    marker = "<td><p>英斯图公司</p></td>"
    cut = page[: page.index(marker) + len(marker)] + "</tr></table></div></body></html>"
    code, out, state = replay_text(db, tmp_path, "whole", "uel-2025-7.html", page, FETCHED)
    ((_, keys),) = rows(state, "UEL-2025-7")
    assert code == 0 and "insitu" in keys, out
    code, out, state = replay_text(db, tmp_path, "cut", "uel-2025-7.html", cut, "2026-11-30T00:00:00+00:00")
    assert code == 1 and "1 unusable" in out, out
    assert rows(state, "UEL-2025-7") == [("in_force", keys)]
    (issue,) = state["health_issues"]
    assert issue["kind"] == "unusable-page" and "英斯图公司" in issue["detail"], issue
    code, out, state = replay_text(db, tmp_path, "again", "uel-2025-7.html", page, "2026-12-01T00:00:00+00:00")
    assert (code, rows(state, "UEL-2025-7"), state["health_issues"]) == (0, [("in_force", keys)], []), out


def test_a_mirror_copy_cut_mid_annex_beside_the_whole_one_is_no_notice_read_short(tmp_path: Path) -> None:
    """story33 S4a: the same notice whole at one URL and cut mid-annex at another (its stated count 11, 6 read). The
    whole parse is kept and every entity listed; the pages disagree (alias-conflict). A count-mismatch issue said of
    the notice "parsed 6 entities … The entities not read are in no item, entity feed or screening": false, all 11 are
    (and ``screen`` warned of a page not read whole). Only the alias conflict is open. (The cut copy first, then the
    whole one: the count-mismatch opens, the notice short then, and closes with the whole copy, as before.)"""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    whole = (REPO_DATA / "stories28" / "lists_and_names" / "b1-uel-2025-7.txt").read_text(encoding="utf-8")
    cut = whole[: whole.index("7. 浩劫人工智能公司")]
    pages = [("uel-2025-7.txt", whole), ("uel-2025-7-mirror.txt", cut)]
    for day, (name, text) in zip(("29", "30"), pages):
        code, out, state = replay_text(db, tmp_path, name, name, text, f"2026-11-{day}T00:00:00+00:00")
    assert [(r["state"], len(r["entity_keys"])) for r in state["listings"] if r["notice_key"] == "UEL-2025-7"] == [
        ("in_force", 11)]
    assert [(i["kind"], i["url"]) for i in state["health_issues"]] == [
        ("alias-conflict", "file:texts/uel-2025-7-mirror.txt")]  # the copy not kept
