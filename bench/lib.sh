# Shared by bench/run.sh and bench/compare.sh: tools, ports, clean-up, PostgreSQL, Atelier, nginx,
# wrk runs with their CPU and memory figures, JFR and statement profiles. Sourced, never run; the
# sourcing script sets BENCH_DIR, WORK, the ports and PROFILE before calling these.

PG_BIN=/usr/lib/postgresql/15/bin
API_PORT="${BENCH_API_PORT:-28070}"
MGMT_PORT="${BENCH_MGMT_PORT:-28091}"
IDP_PORT="${BENCH_IDP_PORT:-28080}"
NGINX_PORT="${BENCH_NGINX_PORT:-28081}"
PG_PORT="${BENCH_PG_PORT:-25432}"
SEED_CONC="${BENCH_SEED_CONC:-8}"
PROFILE="${PROFILE:-0}"
TICKS_PER_S=$(getconf CLK_TCK)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ------------------------------------------------------------------ tools
# install_tools NEED_PG: installs wrk, nginx, curl and (when NEED_PG is 1) PostgreSQL 15 with apt
install_tools() {
  local need_pg=$1 missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  [ "$need_pg" = 1 ] && { [ -x "$PG_BIN/postgres" ] || missing+=(postgresql-15); }
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "installing packages needs root (or use --no-install)"
    log "installing ${missing[*]} (apt)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# check_tools NEED_PG: every program the run uses is there
check_tools() {
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  local t
  for t in wrk curl python3 java jcmd "$NGINX"; do command -v "$t" >/dev/null || die "$t is missing"; done
  if [ "$1" = 1 ]; then
    [ -x "$PG_BIN/postgres" ] || die "PostgreSQL 15 is missing ($PG_BIN)"
    [ "$(id -u)" != 0 ] || id postgres >/dev/null 2>&1 || die "user postgres is missing"
  fi
}

# ------------------------------------------------------------------ before a run
# get_ready SCRIPT NEED_PG: installs what is missing (unless INSTALL=0), checks the tools, refuses
# taken ports and sets the traps that stop everything this run starts.
get_ready() {
  if [ "$INSTALL" = 1 ]; then install_tools "$2"; fi
  check_tools "$2"
  refuse_taken_ports "$1" "$2"
  install_traps
}

# build_jar DIR: the jar of the sources in DIR, at DIR/target/atelier.jar.
build_jar() {
  in_bg bash -c "cd '$1' && exec mvn -q -B package -DskipTests" || die "the build in $1 failed"
}

# ------------------------------------------------------------------ ports
port_taken() { [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; }

# refuse_taken_ports SCRIPT NEED_PG: exit 3, naming the ports and their owners, when one is taken
refuse_taken_ports() {
  local script=$1 need_pg=$2 taken=() p
  for p in "$API_PORT" "$MGMT_PORT" "$IDP_PORT" "$NGINX_PORT"; do port_taken "$p" && taken+=("$p"); done
  if [ "$need_pg" = 1 ] && port_taken "$PG_PORT"; then taken+=("$PG_PORT"); fi
  [ ${#taken[@]} -eq 0 ] && return 0
  echo "$script: refusing to run: port(s) ${taken[*]} already in use on this machine." >&2
  echo "        Stop what listens there, or choose other ports with BENCH_API_PORT, BENCH_MGMT_PORT," >&2
  echo "        BENCH_IDP_PORT, BENCH_NGINX_PORT, BENCH_PG_PORT." >&2
  ss -Hltnp 2>/dev/null | grep -E ":($(IFS='|'; echo "${taken[*]}"))\b" >&2 || true
  exit 3
}

# ------------------------------------------------------------------ clean-up
ATELIER_PID=""
NGINX_PID=""
WRK_PID=""
CHILD_PID=""
PG_DIR=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -n "$WRK_PID" ] && kill "$WRK_PID" 2>/dev/null || true
  [ -n "${CHILD_PID:-}" ] && kill "$CHILD_PID" 2>/dev/null || true
  stop_atelier || true
  stop_nginx || true
  stop_pg || true
  exit "$rc"
}
install_traps() {
  trap cleanup EXIT
  trap 'log "interrupted"; exit 130' INT TERM
}

stop_atelier() {
  if [ -n "$ATELIER_PID" ] && kill -0 "$ATELIER_PID" 2>/dev/null; then
    kill "$ATELIER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$ATELIER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$ATELIER_PID" 2>/dev/null || true
    wait "$ATELIER_PID" 2>/dev/null || true
  fi
  ATELIER_PID=""
}
stop_nginx() {
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -QUIT "$NGINX_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  NGINX_PID=""
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() {
  if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || {
      local pid; pid=$(head -1 "$PG_DIR/data/postmaster.pid" 2>/dev/null || true)
      [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
    }
  fi
  PG_DIR=""
}

# ------------------------------------------------------------------ work directory
# prepare_work JAR: wipes WORK, copies the jar under test and generates the payloads
prepare_work() {
  rm -rf "$WORK"
  mkdir -p "$WORK"
  chmod 755 "$WORK"
  # The server runs from a copy with a neutral name: a "pkill -f atelier.jar" elsewhere on this
  # shared machine must not take the benchmark's server down (it happened).
  cp "$1" "$WORK/sut.jar"
  RESULTS="$WORK/wrk.jsonl"     # one line per wrk run (written by lua/common.lua)
  META="$WORK/meta.jsonl"       # start-up, memory, CPU and peak RSS per run, unavailable operations
  : >"$RESULTS"; : >"$META"
  export BENCH_LUA="$BENCH_DIR/lua"
  python3 "$BENCH_DIR/seed.py" prepare --work "$WORK" --fixtures "$FIXTURES"
  DAY=$(date -u +%Y-%m-%dT00:00:00Z)
  TOKEN_URL="http://127.0.0.1:$IDP_PORT/auth/realms/camunda-platform/protocol/openid-connect/token"
  API="http://127.0.0.1:$API_PORT"
}
meta() { echo "$1" >>"$META"; }

# ------------------------------------------------------------------ process figures
rss_kb() { local s=0 p v; for p in "$@"; do v=$(awk '/^VmRSS/{print $2}' "/proc/$p/status" 2>/dev/null || true); s=$((s + ${v:-0})); done; echo "$s"; }
nginx_pids() { echo "$NGINX_PID" $(pgrep -P "$NGINX_PID" 2>/dev/null || true); }
# CPU used so far, in clock ticks: the JVM's own (all its threads)
atelier_ticks() { awk '{print $14 + $15}' "/proc/$ATELIER_PID/stat" 2>/dev/null || echo 0; }
# PostgreSQL's: the postmaster with the children it has reaped (parallel and autovacuum workers)
# plus the live backends; 0 without PostgreSQL (H2 runs inside the JVM)
pg_ticks() {
  [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ] || { echo 0; return; }
  local pm s p v
  pm=$(head -1 "$PG_DIR/data/postmaster.pid")
  s=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat" 2>/dev/null || echo 0)
  for p in $(pgrep -P "$pm" 2>/dev/null); do
    v=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)
    s=$((s + v))
  done
  echo "$s"
}

# ------------------------------------------------------------------ tokens
# One token per Atelier start, reused until shortly before it expires: fetching one costs a bcrypt
# check of the client secret on the server, which must not land inside measured or profiled runs.
TOK=""; TOK_AT=0; TOK_LIFE=300
api_token() {
  local now; now=$(date +%s)
  if [ -z "$TOK" ] || [ $((now - TOK_AT)) -gt $((TOK_LIFE - 60)) ]; then
    TOK=$(token); TOK_AT=$now
    [ -n "$TOK" ] || die "no token from $TOKEN_URL"
  fi
}
token() {
  curl -s --max-time 5 -d client_id=bench -d client_secret=bench-secret -d grant_type=client_credentials \
    "$TOKEN_URL" 2>/dev/null | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
}

# ------------------------------------------------------------------ servers
# start_pg: a fresh PostgreSQL 15 (BUILD-NOTES §5); with PROFILE=1 it also counts statements
start_pg() {
  PG_DIR="$WORK/pg"
  mkdir -p "$PG_DIR/data"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_DIR"
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >/dev/null
  local statements=""
  [ "$PROFILE" = 1 ] && statements="-c shared_preload_libraries=pg_stat_statements"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/pg.log" -w \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c shared_buffers=512MB $statements" \
    start >/dev/null
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "create database atelier" >/dev/null
  [ "$PROFILE" = 1 ] && pg_sql "create extension pg_stat_statements" >/dev/null
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT"
}
pg_sql() { psql -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d atelier -c "$1"; }

# After a bulk load, as pgbench does after its own: without it, whether autovacuum has reached the
# freshly written tables decides if counting 100,000 files reads the heap (11 ms of PostgreSQL CPU
# per search on 2026-12-04) or just the index, and two runs of the same build disagree by 2x.
pg_vacuum() {
  local t0=$SECONDS
  pg_sql "vacuum analyze" >/dev/null
  log "vacuum analyze after seeding: $((SECONDS - t0)) s"
}

# start_atelier PASS LABEL [JAR]: starts the jar, measures process start -> first authenticated 200
start_atelier() {
  local pass=$1 label=$2 jar=${3:-$WORK/sut.jar} data="$WORK/atelier-$1" extra=() jvm=()
  mkdir -p "$data"
  if [ "$pass" = postgres ]; then
    extra=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/atelier" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=)
  fi
  # JFR keeps 64 frames by default, which cuts Spring's request stacks off above the servlet
  [ "$PROFILE" = 1 ] && jvm=(-XX:FlightRecorderOptions=stackdepth=256)
  local t0; t0=$(date +%s%N)
  env SERVER_PORT="$API_PORT" MANAGEMENT_SERVER_PORT="$MGMT_PORT" ATELIER_IDENTITY_PORT="$IDP_PORT" \
    ATELIER_DATA_DIR="$data" ATELIER_IDENTITY_CLIENTS_0_ID=bench ATELIER_IDENTITY_CLIENTS_0_SECRET=bench-secret \
    ATELIER_IDENTITY_CLIENTS_0_PERMISSIONS='create:*,read:*,update:*,delete:*' "${extra[@]}" \
    SPRING_APPLICATION_JSON='{"atelier":{"identity":{"token-lifetime":"3600s"}}}' \
    java ${BENCH_JAVA_OPTS:-} "${jvm[@]}" -jar "$jar" \
    >>"$WORK/atelier-$pass.log" 2>&1 &
  ATELIER_PID=$!
  local deadline=$(( $(date +%s) + 180 )) code="" tok=""
  while [ "$(date +%s)" -lt "$deadline" ]; do
    kill -0 "$ATELIER_PID" 2>/dev/null || { tail -30 "$WORK/atelier-$pass.log" >&2; die "Atelier exited during start-up"; }
    tok=$(token || true)
    if [ -n "$tok" ]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "Authorization: Bearer $tok" "$API/api/v1/info" || true)
      [ "$code" = 200 ] && break
    fi
    sleep 0.05
  done
  [ "$code" = 200 ] || die "Atelier did not answer an authenticated 200 within 180 s"
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  local exp; exp=$(curl -s -d client_id=bench -d client_secret=bench-secret -d grant_type=client_credentials "$TOKEN_URL" | sed -n 's/.*"expires_in" *: *\([0-9]*\).*/\1/p')
  [ "${exp:-0}" -ge 1000 ] || log "warning: token lifetime is ${exp:-?} s (the 3600 s setting did not bind); tokens are refreshed more often"
  TOK=""; TOK_LIFE=${exp:-300}; [ "$TOK_LIFE" -gt 90 ] || TOK_LIFE=90
  api_token
  sleep 2
  local rss; rss=$(rss_kb "$ATELIER_PID")
  meta "{\"kind\":\"startup\",\"pass\":\"$pass\",\"label\":\"$label\",\"ms\":$ms,\"rss_idle_kb\":$rss}"
  log "Atelier ($pass, $label) answered an authenticated 200 after $ms ms; idle RSS $((rss / 1024)) MB"
}

start_nginx() {
  cat >"$WORK/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx-tmp;
  types { }
  default_type application/json;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/static;
    location / { try_files \$uri =404; }
  }
}
EOF
  mkdir -p "$WORK/nginx-tmp"
  "$NGINX" -c "$WORK/nginx.conf" -p "$WORK" >"$WORK/nginx.out" 2>&1 &
  NGINX_PID=$!
  for _ in $(seq 1 50); do port_taken "$NGINX_PORT" && break; sleep 0.1; done
  port_taken "$NGINX_PORT" || die "nginx did not start (see $WORK/nginx-error.log)"
}

# ------------------------------------------------------------------ load
# run_wrk PASS FILES TARGET OP CONNS SCRIPT [VAR=VALUE ...]: one wrk run, its result line in
# RESULTS, and in META its peak RSS and the CPU the server (and PostgreSQL) used meanwhile
run_wrk() {
  local pass=$1 files=$2 target=$3 op=$4 c=$5 script=$6 clabel=$5; shift 6
  local url="$API" threads dur=$DURATION pids
  [ "$target" = nginx ] && url="http://127.0.0.1:$NGINX_PORT"
  [ "$c" = warmup ] && { c=16; dur=${WARM_DUR:-$WARMUP}; }
  threads=$(( c < 2 ? c : 2 ))
  local label="$pass|$files|$target|$op|$clabel"
  api_token
  local server0 db0
  if [ "$target" = nginx ]; then server0=0; db0=0; else server0=$(atelier_ticks); db0=$(pg_ticks); fi
  env BENCH_TOKEN="$TOK" BENCH_LABEL="$label" BENCH_OUT="$RESULTS" BENCH_THREADS="$threads" \
    BENCH_FILES="$files" BENCH_DAY="$DAY" "$@" \
    wrk -t"$threads" -c"$c" -d"${dur}s" --timeout 10s -s "$BENCH_LUA/$script" "$url" >"$WORK/wrk-last.out" 2>&1 &
  WRK_PID=$!
  # RSS every 0.5 s; the end of wrk is noticed within 0.1 s (a 0.5 s poll idled ~0.25 s per run,
  # 40 s of a whole run)
  local peak=0 r tick=0
  while kill -0 "$WRK_PID" 2>/dev/null; do
    if [ $((tick % 5)) = 0 ]; then
      if [ "$target" = nginx ]; then pids=$(nginx_pids); else pids=$ATELIER_PID; fi
      r=$(rss_kb $pids); [ "$r" -gt "$peak" ] && peak=$r
    fi
    tick=$((tick + 1))
    sleep 0.1
  done
  wait "$WRK_PID" || { cat "$WORK/wrk-last.out" >&2; die "wrk failed for $label"; }
  WRK_PID=""
  local server_ticks=0 db_ticks=0
  if [ "$target" != nginx ]; then server_ticks=$(( $(atelier_ticks) - server0 )); db_ticks=$(( $(pg_ticks) - db0 )); fi
  meta "{\"kind\":\"rss\",\"label\":\"$label\",\"rss_peak_kb\":$peak}"
  meta "{\"kind\":\"cpu\",\"label\":\"$label\",\"server_s\":$(awk "BEGIN{print $server_ticks/$TICKS_PER_S}"),\"db_s\":$(awk "BEGIN{print $db_ticks/$TICKS_PER_S}")}"
  local line; line=$(grep -F "\"label\":\"$label\"" "$RESULTS" | tail -1 || true)
  [ -n "$line" ] || { cat "$WORK/wrk-last.out" >&2; die "wrk wrote no result for $label"; }
  python3 - "$line" "$server_ticks" "$db_ticks" "$TICKS_PER_S" <<'EOF' >&2
import json, sys
r = json.loads(sys.argv[1])
n = max(r["requests"], 1)
server, db, hz = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print("  %-48s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  non-2xx %d %s  CPU/req %.2f + %.2f ms" % (
    r["label"], r["requests"] / (r["duration_us"] / 1e6), r["p50_us"] / 1e3, r["p99_us"] / 1e3, r["non2xx"],
    r["codes"], 1000.0 * server / hz / n, 1000.0 * db / hz / n))
EOF
}

# warm_up PASS FILES OP SCRIPT [VAR=VALUE ...]: runs of WARM_SLICE seconds at 16 connections
# until the throughput settles (two runs in a row within 10 % of each other), for at most WARM_MAX
# seconds. A fresh JVM needs about 20 s of load before its compiled code stops getting faster;
# code already compiled for other operations settles sooner. Every answer counts as in any run.
# For PATCH, PATCH_SLICE_FROM names the next unused slice of 256 targets; each run takes one.
WARM_SLICE=1
warm_up() {
  local pass=$1 files=$2 op=$3 script=$4; shift 4
  local prev=0 rps spent=0 label extra=()
  label="$pass|$files|atelier|$op|warmup"
  while [ "$spent" -lt "${WARM_MAX:-10}" ]; do
    extra=()
    if [ "$script" = patch_file.lua ]; then
      extra=(BENCH_PATCH_FROM="$PATCH_SLICE_FROM" BENCH_PATCH_COUNT=256)
      PATCH_SLICE_FROM=$((PATCH_SLICE_FROM + 256))
    fi
    WARM_DUR=$WARM_SLICE run_wrk "$pass" "$files" atelier "$op" warmup "$script" "$@" "${extra[@]}"
    spent=$((spent + WARM_SLICE))
    rps=$(grep -F "\"label\":\"$label\"" "$RESULTS" | tail -1 | python3 -c \
      'import json,sys; r=json.load(sys.stdin); print(int(r["requests"] * 1e6 / r["duration_us"]))')
    if [ "$prev" -gt 0 ] && [ $(( 10 * (rps > prev ? rps - prev : prev - rps) )) -le "$prev" ]; then
      break
    fi
    prev=$rps
  done
}

unavailable() { meta "{\"kind\":\"unavailable\",\"pass\":\"$1\",\"files\":\"$2\",\"op\":\"$3\",\"why\":\"$4\"}"; log "not available: $3 ($4)"; }

# probe METHOD PATH BODY -> HTTP status
probe() {
  api_token
  curl -s -o "$WORK/probe.out" -w '%{http_code}' --max-time 30 -X "$1" -H "Authorization: Bearer $TOK" \
    -H 'Content-Type: application/json' ${3:+--data-binary "$3"} "$API$2" || true
}
is_missing() { case "$1" in 404|405|501) return 0 ;; *) return 1 ;; esac; }

# long steps run in the background and are waited for, so that INT/TERM is handled at once
in_bg() { "$@" & CHILD_PID=$!; local rc=0; wait "$CHILD_PID" || rc=$?; CHILD_PID=""; return $rc; }
seed() { in_bg python3 "$BENCH_DIR/seed.py" "$@" --work "$WORK" --fixtures "$FIXTURES" --api "$API" --token-url "$TOKEN_URL" --conc "$SEED_CONC"; }

# ------------------------------------------------------------------ profiles
# profile_start / profile_stop NAME: with PROFILE=1, a JFR recording of Atelier and (on
# PostgreSQL) the statements it ran, summarised in bench/results/profile-NAME.txt
profile_start() {
  [ "$PROFILE" = 1 ] || return 0
  jcmd "$ATELIER_PID" JFR.start name=bench settings=profile >/dev/null 2>&1 || true
  [ -n "$PG_DIR" ] && pg_sql "select pg_stat_statements_reset()" >/dev/null 2>&1 || true
}
profile_stop() {
  [ "$PROFILE" = 1 ] || return 0
  local f="$WORK/$1.jfr" out="$BENCH_DIR/results/profile-$1.txt"
  jcmd "$ATELIER_PID" JFR.stop name=bench filename="$f" >/dev/null 2>&1 || return 0
  mkdir -p "$BENCH_DIR/results"
  python3 "$BENCH_DIR/jfr_top.py" "$f" >"$out" 2>/dev/null || true
  if [ -n "$PG_DIR" ]; then
    {
      echo
      echo "PostgreSQL statements over the same runs (pg_stat_statements; time includes waiting for CPU):"
      echo "  share  calls   mean ms  rows/call  statement"
      pg_sql "select to_char(100 * total_exec_time / sum(total_exec_time) over (), '990.0') || '%  '
                || lpad(calls::text, 6) || '  ' || to_char(mean_exec_time, '9990.000') || '  '
                || lpad(round(rows::numeric / greatest(calls, 1), 1)::text, 9) || '  '
                || left(regexp_replace(query, '\s+', ' ', 'g'), 150)
              from pg_stat_statements
              where query not like '%pg_stat_statements%'
              order by total_exec_time desc limit 8" 2>/dev/null | sed 's/^/  /'
    } >>"$out"
  fi
}

# disk_usage PASS FILES: the database's size on disk once FILES files are seeded
disk_usage() {
  local bytes
  if [ "$1" = postgres ]; then
    bytes=$(pg_sql "select pg_database_size('atelier')" || true)
  else
    bytes=$(du -cb "$WORK/atelier-$1"/*.db 2>/dev/null | tail -1 | cut -f1 || true)
  fi
  meta "{\"kind\":\"disk\",\"pass\":\"$1\",\"files\":$2,\"bytes\":${bytes:-0}}"
}
