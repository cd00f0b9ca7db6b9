"""The news sources' ``wants``: the host check made before ``urlsplit`` (``may_be_on``) never turns a wanted
URL away: the same answers as splitting every URL."""

from __future__ import annotations

from urllib.parse import urlsplit

from scraper.sources.news import ENGLISH_ARTICLE_RE, EnglishNewsSource, NewsPagesSource, may_be_on

EN = "english.mofcom.gov.cn"
ARTICLE = f"/News/PressConference/art/2025/art_{'a' * 32}.html"
URLS = [
    f"https://{EN}{ARTICLE}", f"HTTPS://English.MOFCOM.gov.cn{ARTICLE}", f"https://user@{EN}:8443{ARTICLE}",
    f"https://{EN}{ARTICLE}?x=1#y", f"https://{EN}/News/index.html", f"https://www.mofcom.gov.cn{ARTICLE}",
    f"https://english.mof\tcom.gov.cn{ARTICLE}", f"https://english.mofcom.gov.cn\n{ARTICLE}",
    f"\x00https://{EN}{ARTICLE}", f" https://{EN}{ARTICLE}", f"https://{EN}.evil.example{ARTICLE}",
    f"file:{EN}{ARTICLE}", "https://www.globaltimes.cn/page/202509/1344476.shtml",
    "https://WWW.GlobalTimes.cn/page/202509/1344476.shtml", "https://www.globaltimes.cn/page/202509/x.shtml",
    "https://www.global\ttimes.cn/page/202509/1344476.shtml", "https://[::1]/page/202509/1344476.shtml", "",
]


def _split_wants(url: str, hosts: frozenset[str], pattern: str) -> bool:
    import re

    parts = urlsplit(url)
    return (parts.hostname or "").lower() in hosts and bool(re.search(pattern, parts.path))


def test_wants_answers_as_splitting_every_url() -> None:
    english = EnglishNewsSource(name="english-news", host=EN, news=True)
    pages = NewsPagesSource(name="news-pages", host="", news=True,
                            pages=("https://www.globaltimes.cn/page/202509/1.shtml", "https://[::1]/x"))
    for url in URLS:
        assert english.wants(url) == _split_wants(url, english.hosts, ENGLISH_ARTICLE_RE.pattern), url
        assert pages.wants(url) == _split_wants(url, pages.hosts, pages.link_pattern), url
    assert english.wants(URLS[0]) and english.wants(URLS[1]) and english.wants(URLS[2])
    assert english.wants(URLS[6])  # urlsplit drops the tab: wanted, so the check must not turn it away
    assert pages.wants(URLS[12]) and pages.wants(URLS[13]) and pages.wants(URLS[15])


def test_may_be_on_turns_away_only_other_hosts() -> None:
    hosts = frozenset({EN})
    assert not may_be_on(f"https://www.mofcom.gov.cn{ARTICLE}", hosts)
    assert may_be_on(f"https://ENGLISH.mofcom.gov.cn{ARTICLE}", hosts)
    assert may_be_on("https://english.mofcom.gov\r.cn/", hosts)  # not printable: left to urlsplit
