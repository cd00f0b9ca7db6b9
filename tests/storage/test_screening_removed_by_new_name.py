"""Screening a company removed by the name a correction gave it (story35 S2, a real run against a local site).

No. 3 listed 北极星光电公司（Polaris Optronics Inc.）, No. 4 corrected the English name to "Polaris Optoelectronics, Inc.",
No. 5 removed 北极星光电公司（Polaris Optoelectronics, Inc.）. The engine finds the one entity (key "polarisoptronics") and
removes it; No. 5's own record keys the name it writes ("polarisoptoelectronics"), a key no state row has. `screen` showed
that key as a second hit, "商务部公告2027年第5号, ecl, not in effect", and its title counted the counterparty "on a list
with no measure in force now (suspended, announced, investigation)", where it was removed; as of a day before No. 5, a
note said it was "listed later on 2027-02-09 by MOFCOM-2027-5", a notice that lists nobody. Pure: notices in, hits out
(the store's derivation replaced by the engine's own)."""

from __future__ import annotations

from datetime import date

import pytest

from storage import screening
from storage.lifecycle import derive
from storage.lifecycle.derive import corrected_keys
from storage.records import ListingState
from storage.screening import make_query, screen
from tests.storage.test_lifecycle_removals import notices

LISTING = """商务部公告2027年第3号 公布将2家美国实体列入出口管制管控名单
【发布文号】商务部公告2027年第3号
【发文日期】2027年02月01日

根据《中华人民共和国出口管制法》等法律法规有关规定，决定将北极星光电公司等2家美国实体列入出口管制管控名单（见附件），并采取以下措施：
一、禁止出口经营者向上述2家实体出口两用物项；正在开展的相关活动应当立即停止。
本公告自公布之日起正式实施。

附件
出口管制管控名单
1. 北极星光电公司（Polaris Optronics Inc.）
2. 格兰特海洋系统公司（Grant Marine Systems, LLC）
"""
CORRECTION = """商务部公告2027年第4号 关于更正商务部公告2027年第3号附件有关内容的公告
【发布文号】商务部公告2027年第4号
【发文日期】2027年02月03日

商务部公告2027年第3号附件第1项实体英文名称“Polaris Optronics Inc.”有误，现更正为“Polaris Optoelectronics, Inc.”。
本公告自公布之日起施行。
"""
REMOVAL = """商务部公告2027年第5号 关于将1家美国实体移出出口管制管控名单的公告
【发布文号】商务部公告2027年第5号
【发文日期】2027年02月09日

根据《中华人民共和国出口管制法》等法律法规有关规定，经审查，决定将北极星光电公司（Polaris Optoelectronics, Inc.）移出出口管制管控名单。
本公告自公布之日起施行。
"""


@pytest.fixture
def screened(monkeypatch: pytest.MonkeyPatch):
    known = notices(LISTING, CORRECTION, REMOVAL)

    def derived(session: object, as_of: date):
        d = derive(known, as_of)
        return corrected_keys(known, d), d

    monkeypatch.setattr(screening, "derive_stored", derived)

    def run(name: str, day: date) -> screening.Screened:
        (one,) = screen(None, (make_query(1, name, "US", where="test"),), day)  # type: ignore[arg-type]
        return one
    return run


@pytest.mark.parametrize("name", ["Polaris Optoelectronics, Inc.", "北极星光电公司", "Polaris Optronics Inc."])
def test_the_company_removed_by_its_corrected_name_is_one_removed_hit(screened, name: str) -> None:
    got = screened(name, date(2027, 2, 10))
    assert [(h.entity_key, h.notice_key, h.state) for h in got.hits] == [
        ("polarisoptronics", "MOFCOM-2027-3", ListingState.REMOVED)], got.hits
    assert got.possible == () and got.listed_later == ()


def test_a_removal_to_come_is_no_listing_to_come(screened) -> None:
    got = screened("Polaris Optoelectronics, Inc.", date(2027, 2, 4))
    assert [(h.entity_key, h.notice_key, h.state) for h in got.hits] == [
        ("polarisoptronics", "MOFCOM-2027-3", ListingState.IN_FORCE)]
    assert got.listed_later == (), got.listed_later  # No. 5 lists nobody: no "listed later … by MOFCOM-2027-5"
