"""Aliases a notice gives ("又称", "also known as", "曾用名", "别名", "d/b/a"), screened as the entity's own spellings.

Session 18 moved them out of the entities' names into their notes, where screening never looked: "KHI" (Kawasaki
Heavy Industries, "又称KHI") answered "no hit", exit 0. Now each is a hit saying which notice gives the alias, in
`screen` (table, JSON, CSV) on a real store, in ``POST /api/screen`` on a real `serve`, in the watchlist feed, and in
a store written before the aliases were kept (migration 0011 fills them from the notes).
"""

from __future__ import annotations

import csv
import hashlib
import http.client
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mofcom_watch.cli import app
from tests.faults.serving import serving
from tests.feeds.replayed import REPO

PAGES = REPO / "tests" / "data" / "corpus" / "entities18"
NOTICES = ("08-uel-aliases.txt", "26-wl-annex-aliases.txt", "05-ecl-english-punctuation.txt")
AS_OF = "2026-11-29"
UEL, WATCH, ECL = "不可靠实体清单工作机制公告〔2026〕12号", "商务部公告2026年第59号", "商务部公告2026年第44号"
# counterparty -> (entity key, the alias matched, the notice giving it)
ALIASED = {
    "Sequoia Dynamic Systems": ("sequoiadynamics", "Sequoia Dynamic Systems", UEL),  # 又称
    "灰狼技术公司": ("graywolftechnologies", "灰狼技术公司", UEL),  # "），亦称…" after the bracket
    "Hermes Aero Inc.": ("hermesaviation", "Hermes Aero", UEL),  # also known as; normalised
    "Polaris Research Institute": ("polarislabs", "Polaris Research Institute", UEL),  # 曾用名: a former name
    "黑岩防务公司": ("blackstonedefense", "黑岩防务公司", UEL),  # 别名
    "KHI": ("kawasakiheavyindustries", "KHI", WATCH),
    "石川岛播磨重工业株式会社": ("ihi", "石川岛播磨重工业株式会社", WATCH),  # 曾用名 in Chinese
    "AlphaTac": ("alphatacticalsolutionsllcdbaalphatac", "AlphaTac", ECL),  # d/b/a
}
ROWS = "name\n" + "".join(f"{n}\n" for n in ALIASED) + "\"Kawasaki Heavy Industries, Ltd.\"\nNobody Trading\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("aliases19")
    for name in NOTICES:
        (root / "pages").mkdir(exist_ok=True)
        shutil.copyfile(PAGES / name, root / "pages" / name)
    result = CliRunner().invoke(app, ["--db", f"sqlite:///{root / 'db.sqlite'}", "replay", str(root / "pages"),
                                      "--fetched-at", "2026-11-29T00:00:00Z", "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    (root / "rows.csv").write_text(ROWS, encoding="utf-8")
    return root


def screen(db: Path, rows: Path, *fmt: str):
    return CliRunner().invoke(app, ["--db", f"sqlite:///{db}", "screen", str(rows), "--as-of", AS_OF, *fmt])


def aliased(report: dict) -> dict[str, tuple[str, str, str]]:
    """Each counterparty's hit on an alias: (entity key, alias, the reason's notice), as ALIASED gives it."""
    out = {}
    for r in report["results"]:
        for h in r["hits"]:
            if h.get("reason"):
                notice = h["reason"].removeprefix("alias given by notice ").split(": “")[0]
                assert h["reason"] == f"alias given by notice {notice}: “{h['matched_name']}”", h
                out[r["query"]["name"]] = (h["entity_key"], h["matched_name"], notice)
    return out


def test_an_alias_or_former_name_a_notice_gives_is_a_hit_that_says_so(store: Path) -> None:
    out = screen(store / "db.sqlite", store / "rows.csv", "--json")
    assert out.exit_code == 1, out.output
    report = json.loads(out.stdout)
    assert aliased(report) == ALIASED
    assert report["matched"] == len(ALIASED) + 1  # and Kawasaki by its name, with no alias reason
    kawasaki = next(r for r in report["results"] if r["query"]["name"].startswith("Kawasaki"))
    assert [(h["match"], h.get("reason")) for h in kawasaki["hits"]] == [("exact", None)]
    assert all(not r["possible"] for r in report["results"])
    table = screen(store / "db.sqlite", store / "rows.csv")
    assert table.exit_code == 1
    said = " ".join(table.stdout.split())
    assert f"line 7 KHI: Kawasaki Heavy Industries, Ltd., alias given by notice {WATCH}: “KHI”" in said
    assert "line 10 Kawasaki" not in said
    rows = list(csv.DictReader(io.StringIO(screen(store / "db.sqlite", store / "rows.csv", "--csv").stdout)))
    assert {r["counterparty"]: r["reason"] for r in rows if r["reason"]} == {
        n: f"alias given by notice {notice}: “{alias}”" for n, (_, alias, notice) in ALIASED.items()}


def test_a_hit_by_one_part_of_a_cell_on_an_alias_says_both(store: Path, tmp_path: Path) -> None:
    """Which part of the cell hit and which notice gives the alias, in that order (session 33: a hit by one part of a
    cell says which part; the notice's reason replaced it)."""
    rows = tmp_path / "dba.csv"
    rows.write_text("name\nFoo Trading KK dba KHI\n", encoding="utf-8")
    report = json.loads(screen(store / "db.sqlite", rows, "--json").stdout)
    assert {h["reason"] for h in report["results"][0]["hits"]} == {
        f"by its d/b/a name “KHI”; alias given by notice {WATCH}: “KHI”"}


def test_the_api_and_the_watchlist_feed_find_the_aliases_as_the_command_does(store: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    shutil.copyfile(store / "db.sqlite", tmp_path / "db.sqlite")
    cli = json.loads(screen(tmp_path / "db.sqlite", store / "rows.csv", "--json").stdout)
    body = {"as_of": AS_OF, "counterparties": [{"name": r[0]} for r in csv.reader(io.StringIO(ROWS))][1:]}
    with serving(db, tmp_path) as served:
        conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=60)
        conn.request("POST", "/api/screen", body=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        status, answer = resp.status, json.loads(resp.read())
        conn.close()
    assert status == 200 and aliased(answer) == ALIASED
    assert [r["hits"] for r in answer["results"]] == [r["hits"] for r in cli["results"]]
    (tmp_path / "aliases.csv").write_text("name\n" + "".join(f"{n}\n" for n in ALIASED), encoding="utf-8")
    feeds = CliRunner().invoke(app, ["--db", db, "feeds", "--out", str(tmp_path / "f"), "--watchlist",
                                     str(tmp_path / "aliases.csv"), "--as-of", AS_OF])
    assert feeds.exit_code == 0, feeds.output
    items = json.loads((tmp_path / "f" / "watchlist.json").read_text(encoding="utf-8"))["items"]
    by_key = {key: (name, alias, notice) for name, (key, alias, notice) in ALIASED.items()}
    assert {i["id"].rsplit("/", 1)[1] for i in items} == set(by_key)
    for item in items:  # each says which counterparty, and that it is the alias the listing notice gives
        name, alias, notice = by_key[item["id"].rsplit("/", 1)[1]]
        assert f"Watchlist match: <strong>{name}</strong>" in item["content_html"]
        assert f"how: alias given by notice {notice}: “{alias}”" in item["content_html"], item["content_html"]
        assert not item["title"].startswith("Possible")


def test_a_store_written_before_aliases_were_kept_finds_them_after_its_upgrade(store: Path, tmp_path: Path) -> None:
    """A store of schema 0010 holds the alias in the note alone (the notice is not parsed again unless its page is
    fetched again): `screen` on it found nothing. Opening it upgrades it (0011), and the alias is a hit."""
    from alembic import command

    from storage.db import alembic_config, current_revision, head_revision, make_engine

    path = tmp_path / "old.sqlite"
    shutil.copyfile(store / "db.sqlite", path)
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010")
    engine.dispose()
    con = sqlite3.connect(path)  # as session 18's parser stored them: no "aliases"
    for row_id, record in con.execute("SELECT id, record_json FROM notice").fetchall():
        data = json.loads(record)
        for e in data["entities"]:
            e.pop("aliases", None)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        con.execute("UPDATE notice SET record_json = ?, record_sha256 = ? WHERE id = ?",
                    (text, hashlib.sha256(text.encode()).hexdigest(), row_id))
    con.commit()
    before = dict(con.execute("SELECT id, record_json FROM notice").fetchall())
    con.close()
    out = screen(path, store / "rows.csv", "--json")  # opens the store: upgraded past 0011 (to the head)
    assert out.exit_code == 1 and aliased(json.loads(out.stdout)) == ALIASED
    assert current_revision(make_engine(f"sqlite:///{path}")) == head_revision() >= "0011"  # (a later migration: 0012)
    con = sqlite3.connect(path)
    after = {i: (r, s) for i, r, s in con.execute("SELECT id, record_json, record_sha256 FROM notice").fetchall()}
    con.close()
    fresh = dict(sqlite3.connect(store / "db.sqlite").execute("SELECT id, record_json FROM notice").fetchall())
    assert {i: r for i, (r, _) in after.items()} == fresh != before  # what this parser stores, byte for byte
    assert all(s == hashlib.sha256(r.encode()).hexdigest() for r, s in after.values())


def test_the_web_search_and_timeline_suggestions_know_the_aliases(store: Path) -> None:
    """The site's /search (find_entities) found "KHI" nowhere: neither a stored spelling nor a close one."""
    from sqlalchemy.orm import Session

    from storage.db import make_engine
    from storage.status import find_entities, suggest_names

    engine = make_engine(f"sqlite:///{store / 'db.sqlite'}")
    with Session(engine) as session:
        assert [(h.key, h.match) for h in find_entities(session, "KHI")] == [("kawasakiheavyindustries", "exact")]
        assert [h.key for h in find_entities(session, "Polaris Research Institute Inc")] == ["polarislabs"]
        assert "Sequoia Dynamic Systems" in suggest_names(session, "Sequoia Dynamic System")
    engine.dispose()
