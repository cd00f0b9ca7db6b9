from __future__ import annotations

import pytest

from storage.numerals import chinese_to_int


@pytest.mark.parametrize(("text", "value"), [("16", 16), ("十六", 16), ("二十一", 21), ("一百零三", 103), ("两", 2)])
def test_numerals(text, value):
    assert chinese_to_int(text) == value


@pytest.mark.parametrize("text", ["", "家", "abc", "十六家"])
def test_not_a_numeral_is_a_value_error(text):
    with pytest.raises(ValueError):
        chinese_to_int(text)
