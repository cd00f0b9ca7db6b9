"""An annex table row cut by a page break (session 24, parse24): the entity's names run on into the next row, whose
serial cell is empty. Before, "北极星量子" / "Polaris Quantum" were read and "计算公司" / "Computing, Inc." dropped: a wrong
name listed, no warning."""

from __future__ import annotations

from scraper.parse import parse_document
from scraper.parse.entities.annex import _continued_rows

HEAD = ("<html><head><title>不可靠实体清单工作机制关于将北极星量子计算公司等2家美国企业列入不可靠实体清单的公告</title></head><body>"
        "<div class=\"art-con\"><p>不可靠实体清单工作机制公告〔2026〕17号</p><p>不可靠实体清单工作机制决定将北极星量子计算公司等2家美国企业"
        "（名单见附件）列入不可靠实体清单，并采取以下处理措施：</p><p>一、禁止上述企业从事与中国有关的进出口活动。</p>"
        "<p>本公告自公布之日起实施。</p><p>不可靠实体清单工作机制</p><p>2026年12月4日</p><p>附件：</p><p>不可靠实体清单</p><table>"
        "<tr><td>序号</td><td>中文名称</td><td>英文名称</td><td>国家（地区）</td></tr>")
ROWS = ("<tr><td>1</td><td>北极星量子</td><td>Polaris Quantum</td><td>美国</td></tr>"
        "<tr><td></td><td>计算公司</td><td>Computing, Inc.</td><td></td></tr>"
        "<tr><td></td><td></td><td></td><td></td></tr>"
        "<tr><td>序号</td><td>中文名称</td><td>英文名称</td><td>国家（地区）</td></tr>"
        "<tr><td>2</td><td>雷尼尔战术通信公司</td><td>Rainier Tactical Communications LLC</td><td>美国</td></tr>")
TAIL = "</table></div></body></html>"


def test_a_name_run_on_into_an_unnumbered_row_is_joined() -> None:
    doc = parse_document((HEAD + ROWS + TAIL).encode("utf-8"),
                         url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_8091a2b3c4d54e6f8091a2b3c4d5e6f7.html")
    assert doc.notice is not None
    assert [(e.zh, e.en, e.country) for e in doc.notice.entities] == [
        ("北极星量子计算公司", "Polaris Quantum Computing, Inc.", "US"),
        ("雷尼尔战术通信公司", "Rainier Tactical Communications LLC", "US")]
    assert doc.notice.warnings == ()


def test_only_an_unnumbered_row_under_a_numbered_one_is_joined() -> None:
    header = "序号\t中文名称\t英文名称\t国家（地区）"
    assert _continued_rows(["1\t甲公司\tAlpha Inc.\t美国", "", header, "2\t乙公司\tBeta LLC\t美国"]) == \
        ["1\t甲公司\tAlpha Inc.\t美国", "", header, "2\t乙公司\tBeta LLC\t美国"]
    assert _continued_rows(["1\t北极星量子\tPolaris Quantum\t美国", "", "计算公司\tComputing, Inc.\t"]) == \
        ["1\t北极星量子计算公司\tPolaris Quantum Computing, Inc.\t美国"]
