"""Parsers for MOFCOM pages: notices, Q&As, article pages and index pages.

``parse_document`` is the entry point; ``PARSER_VERSION`` is stored with every
snapshot so pages can be re-parsed when the parser changes.
"""

from .recache import prime

prime()  # the modules below compile their patterns from ahead-of-time code: scraper/parse/recache.py (issue 11)

from scraper.parser_identity import PARSER_VERSION  # noqa: E402

from .document import parse_document  # noqa: E402
from .draft import PageHints  # noqa: E402
from .index import parse_index  # noqa: E402
from .notice import parse_text  # noqa: E402

__all__ = ["PARSER_VERSION", "PageHints", "parse_document", "parse_index", "parse_text"]
