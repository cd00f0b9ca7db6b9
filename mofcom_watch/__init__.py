"""mofcom-watch: the command line that wires scraper, storage and feeds together."""

__version__ = "0.1.0"
