"""``PageStore.moved``: a notice page answering 404 is no loss only while the notice is read at another of the
ministries' pages that answered after it; two URLs of one notice gone at once leave at least one loud."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import sessionmaker

from storage.db import open_store
from storage.models import HealthIssue, Page
from storage.pages import PageStore
from tests.conftest import copy_of

N22 = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html"
N22_ALIAS = "https://www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_a3535a90814b4d33bf9dc2878c65c9e0.html"
INDEX = "https://www.mofcom.gov.cn/zwgk/zcfb/index.html"


def test_a_page_gone_is_moved_only_while_another_url_of_its_notice_answered_later(replayed, tmp_path):
    engine = open_store(copy_of(replayed, tmp_path / "db.sqlite"))
    sf = sessionmaker(engine)
    store = PageStore(sf)
    # replayed with one fetch time: neither URL answered after the other, so neither vouches for the other
    assert store.moved(N22) is None and store.moved(N22_ALIAS) is None
    with sf() as session, session.begin():
        last = session.scalar(select(Page.last_fetched_at).where(Page.url == N22))
        session.execute(update(Page).where(Page.url == N22_ALIAS).values(last_fetched_at=last + timedelta(hours=1)))
    assert store.moved(N22) == N22_ALIAS  # the site moved it: read at the alias, which answered since
    assert store.moved(N22_ALIAS) is None  # the one answered last is never excused by the other
    assert store.moved(INDEX) is None  # not a notice page
    with sf() as session, session.begin():  # the alias broken now (a bot check, a 404 of its own): no excuse
        session.add(HealthIssue(key="t/unusable-page/alias", source="t", kind="unusable-page", detail="HTTP 404",
                                url=N22_ALIAS, first_seen=last, last_seen=last))
    assert store.moved(N22) is None
    engine.dispose()
