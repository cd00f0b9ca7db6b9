"""A URL answering another stored notice's text (fetch21; cases in /work/s21/fetch21-cases, written first).

:func:`mofcom_watch.wrongnotice.another_notice` asked of the fixtures' replayed store (read only), one record at a
time: what a page's parse is held against before it is stored. The run through real processes (S35, S35b) is in
``tests/faults/test_wrong_notice_pages.py``; here each legitimate way a URL comes to hold a notice, which must stay quiet.
"""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from mofcom_watch.wrongnotice import another_notice, listed_key
from storage.db import make_engine
from storage.records import NoticeKind, NoticeRecord

W = "https://www.mofcom.gov.cn/"
UEL5 = W + "zwgk/zcfb/art/2025/art_beb25dc3bf9447f9ba7a34b25cca8f64.html"
N13 = W + "zwgk/zcfb/art/2025/art_e1ea9512b1f84dc6b1a17f703fa4cf56.html"
NEW = W + "zwgk/zcfb/art/2026/art_00000000000000000000000000000001.html"


def notice(key: str, number: str | None = "x", kind: NoticeKind = NoticeKind.ANNOUNCEMENT) -> NoticeRecord:
    return NoticeRecord(key=key, kind=kind, number=number, issuer=None, title=None, published=None)


@pytest.fixture(scope="module")
def session(replayed):
    engine = make_engine(f"sqlite:///{replayed}", read_only=True)
    with Session(engine) as session:
        yield session
    engine.dispose()


def test_title_keys():
    assert listed_key("商务部公告2025年第22号 公布将12家美国实体列入出口管制管控名单") == "MOFCOM-2025-22"
    assert listed_key("商务部 海关总署公告2025年第55号 关于对超硬材料相关物项实施出口管制的决定") == "MOFCOM-2025-55"
    assert listed_key("不可靠实体清单工作机制公告〔2025〕8号") == "UEL-2025-8"
    assert listed_key("商务部公告2025年第72号 关于暂停实施商务部公告2024年第46号第二款的公告") == "MOFCOM-2025-72"
    assert listed_key("不可靠实体清单工作机制关于将护盾人工智能公司等6家美国实体列入不可靠实体清单的公告") is None
    assert listed_key(None) is None


@pytest.mark.parametrize(("case", "record", "url", "title", "same", "said"), [
    ("F1 stored URL, another stored notice", notice("UEL-2025-6", kind=NoticeKind.UEL_ANNOUNCEMENT), UEL5, None,
     False, "held UEL-2025-5"),
    ("F1 same bytes read again", notice("UEL-2025-6", kind=NoticeKind.UEL_ANNOUNCEMENT), UEL5, None, True, None),
    ("F2 new URL listed as another number", notice("MOFCOM-2025-13"), NEW, "商务部公告2025年第22号 公布将12家美国实体…",
     False, "listed as MOFCOM-2025-22"),
    ("F7 UEL title", notice("UEL-2025-6", kind=NoticeKind.UEL_ANNOUNCEMENT), NEW, "不可靠实体清单工作机制公告〔2025〕8号",
     False, "listed as UEL-2025-8"),
    ("F3 a reprint at a new URL", notice("MOFCOM-2025-1"), NEW, "商务部公告2025年第1号 公布将28家美国实体…", False, None),
    ("F4 an edit of the URL's own notice", notice("MOFCOM-2025-13"), N13, None, False, None),
    # F5 was quiet: stored, MOFCOM-2025-13 and -99 both stood, the same 15 entities listed twice (cycles59 S18)
    ("F5 renumbered: a number the store does not hold", notice("MOFCOM-2025-99"), N13, None, False,
     "held MOFCOM-2025-13"),
    ("F6 a title with no number", notice("MOFCOM-2025-13"), NEW, "关于公布出口管制管控名单的公告", False, None),
    ("a Q&A has no number", notice("MOFCOM-2025-13", number=None), UEL5, None, False, None),
    ("a new URL not listed", notice("MOFCOM-2025-13"), NEW, None, False, None),
])
def test_another_notice(session, case, record, url, title, same, said):
    detail = another_notice(session, record, url, title, same)
    if said is None:
        assert detail is None, case
    else:
        assert detail is not None and detail.startswith("another-notice") and said in detail, (case, detail)
