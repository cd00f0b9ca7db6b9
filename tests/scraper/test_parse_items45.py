"""items45 (session 45): a notice whose numbered items list different entities on different lists.

"商务部决定：一、将A（a）列入出口管制管控名单…。二、将B（b）列入出口管制关注名单…" was read with item 一's names alone, and
both listings took them: A on both lists (a false watch-list item), B on none, silently (audit45/34). Now each item's
listing takes its own names (``rules.named.item_listings``, ``rules.record.item_lists``); the same entities on both
lists (by "上述2家实体" or named twice) read as before; items whose names cannot be read item by item are held for a
person (``rules.checks.unread_listing_item``). The texts are the round's corpus cases (tests/data/corpus/items45/);
two are replayed into a real store, whose ``status --json`` shows each company on its own list only.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mofcom_watch.cli import app
from scraper.parse import parse_document
from storage.records import ActionKind, DocumentKind, UnusablePage

CASES = Path(__file__).parents[1] / "data" / "corpus" / "items45"
A, B, C, D = "northwindpropulsion", "southridgephotonics", "bluebayradarsystems", "anvilavionics"


def _case(stem: str) -> Path:
    return next(p for p in CASES.iterdir() if p.name.startswith(stem) and p.suffix == ".txt")


def _text(stem: str) -> str:
    return _case(stem).read_text(encoding="utf-8")


def _listed(text: str) -> dict[str, set[str]]:
    """Each list's listing (no targets): the entities it reaches (its own, else every entity of the notice)."""
    doc = parse_document(text.encode("utf-8"))
    assert doc.kind == DocumentKind.NOTICE and doc.notice is not None
    every = {e.key for e in doc.notice.entities}
    out: dict[str, set[str]] = {}
    for a in doc.notice.actions:
        if a.action is ActionKind.IMPOSE and not a.targets and a.list is not None:
            out.setdefault(a.list.value, set()).update(a.entities or every)
    return out


def _removed(text: str) -> dict[str, set[str]]:
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    every = {e.key for e in doc.notice.entities}
    return {a.list.value: set(a.entities or every) for a in doc.notice.actions
            if a.action is ActionKind.REMOVE and not a.targets and a.list is not None}


@pytest.mark.parametrize(("stem", "want"), [
    ("01-", {"ecl": {A}, "watch": {B}}),
    ("02-", {"ecl": {A}, "watch": {B}}),  # （一）（二）
    ("03-", {"watch": {A, B}, "ecl": {C, D}}),
    ("04-", {"uel": {A, B}, "ecl": {C}}),
    ("09-", {"ecl": {A, B}, "watch": {C, D}}),  # "2家美国实体" in each item
    ("10-", {"ecl": {A, C}, "watch": {B}}),  # three items, two on one list
    ("11-", {"ecl": {A, B}, "watch": {C}}),  # an item of measures after them: no names of its own
    ("13-", {"ecl": {A}, "watch": {B, C}}),
    ("14-", {"ecl": {A, B}}),  # two items on one list: both read
    ("15-", {"watch": {A}, "ecl": {B}}),  # the second a move
    ("16-", {"ecl": {A, B, C}, "watch": {D}}),  # "决定对…作如下调整：", the count the first item's
])
def test_each_item_lists_its_own_names_on_its_own_list(stem: str, want: dict[str, set[str]]) -> None:
    assert _listed(_text(stem)) == want


@pytest.mark.parametrize("stem", ["05-", "06-", "17-"])
def test_the_same_entities_on_both_lists_read_as_before(stem: str) -> None:
    """"将上述2家实体同时列入…关注名单", the same names in both items (UEL and ECL): every entity on both lists."""
    listed = _listed(_text(stem))
    assert len(listed) == 2 and len({frozenset(v) for v in listed.values()}) == 1, listed


def test_the_watch_lists_later_day_is_its_own() -> None:
    doc = parse_document(_text("13-").encode("utf-8"))
    assert doc.notice is not None
    assert [(a.list.value if a.list else None, a.effective, sorted(a.entities)) for a in doc.notice.actions] == [
        ("ecl", "2027-05-13", [A]), ("watch", "2027-06-01", sorted([B, C]))]


def test_a_removal_item_beside_a_listing_item_removes_its_own() -> None:
    """The title "关于将有关实体列入…及移出关注名单的公告" names a removal too: the body's removal says whom (B), never A."""
    text = _text("07-")
    assert _listed(text) == {"ecl": {A}} and _removed(text) == {"watch": {B}}


def test_a_move_from_the_watch_list_by_its_full_name() -> None:
    """"将B从出口管制关注名单移至出口管制管控名单": off the watch list, on the ECL."""
    assert _removed(_text("15-")) == {"watch": {B}}


def test_a_removal_of_an_earlier_notices_entity_beside_a_listing_item() -> None:
    doc = parse_document(_text("12-").encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, [t.key for t in a.targets], sorted(a.entities) or None) for a in doc.notice.actions] == [
        ("remove", ["MOFCOM-2026-23"], [D]), ("impose", [], None)]
    assert [e.key for e in doc.notice.entities] == [B]


def test_items_of_names_on_lines_each_list_their_own() -> None:
    """"一、将以下2家美国实体列入出口管制管控名单：" over two name lines, "二、将以下1家美国实体列入出口管制关注名单：" over one: the
    second item's step was not read (its item not seen as decided past the first's name lines), so C went on the ECL and
    no watch listing was read, silently."""
    assert _listed(_text("08-")) == {"ecl": {A, B}, "watch": {C}}


@pytest.mark.parametrize("line", ["以上实体的相关情况，商务部将另行说明。", "附：北风推进公司简介"])
def test_a_listing_item_after_other_lines_is_held(line: str) -> None:
    """Item 二 after a line that is no name of item 一's: its listing is not read as decided, so item 一's list would take
    every name; held for a person (checks.unread_listing_item)."""
    name = "2. 南岭光电公司（South Ridge Photonics LLC）\n"
    text = _text("08-").replace(name, f"{name}{line}\n")
    with pytest.raises(UnusablePage) as raised:
        parse_document(text.encode("utf-8"))
    assert raised.value.reason == "needs-review"
    assert "a listing item not read" in str(raised.value)


def test_an_item_whose_names_cannot_be_read_is_held() -> None:
    """Item 二 names no one that can be read ("将有关实体列入…"): item 一's names would go on both lists; held."""
    text = _text("01-").replace("二、将南岭光电公司（South Ridge Photonics LLC）列入", "二、将有关单位列入")
    with pytest.raises(UnusablePage) as raised:
        parse_document(text.encode("utf-8"))
    assert raised.value.reason == "needs-review"
    assert "could not be read item by item" in str(raised.value)


@pytest.fixture
def _may_2027(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOFCOM_WATCH_TODAY", "2027-06-15")


@pytest.mark.usefixtures("_may_2027")
@pytest.mark.parametrize(("stem", "want"), [
    ("01-", [("ecl", [A]), ("watch", [B])]),
    ("04-", [("ecl", [C]), ("uel", sorted([A, B]))]),
])
def test_a_store_shows_each_company_on_its_own_list_only(tmp_path: Path, stem: str,
                                                         want: list[tuple[str, list[str]]]) -> None:
    """Replayed into a real SQLite store: ``status --json`` lists each company on its own list only (before: the first
    item's company on both lists, the second's on none)."""
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(_case(stem), folder / _case(stem).name)
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    replay = CliRunner().invoke(app, ["--db", db, "replay", str(folder), "--fetched-at", "2027-05-10T00:00:00+00:00"])
    assert replay.exit_code == 0, replay.output
    status = CliRunner().invoke(app, ["--db", db, "status", "--json", "--as-of", "2027-06-15"])
    assert status.exit_code == 0, status.output
    rows = json.loads(status.stdout)["listings"]
    assert sorted((r["list"], sorted(r["entity_keys"])) for r in rows) == want
    assert all(r["state"] == "in_force" for r in rows), rows
