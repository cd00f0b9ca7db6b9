"""`mofcom-watch config` (not built yet)."""

import typer


def register(app: typer.Typer) -> None:
    @app.command("config")
    def _config() -> None:
        """Not built yet."""
        typer.echo("config: not built yet", err=True)
        raise typer.Exit(2)
