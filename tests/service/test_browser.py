"""The site in a real browser: headless Chromium (Debian's ``chromium`` package) against a real ``serve``.

The front page, an entity page and a state picture are screenshotted (PNG in the test's tmp
folder, asserted not blank), and the pages are measured at 390 px wide: the document must be
no wider than its viewport (no horizontal scroll). Headless Chromium keeps windows at least 500 px
wide, so the served page is laid out in a 390 px wide frame (``srcdoc``) of a measuring page whose
one script (the site itself has none) writes the frame's ``scrollWidth`` and ``innerWidth`` into
the DOM, read back with ``--dump-dom``; a control page that is too wide must be caught by the
same measurement.

Skipped, with the reason, when chromium is not installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from html import escape
from pathlib import Path

import html5lib
import pytest

from tests.conftest import copy_of
from tests.feeds.replayed import AS_OF, REPO

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")
PHONE = "--window-size=390,800"
PHONE_WIDTH = 390
MEASURING_PAGE = """<!doctype html><html><body style="margin:0">
<iframe id="f" style="width:{width}px;height:800px;border:0" srcdoc="{page}"></iframe>
<script>
const f = document.getElementById("f");
f.addEventListener("load", () => {{
  const d = f.contentDocument;
  document.body.insertAdjacentHTML("beforeend", '<pre id="mw-measure">scrollWidth=' + d.documentElement.scrollWidth
    + " innerWidth=" + f.contentWindow.innerWidth + "</pre>");
}});
</script></body></html>
"""
MEASURED_RE = re.compile(r'id="mw-measure">scrollWidth=(\d+) innerWidth=(\d+)<')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory, replayed):
    """``mofcom-watch serve`` on the replayed fixtures, with the feeds and pictures written by ``feeds --out``."""
    root = tmp_path_factory.mktemp("browser")
    db = copy_of(replayed, root / "db.sqlite")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
    env.update(MOFCOM_WATCH_DATA_DIR=str(root / "data"), MOFCOM_WATCH_FEEDS_DIR=str(root / "feeds"),
               MOFCOM_WATCH_PUBLIC_URL=f"{base}/feeds/",
               MOFCOM_WATCH_TODAY=AS_OF)  # the fixtures' day is today here: feeds refuses a past day in feeds_dir
    cli = [sys.executable, "-m", "mofcom_watch", "--db", db]
    feeds = subprocess.run([*cli, "feeds", "--out", str(root / "feeds"), "--as-of", AS_OF], env=env, cwd=REPO,
                           capture_output=True, text=True, timeout=300, check=False)
    assert feeds.returncode in (0, 1), feeds.stderr
    proc = subprocess.Popen([*cli, "serve", "--host", "127.0.0.1", "--port", str(port), "--as-of", AS_OF],
                            env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2).close()
                break
            except urllib.error.HTTPError:
                break  # 503 before a cycle ran: it answers, that is enough here
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()[1][-2000:]
                time.sleep(0.2)
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"  # a fresh profile every run
    assert CHROMIUM is not None
    run = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True,
                         timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    return run


def not_blank(png: Path) -> tuple[float, int]:
    """(share of pixels that are not near-white, number of distinct colours) of a screenshot."""
    from PIL import Image

    with Image.open(png) as img:
        rgb = img.convert("RGB")
        grey = rgb.convert("L")
        hist = grey.histogram()
        ink = sum(hist[:235]) / (rgb.width * rgb.height)
        colours = len(rgb.getcolors(maxcolors=1 << 20) or ())
    return ink, colours


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as r:
        assert r.status == 200
        return r.read().decode("utf-8")


def measure(tmp_path: Path, html: str, name: str, width: int = PHONE_WIDTH) -> tuple[int, int]:
    """(document scrollWidth, viewport innerWidth) of ``html`` laid out ``width`` px wide."""
    page = tmp_path / f"{name}.html"
    page.write_text(MEASURING_PAGE.format(width=width, page=escape(html, quote=True)), encoding="utf-8")
    dom = chromium(tmp_path, PHONE, "--dump-dom", page.as_uri()).stdout
    found = MEASURED_RE.search(dom)
    assert found, dom[-1000:]
    return int(found.group(1)), int(found.group(2))


PAGES = {"front": "/", "entity": "/entity/skydio", "search": "/search?q=Lockheed"}


@pytest.mark.parametrize("name", ["front", "entity", "picture"])
def test_screenshot_is_not_blank(site: str, tmp_path: Path, name: str) -> None:
    url = site + (PAGES.get(name) or "/feeds/notice/UEL-2025-7.svg")
    png = tmp_path / f"{name}.png"
    size = "--window-size=560,420" if name == "picture" else PHONE
    chromium(tmp_path, size, f"--screenshot={png}", url)
    ink, colours = not_blank(png)
    assert ink > 0.03 and colours > 20, (name, ink, colours)


@pytest.mark.parametrize("viewport", [PHONE_WIDTH, 800], ids=lambda w: f"{w}px")
@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_horizontal_scroll(site: str, tmp_path: Path, name: str, viewport: int) -> None:
    """390 px: a phone (tables stacked row by row); 800 px: just wide enough for the tables as tables."""
    html = get(site + PAGES[name])
    assert "<script" not in html  # the site works without JavaScript; the measuring line is the test's
    width, window = measure(tmp_path, html, name, viewport)
    assert window == viewport, f"the viewport is {window} px, not {viewport}: the check would prove nothing"
    assert width <= window, f"{PAGES[name]} is {width} px wide in a {window} px window"


def test_the_measurement_catches_a_page_too_wide(tmp_path: Path) -> None:
    html = "<!doctype html><html><body><table><tr><td>" + "x" * 400 + "</td></tr></table></body></html>"
    width, window = measure(tmp_path, html, "control")
    assert width > window


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_parse_as_strict_html5(site: str, name: str) -> None:
    html5lib.HTMLParser(strict=True).parse(get(site + PAGES[name]))
