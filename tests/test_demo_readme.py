"""The README's demo table says what `python3 dev.py demo` prints: the same date, and every suspension
lapsed by then in the shared state wording, with the day it lapsed (the replay test derives the same
set from the fixtures: tests/storage/test_lifecycle_replay.py)."""

from __future__ import annotations

import re
from pathlib import Path

from storage.records import ListingState
from storage.vocabulary import state_label
from tests.storage.test_lifecycle_replay import LAPSED_BY_DEMO_DAY

REPO = Path(__file__).resolve().parents[1]
# How the README's table names each lapsed notice.
README_NAMES = {
    "MOFCOM-2025-21": "商务部公告2025年第21号",
    "UEL-2025-7": "不可靠实体清单工作机制公告〔2025〕7号",
    "MOFCOM-2024-46": "商务部公告2024年第46号, clause 2",
    **{f"MOFCOM-2025-{n}": "商务部 海关总署公告2025年第55-58号" for n in (55, 56, 57, 58)},
    "MOFCOM-2025-61": "商务部公告2025年第61号",
    "MOFCOM-2025-62": "第62号, suspended by No. 70",
    "MOFCOM-ORDER-2025-6": "商务部令2025年第6号",
}
ROW = re.compile(r"^\| (?P<notice>[^|]+) \| (?P<list>[^|]+) \| (?P<state>[^|]+) \| (?P<since>[^|]+) \|$")


def demo_rows() -> list[dict[str, str]]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("What the demo prints"):readme.index("## Commands")]
    return [m.groupdict() for line in table.splitlines() if (m := ROW.match(line))]


def test_the_demo_and_the_readme_share_one_date():
    source = (REPO / "dev.py").read_text(encoding="utf-8")
    (day,) = re.findall(r'^DEMO_AS_OF = "(\d{4}-\d{2}-\d{2})"$', source, re.M)
    assert day == "2026-11-30"
    assert f"What the demo prints (as of {day}" in (REPO / "README.md").read_text(encoding="utf-8")


def test_the_readme_table_shows_every_lapsed_suspension_and_no_other():
    label = state_label(ListingState.LAPSED)
    lapsed = [r for r in demo_rows() if label in r["state"]]
    assert set(README_NAMES) == set(LAPSED_BY_DEMO_DAY)
    for key, (since, _) in LAPSED_BY_DEMO_DAY.items():
        rows = [r for r in lapsed if README_NAMES[key] in r["notice"]]
        assert [r["since"].strip() for r in rows] == [since.isoformat()], key
    # and no row says "lapsed" about a notice that has not lapsed
    assert all(any(name in r["notice"] for name in README_NAMES.values()) for r in lapsed)
