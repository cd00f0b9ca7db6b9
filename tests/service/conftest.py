"""Fixtures shared by the service tests."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from mofcom_watch.logs import setup_logging


@pytest.fixture
def log_stream() -> Iterator[io.StringIO]:
    """The service's log lines, as they go to stderr, captured for the test; logging set back afterwards."""
    stream = io.StringIO()
    setup_logging(0, stream=stream)
    yield stream
    setup_logging(0)
