"""``storage.vocabulary.NUMBER_COLUMNS``: the index columns an unresolved reference to a notice not stored names (health34
K7: an index frozen for ever showed only as a reference from a Q&A, naming the Q&A). Pure."""

from __future__ import annotations

from scraper.sources.defaults import DEFAULT_SOURCES_TOML
from storage.vocabulary import NUMBER_COLUMNS, number_columns


def test_each_column_named_is_a_default_sources_index() -> None:
    """The columns are where the default sources read: a source moved in defaults.py must move here too."""
    for _, columns in NUMBER_COLUMNS:
        for column in columns:
            host, _, path = column.partition("/")
            assert f'host = "{host}"' in DEFAULT_SOURCES_TOML, column
            assert f"/{path}" in DEFAULT_SOURCES_TOML or not path, column


def test_a_key_names_its_numbering_columns_and_an_unknown_one_none() -> None:
    assert number_columns("MOFCOM-2025-21") == (": the number's columns, www.mofcom.gov.cn/zwgk/zcfb/ and "
                                                "www.mofcom.gov.cn/zcfb/blgg/gg/2025/, list no such row")
    assert "aqygzj.mofcom.gov.cn/" in number_columns("MOFCOM-ORDER-2025-6")  # not the announcements' annual column
    assert "gg/" not in number_columns("MOFCOM-ORDER-2025-6")
    assert number_columns("MFA-ORDER-2024-15") == (": the number's column, "
                                                   "www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/, lists "
                                                   "no such row")
    assert number_columns("OTHER-1") == ""
