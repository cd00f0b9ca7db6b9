"""ReplayReader: only files inside the replay folder, after following links (file links and folder links); the
same for a path given as a Path or as the string replay_paths gives."""

from __future__ import annotations

import os
from pathlib import Path, PurePath

import pytest

from mofcom_watch.pipeline import (
    CONTENT_TYPES,
    ReplayReader,
    SkippedFile,
    replay_content_type,
    replay_files,
    replay_paths,
)


@pytest.mark.parametrize("as_text", [False, True])
def test_links_are_followed_and_checked_once_per_folder(tmp_path, as_text):
    root, outside = tmp_path / "tree", tmp_path / "outside"
    (root / "www.mofcom.gov.cn" / "art").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.html").write_bytes(b"secret")
    page = root / "www.mofcom.gov.cn" / "art" / "a.html"
    page.write_bytes(b"<html>a</html>")
    (root / "www.mofcom.gov.cn" / "alias.html").symlink_to(page)
    (root / "www.mofcom.gov.cn" / "out.html").symlink_to(outside / "secret.html")
    (root / "www.mofcom.gov.cn" / "folder").symlink_to(outside, target_is_directory=True)
    reader = ReplayReader(root, max_bytes=100)

    def read(path):
        return reader(str(path) if as_text else path)

    assert read(page) == b"<html>a</html>"
    assert read(root / "www.mofcom.gov.cn" / "alias.html") == b"<html>a</html>"  # a link inside the tree
    with pytest.raises(SkippedFile, match="outside"):
        read(root / "www.mofcom.gov.cn" / "out.html")
    with pytest.raises(SkippedFile, match="outside"):
        read(root / "www.mofcom.gov.cn" / "folder" / "secret.html")  # through a linked folder
    (root / "big.html").write_bytes(b"x" * 101)
    with pytest.raises(SkippedFile, match="larger than 100 bytes"):
        read(root / "big.html")


def _as_rglob_finds(root):
    """What replay_files lists, as it was first written: every file rglob finds, less dotted parts, README*, *.md."""
    return [p for p in sorted(q for q in root.rglob("*") if q.is_file())
            if not any(part.startswith(".") for part in p.relative_to(root).parts)
            and not p.name.startswith("README") and p.suffix.lower() != ".md"]


def test_replay_files_lists_what_rglob_finds_in_path_order(tmp_path):
    root, outside = tmp_path / "tree", tmp_path / "outside"
    outside.mkdir()
    (outside / "o.html").write_bytes(b"o")
    for rel in ("www.mofcom.gov.cn/b/art_2.html", "www.mofcom.gov.cn/a/art_1.html", "www.mofcom.gov.cn/a-b/x.html",
                "www.mofcom.gov.cn/a/B.HTML", "texts/z.txt", "texts/README", "texts/notes.MD", "texts/x.md.txt",
                ".cache/y.html", "www.mofcom.gov.cn/.hidden/h.html", "www.mofcom.gov.cn/.h.html", "top.html"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(rel.encode())
    (root / "texts" / "link.txt").symlink_to(root / "texts" / "z.txt")
    (root / "texts" / "out.html").symlink_to(outside / "o.html")
    (root / "texts" / "broken.html").symlink_to(root / "nowhere.html")
    (root / "linked").symlink_to(outside, target_is_directory=True)  # not walked into
    files = replay_files(root)
    assert [p for p, _ in files] == _as_rglob_finds(root)
    assert [u for _, u in files][:3] == ["file:texts/link.txt", "file:texts/out.html", "file:texts/x.md.txt"]
    assert len(files) == 9 and "https://www.mofcom.gov.cn/a-b/x.html" in dict((u, p) for p, u in files)
    read = ReplayReader(root, max_bytes=100)
    assert read(root / "texts" / "link.txt") == b"texts/z.txt"
    with pytest.raises(SkippedFile, match="outside"):
        read(root / "texts" / "out.html")


def test_replay_paths_are_the_files_as_strings_and_read_alike(tmp_path, monkeypatch):
    """replay_paths gives str(Path) of what replay_files lists (a relative root too); reading either way gives the
    same bytes or the same refusal."""
    root, outside = tmp_path / "tree", tmp_path / "outside"
    (root / "www.mofcom.gov.cn" / "a" / "b").mkdir(parents=True)
    outside.mkdir()
    (outside / "s.html").write_bytes(b"s")
    (root / "www.mofcom.gov.cn" / "a" / "b" / "p.html").write_bytes(b"p")
    (root / "www.mofcom.gov.cn" / "a" / "q.shtml").write_bytes(b"q")
    (root / "x.txt").write_bytes(b"x")
    (root / "www.mofcom.gov.cn" / "a" / "out.html").symlink_to(outside / "s.html")
    (root / "www.mofcom.gov.cn" / "big.html").write_bytes(b"b" * 11)
    monkeypatch.chdir(tmp_path)
    for base in (root, Path("tree"), Path("tree/"), Path("./tree")):
        listed = replay_files(base)
        assert replay_paths(base) == [(str(path), url) for path, url in listed]
        by_path, by_text = ReplayReader(base, max_bytes=10), ReplayReader(base, max_bytes=10)
        for path, _ in listed:
            got = []
            for read, arg in ((by_path, path), (by_text, str(path))):
                try:
                    got.append(read(arg))
                except (SkippedFile, OSError) as exc:
                    got.append(f"{type(exc).__name__}: {exc}")
            assert got[0] == got[1], path
            assert replay_content_type(str(path)) == replay_content_type(path)


@pytest.mark.parametrize("name", ["a.html", "a.HTML", "a.tar.gz", "a.", "..html", ".html", "a", "a.b.shtml",
                                  "dir.d/file", "x/.json", "x/y.xml"])
def test_the_content_type_goes_by_the_suffix_as_path_takes_it(name):
    assert replay_content_type(name) == CONTENT_TYPES.get(PurePath(name).suffix.lower())
    assert replay_content_type(os.path.join("root", name)) == replay_content_type(Path("root") / name)


def test_a_name_that_is_not_utf8_is_quoted_byte_for_byte(tmp_path):
    """cli30: one file named in Latin-1 under the folder (``caf\\xe9.txt``) made ``replay`` an internal error (exit 4)
    before any page was read; its URL now quotes its bytes, and every UTF-8 name keeps the URL it had."""
    from urllib.parse import quote

    from mofcom_watch.pipeline import URL_SAFE, replay_url

    root = tmp_path / "tree"
    (root / "www.mofcom.gov.cn").mkdir(parents=True)
    (root / os.fsdecode(b"t\xe9xts")).mkdir()
    for name in (b"caf\xe9.txt", b"www.mofcom.gov.cn/art \xe9.html", b"t\xe9xts/a.txt", "商务部.txt".encode()):
        (root / os.fsdecode(name)).write_bytes(b"x")
    assert [url for _, url in replay_paths(root)] == [
        "file:caf%E9.txt", "file:t%E9xts/a.txt", "https://www.mofcom.gov.cn/art%20%E9.html",
        "file:%E5%95%86%E5%8A%A1%E9%83%A8.txt"]
    assert replay_url((os.fsdecode(b"h\xe9.cn"), "x.html")) == "file:h%E9.cn/x.html"  # no host: a file: URL
    for parts in (("www.mofcom.gov.cn", "art", "商务部 公告.html"), ("texts", "a b?.txt"), ("Www.Mofcom.gov.cn", "x")):
        rest = "/".join(parts[1:]) if "." in parts[0] else "/".join(parts)
        prefix = "https://" + parts[0].lower() + "/" if "." in parts[0] else "file:"
        assert replay_url(parts) == prefix + quote(rest, safe=URL_SAFE)


def test_what_may_hold_a_page_and_is_passed_over_is_said(tmp_path, monkeypatch):
    """cli34: a link to a folder, a link to nothing, a FIFO and a folder replay may not list were passed over without
    a word (replay exit 0, a page behind them missed). Each is now a line, as a link out of DIR is; README*, *.md
    and dotfiles stay silent; the pages found are the same."""
    root = tmp_path / "tree"
    host = root / "www.mofcom.gov.cn"
    (host / "locked").mkdir(parents=True)
    (host / "locked" / "b.html").write_bytes(b"<html>b</html>")
    (host / "a.html").write_bytes(b"<html>a</html>")
    (host / "README.md").write_text("notes", encoding="utf-8")
    (host / "folder").symlink_to(tmp_path, target_is_directory=True)
    (host / "gone.html").symlink_to(tmp_path / "unmounted" / "c.html")
    os.mkfifo(host / "pipe.html")
    (host / "loop-a.html").symlink_to(host / "loop-b.html")  # cli36: the whole replay was exit 2 on it
    (host / "loop-b.html").symlink_to(host / "loop-a.html")
    real_scandir = os.scandir

    def scandir(path):  # (as root, chmod 000 does not stop a listing)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    said: list[str] = []
    assert [url for _, url in replay_paths(root, said)] == ["https://www.mofcom.gov.cn/a.html"]
    assert sorted(said) == sorted([
        f"{host / 'folder'} is a link to a folder, which replay does not walk into: skipped",
        f"{host / 'gone.html'} is a link to nothing ({tmp_path / 'unmounted' / 'c.html'}): skipped",
        f"{host / 'locked'} cannot be listed (Permission denied): its pages skipped",
        f"{host / 'loop-a.html'} is a link that cannot be followed (Too many levels of symbolic links): skipped",
        f"{host / 'loop-b.html'} is a link that cannot be followed (Too many levels of symbolic links): skipped",
        f"{host / 'pipe.html'} is no regular file (a FIFO, a socket or a device): skipped"]), said
    assert replay_paths(root) == replay_paths(root, [])  # (said only when asked)
