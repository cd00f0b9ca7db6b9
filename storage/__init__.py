"""Storage: SQLAlchemy models, snapshots, and the lifecycle engine. Imports neither scraper nor feeds."""
