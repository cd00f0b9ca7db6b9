"""`mofcom-watch status` (not built yet)."""

import typer


def register(app: typer.Typer) -> None:
    @app.command("status")
    def _status() -> None:
        """Not built yet."""
        typer.echo("status: not built yet", err=True)
        raise typer.Exit(2)
