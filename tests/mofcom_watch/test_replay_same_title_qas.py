"""Two spokesperson Q&As of one day under one title are two notices, in any order (engine18, story S07).

A Q&A's key is its day and the hash of its title (``scraper.parse.qa.qa_key``). Two Q&As of one evening under a
heading such as "商务部新闻发言人就调整有关措施答记者问", one suspending an ECL notice and one stopping a UEL notice, got
one key and were taken for two pages of one notice: one parse was kept (an alias conflict) and the other's change
was lost: No. 87 stayed "in force" with no "Suspended" item. Now both are kept, each under the key and its answer's
hash, the same keys whichever page comes first; a later copy of either page stays with its Q&A."""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from mofcom_watch.cli import app

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories18" / "main"
PAGES = ("s07-mofcom-2024-87.txt", "s07-uel-2024-15.txt")
QAS = ("s07-qa-2024-08-26-ecl.txt", "s07-qa-2024-08-26-uel.txt")


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output  # no alias conflict, nothing unresolved
    return result.stdout


def replay_in_order(tmp: Path, name: str, first: str, second: str) -> dict[str, tuple[str, str]]:
    db = f"sqlite:///{tmp / f'{name}.sqlite'}"
    for step, qa in (("a", first), ("b", second)):
        folder = tmp / f"{name}-{step}"
        folder.mkdir()
        for page in (*PAGES, qa) if step == "a" else (qa,):
            shutil.copyfile(STORIES / page, folder / page)
        run(db, "replay", str(folder), "--fetched-at", f"2026-11-29T0{'01'[step == 'b']}:00:00+00:00")
    rows = json.loads(run(db, "status", "--json", "--as-of", "2024-09-01"))["listings"]
    return {r["notice_key"]: (r["state"], r["by"]) for r in rows}


def test_two_same_titled_qas_of_one_day_both_act_in_either_order(tmp_path):
    one = replay_in_order(tmp_path, "ecl-first", *QAS)
    other = replay_in_order(tmp_path, "uel-first", *reversed(QAS))
    assert one == other
    assert one["MOFCOM-2024-87"][0] == "suspended" and one["UEL-2024-15"][0] == "lifted"
    keys = {one["MOFCOM-2024-87"][1], one["UEL-2024-15"][1]}
    assert len(keys) == 2 and all(k.startswith("QA-2024-08-26-4a3b3970-") for k in keys), keys


def test_a_new_copy_of_one_of_them_stays_with_its_qa(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    first = tmp_path / "first"
    first.mkdir()
    for page in (*PAGES, *QAS):
        shutil.copyfile(STORIES / page, first / page)
    run(db, "replay", str(first), "--fetched-at", "2026-11-29T00:00:00+00:00")
    page = first / QAS[0]  # the same file (URL), republished with one more sentence
    page.write_text(page.read_text(encoding="utf-8") + "商务部将继续与有关方面保持沟通。\n", encoding="utf-8")
    run(db, "replay", str(first), "--fetched-at", "2026-11-30T00:00:00+00:00")
    keys = [n["key"] for n in json.loads(run(db, "replay", str(first), "--json"))["notices"]
            if n["key"].startswith("QA-")]
    assert len(keys) == 2, keys


ECL_QA = """来源：商务部新闻办公室 类型：原创 分类：新闻 2024-08-26 20:00

商务部新闻发言人就调整有关措施答记者问
问：请问出口管制管控名单方面有何调整？
答：为落实双方共识，自2024年8月26日起，暂停实施7月22日公告（商务部公告2024年第87号）相关措施90天{more}。暂停期间，出口经营者可依法向商务部提出申请。
"""


def test_a_held_back_copy_of_one_of_them_can_be_accepted(tmp_path):
    """A copy of the split ECL Q&A that names one notice fewer is held back for review under its key; `accept`
    read the held copy again under the title's key alone (not its own) and refused it: now it is accepted."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    tree = tmp_path / "tree"
    tree.mkdir()
    for page in ("s07-mofcom-2024-86.txt", *PAGES, QAS[1]):
        shutil.copyfile(STORIES / page, tree / page)
    qa = tree / QAS[0]
    qa.write_text(ECL_QA.format(more="，暂停实施7月22日公告（商务部公告2024年第86号）相关措施90天"), encoding="utf-8")
    run(db, "replay", str(tree), "--fetched-at", "2026-11-29T00:00:00+00:00")
    qa.write_text(ECL_QA.format(more=""), encoding="utf-8")  # republished without No. 86
    result = CliRunner().invoke(app, ["--db", db, "replay", str(tree), "--fetched-at", "2026-11-30T00:00:00+00:00"])
    assert result.exit_code == 1, result.output  # held back for review
    held = json.loads(CliRunner().invoke(app, ["--db", db, "review", "--json"]).stdout)["pending"]
    assert len(held) == 1 and held[0]["notice_key"].startswith("QA-2024-08-26-4a3b3970-"), held
    done = CliRunner().invoke(app, ["--db", db, "accept", held[0]["notice_key"], held[0]["sha256"], "--by", "t"])
    assert done.exit_code == 0, done.output


def test_a_third_page_changing_what_one_of_them_does_is_an_alias_conflict(tmp_path):
    """Another page of that day and title naming No. 87 with another end (not plainly another Q&A) is not a third
    notice acting beside the first in silence: it is a page of that Q&A that disagrees, said as an alias conflict."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    tree = tmp_path / "tree"
    tree.mkdir()
    for page in (*PAGES, *QAS):
        shutil.copyfile(STORIES / page, tree / page)
    run(db, "replay", str(tree), "--fetched-at", "2026-11-29T00:00:00+00:00")
    text = (STORIES / QAS[0]).read_text(encoding="utf-8").replace("相关措施90天。", "相关措施1年。")
    (tree / "s07-qa-2024-08-26-ecl-copy.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["--db", db, "replay", str(tree), "--json"])
    report = json.loads(result.stdout)
    assert result.exit_code == 1 and report["alias_conflicts"], result.output
    assert len([n for n in report["notices"] if n["key"].startswith("QA-")]) == 2
# a third Q&A of that evening under that title, naming No. 87 as the first does (in other words)
THIRD = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2024-08-26 20:10\n\n商务部新闻发言人就调整有关措施答记者问\n"
         "问：有报道称商务部暂停了对一家美国实体的出口管制措施，请问是否属实？\n"
         "答：属实。自2024年8月26日起，商务部暂停实施商务部公告2024年第87号相关措施90天。\n")


def test_the_titles_key_once_split_never_names_another_page(tmp_path):
    """The pages in turn, the feeds' items stored after each (identity18; the fix is c41190d's): after the split, a
    third page of the title and day not plainly apart from the split ones took the title's key again, and its notice
    item came back under the id whose correction had told readers it continues under the split key ("Reinstated:
    Notice QA-2024-08-26-4a3b3970", now another page). The title's key names no page again: the third is a page of
    the Q&A it is near, that disagrees (an alias conflict, status exits 1)."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    pages = {"a": (*PAGES, QAS[0]), "b": (QAS[1],), "c": ()}
    for step, names in pages.items():
        folder = tmp_path / step
        folder.mkdir()
        for page in names:
            shutil.copyfile(STORIES / page, folder / page)
        if step == "c":
            (folder / "s07-qa-2024-08-26-third.txt").write_text(THIRD, encoding="utf-8")
        result = CliRunner().invoke(app, ["--db", db, "replay", str(folder), "--fetched-at",
                                          f"2026-11-29T0{'abc'.index(step)}:00:00+00:00"])
        assert result.exit_code == (1 if step == "c" else 0), result.output
    with sqlite3.connect(tmp_path / "store.sqlite") as con:
        keys = sorted(k for (k,) in con.execute("SELECT key FROM notice WHERE key LIKE 'QA-%'"))
        notice_item = con.execute("SELECT retracted FROM event WHERE id = ?",
                                  ("tag:mofcom-watch,2025:QA-2024-08-26-4a3b3970/notice",)).fetchone()
    assert "QA-2024-08-26-4a3b3970" not in keys and len(keys) == 2, keys
    assert notice_item == (1,)  # retracted, its correction saying where it continues, and never reinstated


def test_the_split_keys_do_not_depend_on_the_order_of_a_copy(tmp_path):
    """A: the ECL Q&A, B: the UEL Q&A of that evening and title, C: another copy of A at another URL whose answer
    says one sentence more (identity19's finding). In the orders B-C-A and C-B-A the split took C's answer's hash for
    the ECL Q&A's key (``-c1e8``), in the four others A's (``-dbb9``): its notice item's id depended on the order the
    pages came in. Each order, one page per replay, into a store of its own: the same keys and item ids in all six."""
    copy = (STORIES / QAS[0]).read_text(encoding="utf-8") + "商务部将继续与有关方面保持沟通。\n"
    pages = {"A": STORIES / QAS[0], "B": STORIES / QAS[1], "C": copy}
    seen = {}
    for order in itertools.permutations("ABC"):
        name = "".join(order)
        db = f"sqlite:///{tmp_path / f'{name}.sqlite'}"
        for n, page in enumerate(("P", *order)):
            folder = tmp_path / f"{name}-{n}"
            folder.mkdir()
            if page == "P":
                for notice in PAGES:
                    shutil.copyfile(STORIES / notice, folder / notice)
            elif page == "C":
                (folder / "s07-qa-2024-08-26-ecl-copy.txt").write_text(copy, encoding="utf-8")
            else:
                shutil.copyfile(pages[page], folder / pages[page].name)
            run(db, "replay", str(folder), "--fetched-at", f"2026-11-29T0{n}:00:00+00:00")
        with sqlite3.connect(tmp_path / f"{name}.sqlite") as con:
            keys = tuple(sorted(k for (k,) in con.execute("SELECT key FROM notice WHERE key LIKE 'QA-%'")))
            ids = tuple(sorted(i for (i,) in con.execute(
                "SELECT id FROM event WHERE retracted = 0 AND kind != 'correction'")))
        seen[name] = (keys, ids)
    assert len(set(seen.values())) == 1, {name: keys for name, (keys, _) in seen.items()}
    keys, _ = seen["ABC"]
    assert len(keys) == 2 and all(k.startswith("QA-2024-08-26-4a3b3970-") for k in keys), keys
