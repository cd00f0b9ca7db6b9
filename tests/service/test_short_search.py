"""A name too short to match closely ("a", "GE", "石"): one rule and one wording in `timeline`, `screen` and the site's
search (user46's B, session 47). Was: `timeline a` suggested five names ("did you mean: ACT1联邦公司, Adam Bry, Axient,
Exovera, HavocAI?") and `/search?q=a` listed the same five as "similar name, score 90" (WRatio's partial score of one
letter), while `screen` offered nothing and said nothing. Now: matched as written only, said so, `timeline` exit 2,
`/search` 400, `screen` a warning line per row (the row screened, its exit code its own). A listed name written so
("石平", two characters) is still found by each. Real `serve` and CLI processes on the replayed fixtures."""

from __future__ import annotations

import json
import subprocess
from urllib.parse import quote

import pytest

from storage.names import TOO_SHORT
from tests import zygote
from tests.conftest import copy_of
from tests.faults.serving import serving

AS_OF = "2026-11-29"


@pytest.fixture(scope="module")
def served(tmp_path_factory, replayed):
    root = tmp_path_factory.mktemp("short47")
    db_url = copy_of(replayed, root / "db.sqlite")
    with serving(db_url, root, "--as-of", AS_OF) as site:
        yield db_url, site, root


def cli(db_url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """A real CLI process forked by the test zygote (``tests/zygote.py``: the imports paid once per worker)."""
    return subprocess.run(zygote.command("--db", db_url, *args, "--as-of", AS_OF), capture_output=True, text=True,
                          timeout=120, input=stdin)


@pytest.mark.parametrize("query", ["a", "GE", "ai", "石", "Ａ"])
def test_a_short_name_is_said_too_short_alike_everywhere(served, query: str) -> None:
    db_url, site, root = served
    said = TOO_SHORT.format(name=repr(query))
    told = cli(db_url, "timeline", query)
    assert told.returncode == 2 and said in told.stderr and "did you mean" not in told.stderr, told.stderr
    data = json.loads(cli(db_url, "timeline", query, "--json").stdout)
    assert (data["match"], data["suggestions"]) == (None, [])
    status, _, body = site.get("/search?q=" + quote(query))
    page = body.decode()
    assert status == 400 and "is too short to be matched closely" in page and "similar name" not in page, page[-1500:]
    csv = root / "short.csv"
    csv.write_text(f"name\n{query}\n", encoding="utf-8")
    screened = cli(db_url, "screen", str(csv), "--json")
    report = json.loads(screened.stdout)
    assert f"{csv}:2: {said}" in report["warnings"] and report["possible"] == report["matched"] == 0
    assert f"mofcom-watch screen: warning: {csv}:2: {said}" in screened.stderr


def test_a_short_name_written_as_listed_is_found(served) -> None:
    db_url, site, root = served
    told = cli(db_url, "timeline", "石平")
    assert told.returncode == 0 and "(key 石平, individual)" in told.stdout, told.stderr
    status, headers, _ = site.get("/search?q=" + quote("石平"))
    assert (status, headers.get("location")) == (303, f"entity/{quote('石平')}")
    csv = root / "found.csv"
    csv.write_text("name\n石平\n", encoding="utf-8")
    report = json.loads(cli(db_url, "screen", str(csv), "--json").stdout)
    assert report["matched"] == 1 and not any("too short" in w for w in report.get("warnings", []))


def test_three_letters_are_matched_closely_as_before(served) -> None:
    """The minimum is no more than it must be: a name of 3 letters is looked up closely (no "too short")."""
    db_url, site, _ = served
    told = cli(db_url, "timeline", "abc")
    assert told.returncode == 2 and "too short" not in told.stderr
    status, _, body = site.get("/search?q=abc")
    assert status == 404 and "too short" not in body.decode()
