"""HTTP server for the feeds, the front page, OPML and health (Starlette on uvicorn)."""

from mofcom_watch.server.app import create_app, health_report

__all__ = ["create_app", "health_report"]
