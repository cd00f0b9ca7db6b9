"""`mofcom-watch parse FILE`: one JSON object, or a one-line error and exit 2."""

import json

from typer.testing import CliRunner

from mofcom_watch.cli import app

NOTICE = ("商务部公告2025年第21号\n\n决定将甲公司等2家美国实体列入出口管制管控名单（见附件）。\n本公告自公布之日起正式实施。\n商务部\n2025年4月4日\n"
          "附件\n1. 甲公司（Alpha Inc.）\n2. 乙公司（Beta LLC）\n")


def run(*args):
    return CliRunner().invoke(app, ["parse", *args])


def test_prints_the_notice_as_json(tmp_path):
    path = tmp_path / "n.txt"
    path.write_text(NOTICE, encoding="utf-8")
    result = run(str(path), "--url", "https://www.mofcom.gov.cn/x.html")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    for field in ("key", "number", "kind", "issuer", "title", "published", "effective", "list", "actions",
                  "entities", "stated_count", "references", "warnings"):
        assert field in data
    assert data["key"] == "MOFCOM-2025-21" and data["published"] == "2025-04-04"
    assert data["actions"][0]["action"] == "impose" and data["entities"][0]["en"] == "Alpha Inc."
    assert "甲公司" in result.stdout  # not \\u escaped
    assert data["url"] == "https://www.mofcom.gov.cn/x.html"


def test_index_page(tmp_path):
    path = tmp_path / "index.html"
    path.write_text('<ul><li><a href="/zwgk/zcfb/art/2025/art_0123456789abcdef0123456789abcdef.html">甲</a>'
                    '<span>2025-04-04</span></li></ul>', encoding="utf-8")
    result = run(str(path), "--url", "https://www.mofcom.gov.cn/zwgk/zcfb/index.html")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["kind"] == "index" and data["links"][0]["date"] == "2025-04-04"


def test_bad_inputs_exit_2_with_one_line(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "b.html"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    bot = tmp_path / "bot.html"
    bot.write_bytes("<html><head><script>document.cookie='a=1';location.reload()</script></head><body>访问验证</body></html>".encode())
    for target in (tmp_path / "missing.html", tmp_path, empty, binary, bot):
        result = run(str(target))
        assert result.exit_code == 2, target
        assert "Traceback" not in result.output
        assert len(result.stderr.strip().splitlines()) == 1


def test_a_url_that_is_none_is_refused(tmp_path):
    """cli34: ``--url notaurl`` (or ``ftp://x/y``) was taken as the page's URL and its links made relative to it. Now
    one line, exit 2; a file: URL, as replay names a file outside DIR/<host>/, is still taken."""
    path = tmp_path / "n.txt"
    path.write_text(NOTICE, encoding="utf-8")
    for url, why in (("notaurl", "does not start with http"), ("ftp://x/y", "does not start with http"),
                     ("https://", "names no host")):
        result = run(str(path), "--url", url)
        assert result.exit_code == 2 and result.stdout == "", url
        assert why in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert json.loads(run(str(path), "--url", "file:texts/n.txt").stdout)["url"] == "file:texts/n.txt"


def test_a_file_larger_than_a_page_may_be_is_refused_unread(tmp_path):
    """cli36: a 240 MB file was read whole and parsed (90 s, 2.5 GB of memory) before being refused as cut short;
    run and replay refuse a body over ``fetch.max_body_bytes``. parse does too, from a file or standard input,
    at once; a file of the cap is parsed."""
    path = tmp_path / "n.txt"
    path.write_bytes(NOTICE.encode() + b" " * (2048 - len(NOTICE.encode())))
    env = {"MOFCOM_WATCH_MAX_BODY": "2047"}
    for args, given in (([str(path)], {}), (["-"], {"input": path.read_bytes()})):
        result = CliRunner().invoke(app, ["parse", *args], env=env, **given)
        name = str(path) if args != ["-"] else "(standard input)"
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", (
            f"mofcom-watch parse: {name} is larger than 2047 bytes, the fetch.max_body_bytes cap (MOFCOM_WATCH_MAX_BODY):"
            " run and replay refuse such a page too; not parsed\n")), result.output
    done = CliRunner().invoke(app, ["parse", str(path)], env={"MOFCOM_WATCH_MAX_BODY": "2048"})
    assert done.exit_code == 0 and json.loads(done.stdout)["key"] == "MOFCOM-2025-21", done.output
