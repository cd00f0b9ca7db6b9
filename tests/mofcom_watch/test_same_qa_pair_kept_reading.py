"""A same-day Q&A pair's health issue is judged on the readings the store keeps, so a copy that loses its key's alias
conflict neither opens nor closes it, in any order (order39 B1).

qa39's December statements: pages 20, 24 and 26 are one Q&A (``QA-2026-12-03-68a81f8d``, three copies that disagree:
an alias conflict, one reading kept), 27 and 31 two others of the day suspending the same notice. Was: each losing
copy was compared, as it read itself, with 27's and 31's Q&As and opened an issue naming them; the next publish's
check compared the kept reading and closed it; the next losing copy opened it again (``…/2``), and the first open and
resolved items left the health feed without a word. Real ``replay`` and ``feeds`` processes on real SQLite files: the
pages one a step, last first, with the feeds written after each step; and all at once, sorted."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from tests.faults.harness import cli, cli_env

QA39 = Path(__file__).resolve().parents[1] / "data" / "corpus" / "qa39"
PAGES = ("20-qa-ecl-new-suspension-after-lapse-to-2027-12-10.txt", "24-qa-ecl-xiwang-then-jueding-same-sentence.txt",
         "26-qa-ecl-tongyi-suspend-6-months.txt", "27-presser-four-topics-xuanbu-suspend.txt",
         "31-statement-xuanbu-new-suspension.txt")
AS_OF = "2028-01-31"
ENV = cli_env(MOFCOM_WATCH_TODAY=AS_OF)


def _run(db: str, *args: str) -> None:
    done = cli(db, *args, env=ENV)
    assert done.code in (0, 1), done.err  # 1: the alias conflict


def _health(db: str, out: Path) -> dict[str, str]:
    """The same-Q&A pair items of the health feed after ``feeds --out``: id -> title and first paragraph (the times
    taken out: each step fetches at its own minute)."""
    _run(db, "feeds", "--out", str(out), "--as-of", AS_OF)
    items = json.loads((out / "source-health.json").read_text(encoding="utf-8"))["items"]
    return {i["id"]: i["title"] + "\n" + re.sub(r"\d\d:\d\d UTC", "", i["content_html"].split("</p>")[0])
            for i in items if "/same-qa/" in i["id"]}


def _replay(db: str, folder: Path, names: tuple[str, ...], minute: int) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for name in names:
        shutil.copyfile(QA39 / name, folder / name)
    _run(db, "replay", str(folder), "--fetched-at", f"2026-11-29T00:{minute:02d}:00+00:00", "--as-of", AS_OF)


def test_a_losing_copy_neither_opens_nor_closes_a_pair_issue_in_any_order(tmp_path):
    db = f"sqlite:///{tmp_path / 'steps.sqlite'}"
    held: dict[str, str] = {}
    for step, name in enumerate(reversed(PAGES)):
        _replay(db, tmp_path / "step", (name,), step)
        now = _health(db, tmp_path / "steps-out")
        gone = {i: t for i, t in held.items() if i not in now and not any(j.startswith(f"{i}/correction/") for j in now)}
        assert not gone, f"after {name}: items left the health feed without a word: {gone}"
        assert not [i for i in now if "/resolved/" in i], f"after {name}: a pair closed: {sorted(now)}"
        held.update(now)
    whole = f"sqlite:///{tmp_path / 'whole.sqlite'}"
    _replay(whole, tmp_path / "whole", PAGES, 0)
    sorted_order = _health(whole, tmp_path / "whole-out")
    assert now == sorted_order  # the same items, saying the same (was: naming the page that came last)
    assert [i for i in now if "/same-qa/QA-2026-12-03-0f61f148/QA-2026-12-03-3dd96b3a/open/" in i], sorted(now)


def test_a_pair_closes_as_of_the_fetch_that_ended_it_on_either_backend(tmp_path, db_url):
    """order39 B2: the publish's check closed a pair as of its own clock, so a replay of 2026-11-30's fetch wrote
    ``…/resolved/<today>`` and two stores of the same pages differed. Now it closes as of that fetch."""
    _replay(db_url, tmp_path / "first", PAGES[3:], 0)
    opened = _health(db_url, tmp_path / "out")
    pair = "QA-2026-12-03-0f61f148/QA-2026-12-03-3dd96b3a"
    assert [i for i in opened if f"/same-qa/{pair}/open/2026-11-29" in i], sorted(opened)
    page = tmp_path / "first" / PAGES[4]  # the statement again at its URL, now ending a year later: two Q&As
    page.write_text(page.read_text(encoding="utf-8").replace("至2027年12月10日", "至2028年12月10日"), encoding="utf-8")
    _run(db_url, "replay", str(tmp_path / "first"), "--fetched-at", "2026-11-30T06:00:00+00:00", "--as-of", AS_OF)
    closed = _health(db_url, tmp_path / "out")
    assert [i for i in closed if i.endswith(f"/same-qa/{pair}/resolved/2026-11-30")], sorted(closed)


QA40 = QA39.parent / "qa40"
SPLIT = ("05-qa-two-notices-suspend-one-other-continues.txt", "10-presser-six-topics-topic2-suspends.txt",
         "29-presser-five-topics-yuyi-zanting-uel.txt")


def test_a_qa_moved_to_a_key_of_its_own_stays_in_its_pair_issue_in_any_order(tmp_path):
    """qa40: two press conferences of 2026-12-03 under one title (10: No. 21 suspended to 2027-12-10, as the Q&A 05
    does; 29: UEL 2025 No. 7) are split when the second comes, 10 moved to ``…3dd96b3a-003c``. Was: in the sorted
    order 10's pair issue with 05 closed under the old key and none named the new one (a health item 'Resolved' while
    the two still read as perhaps one Q&A); last first, the pair was open. Now open in both."""
    rows = {}
    for order, names in (("sorted", SPLIT), ("reversed", tuple(reversed(SPLIT)))):
        db = f"sqlite:///{tmp_path / f'{order}.sqlite'}"
        for step, name in enumerate(names):
            tree = tmp_path / order / str(step)
            tree.mkdir(parents=True)
            shutil.copyfile(QA40 / name, tree / name)
            _run(db, "replay", str(tree), "--fetched-at", f"2026-11-29T00:0{step}:00+00:00", "--as-of", AS_OF)
        rows[order] = {i for i in _health(db, tmp_path / f"{order}-out") if "/open/" in i}
    pair = "/same-qa/QA-2026-12-03-3dd96b3a-003c/QA-2026-12-03-68a81f8d/open/"
    assert [i for i in rows["sorted"] if pair in i] and [i for i in rows["reversed"] if pair in i], rows
