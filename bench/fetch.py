"""Fetch benchmark: N synthetic notices from a local server with added latency (loopback only).

    .venv/bin/python bench/fetch.py [--n 1000] [--latency 0.05] [--per-host 8]

Prints (a) the first full crawl time next to the sum of the per-request latencies,
(b) the second, no-change run: requests sent, body bytes received, pages parsed
(target: zero bodies, zero parses), (c) peak memory (max RSS of this process, which
also hosts the server). Bounded: N <= 5000, nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mofcom_watch.config import Settings  # noqa: E402
from mofcom_watch.cycle import run_cycle  # noqa: E402
from scraper.fetch import FetchPolicy  # noqa: E402
from scraper.sources import load_sources  # noqa: E402
from tests.site_server import SiteServer  # noqa: E402

HOST = "www.mofcom.gov.cn"
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="SiteName" content="中华人民共和国商务部"><meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{day} 10:00"><title>{title}</title></head><body>
<div class="art-con art-con-bottonmLine">
<p>【发布单位】安全与管制局</p><p>【发布文号】商务部公告2030年第{n}号</p><p>【发文日期】{cn_day}</p>
<p>根据《中华人民共和国出口管制法》等法律法规有关规定，为维护国家安全和利益，决定将测试{n}甲公司等2家美国实体列入出口管制管控名单（见附件），并采取以下措施：</p>
<p>一、禁止向上述2家美国实体出口两用物项；正在开展的相关出口活动应当立即停止。</p>
<p>本公告自公布之日起正式实施。</p><p>商务部</p><p>{cn_day}</p>
<p>附件：出口管制管控名单（{cn_day}）</p>
<p>1. 测试{n}甲公司（Bench {n} Alpha Inc.）</p><p>2. 测试{n}乙公司（Bench {n} Beta LLC）</p>
</div></body></html>"""


def synthetic_site(n: int) -> dict[str, bytes]:
    pages = {}
    for i in range(1, n + 1):
        month, day = 1 + (i * 7) % 12, 1 + i % 28
        iso = f"2030-{month:02d}-{day:02d}"
        hexid = hashlib.md5(f"bench-{i}".encode()).hexdigest()
        title = f"商务部公告2030年第{i}号 关于将测试{i}甲公司等2家美国实体列入出口管制管控名单的公告"
        body = PAGE.format(title=title, day=iso, n=i, cn_day=f"2030年{month}月{day}日")
        pages[f"{HOST}/zwgk/zcfb/art/2030/art_{hexid}.html"] = body.encode("utf-8")
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--per-host", type=int, default=8)
    args = parser.parse_args()
    n = max(1, min(args.n, 5000))
    sources = [s for s in load_sources() if s.name == "mofcom-policy-list"]
    policy = FetchPolicy(delay=0.0, per_host=args.per_host, total=args.per_host, timeout=30, attempts=2, backoff=0.1)
    with tempfile.TemporaryDirectory() as tmp, SiteServer(None, latency=args.latency, pages=synthetic_site(n)) as site:
        settings = Settings(data_dir=Path(tmp))
        kw = dict(as_of=date(2030, 12, 31), base_urls={HOST: site.base_url(HOST)}, sources=sources, policy=policy,
                  out_dir=Path(tmp) / "feeds", progress=False)
        t0 = time.perf_counter()
        first = run_cycle(settings, **kw)
        first_s = time.perf_counter() - t0
        site.reset_hits()
        t0 = time.perf_counter()
        second = run_cycle(settings, **kw)
        second_s = time.perf_counter() - t0
        served = site.body_bytes()
    stored = sum(s.new for s in first.sources)
    print(f"notices served: {n}, latency per request: {args.latency * 1000:.0f} ms, per-host concurrency: {args.per_host}")
    print(f"(a) first crawl: {first.requests} requests in {first_s:.1f} s "
          f"(sum of latencies {first.requests * args.latency:.1f} s); {first.bodies} bodies, "
          f"{first.body_bytes} bytes, {first.parsed} parsed, {stored} new notices, {first.new_events} events")
    print(f"    of which fetch+ingest {first.crawl_seconds:.1f} s, lifecycle sync+feeds {first.publish_seconds:.1f} s")
    print(f"(b) second run, no change: {second.requests} requests ({second.not_modified} answered 304), "
          f"{second.bodies} bodies, {second.body_bytes} body bytes received ({served} served), "
          f"{second.parsed} pages parsed, {second.new_events} new events, {second_s:.1f} s "
          f"(fetch {second.crawl_seconds:.1f} s, lifecycle sync+feeds {second.publish_seconds:.1f} s)")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"(c) peak memory (max RSS, server included): {peak_kb / 1024:.0f} MB")
    ok = second.bodies == 0 and second.parsed == 0 and stored == n
    print("target met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
