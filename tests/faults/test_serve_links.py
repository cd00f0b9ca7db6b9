"""Links name the host and port actually serving them.

With no ``public_base_url`` configured, ``serve --host 127.0.0.1`` logged ``url=http://127.0.0.1:PORT/``
but ``feeds_url=http://localhost:PORT/feeds/``, and the front page and the OPML linked every feed under
``localhost``, which may resolve to ::1 where nothing listens. Real processes: replay two saved pages,
serve them with the public URL left empty, follow the links the server hands out.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

from tests.conftest import REPO_ROOT
from tests.faults.serving import serving
from tests.faults.test_pipe_output import cli

AS_OF = "2026-11-30"
PAGES = ("www.mofcom.gov.cn/zcfb/blgg/gg/2025/index.html",
         "www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_bc4513421bb24faaa84e44c2e4f36dc5.html")
ALTERNATE_RE = re.compile(r'<link rel="alternate" type="application/(?:atom|rss)\+xml"[^>]*href="([^"]+)"')
XML_URL_RE = re.compile(r'xmlUrl="([^"]+)"')


def test_default_links_name_the_address_serve_listens_on(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    for page in PAGES:
        (pages / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO_ROOT / "fixtures" / page, pages / page)
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    replayed = cli("--db", db, "replay", str(pages), "--as-of", AS_OF)
    assert replayed.returncode in (0, 1), replayed.stderr
    with serving(db, tmp_path, "--as-of", AS_OF, env={"MOFCOM_WATCH_PUBLIC_URL": ""}) as served:
        own = f"http://127.0.0.1:{served.port}/feeds/"
        status, _h, page = served.get("/")
        assert status == 200
        links = [unescape(href) for href in ALTERNATE_RE.findall(page.decode("utf-8"))]
        status, _h, opml = served.get("/feeds.opml")
        assert status == 200
        links += [unescape(url) for url in XML_URL_RE.findall(opml.decode("utf-8"))]
        assert links and all(url.startswith(own) for url in links), (own, links[:3])
        for url in sorted(set(links)):
            status, _h, _body = served.get(url.removeprefix(served.base))
            assert status == 200, (url, status)
    serving_line = next(line for line in served.stderr.splitlines() if "serving" in line)
    assert f"url=http://127.0.0.1:{served.port}/" in serving_line
    assert f"feeds_url={own}" in serving_line, serving_line
