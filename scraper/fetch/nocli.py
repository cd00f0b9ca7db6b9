"""httpx without its command-line program.

``import httpx`` also imports ``httpx._main``, httpx's own command-line client, and with it click,
rich.progress, rich.syntax and pygments (about 20 ms of every ``run`` start), though this program never
runs it. httpx imports it only if it can: when its optional dependencies are missing it defines a
stand-in ``httpx.main`` instead. Importing :mod:`scraper.fetch` imports httpx (unless something
already did) with that one module reported missing, so it takes that path; every other part of httpx
is the same, and a later ``import httpx._main`` still works.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

CLI_MODULE = "httpx._main"


class _CliMissing:
    """A finder that reports httpx's command-line module missing, as Python would without click or rich."""

    @staticmethod
    def find_spec(name: str, path: Sequence[str] | None = None, target: ModuleType | None = None) -> ModuleSpec | None:
        if name == CLI_MODULE:
            raise ModuleNotFoundError(f"No module named {name!r} (not needed here)", name=name)
        return None


def import_httpx() -> ModuleType:
    """``httpx``, imported without its command-line module if no one imported it before."""
    if "httpx" not in sys.modules:
        sys.meta_path.insert(0, _CliMissing)
        try:
            importlib.import_module("httpx")
        finally:
            sys.meta_path.remove(_CliMissing)
    return sys.modules["httpx"]


import_httpx()
