"""What a real `serve` process answers an officer (user46): the search box finds a company as `timeline` finds it;
an entity page names each official page of a notice with its own copy."""

from __future__ import annotations

import hashlib
import re
import subprocess
from urllib.parse import quote

import pytest

from tests import zygote
from tests.conftest import copy_of
from tests.faults.serving import serving

AS_OF = "2026-11-29"


@pytest.fixture(scope="module")
def served(tmp_path_factory, replayed):
    root = tmp_path_factory.mktemp("search46")
    db_url = copy_of(replayed, root / "db.sqlite")
    with serving(db_url, root, "--as-of", AS_OF) as site:
        yield db_url, site


@pytest.mark.parametrize(("query", "key", "state"), [
    ("斯凱迪奧", "skydio", "lapsed: presumed back in force"),  # Skydio's Chinese name in traditional characters
    ("斯凱迪奧公司", "skydio", "lapsed: presumed back in force"),
    ("奎托斯無人機系統公司", "kratosunmannedaerialsystems", "lapsed: presumed back in force"),
    ("內華達山脈公司", "sierranevada", "lapsed: presumed back in force"),
    # was: "2 listed companies or people match PVH Corp.: Ball Aerospace & Technologies Corp., MP Materials Corp.
    # (similar name, score 85.5)", and not 美国PVH集团, in force on the unreliable entity list since 2025-02-04
    ("PVH Corp.", "美国pvh", "in force"),
    ("斯凯迪奥公司（美国）", "skydio", "lapsed: presumed back in force"),  # was a list of one possible match
])
def test_a_spelling_timeline_finds_leads_to_the_entity_page(served, query: str, key: str, state: str) -> None:
    """Was: `timeline 斯凱迪奧` showed Skydio (in force on the MFA list, UEL 〔2025〕7号 lapsed: presumed back in force)
    and `screen` hit it, while the web search answered "No listed company or person matches 斯凱迪奧, exactly, written
    differently or closely" (404): an officer searching the front page was told a listed company is not listed."""
    db_url, site = served
    told = subprocess.run(zygote.command("--db", db_url, "timeline", query, "--as-of", AS_OF),  # a real process,
                          capture_output=True, text=True, timeout=120)  # forked by the test zygote (tests/zygote.py)
    assert told.returncode == 0 and re.search(rf"\(key {key}[,)]", told.stdout), told.stderr
    status, headers, body = site.get("/search?q=" + quote(query))
    assert (status, headers.get("location")) == (303, f"entity/{quote(key)}"), (status, body.decode()[-2000:])
    status, _, body = site.get(f"/entity/{quote(key)}")
    assert status == 200 and state in body.decode()


def test_each_official_page_of_a_notice_is_named_with_its_own_copy(served) -> None:
    """Was: Skydio's page listed both URLs of 商务部公告2025年第13号 under one "stored snapshot, SHA-256 35d35fff…", the
    copy of the first page only: checked against it, the zwgk page's bytes (3dbac667…) did not match. Now each URL
    has its own copy, as the feed items and the evidence pack give them; every copy named is served and hashes so."""
    _, site = served
    status, _, body = site.get("/entity/skydio")
    page = body.decode()
    assert status == 200
    item = next(li for li in re.findall(r"<li>.*?</li>", page, re.S) if "<code>MOFCOM-2025-13</code>" in li)
    pairs = re.findall(r'<a href="(https://[^"]+)">[^<]*</a> \(fetched [^;]+; <a href="\.\./snapshot/([0-9a-f]{64})">'
                       r"stored snapshot</a>, SHA-256 <code>\2</code>\)", item)
    assert len(pairs) == 2 and len({sha for _, sha in pairs}) == 2, item
    for _url, sha in pairs:
        got, _, stored = site.get(f"/snapshot/{sha}")
        assert got == 200 and hashlib.sha256(stored).hexdigest() == sha
    assert "(the copy read: that of " in item
