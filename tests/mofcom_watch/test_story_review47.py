"""review47 (session 43): a presumed lapse "Clarified" by every later extension of its listing (events._carried_on).

stories43/lapse72_late: No. 72's suspension of 2024 No. 46 clause 2 lapsed 2026-11-28 (the lapse item went out); an answer of
12-03 carries it on from that day for a year: the lapse item is "Clarified" once, naming the answer and the gap (the lead's
decision, story44). A year later a second answer extends that suspension from 2027-11-28, its day of lapse: it carries on the
suspension the first answer started, not the one that lapsed in 2026. Real pages replayed day by day into one SQLite store
(``stories.live``), ``feeds --out`` read each day."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.mofcom_watch.stories import REPO, live

LAPSE72 = REPO / "tests" / "data" / "stories43" / "lapse72_late"
N46 = "MOFCOM-2024-46"
# the next year's answer, in the wording of k3 (the ministry's Q&As of 2025-08-12 and 11-05)
K4 = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2027-11-20 17:30\n\n商务部新闻发言人就两用物项对美出口管制有关问题答记者问\n"
      "问：商务部公告2024年第46号第二款的暂停期限即将届满，请问中方有何安排？\n"
      "答：为继续落实中美经贸磋商共识，中方决定，自2027年11月28日起，继续暂停实施商务部公告2024年第46号第二款，暂停期限为1年。"
      "该公告第一款继续实施，即禁止两用物项对美国军事用户或军事用途出口。\n")


def test_a_second_extension_does_not_clarify_the_first_lapse_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(LAPSE72, data)
    (data / "k4-qa-2027-11-20-items-46-again.txt").write_text(K4, encoding="utf-8")
    pages = {"2026-10-01": ("b", "k1", "k2"), "2026-12-03": ("k3",), "2027-11-20": ("k4",)}
    days = ["2026-10-29", "2026-11-21", "2026-11-28", "2026-12-02", "2026-12-04", "2027-10-29", "2027-11-21", "2027-11-28",
            "2027-11-29"]
    seen, now = live(tmp_path / "store", data, pages, days, N46, against_feeds=True)  # the cheap feeds checked
    lapse = f"{N46}/suspension_lapsed/items/2026-11-28"
    assert lapse in now and seen[f"{lapse}/correction/1"] == "2026-12-03"  # the first answer: clarified (story44)
    notes = {i: now[i]["title"] for i in now if i.startswith(f"{lapse}/correction/")}
    # the second answer carries on the first answer's suspension: the 2026 lapse stays as clarified, nothing more said
    # of it ("…carried on by QA-2027-11-20… from 2027-11-28", "2026-11-28 to 2027-11-27 stay as this item said": false)
    assert list(notes) == [f"{lapse}/correction/1"], notes

