"""bench/parse_rules.py counts each row of the rule tables alone, replayed as the parse ran it: every row is seen on
the texts that reached it, and a check called again on a fresh Source (the views it found computed) gives the answer it
gave in the parse (the count is of the same work)."""

import importlib.util
from pathlib import Path

from scraper.parse import rules

ROOT = Path(__file__).parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_parse_rules", ROOT / "bench" / "parse_rules.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_row_seen_and_a_check_replayed_answers_as_in_the_parse():
    bench = _bench()
    pages = bench.load(ROOT / "fixtures")
    seen = bench._seen(pages)
    rows = bench._rows()
    assert len(rows) == len(rules.RULES) + len(rules.REJECTS) + len(rules.CHECKS)
    first_check = len(rules.RULES) + len(rules.REJECTS)
    reached = len(seen[first_check])
    assert reached > 20 and all(len(seen[first_check + i]) == reached for i in range(len(rules.CHECKS)))
    assert all(len(seen[i]) >= reached for i in range(len(rules.RULES)))  # (a rejected text reaches no check)
    warned = 0
    for i, check in enumerate(rules.CHECKS):
        for src, d, views in seen[first_check + i]:
            fresh = bench._fresh(src, views)
            assert set(fresh.__dict__) == set(views) | set(bench.BASE_FIELDS)
            answer = check(fresh, d)
            assert answer == check(src, d)
            warned += answer is not None
    assert warned  # (the fixtures' count mismatches at least)
