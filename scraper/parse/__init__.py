"""Parsers for MOFCOM pages: notices, Q&As, article pages and index pages.

``parse_document`` is the entry point; ``PARSER_VERSION`` is stored with every
snapshot so pages can be re-parsed when the parser changes.
"""

from .document import PageHints, parse_document, parse_text
from .index import parse_index

PARSER_VERSION = "2"

__all__ = ["PARSER_VERSION", "PageHints", "parse_document", "parse_index", "parse_text"]
