"""A failing ``schedule`` cycle is logged in one plain line, as ``run`` says the same failure: the cause, the path and
the cure, not the exception's repr. In process, no fetch: the cycle's own work is replaced by the write that failed."""

from __future__ import annotations

import errno
import io
from pathlib import Path

import mofcom_watch.cycle
from mofcom_watch.config import Settings
from mofcom_watch.exits import failure_line
from mofcom_watch.scheduler import CycleRunner, real_cycle


def test_a_file_where_the_feeds_folder_should_be_is_said_as_run_says_it(tmp_path: Path, monkeypatch,
                                                                          log_stream: io.StringIO) -> None:
    """cli31: a file lying where the feeds folder should be failed every cycle with
    ``error="NotADirectoryError: [Errno 20] Not a directory: '…/feeds/notice/MFA-ORDER-2022-4.svg'"``, where ``run``
    names the folder, what is wrong and what to do (exit 3). The loop goes on (the runner returns)."""
    feeds = tmp_path / "feeds"
    feeds.write_text("not a folder")
    settings = Settings(data_dir=tmp_path, feeds_dir=feeds)

    def publishing(*_args: object, **_kwargs: object) -> None:
        (feeds / "notice").mkdir(parents=True)  # the publish's first folder: the OS refuses it

    monkeypatch.setattr(mofcom_watch.cycle, "run_cycle", publishing)
    outcome = CycleRunner(real_cycle(settings))()
    assert not outcome.ok and not outcome.skipped
    assert outcome.error is not None and outcome.error.startswith(f"cannot write the feeds in {feeds}: it (or a folder "
                                                                  "on its path) is a file, not a folder: move the file")
    failed = [line for line in log_stream.getvalue().splitlines() if 'msg="cycle failed"' in line]
    assert len(failed) == 1 and "NotADirectoryError" not in failed[0] and "Errno" not in failed[0], failed


def test_failure_line_says_other_file_errors_by_cause_and_path_and_leaves_bugs_to_their_type(tmp_path: Path) -> None:
    watchlist = tmp_path / "watch" / "list.toml"
    line = failure_line(NotADirectoryError(errno.ENOTDIR, "Not a directory", str(watchlist)), feeds_dir=tmp_path / "f")
    assert line == f"cannot use {watchlist}: Not a directory"
    assert failure_line(ValueError("a bug")) is None  # said with its type, as before
