"""ReplayReader: only files inside the replay folder, after following links (file links and folder links)."""

from __future__ import annotations

import pytest

from mofcom_watch.pipeline import ReplayReader, SkippedFile, replay_files


def test_links_are_followed_and_checked_once_per_folder(tmp_path):
    root, outside = tmp_path / "tree", tmp_path / "outside"
    (root / "www.mofcom.gov.cn" / "art").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.html").write_bytes(b"secret")
    page = root / "www.mofcom.gov.cn" / "art" / "a.html"
    page.write_bytes(b"<html>a</html>")
    (root / "www.mofcom.gov.cn" / "alias.html").symlink_to(page)
    (root / "www.mofcom.gov.cn" / "out.html").symlink_to(outside / "secret.html")
    (root / "www.mofcom.gov.cn" / "folder").symlink_to(outside, target_is_directory=True)
    read = ReplayReader(root, max_bytes=100)
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
