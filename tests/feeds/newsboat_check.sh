#!/usr/bin/env bash
# Manual reader check: replay the fixtures, write the feeds, serve them over a local
# http.server, let newsboat (headless) reload each feed twice -- with a second replay of
# the same pages in between -- and show that every item appears once and nothing is new.
# Usage: tests/feeds/newsboat_check.sh [FEED...]   (default: all uel ecl notices entity/skydio)
# Needs: apt-get install -y newsboat sqlite3. Run from the repository root.
set -euo pipefail
FEEDS=("${@:-all uel ecl notices entity/skydio}")
read -r -a FEEDS <<< "${FEEDS[*]}"
PY=${PY:-.venv/bin/python}
MW=(.venv/bin/mofcom-watch)
PORT=${PORT:-8765}
W=$(mktemp -d)
DB="sqlite:///$W/db.sqlite"
trap 'kill "$SRV" 2>/dev/null || true; rm -rf "$W"' EXIT

"${MW[@]}" --db "$DB" replay fixtures --fetched-at 2026-11-29T02:00:00+00:00 --as-of 2026-11-29 >/dev/null 2>&1 || true
"${MW[@]}" --db "$DB" feeds --out "$W/www" --as-of 2026-11-29 --base-url "http://127.0.0.1:$PORT/" 2>/dev/null | tail -1 || true
(cd "$W/www" && exec "$OLDPWD/$PY" -m http.server "$PORT" --bind 127.0.0.1 >/dev/null 2>&1) & SRV=$!
sleep 1

reload() {  # $1 feed name, $2 format: one cache per feed file (newsboat keys items by guid across feeds)
  local dir="$W/nb/${1//\//_}.$2"
  mkdir -p "$dir/home" && : > "$dir/config" && echo "http://127.0.0.1:$PORT/$1.$2" > "$dir/urls"
  (cd "$dir" && HOME="$dir/home" newsboat -u urls -c cache.db -C config -x reload) >/dev/null
  sqlite3 "$dir/cache.db" "select count(*) || ' items, ' || count(distinct guid) || ' distinct guids, '
                           || sum(unread) || ' unread' from rss_item"
}

declare -A FIRST
for f in "${FEEDS[@]}"; do for fmt in atom rss; do
  FIRST[$f.$fmt]=$(reload "$f" "$fmt"); echo "first  $f.$fmt: ${FIRST[$f.$fmt]}"
done; done
"${MW[@]}" --db "$DB" replay fixtures --fetched-at 2026-11-29T08:00:00+00:00 --as-of 2026-11-29 >/dev/null 2>&1 || true
"${MW[@]}" --db "$DB" feeds --out "$W/www" --as-of 2026-11-29 --base-url "http://127.0.0.1:$PORT/" 2>/dev/null | tail -1 || true
status=0
for f in "${FEEDS[@]}"; do for fmt in atom rss; do
  again=$(reload "$f" "$fmt"); echo "second $f.$fmt: $again"
  [[ "$again" == "${FIRST[$f.$fmt]}" ]] || { echo "  CHANGED after the second replay"; status=1; }
done; done
[[ $status == 0 ]] && echo "OK: every item once, nothing new after the second replay"
exit $status
