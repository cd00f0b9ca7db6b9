"""``run`` against a local copy of fixtures/' sites whose articles appear cycle by cycle in another order.

    .venv/bin/python bench/run_orders.py [--seed N] [--per-cycle K] [--qa-first | --first RE ...] [--work DIR]

By hand (a few minutes: not in CI). Cycle 1 shows the oldest row of each index (an index with no row is a
source-health problem, zero links, which holds items back: not the question here); each later cycle shows K more
articles in a shuffled order (``--qa-first``: the spokesperson's answers, then the rest; ``--first RE``, repeated: the
articles whose site path matches each RE in a cycle of its own, in the order given, then the rest, e.g. ``--first
www.mfa.gov.cn`` for the MFA before MOFCOM, ``--first 'aqygzj|/zcfb/blgg/'`` for the mirror copies before the pages
the jpaas list gives), the index rows of the others
removed and their pages 404 (``tests/site_server.py``). Each cycle is one ``run`` process (as of 2026-11-30, a fetch
time of its own) into one store and feeds folder, read back after it: the items a feed held that left it with no
correction there (none may), and the corrections made (their titles: what a reader polling between cycles was told).
At the end the lasting items (ids, titles, bodies with fetch times masked, the feeds holding each) are compared with one
``replay`` of the same site pages (``bench/replay_orders.compare``). Exit 1 when anything vanished or differs.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.replay_orders import CORRECTION, FETCH_TIME_RE, compare, feeds, replay  # noqa: E402
from tests.faults.harness import HOSTS  # noqa: E402
from tests.site_server import SiteServer  # noqa: E402

AS_OF = "2026-11-30"
T0 = datetime.fromisoformat("2026-11-29T00:00:00+00:00")
DATA_DIR = Path(tempfile.gettempdir()) / "mofcom-watch-run-orders-unused"  # no user configuration read
PUBLIC_URL = "http://127.0.0.1:8080/feeds/"  # serve's own feeds address, the links of a store with no public_base_url
ARTICLE = re.compile(r"(art_[0-9a-f]{32}\.html|t\d{8}_\d+\.shtml)$")


def env() -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if not k.startswith("MOFCOM_WATCH_")}
    e.update(MOFCOM_WATCH_REQUEST_DELAY="0", MOFCOM_WATCH_RETRIES="0", MOFCOM_WATCH_TIMEOUT="30",
             MOFCOM_WATCH_TODAY=AS_OF, MOFCOM_WATCH_DATA_DIR=str(DATA_DIR),
             # the links serve's default address gives anyway (the replay's feeds are compared with these), said so
             # that each cycle's "no public_base_url" warning is not printed among its problems (order35's note)
             MOFCOM_WATCH_PUBLIC_URL=PUBLIC_URL)
    return e


def read_feeds(out: Path) -> dict[str, dict]:
    items: dict[str, dict] = {}
    for path in sorted(out.rglob("*.json")):
        if path.name.startswith("."):
            continue
        for it in json.loads(path.read_text(encoding="utf-8"))["items"]:
            got = items.setdefault(it["id"], {"title": it.get("title"), "feeds": set(),
                                              "body": FETCH_TIME_RE.sub("<fetched>", it.get("content_html", "")),
                                              "published": it.get("date_published"), "tags": tuple(it.get("tags", ())),
                                              "modified": it.get("date_modified")})
            got["feeds"].add(path.relative_to(out).as_posix())
    return items


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-cycle", type=int, default=5)
    ap.add_argument("--qa-first", action="store_true", help="cycle 1: the Q&As only; cycle 2: the rest")
    ap.add_argument("--first", action="append", default=[], metavar="RE",
                    help="a cycle of the articles whose site path matches RE (repeat: in that order), then the rest")
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="run-orders-"))
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    site_root = work / "site"
    for host in HOSTS:
        if (ROOT / "fixtures" / host).is_dir():
            shutil.copytree(ROOT / "fixtures" / host, site_root / host)
    arts = sorted(p.relative_to(site_root).as_posix() for p in site_root.rglob("*") if ARTICLE.search(p.name))
    indexes = {p: p.read_text(encoding="utf-8") for p in site_root.rglob("index.html")}
    # the oldest row of each index is there from the first cycle: an index with no row is a source-health problem
    # (zero links), which holds back the items a broken source could falsify: not the order question asked here
    last_rows = {re.findall(r"(art_[0-9a-f]{32}\.html|t\d{8}_\d+\.shtml)", text)[-1]
                 for text in indexes.values() if re.search(r"art_[0-9a-f]{32}\.html|t\d{8}_\d+\.shtml", text)}
    baseline = [a for a in arts if a.rsplit("/", 1)[1] in last_rows]
    rest = [a for a in arts if a not in baseline]
    firsts = (["/xwfb/xwfyrth/"] if args.qa_first else []) + args.first
    if firsts:
        cycles = [baseline]
        for pattern in firsts:
            cycles.append([a for a in rest if re.search(pattern, a) and not any(a in c for c in cycles)])
        cycles.append([a for a in rest if not any(a in c for c in cycles)])
    else:
        random.Random(args.seed).shuffle(rest)
        cycles = [baseline] + [rest[i:i + args.per_cycle] for i in range(0, len(rest), args.per_cycle)]
    print(f"{len(arts)} articles, {len(cycles)} cycles, work {work}")
    db = f"sqlite:///{work / 'run.sqlite'}"
    out = work / "feeds"
    seen: dict[str, set[str]] = {}
    lost = 0
    shown: set[str] = set()
    corrections: dict[str, str] = {}
    with SiteServer(site_root) as site:
        for n, batch in enumerate(cycles):
            shown |= set(batch)
            hidden = {a.rsplit("/", 1)[1] for a in arts if a not in shown}
            site.removed = {a for a in arts if a not in shown}
            for path, text in indexes.items():
                path.write_text("\n".join(line for line in text.split("\n") if not any(h in line for h in hidden)),
                                encoding="utf-8")
            base = [f"--base-url={h}={site.url}/{h}" for h in HOSTS]
            at = (T0 + timedelta(hours=n)).isoformat()
            done = subprocess.run([str(ROOT / ".venv/bin/mofcom-watch"), "--db", db, "run", "--as-of", AS_OF,
                                   "--fetched-at", at, "--out", str(out), "--no-progress", *base],
                                  env=env(), capture_output=True, text=True, timeout=600)
            held = read_feeds(out)
            new_corr = {i: v["title"] for i, v in held.items() if CORRECTION in i and i not in corrections}
            corrections.update(new_corr)
            vanished = []
            for item, where in seen.items():
                fixes = set().union(*(v["feeds"] for i, v in held.items() if i.startswith(f"{item}{CORRECTION}")))
                gone = where - held.get(item, {}).get("feeds", set()) - fixes
                if gone:
                    vanished.append((item, sorted(gone)))
            for item, value in held.items():
                seen.setdefault(item, set()).update(value["feeds"])
            problems = [line for line in done.stderr.splitlines() if line.startswith(("problem", "mofcom-watch run:"))]
            print(f"cycle {n + 1}: +{len(batch)} pages ({', '.join(b.split('/')[-1][:14] for b in batch)}), run exit "
                  f"{done.returncode}, {len(held)} items, {len(new_corr)} new corrections, {len(vanished)} vanished")
            for i, t in sorted(new_corr.items()):
                print(f"   correction {i.split(',2025:')[1]}: {t}")
            for i, f in vanished:
                print(f"   VANISHED {i} from {f[:4]}")
            lost += len(vanished)
            if done.returncode not in (0, 1):
                print(done.stderr[-3000:])
                return 2
            for p in problems[:3]:
                print(f"   {p[:200]}")
    # the same pages in one replay
    rdb = f"sqlite:///{work / 'replay.sqlite'}"
    os.environ["MOFCOM_WATCH_TODAY"] = AS_OF
    replay(rdb, site_root, [Path(a) for a in arts], work, T0, AS_OF)
    base_items = feeds(rdb, work / "feeds-replay", AS_OF)
    final = read_feeds(out)
    diffs = compare(base_items, final)
    print(f"final: run {len(final)} items ({sum(CORRECTION in i for i in final)} corrections), replay "
          f"{len(base_items)} items ({sum(CORRECTION in i for i in base_items)} corrections): {len(diffs)} difference(s)")
    for d in diffs[:20]:
        print(f"   DIFF {d[:600]}")
    return 1 if diffs or lost else 0


if __name__ == "__main__":
    raise SystemExit(main())
