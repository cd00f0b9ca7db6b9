"""mofcom_watch.publish.renderer_version: an edit to any code that decides a feed's bytes, in a subpackage too, is a
new release that publishes again. Real files: copies of feeds/ and storage/, edited."""

from __future__ import annotations

import shutil

import pytest

import mofcom_watch.publish as publish


@pytest.mark.parametrize("edited", ["storage/lifecycle/text.py", "feeds/build.py"])
def test_an_edit_in_any_renderer_source_is_a_new_release(tmp_path, monkeypatch, edited):
    copies = []
    for source in publish.RENDERER_SOURCES:
        copy = tmp_path / source.name
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
        copies.append(copy)
    monkeypatch.setattr(publish, "RENDERER_SOURCES", tuple(copies))

    def version_now() -> str:
        monkeypatch.setattr(publish, "_renderer_version", [])  # read once per process: read again
        return publish.renderer_version()

    before = version_now()
    assert version_now() == before
    path = tmp_path / edited
    path.write_text(path.read_text() + "\n# an edit\n")
    assert version_now() != before
