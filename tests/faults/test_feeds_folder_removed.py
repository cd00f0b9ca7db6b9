"""The feeds folder removed by another process while a publish writes it (a cleanup job, a person; health46).

Was: ``mofcom-watch run: internal error: NothingPlaced: [Errno 2] No such file or directory:
'…/entity/.clearalign.svg.99aec65b.tmp' (… please report it)``, exit 4: a fault of the folder said as a bug of the
program. Now it is a resource fault as a full disk or a read-only folder is: one line naming the folder, what happened
and the cure, exit 3; the next publish writes every file again. Real processes on a real folder: ``feeds`` from a
copy of the fixtures' store while this test removes the folder every few milliseconds.
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from tests.faults.harness import Baseline, feed_files, feeds_args, finish, spawn

REMOVED = "was removed by another process while this publish wrote it"


def _removing(folder: Path, stop: threading.Event) -> None:
    """From the first file the publish stages in the folder on (before it, the command's own check of the folder at
    its start would meet the removal: a bad --out, exit 2), the folder removed again and again."""
    while not stop.is_set() and not (folder.is_dir() and any(folder.iterdir())):
        time.sleep(0.001)
    while not stop.is_set():
        shutil.rmtree(folder, ignore_errors=True)
        time.sleep(0.005)


def test_a_feeds_folder_removed_mid_publish_is_a_resource_fault_then_the_next_publish_writes_it_whole(
        clean: Baseline, tmp_path):
    store = tmp_path / "store.sqlite"
    shutil.copyfile(clean.db_url.removeprefix("sqlite:///"), store)
    db = f"sqlite:///{store}"
    out = tmp_path / "feeds"
    for _ in range(5):  # the removals race the publish: most tries meet one
        stop = threading.Event()
        remover = threading.Thread(target=_removing, args=(out, stop))
        proc = spawn(db, *feeds_args(out))
        remover.start()
        try:
            done = finish(proc)
        finally:
            stop.set()
            remover.join()
        if done.code != clean.code:
            break
    assert "internal error" not in done.err and "Traceback" not in done.err, done.err
    assert done.code == 3, done.err
    lines = [line for line in done.err.splitlines() if line.strip()]
    assert len(lines) == 1 and REMOVED in lines[0] and str(out) in lines[0], done.err

    again = finish(spawn(db, *feeds_args(out)))
    assert again.code == clean.code, again.err
    expected = tmp_path / "expected"
    finish(spawn(db, *feeds_args(expected)))
    assert feed_files(out) == feed_files(expected) and feed_files(out)


def test_a_folder_met_then_gone_is_removed_mid_publish_and_a_file_in_its_place_is_not(tmp_path):
    """The race above met once as ``os.makedirs``' EEXIST (it saw the folder, its mkdir failed, its second look found
    it gone: "cannot write feeds to …: File exists", exit 2, a bad --out; the final CI of session 47)."""
    import errno

    from feeds.write import write_error
    from mofcom_watch.exits import removed_mid_publish

    out = tmp_path / "feeds"
    gone = FileExistsError(errno.EEXIST, "File exists", str(out / "entity"))
    assert removed_mid_publish(gone, out) and REMOVED in write_error(gone, out)
    out.mkdir()
    (out / "entity").write_text("a file where a folder goes")
    there = FileExistsError(errno.EEXIST, "File exists", str(out / "entity"))
    assert not removed_mid_publish(there, out) and REMOVED not in write_error(there, out)
