"""Replaying the repository's fixtures into a store, for the feed tests."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mofcom_watch.cli import app

AS_OF = "2026-11-29"
FETCHED = "2026-11-29T02:00:00+00:00"
REPO = Path(__file__).resolve().parents[2]


def replay(db_url: str, fetched_at: str = FETCHED) -> None:
    result = CliRunner().invoke(app, ["--db", db_url, "replay", str(REPO / "fixtures"), "--fetched-at", fetched_at,
                                      "--as-of", AS_OF])
    assert result.exit_code in (0, 1), result.output  # 1: the fixtures include unusable pages on purpose


def write_feeds_cli(db_url: str, out: Path, *extra: str, base_url: str = "http://127.0.0.1:8765/feeds/"):
    return CliRunner().invoke(app, ["--db", db_url, "feeds", "--out", str(out), "--as-of", AS_OF,
                                    "--base-url", base_url, *extra])
