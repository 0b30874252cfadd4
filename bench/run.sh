#!/usr/bin/env bash
# Load benchmark for the public pages. Builds Release, generates a large data set, starts the app in
# Production on loopback and runs wrk against each URL twice: output cache on, then off. With several
# providers the same URLs are measured on each in turn, and the results are written side by side.
# Results (with the ratio of every URL to a static file in the same pass) go to bench/RESULTS.md.
#
# Usage: bench/run.sh [articles] [documents]      defaults: 100000 10000
# BENCH_DB=sqlite (default), postgres, or "sqlite postgres" for both in one run. PostgreSQL runs on a
# cluster of its own (Debian's postgresql, installed if missing) on a loopback port, stopped afterwards.
# BENCH_DATA=<folder> keeps the generated data sets there (portal.db, and postgres/ for the cluster)
# and reuses them on the next run (generating 100,000 articles takes many minutes); without it the
# data lives in a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${1:-100000}
DOCUMENTS=${2:-10000}
read -r -a PROVIDERS <<<"${BENCH_DB:-sqlite}"
PORT=${BENCH_PORT:-5090}
DURATION=${BENCH_DURATION:-15s}
# Long enough for the JIT to replace the ReadyToRun code of the URL's hot path with optimized code.
WARMUP=${BENCH_WARMUP:-3s}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/portal-bench.XXXXXX)
DATA=${BENCH_DATA:-$WORK/data}
RESULTS=bench/RESULTS.md
declare -A PROVIDER_LABEL=([sqlite]=SQLite [postgres]=PostgreSQL)
for provider in "${PROVIDERS[@]}"; do
  [ -n "${PROVIDER_LABEL[$provider]:-}" ] || { echo "BENCH_DB: unknown provider $provider (sqlite, postgres)" >&2; exit 2; }
done

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi

# shellcheck source=bench/common.sh
. bench/common.sh
# shellcheck source=tests/postgres-cluster.sh
. tests/postgres-cluster.sh
publish_app

export ASPNETCORE_ENVIRONMENT=Production
export Portal__Storage__Root="$DATA"
# The administrator is created once, with the data set; a reused data set keeps its password.
mkdir -p "$DATA"
[ -f "$DATA/admin-password" ] || echo "bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$DATA/admin-password"
export Portal__Admin__Password="$(cat "$DATA/admin-password")"
export Portal__RateLimits__SearchPerMinute=100000000
export Serilog__MinimumLevel__Default=Warning
# A variable name with a dot cannot be exported by bash, so env passes it to the app.
QUIET_REQUESTS="Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware=Warning"

PG_DIR="$DATA/postgres"
PG_PORT=""
APP_PID=""
stop_app() { [ -z "$APP_PID" ] || { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }; APP_PID=""; }
cleanup() { stop_app; pg_cluster_stop "$PG_DIR"; rm -rf "$WORK"; }
trap cleanup EXIT

# Points the app at the provider's database; PostgreSQL gets its cluster started (and created once).
use_provider() {
  case $1 in
    sqlite)
      export Database__Provider=Sqlite
      unset ConnectionStrings__Portal
      HAS_DATA=$([ -f "$DATA/portal.db" ] && echo yes || echo no)
      ;;
    postgres)
      pg_cluster_install
      HAS_DATA=$([ -f "$PG_DIR/generated" ] && echo yes || echo no)
      mkdir -p "$DATA"
      # The server runs as the postgres user, which must reach its folder.
      [ "$(id -u)" -ne 0 ] || chmod o+x "$WORK" "$DATA"
      pg_cluster_init "$PG_DIR"
      PG_PORT=$(pg_free_port)
      # Durable, as a production server would be; the database is created by the app's first migration.
      pg_cluster_run "$PG_DIR" "$PG_PORT" "-c max_connections=300 -c shared_buffers=512MB"
      export Database__Provider=PostgreSql
      export ConnectionStrings__Portal="$(pg_cluster_connection "$PG_PORT");Database=portal"
      ;;
  esac
}

start_app() {
  local cache=$1 label=$2
  env "$QUIET_REQUESTS" Portal__OutputCache__Enabled="$cache" "${APP[@]}" --urls "$BASE" >"$WORK/app-$label-$cache.log" 2>&1 &
  APP_PID=$!
  local started; started=$(date +%s%N)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/" || true)" = "200" ]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app stopped; see $WORK/app-$label-$cache.log" >&2; tail -n 20 "$WORK/app-$label-$cache.log" >&2; exit 1; }
    sleep 0.05
  done
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

# A link that is not found leaves the variable empty instead of ending the script (set -e, pipefail).
first_link() { curl -s "$BASE$1" | grep -o "href=\"$2[^\"]*\"" | head -n1 | sed 's/href="//;s/"$//' || true; }

run_wrk() { # path -> "rps p50 p99 non2xx"
  local out; out=$(wrk -t2 -c64 -d"$DURATION" --latency "$BASE$1")
  local rps p50 p99 bad
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  bad=$(echo "$out" | awk '/Non-2xx or 3xx/ {print $5}')
  echo "$rps ${p50:-?} ${p99:-?} ${bad:-0}"
}

LAST_PAGE=500
URL_NAMES=("static css" "home" "category p1" "category p500" "seed article" "documents 2 filters" "document page" "search" "rss")
declare -A RPS P50 P99 BAD OTHER GENERATED
measure_pass() { # provider label
  local provider=$1 label=$2 name
  for name in "${URL_NAMES[@]}"; do
    local path=${PATHS["$provider|$name"]}
    wrk -t2 -c64 -d"$WARMUP" "$BASE$path" >/dev/null
    read -r rps p50 p99 bad < <(run_wrk "$path")
    local key="$provider|$label|$name"
    RPS["$key"]=$rps; P50["$key"]=$p50; P99["$key"]=$p99; BAD["$key"]=$bad
    echo "$provider $label $name: $rps req/s p50 $p50 p99 $p99 non-2xx $bad"
  done
}

declare -A PATHS
# Through one connection with the cache off, so every request does the work.
single() { wrk -t1 -c1 -d10s --latency "$BASE$1" | awk '$1=="50%" {print $2}'; }

# Signs the administrator in with curl and prints the Cookie header of the session.
admin_cookie() {
  local jar="$WORK/admin.cookies" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/quan-tri/dang-nhap" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=admin@localhost" --data-urlencode "Password=$Portal__Admin__Password" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/quan-tri/dang-nhap"
  # curl marks HttpOnly cookies with a #HttpOnly_ prefix, which would read as a comment.
  sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF>=7 {printf "%s%s=%s", sep, $6, $7; sep="; "}'
}
ADMIN_NAMES=("admin dashboard" "admin articles p1" "admin articles p500" "admin articles status filter" "admin articles search" "admin documents")
declare -A ADMIN_PATHS=(
  ["admin dashboard"]=/quan-tri
  ["admin articles p1"]=/quan-tri/bai-viet
  ["admin articles p500"]="/quan-tri/bai-viet?page=$LAST_PAGE"
  ["admin articles status filter"]="/quan-tri/bai-viet?status=Submitted"
  ["admin articles search"]="/quan-tri/bai-viet?q=binh+dang+gioi"
  ["admin documents"]=/quan-tri/van-ban
)
# Each admin page through one signed-in connection.
single_admin() {
  # wrk counts a redirect as a success; a lost session redirects to the sign-in page.
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $ADMIN_COOKIE" "$BASE$1")" = 200 ] || { echo "not signed in"; return; }
  wrk -t1 -c1 -d10s --latency -H "Cookie: $ADMIN_COOKIE" "$BASE$1" | awk '$1=="50%" {p50=$2} /Non-2xx/ {bad=$5} END {print p50 (bad ? " (" bad " non-2xx)" : "")}'
}

bench_provider() {
  local provider=$1
  use_provider "$provider"
  if [ "$HAS_DATA" = yes ]; then
    echo "== $provider: reuse the data set in $DATA"
    GENERATED[$provider]="reused from an earlier run"
  else
    echo "== $provider: generate $ARTICLES articles and $DOCUMENTS documents"
    local gen_start; gen_start=$(date +%s)
    "${APP[@]}" --generate-data "articles=$ARTICLES" "documents=$DOCUMENTS" >"$WORK/generate-$provider.log" 2>&1
    GENERATED[$provider]="generated in $(( $(date +%s) - gen_start ))s"
    [ "$provider" != postgres ] || echo "${GENERATED[$provider]}" >"$PG_DIR/generated"
  fi

  # Resolve the URLs once, against the generated data.
  start_app true "$provider"
  local css article document
  css=$(first_link / '/css/site[^"]*\.css')
  # The seed article is the featured one on the home page; generated articles push it off the category's first page.
  article=$(first_link / '/tin-tuc/trien-khai-thuc-hien-cong-tac-binh-dang-gioi')
  [ -n "$article" ] || article=$(first_link '/tim-kiem?q=9478' '/tin-tuc/')
  document=$(first_link '/van-ban?q=9478' '/van-ban/[0-9]')
  echo "== $provider URLs: css $css, article $article, document $document"
  for path in "$css" "$article" "$document"; do
    [ -n "$path" ] || { echo "URL discovery failed" >&2; exit 1; }
  done
  PATHS["$provider|static css"]=$css
  PATHS["$provider|home"]=/
  PATHS["$provider|category p1"]=/chuyen-muc/tin-tuc-su-kien
  PATHS["$provider|category p500"]="/chuyen-muc/tin-tuc-su-kien?trang=$LAST_PAGE"
  PATHS["$provider|seed article"]=$article
  PATHS["$provider|documents 2 filters"]="/van-ban?loai=2&nam=2021"
  PATHS["$provider|document page"]=$document
  PATHS["$provider|search"]="/tim-kiem?q=binh+dang+gioi"
  PATHS["$provider|rss"]=/rss

  echo "== $provider pass 1: output cache on"
  measure_pass "$provider" cached
  OTHER["$provider|memory cached"]=$(awk '/VmHWM/ {print $2}' /proc/"$APP_PID"/status)
  stop_app

  echo "== $provider pass 2: output cache off"
  start_app false "$provider"
  OTHER["$provider|startup"]="$STARTUP_MS ms"
  measure_pass "$provider" uncached
  OTHER["$provider|search single"]=$(single "/tim-kiem?q=binh+dang+gioi")
  OTHER["$provider|search phrase single"]=$(single "/tim-kiem?q=%22binh+dang+gioi%22")
  OTHER["$provider|search number single"]=$(single "/tim-kiem?q=9478")
  OTHER["$provider|page1 single"]=$(single "/chuyen-muc/tin-tuc-su-kien")
  OTHER["$provider|page500 single"]=$(single "/chuyen-muc/tin-tuc-su-kien?trang=$LAST_PAGE")
  ADMIN_COOKIE=$(admin_cookie)
  local name
  for name in "${ADMIN_NAMES[@]}"; do
    OTHER["$provider|$name single"]=$(single_admin "${ADMIN_PATHS[$name]}")
  done
  OTHER["$provider|memory uncached"]=$(awk '/VmHWM/ {print $2}' /proc/"$APP_PID"/status)
  stop_app
  [ "$provider" != postgres ] || pg_cluster_stop "$PG_DIR"
}

for provider in "${PROVIDERS[@]}"; do
  bench_provider "$provider"
done

echo "== page budget of the seed article"
# The browser suite hosts its own seeded portal: the settings exported above for the benchmarked app
# (Production, the bench database, its storage) would point that host at a stopped database.
BUDGET=$(env -u ASPNETCORE_ENVIRONMENT -u Portal__Storage__Root -u Portal__Admin__Password -u Portal__RateLimits__SearchPerMinute \
  -u Serilog__MinimumLevel__Default -u Database__Provider -u ConnectionStrings__Portal \
  dotnet test tests/DongNai.EthnicPortal.BrowserTests --filter "FullyQualifiedName~PageBudgetJourney" --logger "console;verbosity=detailed" 2>&1 \
  | grep -o 'PAGE-BUDGET.*' | head -n1 || true)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }
labels() { local p out=""; for p in "${PROVIDERS[@]}"; do out+="${out:+, }${PROVIDER_LABEL[$p]} (${GENERATED[$p]})"; done; echo "$out"; }
row() { # first-column text, then one value per provider from a function of the provider
  local text=$1 fn=$2 p line
  line="| $text"
  for p in "${PROVIDERS[@]}"; do line+=" | $($fn "$p")"; done
  echo "$line |"
}
{
  echo "# Benchmark results"
  echo
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores · $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) · $(dotnet --version) SDK · $ARTICLES articles, $DOCUMENTS documents · $(labels)"
  echo
  echo "wrk: 2 threads, 64 connections, $DURATION per URL, after a $WARMUP warm-up run of the same URL. Ratio = requests per second of the URL divided by the static CSS file's in the same pass. The providers were measured one after the other on the same machine, each with the app alone on it."
  echo
  for label in cached uncached; do
    echo "## Output cache $([ "$label" = cached ] && echo on || echo off)"
    echo
    header="| URL"; rule="|---"
    for p in "${PROVIDERS[@]}"; do
      header+=" | ${PROVIDER_LABEL[$p]} req/s | p50 | p99 | non-2xx | ratio"
      rule+="|---:|---:|---:|---:|---:"
    done
    echo "$header |"; echo "$rule|"
    for name in "${URL_NAMES[@]}"; do
      line="| $name"
      for p in "${PROVIDERS[@]}"; do
        key="$p|$label|$name"
        line+=" | ${RPS[$key]} | ${P50[$key]} | ${P99[$key]} | ${BAD[$key]} | $(ratio "${RPS[$key]}" "${RPS["$p|$label|static css"]}")"
      done
      echo "$line |"
    done
    echo
  done
  echo "## Other measurements"
  echo
  header="| measurement"; rule="|---"
  for p in "${PROVIDERS[@]}"; do header+=" | ${PROVIDER_LABEL[$p]}"; rule+="|---"; done
  echo "$header |"; echo "$rule|"
  other() { echo "${OTHER["$1|$KEY"]}"; }
  mb() { echo "$(( ${OTHER["$1|$KEY"]} / 1024 )) MB"; }
  KEY="search single"; row "search \"binh dang gioi\", one connection, median" other
  KEY="search phrase single"; row "search for the quoted phrase, one connection, median" other
  KEY="search number single"; row "search for a document number (9478), one connection, median" other
  KEY="page1 single"; row "category page 1, one connection, median" other
  KEY="page500 single"; row "category page $LAST_PAGE, one connection, median" other
  for name in "${ADMIN_NAMES[@]}"; do
    KEY="$name single"; row "$name (${ADMIN_PATHS[$name]}), signed in, one connection, median; target ≤ 2× category page 1" other
  done
  KEY="startup"; row "start to first 200 on a migrated database" other
  KEY="memory cached"; row "peak RSS, cached pass" mb
  KEY="memory uncached"; row "peak RSS, uncached pass" mb
  echo "| seed article page budget (browser suite, its own seeded SQLite host; target ≤ 4 requests, 30 KB) | ${BUDGET:-not measured: the browser test failed or Chromium is missing} |"
} > "$RESULTS.new"
if [ -f "$RESULTS" ] && grep -q '^## Notes' "$RESULTS"; then
  { echo; sed -n '/^## Notes/,$p' "$RESULTS"; } >> "$RESULTS.new"
fi
mv "$RESULTS.new" "$RESULTS"
echo "== wrote $RESULTS"
