"""Corrections after the items went out (session 37, story38's story R, /work/s37/story38-cases/EXPECTED.md, written
before the replay): tests/data/stories38/corrected/first/ replayed by a real ``replay`` process as of 2027-05-01 and its
feeds published, then later/ as of 05-20 into the same SQLite file; and both folders in one replay: the same ids.

R  ECL 2027 No. 30 (04-01: Cedar Power, Amber Navigation, Vanguard Remote Sensing), suspended by an answer of 04-20 from
   04-25 "至2027年10月31日". No. 37 (05-10) "误将先锋遥感公司（…）列入，现予更正：删除该附件第3项": Vanguard off the listing from
   05-10, its earlier items kept (true as published). No. 39 (05-12) "应为“本公告自2027年4月15日起正式实施”": the Imposed item
   keeps its id and says 04-15, with one "Correction" item; the suspension of the other two unchanged.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.mofcom_watch.stories import REPO, TAG, ids, replayed, row, state

PAGES = REPO / "tests" / "data" / "stories38" / "corrected"
KEY = "MOFCOM-2027-30"


def test_corrections_read_after_the_items_went_out(tmp_path: Path) -> None:
    first = replayed(tmp_path, PAGES / "first", "2027-04-30T00:00:00+00:00", today="2027-05-01")
    before = {i["id"][len(TAG):] for i in first.items("2027-05-01")}
    assert before == {f"{KEY}/imposed/ecl/2027-04-01", f"{KEY}/suspended/ecl/2027-04-25"}
    later = replayed(tmp_path, PAGES / "later", "2027-05-19T00:00:00+00:00", today="2027-05-20")
    items = {i["id"][len(TAG):]: i["title"] for i in later.items("2027-05-20")}
    assert set(items) == before | {f"{KEY}/removed/ecl/2027-05-10", f"{KEY}/imposed/ecl/2027-04-01/correction/1"}
    assert items[f"{KEY}/imposed/ecl/2027-04-01"].endswith("from 2027-04-15")
    assert items[f"{KEY}/removed/ecl/2027-05-10"].startswith("Removed: Vanguard Remote Sensing")
    got = row(later, "2027-05-20", KEY, "cedarpowersystems")
    assert (got["state"], got["since"], got["until"], got["lapses_on"], sorted(got["entity_keys"])) == (
        "suspended", "2027-04-25", "2027-10-31", "2027-11-01", ["ambernavigation", "cedarpowersystems"])
    assert state(later, "2027-05-20", KEY, "vanguardremotesensing") == ("removed", "2027-05-10", None)
    assert later.status("2027-05-20")["__problems__"] == []
    # the same pages in one replay: the same items, but for the correction item (news of the order read)
    one = tmp_path / "one"
    (one / "pages").mkdir(parents=True)
    for page in sorted(PAGES.glob("*/*.txt")):
        shutil.copy(page, one / "pages" / page.name)
    whole = replayed(one, one / "pages", "2027-05-19T00:00:00+00:00", today="2027-05-20")
    assert ids(whole.items("2027-05-20")) == ids(later.items("2027-05-20")) - {
        f"{TAG}{KEY}/imposed/ecl/2027-04-01/correction/1"}
