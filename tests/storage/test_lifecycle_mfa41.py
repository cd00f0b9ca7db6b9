"""Lifts of MFA decisions naming a person otherwise than the list (session 41, mfa41; mfa40's open B): "停止…第143号中对阿格涅·
维苏凯蒂（Agne Visuckaite）采取的反制措施" of the listed 阿格涅·维苏凯特（Agnė Visuckaitė), another Chinese transliteration and the
English without its diacritics (mfa40/09): unresolved, "entities agnevisuckaite are not on MFA-ORDER-2031-143", though one
listed person alone has that name with its accents dropped. The entity keeps its key; two listed persons sharing the
unaccented name stay unresolved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from storage.lifecycle import derive
from storage.records import EventKind, ListingState
from tests.storage.test_lifecycle_corpus import parsed_texts

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def page(name: str) -> str:
    return next(CORPUS.glob(f"{name}-*.txt")).read_text(encoding="utf-8")


def states(d, key: str) -> dict[str, tuple]:
    return {k: (r.state, r.since) for r in d.states if r.notice_key == key for k in r.entity_keys}


def test_a_person_lifted_by_her_name_without_diacritics_and_another_transliteration() -> None:
    d = derive(parsed_texts(page("mfa40/04"), page("mfa40/09")), date(2031, 9, 2))
    assert d.problems == ()
    got = states(d, "MFA-ORDER-2031-143")
    assert got["agnėvisuckaitė"] == (ListingState.LIFTED, date(2031, 9, 1))
    assert got["vytautasžakarevičius"] == (ListingState.IN_FORCE, date(2031, 4, 20))
    assert not [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
    assert {e.entity_key for e in d.events if e.kind is EventKind.LIFTED} - {None} == {"agnėvisuckaitė"}


def test_a_person_lifted_by_a_stroked_letter_written_plain() -> None:
    """"Lukasz Wisniewski" of the listed Łukasz Wiśniewski (mfa40/05): Ł is no accent NFD takes off."""
    lift = page("mfa40/09").replace("第143号", "第144号").replace("2031年4月20日", "2031年5月15日").replace(
        "阿格涅·维苏凯蒂（Agne Visuckaite）", "卢卡什·维希涅夫斯基（Lukasz Wisniewski）")
    d = derive(parsed_texts(page("mfa40/05"), lift), date(2031, 9, 2))
    assert d.problems == ()
    got = states(d, "MFA-ORDER-2031-144")
    assert got["łukaszwiśniewski"] == (ListingState.LIFTED, date(2031, 9, 1))
    assert got["petrdvořák"] == (ListingState.IN_FORCE, date(2031, 5, 15))


def test_two_listed_persons_sharing_the_unaccented_name_stay_unresolved() -> None:
    decree = page("mfa40/04").replace("Vytautas Žakarevičius", "Agne Visuckaitė").replace("维陶塔斯·扎卡雷维丘斯", "阿格妮·维苏凯特")
    [listed, lift] = parsed_texts(decree, page("mfa40/09"))
    assert {e.key for e in listed.record.entities} >= {"agnevisuckaitė", "agnėvisuckaitė"}
    d = derive([listed, lift], date(2031, 9, 2))
    assert any("none is picked" in p for p in d.problems) or [
        e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE and "none is picked" in e.summary]
    assert all(state == ListingState.IN_FORCE for state, _ in states(d, "MFA-ORDER-2031-143").values())


def test_a_decision_correcting_a_persons_chinese_name_renames_her_on_the_decree_it_corrects() -> None:
    """mfa40/10 (session 40's open B: refused as cut short): the listing keeps its key and state; one item says what
    changed; no problem."""
    d = derive(parsed_texts(page("mfa40/01"), page("mfa40/10")), date(2031, 9, 16))
    assert d.problems == ()
    [corrected, *_] = [e for e in d.events if e.kind is EventKind.NAME_CORRECTED]
    assert "埃莱娜·贝达尔-科泰" in corrected.title and corrected.notice_key == "MFA-ORDER-2031-140"
    assert states(d, "MFA-ORDER-2031-140")["hélènebédardcôté"] == (ListingState.IN_FORCE, date(2031, 1, 12))


def test_a_person_lifted_by_his_other_transliteration_alone() -> None:
    """"停止…第182号对马克·维泽斯采取的反制措施" of the listed "马克·韦瑟斯（又译马克·维泽斯，Mark Wethers）" (mfa41/04):
    "entities 马克维泽斯 are not on MFA-ORDER-2034-182", unresolved."""
    d = derive(parsed_texts(page("mfa41/03"), page("mfa41/04")), date(2035, 2, 2))
    assert d.problems == ()
    assert states(d, "MFA-ORDER-2034-182")["markwethers"] == (ListingState.LIFTED, date(2035, 2, 1))
    assert not [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
