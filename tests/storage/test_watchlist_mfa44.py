"""A Hong Kong or Macao company the MFA lists with its region written out ("Flying Dragon International Trading (Hong Kong)
Limited", tests/data/corpus/mfa44/07) and a counterparty file writing it short, "(HK)" or "Macau": no hit and no possible match
before (session 44), a listed company screened clear. Pure: names in, match out."""

from __future__ import annotations

import pytest

from storage.records import EntityRecord
from storage.watchlist import NORMALISED, Counterparty, Watchlist

FLYING = EntityRecord(zh="飞龙国际贸易（香港）有限公司", en="Flying Dragon International Trading (Hong Kong) Limited",
                      key="flyingdragoninternationaltradinghongkong", type="organization", country="HK")
LOTUS = EntityRecord(zh="金莲咨询（澳门）有限公司", en="Golden Lotus Consulting (Macao) Company Limited",
                     key="goldenlotusconsultingmacao", type="organization", country="MO")


@pytest.mark.parametrize(("written", "listed"), [
    ("Flying Dragon International Trading (HK) Ltd", FLYING),
    ("FLYING DRAGON INTERNATIONAL TRADING (H.K.) LIMITED", FLYING),
    ("Flying Dragon Intl Trading HK Limited", FLYING),
    ("Golden Lotus Consulting (Macau) Co Ltd", LOTUS),
])
def test_the_region_written_short_hits_the_listed_company(written: str, listed: EntityRecord) -> None:
    hit = Watchlist((Counterparty(written),)).match(listed)
    assert hit is not None and hit.method == NORMALISED


@pytest.mark.parametrize("written", ["Flying Dragon International Trading (Singapore) Ltd", "HKT Ltd",
                                     "Flying Dragon International Trading (HKT) Ltd"])
def test_another_region_or_a_word_holding_hk_is_no_hit(written: str) -> None:
    assert Watchlist((Counterparty(written),)).match(FLYING) is None
