"""CSV the tool writes (``screen --csv``, an evidence pack's ``timeline.csv``), safe to open in a spreadsheet.

A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is run as a formula by Excel,
LibreOffice and Google Sheets (OWASP "CSV injection"): a counterparty name ``=HYPERLINK(…)`` from an ERP export,
or any text read from a page, would become a live link or a computation in the compliance officer's sheet. Such a
cell begins with a single quote, which spreadsheets show as text. One helper for every CSV the tool writes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` with a single quote before it when a spreadsheet would run it as a formula ("=1+1" -> "'=1+1")."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A header line and the rows, every cell :func:`spreadsheet_safe`, ``\\n`` line ends."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([spreadsheet_safe(c) for c in header])
    w.writerows([spreadsheet_safe(c) for c in row] for row in rows)
    return out.getvalue()
