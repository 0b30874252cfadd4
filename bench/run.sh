#!/usr/bin/env bash
# Load benchmark for the public pages. Builds Release, generates a large SQLite data set, starts the
# app in Production on loopback and runs wrk against each URL twice: output cache on, then off.
# Results (with the ratio of every URL to a static file in the same run) go to bench/RESULTS.md.
#
# Usage: bench/run.sh [articles] [documents]      defaults: 100000 10000
# BENCH_DATA=<folder> keeps the generated data set there and reuses it on the next run (generation
# of 100,000 articles takes many minutes); without it the data lives in a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${1:-100000}
DOCUMENTS=${2:-10000}
PORT=${BENCH_PORT:-5090}
DURATION=${BENCH_DURATION:-15s}
# Long enough for the JIT to replace the ReadyToRun code of the URL's hot path with optimized code.
WARMUP=${BENCH_WARMUP:-3s}
BASE="http://127.0.0.1:$PORT"
OUT=bench/out
WORK=$(mktemp -d /tmp/portal-bench.XXXXXX)
DATA=${BENCH_DATA:-$WORK/data}
RESULTS=bench/RESULTS.md

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi

# shellcheck source=bench/common.sh
. bench/common.sh
publish_app

export ASPNETCORE_ENVIRONMENT=Production
export Portal__Storage__Root="$DATA"
export Portal__Admin__Password="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export Portal__RateLimits__SearchPerMinute=100000000
export Serilog__MinimumLevel__Default=Warning
# A variable name with a dot cannot be exported by bash, so env passes it to the app.
QUIET_REQUESTS="Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware=Warning"

if [ -f "$DATA/portal.db" ]; then
  echo "== reuse the data set in $DATA"
  GENERATED="reused from an earlier run"
else
  echo "== generate $ARTICLES articles and $DOCUMENTS documents in $DATA"
  gen_start=$(date +%s)
  "${APP[@]}" --generate-data "articles=$ARTICLES" "documents=$DOCUMENTS" >"$WORK/generate.log" 2>&1
  GENERATED="generated in $(( $(date +%s) - gen_start ))s"
fi

APP_PID=""
start_app() {
  local cache=$1
  env "$QUIET_REQUESTS" Portal__OutputCache__Enabled="$cache" "${APP[@]}" --urls "$BASE" >"$WORK/app-$cache.log" 2>&1 &
  APP_PID=$!
  local started; started=$(date +%s%N)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/" || true)" = "200" ]; do sleep 0.05; done
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
trap 'stop_app; rm -rf "$WORK"' EXIT

# Resolve the URLs once, against the generated data.
start_app true
# A link that is not found leaves the variable empty instead of ending the script (set -e, pipefail).
first_link() { curl -s "$BASE$1" | grep -o "href=\"$2[^\"]*\"" | head -n1 | sed 's/href="//;s/"$//' || true; }
STATIC_CSS=$(first_link / '/css/site[^"]*\.css')
# The seed article is the featured one on the home page; generated articles push it off the category's first page.
SEED_ARTICLE=$(first_link / '/tin-tuc/trien-khai-thuc-hien-cong-tac-binh-dang-gioi')
[ -n "$SEED_ARTICLE" ] || SEED_ARTICLE=$(first_link '/tim-kiem?q=9478' '/tin-tuc/')
DOCUMENT=$(first_link '/van-ban?q=9478' '/van-ban/[0-9]')
echo "== URLs: css $STATIC_CSS, article $SEED_ARTICLE, document $DOCUMENT"
for path in "$STATIC_CSS" "$SEED_ARTICLE" "$DOCUMENT"; do
  [ -n "$path" ] || { echo "URL discovery failed" >&2; exit 1; }
done
LAST_PAGE=500
URLS=(
  "static css|$STATIC_CSS"
  "home|/"
  "category p1|/chuyen-muc/tin-tuc-su-kien"
  "category p500|/chuyen-muc/tin-tuc-su-kien?trang=$LAST_PAGE"
  "seed article|$SEED_ARTICLE"
  "documents 2 filters|/van-ban?loai=2&nam=2021"
  "document page|$DOCUMENT"
  "search|/tim-kiem?q=binh+dang+gioi"
  "rss|/rss"
)

run_wrk() { # name path -> "rps p50 p99 non2xx"
  local out; out=$(wrk -t2 -c64 -d"$DURATION" --latency "$BASE$2")
  local rps p50 p99 bad
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  bad=$(echo "$out" | awk '/Non-2xx or 3xx/ {print $5}')
  echo "$rps ${p50:-?} ${p99:-?} ${bad:-0}"
}

declare -A RPS P50 P99 BAD
measure_pass() {
  local label=$1
  for entry in "${URLS[@]}"; do
    local name=${entry%%|*} path=${entry#*|}
    wrk -t2 -c64 -d"$WARMUP" "$BASE$path" >/dev/null
    read -r rps p50 p99 bad < <(run_wrk "$name" "$path")
    RPS["$label|$name"]=$rps; P50["$label|$name"]=$p50; P99["$label|$name"]=$p99; BAD["$label|$name"]=$bad
    echo "$label $name: $rps req/s p50 $p50 p99 $p99 non-2xx $bad"
  done
}

echo "== pass 1: output cache on"
measure_pass cached
RSS_CACHED=$(awk '/VmHWM/ {print $2}' /proc/"$APP_PID"/status)
stop_app

echo "== pass 2: output cache off"
start_app false
STARTUP_WARM_DB_MS=$STARTUP_MS
measure_pass uncached
# Through one connection with the cache off, so every request does the work.
single() { wrk -t1 -c1 -d10s --latency "$BASE$1" | awk '$1=="50%" {print $2}'; }
SEARCH_SINGLE=$(single "/tim-kiem?q=binh+dang+gioi")
PAGE1_SINGLE=$(single "/chuyen-muc/tin-tuc-su-kien")
PAGE500_SINGLE=$(single "/chuyen-muc/tin-tuc-su-kien?trang=$LAST_PAGE")
RSS_UNCACHED=$(awk '/VmHWM/ {print $2}' /proc/"$APP_PID"/status)
stop_app

echo "== page budget of the seed article"
BUDGET=$(PORTAL_BUDGET_URL="$SEED_ARTICLE" dotnet test tests/DongNai.EthnicPortal.BrowserTests --filter "FullyQualifiedName~PageBudget" --logger "console;verbosity=detailed" 2>&1 | grep -o 'PAGE-BUDGET.*' | head -n1 || true)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }
{
  echo "# Benchmark results"
  echo
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores · $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) · $(dotnet --version) SDK · SQLite · $ARTICLES articles, $DOCUMENTS documents ($GENERATED)"
  echo
  echo "wrk: 2 threads, 64 connections, $DURATION per URL, after a $WARMUP warm-up run of the same URL. Ratio = requests per second of the URL divided by the static CSS file's in the same pass."
  echo
  for label in cached uncached; do
    echo "## Output cache $([ "$label" = cached ] && echo on || echo off)"
    echo
    echo "| URL | req/s | p50 | p99 | non-2xx | ratio to static |"
    echo "|---|---:|---:|---:|---:|---:|"
    base=${RPS["$label|static css"]}
    for entry in "${URLS[@]}"; do
      name=${entry%%|*}
      echo "| $name | ${RPS["$label|$name"]} | ${P50["$label|$name"]} | ${P99["$label|$name"]} | ${BAD["$label|$name"]} | $(ratio "${RPS["$label|$name"]}" "$base") |"
    done
    echo
  done
  echo "## Other measurements"
  echo
  echo "| measurement | value |"
  echo "|---|---|"
  echo "| search, one connection, median | $SEARCH_SINGLE |"
  echo "| category page 1, one connection, median | $PAGE1_SINGLE |"
  echo "| category page $LAST_PAGE, one connection, median | $PAGE500_SINGLE |"
  echo "| start to first 200 on a migrated database | ${STARTUP_WARM_DB_MS} ms |"
  echo "| peak RSS, cached pass | $((RSS_CACHED / 1024)) MB |"
  echo "| peak RSS, uncached pass | $((RSS_UNCACHED / 1024)) MB |"
  echo "| seed article page budget | ${BUDGET:-not measured (Chromium missing)} |"
} > "$RESULTS.new"
if [ -f "$RESULTS" ] && grep -q '^## Notes' "$RESULTS"; then
  sed -n '/^## Notes/,$p' "$RESULTS" >> "$RESULTS.new"
fi
mv "$RESULTS.new" "$RESULTS"
echo "== wrote $RESULTS"
