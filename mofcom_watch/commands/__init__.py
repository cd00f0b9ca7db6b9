"""One module per sub-command; each exposes ``register(app)``."""

from mofcom_watch.commands import (
    config_cmd,
    feeds_cmd,
    parse_cmd,
    replay_cmd,
    run_cmd,
    schedule_cmd,
    serve_cmd,
    status_cmd,
    timeline_cmd,
)

COMMAND_MODULES = (
    parse_cmd,
    replay_cmd,
    status_cmd,
    timeline_cmd,
    feeds_cmd,
    run_cmd,
    schedule_cmd,
    serve_cmd,
    config_cmd,
)
