"""Watchlist files (CSV, TOML) and how entities match them."""

from __future__ import annotations

import pytest

from storage.records import EntityRecord
from storage.watchlist import (
    EXACT,
    FUZZY,
    FUZZY_THRESHOLD,
    NORMALISED,
    Counterparty,
    Watchlist,
    WatchlistError,
    fuzzy_score,
    load_watchlist,
)

SKYDIO = EntityRecord(zh="斯凯迪奥公司", en="Skydio Inc.", country="US", key="skydio")
TCOM = EntityRecord(zh=None, en="TCOM,\u200cLimited Partnership", key="tcom")
KRATOS = EntityRecord(zh="克拉托斯无人机系统公司", en="Kratos Unmanned Aerial Systems,Inc.", key="kratosunmannedaerialsystems")


def wl(*names: str, aliases: tuple[str, ...] = ()) -> Watchlist:
    return Watchlist(tuple(Counterparty(n, aliases=aliases if i == 0 else ()) for i, n in enumerate(names)))


def test_exact_match_on_either_language():
    m = wl("Skydio Inc.").match(SKYDIO)
    assert (m.method, m.score, m.matched_name, m.entity_name) == (EXACT, 100.0, "Skydio Inc.", "Skydio Inc.")
    m = wl("斯凯迪奥公司").match(SKYDIO)
    assert m.method == EXACT and m.entity_name == "斯凯迪奥公司"


def test_normalised_match_ignores_case_width_punctuation_suffixes_and_invisibles():
    assert wl("SKYDIO, INC").match(SKYDIO).method == NORMALISED
    assert wl("ｓｋｙｄｉｏ　ｉｎｃ．").match(SKYDIO).method == NORMALISED  # full width
    assert wl("斯凯迪奥").match(SKYDIO).method == NORMALISED  # 公司 dropped
    m = wl("TCOM Limited Partnership").match(TCOM)
    assert m.method == NORMALISED and m.counterparty == "TCOM Limited Partnership"


def test_fuzzy_match_reports_score_and_respects_threshold():
    m = wl("Kratos Unmaned Aerial System").match(KRATOS)  # two typos
    assert m is not None and m.method == FUZZY and 90 <= m.score < 100
    assert wl("Kratos Defense").match(KRATOS) is None
    assert Watchlist((Counterparty("Kratos Unmaned Aerial System"),), threshold=99).match(KRATOS) is None


def test_short_names_never_match_fuzzily():
    short = EntityRecord(zh=None, en="ABC Ltd", key="abc")
    assert wl("ABD Ltd").match(short) is None
    assert wl("abc limited").match(short).method == NORMALISED


def test_aliases_match_and_report_the_counterparty():
    m = wl("Our drone supplier", aliases=("Skydio",)).match(SKYDIO)
    assert (m.counterparty, m.matched_name, m.method) == ("Our drone supplier", "Skydio", NORMALISED)


def test_no_match():
    assert wl("Huawei Technologies Co., Ltd.").match(SKYDIO) is None


def test_load_csv_with_header_note_aliases_and_comments(tmp_path):
    path = tmp_path / "wl.csv"
    path.write_text("name,note,aliases\n# a comment\nSkydio Inc.,drone parts,斯凯迪奥;Skydio\n\n英西图,,\n",
                    encoding="utf-8-sig")
    w = load_watchlist(path)
    assert [c.name for c in w.counterparties] == ["Skydio Inc.", "英西图"]
    assert w.counterparties[0].aliases == ("斯凯迪奥", "Skydio") and w.counterparties[0].note == "drone parts"
    assert w.match(SKYDIO).note == "drone parts"


def test_load_csv_without_header_in_gbk(tmp_path):
    path = tmp_path / "wl.csv"
    path.write_bytes("斯凯迪奥公司\nInsitu Inc\n".encode("gb18030"))
    w = load_watchlist(path)
    assert [c.name for c in w.counterparties] == ["斯凯迪奥公司", "Insitu Inc"]
    assert w.match(SKYDIO).method == EXACT


def test_load_csv_neither_utf8_nor_gb18030_names_the_file(tmp_path):
    path = tmp_path / "wl.csv"
    path.write_bytes(b"Skydio\xff\n")
    with pytest.raises(WatchlistError, match="wl.csv is neither UTF-8 nor GB18030"):
        load_watchlist(path)


def test_load_toml(tmp_path):
    path = tmp_path / "wl.toml"
    path.write_text('[[counterparty]]\nname = "Skydio"\naliases = ["斯凯迪奥"]\nnote = "supplier"\n'
                    '[[counterparty]]\nname = "Insitu"\n', encoding="utf-8")
    w = load_watchlist(path)
    assert len(w) == 2 and w.counterparties[0] == Counterparty("Skydio", ("斯凯迪奥",), "supplier")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.toml", "[[counterparty]]\nname = 3\n", "'name' must be a non-empty string"),
        ("a.toml", "[[counterparty]]\nname = \"x\"\nalias = []\n", "unknown key(s) alias"),
        ("a.toml", "counterparty = [", "not valid TOML"),
        ("a.toml", "[other]\n", "unknown key(s) other"),
        ("a.csv", "name,note\n", "names no counterparty"),
        ("a.csv", "x,y,z,w\n", "expected name[,note[,aliases]]"),
        ("a.csv", ",note\n", "empty name"),
        ("a.json", "[]", "unknown file type"),
    ],
)
def test_bad_files_give_clear_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(WatchlistError, match=None) as info:
        load_watchlist(path)
    assert message in str(info.value) and str(path) in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(WatchlistError, match="cannot read watchlist"):
        load_watchlist(tmp_path / "nope.csv")


def test_binary_file(tmp_path):
    path = tmp_path / "wl.csv"
    path.write_bytes(b"\xff\xfe\x00\x81\xff" * 10)
    with pytest.raises(WatchlistError):
        load_watchlist(path)


@pytest.mark.parametrize("counterparty, entity", [
    ("Lockheed Martin UK", "Lockheed Martin Corporation"),  # a word more: another company (here, abroad)
    ("General Dynamics UK", "General Dynamics"),
    ("Sarona Technologies", "Saronic Technologies, Inc."),  # only the shared generic word is alike
    ("Red Cat Technologies", "Red Cat Holdings, Inc."),  # same distinctive words, different generic ones
    ("Skydio Japan KK", "Skydio Inc."),
    ("洛克希德·马丁英国公司", "洛克希德·马丁公司"),
])
def test_near_misses_do_not_match(counterparty: str, entity: str) -> None:
    assert fuzzy_score(counterparty, entity) < FUZZY_THRESHOLD
    assert wl(counterparty).match(EntityRecord(zh=None, en=entity, key="x")) is None


@pytest.mark.parametrize("counterparty, entity", [
    ("Saronic Technology", "Saronic Technologies, Inc."),  # singular of a generic word
    ("Huntington Ingals Industries", "Huntington Ingalls Industries, Inc."),  # a typo
    ("Martin Lockheed", "Lockheed Martin Corporation"),  # word order
])
def test_close_variants_match_fuzzily(counterparty: str, entity: str) -> None:
    assert FUZZY_THRESHOLD <= fuzzy_score(counterparty, entity)
    m = wl(counterparty).match(EntityRecord(zh=None, en=entity, key="x"))
    assert m is not None and m.method == FUZZY


TECHINSIGHTS = EntityRecord(zh="TechInsights公司", en="TechInsights Inc.", country="CA", key="techinsights",
                            branches=("TechInsights Japan KK", "TechInsights Korea Ltd."))
ANDURIL = EntityRecord(zh="安杜里尔工业公司", en="Anduril Industries, Inc.", key="andurilindustries",
                       branches=("安杜里尔澳大利亚公司（Anduril Australia Pty Ltd）",))


@pytest.mark.parametrize("counterparty, entity, entity_name, method", [
    ("TechInsights Japan", TECHINSIGHTS, "TechInsights Japan KK", NORMALISED),  # MOFCOM's "-X" branch lines
    ("TechInsights Korea Ltd.", TECHINSIGHTS, "TechInsights Korea Ltd.", EXACT),
    ("Anduril Australia Pty Ltd", ANDURIL, "Anduril Australia Pty Ltd", EXACT),  # an MFA "X及其子公司：" member
    ("安杜里尔澳大利亚公司", ANDURIL, "安杜里尔澳大利亚公司", EXACT),
    ("Anduril Austrailia Pty Ltd", ANDURIL, "Anduril Australia Pty Ltd", FUZZY),
])
def test_a_branch_or_subsidiary_listed_under_an_entity_is_screened(counterparty, entity, entity_name, method):
    """A counterparty that is a listed entity's branch is hit by that listing (it used to match nothing)."""
    m = wl(counterparty).match(entity)
    assert m is not None and (m.entity_name, m.method) == (entity_name, method)


def test_the_entity_own_names_come_before_its_branches():
    m = wl("TechInsights Japan KK", "TechInsights").match(TECHINSIGHTS)
    assert (m.counterparty, m.method) == ("TechInsights", NORMALISED)
    assert wl("TechInsights China").match(TECHINSIGHTS) is None  # a branch not named is no match
