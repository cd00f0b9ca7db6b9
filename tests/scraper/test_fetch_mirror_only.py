"""With --base-url overrides the fetcher contacts only the overridden hosts: a redirect or a
request to another MOFCOM host is refused before any connection, never sent to the real site."""

from __future__ import annotations

import pytest

from scraper.fetch import Fetcher, FetchPolicy, FetchRequest, HostMap
from tests.site_server import Fault, SiteServer

WWW = "www.mofcom.gov.cn"
AQ = "aqygzj.mofcom.gov.cn"
PAGE = f"{WWW}/zwgk/zcfb/art/2025/art_0123456789abcdef0123456789abcdef.html"
AQ_URL = f"https://{AQ}/flzc/gzjgfxwj/art/2025/art_81fd0e00d5aa4be39db90f2c183c809a.html"
BODY = b"<html><body><p>x</p></body></html>"


@pytest.fixture
def site():
    with SiteServer(pages={PAGE: BODY}) as server:
        yield server


def _fetcher(site: SiteServer) -> Fetcher:
    policy = FetchPolicy(delay=0.0, attempts=2, backoff=0.01, max_wait=0.05, timeout=0.5)
    return Fetcher(policy, host_map=HostMap({WWW: site.base_url(WWW)}), allowed_hosts={WWW, AQ})


def test_redirect_to_a_real_host_without_override_is_refused(site):
    site.faults[PAGE] = Fault("redirect", location=AQ_URL)
    with _fetcher(site) as f:
        result = f.fetch(FetchRequest(f"https://{PAGE}"))
    assert result.error == "redirect-off-site" and AQ in result.detail
    assert f.counters.requests == 1  # only the mirror was asked


def test_request_to_a_host_without_override_is_never_sent(site):
    with _fetcher(site) as f:
        result = f.fetch(FetchRequest(AQ_URL))
    assert result.error == "no-base-url" and result.attempts == 1
    assert f.counters.requests == 0 and site.hits == []


def test_redirect_between_overridden_hosts_still_works(site):
    other = f"{WWW}/zcfb/blgg/art/2025/art_fedcba9876543210fedcba9876543210.html"
    site.set_page(other, BODY)
    site.faults[PAGE] = Fault("redirect", location=f"https://{other}")  # an absolute link to the real host name
    with _fetcher(site) as f:
        result = f.fetch(FetchRequest(f"https://{PAGE}"))
    assert result.ok and result.final_url == f"https://{other}" and result.body == BODY
