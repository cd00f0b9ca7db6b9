"""A notice page whose article holds no text but images, an iframe or an attachment link (health33's B2).

It was refused as "js-shell: a JavaScript shell with 0 visible characters" (the layout's scripts in the head), which
sends an operator to look for a script problem; it is a notice published as a scan or a file, which a person must read:
``needs-review``, saying what the article holds. A page whose body is a loading line stays a JavaScript shell; one
whose body is there and empty is said so (health41 N19/N20).
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.faults.harness import FIXTURES

N23 = "zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
BODIES = {
    "loading": ("<p>正文加载中，请稍候……</p>", "js-shell", "a JavaScript shell"),
    # the container there and empty (health41 N19/N20): it was "a JavaScript shell with 0 visible characters"
    "nothing": ("", "empty", "the article's body is there and empty: the page came without its text"),
    "blank": ("\n<p>&nbsp;</p>\n<!-- TRS_Editor -->\n<p> </p>\n", "empty", "the article's body is there and empty"),
    "pdf": ('<p>附件：<a href="/zwgk/zcfb/art/2026/P020260622.pdf">商务部公告2026年第23号.pdf</a></p>', "needs-review",
            "no text: the article is only a PDF link (/zwgk/zcfb/art/2026/P020260622.pdf): a person must read it"),
    "images": ('<p><img src="/W020260622_1.jpg" width="800"></p><p><img src="/W020260622_2.jpg"></p>', "needs-review",
               "no text: the article is only 2 images: a person must read it"),
    "iframe": ('<iframe src="/pdfjs/web/viewer.html?file=/P020260622.pdf" width="100%"></iframe>', "needs-review",
               "no text: the article is only an iframe: a person must read it"),
    "word": ('<p><img src="/icon_doc.gif"><a href="/P020260622.docx">下载</a></p><p>（正文见附件）</p>', "needs-review",
             "no text: the article is only an image and a Word document link (/P020260622.docx): a person must read it"),
}


def page(inner: str) -> bytes:
    raw = (FIXTURES / "www.mofcom.gov.cn" / N23).read_text(encoding="utf-8")
    start = raw.index('<div class="art-con')
    end = raw.index("</div>", start)
    return (raw[:start] + '<div class="art-con art-con-bottonmLine">' + inner + raw[end:]).encode()


@pytest.mark.parametrize("name", list(BODIES))
def test_an_article_of_no_text_says_what_it_holds(name):
    inner, reason, said = BODIES[name]
    with pytest.raises(UnusablePage) as refused:
        parse_document(page(inner), url=f"https://www.mofcom.gov.cn/{N23}", content_type="text/html")
    assert refused.value.reason == reason, refused.value
    assert said in refused.value.detail, refused.value.detail
