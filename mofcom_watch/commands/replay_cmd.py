"""`mofcom-watch replay` (not built yet)."""

import typer


def register(app: typer.Typer) -> None:
    @app.command("replay")
    def _replay() -> None:
        """Not built yet."""
        typer.echo("replay: not built yet", err=True)
        raise typer.Exit(2)
