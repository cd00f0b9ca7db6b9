"""`screen` reads a CSV's columns by its header row (user46's B, session 47): the watchlist's own format,
``name,note,aliases`` (docs/feeds.md), given to `screen`. Was: read by position, each note was taken for a country (a
warning a row, "country 'drone supplier' is not one this tool reads … screened by the name alone"), a row with aliases
refused ("expected name[,country], got 3 columns"), and no alias screened. Now, under a header row, each column is read
by what it heads (country, company, note, aliases, in any order), a header it does not know said in a warning (its
cells not screened); without a header, by position as before. Real `screen` processes on the replayed fixtures."""

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
    return read_whole(copy_of(replayed, tmp_path_factory.mktemp("screen-header") / "db.sqlite"))


def screen(db_url: str, tmp_path: Path, text: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    f = tmp_path / "list.csv"
    f.write_text(text, encoding="utf-8")
    done = subprocess.run(zygote.command("--db", db_url, "screen", str(f), "--as-of", AS_OF, "--json"),
                          capture_output=True, text=True, timeout=120)
    return done, (json.loads(done.stdout) if done.stdout else {})


def answers(report: dict) -> list[tuple[str, str | None, list[str], list[str]]]:
    return [(r["query"]["name"], r["query"]["country"], r["query"].get("aliases", []),
             sorted({h["entity_key"] for h in r["hits"]})) for r in report["results"]]


def test_the_watchlist_format_is_read_by_its_header(db_url: str, tmp_path: Path) -> None:
    done, report = screen(db_url, tmp_path, "name,note,aliases\nSkydio Inc.,drone supplier,\n"
                          "Northwind Optics Ltd,partial,斯凯迪奥;Skydio\n英斯图公司,,\nNobody Trading Ltd,US,\n")
    assert done.returncode == 1, done.stderr  # hits
    assert "warning" not in done.stderr, done.stderr  # no note read as a country
    assert answers(report) == [("Skydio Inc.", None, [], ["skydio"]),
                               ("Northwind Optics Ltd", None, ["斯凯迪奥", "Skydio"], ["skydio"]),  # by its aliases
                               ("英斯图公司", None, [], ["insitu"]),
                               ("Nobody Trading Ltd", None, [], [])]  # "US" under note: a note, not a country
    assert "warnings" not in report


def test_columns_go_by_their_header_in_any_order_and_an_unknown_one_is_said(db_url: str, tmp_path: Path) -> None:
    done, report = screen(db_url, tmp_path, "Name,Aliases,Owner,Country\nNorthwind Optics Ltd,Skydio,jane,US\n"
                          "Huntington Ingals Industries,,bob,GB\n")
    assert answers(report) == [("Northwind Optics Ltd", "US", ["Skydio"], ["skydio"]),
                               ("Huntington Ingals Industries", "GB", [], [])]  # the fuzzy hit abroad dropped, as before
    said = f"{tmp_path / 'list.csv'}:1: column 3 'Owner' of the header row is not one screen reads (name, country, " \
           "company, note, aliases): its cells are not screened"
    assert f"mofcom-watch screen: warning: {said}" in done.stderr and said in report["warnings"], done.stderr


def test_without_a_header_columns_go_by_position_as_before(db_url: str, tmp_path: Path) -> None:
    _, report = screen(db_url, tmp_path, "Skydio Inc.,US\nHuntington Ingals Industries,USA\n")
    assert answers(report) == [("Skydio Inc.", "US", [], ["skydio"]),
                               ("Huntington Ingals Industries", "US", [], ["huntingtoningallsindustries"])]
    done, _ = screen(db_url, tmp_path, "Skydio Inc.,drone supplier,斯凯迪奥\n")  # the watchlist's format, no header
    assert done.returncode == 2 and "expected name[,country], got 3 columns" in done.stderr, done.stderr
    _, report = screen(db_url, tmp_path, "name\nSkydio Inc.,US\n")  # a header naming the names alone: by position
    assert answers(report) == [("Skydio Inc.", "US", [], ["skydio"])]


def test_a_second_column_under_a_header_it_does_not_know_is_the_country_by_its_place(db_url: str, tmp_path: Path) -> None:
    """SAP's "Name 1|Cty" (screen38) and "Name,Ctry": read as name,country, as before, and said."""
    done, report = screen(db_url, tmp_path, "Name,Ctry\nHuntington Ingals Industries,GB\nSkydio Inc.,US\n")
    assert answers(report) == [("Huntington Ingals Industries", "GB", [], []), ("Skydio Inc.", "US", [], ["skydio"])]
    said = f"{tmp_path / 'list.csv'}:1: column 2 'Ctry' of the header row is not one screen reads by its name " \
           "(country, company, note, aliases): read as the country, by its place (name,country)"
    assert said in report["warnings"] and said in done.stderr, done.stderr
