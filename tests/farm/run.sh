#!/usr/bin/env bash
# The web-farm test: PostgreSQL, redis-server and nginx from Debian, and two published portal
# instances with separate storage folders (only the uploads folder shared), nginx balancing between
# them with deploy/nginx/portal.conf. Everything listens on 127.0.0.1 and is stopped on exit.
# Prints each check and its figure; writes "passed failed" to $FARM_COUNTS (default
# artifacts/farm-counts); exits non-zero on any failed check.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$(pwd)

# Listening ports below the kernel's ephemeral range (32768-60999 on Debian): a port in that range
# can already be taken by an outgoing connection of the test runs before this one.
PG_PORT=25432
REDIS_PORT=26379
NGINX_HTTP_PORT=28080
NGINX_PORT=28443
A_PORT=5801
B_PORT=5802
export FARM_COUNTS=${FARM_COUNTS:-$REPO/artifacts/farm-counts}
mkdir -p "$(dirname "$FARM_COUNTS")"
echo "0 1" >"$FARM_COUNTS"  # a run that dies before the checks counts as one failure

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the farm test"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
# shellcheck source=tests/postgres-cluster.sh
. tests/postgres-cluster.sh
pg_cluster_install
PG_BIN=$(pg_cluster_bin)

WORK=$(mktemp -d /tmp/portal-farm.XXXXXX)
chmod 755 "$WORK"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do pkill -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && "$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null || true
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null || true
  pg_cluster_stop "$WORK/pg" || true
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "${FARM_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${FARM_APP:-}" ]; then
  echo "== using the published portal in $FARM_APP"
  cp -r "$FARM_APP" "$WORK/app"
else
  echo "== publishing the portal"
  if ! dotnet publish src/DongNai.EthnicPortal.Web -c Release -o "$WORK/app" --nologo -v quiet >"$WORK/publish.log" 2>&1; then
    echo "farm: dotnet publish failed:"
    tail -n 40 "$WORK/publish.log"
    exit 1
  fi
fi

echo "== PostgreSQL on 127.0.0.1:$PG_PORT"
pg_cluster_start "$WORK/pg" "$PG_PORT"
"$PG_BIN/createdb" -h 127.0.0.1 -p $PG_PORT -U postgres portal
export FARM_PSQL="$PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U postgres -d portal -v ON_ERROR_STOP=1"

echo "== redis-server on 127.0.0.1:$REDIS_PORT"
REDIS_START="redis-server --port $REDIS_PORT --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile $WORK/redis.pid --logfile $WORK/redis.log"
eval "$REDIS_START"
for _ in $(seq 50); do redis-cli -p $REDIS_PORT ping >/dev/null 2>&1 && break; sleep 0.1; done

echo "== nginx on 127.0.0.1:$NGINX_PORT (TLS) with deploy/nginx/portal.conf"
mkdir -p "$WORK/nginx/tls" "$WORK/nginx/temp"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -keyout "$WORK/nginx/tls/portal.key" -out "$WORK/nginx/tls/portal.crt" 2>/dev/null
# The shipped file, pointed at this test's instances, ports and certificate.
sed -e "s#server portal:8080 #server 127.0.0.1:$A_PORT #; s#server portal-2:8080 #server 127.0.0.1:$B_PORT #" \
    -e "s#listen 80;#listen 127.0.0.1:$NGINX_HTTP_PORT;#; s#listen 443 ssl http2;#listen 127.0.0.1:$NGINX_PORT ssl http2;#" \
    -e "s#/etc/nginx/tls/#$WORK/nginx/tls/#g" deploy/nginx/portal.conf >"$WORK/nginx/portal.conf"
cat >"$WORK/nginx/nginx.conf" <<EOF
user root;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/temp/body;
  proxy_temp_path $WORK/nginx/temp/proxy;
  fastcgi_temp_path $WORK/nginx/temp/fastcgi;
  uwsgi_temp_path $WORK/nginx/temp/uwsgi;
  scgi_temp_path $WORK/nginx/temp/scgi;
  include $WORK/nginx/portal.conf;
}
EOF
"$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"

ADMIN_EMAIL=admin@farm.test
ADMIN_PASSWORD=mat-khau-cum-may-chu-thu-nghiem
portal_env() {
  env Database__Provider=PostgreSql \
    "ConnectionStrings__Portal=Host=127.0.0.1;Port=$PG_PORT;Database=portal;Username=postgres;Maximum Pool Size=50" \
    Portal__Redis__Configuration=127.0.0.1:$REDIS_PORT \
    Portal__Storage__Uploads="$WORK/uploads" \
    Portal__Admin__Email=$ADMIN_EMAIL Portal__Admin__Password=$ADMIN_PASSWORD \
    ForwardedHeaders__KnownProxies__0=127.0.0.1 \
    ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1 "$@"
}

echo "== --migrate (migrations, seed, first administrator, search index)"
(cd "$WORK/app" && portal_env Portal__Storage__Root="$WORK/migrate" Portal__InstanceName=migrate \
  dotnet DongNai.EthnicPortal.Web.dll --migrate >"$WORK/migrate.log" 2>&1) || { cat "$WORK/migrate.log"; exit 1; }

start_instance() { # name port
  (cd "$WORK/app" && portal_env Database__MigrateOnStartup=false Portal__Storage__Root="$WORK/$1" Portal__InstanceName="portal-$1" \
    ASPNETCORE_URLS="http://127.0.0.1:$2" dotnet DongNai.EthnicPortal.Web.dll >"$WORK/$1.log" 2>&1) &
  pids+=($!)
  echo $! >"$WORK/$1.pid"
}
start_instance a $A_PORT
start_instance b $B_PORT
for port in $A_PORT $B_PORT; do
  for _ in $(seq 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = 200 ] && break
    sleep 0.5
  done
done

echo "== checks"
status=0
FARM_NGINX=https://127.0.0.1:$NGINX_PORT FARM_A=http://127.0.0.1:$A_PORT FARM_B=http://127.0.0.1:$B_PORT \
  FARM_ADMIN_EMAIL=$ADMIN_EMAIL FARM_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  FARM_REDIS_STOP="redis-cli -p $REDIS_PORT shutdown nosave" FARM_REDIS_START="$REDIS_START" \
  FARM_KILL_B="pkill -9 -P \$(cat $WORK/b.pid) || kill -9 \$(cat $WORK/b.pid)" \
  FARM_LOG_A="$WORK/a.log" \
  python3 tests/farm/farm.py | tee "$WORK/checks.txt" || status=$?
if [ -n "${FARM_WRITE_RESULTS:-}" ]; then
  # shellcheck source=bench/common.sh
  . bench/common.sh
  write_results_section bench/RESULTS.md "## Web farm" "## Web farm

$(date -u +%Y-%m-%d), \`FARM_WRITE_RESULTS=1 tests/farm/run.sh\` (also run by \`.ci/run\`): PostgreSQL, redis-server and nginx from Debian and two published instances with separate storage folders (uploads shared), all on loopback, on 2 cores shared with other work. Exit status $status.

\`\`\`
$(cat "$WORK/checks.txt")
\`\`\`"
fi
if [ "$status" -ne 0 ]; then
  echo "== last lines of the instance logs"
  tail -n 20 "$WORK/a.log" "$WORK/b.log" "$WORK/nginx/error.log" || true
fi
exit "$status"
