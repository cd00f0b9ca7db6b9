"""Text of another encoding in a notice: refused for a person to read, never an entity of its own (health33).

A name garbled in transit or by the site's CMS ('Red Cat Holdingsâ€™ Inc.', a line whose brackets became
'锛圧ed Cat…锛') was read as a listed entity: another key than the one meant (a company no notice names, in the feeds
as imposed), the one meant missing, and the stated count still agreeing, so nothing was said.
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.faults.harness import FIXTURES

N23 = FIXTURES / "www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
LINE = "红猫控股公司（Red Cat Holdings, Inc.）"


def parse(line: str):
    return parse_document(N23.read_text(encoding="utf-8").replace(LINE, line, 1).encode(), url=URL)


@pytest.mark.parametrize("line", [
    "红猫控股公司（Red Cat Holdingsâ€™ Inc.）",  # UTF-8 read as Windows-1252
    "红猫控股公司（Ré Cat Holdings, Inc.）".replace("é", "Ã©"),
    "红猫控股公司（Red Cat \ufffdHoldings, Inc.）",  # a byte no encoding read
    "绾㈢尗鎺ц偂鍏徃锛圧ed Cat Holdings, Inc.锛",  # the line in UTF-8 read as GBK: its brackets gone
])
def test_a_garbled_name_is_refused_for_a_person_to_read(line):
    with pytest.raises(UnusablePage) as refused:
        parse(line)
    assert refused.value.reason == "needs-review" and "garbled" in refused.value.detail


def test_names_written_right_are_read():
    assert len(parse(LINE).notice.entities) == 10
    # a Chinese name garbled beside its English: keyed right by the English (its display garbled: not refused)
    keys = [e.key for e in parse("红猫控股锟斤拷司（Red Cat Holdings, Inc.）").notice.entities]
    assert "redcatholdings" in keys and len(keys) == 10
    château = parse("红猫控股公司（Château Red Cat Holdings, Inc.）").notice  # 'â' itself is no garbling
    assert "Château Red Cat Holdings, Inc." in [e.en for e in château.entities]
