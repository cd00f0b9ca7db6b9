"""A rename in a page a person read under an older parser (order36 B1): between the upgrade and the first cycle, the
new name was in no screening while `screen` and `POST /api/screen` said the answer was complete (exit 0 for a clean
file). Now both say which pages await this parser and answer incomplete (exit 1, ``complete`` false); `replay` reads
them first, as a cycle does, and the new name hits. Real processes (`screen`, `serve`, `replay`), a real SQLite copy of
the replayed fixtures, the rename page stored as an older parser refused it and accepted by a person."""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from mofcom_watch.pipeline import PageParser, ingest_page, saved_page
from storage.db import open_store, session_factory
from storage.records import ParsedDocument, UnusablePage
from storage.reviews import record_reading, refused_pages
from tests import zygote
from tests.conftest import copy_of, read_whole
from tests.faults.serving import serving

ROOT = Path(__file__).resolve().parents[2]
URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_rename_aerkomm.html"
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
PAGE = """商务部公告2026年第90号 关于出口管制管控名单所列实体更名的公告
【发布单位】安全与管制局
【发布文号】商务部公告2026年第90号
【发文日期】2026年11月20日

出口管制管控名单所列爱尔康公司（Aerkomm Inc.）已更名为新星航空通信公司（Nova Air Communications, Inc.）。更名后，该实体仍列入出口管制管控名单，相关管控措施继续实施。
本公告自公布之日起施行。

商务部
2026年11月20日
""".encode()
NEW_NAME = "Nova Air Communications, Inc."
AWAITING = "1 page(s) a person read in the parser's place (`mofcom-watch accept`) are yet to be read by this version's parser"


def _refuses(raw: bytes, url: str | None = None, content_type: str | None = None) -> ParsedDocument:
    raise UnusablePage("needs-review", 'a name change ("更名为") of a listed entity is not read')


def _store(replayed: Path, tmp_path: Path) -> str:
    """The fixtures' store, every page read whole, plus the rename page as an older parser refused it and a person
    accepted it (``accept URL SHA256``)."""
    db_url = read_whole(copy_of(replayed, tmp_path / "db.sqlite"))
    engine = open_store(db_url)
    sf = session_factory(engine)
    ingest_page(sf, saved_page(URL, PAGE, T0, source="mofcom-policy"), PageParser(_refuses, "1", "d-old"))
    with sf() as session, session.begin():
        (page,) = refused_pages(session)
        record_reading(session, page, why="a name change", by="officer", at=T0)
    engine.dispose()
    return db_url


def _screen(db_url: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    f = tmp_path / "rows.csv"
    f.write_text(f'"{NEW_NAME}",US\n', encoding="utf-8")
    return subprocess.run(zygote.command("--db", db_url, "screen", str(f), "--as-of", "2026-11-30", "--json"),
                          capture_output=True, text=True, timeout=180)


def test_screen_and_the_api_say_pages_await_this_parser_and_replay_reads_them(replayed, tmp_path: Path) -> None:
    db_url = _store(replayed, tmp_path)
    before = _screen(db_url, tmp_path)
    assert before.returncode == 1, before.stderr  # was 0: a complete answer, the new name in no screening
    answer = json.loads(before.stdout)
    assert answer["complete"] is False and answer["results"][0]["hits"] == []
    assert any(w.startswith(AWAITING) for w in answer["warnings"]), answer["warnings"]
    assert AWAITING in " ".join(before.stderr.split())
    with serving(db_url, tmp_path) as served:
        conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=60)
        conn.request("POST", "/api/screen", body=json.dumps({"as_of": "2026-11-30", "counterparties": [
            {"name": NEW_NAME, "country": "US"}]}).encode(), headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        status, api = resp.status, json.loads(resp.read())
        conn.close()
    assert status == 200 and api["complete"] is False and any(w.startswith(AWAITING) for w in api["warnings"]), api
    # replay reads the page first (any tree: here one page the store holds already), as a cycle does
    tree = tmp_path / "tree"
    page = "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_1ee79b1b7f21444ebf4797c0ff8500fd.html"
    (tree / page).parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "fixtures" / page, tree / page)
    done = subprocess.run(zygote.command("--db", db_url, "replay", str(tree), "--as-of", "2026-11-30"),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1) and "internal error" not in done.stderr, done.stderr
    after = _screen(db_url, tmp_path)
    answer = json.loads(after.stdout)
    assert after.returncode == 1 and answer["complete"] is True, after.stderr
    assert {h["entity_key"] for h in answer["results"][0]["hits"]} == {"aerkomm"}
