"""Parsers for MOFCOM pages: notices, Q&As, article pages and index pages.

``parse_document`` is the entry point; ``PARSER_VERSION`` is stored with every
snapshot so pages can be re-parsed when the parser changes.
"""

from scraper.parser_identity import PARSER_VERSION

from .document import parse_document
from .draft import PageHints
from .index import parse_index
from .notice import parse_text

__all__ = ["PARSER_VERSION", "PageHints", "parse_document", "parse_index", "parse_text"]
