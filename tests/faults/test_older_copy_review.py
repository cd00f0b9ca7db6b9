"""A page flipping back to a copy read before: ``older-copy``, which a person can now settle (health39 L15, open B (c)).

The MFA's 2024-10-10 decision is read. A cache then serves an older copy never seen before (an entity's name
without its middle dot): its bytes are new, so it is taken as an in-place correction. When the site serves the first
copy again, that copy's bytes were first fetched before the stored one, so it is ``older-copy``: exit 1 on every run,
the store keeping the stale name, and ``review`` offered no way out (the issue closes only when the page serves the
stored copy again, which the site no longer does). Now ``review`` lists the page's current copy and ``accept KEY
SHA256`` stores it: the issue closes, the record says who, and the next run is clean. Real processes, a real SQLite
file, the site over local HTTP.
"""

from __future__ import annotations

import hashlib
import json

from tests.faults.harness import FIXTURES, cli
from tests.faults.test_site_changes import MFA13, M, brief, fx, run, states, status
from tests.site_server import SiteServer

KEY = "MFA-ORDER-2024-13"
DOTTED, PLAIN = "亨廷顿·英格尔斯工业公司", "亨廷顿英格尔斯工业公司"


def test_an_older_copy_served_again_is_settled_by_a_persons_accept(tmp_path):
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    first = fx(M, MFA13)
    assert DOTTED in first.decode()
    stale = first.decode().replace(DOTTED, PLAIN).encode()
    with SiteServer(FIXTURES) as site:
        bases = {M: site.base_url(M)}
        source = ("mfa-countermeasures",)
        assert run(db, out, bases, sources=source)[0].code == 0
        site.set_page(f"{M}/{MFA13}", stale)  # a cache's older copy, never seen: read as a correction
        assert run(db, out, bases, sources=source)[0].code == 0
        site.set_page(f"{M}/{MFA13}", first)  # the site's copy again: bytes first fetched before the stored ones
        flipped, report = run(db, out, bases, sources=source)
        assert flipped.code == 1 and "older-copy" in json.dumps(report), brief(report)

        listed = cli(db, "review", "--json")
        pending = json.loads(listed.out)
        shown = json.dumps(pending, ensure_ascii=False)
        sha = hashlib.sha256(first).hexdigest()
        assert sha in shown and KEY in shown, listed.out
        done = cli(db, "accept", KEY, sha[:12], "--by", "ops@example.org", "--note", "the ministry's page checked")
        assert done.code == 0, done.out + done.err

        again, report = run(db, out, bases, sources=source)
    assert again.code == 0, brief(report)
    shown = status(db)
    assert not [h for h in shown["health_issues"] if h["kind"] == "older-copy"], shown["health_issues"]
    assert states(shown)[(KEY, "countermeasure")][3] == 13
