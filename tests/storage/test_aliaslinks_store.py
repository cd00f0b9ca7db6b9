"""storage.aliaslinks.stored_links on a real store: the links notice_links finds among every stored notice, read
without building them all (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from storage.aliaslinks import AliasLinks, notice_links, stored_links
from storage.notices import load_stored_notices
from storage.records import ListKind
from tests.storage.test_aliaslinks import AURIGA, LYNX, POLARIS, URSA, ent
from tests.storage.test_events_sync import put
from tests.storage.test_lifecycle_corpus import UEL7, impose

ECL, UEL = ListKind.ECL, ListKind.UEL
# Lynx is listed once more, by a notice without a number (its key sorts first: the link shows this record's name),
# under names that are not the other name; a correction names Polaris again (a correction's names are no listing:
# left out, as notice_links does).
# Hermes is given Auriga's Chinese name (a name, not Auriga's key: ``aurigasoftware``, from its English name).
HERMES = ent("赫尔墨斯航空公司", "Hermes Aero Inc.", "又称御夫软件公司", country="US")
LYNX_AGAIN = replace(ent("林克斯航空电子公司", "Lynx Avionics, Inc.", country="US"), key=LYNX.key)
NOTICES = (
    impose("UEL-2026-43", "不可靠实体清单工作机制公告〔2026〕43号", UEL, date(2026, 3, 2), (LYNX, AURIGA)),
    impose("MOFCOM-2026-149", "商务部公告2026年第149号", ECL, date(2026, 9, 1), (POLARIS, URSA, HERMES)),
    replace(impose("MOFCOM-2026-150", "商务部公告2026年第150号", ECL, date(2026, 9, 2), (LYNX_AGAIN,)), number=None),
    replace(impose("MOFCOM-2026-151", "商务部公告2026年第151号", ECL, date(2026, 9, 3), (POLARIS,)),
            actions=(), title="商务部关于更正商务部公告2026年第149号附件有关内容的公告"),
    UEL7,
)


def both(engine, as_of: date) -> tuple[AliasLinks, AliasLinks]:
    with Session(engine) as s:
        return stored_links(s, as_of), notice_links(load_stored_notices(s), as_of)


def test_stored_links_are_the_links_of_every_stored_notice(engine) -> None:
    for rec in NOTICES:
        put(engine, rec)
    got, every = both(engine, date(2026, 11, 30))
    assert got == every
    hermes, link = got.links
    assert (hermes.giver, hermes.named) == ("hermesaero", "aurigasoftware")
    assert (link.giver, link.named, link.notices) == ("polarisdefensesystems", "lynxavionics", ("商务部公告2026年第149号",))
    assert link.named_name == "Lynx Avionics, Inc."  # the first record of Lynx in the links' order: No. 150's
    before, every_before = both(engine, date(2026, 8, 31))  # No. 149 not yet public: no link
    assert before == every_before == AliasLinks()


def test_a_store_without_other_names_has_no_links(engine) -> None:
    put(engine, UEL7)
    got, every = both(engine, date(2026, 11, 30))
    assert got == every == AliasLinks()


def test_a_company_named_by_its_chinese_name_alone_is_linked_on_a_store_too(engine) -> None:
    """story32 S7 through ``stored_links`` (the publisher's entity feeds): no notice gives another name, and one names
    北极星光电公司 by its Chinese name alone; its early exit ("no other names: no links") left it unjoined."""
    optical = ent("北极星光电公司", "Polaris Optical LLC", country="US")
    alone = ent("北极星光电公司", None, country="US")
    put(engine, impose("MOFCOM-2026-40", "商务部公告2026年第40号", ECL, date(2026, 12, 1), (optical,)))
    put(engine, impose("UEL-2026-9", "不可靠实体清单工作机制公告〔2026〕9号", UEL, date(2026, 12, 2), (alone,)))
    put(engine, UEL7)
    got, every = both(engine, date(2026, 12, 3))
    assert got == every
    assert [(link.giver, link.named) for link in got.links] == [("北极星光电", "polarisoptical")]
