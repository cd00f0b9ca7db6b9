"""`mofcom-watch timeline` (not built yet)."""

import typer


def register(app: typer.Typer) -> None:
    @app.command("timeline")
    def _timeline() -> None:
        """Not built yet."""
        typer.echo("timeline: not built yet", err=True)
        raise typer.Exit(2)
