"""The front page's search box finds a company as `timeline` finds it, in a real `serve` process (user46)."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import quote

import pytest

from tests.conftest import copy_of
from tests.faults.serving import serving

AS_OF = "2026-11-29"


@pytest.fixture(scope="module")
def served(tmp_path_factory, replayed):
    root = tmp_path_factory.mktemp("search46")
    db_url = copy_of(replayed, root / "db.sqlite")
    with serving(db_url, root, "--as-of", AS_OF) as site:
        yield db_url, site


@pytest.mark.parametrize(("query", "key"), [
    ("斯凱迪奧", "skydio"),  # Skydio's Chinese name in traditional characters, without 公司
    ("斯凱迪奧公司", "skydio"),
    ("奎托斯無人機系統公司", "kratosunmannedaerialsystems"),
    ("內華達山脈公司", "sierranevada"),
])
def test_a_traditional_spelling_timeline_finds_leads_to_the_entity_page(served, query: str, key: str) -> None:
    """Was: `timeline 斯凱迪奧` showed Skydio (in force on the MFA list, UEL 〔2025〕7号 lapsed: presumed back in force)
    and `screen` hit it, while the web search answered "No listed company or person matches 斯凱迪奧, exactly, written
    differently or closely" (404): an officer searching the front page was told a listed company is not listed."""
    db_url, site = served
    told = subprocess.run([sys.executable, "-m", "mofcom_watch", "--db", db_url, "timeline", query, "--as-of", AS_OF],
                          capture_output=True, text=True, timeout=120)
    assert told.returncode == 0 and f"(key {key}," in told.stdout, told.stderr
    status, headers, body = site.get("/search?q=" + quote(query))
    assert (status, headers.get("location")) == (303, f"entity/{key}"), (status, body.decode()[-2000:])
    status, _, body = site.get(f"/entity/{key}")
    assert status == 200 and "lapsed: presumed back in force" in body.decode()
