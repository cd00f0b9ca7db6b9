"""JSON Feed 1.1 beside Atom and RSS: every feed in all three formats, valid, with the same items.

Atom and RSS are checked by feedparser (well-formed, no bozo) and by ``xmllint`` when installed;
JSON Feed against the JSON Feed 1.1 schema (``tests/data/jsonfeed-1.1.schema.json``, written from
the specification). The three formats of one feed carry the same ids, titles, links and content.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import feedparser
import jsonschema
import pytest
from lxml import etree

from tests.feeds.replayed import REPO, write_feeds_cli

SCHEMA = json.loads((REPO / "tests" / "data" / "jsonfeed-1.1.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
BASE = "http://127.0.0.1:8765/feeds/"
XMLLINT = shutil.which("xmllint")
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def out(replayed: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every feed of the replayed fixtures, written once for this module (with a watchlist feed too)."""
    tmp = tmp_path_factory.mktemp("json")
    shutil.copy(replayed, tmp / "db.sqlite")
    watchlist = tmp / "wl.csv"
    watchlist.write_text("name\nSkydio Inc.\n", encoding="utf-8")
    result = write_feeds_cli(f"sqlite:///{tmp / 'db.sqlite'}", tmp / "feeds", "--watchlist", str(watchlist),
                             base_url=BASE)
    assert result.exit_code in (0, 1), result.output
    return tmp / "feeds"


def feed_names(out: Path) -> set[str]:
    return {p.relative_to(out).with_suffix("").as_posix() for p in out.rglob("*") if p.suffix in (".atom", ".rss",
                                                                                                    ".json")}


def test_every_feed_exists_in_three_formats(out: Path) -> None:
    names = feed_names(out)
    assert {"all", "ecl", "uel", "items", "notices", "source-health", "watchlist", "entity/skydio"} <= names
    for name in names:
        for fmt in ("atom", "rss", "json"):
            assert (out / f"{name}.{fmt}").is_file(), f"{name}.{fmt}"


def test_schema_rejects_what_json_feed_forbids() -> None:
    """The schema really checks: a wrong version, an item without id or content, a bad date all fail."""
    good = {"version": "https://jsonfeed.org/version/1.1", "title": "t",
            "items": [{"id": "1", "content_html": "<p>x</p>", "date_published": "2025-05-14T00:00:00+08:00"}]}
    assert not list(VALIDATOR.iter_errors(good))
    bad = [
        dict(good, version="https://jsonfeed.org/version/1"),
        dict(good, items=[{"content_html": "x"}]),
        dict(good, items=[{"id": "1"}]),
        dict(good, items=[{"id": "1", "content_text": "x", "date_published": "2025-05-14"}]),
        dict(good, items=[{"id": "1", "content_text": "x", "tags": "one"}]),
        dict(good, author={"name": "x"}),  # 1.0's field, gone in 1.1
        {k: v for k, v in good.items() if k != "title"},
    ]
    for doc in bad:
        assert list(VALIDATOR.iter_errors(doc)), doc


def test_json_feeds_are_valid_json_feed_1_1(out: Path) -> None:
    for path in sorted(out.rglob("*.json")):
        doc = json.loads(path.read_bytes())
        errors = [e.message for e in VALIDATOR.iter_errors(doc)]
        assert not errors, (path.name, errors[:3])
        assert doc["feed_url"] == BASE + quote(path.relative_to(out).as_posix())  # as the Atom self link


def test_atom_and_rss_are_well_formed(out: Path) -> None:
    paths = sorted(p for p in out.rglob("*") if p.suffix in (".atom", ".rss"))
    for path in paths:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path.name, parsed.get("bozo_exception"))
        ids = [e.id for e in parsed.entries]
        assert len(ids) == len(set(ids)), path.name  # no item twice in a feed
    if XMLLINT:
        run = subprocess.run([XMLLINT, "--noout", *map(str, paths)], capture_output=True, text=True, check=False)
        assert run.returncode == 0, run.stderr[:2000]


def atom_entries(path: Path) -> list[dict[str, object]]:
    """Each Atom entry as written (lxml, not feedparser: feedparser rewrites the HTML it sanitises)."""
    root = etree.fromstring(path.read_bytes())
    out: list[dict[str, object]] = []
    for e in root.iter(f"{ATOM}entry"):
        link = e.find(f"{ATOM}link")
        out.append({"id": e.findtext(f"{ATOM}id"), "title": e.findtext(f"{ATOM}title"),
                    "content_html": e.findtext(f"{ATOM}content"), "url": link.get("href") if link is not None else None,
                    "tags": [c.get("term") for c in e.findall(f"{ATOM}category")],
                    "date_published": e.findtext(f"{ATOM}published"), "date_modified": e.findtext(f"{ATOM}updated")})
    return out


def test_the_three_formats_carry_the_same_items(out: Path) -> None:
    compared = 0
    for name in sorted(feed_names(out)):
        atom = atom_entries(out / f"{name}.atom")
        rss = feedparser.parse((out / f"{name}.rss").read_bytes())
        doc = json.loads((out / f"{name}.json").read_bytes())
        assert doc["title"] == etree.fromstring((out / f"{name}.atom").read_bytes()).findtext(f"{ATOM}title")
        items = doc["items"]
        assert [i["id"] for i in items] == [e["id"] for e in atom] == [e.id for e in rss.entries], name
        for item, entry in zip(items, atom):
            assert {k: item.get(k) for k in entry} == entry, (name, item["id"])
            compared += 1
    assert compared > 100


def test_served_with_validators_gzip_discovery_and_opml(out: Path) -> None:
    import gzip
    import xml.etree.ElementTree as ET
    from datetime import date

    from starlette.testclient import TestClient

    from mofcom_watch.server import create_app

    class NoStore:  # the feed routes read files only; the page parts say "unavailable"
        def __getattr__(self, name: str):
            from mofcom_watch.server.data import Part

            return lambda *a, **k: None if name in ("ping", "last_cycle", "snapshot") else Part(())

    client = TestClient(create_app(feeds_dir=out, feeds_base_url=BASE, data=NoStore(), as_of=date(2026, 11, 29)))
    r = client.get("/feeds/entity/skydio.json", headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/feed+json")
    assert r.headers["content-encoding"] == "gzip" and json.loads(r.content)["items"]
    raw = client.get("/feeds/entity/skydio.json", headers={"Accept-Encoding": "identity"})
    assert raw.content == (out / "entity" / "skydio.json").read_bytes() and "content-encoding" not in raw.headers
    assert gzip.compress(raw.content)  # (the body is the file, byte for byte)
    again = client.get("/feeds/entity/skydio.json", headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304
    page = client.get("/").text
    assert f'<link rel="alternate" type="application/feed+json" title="mofcom-watch: all list events (json)" ' \
           f'href="{BASE}all.json">' in page
    opml = ET.fromstring(client.get("/feeds-json.opml").content)  # /feeds.opml: each feed once, in Atom
    urls = {o.get("xmlUrl") for o in opml.iter("outline") if o.get("xmlUrl")}
    assert {f"{BASE}all.json", f"{BASE}entity/skydio.json"} <= urls and all(u.endswith(".json") for u in urls)
    entity = client.get("/entity/skydio")
    assert entity.status_code in (404, 503)  # no store here; the entity page itself is tested elsewhere


def test_a_company_feed_links_its_page_only_where_serve_serves_the_feeds() -> None:
    """reader37's B5 (user38): the company's page under serve's layout (``…/feeds/``, its own address or a proxy's
    prefix); a folder served by something else has no pages (the folder, as before); a key hashed into its feed's
    name gives no page back."""
    from feeds.identity import entity_feed_name, feed_home

    assert feed_home("http://127.0.0.1:8080/feeds/", "entity/skydio") == "http://127.0.0.1:8080/entity/skydio"
    assert feed_home("https://example.org/mofcom/feeds/", "entity/余茂春") == \
        "https://example.org/mofcom/entity/%E4%BD%99%E8%8C%82%E6%98%A5"
    assert feed_home("https://example.org/mofcom/feeds/", "all") == "https://example.org/mofcom/feeds/"
    assert feed_home("https://cdn.example.org/mofcom/", "entity/skydio") == "https://cdn.example.org/mofcom/"
    hashed = entity_feed_name("x" * 300)
    assert feed_home("https://example.org/feeds/", hashed) == "https://example.org/feeds/"
