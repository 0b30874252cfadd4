# Sourced by .ci/run and bench/run.sh: a throw-away PostgreSQL cluster of Debian's postgresql package,
# listening on one loopback port, with its data and socket in a temporary folder.
#
#   pg_cluster_install              installs postgresql from Debian when no server binaries are there
#   pg_cluster_start DIR PORT       initdb + start with test settings; as root the server runs as postgres
#   pg_cluster_init DIR / pg_cluster_run DIR PORT [OPTIONS]   the two steps, for a durable cluster
#   pg_cluster_stop DIR             stops it (fast shutdown); safe to call twice or on a failed start
#   pg_cluster_connection PORT      the Npgsql connection string of the cluster's superuser
#   pg_free_port                    a free loopback TCP port

pg_cluster_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_cluster_install() {
  if [ -n "$(pg_cluster_bin)" ]; then
    return
  fi
  echo "Installing PostgreSQL from Debian"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

# Runs a server binary as the owner of the cluster: initdb and postgres refuse to run as root.
pg_cluster_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# A test cluster: durability is not needed (fsync off), and each test class holds a few connections.
PG_CLUSTER_TEST_OPTIONS="-c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"

pg_cluster_start() {
  local dir=$1 port=$2
  pg_cluster_init "$dir"
  pg_cluster_run "$dir" "$port" "$PG_CLUSTER_TEST_OPTIONS"
}

# initdb once; the folder (and the folders above it) must be reachable by the postgres user.
pg_cluster_init() {
  local dir=$1
  [ ! -f "$dir/data/PG_VERSION" ] || return 0
  mkdir -p "$dir"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir"
  pg_cluster_as_owner "$(pg_cluster_bin)/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
}

# Starts the server on 127.0.0.1:PORT only, its socket in DIR, with extra server options.
pg_cluster_run() {
  local dir=$1 port=$2 options=${3:-}
  pg_cluster_as_owner "$(pg_cluster_bin)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $options" >/dev/null
}

pg_cluster_stop() {
  local dir=$1 bin
  bin=$(pg_cluster_bin)
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    pg_cluster_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

pg_cluster_connection() {
  echo "Host=127.0.0.1;Port=$1;Username=postgres"
}

pg_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
