#!/usr/bin/env bash
# Fault test: kill -9 the app during a burst of publishes, votes and page views, restart, and check
# the SQLite file (integrity_check), acknowledged publishes and votes, and visits lost against the
# 5 s flush window. Then replace the database file with a directory while the app runs: /health/ready
# must say 503, a public page the Vietnamese maintenance page (503, never 500), and both must
# recover once the file is back. Figures go to the "## Fault test" section of bench/RESULTS.md.
#
# Usage: bench/faults.sh        env: FAULT_BURST (seconds before the kill, default 12) FAULT_PORT (5117)
set -euo pipefail
cd "$(dirname "$0")/.."

BURST=${FAULT_BURST:-20}
PORT=${FAULT_PORT:-5117}
BASE="http://127.0.0.1:$PORT"
OUT=bench/out
WORK=$(mktemp -d /tmp/portal-faults.XXXXXX)
RESULTS=bench/RESULTS.md
UA="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
ADMIN_EMAIL="admin@bench.local"
ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
DB="$WORK/portal.db"

command -v sqlite3 >/dev/null 2>&1 || { if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; $SUDO apt-get update -qq && $SUDO apt-get install -y -qq sqlite3 >/dev/null; }
# shellcheck source=bench/common.sh
. bench/common.sh
publish_app_once

export ASPNETCORE_ENVIRONMENT=Production
export Portal__Storage__Root="$WORK"
# No pooling: every request reopens the file, so a replaced file is noticed at once.
export ConnectionStrings__Portal="Data Source=$DB;Pooling=False"
export Portal__Admin__Email="$ADMIN_EMAIL"
export Portal__Admin__Password="$ADMIN_PASSWORD"
export Portal__Polls__VoterKeySecret="fault-test-secret-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export Portal__Polls__MaxVotesPerIpPerDay=100000000
export Portal__RateLimits__SignInPerMinute=100000000
export Portal__RateLimits__VotesPerMinute=100000000
export Portal__RateLimits__SearchPerMinute=100000000
export Serilog__MinimumLevel__Default=Warning

APP_PID=""
PIDS=()
start_app() {
  "${APP[@]}" --urls "$BASE" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready" || true)" = "200" ]; do
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 0.2
  done
}
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$APP_PID" ] && { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
  if [ -n "${FAULT_KEEP:-}" ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

token_of() { grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
# Auth cookies are Secure outside Development; the loopback run is plain http, so clear the flag in the jar.
unsecure() { awk 'BEGIN { FS = OFS = "\t" } NF >= 7 { $4 = "FALSE" } { print }' "$1" > "$1.tmp" && mv "$1.tmp" "$1"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

publish_loop() {
  set +e +o pipefail
  local jar="$WORK/editor.jar" token location id code n=0
  token=$(curl -s -c "$jar" -A "$UA" "$BASE/quan-tri/dang-nhap" | token_of); unsecure "$jar"
  curl -s -o /dev/null -b "$jar" -c "$jar" -A "$UA" --data-urlencode "Email=$ADMIN_EMAIL" --data-urlencode "Password=$ADMIN_PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/quan-tri/dang-nhap"; unsecure "$jar"
  while :; do
    n=$((n + 1))
    token=$(curl -s -b "$jar" -A "$UA" "$BASE/quan-tri/bai-viet/tao" | token_of)
    location=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -A "$UA" --data-urlencode "Title=Bài thử sự cố $n" \
      --data-urlencode "Summary=Tóm tắt" --data-urlencode "CategoryId=$CATEGORY_ID" --data-urlencode "BodyHtml=<p>Bài $n.</p>" \
      --data-urlencode "__RequestVerificationToken=$token" "$BASE/quan-tri/bai-viet/tao")
    id=$(echo "$location" | grep -o '/bai-viet/[0-9]*/sua$' | grep -o '[0-9]*')
    [ -n "$id" ] || continue
    token=$(curl -s -b "$jar" -A "$UA" "$BASE/quan-tri/bai-viet/$id/sua" | token_of)
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -A "$UA" --data "force=true" \
      --data-urlencode "__RequestVerificationToken=$token" "$BASE/quan-tri/bai-viet/$id/xuat-ban")
    echo "$code $id"
  done
}
vote_loop() {
  set +e +o pipefail
  while :; do curl -s -o /dev/null -w '%{http_code}\n' -A "$UA" -H "Origin: $BASE" --data "optionId=$OPTION_ID" "$BASE/tham-do-y-kien/$POLL_ID/binh-chon"; done
}
visit_loop() {
  set +e +o pipefail
  local urls=(/ /van-ban /tham-do-y-kien "/van-ban?trang=2") i=0
  while :; do
    echo "$(now_ms) $(curl -s -o /dev/null -w '%{http_code}' -A "$UA" "$BASE${urls[$((i % 4))]}")"
    i=$((i + 1))
  done
}

start_app
POLL_ID=$(sqlite3 "$DB" "SELECT p.Id FROM Polls p WHERE EXISTS (SELECT 1 FROM PollOptions o WHERE o.PollId = p.Id) ORDER BY p.Id LIMIT 1;")
OPTION_ID=$(sqlite3 "$DB" "SELECT Id FROM PollOptions WHERE PollId = $POLL_ID ORDER BY Id LIMIT 1;")
CATEGORY_ID=$(sqlite3 "$DB" "SELECT Id FROM Categories ORDER BY SortOrder LIMIT 1;")
# Let the first flush of the seeded start settle, then take the baselines.
sleep 6
VOTES_BEFORE=$(sqlite3 "$DB" "SELECT COUNT(*) FROM PollVotes WHERE PollId = $POLL_ID;")
VISITS_BEFORE=$(sqlite3 "$DB" "SELECT COALESCE(SUM(Count), 0) FROM VisitDays;")

echo "== burst for ${BURST}s, then kill -9"
publish_loop > "$WORK/publish.txt" & PIDS+=($!)
vote_loop > "$WORK/votes.txt" & PIDS+=($!)
vote_loop > "$WORK/votes2.txt" & PIDS+=($!)
visit_loop > "$WORK/visits.txt" & PIDS+=($!)
sleep "$BURST"
KILL_MS=$(now_ms)
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
APP_PID=""
sleep 1
for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
PIDS=()

INTEGRITY=$(sqlite3 "$DB" "PRAGMA integrity_check;")
PUBLISH_ACKED=$(grep -c '^302 ' "$WORK/publish.txt" || true)
PUBLISH_MISSING=0
while read -r code id; do
  [ "$code" = 302 ] || continue
  [ "$(sqlite3 "$DB" "SELECT COUNT(*) FROM Articles WHERE Id = $id AND Status = 3;")" = 1 ] || PUBLISH_MISSING=$((PUBLISH_MISSING + 1))
done < "$WORK/publish.txt"
VOTES_ACKED=$(cat "$WORK/votes.txt" "$WORK/votes2.txt" | grep -c '^303$' || true)
VOTES_DB=$(( $(sqlite3 "$DB" "SELECT COUNT(*) FROM PollVotes WHERE PollId = $POLL_ID;") - VOTES_BEFORE ))
VISITS_SEEN=$(awk '$2 ~ /^2/ {n++} END {print n+0}' "$WORK/visits.txt")
VISITS_LAST_WINDOW=$(awk -v k="$KILL_MS" '$2 ~ /^2/ && $1 >= k - 5000 {n++} END {print n+0}' "$WORK/visits.txt")
VISITS_DB=$(( $(sqlite3 "$DB" "SELECT COALESCE(SUM(Count), 0) FROM VisitDays;") - VISITS_BEFORE ))
VISITS_LOST=$((VISITS_SEEN - VISITS_DB))

echo "== restart"
RESTART_START=$(now_ms)
start_app
RESTART_MS=$(( $(now_ms) - RESTART_START ))
INTEGRITY_AFTER=$(sqlite3 "$DB" "PRAGMA integrity_check;")

echo "== database file replaced by a directory"
mkdir "$WORK/aside"
mv "$DB" "$WORK/aside/"
for f in "$DB-wal" "$DB-shm"; do [ -e "$f" ] && mv "$f" "$WORK/aside/"; done
mkdir "$DB"
READY_DOWN=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")
PAGE_DOWN=$(curl -s -o "$WORK/down.html" -w "%{http_code}" -A "$UA" "$BASE/tim-kiem?q=su-co-$(date +%s%N)")
MAINTENANCE_TEXT=$(grep -c 'Hệ thống đang bảo trì' "$WORK/down.html" || true)
LEAKS=$(grep -c -i -E 'sqlite|exception|stack|portal\.db' "$WORK/down.html" || true)
rmdir "$DB"
mv "$WORK/aside/"* "$WORK/"
READY_BACK=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")
PAGE_BACK=$(curl -s -o /dev/null -w "%{http_code}" -A "$UA" "$BASE/tim-kiem?q=su-co-$(date +%s%N)")

verdict() { if [ "$1" = "$2" ]; then echo "ok"; else echo "FAIL"; fi; }
SECTION=$(cat <<MD
## Fault test

Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, Release build, Production, SQLite without connection pooling; \`bench/faults.sh\` (burst ${BURST} s, then \`kill -9\`).

| Check | Figure | Verdict |
|---|---|---|
| \`PRAGMA integrity_check\` right after the kill / after restart | ${INTEGRITY} / ${INTEGRITY_AFTER} | $(verdict "$INTEGRITY$INTEGRITY_AFTER" okok) |
| publishes acknowledged (302) before the kill / missing afterwards | ${PUBLISH_ACKED} / ${PUBLISH_MISSING} | $(verdict "$PUBLISH_MISSING" 0) |
| votes acknowledged (303) / rows stored | ${VOTES_ACKED} / ${VOTES_DB} | $( [ "$VOTES_DB" -ge "$VOTES_ACKED" ] && echo "ok (every acknowledged vote kept)" || echo FAIL ) |
| page views answered 2xx / counted / lost | ${VISITS_SEEN} / ${VISITS_DB} / ${VISITS_LOST} | $( [ "$VISITS_LOST" -le "$VISITS_LAST_WINDOW" ] && echo "ok (≤ ${VISITS_LAST_WINDOW} views in the last 5 s flush window)" || echo FAIL ) |
| restart to ready | ${RESTART_MS} ms | |
| database replaced by a directory: \`/health/ready\` | ${READY_DOWN} | $(verdict "$READY_DOWN" 503) |
| database replaced by a directory: public page | ${PAGE_DOWN}, Vietnamese maintenance text: $( [ "$MAINTENANCE_TEXT" -gt 0 ] && echo yes || echo no ), internals shown: ${LEAKS} | $(verdict "$PAGE_DOWN/$( [ "$MAINTENANCE_TEXT" -gt 0 ] && echo 1 || echo 0 )/$LEAKS" 503/1/0) |
| file restored: \`/health/ready\` / public page | ${READY_BACK} / ${PAGE_BACK} | $(verdict "$READY_BACK/$PAGE_BACK" 200/200) |

Visits are counted in memory and flushed every 5 s (\`VisitFlusher.Interval\`), so a hard kill may
lose at most the views of the last window; everything acknowledged to a user is in the database.
MD
)

write_results_section "$RESULTS" "## Fault test" "$SECTION"
echo "$SECTION"
