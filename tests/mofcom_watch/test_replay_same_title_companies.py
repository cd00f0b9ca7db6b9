"""Two spokesperson answers of one day under one title, each about another company of the same notice, are two Q&As.

A Q&A's key is its day and its title's hash; two Q&As of one title and day were split (``_two_of_one_title``) only
when their changes named no notice in common. Two answers of 2027-07-05 under "商务部新闻发言人就有关问题答记者问",
one suspending Starbridge Defense and the other Blue Whale Maritime, both of UEL〔2027〕4号, got one key: "pages
disagree on what the notice says" (an alias conflict, exit 1) and the second suspension was never applied (order37
B2, qa37 "Shared keys"). Now answers that plainly differ and name disjoint companies go under the notices' hash and
the companies' hash; the same keys and item ids in any order; a copy of one answer stays with it."""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mofcom_watch.cli import app

STORY = Path(__file__).resolve().parents[1] / "data" / "stories38" / "qa_two_answers"
NOTICES = ("t1-uel-2027-4.txt", "t2-uel-2027-5.txt")
BASE = "QA-2027-07-05-2f6486c9"


@pytest.fixture(autouse=True)
def _after_the_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOFCOM_WATCH_TODAY", "2027-08-01")  # the suspensions are in force: their items are out


def _replay_in_order(tmp: Path, pages: dict[str, tuple[str, str]], order: tuple[str, ...]) -> tuple[object, ...]:
    """The notices, then each page of ``order`` (name -> file name, text) in a replay of its own, into one store:
    its Q&A keys, its lasting item ids and its listings' states."""
    name = "".join(order)
    db = f"sqlite:///{tmp / f'{name}.sqlite'}"
    for n, page in enumerate(("notices", *order)):
        folder = tmp / f"{name}-{n}"
        folder.mkdir()
        files = [(f, (STORY / f).read_text(encoding="utf-8")) for f in NOTICES] if page == "notices" else [pages[page]]
        for file, text in files:
            (folder / file).write_text(text, encoding="utf-8")
        result = CliRunner().invoke(app, ["--db", db, "replay", str(folder), "--fetched-at",
                                          f"2027-07-0{6 + n}T00:00:00+00:00"])
        assert result.exit_code == 0, (order, page, result.output)  # no alias conflict, nothing unresolved
    status = CliRunner().invoke(app, ["--db", db, "status", "--json", "--as-of", "2027-08-01"])
    states = sorted((r["notice_key"], r["state"], r["by"]) for r in json.loads(status.stdout)["listings"])
    with sqlite3.connect(tmp / f"{name}.sqlite") as con:
        keys = tuple(sorted(k for (k,) in con.execute("SELECT key FROM notice WHERE key LIKE 'QA-%'")))
        ids = tuple(sorted(i for (i,) in con.execute(
            "SELECT id FROM event WHERE retracted = 0 AND kind != 'correction'")))
    return keys, ids, tuple(states)


def _page(file: str) -> tuple[str, str]:
    return file, (STORY / file).read_text(encoding="utf-8")


def test_two_answers_on_two_companies_of_one_notice_both_act_in_any_order(tmp_path):
    """A: Starbridge, B: Blue Whale (both UEL〔2027〕4号), C: North Ridge of UEL〔2027〕5号, under one title and day. In
    the orders where C comes first, A and C are split by their notices first, and B then moves A to its companies'
    key: the same three keys, item ids and states in all six orders."""
    pages = {"A": _page("qa1-starbridge.txt"), "B": _page("qa2-bluewhale.txt"), "C": _page("qa3-northridge.txt")}
    seen = {"".join(order): _replay_in_order(tmp_path, pages, order) for order in itertools.permutations("ABC")}
    assert len(set(seen.values())) == 1, seen
    keys, ids, states = seen["ABC"]
    assert len(keys) == 3 and all(k.startswith(f"{BASE}-") for k in keys), keys
    by_companies = [k for k in keys if k.count("-") == 6]  # the notices' hash, then the companies'
    assert len(by_companies) == 2 and by_companies[0][:-5] == by_companies[1][:-5], keys
    # both companies of No. 4 suspended, each by its own answer; No. 5 by the third, under its notices' hash alone
    assert states == (*(("UEL-2027-4", "suspended", k) for k in by_companies),
                      ("UEL-2027-5", "suspended", (set(keys) - set(by_companies)).pop())), states
    assert any("bluewhalemaritime" in i and "/suspended/" in i for i in ids), ids
    assert any("starbridgedefense" in i and "/suspended/" in i for i in ids), ids


def test_a_copy_of_one_answer_stays_with_it_in_any_order(tmp_path):
    """A copy of the Starbridge answer at another URL, with one sentence more, is that Q&A's page (no third key,
    nothing lost), whichever page comes first."""
    copy = (STORY / "qa1-starbridge.txt").read_text(encoding="utf-8") + "商务部将继续与有关方面保持沟通。\n"
    pages = {"A": _page("qa1-starbridge.txt"), "B": _page("qa2-bluewhale.txt"), "C": ("qa1-copy.txt", copy)}
    seen = {"".join(order): _replay_in_order(tmp_path, pages, order) for order in itertools.permutations("ABC")}
    assert len(set(seen.values())) == 1, seen
    keys, _, states = seen["ABC"]
    assert len(keys) == 2 and all(k.startswith(f"{BASE}-") for k in keys), keys
    assert sum(1 for s in states if s[0] == "UEL-2027-4" and s[1] == "suspended") == 2, states


@pytest.mark.parametrize("swap", [False, True])
def test_one_replay_of_the_folder_applies_both_with_no_health_issue(tmp_path, swap):
    """The whole story in one replay (``replay`` reads a folder sorted by path; ``swap`` renames the two answers so
    that Blue Whale's comes first): exit 0 and the same keys both ways. Before, besides the shared key, the two
    answers read "the same changes" (kinds, notice, dates: not the companies) and were reported as perhaps one Q&A."""
    tree = tmp_path / "tree"
    shutil.copytree(STORY, tree)
    if swap:
        (tree / "qa1-starbridge.txt").rename(tree / "qa0-starbridge-later.txt")
        (tree / "qa2-bluewhale.txt").rename(tree / "qa0-bluewhale.txt")
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    result = CliRunner().invoke(app, ["--db", db, "replay", str(tree), "--json", "--fetched-at",
                                      "2027-07-06T00:00:00+00:00"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert not report["alias_conflicts"], report["alias_conflicts"]
    keys = sorted(n["key"] for n in report["notices"] if n["key"].startswith("QA-"))
    assert keys == [f"{BASE}-878d-7aac", f"{BASE}-878d-f828", f"{BASE}-b62f"], keys
