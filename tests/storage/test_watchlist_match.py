"""Watchlist files (CSV, TOML) and how entities match them."""

from __future__ import annotations

import codecs

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
    decode_text,
    fuzzy_score,
    load_watchlist,
    own_names,
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


@pytest.mark.parametrize(("names", "encoding"), [
    ("斯凱迪奧公司,美國\n洛克希德·馬丁公司\n", "big5"),  # Excel in a Taiwanese or Hong Kong locale
    ("三菱重工業株式会社,日本\nスバル株式会社\n東芝\n", "cp932"),  # Excel in a Japanese locale
])
def test_a_file_in_another_encoding_is_refused_not_read_as_gbk(tmp_path, names, encoding):
    """cli30: GB18030 decodes almost any bytes, so a Big5 or Shift_JIS file was read as garbled names ("三菱重工業株式
    会社" as "嶰旽廳岺嬈姅幃夛幮"): no hit, ``screen`` exit 0, a watchlist feed that never fires. Now refused, saying so."""
    raw = ("name,country\n" + names).encode(encoding)
    assert raw.decode("gb18030")  # what it was read as
    assert decode_text(raw) is None
    path = tmp_path / "wl.csv"
    path.write_bytes(raw)
    with pytest.raises(WatchlistError, match="wl.csv is neither UTF-8 nor GB18030 text .*Shift_JIS or Big5"):
        load_watchlist(path)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_a_file_with_a_utf16_byte_order_mark_is_read(tmp_path, encoding):
    """Excel's "Unicode text" is UTF-16 LE with a byte order mark, tab-separated: it was refused as "neither UTF-8
    nor GB18030" (cli30); a mark names its encoding beyond doubt, so it is read (the lead's decision, session 31)."""
    text = "name\tcountry\r\n斯凯迪奥公司\t美国\r\n三菱重工業株式会社\t日本\r\n"
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE}
    raw = bom[encoding] + text.encode(encoding)
    assert decode_text(raw) == text
    path = tmp_path / "wl.txt"
    path.write_bytes(raw)
    w = load_watchlist(path)
    assert [(c.name, c.country) for c in w.counterparties] == [("斯凯迪奥公司", "US"), ("三菱重工業株式会社", "JP")]
    assert w.match(SKYDIO).method == EXACT
    assert decode_text(codecs.BOM_UTF16_LE + "Skydio".encode("utf-16-le")[:-1]) is None  # an odd byte: refused


@pytest.mark.parametrize("names", ["斯凯迪奥公司,美国\n洛克希德·马丁公司（美国）\n", "斯凱迪奧公司,美國\n洛克希德·馬丁公司\n",
                                   "雷神导弹与防务公司\nInsitu Inc\n"])
def test_gbk_files_of_chinese_names_still_read(names):
    raw = ("name,country\n" + names).encode("gbk")
    assert decode_text(raw) == "name,country\n" + names


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


# --- session 17 screening audit (/work/audit17-screen17; tests/data/corpus/screen17/): each failed before its fix

LOCKHEED = EntityRecord(zh="洛克希德·马丁公司", en="Lockheed Martin Corporation", country="US", key="lockheedmartin")
ILLUMINA = EntityRecord(zh="因美纳公司", en="Illumina, Inc.", key="illumina")  # the notice gives no country
PVH = EntityRecord(zh="美国PVH集团", en=None, country="US", key="美国pvh")  # the notice gives no English name
PHOTONICS = EntityRecord(zh="美国光子公司", en="American Photonics", country="US", key="americanphotonics")
DOMO = EntityRecord(zh="多莫战术通信公司", en="Domo Tactical Communications", country="US", key="domotacticalcommunications")
OCEANEERING = EntityRecord(zh="国际海洋工程公司", en="Oceaneering International, Inc.", country="US",
                           key="oceaneeringinternational")
HII = EntityRecord(zh="亨廷顿·英格尔斯工业公司", en="Huntington Ingalls Industries, Inc.", country="US",
                   key="huntingtoningallsindustries")
JANKOWSKI = EntityRecord(zh="帕特里克·扬科夫斯基", en="Patrick Edward Jankowski", country="US",
                         key="patrickedwardjankowski", type="individual")
STEIN = EntityRecord(zh="托德·斯坦恩", en="Todd Stein", key="toddstein", type="individual")


@pytest.mark.parametrize("counterparty, entity", [
    ("斯凯迪奥公司（美国）", SKYDIO),  # an ERP's "（美国）" after the Chinese name
    ("Skydio Inc. (USA)", SKYDIO),
    ("美国因美纳公司", ILLUMINA),  # "美国" before a name the notice writes without it
    ("PVH集团", PVH),  # ... and the other way round
    ("PVH Corp.", PVH),  # the Latin name inside a Chinese-only listing
    ("斯凱迪奧公司", SKYDIO),  # traditional characters (Hong Kong, Taiwan)
    ("洛克希德·馬丁公司", LOCKHEED),
    ("Domo Tactical Communications (DTC) Inc.", DOMO),  # its own acronym in brackets
    ("Oceaneering Int'l Inc", OCEANEERING),  # an abbreviation
    ("The Lockheed Martin Corporation", LOCKHEED),  # was a fuzzy 90, one point from a miss
])
def test_plain_forms_of_a_listed_name_match_normalised(counterparty: str, entity: EntityRecord) -> None:
    m = wl(counterparty).match(entity)
    assert m is not None and (m.method, m.score) == (NORMALISED, 100.0)


@pytest.mark.parametrize("counterparty, entity, country", [
    ("斯凯迪奥公司（日本）", SKYDIO, None),  # a designator for another country: another company
    ("Lockheed Martin (UK) Limited", LOCKHEED, None),
    ("美国因美纳公司", ILLUMINA, "JP"),  # the row's own country contradicts the designator
    ("光子公司", PHOTONICS, None),  # "美国光子公司" less "美国" is too little to match on
    ("美国光电公司", PHOTONICS, None),
    ("Domo Tactical Communications (ABC) Inc.", DOMO, None),  # brackets that are not its acronym
])
def test_designators_and_brackets_that_do_not_name_the_entity_do_not_match(counterparty, entity, country) -> None:
    assert Watchlist((Counterparty(counterparty, country=country),)).match(entity) is None


@pytest.mark.parametrize("counterparty, score", [
    ("Patrick Jankowski", 100.0),  # no middle name
    ("Jankowski, Patrick", 100.0),
    ("Patrick Edward Jankowsky", None),  # a slip in one word: fuzzy, below 100
])
def test_a_person_matches_without_a_middle_name_or_with_a_slip(counterparty: str, score: float | None) -> None:
    m = wl(counterparty).match(JANKOWSKI)
    assert m is not None and m.method == FUZZY and (score is None or m.score == score)


ICKES = EntityRecord(zh="詹姆斯·伊克斯", en="James William Ickes II", country="US", key="jameswilliamickesii",
                     type="individual")


@pytest.mark.parametrize("counterparty, entity", [("James Ickes", ICKES), ("Ickes, James W. II", ICKES),
                                                  ("Patrick Jankowski Jr.", JANKOWSKI)])
def test_a_person_matches_with_or_without_a_generation(counterparty: str, entity: EntityRecord) -> None:
    m = wl(counterparty).match(entity)
    assert m is not None and m.method == FUZZY


def test_father_and_son_do_not_match() -> None:
    son = EntityRecord(zh=None, en="Patrick Edward Jankowski Jr.", key="x", type="individual")
    assert wl("Patrick Jankowski Sr.").match(son) is None


@pytest.mark.parametrize("counterparty", ["Todd Steiner", "Edward Jankowski", "Patrick Jankowski Jr Smith"])
def test_another_person_does_not_match(counterparty: str) -> None:
    """"Todd Steiner" scored 90 against "Todd Stein" as a company name would, and hit."""
    assert wl(counterparty).match(STEIN) is None and wl(counterparty).match(JANKOWSKI) is None


def test_a_fuzzy_match_abroad_is_dropped_in_the_watchlist_as_in_screen() -> None:
    """The watchlist feed read a row's country as a note only, so it kept the fuzzy hits `screen` drops."""
    typo = "Huntington Ingals Industries"
    assert Watchlist((Counterparty(typo, country="GB"),)).match(HII) is None
    assert Watchlist((Counterparty(typo, country="US"),)).match(HII).method == FUZZY
    assert Watchlist((Counterparty(typo),)).match(HII).method == FUZZY
    exact = Watchlist((Counterparty("Huntington Ingalls Industries Inc", country="GB"),)).match(HII)
    assert exact is not None and exact.method == NORMALISED  # the notice's spelling counts whatever the country


@pytest.mark.parametrize("content", ["Skydio Inc.;US\nInsitu\n", "Skydio Inc.\tUS\nInsitu\n", "name,country\nSkydio Inc.,US\nInsitu\n"])
def test_csv_separated_by_semicolons_or_tabs_and_a_two_letter_country(tmp_path, content: str) -> None:
    """"Skydio Inc.;US" (Excel in a European locale) was one name, and matched nothing."""
    path = tmp_path / "wl.csv"
    path.write_text(content, encoding="utf-8")
    w = load_watchlist(path)
    assert [(c.name, c.country) for c in w.counterparties] == [("Skydio Inc.", "US"), ("Insitu", None)]
    assert w.match(SKYDIO).method == EXACT


@pytest.mark.parametrize("content", [
    '\ufeffname;country\r\n"Skydio, Inc.";US\r\n\r\nInsitu;\r\n',  # Excel quotes a cell with the separator only
    "name;country\nSkydio, Inc.;US\nInsitu;\n",
    "Skydio, Inc.;US\nInsitu, Inc.;\nEdge Technologies GmbH;DE\n",  # no header: commas differ, semicolons do not
    "Skydio, Inc.;US\nInsitu, Inc.;\n",  # alike in both: the second column read with ";" is every row's country
])
def test_semicolon_csv_with_a_comma_in_a_name(tmp_path, content: str) -> None:
    """A ";" file from a European Excel with one comma in a name was read as comma-separated: each line one name
    ("Skydio, Inc.;US"), no hit, exit 0 (screen32)."""
    path = tmp_path / "wl.csv"
    path.write_text(content, encoding="utf-8")
    w = load_watchlist(path)
    assert [(c.name, c.country) for c in w.counterparties][0] == ("Skydio, Inc.", "US")
    assert w.counterparties[1].name.startswith("Insitu") and w.counterparties[1].country is None
    assert w.match(SKYDIO).method in (EXACT, NORMALISED)


def test_comma_csv_with_semicolons_in_its_alias_column_stays_comma_separated(tmp_path) -> None:
    """The watchlist's third column holds aliases cut by ";": every line alike in commas stays a comma file."""
    path = tmp_path / "wl.csv"
    path.write_text("Skydio Inc.,US,Skydio;斯凯迪奥\nInsitu,US,Insitu Inc;英斯图\n", encoding="utf-8")
    w = load_watchlist(path)
    assert [(c.name, c.country, c.aliases) for c in w.counterparties] == [
        ("Skydio Inc.", "US", ("Skydio", "斯凯迪奥")), ("Insitu", "US", ("Insitu Inc", "英斯图"))]


def test_a_column_headed_note_is_never_a_country(tmp_path) -> None:
    """"IT" under a "note" header is the IT department's supplier, not Italy: it must not drop a fuzzy hit."""
    path = tmp_path / "wl.csv"
    path.write_text("name,note,aliases\nHuntington Ingals Industries,IT,\n", encoding="utf-8")
    w = load_watchlist(path)
    assert (w.counterparties[0].note, w.counterparties[0].country) == ("IT", None)
    assert w.match(HII).method == FUZZY


def test_toml_country(tmp_path) -> None:
    path = tmp_path / "wl.toml"
    path.write_text('[[counterparty]]\nname = "Huntington Ingals Industries"\ncountry = "gb"\n', encoding="utf-8")
    w = load_watchlist(path)
    assert w.counterparties[0].country == "GB" and w.match(HII) is None
    path.write_text('[[counterparty]]\nname = "Huntington Ingals Industries"\ncountry = "United Kingdom"\n',
                    encoding="utf-8")  # a name reads as its code, as screen reads it
    w = load_watchlist(path)
    assert w.counterparties[0].country == "GB" and w.match(HII) is None


def test_a_country_not_read_is_kept_as_a_note_and_said_not_refused(tmp_path, caplog) -> None:
    """Was: a TOML watchlist with ``country = "Kosovo"`` (a country no list names) was refused whole (the watchlist
    feed failed), while the same country in a CSV was kept as a note without a word; ``screen`` refused it (exit 2).
    Now all three screen the name without a country, keep the country as a note, and say so."""
    toml = tmp_path / "wl.toml"
    toml.write_text('[[counterparty]]\nname = "X"\ncountry = "Kosovo"\n[[counterparty]]\nname = "Y"\nnote = "tier 1"\n'
                    'country = "Narnia"\n[[counterparty]]\nname = "Skydio"\ncountry = "US"\n', encoding="utf-8")
    w = load_watchlist(toml)
    assert [(c.name, c.country, c.note) for c in w.counterparties] == [
        ("X", None, "Kosovo"), ("Y", None, "tier 1; country Narnia"), ("Skydio", "US", None)]
    assert w.warnings == (
        f"{toml}: counterparty #1: country 'Kosovo' is not one this tool reads (ISO codes such as US or USA, and the "
        "names of the countries the lists name): screened by the name alone, the country kept as a note",
        f"{toml}: counterparty #2: country 'Narnia' is not one this tool reads (ISO codes such as US or USA, and the "
        "names of the countries the lists name): screened by the name alone, the country kept as a note")
    assert caplog.text.count("country 'Kosovo' is not one this tool reads") == 1
    load_watchlist(toml)  # feeds reads its --watchlist twice: said once
    assert caplog.text.count("country 'Kosovo' is not one this tool reads") == 1
    erp = tmp_path / "erp.csv"  # an ERP export: its header names the column
    erp.write_text("Name,Country\nX,Kosovo\nSkydio,USA\n", encoding="utf-8")
    w = load_watchlist(erp)
    assert [(c.name, c.country, c.note) for c in w.counterparties] == [("X", None, "Kosovo"), ("Skydio", "US", "USA")]
    assert w.warnings == (f"{erp}:2: country 'Kosovo' is not one this tool reads (ISO codes such as US or USA, and "
                          "the names of the countries the lists name): screened by the name alone, the country kept "
                          "as a note",)
    plain = tmp_path / "plain.csv"  # name,note: a note is no country to read
    plain.write_text("X,Kosovo supplier since 2019\nSkydio,US\n", encoding="utf-8")
    assert load_watchlist(plain).warnings == ()


@pytest.mark.parametrize("written, code", [("USA", "US"), ("United States", "US"), ("U.S.", "US"), ("U.S.A.", "US"),
                                           ("美国", "US"), ("United Kingdom", "GB"), ("UK", "GB"), ("GBR", "GB"),
                                           ("ＵＳＡ", "US"), ("the Netherlands", "NL"), ("中国", "CN")])
def test_a_watchlist_country_written_as_erps_write_it(tmp_path, written: str, code: str) -> None:
    """Was: only two letters were a country, so "Huntington Ingals Industries,United Kingdom" kept a fuzzy hit
    on a US entity in the feed while `screen` (now reading the name) dropped it: two answers for one file."""
    path = tmp_path / "wl.csv"
    path.write_text(f"Huntington Ingals Industries,{written}\n", encoding="utf-8")
    w = load_watchlist(path)
    assert w.counterparties[0].country == code
    assert (w.match(HII) is None) == (code != "US")


@pytest.mark.parametrize("counterparty, entity", [
    ("斯凯迪奥公司（Skydio Inc.）", SKYDIO),  # Chinese ERPs keep a foreign supplier in both languages
    ("Skydio Inc.（斯凯迪奥）", SKYDIO),
    ("洛克希德·马丁公司 Lockheed Martin Corp", LOCKHEED),
    ("Skydio Inc. / 斯凯迪奥公司", SKYDIO),
    ("因美纳（Illumina, Inc.）", ILLUMINA),  # as the notice itself writes it
])
def test_a_cell_in_both_languages_matches_by_either_name(counterparty: str, entity: EntityRecord) -> None:
    m = wl(counterparty).match(entity)
    assert m is not None and m.method in (EXACT, NORMALISED) and m.counterparty == counterparty


@pytest.mark.parametrize("counterparty, entity", [
    ("斯凯迪奥日本公司（Skydio Japan KK）", SKYDIO),  # both names are the Japanese subsidiary's
    ("通用电气（General Electric）", EntityRecord(zh="通用动力公司", en="General Dynamics", country="US", key="gd")),
    ("ACT1 Federal 公司", EntityRecord(zh="公司", en=None, key="公司")),  # one name, not "ACT1 Federal" and "公司"
])
def test_both_languages_of_another_company_do_not_match(counterparty: str, entity: EntityRecord) -> None:
    assert wl(counterparty).match(entity) is None


def test_the_country_table_reads_every_country_the_parser_reads() -> None:
    """storage/countries.py and the parser's table (headings, "（瑞典）") give each Chinese name one code."""
    from scraper.parse.entities import COUNTRIES
    from storage.countries import TABLE, country_code

    # "欧洲" (Europe) is a region a heading names, no counterparty's country: a row saying it is refused
    assert {zh: country_code(zh) for zh in COUNTRIES if zh != "欧洲"} == {k: v for k, v in COUNTRIES.items() if k != "欧洲"}
    assert all(country_code(alpha3) == code for code, (alpha3, _) in TABLE.items() if alpha3)
    assert [country_code(x) for x in ("it", "Narnia", "", "U.S.S.R.")] == ["IT", None, None, None]


LOCKHEED = EntityRecord(zh="洛克希德·马丁公司", en="Lockheed Martin Corporation", country="US", key="lockheedmartin")
ANDURIL = EntityRecord(zh="安杜里尔公司", en="Anduril Industries", country="US", key="andurilindustries")


@pytest.mark.parametrize(("counterparty", "country", "entity"), [
    ("LOCKHEED MARTIN CORPORATION USA", None, LOCKHEED),
    ("Lockheed Martin Corporation, USA", "US", LOCKHEED),
    ("Lockheed Martin Corporation - U.S.A.", "US", LOCKHEED),
    ("Skydio Inc. - United States", "US", SKYDIO),
    ("洛克希德·马丁公司-美国", "US", LOCKHEED),
    ("斯凯迪奥公司 美国", None, SKYDIO),
])
def test_a_country_written_after_the_whole_legal_name_is_dropped(counterparty: str, country: str | None,
                                                                  entity: EntityRecord) -> None:
    """An ERP's name cell with the country after it, not in brackets, missed the listed company (screen32)."""
    m = Watchlist((Counterparty(counterparty, country=country),)).match(entity)
    assert m is not None and m.method == NORMALISED


@pytest.mark.parametrize(("counterparty", "country"), [
    ("Lockheed Martin UK", None), ("Lockheed Martin UK", "GB"), ("Lockheed Martin UK Ltd", None),
    ("Lockheed Martin Corporation UK", None),  # a designator naming another country than the entity's
    ("Lockheed Martin Corporation USA", "JP"),  # and than the row's
])
def test_a_country_after_another_word_or_naming_another_country_is_no_hit(counterparty: str,
                                                                          country: str | None) -> None:
    assert Watchlist((Counterparty(counterparty, country=country),)).match(LOCKHEED) is None


@pytest.mark.parametrize(("counterparty", "entity"), [
    ("Anduril Industries, Inc. d/b/a Anduril", ANDURIL),
    ("ANDURIL INDUSTRIES INC DBA ANDURIL", ANDURIL),
    ("Foo Holdings LLC dba Skydio Inc", SKYDIO),
    ("Skydio, Inc. (formerly Foo Inc)", SKYDIO),
    ("Foo Inc (formerly Skydio Inc.)", SKYDIO),
    ("Skydio Inc. a.k.a. Foo", SKYDIO),
])
def test_each_name_of_a_counterparty_cell_with_dba_or_formerly_is_matched(counterparty: str,
                                                                          entity: EntityRecord) -> None:
    """"Anduril Industries, Inc. d/b/a Anduril" missed Anduril Industries: the whole cell was one name (screen32)."""
    assert wl(counterparty).match(entity) is not None


def test_own_names_leave_a_cell_without_such_a_word_whole() -> None:
    """"aka" unmarked is also a word of names: split only after a whole legal name."""
    assert own_names("The Aka Group Inc") == () and own_names("Skydio Inc.") == ()
    assert wl("The Aka Group Inc").match(EntityRecord(zh=None, en="Group Inc", country="US", key="group")) is None
    assert own_names("Anduril Industries, Inc. d/b/a Anduril") == ("Anduril Industries, Inc.", "Anduril")


@pytest.mark.parametrize("header", ["公司名称,国家/地区", "客户名称,国家", "Company Name,Country", "名称", "姓名,国家",
                                    "Full Name,Country"])
def test_a_header_row_as_an_erp_heads_it_is_no_counterparty(tmp_path, header: str) -> None:
    """"公司名称,国家/地区" was screened as a counterparty named 公司名称, with a warning that 国家/地区 is no country
    (screen32); `screen` and the watchlist read the same file alike."""
    from storage.screening import parse_queries

    text = f"{header}\n斯凯迪奥公司,美国\n"
    assert [(q.name, q.country) for q in parse_queries(text)] == [("斯凯迪奥公司", "US")]
    path = tmp_path / "wl.csv"
    path.write_text(text, encoding="utf-8")
    assert [(c.name, c.country) for c in load_watchlist(path).counterparties] == [("斯凯迪奥公司", "US")]


BDS = EntityRecord(zh="波音防务、空间与安全集团", en="Boeing Defense, Space & Security", country="US",
                   key="boeingdefensespaceandsecurity")


@pytest.mark.parametrize(("counterparty", "entity"), [
    ("Boeing Defense Space & Security (BDS)", BDS),  # the company's acronym, not every initial
    ("Lockheed Martin Corp. (Missiles and Fire Control)", LOCKHEED),  # a unit after the legal name
    ("斯凯迪奥公司（北京代表处）", SKYDIO),  # an office after it
])
def test_a_bracket_after_the_name_holding_its_acronym_or_a_unit_is_no_miss(counterparty: str,
                                                                           entity: EntityRecord) -> None:
    """Each missed its listed company: "(BDS)" was not all the initials, a unit in brackets made the name another
    (screen32)."""
    assert wl(counterparty).match(entity) is not None


@pytest.mark.parametrize("counterparty", ["Skydio Japan KK (Tokyo office)", "Foo Ltd (a subsidiary of Skydio Inc.)",
                                          "Skydio (Japan)"])
def test_a_bracket_after_another_name_is_no_hit(counterparty: str) -> None:
    assert Watchlist((Counterparty(counterparty, country="JP" if "Japan" in counterparty else "US"),)).match(
        SKYDIO) is None


BRY = EntityRecord(zh="亚当·布赖", en="Adam Bry", country="US", key="adambry", type="individual")


@pytest.mark.parametrize(("counterparty", "entity"), [
    ("Mr. Todd Stein", STEIN), ("Dr. Patrick Jankowski", JANKOWSKI), ("Mr Adam Bry", BRY),
    ("Todd Stein (Hudson Institute)", STEIN), ("Adam Bry (Skydio CEO)", BRY),
])
def test_a_person_with_a_title_or_a_role_in_brackets_is_no_miss(counterparty: str, entity: EntityRecord) -> None:
    """Each missed the person an MFA decision names: the title or the role was read as part of the name (screen32)."""
    assert wl(counterparty).match(entity) is not None


def test_a_title_alone_or_another_person_with_one_is_no_hit() -> None:
    assert wl("Mr. Todd Steiner").match(STEIN) is None and own_names("Dr") == ()
