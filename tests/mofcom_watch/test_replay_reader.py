"""ReplayReader: only files inside the replay folder, after following links (file links and folder links)."""

from __future__ import annotations

import pytest

from mofcom_watch.pipeline import ReplayReader, SkippedFile


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
