"""One module per sub-command; each exposes ``register(app)``.

:data:`COMMANDS` names them without importing them: a command's module (and what it needs:
SQLAlchemy, the parser, the server) is imported only when that command runs or shows its own
help, so ``mofcom-watch --help`` and a cron line's start-up stay cheap. The one-line help here is
what ``mofcom-watch --help`` lists; a test checks it against each command's docstring.
"""

from __future__ import annotations


class CommandEntry:
    """A command's module and summary (a plain class: a dataclass costs every start its generated methods)."""

    __slots__ = ("module", "summary")

    def __init__(self, module: str, summary: str) -> None:
        self.module = module  # import path of the module whose register(app) defines the command
        self.summary = summary  # first line of the command's docstring


COMMANDS: dict[str, CommandEntry] = {
    "parse": CommandEntry("mofcom_watch.commands.parse_cmd",
                          "Parse one saved page and print what it says as JSON (nothing is stored)."),
    "replay": CommandEntry("mofcom_watch.commands.replay_cmd",
                           "Ingest every saved page under DIR (one transaction per page), run the engine, "
                           "print the notices."),
    "status": CommandEntry("mofcom_watch.commands.status_cmd",
                           "Per notice and list: current state, since when, until when, days left; then "
                           "health problems."),
    "review": CommandEntry("mofcom_watch.commands.review_cmd",
                           "List what waits for a person: held-back copies, held steps, pages the parser "
                           "refused, pages gone, index gaps."),
    "accept": CommandEntry("mofcom_watch.commands.review_cmd",
                           "Accept a held-back copy or a held step after review, record that you read a "
                           "refused page, or that one is gone."),
    "timeline": CommandEntry("mofcom_watch.commands.timeline_cmd",
                             "One entity's history on every list (each listing with its events)."),
    "evidence": CommandEntry("mofcom_watch.commands.evidence_cmd",
                             "Write a self-checking evidence pack (zip) of what the tool knew about one entity, "
                             "and when."),
    "screen": CommandEntry("mofcom_watch.commands.screen_cmd",
                           "Screen a CSV of counterparties against every list; exit 1 on a hit, a possible match "
                           "or an incomplete answer."),
    "feeds": CommandEntry("mofcom_watch.commands.feeds_cmd",
                          "Write every feed (Atom, RSS, JSON Feed): all, per list, notices, per entity, watchlist, "
                          "source-health, news."),
    "run": CommandEntry("mofcom_watch.commands.run_cmd",
                        "Fetch the sites, store new or changed pages, derive events, publish the feeds."),
    "schedule": CommandEntry("mofcom_watch.commands.schedule_cmd",
                             "Run the fetch-parse-diff-publish cycle on a schedule; stops cleanly on SIGTERM."),
    "serve": CommandEntry("mofcom_watch.commands.serve_cmd",
                          "Serve the feeds (ETag, 304, gzip), a front page, /feeds.opml and /healthz; --schedule "
                          "runs the cycles too."),
    "config": CommandEntry("mofcom_watch.commands.config_cmd",
                           "Print the effective configuration (defaults < --config file < environment < flags)."),
}
