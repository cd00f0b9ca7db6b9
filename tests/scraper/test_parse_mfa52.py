"""Session 52's MFA round (tests/data/corpus/mfa52/): a person's country written before the name under a title of several
countries, or of one, was the title's first ("澳大利亚参议员戴维·哈里森" under "关于对立陶宛议会议员和澳大利亚参议员…": LT), a second post
sharing the first's country ("日本众议院议员X、前防卫大臣Y", mfa51/07's open B), a Japanese name with its Hepburn typed an organisation in
a lift. Pure: text in, parse out."""

from __future__ import annotations

from scraper.parse.mfa.groups import _hepburn_person
from tests.scraper.corpus_cases import case_named, read


def countries(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.zh, e.country) for e in read(text).entities]


def test_a_persons_country_before_the_name_comes_before_the_titles_first() -> None:
    """mfa52/18: the Australian senator was LT, the title's first country (silently); so under a title of one country, and
    of none."""
    text = case_named("18", "mfa52")
    want = [("莫妮卡·卡莱基耶内", "LT"), ("戴维·哈里森", "AU")]
    assert countries(text) == want
    assert countries(text.replace("关于对立陶宛议会议员和澳大利亚参议员", "关于对立陶宛议会议员等")) == want
    assert countries(text.replace("关于对立陶宛议会议员和澳大利亚参议员", "关于对有关外国议员")) == want


def test_a_second_post_takes_the_country_the_first_opens_with() -> None:
    """mfa52/01 and mfa51/07: "日本众议院议员石田浩、前防卫大臣村井正雄": no country for the second."""
    assert countries(case_named("01", "mfa52")) == [("石田浩", "JP"), ("村井正雄", "JP")]
    assert countries(case_named("07", "mfa51")) == [("山本健一", "JP"), ("铃木浩二", "JP")]


def test_a_japanese_name_with_its_hepburn_is_a_person() -> None:
    """mfa52/11: "停止执行外交部令2027年第31号对石田浩（Ishida Hiroshi）采取的反制措施" typed 石田浩 an organisation."""
    rec = read(case_named("11", "mfa52"))
    assert [(e.zh, e.type) for e in rec.entities] == [("石田浩", "individual")]
    assert [_hepburn_person(n) for n in ("Yamamoto Kenichi", "Sato Kenta", "Hattori Shinji")] == [True, True, True]
    assert [_hepburn_person(n) for n in ("Linda Shaw", "David Harrison", "Kim Cheol-su", "Nomura Holdings")] == [False] * 4
