"""Sources: defaults, a user's file, index plans per mode, jpaas pagination URLs."""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from scraper.links import extract_links
from scraper.sources import Mode, SourceConfigError, default_sources, load_sources

AS_OF = date(2026, 11, 29)


def by_name():
    return {s.name: s for s in load_sources()}


def test_default_sources_cover_the_sites():
    names = set(by_name())
    assert {"mofcom-announcements", "mofcom-policy", "mofcom-qa", "mofcom-policy-list", "aqygzj",
            "english-news"} <= names
    assert "news-pages" not in names  # empty until the user lists pages
    assert {s.name for s in default_sources()} >= names


def test_annual_index_backfills_back_to_since_and_updates_read_this_year():
    source = by_name()["mofcom-announcements"]
    back = [p.url for p in source.plans(Mode.BACKFILL, AS_OF, 2023)]
    assert back == [f"https://www.mofcom.gov.cn/zcfb/blgg/gg/{y}/index.html" for y in (2026, 2025, 2024, 2023)]
    assert all(p.optional for p in source.plans(Mode.BACKFILL, AS_OF, None))
    assert [p.year for p in source.plans(Mode.UPDATE, AS_OF, None)] == [2026, 2025]


def test_jpaas_pages_by_page_number_with_referer():
    plan = by_name()["mofcom-policy-list"].plans(Mode.BACKFILL, AS_OF, None)[0]
    query = parse_qs(urlsplit(plan.page_url(3)).query)
    assert query["pageNo"] == ["3"] and query["pageSize"] == ["20"] and query["parseType"] == ["bulidstatic"]
    assert query["webId"] == ["8f43c7ad3afc411fb56f281724b73708"] and query["tagId"] == ["分页列表"]
    assert plan.referer == "https://www.mofcom.gov.cn/zwgk/zcfb/index.html" and plan.page_size == 20


def test_aqygzj_uses_param_json_pagination_and_its_home_page():
    plans = by_name()["aqygzj"].plans(Mode.UPDATE, AS_OF, None)
    assert plans[0].url == "https://aqygzj.mofcom.gov.cn/index.html"
    params = json.loads(parse_qs(urlsplit(plans[1].page_url(2)).query)["paramJson"][0])
    assert params == {"pageNo": 2, "pageSize": 100}


def test_wants_article_links_on_mofcom_notice_hosts_only():
    source = by_name()["mofcom-announcements"]
    art = "art/2024/art_f5ac8919a05743f78a3c25f3d0c138f5.html"
    assert source.wants(f"https://aqygzj.mofcom.gov.cn/flzc/gzjgfxwj/{art}")
    assert not source.wants(f"https://evil.example.net/flzc/{art}")
    assert not source.wants("https://www.mofcom.gov.cn/zwgk/zcfb/index.html")


def test_user_file_overrides_adds_and_disables(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text(
        '[[source]]\nname = "mofcom-qa"\nenabled = false\n\n'
        '[[source]]\nname = "mofcom-policy"\npaths = ["/zwgk/zcfb/index.html", "/zcfb/index.html"]\n\n'
        '[[source]]\nname = "news-pages"\nindexes = ["https://www.globaltimes.cn/china/index.html"]\n',
        encoding="utf-8",
    )
    sources = {s.name: s for s in load_sources(path=path)}
    assert "mofcom-qa" not in sources
    assert [p.url for p in sources["mofcom-policy"].plans(Mode.UPDATE, AS_OF, None)][-1] == \
        "https://www.mofcom.gov.cn/zcfb/index.html"
    news = sources["news-pages"]
    assert news.news and news.wants("https://www.globaltimes.cn/page/202509/1344476.shtml")


@pytest.mark.parametrize("text, message", [
    ('[[source]]\nname = "x"\nkind = "nope"\n', "unknown kind"),
    ('[[source]]\nname = "mofcom-qa"\ncolour = "red"\n', "unknown key"),
    ("[[source]\n", "not valid TOML"),
])
def test_bad_user_file_is_a_clear_error(tmp_path, text, message):
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceConfigError, match=message):
        load_sources(path=path)


def test_unknown_source_name():
    with pytest.raises(SourceConfigError, match="unknown source"):
        load_sources(("nope",))


def test_links_from_a_jpaas_json_body():
    body = json.dumps({"success": True, "data": {"html": '<li><a href="/zwgk/zcfb/art/2025/art_'
                       + "a" * 32 + '.html" title="T">T</a><span>[2025-04-04]</span></li>'}}).encode()
    links = extract_links(body, "https://www.mofcom.gov.cn/api-gateway/x?pageNo=1", "application/json")
    assert [x.url for x in links] == [f"https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_{'a' * 32}.html"]


def test_news_feed_links_rss_and_atom():
    from scraper.links import plain_links
    from scraper.sources.news import NewsPagesSource

    rss = ('<?xml version="1.0"?><rss><channel><link>https://www.globaltimes.cn/</link><item>'
           "<link>https://www.globaltimes.cn/page/202509/1344476.shtml</link></item></channel></rss>")
    atom = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>'
            '<link href="https://english.news.cn/20250514/0123456789abcdef0123456789abcdef/c.html"/></entry></feed>')
    source = NewsPagesSource(name="n", host="", news=True,
                             indexes=("https://www.globaltimes.cn/rss/china.xml", "https://english.news.cn/rss.xml"))
    got = [x.url for body in (rss, atom) for x in plain_links(body, "https://x/") if source.wants(x.url)]
    assert got == ["https://www.globaltimes.cn/page/202509/1344476.shtml",
                   "https://english.news.cn/20250514/0123456789abcdef0123456789abcdef/c.html"]


def test_every_default_source_says_what_it_holds():
    """Source-health items named a source "mofcom-qa" (wording29): each default source has its words, one table."""
    from scraper.sources.defaults import SOURCE_DESCRIPTIONS
    from storage.vocabulary import source_label

    assert {s.name for s in default_sources()} <= set(SOURCE_DESCRIPTIONS)
    assert source_label("mofcom-qa", SOURCE_DESCRIPTIONS) == "MOFCOM spokesperson's answers (mofcom-qa)"
    assert source_label("my-own-source", SOURCE_DESCRIPTIONS) == "my-own-source"  # a user's source: its name
