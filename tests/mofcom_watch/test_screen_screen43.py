"""screen43: `screen`'s table says which ministry listed each hit (user42): an officer's first question, which the
instrument column ("外交部令第13号") answered only to a reader of Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mofcom_watch.cli import app
from tests.conftest import copy_of, read_whole
from tests.feeds.replayed import AS_OF


@pytest.fixture(scope="module")
def db_url(tmp_path_factory, replayed) -> str:
    return read_whole(copy_of(replayed, tmp_path_factory.mktemp("screen43") / "db.sqlite"))


def screen(db_url: str, f: Path, *args: str):
    return CliRunner().invoke(app, ["--db", db_url, "screen", str(f), "--as-of", AS_OF, *args], env={"COLUMNS": "220"})


def test_the_table_says_the_ministry_of_each_hit_and_of_a_possible_match(db_url: str, tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    f.write_text("Todd Stein,\nSkydio Inc,\nSkydoi Inc,\n", encoding="utf-8")
    out = screen(db_url, f)
    assert out.exit_code == 1, out.output
    rows = {line.split("│")[7].strip() for line in out.stdout.splitlines() if line.startswith("│ 2 ")}
    assert {line.split("│")[6].strip() for line in out.stdout.splitlines() if line.startswith("│ 1 ")} == {"MFA"}
    assert rows == {"外交部令第13号", "商务部公告2025年第13号", "不可靠实体清单工作机制公告〔2025〕7号"}
    ministries = {line.split("│")[6].strip(): line.split("│")[7].strip() for line in out.stdout.splitlines()
                  if line.startswith("│ 2 ")}
    assert ministries["MFA"] == "外交部令第13号" and ministries["MOFCOM"] in rows
    said = " ".join(out.stdout.split())
    assert "line 3 Skydoi Inc: possible match: Skydio Inc. (MFA countermeasure, 外交部令第13号)" in said
    assert "possible match: Skydio Inc. (MOFCOM uel, 不可靠实体清单工作机制公告〔2025〕7号)" in said
