"""CSS queries run by one Lexbor selector engine per thread instead of one per page.

selectolax gives every parsed tree its own ``LexborCSSSelector`` (a CSS parser and a
selector engine), made on the tree's first ``css()`` call and destroyed with the tree:
about 15 us a page, more than the queries themselves. The engine does not depend on the
document (``tree.css(q)`` is ``tree.root.parser.selector.find(q, tree.root)``), so each
thread keeps one and runs the queries of every tree through it: the same nodes, in the
same order, as the tree's own ``css``/``css_first``.
"""

from __future__ import annotations

import threading

from selectolax.lexbor import LexborCSSSelector, LexborHTMLParser, LexborNode

_local = threading.local()  # a selector engine is not to be shared between threads


def _engine() -> LexborCSSSelector:
    engine: LexborCSSSelector | None = getattr(_local, "engine", None)
    if engine is None:
        engine = _local.engine = LexborCSSSelector()  # type: ignore[no-untyped-call]  # the stub lacks "-> None"
    return engine


def css(where: LexborHTMLParser | LexborNode, query: str) -> list[LexborNode]:
    """``where.css(query)``: every node ``query`` matches in ``where`` (itself included), in document order."""
    node = where.root if isinstance(where, LexborHTMLParser) else where
    return [] if node is None else _engine().find(query, node)


def css_first(where: LexborHTMLParser | LexborNode, query: str) -> LexborNode | None:
    """``where.css_first(query)``: the first of them, or None (the walk stops there)."""
    node = where.root if isinstance(where, LexborHTMLParser) else where
    if node is None:
        return None
    found: list[LexborNode] = _engine().find_first(query, node)  # type: ignore[attr-defined]  # not in the stub
    return found[0] if found else None
