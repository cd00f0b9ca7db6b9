"""A person lifted by one MFA decree and named again by a later decree lifting more (mfa44's B, session 45: quiet45).

tests/data/stories-quiet45: ``first/`` holds MFA order 2024 No. 13 (2 companies, 2 executives; mfa20's S01) and order
2026 No. 50 of 03-02 stopping the measures on Tom Moss alone; ``second/`` holds order 2026 No. 55 of 06-15 stopping them on
"亚当·布赖（Adam Bry）、汤姆·莫斯（Tom Moss）等2名高级管理人员", Tom Moss named again. The decrees are written for this test in the
MFA's wording (domain.md b.7; no public MFA decision lifts an earlier one): numbers and days illustrative.

Before: No. 55 gave Tom Moss a second "Lifted" item (…/lifted/countermeasure/2026-06-15/tommoss) and his row said
"lifted since 2026-06-15 by MFA-ORDER-2026-55": silent, and misleading to a reader asking since when he is free. Now a
person lifted once stays lifted since the first lift: No. 55 gives no item for him, his row keeps 03-02 and No. 50, a
line of history and a note say No. 55 named him, and his one "Lifted" item cites No. 55 too (its provenance; the
words are the same, so a store that had the item is refreshed in place, no correction). Adam Bry is lifted by No. 55
as before. Real ``replay`` processes into real SQLite files, read back with ``status``, ``feeds``, ``timeline``.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests import zygote
from tests.mofcom_watch.stories import REPO, TAG, Store, ids, replayed, row, state

DATA = REPO / "tests" / "data" / "stories-quiet45"
FETCHED = "2026-11-29T00:00:00+00:00"
FINAL = "2026-11-29"
FIRST_LIFT = f"{TAG}MFA-ORDER-2024-13/lifted/countermeasure/2026-03-02/tommoss"
SECOND_LIFT = f"{TAG}MFA-ORDER-2024-13/lifted/countermeasure/2026-06-15"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("quiet45-together"), DATA, FETCHED)


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, set[str]]:
    """The decrees stored as they came: ``first/`` replayed and published as of 04-01, then ``second/`` (its own process),
    published as of FINAL. Gives the store and the ids published on 04-01."""
    one = replayed(tmp_path_factory.mktemp("quiet45-later"), DATA / "first", FETCHED)
    published = ids(one.items("2026-04-01", "entity/tommoss"))
    done = subprocess.run(zygote.command("--db", one.db, "replay", str(DATA / "second"), "--fetched-at", FETCHED),
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    return Store(one.db, one.folder), published


def cited(item: dict[str, Any]) -> list[str]:
    """The notice keys an item's "Sources" list names, in order."""
    sources = item["content_html"].split("<strong>Sources</strong>", 1)[1]
    return re.findall(r"\[([A-Z0-9-]+)\]<br/>", sources)


def test_lifted_once_stays_lifted_since_the_first_lift(store: Store) -> None:
    assert state(store, FINAL, "MFA-ORDER-2024-13", "tommoss") == ("lifted", "2026-03-02", None)
    moss = row(store, FINAL, "MFA-ORDER-2024-13", "tommoss")
    assert moss["by"] == "MFA-ORDER-2026-50", moss
    assert moss["history"][-1] == ("2026-06-15 lifted again (MFA-ORDER-2026-55): lifted since 2026-03-02 "
                                   "(MFA-ORDER-2026-50), which stands"), moss["history"]
    bry = row(store, FINAL, "MFA-ORDER-2024-13", "adambry")
    assert (bry["state"], bry["since"], bry["by"]) == ("lifted", "2026-06-15", "MFA-ORDER-2026-55"), bry
    assert state(store, FINAL, "MFA-ORDER-2024-13", "skydio") == ("in_force", "2024-10-10", None)
    assert store.notes(FINAL) == [
        "MFA-ORDER-2026-55: lifts tommoss on MFA-ORDER-2024-13 from 2026-06-15, lifted since 2026-03-02 by "
        "MFA-ORDER-2026-50: it stays so since then (no second item; that item cites MFA-ORDER-2026-55 too)"]
    assert store.status(FINAL)["__problems__"] == []


def test_one_lifted_item_citing_both_decrees(store: Store) -> None:
    moss = {i["id"]: i for i in store.items(FINAL, "entity/tommoss")}
    assert [i for i in moss if "/lifted/" in i] == [FIRST_LIFT], sorted(moss)
    assert cited(moss[FIRST_LIFT]) == ["MFA-ORDER-2026-50", "MFA-ORDER-2024-13", "MFA-ORDER-2026-55"], moss[FIRST_LIFT]
    assert f"{SECOND_LIFT}/adambry" in ids(store.items(FINAL, "entity/adambry"))
    every = {i["id"]: i for i in store.items(FINAL)}  # the notice items: No. 55's names Adam Bry alone
    assert "Tom Moss" not in every[SECOND_LIFT]["title"], every[SECOND_LIFT]["title"]
    assert "Adam Bry" in every[SECOND_LIFT]["title"], every[SECOND_LIFT]["title"]
    (on,) = store.timeline("Tom Moss", FINAL)["listings"]
    assert (on["state"]["state"], on["state"]["since"], on["state"]["by"]) == ("lifted", "2026-03-02", "MFA-ORDER-2026-50")
    lifts = [(e["id"], [p["notice_key"] for p in e["provenance"]]) for e in on["events"] if e["kind"] == "lifted"]
    assert lifts == [(FIRST_LIFT, ["MFA-ORDER-2026-50", "MFA-ORDER-2024-13", "MFA-ORDER-2026-55"])], lifts


def test_the_later_decree_refreshes_the_item_it_cites(later: tuple[Store, set[str]]) -> None:
    store, published = later
    assert FIRST_LIFT in published
    items = {i["id"]: i for i in store.items(FINAL)}
    assert not [i for i in items if "/correction/" in i], sorted(i for i in items if "/correction/" in i)
    assert SECOND_LIFT in items and f"{SECOND_LIFT}/adambry" in ids(store.items(FINAL, "entity/adambry"))
    moss = {i["id"]: i for i in store.items(FINAL, "entity/tommoss")}
    assert [i for i in moss if "/lifted/" in i or "/correction/" in i] == [FIRST_LIFT], sorted(moss)
    assert cited(moss[FIRST_LIFT]) == ["MFA-ORDER-2026-50", "MFA-ORDER-2024-13", "MFA-ORDER-2026-55"], moss[FIRST_LIFT]
    assert moss[FIRST_LIFT]["date_modified"] == moss[FIRST_LIFT]["date_published"], moss[FIRST_LIFT]
    assert state(store, FINAL, "MFA-ORDER-2024-13", "tommoss") == ("lifted", "2026-03-02", None)


def test_story_folder_is_what_the_module_says() -> None:
    assert sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.txt")) == [
        "first/s01-mfa-order-2024-13.txt", "first/s02-mfa-order-2026-50-lift-one-person.txt",
        "second/s03-mfa-order-2026-55-lift-both-persons.txt"]
    assert isinstance(DATA, Path)
