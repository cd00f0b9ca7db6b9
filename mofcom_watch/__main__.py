"""``python -m mofcom_watch`` and the console script ``mofcom-watch`` (pyproject.toml: the installed package's and
the Docker image's entry point)."""


def console_main() -> None:
    """The collector off while the CLI imports typer, click and the command (what imports make lives as long as the
    process; ~6% of ``mofcom-watch --help``'s CPU), then :func:`mofcom_watch.cli.main`, which keeps it off until the
    command is loaded and then turns it on (:mod:`mofcom_watch.lazygroup`)."""
    import gc

    gc.disable()
    from storage.codecache import install

    install()  # the records' dataclass methods from ahead-of-time bytecode (storage/codecache.py)
    from mofcom_watch.cli import main

    main()


if __name__ == "__main__":
    console_main()
