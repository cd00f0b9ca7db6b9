"""Counterparty files as spreadsheets save them (screen37), read by `screen` and by a watchlist, as real processes:
Excel for Mac's "CSV (Macintosh)" ends lines with a carriage return alone (an internal error, exit 4, of `screen`
and of every publish of `feeds`/`run`/`serve` with such a watchlist); a sheet that once held more columns leaves
empty cells on every row ("Skydio Inc.,US,,": exit 2, "got 4 columns"); a cell over the csv module's limit (an
internal error) is exit 2 naming its line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests import zygote
from tests.conftest import copy_of, read_whole

AS_OF = "2026-11-30"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory, replayed) -> str:
    return read_whole(copy_of(replayed, tmp_path_factory.mktemp("screen37-csv") / "db.sqlite"))


def run(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(zygote.command("--db", db_url, *args), capture_output=True, text=True, timeout=180)


def screened(db_url: str, path: Path) -> list[tuple[str, str | None, list[str]]]:
    done = run(db_url, "screen", str(path), "--as-of", AS_OF, "--json")
    assert done.returncode == 1, done.stderr  # Skydio hits
    return [(r["query"]["name"], r["query"]["country"], sorted({h["entity_key"] for h in r["hits"]}))
            for r in json.loads(done.stdout)["results"]]


ROWS = [("Skydio Inc.", "US", ["skydio"]), ("Lockheed Martin Corporation", "US", ["lockheedmartin"]),
        ("Nobody Widgets GmbH", "DE", [])]


def test_carriage_returns_alone_end_lines_as_excel_for_mac_writes_them(db_url: str, tmp_path: Path) -> None:
    f = tmp_path / "mac.csv"
    f.write_bytes(b"name,country\r" + b"".join(f"{n},{c}\r".encode() for n, c, _ in ROWS)
                  + b'"Skydio Inc.\rAttn: Accounts Payable",US\r')  # a line break inside quotes stays the cell's
    assert screened(db_url, f) == [*ROWS, ("Skydio Inc.\rAttn: Accounts Payable", "US", ["skydio"])]


def test_empty_cells_after_the_columns_are_no_columns(db_url: str, tmp_path: Path) -> None:
    f = tmp_path / "wide.csv"
    f.write_text("Name,Country,,\r\n" + "".join(f"{n},{c},,\r\n" for n, c, _ in ROWS) + ",,,\r\n", encoding="utf-8")
    assert screened(db_url, f) == ROWS
    f.write_text("Name,Country\r\nSkydio Inc.,US,10023\r\n", encoding="utf-8")  # a cell there is still refused
    done = run(db_url, "screen", str(f))
    assert done.returncode == 2 and f"{f}:2: expected name[,country], got 3 columns" in done.stderr, done.stderr


def test_a_cell_over_the_csv_field_limit_is_bad_input_naming_its_line(db_url: str, tmp_path: Path) -> None:
    f = tmp_path / "junk.csv"
    f.write_text('name,country\nSkydio Inc.,US\n"' + "x" * 200_000 + '",US\n', encoding="utf-8")
    done = run(db_url, "screen", str(f))
    assert done.returncode == 2, done.stderr
    assert f"{f}:3: not readable as CSV (field larger than field limit" in done.stderr, done.stderr
    assert "internal error" not in done.stderr


def test_a_watchlist_saved_by_excel_for_mac_is_read_by_feeds(db_url: str, tmp_path: Path) -> None:
    wl = tmp_path / "watch.csv"
    wl.write_bytes(b"name,country\rSkydio Inc.,US\rNobody Widgets GmbH,DE\r")
    out = tmp_path / "feeds"
    done = run(db_url, "feeds", "--out", str(out), "--as-of", AS_OF, "--watchlist", str(wl),
               "--base-url", "http://127.0.0.1:8080/feeds/")
    assert done.returncode in (0, 1) and "internal error" not in done.stderr, done.stderr
    watch = (out / "watchlist.atom").read_text(encoding="utf-8")
    assert "Skydio Inc." in watch and "Nobody Widgets" not in watch
