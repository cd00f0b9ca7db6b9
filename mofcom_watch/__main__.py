import gc

gc.disable()  # while the CLI imports: mofcom_watch.cli.main keeps it off until the command is loaded

from mofcom_watch.cli import main  # noqa: E402

main()
