"""`mofcom-watch parse` (not built yet)."""

import typer


def register(app: typer.Typer) -> None:
    @app.command("parse")
    def _parse() -> None:
        """Not built yet."""
        typer.echo("parse: not built yet", err=True)
        raise typer.Exit(2)
