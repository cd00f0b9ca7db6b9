"""`feeds --out DIR` says when the feeds' links name serve's default address rather than where DIR is served."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mofcom_watch.cli import app
from mofcom_watch.commands.feeds_cmd import default_link_note
from mofcom_watch.config import Settings, default_links_warning
from storage.db import open_store
from tests.faults.harness import FIXTURES as FIXTURES_ROOT
from tests.storage.test_events_sync import put
from tests.storage.test_lifecycle_corpus import NO1

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


def test_a_publish_with_no_public_url_set_warns_saying_where_its_links_point(tmp_path: Path) -> None:
    """cli34's C3, decided in session 35: run, schedule and feeds into the configured folder (cron and nginx) linked to
    serve's default address without a word. Pure: the warning names the links and the key; none once the key is set."""
    folder = tmp_path / "data" / "feeds"
    unset = default_links_warning(Settings(data_dir=tmp_path / "data"), folder)
    assert unset is not None and f"the feeds in {folder} link to {URL}" in unset
    assert "public_base_url (MOFCOM_WATCH_PUBLIC_URL)" in unset
    assert default_links_warning(Settings(public_base_url="https://example.org/feeds/"), folder) is None


def test_feeds_and_status_say_it_on_each_publish_into_the_configured_folder(tmp_path: Path) -> None:
    """In process, a store of one notice: ``feeds`` into the configured folder warns on stderr (exit code as without
    it), ``status`` says it as a note, not a problem; with public_base_url set, neither says a word."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    engine = open_store(db)
    put(engine, NO1)
    engine.dispose()
    env = {"MOFCOM_WATCH_DATA_DIR": str(tmp_path / "data"), "MOFCOM_WATCH_PUBLIC_URL": "",
           "MOFCOM_WATCH_TODAY": "2026-11-30"}
    feeds = CliRunner().invoke(app, ["--db", db, "feeds"], env=env)
    warned = [line for line in feeds.stderr.splitlines() if "warning" in line]
    assert feeds.exit_code == 0 and len(warned) == 1, feeds.output
    assert warned[0].startswith(f"mofcom-watch feeds: warning: the feeds in {tmp_path / 'data' / 'feeds'} link to {URL}")
    status = CliRunner().invoke(app, ["--db", db, "status"], env=env)
    assert status.exit_code == 0 and f"note: the feeds in {tmp_path / 'data' / 'feeds'} link to" in status.stdout, \
        status.output
    env["MOFCOM_WATCH_PUBLIC_URL"] = "https://example.org/feeds/"  # (feeds then: the pure test above)
    status = CliRunner().invoke(app, ["--db", db, "status"], env=env)
    assert status.exit_code == 0 and "link to" not in status.output, status.output


def test_status_names_the_folder_readers_follow_not_one_never_published_into(tmp_path: Path) -> None:
    """cli37/docs37 (user38): after the README's ``replay`` then ``feeds --out out/feeds``, ``status`` noted "the feeds
    in data/feeds link to http://127.0.0.1:8080/feeds/…" about a folder the store never published into (it did not
    exist). A folder ``feeds --out`` wrote for the user got its own note then: ``status`` says none; a folder a run
    published into (cron's ``run --out DIR``) is the one it names. Real processes, the fixtures' sites served
    locally."""
    from tests.faults.harness import AS_OF, cli, cli_env, feeds_args, replay_args, run_args
    from tests.site_server import SiteServer

    data = tmp_path / "data"
    env = cli_env(MOFCOM_WATCH_DATA_DIR=str(data), MOFCOM_WATCH_TODAY=AS_OF)
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert cli(db, *replay_args(), env=env).code in (0, 1)
    assert cli(db, *feeds_args(tmp_path / "out"), env=env).code in (0, 1)
    status = cli(db, "status", env=env)
    assert "last successful publish" in status.out and str(tmp_path / "out") in status.out, status.out
    assert "link to" not in status.out + status.err, status.out  # was: "note: the feeds in …/data/feeds link to …"
    assert not (data / "feeds").exists()
    with SiteServer(FIXTURES_ROOT) as site:  # a run's live folder (cron's run --out): that folder is named
        assert cli(db, *run_args(site.url, tmp_path / "live"), env=env).code in (0, 1)
    status = cli(db, "status", env=env)
    assert f"note: the feeds in {tmp_path / 'live'} link to {URL}" in status.out, status.out
