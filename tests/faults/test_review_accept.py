"""A newer copy that reads less than the stored notice is held back (tests/faults/test_lost_entities.py): a page cut
short reads so, and so does the ministry republishing a notice without an entity. Before ``review`` and ``accept``
a genuine republication was held back for ever and every run exited 1 with it, and nobody could say "I read it,
take it". Real processes and files: the CLI against a SQLite file, pages replayed from a folder or fetched by
``run`` from a local HTTP site."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from tests.faults.harness import AS_OF, FIXTURES, Done, cli, cli_env, store_rows
from tests.faults.test_cut_pages import QA_NOV, UEL_2023_1, UEL_2023_1_DECISION
from tests.faults.test_mfa_counts import DECISION, KEY, SHORT
from tests.site_server import SiteServer

WHOLE = UEL_2023_1 + UEL_2023_1_DECISION
# the notice as the ministry might republish it: Raytheon no longer named (no count stated to show a cut)
WITHOUT = WHOLE.replace("、雷神导弹与防务公司（Raytheon Missiles & Defense）列入", "列入")
UEL_KEYS = ["lockheedmartin", "raytheonmissilesanddefense"]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def replay(db: str, tmp_path: Path, run: str, name: str, text: str, day: str) -> Done:
    tree = tmp_path / run / "texts"
    tree.mkdir(parents=True)
    (tree / name).write_text(text, encoding="utf-8")
    return cli(db, "replay", str(tree.parent), "--fetched-at", f"{day}T00:00:00+00:00", "--as-of", AS_OF)


def status(db: str) -> tuple[int, dict]:
    done = cli(db, "status", "--json", "--as-of", AS_OF)
    return done.code, json.loads(done.out)


def keys_of(state: dict, key: str) -> list[list[str]]:
    return [r["entity_keys"] for r in state["listings"] if r["notice_key"] == key]


def one_line(done: Done) -> str:
    lines = [line for line in done.err.splitlines() if line.strip()]
    assert len(lines) == 1 and not done.out.strip(), done
    return lines[0]


def test_a_republished_notice_is_held_until_a_person_accepts_the_copy_they_saw(tmp_path: Path) -> None:
    """UEL 2023年第1号 republished without Raytheon: held back (exit 1) until accepted; bad input to ``accept`` is one
    line and exit 2 with the store untouched; the accepted copy is stored at once, its events derived, the problem
    closed, the acceptance shown by ``status`` and the evidence pack (its metadata and its HTML summary) with who, when and which copy; the same copy fetched again is
    clean, and a later copy is judged on its own (the whole notice again: stored, Raytheon back; then the accepted
    copy again: held, offered and accepted anew)."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert replay(db, tmp_path, "whole", "uel-2023-1.txt", WHOLE, "2026-11-29").code == 0
    held = replay(db, tmp_path, "without", "uel-2023-1.txt", WITHOUT, "2026-11-30")
    assert held.code == 1 and "mofcom-watch review" in held.err, held

    review = cli(db, "review", "--json")
    assert review.code == 1, review
    (pending,) = json.loads(review.out)["pending"]
    assert (pending["notice_key"], pending["url"], pending["would_go"]) == (
        "UEL-2023-1", "file:texts/uel-2023-1.txt", ["雷神导弹与防务公司"]), pending
    assert (pending["sha256"], pending["stored_sha256"]) == (sha(WITHOUT), sha(WHOLE))
    assert pending["first_seen"].startswith("2026-11-30")

    before = store_rows(db)
    for args, said in ((("UEL-2023-1", sha(WHOLE)[:12]), "not " + sha(WHOLE)[:12]),  # the stored copy's hash
                       (("UEL-2023-1", "65f0"), "at least 8 hex digits"),
                       (("UEL-2099-9", sha(WITHOUT)), "no notice UEL-2099-9")):
        bad = cli(db, "accept", *args)
        assert bad.code == 2 and said in one_line(bad), bad
    assert store_rows(db) == before  # nothing written

    done = cli(db, "accept", "uel-2023-1", sha(WITHOUT)[:12].upper(), "--by", "analyst@example.org",
               "--note", "checked on mofcom.gov.cn", "--as-of", AS_OF)
    assert done.code == 0 and "no longer read: 雷神导弹与防务公司" in done.out, done
    code, state = status(db)
    assert code == 0 and state["health_issues"] == [] and keys_of(state, "UEL-2023-1") == [["lockheedmartin"]]
    (accepted,) = state["accepted_reviews"]
    assert accepted["accepted_by"] == "analyst@example.org" and accepted["sha256"] == sha(WITHOUT), accepted
    assert sha(WHOLE) in accepted["detail"] and "checked on mofcom.gov.cn" in accepted["detail"]
    pack = tmp_path / "lockheed.zip"  # the auditor's pack: the copy the notice is read from says who accepted it
    assert cli(db, "evidence", "lockheedmartin", "--out", str(pack), "--as-of", AS_OF).code == 0
    with zipfile.ZipFile(pack) as zf:
        meta = json.loads(zf.read(f"notices/UEL-2023-1/{sha(WITHOUT)}.json"))
        summary = zf.read("summary.html").decode("utf-8")
    assert meta["outcome"] == "notice" and meta["accepted_after_review"]["accepted_by"] == "analyst@example.org"
    # ... and so does its HTML summary, in words (before, only the metadata said it)
    assert "<h2>Copies accepted after review</h2>" in summary and "notice, accepted after review" in summary
    assert (f"<strong>analyst@example.org</strong> accepted the copy of UEL-2023-1 at file:texts/uel-2023-1.txt "
            f"(SHA-256 <code>{sha(WITHOUT)}</code>)") in summary, summary
    assert "no longer read: 雷神导弹与防务公司; note: checked on mofcom.gov.cn" in summary
    again = cli(db, "accept", "UEL-2023-1", sha(WITHOUT))
    assert again.code == 2 and "nothing held back for review for UEL-2023-1" in one_line(again)

    same = replay(db, tmp_path, "same", "uel-2023-1.txt", WITHOUT, "2026-12-01")
    assert same.code == 0 and "1 unchanged" in same.out, same
    restored = replay(db, tmp_path, "restored", "uel-2023-1.txt", WHOLE + "\n", "2026-12-02")
    assert restored.code == 0 and "1 changed" in restored.out, restored  # judged on its own: reads more, stored
    # the accepted copy back after the whole one: judged afresh, against the copy stored now. Its bytes were first
    # stored on 11-30, before the whole copy's (12-02): still offered for review, and accepted, not kept out as an
    # older copy (the snapshot is the one stored on 11-30, not held as unusable)
    back = replay(db, tmp_path, "back", "uel-2023-1.txt", WITHOUT, "2026-12-03")
    assert back.code == 1, back
    (pending,) = json.loads(cli(db, "review", "--json").out)["pending"]
    assert (pending["sha256"], pending["stored_sha256"]) == (sha(WITHOUT), sha(WHOLE + "\n")), pending
    assert cli(db, "accept", "UEL-2023-1", sha(WITHOUT)[:8], "--as-of", AS_OF).code == 0
    code, state = status(db)
    assert code == 0 and keys_of(state, "UEL-2023-1") == [["lockheedmartin"]], state
    assert [a["sha256"] for a in state["accepted_reviews"]] == [sha(WITHOUT)]


def test_a_copy_cut_short_of_its_stated_count_is_not_one_to_accept(tmp_path: Path) -> None:
    """The MFA decision's annex served one company short: it states 3 companies and names 2, a cut page by its own
    account. It is held back as before, ``review`` does not offer it and ``accept`` refuses it."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert replay(db, tmp_path, "whole", "mfa-2024-15.txt", DECISION, "2026-11-29").code == 0
    assert replay(db, tmp_path, "short", "mfa-2024-15.txt", SHORT, "2026-11-30").code == 1
    review = cli(db, "review")
    assert review.code == 0 and "Nothing held back for review" in review.out, review
    refused = cli(db, "accept", KEY, sha(SHORT)[:16])
    assert refused.code == 2 and "cut short by its own account" in one_line(refused), refused
    code, state = status(db)
    assert code == 1 and len(keys_of(state, KEY)[0]) == 6


def test_run_reports_a_held_copy_until_it_is_accepted_then_runs_clean(tmp_path: Path) -> None:
    """``run`` against a local copy of the site: the November Q&A republished without its extension of 〔2025〕7号
    (a cut after the answer's first sentence is refused by the parser since session 15: its title announces a
    change it does not read) lifts 5号 and 6号 only; held back, every run exits 1. Accepted by its hash, the next
    run fetches the same copy and exits 0; the source-health feed carries the acceptance."""
    db, out = f"sqlite:///{tmp_path / 'store.db'}", tmp_path / "feeds"
    page = (FIXTURES / QA_NOV).read_text(encoding="utf-8")
    cut = page.replace("继续暂停4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施1年，", "")
    assert cut != page
    with SiteServer(FIXTURES) as site:
        env = cli_env(MOFCOM_WATCH_SOURCES="mofcom-qa,mofcom-policy",  # the notices the Q&As name: no problem left
                      MOFCOM_WATCH_BASE_URLS=f"www.mofcom.gov.cn={site.base_url('www.mofcom.gov.cn')}")

        def run(day: str) -> Done:
            return cli(db, "run", "--as-of", AS_OF, "--out", str(out), "--no-progress",
                       "--fetched-at", f"{day}T00:00:00+00:00", env=env)

        first = run("2026-11-29")
        assert first.code == 0, first
        site.set_page(QA_NOV, cut.encode("utf-8"))
        held = run("2026-11-30")
        assert held.code == 1 and "unusable-page" in held.out, held
        (pending,) = json.loads(cli(db, "review", "--json").out)["pending"]
        assert pending["sha256"] == sha(cut) and "extend UEL-2025-7" in pending["would_go"], pending
        assert cli(db, "accept", pending["notice_key"], sha(cut)[:10], "--as-of", AS_OF).code == 0
        after = run("2026-12-01")
        assert after.code == 0 and "clean" in after.out, after
    _, state = status(db)
    assert state["health_issues"] == [] and state["accepted_reviews"][0]["sha256"] == sha(cut)
    assert "Reviewed: QA-2025-11-05" in (out / "source-health.atom").read_text(encoding="utf-8")


N23 = "www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
N23_URL = f"https://{N23}"
TEAL, TEAL_RENAMED = "蒂尔无人机公司（Teal Drones, Inc.）", "蒂尔无人机系统公司（Teal Drone Systems, Inc.）"


def replay_page(db: str, tmp_path: Path, run: str, page: bytes, day: str) -> Done:
    """2026 No. 23's page as ``page``, replayed at its URL on ``day``."""
    saved = tmp_path / run / N23
    saved.parent.mkdir(parents=True)
    saved.write_bytes(page)
    return cli(db, "replay", str(tmp_path / run), "--fetched-at", f"{day}T00:00:00+00:00", "--as-of", AS_OF)


def test_a_republished_copy_naming_an_entity_otherwise_is_held_until_a_person_accepts_it(tmp_path: Path) -> None:
    """health34 K6c (decided in session 35): 2026 No. 23 republished with Teal Drones named "Teal Drone Systems", the
    count the same, was stored as another text, exit 0: the feeds said "Retracted: Imposed: Teal Drones, Inc." (a
    delisting, to a reader) beside a new listing. Now held for review as a copy that reads less is: exit 1, the
    stored reading kept, the problem naming the old name and the new; ``accept`` takes it. A copy naming the same
    entities otherwise (the Chinese name alone, the key the English name's) is stored as before."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    page = (FIXTURES / N23).read_text(encoding="utf-8")
    wording, renamed = (page.replace(TEAL, new) for new in ("蒂尔无人机有限公司（Teal Drones, Inc.）", TEAL_RENAMED))
    assert page != wording and page != renamed
    assert replay_page(db, tmp_path, "whole", page.encode(), "2026-11-28").code == 0
    same_entities = replay_page(db, tmp_path, "wording", wording.encode(), "2026-11-29")
    assert same_entities.code == 0 and "1 changed" in same_entities.out, same_entities

    held = replay_page(db, tmp_path, "renamed", renamed.encode(), "2026-11-30")
    assert held.code == 1 and "mofcom-watch review" in held.err, held
    code, state = status(db)
    assert code == 1 and "tealdrones" in keys_of(state, "MOFCOM-2026-23")[0], state
    (issue,) = state["health_issues"]
    # the name as stored now: the wording copy's
    assert "no longer naming 蒂尔无人机有限公司" in issue["detail"] and "naming 蒂尔无人机系统公司 instead" in issue["detail"]
    (pending,) = json.loads(cli(db, "review", "--json").out)["pending"]
    assert (pending["url"], pending["would_go"], pending["sha256"]) == (N23_URL, ["蒂尔无人机有限公司"], sha(renamed))

    assert cli(db, "accept", "MOFCOM-2026-23", sha(renamed)[:12], "--as-of", AS_OF).code == 0
    code, state = status(db)
    (keys,) = keys_of(state, "MOFCOM-2026-23")
    assert code == 0 and "tealdronesystems" in keys and "tealdrones" not in keys, state
