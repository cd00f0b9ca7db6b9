"""Counterparty files of session 40's blind round (/work/s40/screen40-cases/q*.csv), read by `screen` as a real
process: a list of people with their company column ("Name,Company", "姓名,单位") read the company as a country (a
warning on every row) and never screened it (screen39's open B; decided screen40: both are screened, on one line);
"Name,Country" stays a country column."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests import zygote
from tests.conftest import copy_of, read_whole

AS_OF = "2026-11-30"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory, replayed) -> str:
    return read_whole(copy_of(replayed, tmp_path_factory.mktemp("screen40-files") / "db.sqlite"))


def run(db_url: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(zygote.command("--db", db_url, *args), capture_output=True, input=stdin, timeout=180)


def answers(done: subprocess.CompletedProcess[bytes]) -> list[tuple[int, str, str | None, list[str]]]:
    assert done.returncode == 1, done.stderr.decode()
    return [(r["query"]["line"], r["query"]["name"], r["query"]["country"], sorted({h["entity_key"] for h in r["hits"]}))
            for r in json.loads(done.stdout)["results"]]


def test_a_company_column_beside_peoples_names_is_screened_too(db_url: str, tmp_path: Path) -> None:
    f = tmp_path / "people.csv"
    f.write_text("Name,Company\r\nAdam Bry,Skydio Inc.\r\nJohn Smith,Anduril Industries\r\nJane Doe,\r\n",
                 encoding="utf-8")
    done = run(db_url, "screen", str(f), "--as-of", AS_OF, "--json")
    assert answers(done) == [(2, "Adam Bry", None, ["adambry"]), (2, "Skydio Inc.", None, ["skydio"]),
                             (3, "John Smith", None, []), (3, "Anduril Industries", None, ["andurilindustries"]),
                             (4, "Jane Doe", None, [])]
    assert b"is not one this tool reads" not in done.stderr, done.stderr.decode()


@pytest.mark.parametrize(("header", "sep"), [("姓名,单位", ","), ("Full Name;Employer", ";")])
def test_a_chinese_or_semicolon_list_of_people_with_their_unit(db_url: str, header: str, sep: str) -> None:
    rows = f"{header}\n亚当·布赖{sep}斯凯迪奥公司\n张三{sep}安杜里尔公司\n".encode()
    got = answers(run(db_url, "screen", "-", "--as-of", AS_OF, "--json", stdin=rows))
    assert [(line, hits) for line, _, _, hits in got] == [(2, ["adambry"]), (2, ["skydio"]), (3, []),
                                                          (3, ["andurilindustries"])]


def test_a_country_column_stays_a_country(db_url: str) -> None:
    got = answers(run(db_url, "screen", "-", "--as-of", AS_OF, "--json", stdin=b"Name,Country\nSkydio Inc.,US\n"))
    assert got == [(2, "Skydio Inc.", "US", ["skydio"])]


@pytest.mark.parametrize("header", ["Firma;Land", "Raison sociale;Pays", "Razón social;País", "Ragione sociale;Paese"])
def test_a_european_exports_header_is_no_counterparty(db_url: str, header: str) -> None:
    """Excel in a German locale: BOM, 'sep=;', a header 'Firma;Land', a quoted cell whose name is on its second line
    (q7: 'Firma' was screened as a counterparty, with a warning that 'Land' is no country)."""
    rows = f'\ufeffsep=;\r\n{header}\r\n"Attn: Einkauf\nAnduril Industries";"USA"\r\n"Müller; Söhne GmbH";"DE"\r\n'
    done = run(db_url, "screen", "-", "--as-of", AS_OF, "--json", stdin=rows.encode())
    assert answers(done) == [(3, "Attn: Einkauf\nAnduril Industries", "US", ["andurilindustries"]),
                             (4, "Müller; Söhne GmbH", "DE", [])]  # a record: the row as Excel numbers it
    assert b"is not one this tool reads" not in done.stderr, done.stderr.decode()


def test_a_company_hit_leaves_the_persons_possible_match_in_the_same_cell(db_url: str) -> None:
    """'Skydio Inc. and Thomas Moss': Skydio's hit offered no possible match for Tom Moss (a counterparty with a hit was
    offered none: screen40); people are offered one while no person is hit."""
    rows = b"Skydio Inc. and Thomas Moss,US\nSkydio Inc.,US\nAdam Bry and Shield AI Inc,US\n"
    done = run(db_url, "screen", "-", "--as-of", AS_OF, "--json", stdin=rows)
    assert done.returncode == 1, done.stderr.decode()
    got = [(sorted({h["entity_key"] for h in r["hits"]}), sorted({h["entity_key"] for h in r["possible"]}))
           for r in json.loads(done.stdout)["results"]]
    assert got == [(["skydio"], ["tommoss"]), (["skydio"], []), (["adambry", "shieldai"], [])]
