"""The live feeds folder removed or emptied after a successful publish (a cleanup job, a person; health46's open B).

Was: ``status`` exited 0 and said "last successful publish … to DIR" over a folder that was gone, while readers got 404
until the next run wrote it again. Now, where the configured ``feeds_dir`` is the last successful publish's target
(the same path only: a ``status`` with another folder configured judges nothing), it says ``FEEDS FOLDER GONE: …``,
exits 1 (``feeds_gone`` in ``--json``, ``"ok": false``) until a publish writes the folder again. Real ``run`` and
``status`` processes, a real SQLite store, the local site server."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.faults.harness import cli
from tests.faults.test_deep_walk import SOURCE, column_store
from tests.faults.test_site_changes import W, env
from tests.site_server import SiteServer

GONE = "FEEDS FOLDER GONE: the feeds folder "


def test_status_says_a_live_feeds_folder_removed_or_emptied_after_its_publish(tmp_path: Path) -> None:
    db, out, extra, pages = column_store(tmp_path)
    live = env(MOFCOM_WATCH_FEEDS_DIR=str(out), MOFCOM_WATCH_PUBLIC_URL="http://127.0.0.1:8080/feeds/", **extra)
    with SiteServer(None, pages=pages, columns={W: "zwgk/zcfb/"}) as site:
        ran = cli(db, "run", "--no-progress", "--source", SOURCE, "--base-url", f"{W}={site.base_url(W)}", env=live)
        whole = cli(db, "status", env=live)
        shutil.rmtree(out)
        removed = cli(db, "status", env=live)
        removed_json = cli(db, "status", "--json", env=live)
        elsewhere = cli(db, "status", env={**live, "MOFCOM_WATCH_FEEDS_DIR": str(tmp_path / "other")})
        out.mkdir()
        (out / ".keep").write_text("")  # a folder emptied (its files gone, the folder kept)
        emptied = cli(db, "status", env=live)
        again = cli(db, "run", "--no-progress", "--source", SOURCE, "--base-url", f"{W}={site.base_url(W)}", env=live)
        written = cli(db, "status", env=live)
    assert ran.code == 0, ran.out + ran.err
    assert whole.code == 0 and GONE not in whole.out, whole.out
    assert removed.code == 1, removed.out + removed.err
    assert f"{GONE}{out}, where the last successful publish (" in removed.out, removed.out
    assert "is gone (removed, or not mounted)" in removed.out, removed.out
    said = json.loads(removed_json.out)
    assert removed_json.code == 1 and said["ok"] is False and said["feeds_gone"], said
    assert any(line.startswith(GONE) for line in said["problems"]), said["problems"]
    assert GONE not in elsewhere.out, elsewhere.out  # another folder configured: not judged by this one
    assert emptied.code == 1 and "holds no all.atom (emptied)" in emptied.out, emptied.out
    assert again.code == 0 and (out / "all.atom").is_file(), again.out + again.err
    assert written.code == 0 and GONE not in written.out, written.out
