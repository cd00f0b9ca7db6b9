"""Session 47's MFA fixes through the CLI, in real processes into a real SQLite store (the decrees: tests/data/corpus/mfa46
and mfa47): a lift naming a listed person in traditional script ("陳建宏": an unresolved reference, the person left in force),
a suspension of one measure written in full (the whole listing suspended, silently; now held), Latin company names with
", Inc." in the decision's sentence (one listing of three), a Taiwan-region company among US ones (US), and the other states
screened by their names (格鲁吉亚, 黎巴嫩: no country)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.faults.harness import cli
from tests.faults.test_mfa46_decisions import page, rows

FETCHED = "2026-12-05T00:00:00+00:00"
AS_OF = "2033-12-31"


def replayed(tmp_path: Path, *pages: Path) -> str:
    tree = tmp_path / "site" / "texts"
    tree.mkdir(parents=True)
    for i, p in enumerate(pages):
        (tree / f"{i:02d}-{p.name}").write_bytes(p.read_bytes())
    db = f"sqlite:///{tmp_path / 'store.db'}"
    done = cli(db, "replay", str(tmp_path / "site"), "--fetched-at", FETCHED, "--as-of", AS_OF)
    assert done.code in (0, 1), done.out + done.err
    return db


def status(db: str, as_of: str = AS_OF) -> tuple[int, dict]:
    done = cli(db, "status", "--json", "--as-of", as_of)
    return done.code, json.loads(done.out)


def test_a_lift_naming_a_person_in_traditional_script_lifts_him(tmp_path: Path) -> None:
    db = replayed(tmp_path, page("mfa46", "06"), page("mfa47", "30"))
    code, state = status(db)
    assert state["unresolved_references"] == [] and code == 0, state["unresolved_references"]
    assert rows(state, "chenchienhung") == [("MFA-ORDER-2029-74", "lifted", "MFA-ORDER-2033-179")]
    assert rows(state, "huangshufen") == [("MFA-ORDER-2029-74", "in_force", "MFA-ORDER-2029-74")]


def test_a_suspension_of_one_measure_is_held_and_the_listing_stays_in_force(tmp_path: Path) -> None:
    db = replayed(tmp_path, page("mfa47", "01"), page("mfa47", "17"))
    code, state = status(db)
    assert code == 1  # a page held for a person: loud
    assert rows(state, "morningstardirectedenergy") == [("MFA-ORDER-2032-151", "in_force", "MFA-ORDER-2032-151")]
    held = cli(db, "review")
    assert "no state per measure" in held.out, held.out


def screened(db: str, tmp_path: Path, rows: str) -> tuple[int, str, list[tuple[str, str | None, list[tuple[str, str]]]]]:
    """``screen --json`` of a CSV of ``rows``: exit code, stderr, and per row its name, its country read, and its hits
    (entity key, the entity's country)."""
    csv = tmp_path / "rows.csv"
    csv.write_text("name,country\n" + rows, encoding="utf-8")
    done = cli(db, "screen", str(csv), "--as-of", AS_OF, "--json")
    out = json.loads(done.out)
    return done.code, done.err, [(r["query"]["name"], r["query"].get("country"),
                                  [(h["entity_key"], h["entity_country"]) for h in r["hits"]]) for r in out["results"]]


def test_latin_companies_with_legal_forms_are_three_listings_and_taiwan_is_taiwan(tmp_path: Path) -> None:
    db = replayed(tmp_path, page("mfa47", "21"), page("mfa47", "10"))
    code, state = status(db)
    assert code == 0, state
    assert {k for r in state["listings"] if r["notice_key"] == "MFA-ORDER-2033-170" for k in r["entity_keys"]} == {
        "ironcladdefensesystems", "harborlightavionics", "cobaltridgeaerospace"}
    code, _, rows = screened(db, tmp_path, "\"Cobalt Ridge Aerospace, LLC\",US\n\"Strait UAV Co., Ltd.\",\n")
    assert code == 1
    assert rows == [("Cobalt Ridge Aerospace, LLC", "US", [("cobaltridgeaerospace", "US")]),
                    ("Strait UAV Co., Ltd.", None, [("straituav", "TW")])]


def test_the_other_states_are_countries_in_the_store_and_in_screening(tmp_path: Path) -> None:
    """A row's country "格鲁吉亚" or "Lebanon" was no country ("not one this tool reads"); the annex's 国籍 cells gave none."""
    db = replayed(tmp_path, page("mfa47", "26"))
    code, err, rows = screened(db, tmp_path, "Davit Lomidze,格鲁吉亚\nKarim Nasrallah,Lebanon\nEldar Mammadov,AZE\n")
    assert code == 1 and "not one this tool reads" not in err, err
    assert rows == [("Davit Lomidze", "GE", [("davitlomidze", "GE")]), ("Karim Nasrallah", "LB", [("karimnasrallah", "LB")]),
                    ("Eldar Mammadov", "AZ", [("eldarmammadov", "AZ")])]
