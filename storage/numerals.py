"""Chinese numerals to integers, through cn2an, imported on first use.

cn2an takes about a third of a second to import (it builds its tables at import time); most pages
write their counts in Arabic digits, and the commands that never meet a Chinese numeral (``--help``,
``status``) should not pay for it.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _cn2an() -> Any:
    import cn2an

    return cn2an


def chinese_to_int(text: str) -> int:
    """"十六" -> 16, "二十一" -> 21, "16" -> 16; raises ValueError when ``text`` is not a numeral."""
    if text.isdigit():
        return int(text)
    try:
        return int(_cn2an().cn2an(text, "smart"))
    except (KeyError, TypeError) as exc:  # cn2an raises these for some malformed input
        raise ValueError(f"not a numeral: {text!r}") from exc
