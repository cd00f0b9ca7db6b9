"""Atom/RSS feeds of the lifecycle events: which feeds (catalog), what an item says (render),
the XML (build, fastxml), stable names and ids (identity), and files on disk (write)."""
