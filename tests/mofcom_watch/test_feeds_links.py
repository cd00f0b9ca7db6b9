"""`feeds --out DIR` says when the feeds' links name serve's default address rather than where DIR is served."""

from __future__ import annotations

from pathlib import Path

from mofcom_watch.commands.feeds_cmd import default_link_note

URL = "http://127.0.0.1:8080/feeds/"


def test_a_folder_of_its_own_with_the_default_url_gets_a_note(tmp_path: Path) -> None:
    """`feeds --out out/feeds` (the README's example) wrote items whose picture links and self links named
    http://127.0.0.1:8080/feeds/, a host and port nothing served, and said nothing."""
    note = default_link_note(URL, given=False, out_dir=tmp_path / "out", feeds_path=tmp_path / "data" / "feeds")
    assert note is not None and URL in note and "--base-url" in note


def test_no_note_with_a_url_given_or_into_the_served_folder(tmp_path: Path) -> None:
    feeds = tmp_path / "data" / "feeds"
    assert default_link_note(URL, given=True, out_dir=tmp_path / "out", feeds_path=feeds) is None
    assert default_link_note(URL, given=False, out_dir=feeds, feeds_path=feeds) is None
