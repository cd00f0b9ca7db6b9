"""The collector at start-up (mofcom_watch.lazygroup): off while a CLI process imports its command, then the
imports' objects frozen and the collector on again; a command loaded in-process (tests) freezes nothing."""

from __future__ import annotations

import gc
import subprocess
import sys

from mofcom_watch.lazygroup import load_command
from tests.conftest import REPO_ROOT

PROBE = """
import gc, sys
from mofcom_watch.lazygroup import hold_collector, load_command
hold_collector()
off = gc.isenabled()
load_command(sys.argv[1])
print(off, gc.isenabled(), gc.get_freeze_count() > 1000)
"""


def test_a_cli_process_collects_again_once_the_command_is_loaded():
    for name in ("replay", "run", "status"):
        done = subprocess.run([sys.executable, "-c", PROBE, name], cwd=REPO_ROOT, capture_output=True, text=True,
                              check=True)
        assert done.stdout.split() == ["False", "True", "True"], (name, done.stderr)


def test_python_m_mofcom_watch_ends_with_the_collector_on():
    code = ("import gc, runpy, sys; sys.argv = ['mofcom-watch', 'config']\n"
            "try:\n    runpy.run_module('mofcom_watch', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print('collector', gc.isenabled(), gc.get_freeze_count() > 1000, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True)
    assert "collector True True" in done.stderr, done.stderr


def test_a_command_loaded_in_process_freezes_nothing():
    frozen, enabled = gc.get_freeze_count(), gc.isenabled()
    load_command("status")
    assert gc.get_freeze_count() == frozen and gc.isenabled() == enabled
