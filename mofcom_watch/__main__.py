from mofcom_watch.cli import main

main()
