"""The pipeline picks each page's parser from its URL and the sources alone, so `replay` and `run`
read the same bytes the same way; and the crawler never reaches into the ORM."""

from __future__ import annotations

import ast
from datetime import datetime, timezone
from pathlib import Path

from mofcom_watch.pipeline import PageRole, PageRouter, Pipeline, saved_page
from scraper.sources import load_sources
from scraper.sources.jpaas import JpaasSource
from storage.db import session_factory
from storage.outcomes import PageOutcome

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 11, 29, 6, 0, tzinfo=timezone.utc)
ART = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html"
FORBIDDEN = ("storage.models", "storage.health", "storage.db", "mofcom_watch", "sqlalchemy")


def test_every_index_of_every_source_is_read_as_an_index():
    sources = load_sources()
    router = PageRouter(sources)
    jpaas = next(s for s in sources if isinstance(s, JpaasSource))
    assert router.role("https://www.mofcom.gov.cn/zcfb/blgg/gg/2019/index.html") is PageRole.INDEX
    assert router.role("https://www.mofcom.gov.cn/xwfb/xwfyrth/index.html") is PageRole.INDEX
    assert router.role(jpaas.list_url(7)) is PageRole.INDEX  # a later page of the list endpoint
    assert router.role("https://english.mofcom.gov.cn/News/PressConference/index.html") is PageRole.NEWS_INDEX
    assert router.role("https://english.mofcom.gov.cn/News/PressConference/art/2025/art_" + "a" * 32 + ".html") \
        is PageRole.NEWS
    assert router.role(ART) is PageRole.NOTICE
    assert router.role("file:texts/mofcom-2025-21.txt") is PageRole.NOTICE
    assert router.role("https://www.mofcom.gov.cn/zcfb/blgg/gg/2019/other.html") is PageRole.NOTICE


def test_an_index_that_reads_like_a_notice_is_never_stored_as_one(engine):
    """Saved or fetched, a notice's bytes at an index URL are "other": a changed layout is no notice."""
    raw = (ROOT / "fixtures" / ART.removeprefix("https://")).read_bytes()
    ingest = Pipeline(session_factory(engine), PageRouter(load_sources()))
    as_index = ingest(saved_page("https://www.mofcom.gov.cn/xwfb/xwfyrth/index.html", raw, T0))
    as_article = ingest(saved_page(ART, raw, T0))
    assert as_index.outcome is PageOutcome.OTHER and as_index.notice_key is None
    assert as_article.outcome is PageOutcome.NOTICE and as_article.notice_key == "UEL-2025-7"


def test_the_crawler_imports_nothing_of_the_store_or_the_cli():
    for path in sorted((ROOT / "scraper").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        bad = [m for m in names if m.startswith(FORBIDDEN)]
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"
