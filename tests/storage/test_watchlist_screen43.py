"""Screening: session 43 (screen43), the twelfth blind round (/work/s43/screen43-cases/): a vendor master's flag written
into the name ("DO NOT USE - Skydio Inc.", "*BLOCKED* Shield AI Inc") is no part of it; "+" for "&" ("Gibbs+Cox");
and the first step of screen41's one structure: every name of a cell is a ``Name`` of one kind, decided once. Pure."""

from __future__ import annotations

import pytest

from storage.records import EntityRecord
from storage.watchlist import COMPANY, PERSON, UNKNOWN, Counterparty, Watchlist, cell_names, cell_parts

SKYDIO = EntityRecord(zh="斯凯迪奥公司", en="Skydio Inc.", country="US", key="skydio")
SHIELD = EntityRecord(zh="护盾人工智能公司", en="Shield AI,Inc.", country="US", key="shieldai")
ANDURIL = EntityRecord(zh="安杜里尔公司", en="Anduril Industries", country="US", key="andurilindustries")
GIBBS = EntityRecord(zh="吉布斯和考克斯公司", en="Gibbs&Cox, Inc.", country="US", key="gibbsandcox")
LEIDOS = EntityRecord(zh="莱多斯公司", en="Leidos", country="US", key="leidos")
ADAM = EntityRecord(zh="亚当·布赖", en="Adam Bry", country="US", key="adambry", type="individual")


def hit(cell: str, entity: EntityRecord):
    return Watchlist((Counterparty(cell),)).match(entity)


@pytest.mark.parametrize(("cell", "entity", "flag"), [
    ("DO NOT USE - Skydio Inc.", SKYDIO, "DO NOT USE"), ("*BLOCKED* Shield AI Inc", SHIELD, "BLOCKED"),
    ("Anduril Industries OBSOLETE", ANDURIL, "OBSOLETE"), ("Skydio Inc. - do not use", SKYDIO, "do not use"),
    ("INACTIVE: Leidos", LEIDOS, "INACTIVE"), ("** Do not use ** Skydio, Inc.", SKYDIO, "Do not use"),
    ("BLOCKED - SKYDIO INC", SKYDIO, "BLOCKED"),
])
def test_a_vendor_flag_in_the_name_is_no_part_of_it(cell: str, entity: EntityRecord, flag: str) -> None:
    """It was a possible match only: "a listed name inside this one: “skydio” with “do not use”" (screen43)."""
    m = hit(cell, entity)
    assert m is not None and m.method in ("exact", "normalised"), (cell, m)
    assert m.reason is not None and f"without the vendor flag “{flag}”" in m.reason


@pytest.mark.parametrize("cell", ["Blocked Drain Services Ltd", "BLOCKED DRAIN SERVICES LTD", "Inactive Minerals Inc",
                                  "Dormant Capital LLC", "Obsolete Parts Co"])
def test_a_flag_word_that_is_part_of_a_name_stays(cell: str) -> None:
    assert [n.text for n in cell_names(cell)] == [cell]


@pytest.mark.parametrize("cell", ["Gibbs+Cox", "Gibbs + Cox, Inc.", "GIBBS+COX INC"])
def test_plus_for_ampersand_hits(cell: str) -> None:
    """"Gibbs+Cox" got nothing for Gibbs&Cox, Inc. (screen42's B)."""
    m = hit(cell, GIBBS)
    assert m is not None and m.method == "normalised" and "with “&” for “+”" in (m.reason or ""), (cell, m)


@pytest.mark.parametrize("cell", ["A+E Networks", "Canal+ Group", "C++ Labs"])
def test_a_plus_of_a_brand_is_left(cell: str) -> None:
    assert len(cell_names(cell)) <= 1


def test_every_name_of_a_cell_has_one_kind() -> None:
    """screen41's plan, step 1: cell_parts' names with a kind each, decided by name_kind once; a person's hits people
    only (as person_only(how) decided in Watchlist before)."""
    names = cell_names("Adam Bry, Skydio")
    assert [(n.text, n.how) for n in names] == list(cell_parts("Adam Bry, Skydio"))
    assert {n.text: n.kind for n in names} == {"Adam Bry, Skydio": UNKNOWN, "Adam Bry": PERSON, "Skydio": UNKNOWN}
    assert {n.text: n.kind for n in cell_names("Skydio Inc.; Leidos")} == {
        "Skydio Inc.; Leidos": UNKNOWN, "Skydio Inc.": COMPANY, "Leidos": UNKNOWN}
    assert hit("Adam Bry, Skydio", ADAM) is not None and hit("Adam Bry, Skydio", SKYDIO) is not None
    person_only = Watchlist((Counterparty("Chief Executive Officer Adam Bry"),))
    assert person_only.match(ADAM) is not None
    assert person_only.match(EntityRecord(zh=None, en="Adam Bry", country="US", key="adambryco")) is None


SIERRA = EntityRecord(zh="内华达山脉公司", en="Sierra Nevada Corporation", country="US", key="sierranevada")


@pytest.mark.parametrize(("cell", "entity"), [
    ("Anduril Industries, 1400 Anduril, Costa Mesa, CA 92626", ANDURIL),
    ("Sierra Nevada, 444 Salomon Circle, Sparks, NV 89434", SIERRA),
    ("Leidos, 1750 Presidents St., Reston, VA 20190", LEIDOS),
])
def test_a_name_without_a_legal_form_before_an_address_hits(cell: str, entity: EntityRecord) -> None:
    """It was read as a person's name before a comma and a company (hitting people only): possible only, while
    "Skydio Inc., 3000 Clearview Way, …" hit (screen42's B)."""
    m = hit(cell, entity)
    assert m is not None and m.method in ("exact", "normalised"), (cell, m)
    assert "by its name before “" in (m.reason or "")
    assert next(n.kind for n in cell_names(cell) if n.text == cell.split(",")[0]) == UNKNOWN


@pytest.mark.parametrize("cell", ["ACT 10 Federal, 100 Main St, Springfield", "Foo, 3 Sons", "Red 6 Solutions, Inc."])
def test_a_number_that_is_no_address_cuts_nothing_new(cell: str) -> None:
    assert all(n.text not in ("ACT", "Foo", "Red") for n in cell_names(cell))


@pytest.mark.parametrize("cell", ["Anduril Industries, Acme", "Anduril Industries, Costa Mesa"])
def test_a_company_word_makes_no_person_of_a_name_before_a_comma(cell: str) -> None:
    """screen41's plan, step 2: the text has its say in the kind. "Anduril Industries" before a comma was a person's name
    to the cutting rule (PART_PERSON), hitting people only: a possible match at most (screen43)."""
    m = hit(cell, ANDURIL)
    assert m is not None and m.method == "exact" and m.reason == "by its name before the comma: “Anduril Industries”"
    assert {n.text: n.kind for n in cell_names(cell)}["Anduril Industries"] == UNKNOWN


def test_a_person_before_a_comma_stays_a_person() -> None:
    assert {n.text: n.kind for n in cell_names("Adam Bry, Skydio")}["Adam Bry"] == PERSON
    assert hit("Adam Bry, Skydio", EntityRecord(zh=None, en="Adam Bry", country="US", key="adambryco")) is None
