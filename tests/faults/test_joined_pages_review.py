"""A notice read over several pages (crawl47), broken on purpose (review52, session 47).

- An annex page two notices link (a notice and the one amending it, say) is stored once, as a part of the notice that
  joined it last: the other notice's items cited its URL with no SHA-256 (``PageCopy(url, None, None)``), their
  provenance lost, silently, and which notice lost it depended on the order the pages came in. Each item of a notice
  read from a joined copy now cites every page by the bytes of it that copy holds.
- A page 2 titled as another notice (the site serving another article's page 2 at ``…_2.html``) was read as the rest
  of this notice: its names listed under this notice, exit 0, no issue. It is now no page of it: the first page is
  read alone, loud (count mismatch), as for a page 2 that reads as a notice of its own.
- A page 2 holding only the notice's closing (its other measures, its effective clause, its signature) under page 1's
  title reads alone as a notice of its own (the same number, naming nobody): it was refused as a part, the notice held
  as cut short for good (loud). It is now the rest of the notice.
- An evidence pack of such a notice held its first page's bytes only inside the joined copy's file: no file of the
  pack had the SHA-256 its items cite for that page. Each page cited is now a file of the pack.
- A notice read whole whose page 2 then fails (404, a bot check) while page 1 changes keeps its whole reading, loud,
  and is read whole again once page 2 answers (the reverse of crawl47's order: no entity read as removed).

Real ``run`` and ``replay`` processes against the local site (``tests/site_server.py``), real SQLite files.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.faults.test_joined_pages import (
    ANNEX9,
    AS_OF,
    COLUMN,
    ENV,
    HOST,
    NOTICE9,
    PAGE1,
    PAGE2,
    PAGES,
    cli,
    cli_env,
    listing,
    run,
    sha,
    site,
    status,
)
from tests.site_server import BOT_CHECK_BODY, Fault, SiteServer

NOTICE10 = f"{HOST}/{COLUMN}/art_0123456789abcdef0123456789abcdef.html"
# the annex page titled "附件：出口管制管控名单" (no number: linked by No. 9 and No. 10 alike), No. 10 linking it too
SHARED = PAGES[ANNEX9].replace("（商务部公告2027年第9号）".encode(), b"")
N10 = PAGES[NOTICE9].replace("2027年第9号".encode(), "2027年第10号".encode())


def entries(folder, *keys: str) -> dict[str, list[str]]:
    text = (folder / "all.atom").read_text(encoding="utf-8")
    found: dict[str, list[str]] = {k: [] for k in keys}
    for entry in re.findall(r"<entry>.*?</entry>", text, re.S):
        for key in keys:
            if re.search(rf"{key}(?!\d)", entry):
                found[key].append(entry)
    return found


def test_an_annex_page_two_notices_link_is_cited_with_its_sha256_by_both_in_either_order(tmp_path):
    for order in ("9-first", "10-first"):
        first, second = ({NOTICE9: PAGES[NOTICE9], ANNEX9: SHARED}, {NOTICE10: N10, ANNEX9: SHARED})
        if order == "10-first":
            first, second = second, first
        db = f"sqlite:///{tmp_path / order / 'store.sqlite'}"
        for n, pages in enumerate((first, second)):
            done = cli(db, "replay", str(site(tmp_path / order / str(n), pages, fixtures=False)), "--as-of", AS_OF,
                       "--fetched-at", f"2027-01-2{5 + n}T00:00:00+00:00", env=cli_env(**ENV))
            assert done.code == 0 and "Traceback" not in done.err, (order, done.out, done.err)
        out = tmp_path / order / "feeds"
        cli(db, "feeds", "--out", str(out), "--as-of", AS_OF, env=cli_env(**ENV))
        state = status(db)
        assert not state["health_issues"], state["health_issues"]
        assert listing(state, "MOFCOM-2027-9")["entity_count"] == listing(state, "MOFCOM-2027-10")["entity_count"] == 5
        for key, found in entries(out, "MOFCOM-2027-9", "MOFCOM-2027-10").items():
            assert found, key
            for entry in found:  # was: the notice that joined it first cited the annex URL with no SHA-256
                assert f"https://{ANNEX9}" in entry and sha(SHARED) in entry, (order, key, entry)


def test_a_page_2_titled_as_another_notice_is_no_page_of_it(tmp_path):
    other2 = (PAGES[PAGE2].replace("2027年第8号".encode(), "2027年第18号".encode())
              .replace("银杉航天公司等6家".encode(), "赤松电子公司等6家".encode())
              .replace("雪原通信公司".encode(), "赤松电子公司".encode()))
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", {**PAGES, PAGE2: other2})) as served:
        code, report = run(db, out, served)
    state = status(db)
    assert "赤松电子公司" not in (out / "all.atom").read_text(encoding="utf-8")  # was: listed under No. 8, exit 0
    assert code == 1 and listing(state, "MOFCOM-2027-8")["entity_count"] == 3, report
    assert any(i["kind"] == "count-mismatch" and i["notice_key"] == "MOFCOM-2027-8" for i in state["health_issues"])
    said = [n for s in report["sources"] for n in s["notes"] if PAGE2 in n]
    assert said and "its title names another notice" in said[0], report["sources"]


def test_a_notice_read_whole_whose_page_2_then_fails_keeps_its_reading_loud_until_it_answers(tmp_path):
    again = PAGES[PAGE1].replace(b"</body>", b"<!-- again --></body>")  # page 1 fetched with other bytes
    for fault in (Fault("404"), Fault("body", body=BOT_CHECK_BODY)):
        folder = tmp_path / fault.kind
        db, out = f"sqlite:///{folder / 'store.sqlite'}", folder / "feeds"
        with SiteServer(site(folder / "site", PAGES)) as served:
            code, _report = run(db, out, served)
            assert code == 0
            before = entries(out, "MOFCOM-2027-8")["MOFCOM-2027-8"]
            served.faults[PAGE1] = Fault("body", body=again)
            served.faults[PAGE2] = fault
            code, report = run(db, out, served)
            state = status(db)
            assert code == 1 and listing(state, "MOFCOM-2027-8")["entity_count"] == 6, (fault.kind, report)
            assert state["health_issues"], fault.kind
            assert entries(out, "MOFCOM-2027-8")["MOFCOM-2027-8"] == before, fault.kind  # no entity read as removed
            del served.faults[PAGE2]
            code, _report = run(db, out, served)
        state = status(db)
        assert code == 0 and listing(state, "MOFCOM-2027-8")["entity_count"] == 6 and not state["health_issues"]


def test_an_evidence_pack_of_a_joined_notice_holds_each_page_it_cites_as_a_file_of_its_own(tmp_path):
    """An item of a notice read from a joined copy cites each page by its own SHA-256 (page 1's included); the pack
    held page 1's bytes only inside the joined copy's file (``….bin``, another SHA-256): no file of the pack had the
    SHA-256 the items cite for page 1. Each page cited is now a file of the pack, its name and manifest entry that
    SHA-256, its bytes the page's as fetched."""
    import json
    import zipfile

    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    done = cli(db, "replay", str(site(tmp_path / "a", PAGES, fixtures=False)), "--as-of", AS_OF,
               "--fetched-at", "2027-01-25T00:00:00+00:00", env=cli_env(**ENV))
    assert done.code == 0, done.err
    for who, paths in (("银杉航天公司", (PAGE1, PAGE2)), ("峡谷材料科学公司", (NOTICE9, ANNEX9))):
        pack = tmp_path / f"{who}.zip"
        made = cli(db, "evidence", who, "--out", str(pack), "--as-of", AS_OF, env=cli_env(**ENV))
        assert made.code == 0, made.err
        assert cli(db, "evidence", "--verify", str(pack), env=cli_env(**ENV)).code == 0
        with zipfile.ZipFile(pack) as z:
            manifest = {f["sha256"]: f["name"] for f in json.loads(z.read("manifest.json"))["files"]}
            items = json.loads(z.read("feed-items.json"))["items"]
            files = {name: z.read(name) for name in z.namelist()}
        cited = {(c["url"], c["sha256"]) for item in items for p in item["provenance"] for c in p.get("copies", ())}
        for path in paths:
            assert (f"https://{path}", sha(PAGES[path])) in cited, (who, path)
        for url, digest in cited:
            assert digest in manifest, (who, url)  # was: page 1's SHA-256 named by no file of the pack
            assert sha(files[manifest[digest]]) == digest and manifest[digest].endswith(f"{digest}.html")


REVIEW52 = Path(__file__).parents[1] / "data" / "review52"


def test_a_page_2_holding_only_the_notices_closing_is_joined(tmp_path):
    """Page 1 names all 3 entities it counts ("等3家") and its first measure; page 2, under the same title, holds the
    rest of the measures, the effective date (2027-03-01, not the day of publication) and the signature. Page 1 alone
    is refused as cut short (loud, right: its effective clause is on page 2); page 2 alone reads as a notice of its own
    (the same number, naming nobody), so it was refused as a part: the notice never read whole, held as cut short,
    exit 1, for good. A next page under the first page's title that reads alone as a notice naming nobody is now the
    rest of it (parse.joinedpages.part_refusal)."""
    pages = {PAGE1: (REVIEW52 / "split-closing-page1.html").read_bytes(),
             PAGE2: (REVIEW52 / "split-closing-page2.html").read_bytes()}
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", pages)) as served:
        code, report = run(db, out, served)
    state = status(db)
    assert code == 0 and not state["health_issues"], (report["sources"], state["health_issues"])  # was: exit 1, held
    assert listing(state, "MOFCOM-2027-8")["entity_count"] == 3
    found = entries(out, "MOFCOM-2027-8")["MOFCOM-2027-8"]
    assert found and all("2027-03-01" in e for e in found if "/imposed/" in e), found
    assert any("/imposed/" in e for e in found)
