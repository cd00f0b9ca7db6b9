"""Structured one-line logs: key=value or JSON, the run id on every line of a run, --quiet/--verbose."""

from __future__ import annotations

import io
import json
import logging

import pytest

from mofcom_watch.logs import log, run_context, setup_logging

LOG = logging.getLogger("mofcom_watch.test")


@pytest.fixture(autouse=True)
def _restore():
    yield
    setup_logging(0)


def test_logfmt_lines_carry_the_run_id() -> None:
    out = io.StringIO()
    setup_logging(0, stream=out)
    with run_context("r-1") as rid:
        log(LOG, logging.INFO, "cycle done", new=3, source="mofcom qa", title="斯凯迪奥 \"x\"", missing=None)
        logging.getLogger("elsewhere").warning("plain %s", "message")
    log(LOG, logging.INFO, "after")
    lines = out.getvalue().splitlines()
    assert rid == "r-1" and len(lines) == 3
    assert "level=info logger=mofcom_watch.test run=r-1 msg=\"cycle done\" new=3" in lines[0]
    assert 'source="mofcom qa"' in lines[0] and 'title="斯凯迪奥 \\"x\\""' in lines[0]
    assert "missing" not in lines[0]
    assert "run=r-1" in lines[1] and 'msg="plain message"' in lines[1]
    assert "run=" not in lines[2]


def test_json_lines() -> None:
    out = io.StringIO()
    setup_logging(0, log_format="json", stream=out)
    with run_context() as rid:
        log(LOG, logging.WARNING, "cycle done with problems", ok=False, held_back=1)
    data = json.loads(out.getvalue())
    assert data["run"] == rid and data["level"] == "warning" and data["ok"] is False and data["held_back"] == 1


def test_quiet_and_verbose() -> None:
    out = io.StringIO()
    setup_logging(-1, stream=out)
    log(LOG, logging.INFO, "hidden")
    log(LOG, logging.ERROR, "cycle failed", error="boom")
    assert out.getvalue().count("\n") == 1 and "boom" in out.getvalue()
    out = io.StringIO()
    setup_logging(1, stream=out)
    LOG.debug("detail")
    logging.getLogger("sqlalchemy.engine.Engine").info("SELECT 1")  # never SQL echo
    assert "detail" in out.getvalue() and "SELECT" not in out.getvalue()


def test_exception_is_one_line() -> None:
    out = io.StringIO()
    setup_logging(0, stream=out)
    try:
        raise ValueError("bad\nthing")
    except ValueError:
        LOG.error("failed", exc_info=True)
    assert out.getvalue().count("\n") == 1 and 'error="ValueError: bad\\nthing"' in out.getvalue()


def test_verbose_traceback_stays_on_one_line() -> None:
    out = io.StringIO()
    setup_logging(1, stream=out)
    try:
        raise RuntimeError("deep")
    except RuntimeError:
        LOG.debug("cycle traceback", exc_info=True)
    assert out.getvalue().count("\n") == 1 and "traceback=" in out.getvalue() and "Traceback (most recent" in out.getvalue()
