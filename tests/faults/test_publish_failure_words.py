"""A publish that failed on a full disk is said in ``status`` and ``/healthz`` as ``feeds`` says it (ops37, cli36's B).

Was: ``LAST PUBLISH FAILED at … (FOLDER): OSError: [Errno 28] No space left on device`` (``status``, ``--json``'s
``last_publish.error``) and ``could not publish … : OSError: [Errno 28] …`` (``/healthz``), where ``feeds`` itself said
which folder, what is wrong and what to do. Now the same sentence, the errno's name kept (``[ENOSPC]``), and it says
that the folder may hold this publish's files beside the last one's. Real processes, a real full tmpfs (root)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import copy_of
from tests.faults.harness import AS_OF, Tmpfs, can_mount, cli, cli_env, feeds_args
from tests.faults.serving import serving

REASON = can_mount()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")
SAID = "the disk is full (or over quota): free some space, then run again"


def test_a_publish_on_a_full_disk_is_said_in_words_by_status_and_healthz(replayed, tmp_path):
    url = copy_of(replayed, tmp_path / "store.sqlite")
    with Tmpfs(tmp_path / "disk", 400 << 10) as disk:
        feeds = disk.path / "feeds"
        failed = cli(url, *feeds_args(feeds))
        assert failed.code == 3 and SAID in failed.err, failed.err
        assert "no file of this publish was put in place" in failed.err  # (feeds.write.Staged)

        status = cli(url, "status", "--as-of", AS_OF, env=cli_env(MOFCOM_WATCH_FEEDS_DIR=str(feeds)))
        line = next(line for line in status.out.splitlines() if line.startswith("LAST PUBLISH FAILED"))
        assert f"cannot write the feeds in {feeds}: {SAID}" in line and line.endswith("[ENOSPC]"), line
        assert "Errno" not in line and "OSError" not in line, line
        report = json.loads(cli(url, "status", "--as-of", AS_OF, "--json",
                                env=cli_env(MOFCOM_WATCH_FEEDS_DIR=str(feeds))).out)
        assert SAID in report["last_publish"]["error"] and "Errno" not in report["last_publish"]["error"]

        env = {"MOFCOM_WATCH_FEEDS_DIR": str(feeds), "MOFCOM_WATCH_TODAY": AS_OF}  # (a past day: a folder of its own)
        with serving(url, tmp_path, "--as-of", AS_OF, env=env) as served:
            code, _h, body = served.get("/healthz")
        health = json.loads(body)
        assert code == 503, health
        said = [p for p in health["problems"] if p.startswith(("last publish failed", "could not publish"))]
        assert said and all(SAID in p and p.endswith("[ENOSPC]") and "Errno" not in p for p in said), said
