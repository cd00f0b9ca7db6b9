"""scraper.parse.select: queries through one selector engine per thread find what the tree's own css finds."""

import threading

from selectolax.lexbor import LexborHTMLParser

from scraper.parse import select

PAGES = (
    '<html><head><title>t</title><meta name="PubDate" content="x"></head><body><div class="art-con art-con-bottonmLine">'
    '<p>one</p><ul><li><a href="/a">a1</a></li><li>b2 <a href="/b">b</a></li></ul><script>x</script></div>'
    '<div class="TRS_Editor"><p>two</p></div><aside class="related-news"><a href="/c">c</a></aside></body></html>',
    "<p>no container<a href='/z'>z</a></p>",
    '<table><tr><td class="story"><style>p{}</style>three</td></tr></table><div itemprop="articleBody">four</div>',
)
QUERIES = ("div.art-con.art-con-bottonmLine", ".TRS_Editor, .story, [itemprop=articleBody]", "a[href]", "li",
           "script, style, aside, [class*=related]", "p", "nav", "html", "body > *")


def _same(found, expected):
    return [n.mem_id for n in found] == [n.mem_id for n in expected] and [n.html for n in found] == [n.html for n in expected]


def test_queries_find_the_nodes_the_tree_finds():
    for page in PAGES:
        tree = LexborHTMLParser(page)
        for query in QUERIES:
            assert _same(select.css(tree, query), tree.css(query)), (page, query)
            first = select.css_first(tree, query)
            assert (first.mem_id if first else None) == (n.mem_id if (n := tree.css_first(query)) else None)
            for node in tree.css("div, li, ul, td"):  # from a node: the node itself and what it holds
                assert _same(select.css(node, query), node.css(query)), (page, query, node.html)
                got, own = select.css_first(node, query), node.css_first(query)
                assert (got.mem_id if got else None) == (own.mem_id if own else None)


def test_one_engine_per_thread_and_queries_from_threads_agree():
    engines, results = [], []

    def work():
        engines.append(select._engine())
        tree = LexborHTMLParser(PAGES[0])
        results.append([n.html for n in select.css(tree, "a[href]")])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert select._engine() is select._engine()
    assert len({id(e) for e in engines}) == 4 and select._engine() not in engines
    assert results == [[n.html for n in LexborHTMLParser(PAGES[0]).css("a[href]")]] * 4
