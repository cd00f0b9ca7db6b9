"""The N-times corpus (tests/corpus.py): copy k replays like the fixtures, under keys of its own."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

from mofcom_watch.pipeline import replay_files
from scraper.parse import parse_document
from storage.records import DocumentKind
from tests.corpus import FIXTURES, Copy, build_copy, build_corpus, corpus_as_of
from tests.faults import harness as h

AS_OF = date.fromisoformat(h.AS_OF)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p, _ in replay_files(root)}


def _replay(tree: Path, db: Path, as_of: date) -> None:
    done = h.cli(f"sqlite:///{db}", "replay", str(tree), "--fetched-at", h.FETCHED, "--as-of", as_of.isoformat(),
                 env=h.cli_env(MOFCOM_WATCH_TODAY=as_of.isoformat()))  # a corpus set in years to come: its today
    assert done.code in (0, 1), done.err  # 1: the fixtures' deliberate count mismatches


def _events(db: Path, copy: Copy) -> Counter[tuple[object, ...]]:
    """Each event as the original's would read in copy ``copy``: keys and dates moved, entity keys prefixed."""
    con = sqlite3.connect(db)
    try:
        has_en = {k: en is not None for k, en in con.execute("SELECT key, en FROM entity")}
        rows = con.execute("SELECT kind, scope, list, notice_key, entity_key, effective, until FROM event").fetchall()
    finally:
        con.close()

    def entity(key: str | None) -> str | None:
        if key is None or copy.k == 0:
            return key
        prefix = copy.en_prefix.strip().lower() if has_en[key] else copy.zh_prefix
        return prefix + key

    return Counter((kind, scope, lst, copy.shift_years(notice or ""), entity(ent), copy.shift_years(eff or ""),
                    copy.shift_years(until or "")) for kind, scope, lst, notice, ent, eff, until in rows)


def test_copy_zero_is_the_fixtures_byte_for_byte(tmp_path: Path) -> None:
    assert _tree(build_corpus(1, tmp_path / "one")) == _tree(FIXTURES)


def test_copy_k_replayed_alone_gives_the_fixtures_notices_entities_and_events(tmp_path: Path) -> None:
    original, copy = tmp_path / "original.sqlite", Copy(3)
    _replay(FIXTURES, original, AS_OF)
    build_copy(copy.k, tmp_path / "copy3")
    _replay(tmp_path / "copy3", tmp_path / "copy3.sqlite", copy.day(AS_OF))
    counts = "SELECT (SELECT count(*) FROM notice), (SELECT count(*) FROM entity), (SELECT count(*) FROM event), " \
             "(SELECT count(*) FROM health_issue), (SELECT count(*) FROM listing), (SELECT count(*) FROM action)"
    got = [sqlite3.connect(db).execute(counts).fetchone() for db in (original, tmp_path / "copy3.sqlite")]
    assert got[0][0] and got[0] == got[1]
    # the same events, under the copy's notice keys, dates and entity keys: references resolved in the copy
    assert _events(tmp_path / "copy3.sqlite", Copy(0)) == _events(original, copy)


def test_copies_share_no_notice_or_entity_key(tmp_path: Path) -> None:
    root = build_corpus(3, tmp_path / "three")
    notices: dict[str, set[str]] = {}
    entities: dict[str, set[str]] = {}
    for path, url in replay_files(root):
        doc = parse_document(path.read_bytes(), url=url)
        if doc.kind != DocumentKind.NOTICE or doc.notice is None:
            continue
        notices.setdefault(doc.notice.key, set()).add(url)
        for e in doc.notice.entities:
            entities.setdefault(e.key, set()).add(doc.notice.key)
    assert len(notices) == 3 * 35  # the fixtures' 35 notices, three times
    years = {k: {int(part) for part in k.split("-") if part.isdigit() and len(part) == 4} for k in notices}
    assert all(y and min(y) >= 2022 for y in years.values())
    assert len(entities) == 3 * 100
    for key, holders in entities.items():  # an entity is listed by notices of one copy only
        assert len({(min(years[n]) - 2022) // 8 for n in holders}) == 1, (key, holders)
    assert corpus_as_of(3, AS_OF) == date(AS_OF.year + 16, AS_OF.month, AS_OF.day)


def test_a_gb18030_page_stays_gb18030_with_names_and_years_moved(tmp_path: Path) -> None:
    """A page labelled gb2312 (with a GB18030-only character) is decoded and written back in GB18030."""
    source = tmp_path / "src"
    rel = "www.mofcom.gov.cn/zcfb/blgg/art/2025/art_eba76b74d5e147c99fd86bc8a47c5b57.html"
    text = (FIXTURES / rel).read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="gb2312"')
    text = text.replace("<p>商务部</p>", "<p>商务部（朱镕基路）</p>")
    (source / rel).parent.mkdir(parents=True)
    (source / rel).write_bytes(text.encode("gb18030"))
    shutil.copytree(FIXTURES / "texts", source / "texts")
    written = build_copy(2, tmp_path / "copy2", source)
    page = next(p for p in written if p.suffix == ".html")
    raw = page.read_bytes()
    assert page.relative_to(tmp_path / "copy2").as_posix() == rel.replace("2025", "2041")
    try:
        raw.decode("utf-8")
        raise AssertionError("the copy was re-encoded as UTF-8")
    except UnicodeDecodeError:
        pass
    out = raw.decode("gb18030")
    assert 'charset="gb2312"' in out and "朱镕基路" in out and "商务部公告2041年第21号" in out
    doc = parse_document(raw, url="https://" + rel)
    assert doc.notice is not None and doc.notice.key == "MOFCOM-2041-21"
    assert [e.en for e in doc.notice.entities][:2] == ["Qaac High Point Aerotechnologies",
                                                       "Qaac Universal Logistics Holdings, Inc."]
    assert doc.notice.entities[0].zh == "甲甲丙高点航空技术公司"
