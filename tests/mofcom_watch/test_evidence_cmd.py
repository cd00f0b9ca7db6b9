"""`evidence`: a reproducible, self-checking pack over the replayed fixtures; the same bytes over HTTP."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from feeds.evidence import MANIFEST, PackFile
from mofcom_watch.cli import app
from mofcom_watch.evidence import read_zip, verify_zip, zip_bytes
from tests.conftest import copy_of
from tests.faults.serving import serving
from tests.feeds.replayed import AS_OF


@pytest.fixture(scope="module")
def store(tmp_path_factory, replayed) -> tuple[str, Path]:
    root = tmp_path_factory.mktemp("evidence")
    return copy_of(replayed, root / "db.sqlite"), root


def run(db_url: str, *args: str):
    return CliRunner().invoke(app, ["--db", db_url, "evidence", *args])


@pytest.fixture(scope="module")
def pack(store) -> Path:
    db_url, root = store
    out = root / "x.zip"
    result = run(db_url, "skydio", "--out", str(out), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    return out


def test_same_store_and_date_give_identical_bytes(store, pack: Path) -> None:
    db_url, root = store
    again = root / "again.zip"
    said = run(db_url, "Skydio, Inc.", "--out", str(again), "--as-of", AS_OF)  # by name too
    assert said.exit_code == 0
    assert again.read_bytes() == pack.read_bytes()
    # the pack's SHA-256, to send apart: a forger can write the manifest again, not this (cli31)
    assert f"SHA-256 {hashlib.sha256(pack.read_bytes()).hexdigest()})" in said.stdout
    other_day = root / "other.zip"
    assert run(db_url, "skydio", "--out", str(other_day), "--as-of", "2025-06-01").exit_code == 0
    assert other_day.read_bytes() != pack.read_bytes()


def test_pack_holds_timeline_snapshots_items_summary_and_manifest(pack: Path) -> None:
    files = read_zip(pack.read_bytes())
    manifest = json.loads(files[MANIFEST])
    assert manifest["entity_keys"] == ["skydio"] and manifest["as_of"] == AS_OF
    assert manifest["tool_version"] and manifest["parser_version"]
    assert {"timeline.json", "timeline.csv", "feed-items.json", "summary.html"} <= set(files)
    assert {f["name"] for f in manifest["files"]} == set(files) - {MANIFEST, "manifest.sha256"}
    timeline = json.loads(files["timeline.json"])
    assert {lst["notice_key"] for lst in timeline["listings"]} == {"MFA-ORDER-2024-13", "MOFCOM-2025-13", "UEL-2025-7"}
    csv_rows = files["timeline.csv"].decode().splitlines()
    assert csv_rows[0].startswith("notice_key,") and any(",lifted," in r for r in csv_rows)
    # every notice the listings rest on, with raw bytes whose SHA-256 is the name, and the fetch facts
    snapshots = [n for n in files if n.startswith("notices/") and not n.endswith(".json")]
    assert {n.split("/")[1] for n in snapshots} >= {"MFA-ORDER-2024-13", "MOFCOM-2025-13", "UEL-2025-7",
                                                      "QA-2025-11-05-68a81f8d"}
    import hashlib
    for name in snapshots:
        sha = name.rsplit("/", 1)[1].split(".")[0]
        assert hashlib.sha256(files[name]).hexdigest() == sha
        meta = json.loads(files[name.rsplit(".", 1)[0] + ".json"])
        assert meta["sha256"] == sha and meta["url"] and meta["fetched_at"].startswith("2026-11-29T02:00")
    items = json.loads(files["feed-items.json"])
    assert items["feed"] == "entity/skydio" and items["items"]
    assert all(i["entity_key"] == "skydio" and i["item_id"].startswith("tag:") for i in items["items"])
    summary = files["summary.html"].decode()
    assert "What mofcom-watch knew about" in summary and "No PDF copy" in summary and AS_OF in summary
    assert "accepted after review" not in summary  # nobody accepted a copy here: no such section


def test_verify_passes_then_fails_after_any_byte_of_any_member_changes(store, pack: Path, tmp_path: Path) -> None:
    db_url, _ = store
    ok = run(db_url, "--verify", str(pack))
    assert ok.exit_code == 0, ok.output
    original = read_zip(pack.read_bytes())
    for name, data in original.items():
        for at in sorted({0, len(data) // 2, len(data) - 1}):
            changed = bytearray(data)
            changed[at] ^= 0x01
            files = [PackFile(n, bytes(changed) if n == name else d) for n, d in original.items()]
            assert verify_zip(zip_bytes(files)), f"flipping byte {at} of {name} went unnoticed"
    # one end to end through the command: exit 1 and the file named
    bad = tmp_path / "bad.zip"
    bad.write_bytes(zip_bytes([PackFile(n, d + b" " if n == "timeline.csv" else d) for n, d in original.items()]))
    result = run(db_url, "--verify", str(bad))
    assert result.exit_code == 1 and "timeline.csv" in result.output


def test_a_byte_flipped_in_a_members_compressed_bytes_is_a_failed_check_never_a_bug(pack: Path) -> None:
    """cli35: a byte flipped inside a member's compressed bytes made zlib fail before the CRC check: "internal error:
    error: Error -3 while decompressing data", exit 4, where the docs say 1 (damaged). Two bytes inside the compressed
    bytes of every member of a real pack flipped, one at a time: problems said (exit 1), never an exception."""
    data = pack.read_bytes()
    with zipfile.ZipFile(pack) as zf:
        members = zf.infolist()
    for info in members:
        name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
        begins = info.header_offset + 30 + name_length + extra_length  # after the member's local header
        for at in (begins + info.compress_size // 3, begins + info.compress_size // 2):  # (not the stream's first
            # bits, its end-of-stream flag, nor its last, padding: a reader stopping at the stated size reads past them)
            damaged = bytearray(data)
            damaged[at] ^= 0x01
            assert verify_zip(bytes(damaged)), f"byte {at} of {info.filename} flipped went unnoticed"


def test_verify_rejects_extra_missing_and_non_zip(store, pack: Path, tmp_path: Path) -> None:
    db_url, _ = store
    original = read_zip(pack.read_bytes())
    extra = [PackFile(n, d) for n, d in original.items()] + [PackFile("notes.txt", b"added later")]
    assert any("notes.txt" in p for p in verify_zip(zip_bytes(extra)))
    missing = [PackFile(n, d) for n, d in original.items() if n != "timeline.json"]
    assert any("timeline.json" in p for p in verify_zip(zip_bytes(missing)))
    assert run(db_url, "--verify", str(tmp_path / "absent.zip")).exit_code == 2


def test_a_pack_unzipped_and_zipped_again_verifies(store, pack: Path, tmp_path: Path) -> None:
    """An auditor's archive tool writes each folder's own entry: not an extra file (docs33: verify exit 1)."""
    db_url, _ = store
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(pack) as zf:
        zf.extractall(unpacked)
    again = Path(shutil.make_archive(str(tmp_path / "again"), "zip", unpacked))
    with zipfile.ZipFile(again) as zf:
        assert any(i.is_dir() for i in zf.infolist())  # the folders' own entries are there
    result = run(db_url, "--verify", str(again))
    assert result.exit_code == 0, result.output
    (unpacked / "notes.txt").write_text("added later")  # a file added is still one
    result = run(db_url, "--verify", shutil.make_archive(str(tmp_path / "added"), "zip", unpacked))
    assert result.exit_code == 1 and "notes.txt" in result.output, result.output


def test_verify_of_a_file_that_is_no_zip_is_input_not_a_mismatch(store, pack: Path, tmp_path: Path) -> None:
    """The wrong file given (the pack's CSV, an empty file) is exit 2, as a usage error; a pack cut short in transfer
    (it starts as a zip) fails its check, exit 1, as a changed member does (cli30: both were 1, the code of a
    mismatch; the lead's decision in session 31)."""
    db_url, _ = store
    csv = tmp_path / "timeline.csv"
    csv.write_bytes(read_zip(pack.read_bytes())["timeline.csv"])
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    for wrong in (junk, csv, tmp_path / "empty.zip"):
        wrong.touch()
        result = run(db_url, "--verify", str(wrong))
        assert result.exit_code == 2, result.output
        assert "not a zip file" in result.output and "mofcom-watch evidence" in result.output
    cut = tmp_path / "cut.zip"
    cut.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])
    result = run(db_url, "--verify", str(cut))
    assert result.exit_code == 1 and "not a readable zip" in result.output


def test_unknown_entity_and_bad_usage(store, tmp_path: Path) -> None:
    db_url, _ = store
    out = tmp_path / "none.zip"
    result = run(db_url, "No Such Company Ltd", "--out", str(out), "--as-of", AS_OF)
    assert result.exit_code == 2 and "no listed entity" in result.output and not out.exists()  # input, as timeline
    assert run(db_url, "skydio").exit_code == 2  # no --out
    assert run(db_url, "skydio", "--out", str(out), "--as-of", "2026-13-01").exit_code == 2


def test_http_endpoint_serves_the_same_bytes(store, pack: Path, tmp_path: Path) -> None:
    db_url, _ = store
    with serving(db_url, tmp_path) as served:
        status, headers, body = served.get(f"/entity/skydio/evidence.zip?as_of={AS_OF}")
        missing, _, _ = served.get(f"/entity/nosuchkey/evidence.zip?as_of={AS_OF}")
        bad_date, _, _ = served.get("/entity/skydio/evidence.zip?as_of=tomorrow")
    assert status == 200 and headers["content-type"] == "application/zip"
    assert body == pack.read_bytes()
    assert zipfile.ZipFile(io.BytesIO(body)).testzip() is None
    assert missing == 404 and bad_date == 400


def test_entity_page_links_the_pack(store, tmp_path: Path) -> None:
    db_url, _ = store
    with serving(db_url, tmp_path) as served:
        status, _, page = served.get(f"/entity/skydio?as_of={AS_OF}")
        link = f'href="../entity/skydio/evidence.zip?as_of={AS_OF}"'  # from /entity/skydio, relative (a proxy prefix)
        assert status == 200 and link in page.decode()
        zip_status, headers, _ = served.get(f"/entity/skydio/evidence.zip?as_of={AS_OF}")
    assert zip_status == 200 and "evidence-skydio-" in headers["content-disposition"]


def test_a_pack_never_replaces_the_store_or_another_database(store, tmp_path: Path) -> None:
    """cli34 (A: data lost): ``evidence skydio --out data/mofcom-watch.sqlite``, a slip for ``.zip``, replaced the store
    it had just read with the pack, exit 0. The store's file, a link to it, and any other SQLite database are refused:
    one line, exit 2, their bytes as they were."""
    db_url, root = store
    db = Path(db_url.removeprefix("sqlite:///"))
    other = tmp_path / "backup.sqlite"
    shutil.copyfile(db, other)
    (tmp_path / "link.sqlite").symlink_to(db)
    before = {path: path.read_bytes() for path in (db, other)}
    for out, why in ((db, "is the store's file"), (tmp_path / "link.sqlite", "is the store's file"),
                     (other, "is a SQLite database")):
        result = run(db_url, "skydio", "--out", str(out), "--as-of", AS_OF)
        assert result.exit_code == 2 and f"--out {out} {why}" in result.stderr, result.output
        assert "would replace it (nothing written)" in result.stderr and result.stdout == ""
    assert {path: path.read_bytes() for path in (db, other)} == before


def test_a_pack_goes_to_standard_output_or_a_fifo_as_its_bytes(store, pack: Path, tmp_path: Path) -> None:
    """cli36: ``--out -`` wrote a file named "-" (``--verify -`` reads standard input); ``--out FIFO`` (and
    ``--out /dev/stdout`` into a pipe) waited forever, the FIFO opened to read for a SQLite header. Now ``-`` is
    standard output (the "wrote" line on stderr), and a FIFO is written into."""
    import os
    import threading

    db_url, _root = store
    done = run(db_url, "skydio", "--out", "-", "--as-of", AS_OF)
    assert done.exit_code == 0 and done.stdout_bytes == pack.read_bytes(), done.stderr
    assert done.stderr.startswith("wrote the pack to standard output (") and not Path("-").exists()
    fifo = tmp_path / "pack.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert run(db_url, "skydio", "--out", str(fifo), "--as-of", AS_OF).exit_code == 0
    reader.join(timeout=30)
    assert got == [pack.read_bytes()] and fifo.is_fifo()


def test_a_pack_to_standard_output_by_its_name_is_written_there_not_over_the_name(store, pack: Path, tmp_path: Path,
                                                                                  monkeypatch) -> None:
    """cli36 (A): ``evidence X --out /dev/stdout > pack.zip`` renamed its temporary file over the name, a link:
    /dev/stdout replaced by the pack (as root, in a container), pack.zip holding only the "wrote" line, exit 0. A
    link of the test's own stands for /dev/stdout (a link to /proc/self/fd/N), the command's standard output a real
    file (in-process, without CliRunner's stand-in)."""
    import io
    import sys

    db_url, _root = store
    into = open(tmp_path / "pack.zip", "wb")  # noqa: PTH123, SIM115 - the command's standard output
    stdout_link = tmp_path / "stdout"
    stdout_link.symlink_to(f"/proc/self/fd/{into.fileno()}")
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(into, encoding="utf-8"))
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    try:
        app(["--db", db_url, "evidence", "skydio", "--out", str(stdout_link), "--as-of", AS_OF], standalone_mode=False)
    finally:
        sys.stdout.flush()
        into.close()
    assert (tmp_path / "pack.zip").read_bytes() == pack.read_bytes() and stdout_link.is_symlink()
    assert sys.stderr.getvalue().startswith("wrote the pack to standard output (")  # type: ignore[attr-defined]
