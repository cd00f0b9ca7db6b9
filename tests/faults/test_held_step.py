"""Session 41 (held41, qa39's B 29): a press conference's undecided topic is held alone, its decided topics published.

A 例行新闻发布会 transcript lifts No. 21 in its second topic ("中方决定，自2026年12月15日起，停止…") and doubts UEL 7号 in its
fourth ("中方会否自2026年12月15日起恢复实施，将根据美方表现而定"). The doubt refused the whole page for a person: the lift
was in no item until someone acted (a missed item), health red for the page. Now the lift is stored and published, and
the doubt is one ``held-step`` issue (status exit 1, ``review`` lists it with the commands) until a person publishes it
(``accept KEY STEP``: its items made as any step's, the same ids whatever the order) or dismisses it (``--dismiss``).
Real processes on real SQLite files: the CLI replaying saved pages; one ``run`` against the local site."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from mofcom_watch.pipeline import PageParser, ingest_page, saved_page
from mofcom_watch.publish import publish
from storage.db import open_store, session_factory
from storage.records import UnusablePage
from tests.faults.harness import FIXTURES, ROOT, Done, cli
from tests.faults.test_status_qa_extensions import PAGES, SITE
from tests.site_server import SiteServer

DATA = ROOT / "tests" / "data" / "held41"
PRESSER = (DATA / "presser-lift-and-doubt.txt").read_text(encoding="utf-8")
DOUBT_ONLY = (DATA / "presser-doubt-only.txt").read_text(encoding="utf-8")
KEY = "QA-2026-12-03-3dd96b3a"  # the transcript's key (its day and title)
URL = "file:texts/presser.txt"
AS_OF = "2026-12-04"  # the transcript published 2026-12-03; the lift takes effect 2026-12-15
LATER = "2026-12-20"
LIFT_ID = "MOFCOM-2025-21/lifted/ecl/2026-12-15"  # the item id's tail (storage.vocabulary: notice/kind/list/day)
RESTORE_ID = "UEL-2025-7/restored/uel/2026-12-15"


def saved_tree(root: Path, **texts: str) -> Path:
    """No. 21, UEL 7号 and the 2025 Q&As that suspended and extended them, and ``texts`` as texts/<name>.txt."""
    for page in PAGES:
        dest = root / SITE / page
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / SITE / page, dest)
    for name, text in texts.items():
        (root / "texts").mkdir(exist_ok=True)
        (root / "texts" / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


def replay(db: str, tree: Path, day: str = "2026-12-03") -> Done:
    return cli(db, "replay", str(tree), "--fetched-at", f"{day}T08:00:00+00:00", "--as-of", AS_OF)


def status(db: str) -> tuple[int, dict]:
    done = cli(db, "status", "--json", "--as-of", LATER)
    return done.code, json.loads(done.out)


def rows(state: dict) -> dict[str, dict]:
    return {row["notice_key"]: row for row in state["listings"]}


def item_ids(db_path: Path) -> set[str]:
    """The lasting ids of the notice and entity items (health items aside: their ids hold when they were seen)."""
    with sqlite3.connect(db_path) as con:
        return {i for (i,) in con.execute("SELECT id FROM event WHERE scope IN ('notice', 'entity')")}


def lasting(ids: set[str]) -> set[str]:
    """Leaving out the unresolved references a Q&A read before its notices makes (resolved by a correction later)."""
    return {i for i in ids if "/unresolved_reference/" not in i}


def corrections(db_path: Path, of: str) -> list[str]:
    """The summaries of the corrections of the item whose id ends with ``of``."""
    with sqlite3.connect(db_path) as con:
        return [json.loads(p)["summary"] for i, p in con.execute("SELECT id, payload FROM event WHERE kind = 'correction'")
                if i.split("/correction/")[0].endswith(of)]


def ids_of(ids: set[str], tail: str) -> set[str]:
    return {i for i in ids if tail in i}


def test_the_lift_is_published_and_the_doubt_held_for_a_person(tmp_path: Path) -> None:
    """(a) the lift read and in the feeds, the doubt one needs-review issue, status exit 1; (b) accepted, the held step
    is published under the id a step of its notice has, and the issue closes."""
    db_path = tmp_path / "store.db"
    db = f"sqlite:///{db_path}"
    done = replay(db, saved_tree(tmp_path / "tree", presser=PRESSER))
    assert done.code in (0, 1) and "Traceback" not in done.err, done
    assert f"{URL} (unusable" not in done.err, done.err  # stored: not refused whole
    code, state = status(db)
    lifted = rows(state)["MOFCOM-2025-21"]
    assert (lifted["state"], lifted["since"], lifted["by"]) == ("lifted", "2026-12-15", KEY), lifted["history"]
    assert rows(state)["UEL-2025-7"]["state"] != "in_force"  # the doubt is no restore
    held = [i for i in state["health_issues"] if i["kind"] == "held-step"]
    assert code == 1 and len(held) == 1 and held[0]["notice_key"] == KEY and held[0]["url"] == URL, state
    assert "restore of UEL-2025-7 from 2026-12-15" in held[0]["detail"] and "会否" in held[0]["detail"]
    ids = item_ids(db_path)
    assert ids_of(ids, LIFT_ID) and not ids_of(ids, RESTORE_ID), sorted(ids)
    feeds = cli(db, "feeds", "--out", str(tmp_path / "feeds"), "--as-of", AS_OF)
    assert feeds.code in (0, 1), feeds
    assert LIFT_ID in (tmp_path / "feeds" / "ecl.atom").read_text(encoding="utf-8")

    review = cli(db, "review", "--json")
    (step,) = json.loads(review.out)["held_steps"]
    assert review.code == 1 and step["notice_key"] == KEY and step["command"] == f"mofcom-watch accept {KEY} {step['step']}"
    assert step["dismiss_command"] == f"{step['command']} --dismiss"
    wrong = cli(db, "accept", KEY, "0123456789abcdef", "--as-of", AS_OF)  # no such step nor copy: one line, exit 2
    assert wrong.code == 2 and len(wrong.err.strip().splitlines()) == 1, wrong

    accepted = cli(db, "accept", KEY, step["step"][:10], "--by", "ops@example.org", "--as-of", AS_OF)
    assert accepted.code == 0 and f"published: {KEY}'s held step {step['step']}" in accepted.out, accepted
    again = cli(db, "accept", KEY, step["step"], "--dismiss", "--as-of", AS_OF)
    assert again.code == 2 and "was published already" in again.err, again
    code, state = status(db)
    restored = rows(state)["UEL-2025-7"]
    assert (restored["state"], restored["since"], restored["by"]) == ("in_force", "2026-12-15", KEY), restored["history"]
    assert [i for i in state["health_issues"] if i["kind"] == "held-step"] == [], state["health_issues"]
    (decided,) = state["held_step_decisions"]  # the item rests on a person's word: status says whose
    assert (decided["notice_key"], decided["step"], decided["verdict"], decided["by"]) == (
        KEY, step["step"], "published", "ops@example.org"), decided
    after = item_ids(db_path)
    assert after >= ids and ids_of(after, RESTORE_ID), sorted(after - ids)
    (fixed,) = corrections(db_path, f"{KEY}/notice")  # the notice item now says the restore too: a person's word did it
    assert f"a person published {KEY}'s held step {step['step']}" in fixed, fixed  # (held42 B4: "a new version of the
    assert "a new version of the parser" not in fixed  # parser or of the lifecycle engine read the stored pages again")
    assert json.loads(cli(db, "review", "--json").out)["held_steps"] == []

    # read again (another copy of the page, the same words): the person's word holds, no issue opens again
    reread = replay(db, saved_tree(tmp_path / "tree2", presser=PRESSER + "\n"), day="2026-12-04")
    assert reread.code in (0, 1), reread
    code, state = status(db)
    assert [i for i in state["health_issues"] if i["kind"] == "held-step"] == [] and item_ids(db_path) == after


def test_a_dismissed_step_publishes_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    db = f"sqlite:///{db_path}"
    replay(db, saved_tree(tmp_path / "tree", presser=PRESSER))
    before = item_ids(db_path)
    (step,) = json.loads(cli(db, "review", "--json").out)["held_steps"]
    done = cli(db, "accept", KEY, step["step"], "--dismiss", "--note", "a doubt, no decision", "--as-of", AS_OF)
    assert done.code == 0 and "dismissed" in done.out and "nothing of it is published" in done.out, done
    code, state = status(db)
    assert [i for i in state["health_issues"] if i["kind"] == "held-step"] == [], state["health_issues"]
    assert rows(state)["UEL-2025-7"]["state"] != "in_force" and item_ids(db_path) == before
    assert [(d["verdict"], "a doubt, no decision" in d["detail"]) for d in state["held_step_decisions"]] == [
        ("dismissed", True)], state["held_step_decisions"]


def test_the_same_pages_in_two_orders_give_the_same_ids(tmp_path: Path) -> None:
    """(c) the transcript first, then the notices it acts on; and the other way round: the same items, the same held
    step (issue key and id), the same restore id once accepted."""
    found = []
    for order in ("presser-first", "notices-first"):
        db_path = tmp_path / f"{order}.db"
        db = f"sqlite:///{db_path}"
        alone = tmp_path / order / "alone"
        (alone / "texts").mkdir(parents=True)
        (alone / "texts" / "presser.txt").write_text(PRESSER, encoding="utf-8")
        notices = saved_tree(tmp_path / order / "notices")
        for tree, day in ((alone, "2026-12-03"), (notices, "2026-12-04")) if order == "presser-first" else (
                (notices, "2026-12-03"), (alone, "2026-12-04")):
            assert replay(db, tree, day).code in (0, 1)
        (step,) = json.loads(cli(db, "review", "--json").out)["held_steps"]
        ids = lasting(item_ids(db_path))
        assert cli(db, "accept", KEY, step["step"], "--as-of", AS_OF).code == 0
        found.append((step["step"], ids, lasting(item_ids(db_path))))
    assert found[0] == found[1]
    assert ids_of(found[0][1], LIFT_ID) and ids_of(found[0][2], RESTORE_ID)


def test_a_page_whose_only_step_is_held_is_refused_as_before(tmp_path: Path) -> None:
    """(d) nothing decided on the page: refused whole for a person (needs-review), no notice, no held step."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    done = replay(db, saved_tree(tmp_path / "tree", presser=DOUBT_ONLY))
    assert done.code == 1 and f"{URL} (unusable: needs-review:" in done.err, done
    code, state = status(db)
    assert code == 1 and [i["kind"] for i in state["health_issues"]] == ["unusable-page"], state["health_issues"]
    assert json.loads(cli(db, "review", "--json").out)["held_steps"] == []
    assert rows(state)["MOFCOM-2025-21"]["by"] != KEY


def test_a_store_that_refused_the_page_keeps_every_id_once_upgraded(tmp_path: Path) -> None:
    """(e) a store built while the page was refused whole (as main refused it before session 41: here a parser that
    refuses it so, in the real pipeline) keeps every item id when this parser reads the page: the lift is added and
    the doubt held; the page's needs-review issue closes."""
    db_path = tmp_path / "store.db"
    db = f"sqlite:///{db_path}"
    assert replay(db, saved_tree(tmp_path / "tree")).code in (0, 1)  # the notices, no transcript

    def old(raw: bytes, **kw: object) -> object:  # the page refused whole, as before
        raise UnusablePage("needs-review", "a press conference's answer reads a step with no decision word in its "
                           "sentence (\"…会否…\"): left out: a person must read it")

    engine = open_store(db)
    try:
        page = saved_page(URL, PRESSER.encode("utf-8"), datetime(2026, 12, 3, 8, tzinfo=timezone.utc),
                          content_type="text/plain")
        ingest_page(session_factory(engine), page, PageParser(old, "old", "old-digest"))
        with session_factory(engine)() as session, session.begin():
            publish(session, as_of=datetime(2026, 12, 4).date(), target=None)
    finally:
        engine.dispose()
    code, state = status(db)
    assert code == 1 and [i["kind"] for i in state["health_issues"]] == ["unusable-page"], state["health_issues"]
    before = item_ids(db_path)
    assert before and not ids_of(before, LIFT_ID)

    upgraded = replay(db, saved_tree(tmp_path / "tree2", presser=PRESSER))  # the same bytes, this parser
    assert upgraded.code in (0, 1), upgraded
    after = item_ids(db_path)
    assert after >= before and ids_of(after, LIFT_ID) and not ids_of(after, RESTORE_ID), sorted(after - before)
    code, state = status(db)
    assert code == 1 and [i["kind"] for i in state["health_issues"]] == ["held-step"], state["health_issues"]


def presser_html(text: str) -> bytes:
    """The transcript in the layout of the fixtures' Q&A articles (their 2025-05-14 answer's page, its body replaced)."""
    body = (FIXTURES / SITE / PAGES[3]).read_text(encoding="utf-8")
    title, _, rest = text.partition("\n")
    paragraphs = "\n".join(f"<p>{line}</p>" for line in rest.splitlines() if line.strip())
    head, _, tail = body.partition('<div class="art-con art-con-bottonmLine">')
    tail = tail[tail.index("</div>"):]
    old_title = "商务部新闻发言人就暂停17家美国实体不可靠实体清单措施答记者问"
    head = head.replace(old_title, title).replace("2025-05-14 22:00", "2026-12-03 16:30")
    return f'{head}<div class="art-con art-con-bottonmLine">\n{paragraphs}\n  {tail}'.encode()


def test_run_against_the_site_publishes_the_lift_and_holds_the_doubt(tmp_path: Path) -> None:
    """``run`` against the local site: the transcript listed on the spokesperson's index beside the notices."""
    from tests.faults.test_site_changes import QA_INDEX, W, index_page

    presser = "xwfb/xwfyrth/art/2026/art_0b7d3c1e5a9f4e2d8c6b4a2f1e3d5c7b.html"
    pages = {f"{W}/{p}": (FIXTURES / W / p).read_bytes() for p in PAGES}
    pages[f"{W}/{presser}"] = presser_html(PRESSER)
    pages[f"{W}/{QA_INDEX}"] = index_page("新闻发言人谈话", [(f"/{presser}", "商务部例行新闻发布会（2026年12月3日）", "2026-12-03")])
    pages[f"{W}/zwgk/zcfb/index.html"] = index_page("政策发布", [(f"/{p}", "公告", "2025-04-04") for p in PAGES[:2]])
    db_path = tmp_path / "store.db"
    db = f"sqlite:///{db_path}"
    with SiteServer(None, pages=pages, columns={W: "zwgk/zcfb/"}) as site:
        args = ["run", "--out", str(tmp_path / "feeds"), "--no-progress", "--json", "--base-url",
                f"{W}={site.base_url(W)}", "--source", "mofcom-qa", "--source", "mofcom-policy"]
        done = cli(db, *args)
    assert "Traceback" not in done.err, done.err
    code, state = status(db)
    assert rows(state)["MOFCOM-2025-21"]["by"] == KEY, rows(state)["MOFCOM-2025-21"]["history"]
    held = [i for i in state["health_issues"] if i["kind"] == "held-step"]
    assert code == 1 and len(held) == 1 and held[0]["url"].endswith(presser), state["health_issues"]
    assert LIFT_ID in (tmp_path / "feeds" / "ecl.atom").read_text(encoding="utf-8")


def test_a_copy_that_reads_the_step_decided_closes_its_issue(tmp_path: Path) -> None:
    """The ministry's page corrected (the fourth topic now decides the restore): the held step is gone from the reading,
    its issue closes with no person's word, and the restore is read as any step."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    replay(db, saved_tree(tmp_path / "tree", presser=PRESSER))
    decided = PRESSER.replace("相关措施，中方会否自2026年12月15日起恢复实施，将根据美方表现而定。",
                              "相关措施，中方决定，自2026年12月15日起恢复实施。")
    assert decided != PRESSER
    done = replay(db, saved_tree(tmp_path / "tree2", presser=decided), day="2026-12-04")
    assert done.code in (0, 1) and "1 changed" in done.out, done.out[-400:]
    code, state = status(db)
    assert [i for i in state["health_issues"] if i["kind"] == "held-step"] == [], state["health_issues"]
    restored = rows(state)["UEL-2025-7"]
    assert (restored["state"], restored["since"], restored["by"]) == ("in_force", "2026-12-15", KEY), restored["history"]
    assert json.loads(cli(db, "review", "--json").out)["held_steps"] == []


def test_a_reading_withdrawn_closes_its_held_steps(tmp_path: Path) -> None:
    """A later parser that refuses the very bytes (the reading withdrawn, its items retracted, the page's own problem
    open) closes the held steps' issues too: they said the page's other steps were published, no longer so."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    replay(db, saved_tree(tmp_path / "tree", presser=PRESSER))

    def refusing(raw: bytes, **kw: object) -> object:
        raise UnusablePage("needs-review", "refused by a later version: a person must read it")

    engine = open_store(db)
    try:
        page = saved_page(URL, PRESSER.encode("utf-8"), datetime(2026, 12, 4, 8, tzinfo=timezone.utc),
                          content_type="text/plain")
        ingest_page(session_factory(engine), page, PageParser(refusing, "later", "later-digest"))
    finally:
        engine.dispose()
    code, state = status(db)
    kinds = [(i["kind"], i["url"]) for i in state["health_issues"]]
    assert code == 1 and kinds == [("unusable-page", URL)], state["health_issues"]
    assert rows(state)["MOFCOM-2025-21"]["by"] != KEY and json.loads(cli(db, "review", "--json").out)["held_steps"] == []
