"""compose.yaml shares the data folder between the containers that run mofcom-watch (ops44).

A cycle that finds the database server gone cannot record that in it: it leaves its line in the data folder
(``.store-run-failed-<hash>``, mofcom_watch.storewrite.fault_mark), and ``web``'s ``/healthz`` and ``status`` say
it from there until a cycle finishes. compose.yaml shared only ``/data/feeds``, so ``/data`` was each container's
own: with podman-compose, the database stopped for one scheduler cycle and started again, ``web`` answered 200 and
its ``status`` exited 0 while the scheduler's said ``LAST RUN COULD NOT WRITE THE STORE`` (up to 30 minutes, until
the next cycle). Read as text (no YAML library is a dependency): the file is ours and small.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGE_SERVICES = ("scheduler", "web")  # the services running the image (``<<: *common``)


def _block(lines: list[str], start: int) -> list[str]:
    """The lines indented under ``lines[start]`` (blank lines and comments kept)."""
    indent = len(lines[start]) - len(lines[start].lstrip())
    out = []
    for line in lines[start + 1:]:
        if line.strip() and not line.lstrip().startswith("#") and len(line) - len(line.lstrip()) <= indent:
            break
        out.append(line)
    return out


def _key(lines: list[str], key: str, indent: int) -> int:
    pattern = re.compile(rf"^ {{{indent}}}{re.escape(key)}:")
    return next(i for i, line in enumerate(lines) if pattern.match(line))


def _mounts(block: list[str]) -> dict[str, str]:
    """``volumes:`` entries of a block: container path -> named volume."""
    lines = block
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "volumes:")
    except StopIteration:
        return {}
    mounts = {}
    for line in _block(lines, start):
        if m := re.match(r"^\s*-\s*([A-Za-z0-9_.-]+):(/[^:\s]*)", line):
            mounts[m.group(2)] = m.group(1)
    return mounts


def _data_dir() -> str:
    m = re.search(r"MOFCOM_WATCH_DATA_DIR=(\S+)", (ROOT / "Dockerfile").read_text(encoding="utf-8"))
    assert m, "the Dockerfile sets MOFCOM_WATCH_DATA_DIR"
    return m.group(1)


def test_the_containers_running_the_image_share_the_data_folder() -> None:
    lines = (ROOT / "compose.yaml").read_text(encoding="utf-8").splitlines()
    common = _mounts(_block(lines, _key(lines, "x-common", 0)))
    services = _block(lines, _key(lines, "services", 0))
    declared = _block(lines, _key(lines, "volumes", 0))
    data_dir = _data_dir()
    for name in IMAGE_SERVICES:
        own = _block(services, _key(services, name, 2))
        assert any(line.strip() == "<<: *common" for line in own), f"{name} runs the image with the common settings"
        mounts = _mounts(own) or common  # (a service's own volumes: replace the common ones)
        assert mounts.get(data_dir), (
            f"compose.yaml's {name} has no named volume at the data folder {data_dir} (mounts: {mounts}): a cycle's "
            "store-fault line stays in a folder of that container's own, unseen by web's /healthz and status")
        assert any(line.strip() == f"{mounts[data_dir]}:" for line in declared), f"volume {mounts[data_dir]} declared"
    seen = {(_mounts(_block(services, _key(services, n, 2))) or common).get(data_dir) for n in IMAGE_SERVICES}
    assert len(seen) == 1, f"scheduler and web mount one data folder, not {seen}"
