#!/usr/bin/env bash
# The farm's output-cache choice, measured: each instance's in-memory output cache (with the Redis
# invalidation signal) against the Redis output-cache store (Portal__OutputCache__Store=Redis), on the
# seeded SQLite database. For each store: cached requests per second with wrk, then the same run with
# Redis stopped half-way (errors, requests per second while it is down). Loopback only; the servers
# it starts are stopped on exit. Writes the "Web farm: output-cache store" section of bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-5093}
REDIS_PORT=${BENCH_REDIS_PORT:-56380}
DURATION=${BENCH_DURATION:-10}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/portal-cache-bench.XXXXXX)
RESULTS=bench/RESULTS.md
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk redis-server >/dev/null; }

# shellcheck source=bench/common.sh
. bench/common.sh
publish_app_once

app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

start_redis() {
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --logfile "$WORK/redis.log"
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
}

# wrk's summary: requests/s and the count of non-2xx/3xx plus socket errors.
measure() { # seconds url
  local out rps errors
  out=$(wrk -t2 -c16 -d"$1"s --timeout 5s --latency "$2" 2>&1)
  rps=$(echo "$out" | awk '/Requests\/sec/ {print int($2)}')
  errors=$(echo "$out" | awk '/Non-2xx/ {n+=$NF} /Socket errors/ {gsub(",", ""); n+=$4+$6+$8+$10} END {print n+0}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  echo "$rps $errors $p99"
}

rows=""
for store in Memory Redis; do
  start_redis
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" Portal__Storage__Root="$WORK/data-$store" \
    Portal__Admin__Password="bench-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
    Portal__Redis__Configuration="127.0.0.1:$REDIS_PORT" Portal__OutputCache__Store="$store" \
    Serilog__MinimumLevel__Default=Warning "${APP[@]}" >"$WORK/app-$store.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 120); do curl -sf -m 5 "$BASE/health/ready" >/dev/null && break; sleep 0.5; done
  for url in / /van-ban; do
    curl -s -m 10 -o /dev/null "$BASE$url"
    wrk -t2 -c16 -d3s "$BASE$url" >/dev/null 2>&1  # warm-up: JIT and the cache entry
    read -r rps errors p99 < <(measure "$DURATION" "$BASE$url")
    # The same run with Redis stopped after a third of it.
    (sleep $((DURATION / 3)); redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1) &
    stopper=$!
    read -r down_rps down_errors down_p99 < <(measure "$DURATION" "$BASE$url")
    wait "$stopper"
    ready=$(curl -s -m 5 "$BASE/health/ready" | head -n 1)
    kill -0 "$app_pid" 2>/dev/null || ready="process exited"
    rows+="| $store | \`$url\` | $rps | $p99 | $down_rps | $down_p99 | $down_errors | $ready |"$'\n'
    start_redis
    sleep 2
  done
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
done

section="## Web farm: output-cache store

$(date -u +%Y-%m-%d), \`bench/outputcache-store.sh\`: one instance, seeded SQLite database, wrk 2 threads × 16 connections, ${DURATION} s per run on loopback; in the second run of each row Redis is stopped after a third of it.

| store | URL | cached req/s | p99 | req/s, Redis stopped | p99, Redis stopped | errors, Redis stopped | /health/ready after |
|---|---|---|---|---|---|---|---|
$rows"
write_results_section "$RESULTS" "## Web farm: output-cache store" "$section"
echo "$section"
