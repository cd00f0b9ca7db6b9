"""`mofcom-watch schedule` (not built yet)."""

import typer


def register(app: typer.Typer) -> None:
    @app.command("schedule")
    def _schedule() -> None:
        """Not built yet."""
        typer.echo("schedule: not built yet", err=True)
        raise typer.Exit(2)
