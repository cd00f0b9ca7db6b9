"""An alias conflict of a Q&A moved to a key of its own moves with it (order40's open B6, session 41).

qa40's answers 23 and 25 (No. 21 of 2025, read otherwise: an alias conflict) and 24 (No. 46) share a day and a title,
so one key, ``QA-2026-12-04-68a81f8d``, until 24 comes and the two Q&As are split (``reprints._two_of_one_title``):
23's (and 25's) under ``…-003c``. When 23 and 25 came first, their conflict opened under the title's key and stayed
open there once they moved: the open problem was named by a key the store no longer holds in that order, and by
``…-003c`` in the other. Now the move closes it under the old key and opens it under the new one: the same open
problems whichever page comes first; the items already published keep their ids (the old one resolved).
Real ``replay`` and ``status --json`` processes on real SQLite files."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from tests.faults.harness import cli, cli_env

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "qa40"
AS_OF = "2028-01-31"
ENV = cli_env(MOFCOM_WATCH_TODAY=AS_OF)
PAGES = {"23": "23-qa-yi-yu-12-02-jueding-from-12-05.txt", "24": "24-qa-n46-clause2-continue-published-late.txt",
         "25": "25-qa-lift-from-2027-01-01.txt"}
TITLE_KEY = "QA-2026-12-04-68a81f8d"


def _replay_one_by_one(tmp: Path, order: tuple[str, ...]) -> Path:
    name = "-".join(order)
    path = tmp / f"{name}.sqlite"
    for n, page in enumerate(order):
        folder = tmp / f"{name}-{page}"
        folder.mkdir()
        shutil.copyfile(CORPUS / PAGES[page], folder / PAGES[page])
        done = cli(f"sqlite:///{path}", "replay", str(folder), "--fetched-at", f"2026-11-29T0{n}:00:00+00:00",
                   "--as-of", AS_OF, env=ENV)
        assert done.code in (0, 1), done.err
    return path


def _conflicts(path: Path) -> dict[str, bool]:
    """The alias-conflict issues (not the same-Q&A pairs): key -> open."""
    with sqlite3.connect(path) as conn:
        return {k: r is None for k, r in conn.execute(
            "SELECT key, resolved_at FROM health_issue WHERE kind = 'alias-conflict' AND key NOT LIKE '%/same-qa/%'")}


def test_a_qas_alias_conflict_is_named_by_its_key_whichever_page_comes_first(tmp_path: Path) -> None:
    split_first = _replay_one_by_one(tmp_path, ("23", "24", "25"))  # split, then 25 goes to 23's new key
    together_first = _replay_one_by_one(tmp_path, ("23", "25", "24"))  # 23 and 25 disagree under one key, then split

    opened = _conflicts(split_first)
    assert list(opened) == [f"alias-conflict/{TITLE_KEY}-003c"] and all(opened.values())
    moved = _conflicts(together_first)
    assert {k for k, is_open in moved.items() if is_open} == set(opened)  # the same open problem
    assert moved.get(f"alias-conflict/{TITLE_KEY}") is False  # the old key's issue (its items published) resolved
    statuses = []
    for path in (split_first, together_first):
        done = cli(f"sqlite:///{path}", "status", "--json", "--as-of", AS_OF, env=ENV)
        assert done.code == 1, done.err  # the conflict is open: a problem
        issues = [(i["kind"], i["notice_key"], i["url"]) for i in json.loads(done.out)["health_issues"]]
        conflict = [i for i in json.loads(done.out)["health_issues"] if i["notice_key"] == f"{TITLE_KEY}-003c"]
        assert [i["detail"].split(";")[0] for i in conflict] == [f"{TITLE_KEY}-003c: pages disagree on what the notice says"]
        assert not any(key == TITLE_KEY for _, key, _ in issues)  # no open problem under a key no longer stored
        statuses.append(sorted(kind for kind, _, _ in issues))
    assert statuses[0] == statuses[1]
