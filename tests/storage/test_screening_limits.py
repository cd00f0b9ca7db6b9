"""Screening under hostile and large input (session 33, api33): a junk cell of hundreds of "d/b/a" or ";" names
held a core for seconds per row (screen33: ~700 names of one 10,000-character cell, each matched against every
entity). A cell is matched by its first ``MAX_CELL_PARTS`` names, and a cell beyond it says so, never silently; the
API leaves out a name over its length limit, saying so, and screens the rest. Pure."""

from __future__ import annotations

import pytest

from storage.records import EntityRecord
from storage.screening import ScreenInputError, cell_warnings, json_queries, long_name_warnings, make_query
from storage.watchlist import MAX_CELL_PARTS, Counterparty, Watchlist, cell_cut, cell_parts

SKYDIO = EntityRecord(zh="斯凯迪奥公司", en="Skydio Inc.", country="US", key="skydio")


def junk(skydio_at: int, names: int = 30) -> str:
    """A cell of ``names`` names joined by ";", Skydio Inc. the ``skydio_at``-th (1-based)."""
    return "; ".join("Skydio Inc." if i == skydio_at else f"Filler{i} Trading Ltd" for i in range(1, names + 1))


def test_a_cell_is_matched_by_its_first_names_only() -> None:
    assert len(cell_parts(junk(5))) == 31  # the cell itself, then its 30 names
    early = Watchlist((Counterparty(junk(5), country="US"),)).match(SKYDIO)
    assert early is not None and early.part == "by one of the cell's names: “Skydio Inc.”"
    # the 25th name is past the first 20 parts: not screened (and said, below), not seconds of a core
    assert Watchlist((Counterparty(junk(25), country="US"),)).match(SKYDIO) is None


def test_a_cell_cut_says_so_and_a_real_cell_says_nothing() -> None:
    line = cell_cut(junk(25), where="vendors.csv:7")
    assert line is not None and line.startswith("vendors.csv:7: the name splits into 31 names")
    assert f"screened by its first {MAX_CELL_PARTS} only" in line and "the other 11 were not screened" in line
    for cell in ("Skydio Inc. / 斯凯迪奥公司", "Anduril Industries, Inc. d/b/a Anduril", junk(5, names=MAX_CELL_PARTS - 1)):
        assert cell_cut(cell, where="x") is None  # the longest real cells split into 6 (screen17's corpus)
    q = make_query(7, junk(25), "US", where="vendors.csv:7")
    assert q.cut_note == f"screened by its first {MAX_CELL_PARTS} of 31 names: the others not screened"
    assert cell_warnings((q, make_query(8, "Skydio Inc.", None, where="x")), source="vendors.csv") == [line]
    assert make_query(8, "Skydio Inc.", None, where="x").cut_note is None


def test_the_api_leaves_out_a_name_over_its_limit_and_screens_the_rest() -> None:
    refused: list[int] = []
    data = {"counterparties": [{"name": "x" * 501}, {"name": "Skydio Inc."}, {"name": "  y" * 166}]}
    queries = json_queries(data, max_name=500, refused=refused)
    assert [(q.line, q.name) for q in queries] == [(2, "Skydio Inc."), (3, "y  " * 165 + "y")]
    assert refused == [1]
    assert long_name_warnings(refused, 500) == [
        "counterparty #1: a name over 500 characters (no ERP cell is so long: the longest of screen17's corpus is "
        "83): not screened; `mofcom-watch screen FILE.csv` screens it by its first names"]
    with pytest.raises(ScreenInputError, match="every name is over 500 characters"):
        json_queries({"counterparties": [{"name": "x" * 501}]}, max_name=500, refused=[])
    assert len(json_queries(data)) == 3  # the command's own rows: no limit (a cell is cut at its names instead)


def test_the_csv_notes_a_cell_cut_and_the_json_keeps_it_on_the_query() -> None:
    from mofcom_watch.commands.screen_cmd import rows
    from storage.screening import Screened

    cut = Screened(make_query(7, junk(25), "US", where="vendors.csv:7"), ())
    [row] = rows([cut])
    assert row["match"] == "none" and row["note"] == f"screened by its first {MAX_CELL_PARTS} of 31 names: the others not screened"
    assert cut.to_json()["query"]["cut_note"] == row["note"]
    assert "cut_note" not in Screened(make_query(8, "Skydio Inc.", None, where="x"), ()).to_json()["query"]


def test_a_watchlist_cell_cut_is_a_warning_line(tmp_path) -> None:
    from storage.watchlist import load_watchlist

    f = tmp_path / "watch.csv"
    f.write_text(f'"{junk(25)}"\nSkydio Inc.\n', encoding="utf-8")
    wl = load_watchlist(f)
    assert len(wl.warnings) == 1 and wl.warnings[0].startswith(f"{f}: counterparty #1 (")
    assert "the name splits into 31 names" in wl.warnings[0]
    assert wl.match(SKYDIO) is not None  # by the second row; the first's 25th name is not screened
