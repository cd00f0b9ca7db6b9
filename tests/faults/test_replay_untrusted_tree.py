"""`replay DIR` trusts nothing in DIR: a link out of it (to /etc/passwd, or to a folder elsewhere) is
skipped with a warning, and so is a file larger than the cap on fetched bodies, a link to nothing and a FIFO;
the rest of the tree is stored exactly as it would be without them."""

from __future__ import annotations

import os
import shutil

from tests.faults.harness import FIXTURES, cli, cli_env, replay_args, store_rows

CAP = 1_000_000  # MOFCOM_WATCH_MAX_BODY for this test (the default is 20 MB)


def test_links_out_of_dir_and_oversized_files_are_skipped(clean, tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURES, tree)
    outside = tmp_path / "outside"
    (outside / "art").mkdir(parents=True)
    (outside / "art" / "secret.html").write_text("<html>not in DIR</html>", encoding="utf-8")
    host = tree / "www.mofcom.gov.cn"
    (host / "passwd.html").symlink_to("/etc/passwd")
    (host / "elsewhere.html").symlink_to(outside / "art" / "secret.html")
    (host / "linked-folder").symlink_to(outside / "art", target_is_directory=True)
    with open(host / "huge.html", "wb") as fh:
        fh.write(os.urandom(CAP + 1))
    (host / "unmounted.html").symlink_to(tmp_path / "unmounted" / "page.html")  # cli34: these three were passed
    os.mkfifo(host / "pipe.html")  # over without a word (a page behind them missed, exit 0 without the others)

    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    done = cli(db, *replay_args(tree), env=cli_env(MOFCOM_WATCH_MAX_BODY=str(CAP)))
    assert done.code == 1 and "Traceback" not in done.err, done.err
    assert f"{host / 'passwd.html'} links to /etc/passwd, outside {tree}: skipped" in done.err
    assert f"{host / 'elsewhere.html'} links to {outside / 'art' / 'secret.html'}, outside {tree}: skipped" in done.err
    assert f"{host / 'huge.html'} is larger than {CAP} bytes (the fetch.max_body_bytes cap): skipped" in done.err
    assert f"{host / 'linked-folder'} is a link to a folder, which replay does not walk into: skipped" in done.err
    assert f"{host / 'unmounted.html'} is a link to nothing ({tmp_path / 'unmounted' / 'page.html'}): skipped" \
        in done.err
    assert f"{host / 'pipe.html'} is no regular file (a FIFO, a socket or a device): skipped" in done.err
    assert "secret" not in done.out + done.err.replace(str(outside / "art" / "secret.html"), "")

    rows = store_rows(db)
    urls = "\n".join(rows["page"])
    assert "passwd" not in urls and "elsewhere" not in urls and "huge" not in urls and "secret" not in urls
    root_line = next(line for line in open("/etc/passwd", encoding="utf-8") if line.startswith("root:"))
    assert all(root_line not in r for r in rows["snapshot"])
    assert rows == clean.rows  # what a clean replay of the tree without them stores
