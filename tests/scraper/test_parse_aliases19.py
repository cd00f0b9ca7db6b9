"""The other names an annex gives an entity (又称, 亦称, 别名, also known as, 曾用名, a 备注 cell, d/b/a) are kept as its
aliases (session 18 kept them in the note alone, where screening never looked). Pure: text in, entities out."""

from pathlib import Path

from scraper.parse import parse_document
from scraper.parse.entities import annex_entities

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "entities18"


def _aliases(name: str, url: str | None = None) -> list[tuple[str | None, tuple[str, ...]]]:
    record = parse_document((CORPUS / name).read_bytes(), url=url).notice
    assert record is not None
    return [(e.en, e.aliases) for e in record.entities]


def test_an_annex_lines_aliases_and_former_names_are_kept():
    assert _aliases("08-uel-aliases.txt") == [
        ("Sequoia Dynamics Inc.", ("Sequoia Dynamic Systems",)), ("Gray Wolf Technologies LLC", ("灰狼技术公司",)),
        ("Hermes Aviation Corp.", ("Hermes Aero",)), ("Polaris Labs, Inc.", ("Polaris Research Institute",)),
        ("Blackstone Defense LLC", ("黑岩防务公司",))]
    assert _aliases("26-wl-annex-aliases.txt") == [
        ("Mitsubishi Heavy Industries, Ltd.", ()), ("Kawasaki Heavy Industries, Ltd.", ("KHI",)),
        ("IHI Corporation", ("石川岛播磨重工业株式会社",))]


def test_a_dba_name_stays_whole_and_gives_both_names():
    dba = [a for en, a in _aliases("05-ecl-english-punctuation.txt") if en and "d/b/a" in en]
    assert dba == [("Alpha Tactical Solutions, L.L.C.", "AlphaTac")]


def test_a_remarks_cell_giving_another_name_is_kept_an_address_is_not():
    rows = ["序号\t实体名称\t备注", "1\t猎鹰光电公司 Falcon Electro-Optics, Inc.\t又称Falcon EO",
            "2\t双子星防务公司 Gemini Defense Solutions\t地址：美国亚利桑那州图森市",
            "3\t峰值传感公司 Peak Sensing LLC\talso known as PeakSense"]
    got = [(e.en, e.note, e.aliases) for e in annex_entities(rows, 0, "US", chinese_numbers=True, clean=True)]
    assert got == [("Falcon Electro-Optics, Inc.", "又称Falcon EO", ("Falcon EO",)),
                   ("Gemini Defense Solutions", None, ()),
                   ("Peak Sensing LLC", "also known as PeakSense", ("PeakSense",))]
