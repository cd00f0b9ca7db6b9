"""A news report naming a notice whose stored reading this version withdraws is "reported, not yet confirmed", as in a
fresh store (order43). Found upgrading mfa42's corpus from ``fec8b693`` to main: ``fec8b693`` read MFA Decree No. 201
(mfa42/01, three persons, two of them lost) and stored it; main holds the page for a person (a named target not read:
``checks.named_unread``), so the reading is withdrawn and its items retracted, but the English report of the decree
(mfa42/11) stayed "News: … Official notice: MFA-ORDER-2036-201", while a fresh store says "News (reported, not yet
confirmed): …". The earlier version is the real parser reading the page with the two lost persons cut out (its
misreading, stored against the real bytes under another parser version); everything after is real processes on a real
SQLite file: ``replay`` and ``feeds --out``."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

from mofcom_watch.pipeline import PageParser, ingest_page, saved_page
from storage.db import open_store, session_factory
from storage.records import ParsedDocument
from tests.faults.harness import cli, cli_env

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "corpus" / "mfa42"
AS_OF = "2036-01-31"
ENV = cli_env(MOFCOM_WATCH_TODAY=AS_OF)
DECREE = "01-persons-titles-and-former-titles-prose.txt"  # MFA Decree No. 201: held for a person now
REPORT = "11-english-of-01-other-order.txt"  # its English version, a news report naming MFA-ORDER-2036-201
LOST = ("，美国国会众议员、前众议院军事委员会成员琳达·卡斯特罗（Linda Castro），美国国防部前负责印太安全事务的助理部长、"
        "现任洛克顿咨询公司合伙人格雷格·诺兰（Greg Nolan）")
T0, T1 = "2036-01-10T06:00:00+00:00", "2036-01-10T08:00:00+00:00"


def _earlier(raw: bytes, **kwargs: Any) -> ParsedDocument:
    """The earlier version's misreading: Wheeler alone read, the two others lost (what mfa42 made loud)."""
    from scraper.parse import parse_document

    assert LOST.encode() in raw
    return parse_document(raw.replace(LOST.encode(), b""), **kwargs)


EARLIER = PageParser(_earlier, "0.41", "d-earlier")


def _news(db: str, tree: Path, out: Path) -> dict[str, dict[str, Any]]:
    for args in (("replay", str(tree), "--fetched-at", T1, "--as-of", AS_OF), ("feeds", "--out", str(out), "--as-of", AS_OF)):
        done = cli(db, *args, env=ENV)
        assert done.code in (0, 1), done.err
    return {item["id"]: item for item in json.loads((out / "news.json").read_text())["items"]}


def test_a_report_of_a_withdrawn_reading_is_not_confirmed_by_it(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    for name in (DECREE, REPORT):
        shutil.copyfile(DATA / name, tree / name)
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    engine = open_store(db)
    try:  # the store as the earlier version left it: the decree read (and stored) from its real bytes
        ingest_page(session_factory(engine), saved_page(f"file:{DECREE}", (DATA / DECREE).read_bytes(),
                                                        datetime.fromisoformat(T0)), EARLIER)
    finally:
        engine.dispose()
    upgraded = _news(db, tree, tmp_path / "out")
    fresh = _news(f"sqlite:///{tmp_path / 'fresh.sqlite'}", tree, tmp_path / "fresh-out")
    assert len(fresh) == 1, sorted(fresh)
    item = next(iter(fresh.values()))
    assert item["title"].startswith("News (reported, not yet confirmed): Decision on Countermeasures"), item["title"]
    assert {i: v["title"] for i, v in upgraded.items()} == {i: v["title"] for i, v in fresh.items()}
    assert "Official notice: MFA-ORDER-2036-201" not in upgraded[item["id"]]["content_html"]
