"""`mofcom-watch serve` (not built yet)."""

import typer


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def _serve() -> None:
        """Not built yet."""
        typer.echo("serve: not built yet", err=True)
        raise typer.Exit(2)
