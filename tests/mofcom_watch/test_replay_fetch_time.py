"""`replay` without --fetched-at records whole seconds, like `run`: the provenance line in the
feeds ("Fetched: …") has one format whichever command stored the page."""

from __future__ import annotations

import shutil

from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from mofcom_watch.cli import app
from storage.db import open_store
from storage.models import Snapshot


def test_default_fetch_time_is_whole_seconds(db_url, fixtures_dir, tmp_path):
    # the site folders only: texts/ holds copies that name fewer entities than they state, on purpose
    for host in ("www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn"):
        shutil.copytree(fixtures_dir / host, tmp_path / "tree" / host)
    result = CliRunner().invoke(app, ["--db", db_url, "replay", str(tmp_path / "tree"), "--as-of", "2026-11-29"])
    assert result.exit_code == 0, result.output
    engine = open_store(db_url)
    try:
        with Session(engine) as session:
            times = list(session.scalars(select(Snapshot.fetched_at)))
    finally:
        engine.dispose()
    assert times and all(t.microsecond == 0 for t in times)
