"""A full disk and a read-only file system, under the store and under the feeds folder: one line
naming the resource and what to do, exit 3, nothing half-written, and the next run recovers to
exactly the clean store and feeds. Real tmpfs mounts: root only (skipped with the reason otherwise)."""

from __future__ import annotations

import pytest

from tests.faults.harness import can_mount
from tests.faults.resources import disk_full_store, feeds_fault, one_line, read_only_store

REASON = can_mount()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


def test_disk_full_under_the_store(clean, tmp_path):
    outcome, faulted = disk_full_store(clean, tmp_path)
    assert faulted.code == 3 and one_line(faulted), faulted.err
    assert faulted.first_line.startswith("mofcom-watch replay: the disk holding the SQLite file ")
    assert " is full: " in faulted.first_line
    assert outcome.lost == 0 and outcome.false == 0 and outcome.recovered, outcome


def test_read_only_store_is_one_line_not_one_per_page(clean, tmp_path):
    outcome, faulted = read_only_store(clean, tmp_path)
    assert faulted.code == 3 and one_line(faulted), faulted.err
    assert " is read-only " in faulted.first_line and "INSERT" not in faulted.err
    assert outcome.lost == 0 and outcome.false == 0 and outcome.recovered, outcome


@pytest.mark.parametrize("full", [True, False], ids=["disk-full", "read-only"])
def test_feeds_folder_fault(clean, tmp_path, full):
    outcome, faulted = feeds_fault(clean, tmp_path, full=full)
    assert faulted.code == 3 and one_line(faulted), faulted.err
    assert faulted.first_line.startswith("mofcom-watch feeds: cannot write the feeds in ")
    assert ("disk is full" if full else "read-only file system") in faulted.first_line
    assert outcome.lost == 0 and outcome.false == 0 and outcome.recovered, outcome
