"""`mofcom-watch feeds` (not built yet)."""

import typer


def register(app: typer.Typer) -> None:
    @app.command("feeds")
    def _feeds() -> None:
        """Not built yet."""
        typer.echo("feeds: not built yet", err=True)
        raise typer.Exit(2)
