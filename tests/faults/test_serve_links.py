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
from tests.faults.test_readonly_commands import cli

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


def test_serve_on_the_ipv6_wildcard_answers_where_its_links_lead(tmp_path: Path) -> None:
    """ops49: ``serve --host ::`` bound its socket IPv6 only (``IPV6_V6ONLY``, as for the pair of wildcards asyncio
    binds), while its links, with no ``public_base_url``, named ``localhost``: where localhost is 127.0.0.1 alone (this
    machine's /etc/hosts, many images'), every link the front page and the OPML handed out was refused. The IPv6
    wildcard alone now takes IPv4 too, as "listen on every address" says; ``--host ::1`` stays IPv6."""
    import json
    import os
    import signal
    import socket
    import subprocess
    import sys
    import urllib.request

    import pytest

    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 on this machine")
    pages = tmp_path / "pages"
    for page in PAGES:
        (pages / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO_ROOT / "fixtures" / page, pages / page)
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert cli("--db", db, "replay", str(pages)).returncode in (0, 1)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
    env.update(MOFCOM_WATCH_DATA_DIR=str(tmp_path / "data"), MOFCOM_WATCH_PUBLIC_URL="")
    proc = subprocess.Popen([sys.executable, "-m", "mofcom_watch", "--db", db, "serve", "--host", "::", "--port", "0"],
                            env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        said = []
        while not any("msg=serving" in line for line in said):
            line = proc.stderr.readline()
            assert line, "".join(said)  # (serve stopped before serving)
            said.append(line)
        port = int(re.search(r"feeds_url=http://localhost:(\d+)/feeds/", said[-1]).group(1))  # type: ignore[union-attr]
        for host in ("127.0.0.1", "[::1]"):  # the wildcard's every address
            with urllib.request.urlopen(f"http://{host}:{port}/healthz", timeout=30) as answer:
                assert json.load(answer)["status"] in ("ok", "fail")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/feeds.opml", timeout=30) as answer:
            links = [unescape(url) for url in XML_URL_RE.findall(answer.read().decode("utf-8"))]
        assert links and all(url.startswith(f"http://localhost:{port}/feeds/") for url in links), links[:3]
        with urllib.request.urlopen(links[0], timeout=30) as answer:  # localhost, as this machine resolves it
            assert answer.status == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
