"""Counterparty files as ERPs and spreadsheets export them (screen38, /work/s38/screen38-cases/q*.txt), read by
`screen` as a real process: a fixed-width export's country column after a Chinese name ("洛克希德·马丁公司  US": no
hit), Excel's "Unicode text" from a Taiwanese sheet ("美國": a warning, the country not read), an ERP's vendor number
before the name ("100234-SKYDIO INC", by stdin: a possible match only), a Windows-1252 file (refused naming Japan and
Taiwan only)."""

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
    return read_whole(copy_of(replayed, tmp_path_factory.mktemp("screen38-files") / "db.sqlite"))


def run(db_url: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(zygote.command("--db", db_url, *args), capture_output=True, input=stdin, timeout=180)


def answers(done: subprocess.CompletedProcess[bytes]) -> list[tuple[str, str | None, list[str], list[str]]]:
    assert done.returncode == 1, done.stderr.decode()
    return [(r["query"]["name"], r["query"]["country"], sorted({h["entity_key"] for h in r["hits"]}),
             sorted({h["entity_key"] for h in r["possible"]})) for r in json.loads(done.stdout)["results"]]


def test_a_fixed_width_exports_country_column_after_a_chinese_name(db_url: str, tmp_path: Path) -> None:
    f = tmp_path / "vendors.txt"
    f.write_text("SKYDIO INC                              US\n洛克希德·马丁公司                       US\n"
                 "SKYLINE DRONES INC                      US\n", encoding="utf-8")
    got = answers(run(db_url, "screen", str(f), "--as-of", AS_OF, "--json"))
    assert [(name.split()[0], hits, maybe) for name, _, hits, maybe in got] == [
        ("SKYDIO", ["skydio"], []), ("洛克希德·马丁公司", ["lockheedmartin"], []), ("SKYLINE", [], [])]


def test_excel_unicode_text_with_a_country_in_traditional_characters(db_url: str, tmp_path: Path) -> None:
    f = tmp_path / "customers.txt"
    f.write_bytes("\ufeffName\tCountry\r\n斯凱迪奧公司\t美國\r\nNobody Widgets GmbH\t德國\r\n".encode("utf-16-le"))
    done = run(db_url, "screen", str(f), "--as-of", AS_OF, "--json")
    assert answers(done) == [("斯凱迪奧公司", "US", ["skydio"], []), ("Nobody Widgets GmbH", "DE", [], [])]
    assert b"is not one this tool reads" not in done.stderr, done.stderr.decode()


def test_an_erp_number_before_the_name_on_stdin(db_url: str) -> None:
    rows = "100234-SKYDIO INC,US\nEIN 12-3456789 Echodyne Corp,US\n7-Eleven Inc,US\n".encode()
    got = answers(run(db_url, "screen", "-", "--as-of", AS_OF, "--json", stdin=rows))
    assert [(hits, maybe) for _, _, hits, maybe in got] == [(["skydio"], []), (["echodyne"], []), ([], [])]


@pytest.mark.parametrize("rows", ["AÉROVIRONMENT INC,US\r\nSkydio Inc.,US\r\n", "Skydio Inc. – Tokyo Branch,JP\r\n"])
def test_a_windows_1252_file_is_refused_naming_that_code_page(db_url: str, tmp_path: Path, rows: str) -> None:
    f = tmp_path / "west.csv"
    f.write_bytes(rows.encode("cp1252"))
    done = run(db_url, "screen", str(f), "--as-of", AS_OF)
    assert done.returncode == 2 and not done.stdout, done
    assert "Windows-1252" in done.stderr.decode() and "CSV UTF-8" in done.stderr.decode(), done.stderr.decode()


SAP_RULE = "-" * 48 + "\n"


def test_a_sap_list_saved_unconverted_is_read_by_its_cells(db_url: str, tmp_path: Path) -> None:
    """SAP's list "unconverted": cells between "|", rules of "-"; each line was one name (the listed ones possible
    matches only, the header and rules counterparties of their own)."""
    f = tmp_path / "lfa1.txt"
    f.write_text(f"{SAP_RULE}|Name 1                             |Cty|\n{SAP_RULE}|SKYDIO INC                         |US |\n"
                 f"|LOCKHEED MARTIN CORP               |US |\n|SKYLINE DRONES INC                 |US |\n{SAP_RULE}",
                 encoding="utf-8")
    got = answers(run(db_url, "screen", str(f), "--as-of", AS_OF, "--json"))
    assert got == [("SKYDIO INC", "US", ["skydio"], []), ("LOCKHEED MARTIN CORP", "US", ["lockheedmartin"], []),
                   ("SKYLINE DRONES INC", "US", [], [])]
    f.write_text(f"{SAP_RULE}|Vendor    |Name 1    |Cty|\n{SAP_RULE}|0000100234|SKYDIO INC|US |\n", encoding="utf-8")
    done = run(db_url, "screen", str(f), "--as-of", AS_OF)  # the vendor number's column too: the columns to keep
    assert done.returncode == 2 and f"{f}:2: expected name[,country], got 3 columns".encode() in done.stderr, done.stderr
