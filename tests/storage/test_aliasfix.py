"""Which copy of a notice an official correction explains (storage/aliasfix.py, session 21): pure, text in, answer out."""

from __future__ import annotations

from pathlib import Path

from scraper.parse import parse_text
from storage.aliasfix import settled_by

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "corr20"
ORIGINAL = (CORPUS / "00a-mofcom-2026-31-ecl-6-us.txt").read_text(encoding="utf-8")
NO_40 = parse_text((CORPUS / "10-ecl-second-entry-same-notice.txt").read_text(encoding="utf-8"))  # item 4 renamed
NO_34 = parse_text((CORPUS / "02-ecl-zh-only.txt").read_text(encoding="utf-8"))  # item 2's Chinese name alone


def test_the_copy_with_the_correction_made_is_explained_by_it_and_nothing_else_is() -> None:
    kept = parse_text(ORIGINAL)
    fixed = parse_text(ORIGINAL.replace("Harbor Dynamic Systems", "Harbor Dynamics Systems"))
    assert settled_by(kept, fixed, [NO_34, NO_40]) is NO_40
    half = parse_text(ORIGINAL.replace("北极星导航系统公司（", "北极星导航公司（"))  # the Chinese half only
    assert settled_by(kept, half, [NO_40, NO_34]) is NO_34
    # the kept copy is the corrected one: the correction's old name is not on it, so it does not settle (a person does)
    assert settled_by(fixed, kept, [NO_40]) is None
    # another difference besides the correction's, a rename the correction does not make, or no correction: open
    other = parse_text(ORIGINAL.replace("Harbor Dynamic Systems", "Harbor Dynamics Systems").replace(
        "2026年7月15日）\n\n1.", "2026年7月16日）\n\n1.").replace("本公告自公布之日起正式实施", "本公告自2026年7月16日起正式实施"))
    assert other.effective != kept.effective and settled_by(kept, other, [NO_40]) is None
    assert settled_by(kept, parse_text(ORIGINAL.replace("Harbor Dynamic Systems", "Harbour Dynamic Systems")),
                      [NO_40]) is None
    assert settled_by(kept, fixed, []) is None
    both = parse_text(ORIGINAL.replace("Harbor Dynamic Systems", "Harbor Dynamics Systems").replace(
        "北极星导航系统公司（", "北极星导航公司（"))
    assert settled_by(kept, both, [NO_40, NO_34]) is None  # one copy with two notices' renames: left to a person
