"""Whatever a client asks, `serve` answers 2xx, 3xx or 4xx, never 500, and its log lines stay short
(issue 9 item 7). A feed name of 251+ characters used to give 500 and a log line holding the whole path."""

from __future__ import annotations

import sqlite3

from storage.db import open_store
from tests.faults.serving import serving


def test_long_odd_and_hostile_paths_get_4xx_and_short_log_lines(tmp_path):
    db = tmp_path / "db.sqlite"
    open_store(f"sqlite:///{db}").dispose()
    targets = {
        "/feeds/" + "a" * 251 + ".atom": 404,
        "/feeds/entity/" + "b" * 300 + ".rss": 404,
        "/feeds/" + "c" * 1000 + "/x.atom": 404,
        "/feeds/" + "d" * 5000 + ".atom": 414,
        "/" + "e" * 3000: 414,
        "/feeds/all.atom?" + "q=1&" * 1000: 414,
        "/feeds/%00.atom": 400,
        "/feeds/%ff%fe.atom": 404,  # decoded with replacement characters: no such feed
        "/feeds/..%2f..%2fetc%2fpasswd": 404,
        "/feeds/all.atom/": 404,
        "/nope": 404,
        "/entity/" + "f" * 400: 404,
        "/snapshot/" + "0" * 400: 404,
    }
    with serving(f"sqlite:///{db}", tmp_path, options=("-v",)) as served:
        for target, expected in targets.items():
            status, _headers, _body = served.get(target)
            assert status < 500, (target[:80], status)
            assert status == expected, (target[:80], status)
        assert served.get("/healthz")[0] in (200, 503)
    assert "Traceback" not in served.stderr
    longest = max(len(line) for line in served.stderr.splitlines())
    assert longest < 600, longest
    assert "a" * 200 not in served.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM notice").fetchone() == (0,)
