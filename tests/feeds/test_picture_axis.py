"""The state pictures' time axis on spans of every length (feeds/picture.py). Pure: an axis in, SVG text out.

A date misread centuries off (or a corpus whose copies are shifted years apart, as bench/scale.py's 100x) stretches
the axis of every picture of its listing: with a tick and a label per month, an 800-year axis was about 2.5 MB of SVG
per picture, its labels drawn over each other, and most of a 100x `feeds --out`'s CPU.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from feeds.picture import FONT, WIDTH, render_svg, text_width
from storage.bands import Axis

LABEL_RE = re.compile(r'<text x="([\d.]+)" y="[\d.]+" class="mw-y">(\d+)</text>')


def years(text: str) -> list[tuple[float, int]]:
    return [(float(x), int(y)) for x, y in LABEL_RE.findall(text)]


@pytest.mark.parametrize("start, end", [
    (date(2020, 1, 1), date(2045, 1, 1)),
    (date(2020, 1, 1), date(2820, 1, 1)),
    (date(1, 1, 1), date(9999, 12, 31)),
])
def test_a_long_axis_counts_years_in_steps_that_leave_room_for_their_labels(start, end):
    text = render_svg((), Axis(start=start, end=end, as_of=end), title="long")
    assert len(text) < 12_000  # bounded whatever the span (the 800-year axis was ~2.5 MB)
    labels = years(text)
    assert len(labels) >= 5  # still a readable scale
    steps = {b - a for (_, a), (_, b) in zip(labels, labels[1:], strict=False)}
    assert len(steps) == 1  # one step, e.g. every 50 years
    step = steps.pop()
    assert all(year % step == 0 for _, year in labels)
    xs = [x for x, _ in labels]
    assert all(b - a > text_width("2025", FONT - 1) for a, b in zip(xs, xs[1:], strict=False))  # none over another
    assert all(0 <= x <= WIDTH for x in xs)


def test_a_span_of_a_few_years_keeps_its_month_ticks_and_every_year_labelled():
    text = render_svg((), Axis(start=date(2022, 1, 1), end=date(2027, 6, 1), as_of=date(2026, 11, 30)), title="x")
    assert [y for _, y in years(text)] == [2022, 2023, 2024, 2025, 2026, 2027]
    assert text.count('stroke-width="0.6"') == 5 * 11 + 5  # a small tick for every month but January
