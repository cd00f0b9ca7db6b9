"""A notice page whose title opens with another notice's number (health42 O41): the CMS put No. 23's title over No.
22's text (or No. 22's text carries a wrong number). Read as its text's notice under the other's title, silently:
a stored notice re-checked had its items updated under the headline '商务部公告2025年第23号 …', exit 0. Held for a
person now (``needs-review``). A title naming another notice inside it ("关于修改商务部公告…的公告") is no such case."""

from __future__ import annotations

import re

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.faults.harness import FIXTURES

N22 = "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html"
URL = f"https://{N22}"


def titled(new: str, *, meta: bool = True) -> bytes:
    page = (FIXTURES / N22).read_text(encoding="utf-8")
    page = re.sub(r"<title>[^<]*</title>", f"<title>{new}</title>", page, count=1)
    if meta:
        page = re.sub(r'(<meta name="ArticleTitle" content=")[^"]*', lambda m: m.group(1) + new, page)
    return page.encode()


def test_a_title_opening_with_another_notices_number_is_for_a_person() -> None:
    with pytest.raises(UnusablePage) as refused:
        parse_document(titled("商务部公告2025年第23号 关于将12家美国实体列入出口管制管控名单的公告"), URL)
    assert refused.value.reason == "needs-review"
    assert "the page's title names MOFCOM-2025-23, its text 商务部公告2025年第22号 (MOFCOM-2025-22)" in str(refused.value)


@pytest.mark.parametrize("title", ["商务部公告2025年第22号 公布将12家美国实体列入出口管制管控名单",  # its own
                                   "关于修改商务部公告2025年第21号附件有关内容的公告",  # another named inside
                                   "公布将12家美国实体列入出口管制管控名单"])  # no number
def test_a_title_naming_its_own_notice_or_none_first_is_read(title: str) -> None:
    doc = parse_document(titled(title), URL)
    assert doc.notice is not None and doc.notice.key == "MOFCOM-2025-22"
