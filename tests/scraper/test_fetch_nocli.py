"""scraper.fetch imports httpx without httpx's command-line program (scraper/fetch/nocli.py): none of the modules
that program needs is loaded, httpx itself works, and httpx._main can still be imported on purpose."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT
from tests.site_server import SiteServer

PROBE = """
import sys
import scraper.fetch
import httpx
loaded = sorted(m for m in ("httpx._main", "pygments", "click", "rich.progress", "rich.syntax") if m in sys.modules)
print("loaded", loaded, "finder left", any("CliMissing" in repr(f) for f in sys.meta_path))
print("status", httpx.get(sys.argv[1]).status_code)
import httpx._main
print("cli", httpx._main.main.name)
"""


def test_httpx_without_its_command_line_program():
    with SiteServer(REPO_ROOT / "fixtures") as site:
        url = site.base_url("www.mofcom.gov.cn") + "/zwgk/zcfb/"
        done = subprocess.run([sys.executable, "-c", PROBE, url], cwd=REPO_ROOT, capture_output=True, text=True)
    assert done.stdout.splitlines() == ["loaded [] finder left False", "status 200", "cli main"], done.stderr


def test_httpx_imported_before_is_left_as_it_is():
    code = "import httpx, sys; import scraper.fetch; print('httpx._main' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True)
    assert done.stdout.split() == ["True"], done.stderr
