"""`mofcom-watch run` (not built yet)."""

import typer


def register(app: typer.Typer) -> None:
    @app.command("run")
    def _run() -> None:
        """Not built yet."""
        typer.echo("run: not built yet", err=True)
        raise typer.Exit(2)
