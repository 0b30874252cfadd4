#!/usr/bin/env bash
# Load test: 256 wrk connections against a mix of public pages for LOAD_DURATION (60 s), while a
# vote loop, a search loop and an editor publishing through the admin forms run concurrently.
# Checks: zero 5xx, no "database is locked", votes in the DB = votes acknowledged (303), visits
# counted = public HTML GETs answered 2xx (from the app's own request log), RSS sampled every 5 s.
# Figures go to the "## Load test" section of bench/RESULTS.md (after "## Notes", which run.sh keeps).
#
# Usage: bench/load.sh          env: LOAD_DURATION (s, default 60) LOAD_CONNECTIONS (256) LOAD_PORT (5107)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${LOAD_DURATION:-60}
CONNECTIONS=${LOAD_CONNECTIONS:-256}
PORT=${LOAD_PORT:-5107}
BASE="http://127.0.0.1:$PORT"
OUT=bench/out
WORK=$(mktemp -d /tmp/portal-load.XXXXXX)
WRK_OUT="$WORK/wrk.txt"
RESULTS=bench/RESULTS.md
UA="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
ADMIN_EMAIL="admin@bench.local"
ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

for tool in wrk sqlite3 curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk sqlite3 curl >/dev/null
  fi
done

# shellcheck source=bench/common.sh
. bench/common.sh
publish_app_once

export ASPNETCORE_ENVIRONMENT=Production
export Portal__Storage__Root="$WORK"
export Portal__Admin__Email="$ADMIN_EMAIL"
export Portal__Admin__Password="$ADMIN_PASSWORD"
export Portal__Polls__VoterKeySecret="load-test-secret-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export Portal__Polls__MaxVotesPerIpPerDay=100000000
export Portal__RateLimits__SignInPerMinute=100000000
export Portal__RateLimits__VotesPerMinute=100000000
export Portal__RateLimits__SearchPerMinute=100000000
export Portal__RateLimits__UploadsPerMinute=100000000
export Serilog__MinimumLevel__Default=Warning

DB="$WORK/portal.db"
APP_LOG="$WORK/app.log"
"${APP[@]}" --urls "$BASE" >"$APP_LOG" 2>&1 &
APP_PID=$!
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  if [ -n "${LOAD_KEEP:-}" ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready" || true)" = "200" ]; do
  kill -0 "$APP_PID" 2>/dev/null || { cat "$APP_LOG"; exit 1; }
  sleep 0.2
done
[ -f "$DB" ] || DB=$(find "$WORK" -name '*.db' | head -1)

# Public URLs taken from the seeded database, so every one exists.
mapfile -t URLS < <(
  printf '%s\n' / /van-ban /tham-do-y-kien "/van-ban?q=quyet+dinh" "/van-ban?trang=2"
  # curl's own user agent is a bot to the visit counter, so this look-up counts no visit.
  curl -s "$BASE/" | grep -o 'href="/[^"#]*"' | sed 's/^href="//; s/"$//' \
    | grep -v -E '^/(css|js|lib|images|img|media|van-ban/tep|quan-tri|rss|sitemap|favicon|giao-dien)|\.[a-z0-9]+$' | sort -u | head -40
)
{
  echo "local urls = {"
  for u in "${URLS[@]}"; do printf '  "%s",\n' "${u//&amp;/&}"; done
  echo "}"
  cat <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0 end
function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("ok") end
  io.write("OK2XX " .. total .. "\n")
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", urls[(i % #urls) + 1], { ["User-Agent"] = ua, ["Accept"] = "text/html" })
end
LUA
} > "$WORK/mix.lua"
sed -i "1i ua = \"$UA\"" "$WORK/mix.lua"

POLL_ID=$(sqlite3 "$DB" "SELECT p.Id FROM Polls p WHERE EXISTS (SELECT 1 FROM PollOptions o WHERE o.PollId = p.Id) ORDER BY p.Id LIMIT 1;")
OPTION_ID=$(sqlite3 "$DB" "SELECT Id FROM PollOptions WHERE PollId = $POLL_ID ORDER BY Id LIMIT 1;")
CATEGORY_ID=$(sqlite3 "$DB" "SELECT Id FROM Categories ORDER BY SortOrder LIMIT 1;")
VOTES_BEFORE=$(sqlite3 "$DB" "SELECT COUNT(*) FROM PollVotes WHERE PollId = $POLL_ID;")
PUBLISHED_BEFORE=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Articles WHERE Status = 3;")
VISITS_BEFORE=$(sqlite3 "$DB" "SELECT COALESCE(SUM(Count), 0) FROM VisitDays;")
LOG_LINES_BEFORE=$(wc -l < "$APP_LOG")
# The client loops finish the request in hand once this file exists, so every count is exact.
STOP="$WORK/stop"

vote_loop() {
  # A failed request is recorded by its code; it must not end the loop.
  set +e +o pipefail
  until [ -e "$STOP" ]; do
    curl -s -o /dev/null -w '%{http_code}\n' -A "$UA" -H "Origin: $BASE" \
      --data "optionId=$OPTION_ID" "$BASE/tham-do-y-kien/$POLL_ID/binh-chon" || echo 000
  done
}
search_loop() {
  set +e +o pipefail
  local words=(dan-toc "chinh sach" "hoc bong" "quyet dinh" "dong bao" "khmer" "s'tieng" "<script>")
  local i=0
  until [ -e "$STOP" ]; do
    curl -s -o /dev/null -w '%{http_code}\n' -A "$UA" -G --data-urlencode "q=${words[$((i % ${#words[@]}))]}" "$BASE/tim-kiem" || echo 000
    i=$((i + 1))
  done
}
# Auth cookies are Secure outside Development; the loopback run is plain http, so clear the flag in the jar.
token_of() { grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
unsecure() { awk 'BEGIN { FS = OFS = "\t" } NF >= 7 { $4 = "FALSE" } { print }' "$1" > "$1.tmp" && mv "$1.tmp" "$1"; }
editor_loop() {
  set +e +o pipefail
  local jar="$WORK/editor.jar" token code location id n=0
  token=$(curl -s -c "$jar" -A "$UA" "$BASE/quan-tri/dang-nhap" | token_of); unsecure "$jar"
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -A "$UA" --data-urlencode "Email=$ADMIN_EMAIL" \
    --data-urlencode "Password=$ADMIN_PASSWORD" --data-urlencode "__RequestVerificationToken=$token" "$BASE/quan-tri/dang-nhap")
  unsecure "$jar"
  echo "signin $code"
  until [ -e "$STOP" ]; do
    n=$((n + 1))
    token=$(curl -s -b "$jar" -c "$jar" -A "$UA" "$BASE/quan-tri/bai-viet/tao" | token_of); unsecure "$jar"
    location=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" -A "$UA" \
      --data-urlencode "Title=Bài tải thử $n $(date +%s%N)" --data-urlencode "Summary=Tóm tắt bài tải thử" \
      --data-urlencode "CategoryId=$CATEGORY_ID" --data-urlencode "AuthorByline=Phóng viên" \
      --data-urlencode "BodyHtml=<p>Nội dung bài tải thử số $n.</p>" --data-urlencode "__RequestVerificationToken=$token" \
      "$BASE/quan-tri/bai-viet/tao" || echo "000 ")
    echo "create ${location%% *}"
    id=$(echo "$location" | grep -o '/bai-viet/[0-9]*/sua$' | grep -o '[0-9]*' || true)
    [ -n "$id" ] || continue
    token=$(curl -s -b "$jar" -c "$jar" -A "$UA" "$BASE/quan-tri/bai-viet/$id/sua" | token_of); unsecure "$jar"
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -A "$UA" --data "force=true" \
      --data-urlencode "__RequestVerificationToken=$token" "$BASE/quan-tri/bai-viet/$id/xuat-ban" || echo 000)
    echo "publish $code $id"
  done
}
memory_loop() {
  set +e +o pipefail
  while :; do
    echo "$(date +%s) $(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status")"
    sleep 5
  done
}

echo "== load: $CONNECTIONS connections, ${DURATION}s, ${#URLS[@]} URLs; poll $POLL_ID option $OPTION_ID"
memory_loop > "$WORK/rss.txt" & PIDS+=($!)
vote_loop > "$WORK/votes.txt" & CLIENTS=($!)
search_loop > "$WORK/search.txt" & CLIENTS+=($!)
editor_loop > "$WORK/editor.txt" & CLIENTS+=($!)
PIDS+=("${CLIENTS[@]}")
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$WORK/mix.lua" "$BASE" > "$WRK_OUT" 2>&1 || true
touch "$STOP"
for pid in "${CLIENTS[@]}"; do wait "$pid" 2>/dev/null || true; done
for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
PIDS=()
cat "$WRK_OUT"
# Let the in-flight requests finish and the visit counter flush (5 s window) before reading the database.
sleep 8

count() { grep -c -E "$1" "$2" || true; }
VOTES_SENT=$(wc -l < "$WORK/votes.txt")
VOTES_ACK=$(count '^303$' "$WORK/votes.txt")
VOTES_5XX=$(count '^5' "$WORK/votes.txt")
SEARCHES=$(wc -l < "$WORK/search.txt")
SEARCH_5XX=$(count '^5' "$WORK/search.txt")
SEARCH_OK=$(count '^200$' "$WORK/search.txt")
CREATED=$(count '^create 302' "$WORK/editor.txt")
PUBLISHED=$(count '^publish 302' "$WORK/editor.txt")
EDITOR_5XX=$(count ' 5[0-9][0-9]' "$WORK/editor.txt")
SIGNIN=$(grep '^signin' "$WORK/editor.txt" | head -1)
WRK_REQUESTS=$(grep -o '[0-9]* requests in' "$WRK_OUT" | grep -o '^[0-9]*' || echo 0)
WRK_RPS=$(grep 'Requests/sec' "$WRK_OUT" | awk '{print $2}')
WRK_NON2XX=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$WRK_OUT" | grep -o '[0-9]*$' || echo 0)
WRK_LATENCY=$(grep -m1 'Latency' "$WRK_OUT" | awk '{print $2" avg, "$4" max"}')
WRK_ERRORS=$(grep 'Socket errors' "$WRK_OUT" || echo "none")

SERVER_5XX=$((VOTES_5XX + SEARCH_5XX + EDITOR_5XX))
LOCKED=$(grep -c -i 'database is locked' "$APP_LOG" || true)
WRK_OK=$(grep -o '^OK2XX [0-9]*' "$WRK_OUT" | grep -o '[0-9]*$' || echo 0)
# Public HTML GETs answered 2xx by a browser-like client without cookies: each is one visit.
COUNTABLE=$((WRK_OK + SEARCH_OK))

VOTES_AFTER=$(sqlite3 "$DB" "SELECT COUNT(*) FROM PollVotes WHERE PollId = $POLL_ID;")
VISITS_AFTER=$(sqlite3 "$DB" "SELECT COALESCE(SUM(Count), 0) FROM VisitDays;")
PUBLISHED_AFTER=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Articles WHERE Status = 3;")
VOTES_DB=$((VOTES_AFTER - VOTES_BEFORE))
VISITS_DB=$((VISITS_AFTER - VISITS_BEFORE))
RSS=$(awk '{printf "%s%d", (NR>1?", ":""), $2/1024}' "$WORK/rss.txt")
RSS_FIRST=$(awk 'NR==2 {print int($2/1024)}' "$WORK/rss.txt")
RSS_LAST=$(awk '{v=int($2/1024)} END {print v}' "$WORK/rss.txt")
RSS_MAX=$(awk 'BEGIN{m=0} {v=int($2/1024); if (v>m) m=v} END {print m}' "$WORK/rss.txt")

verdict() { if [ "$1" = "$2" ]; then echo "ok"; else echo "MISMATCH"; fi; }
SECTION=$(cat <<MD
## Load test

Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, Release build, Production, SQLite, loopback; \`bench/load.sh\` (${DURATION} s, ${CONNECTIONS} connections).

| Check | Figure | Verdict |
|---|---|---|
| wrk public pages (${#URLS[@]} URLs cycled) | ${WRK_REQUESTS} requests, ${WRK_RPS} req/s, latency ${WRK_LATENCY} | |
| wrk non-2xx/3xx | ${WRK_NON2XX}; socket errors: ${WRK_ERRORS#Socket errors: } | $( [ "${WRK_NON2XX:-0}" = 0 ] && echo ok || echo check ) |
| 5xx in the curl loops | ${SERVER_5XX} (votes ${VOTES_5XX}, search ${SEARCH_5XX}, editor ${EDITOR_5XX}) | $(verdict "$SERVER_5XX" 0) |
| "database is locked" in the app log | ${LOCKED} | $(verdict "$LOCKED" 0) |
| votes sent / acknowledged (303) / new rows in PollVotes | ${VOTES_SENT} / ${VOTES_ACK} / ${VOTES_DB} | $(verdict "$VOTES_ACK" "$VOTES_DB") |
| searches sent / 200 | ${SEARCHES} / ${SEARCH_OK} | |
| editor (${SIGNIN}) articles created / published (302) / published rows added | ${CREATED} / ${PUBLISHED} / $((PUBLISHED_AFTER - PUBLISHED_BEFORE)) | $(verdict "$PUBLISHED" "$((PUBLISHED_AFTER - PUBLISHED_BEFORE))") |
| visits counted / public HTML GETs seen answered 2xx (wrk ${WRK_OK} + search ${SEARCH_OK}) | ${VISITS_DB} / ${COUNTABLE} (difference $((VISITS_DB - COUNTABLE))) | $( [ $((VISITS_DB - COUNTABLE)) -ge 0 ] && [ $((VISITS_DB - COUNTABLE)) -le "$CONNECTIONS" ] && echo "ok (≤ in-flight at wrk stop)" || echo MISMATCH ) |
| RSS every 5 s (MB) | ${RSS} | first under load ${RSS_FIRST}, last ${RSS_LAST}, max ${RSS_MAX} |

wrk drops the responses that are in flight when it stops, so the server may count up to one visit
per connection more than wrk saw; every other figure must match exactly. Votes are sent without cookies and with a same-site Origin, each a new voter.
MD
)

write_results_section "$RESULTS" "## Load test" "$SECTION"
echo "$SECTION"
