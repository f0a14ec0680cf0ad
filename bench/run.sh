#!/usr/bin/env bash
# Atelier benchmark: one command, see bench/README.md.
# Starts PostgreSQL (Debian) and Atelier on it, then Atelier on its embedded H2; seeds real models;
# drives wrk at 1/16/64 connections against Atelier and against nginx serving the same bytes;
# writes bench/results/latest.md. Every process it starts is stopped on exit or interrupt.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")

FILES="10000,100000"
DB="both"
DURATION=""
CONNS=""
SMALL_CONNS=""
QUICK=0
INSTALL=1
BUILD=1
JAR=""
WORK="${BENCH_WORK:-/tmp/wm-bench}"
FIXTURES="${BENCH_FIXTURES:-}"
SEED_CONC="${BENCH_SEED_CONC:-8}"
PROFILE=0
API_PORT="${BENCH_API_PORT:-28070}"
MGMT_PORT="${BENCH_MGMT_PORT:-28091}"
IDP_PORT="${BENCH_IDP_PORT:-28080}"
NGINX_PORT="${BENCH_NGINX_PORT:-28081}"
PG_PORT="${BENCH_PG_PORT:-25432}"
PG_BIN=/usr/lib/postgresql/15/bin

usage() {
  cat <<EOF
Usage: bench/run.sh [options]
  --files N,M[,..]   data set sizes, ascending; searches run at every size, everything at the
                     largest (default 10000,100000; add 1000000 for the big run)
  --db postgres|h2|both   database pass(es) (default both)
  --duration S       seconds per wrk run (default 5; 3 with --quick)
  --conns "1 16 64"  connection counts for the full matrix (default "1 16 64"; "1 16" with --quick)
  --quick            smoke run: --files 1000,5000, 3 s runs, fewer connection counts
  --profile          record a JFR profile per Atelier operation at 16 connections (top frames
                     in bench/results/profile-*.txt)
  --jar PATH         use this jar instead of building target/atelier.jar
  --no-build         do not run mvn; use target/atelier.jar as it is
  --no-install       do not apt-get install wrk, nginx, postgresql-15
  --work DIR         scratch directory (default /tmp/wm-bench; wiped at start)
Ports (override with BENCH_API_PORT, BENCH_MGMT_PORT, BENCH_IDP_PORT, BENCH_NGINX_PORT,
BENCH_PG_PORT): API $API_PORT, management $MGMT_PORT, identity $IDP_PORT, nginx $NGINX_PORT, PostgreSQL $PG_PORT.
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --files) FILES="$2"; shift 2 ;;
    --db) DB="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --conns) CONNS="$2"; shift 2 ;;
    --quick) QUICK=1; shift ;;
    --profile) PROFILE=1; shift ;;
    --jar) JAR="$2"; BUILD=0; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --no-install) INSTALL=0; shift ;;
    --work) WORK="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ "$QUICK" = 1 ]; then
  [ "$FILES" = "10000,100000" ] && FILES="1000,5000"
  DURATION="${DURATION:-3}"
  CONNS="${CONNS:-1 16}"
  SMALL_CONNS="1"
fi
DURATION="${DURATION:-5}"
CONNS="${CONNS:-1 16 64}"
SMALL_CONNS="${SMALL_CONNS:-1 16}"
WARMUP=$(( DURATION >= 5 ? 2 : 1 ))
case "$DB" in postgres) PASSES="postgres" ;; h2) PASSES="h2" ;; both) PASSES="postgres h2" ;;
  *) echo "run.sh: --db must be postgres, h2 or both" >&2; exit 2 ;; esac
IFS=',' read -r -a SIZES <<<"$FILES"
for s in "${SIZES[@]}"; do [[ "$s" =~ ^[0-9]+$ ]] || { echo "run.sh: bad --files $FILES" >&2; exit 2; }; done
LAST_SIZE="${SIZES[-1]}"
if [ -z "$FIXTURES" ]; then
  for d in "$REPO/../shared/fixtures/models" "/work/shared/fixtures/models"; do
    [ -d "$d" ] && { FIXTURES=$(cd "$d" && pwd); break; }
  done
fi
[ -d "$FIXTURES" ] || { echo "run.sh: fixture models not found (set BENCH_FIXTURES)" >&2; exit 2; }

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ------------------------------------------------------------------ tools
need_root_for_install() { [ "$(id -u)" = 0 ] || die "installing packages needs root (or use --no-install)"; }
if [ "$INSTALL" = 1 ]; then
  missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  [ -x "$PG_BIN/postgres" ] || missing+=(postgresql-15)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    need_root_for_install
    log "installing ${missing[*]} (apt)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for t in wrk curl python3 java "$NGINX"; do command -v "$t" >/dev/null || die "$t is missing"; done
if [[ " $PASSES " == *" postgres "* ]]; then
  [ -x "$PG_BIN/postgres" ] || die "PostgreSQL 15 is missing ($PG_BIN)"
  [ "$(id -u)" != 0 ] || id postgres >/dev/null 2>&1 || die "user postgres is missing"
fi

# ------------------------------------------------------------------ ports
port_taken() { [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; }
taken=()
for p in "$API_PORT" "$MGMT_PORT" "$IDP_PORT" "$NGINX_PORT"; do port_taken "$p" && taken+=("$p"); done
if [[ " $PASSES " == *" postgres "* ]] && port_taken "$PG_PORT"; then taken+=("$PG_PORT"); fi
if [ ${#taken[@]} -gt 0 ]; then
  echo "run.sh: refusing to run: port(s) ${taken[*]} already in use on this machine." >&2
  echo "        Stop what listens there, or choose other ports with BENCH_API_PORT, BENCH_MGMT_PORT," >&2
  echo "        BENCH_IDP_PORT, BENCH_NGINX_PORT, BENCH_PG_PORT." >&2
  ss -Hltnp 2>/dev/null | grep -E ":($(IFS='|'; echo "${taken[*]}"))\b" >&2 || true
  exit 3
fi

# ------------------------------------------------------------------ cleanup
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
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

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

# ------------------------------------------------------------------ build
if [ -z "$JAR" ]; then
  JAR="$REPO/target/atelier.jar"
  if [ "$BUILD" = 1 ]; then
    log "building $JAR (mvn package -DskipTests)"
    (cd "$REPO" && exec mvn -q -B package -DskipTests) & CHILD_PID=$!
    wait "$CHILD_PID" || die "build failed"
    CHILD_PID=""
  fi
fi
[ -f "$JAR" ] || die "no jar at $JAR"

rm -rf "$WORK"
mkdir -p "$WORK"
chmod 755 "$WORK"
# The server runs from a copy with a neutral name: a "pkill -f atelier.jar" elsewhere on this shared
# machine must not take the benchmark's server down (it happened).
cp "$JAR" "$WORK/sut.jar"
JAR_SRC="$JAR"
JAR="$WORK/sut.jar"
RESULTS="$WORK/wrk.jsonl"     # one line per wrk run (written by lua/common.lua)
META="$WORK/meta.jsonl"       # start-up, memory, peak RSS per run, unavailable operations
: >"$RESULTS"; : >"$META"
export BENCH_LUA="$BENCH_DIR/lua"
python3 "$BENCH_DIR/seed.py" prepare --work "$WORK" --fixtures "$FIXTURES"
DAY=$(date -u +%Y-%m-%dT00:00:00Z)
TOKEN_URL="http://127.0.0.1:$IDP_PORT/auth/realms/camunda-platform/protocol/openid-connect/token"
API="http://127.0.0.1:$API_PORT"
meta() { echo "$1" >>"$META"; }

# ------------------------------------------------------------------ helpers
rss_kb() { local s=0 p v; for p in "$@"; do v=$(awk '/^VmRSS/{print $2}' "/proc/$p/status" 2>/dev/null || true); s=$((s + ${v:-0})); done; echo "$s"; }
nginx_pids() { echo "$NGINX_PID" $(pgrep -P "$NGINX_PID" 2>/dev/null || true); }

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

start_pg() {
  PG_DIR="$WORK/pg"
  mkdir -p "$PG_DIR/data"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_DIR"
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/pg.log" -w \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c shared_buffers=512MB" \
    start >/dev/null
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "create database atelier" >/dev/null
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT"
}

# start_atelier PASS LABEL: starts the jar, measures process start -> first authenticated 200
start_atelier() {
  local pass=$1 label=$2 data="$WORK/atelier-$1" extra=() jfr=()
  mkdir -p "$data"
  if [ "$pass" = postgres ]; then
    extra=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/atelier" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=)
  fi
  local t0; t0=$(date +%s%N)
  env SERVER_PORT="$API_PORT" MANAGEMENT_SERVER_PORT="$MGMT_PORT" ATELIER_IDENTITY_PORT="$IDP_PORT" \
    ATELIER_DATA_DIR="$data" ATELIER_IDENTITY_CLIENTS_0_ID=bench ATELIER_IDENTITY_CLIENTS_0_SECRET=bench-secret \
    ATELIER_IDENTITY_CLIENTS_0_PERMISSIONS='create:*,read:*,update:*,delete:*' "${extra[@]}" \
    SPRING_APPLICATION_JSON='{"atelier":{"identity":{"token-lifetime":"3600s"}}}' \
    java ${BENCH_JAVA_OPTS:-} -jar "$JAR" \
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

# run_wrk PASS FILES TARGET OP CONNS SCRIPT [VAR=VALUE ...]
run_wrk() {
  local pass=$1 files=$2 target=$3 op=$4 c=$5 script=$6 clabel=$5; shift 6
  local url="$API" threads dur=$DURATION pids
  [ "$target" = nginx ] && url="http://127.0.0.1:$NGINX_PORT"
  [ "$c" = warmup ] && { c=16; dur=${WARM_DUR:-$WARMUP}; }
  threads=$(( c < 2 ? c : 2 ))
  local label="$pass|$files|$target|$op|$clabel"
  api_token
  env BENCH_TOKEN="$TOK" BENCH_LABEL="$label" BENCH_OUT="$RESULTS" BENCH_THREADS="$threads" \
    BENCH_FILES="$files" BENCH_DAY="$DAY" "$@" \
    wrk -t"$threads" -c"$c" -d"${dur}s" --timeout 10s -s "$BENCH_LUA/$script" "$url" >"$WORK/wrk-last.out" 2>&1 &
  WRK_PID=$!
  local peak=0 r
  while kill -0 "$WRK_PID" 2>/dev/null; do
    if [ "$target" = nginx ]; then pids=$(nginx_pids); else pids=$ATELIER_PID; fi
    r=$(rss_kb $pids); [ "$r" -gt "$peak" ] && peak=$r
    sleep 0.5
  done
  wait "$WRK_PID" || { cat "$WORK/wrk-last.out" >&2; die "wrk failed for $label"; }
  WRK_PID=""
  meta "{\"kind\":\"rss\",\"label\":\"$label\",\"rss_peak_kb\":$peak}"
  local line; line=$(grep -F "\"label\":\"$label\"" "$RESULTS" | tail -1 || true)
  [ -n "$line" ] || { cat "$WORK/wrk-last.out" >&2; die "wrk wrote no result for $label"; }
  python3 - "$line" <<'EOF' >&2
import json, sys
r = json.loads(sys.argv[1])
print("  %-55s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  non-2xx %d %s" % (
    r["label"], r["requests"] / (r["duration_us"] / 1e6), r["p50_us"] / 1e3, r["p99_us"] / 1e3, r["non2xx"], r["codes"]))
EOF
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

profile_start() { [ "$PROFILE" = 1 ] && jcmd "$ATELIER_PID" JFR.start name=bench settings=profile >/dev/null 2>&1 || true; }
profile_stop() {
  [ "$PROFILE" = 1 ] || return 0
  local f="$WORK/$1.jfr"
  jcmd "$ATELIER_PID" JFR.stop name=bench filename="$f" >/dev/null 2>&1 || return 0
  mkdir -p "$BENCH_DIR/results"
  python3 "$BENCH_DIR/jfr_top.py" "$f" >"$BENCH_DIR/results/profile-$1.txt" 2>/dev/null || true
}

# disk_usage PASS FILES: the database's size on disk once FILES files are seeded
disk_usage() {
  local bytes
  if [ "$1" = postgres ]; then
    bytes=$(psql -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d atelier -c "select pg_database_size('atelier')" || true)
  else
    bytes=$(du -cb "$WORK/atelier-$1"/*.db 2>/dev/null | tail -1 | cut -f1 || true)
  fi
  meta "{\"kind\":\"disk\",\"pass\":\"$1\",\"files\":$2,\"bytes\":${bytes:-0}}"
}

SEARCH_KINDS="project name created updated deep"
search_env() {
  echo SEARCH_KIND="$1" BENCH_PROJECTS="$WORK/project_ids.txt" BENCH_NAMES="$WORK/names.txt"
}

# ------------------------------------------------------------------ one pass per database
run_pass() {
  local pass=$1
  : >"$WORK/files.tsv"; rm -f "$WORK/projects.tsv" "$WORK/folders.tsv" "$WORK/patch_ids.tsv" "$WORK/get_ids.txt"
  rm -rf "$WORK/static"
  [ "$pass" = postgres ] && start_pg
  start_atelier "$pass" "empty database"
  local files_api=1 search_api=1 patch_api=1 seeded=0 st
  set +e; seed probe >"$WORK/probe.txt" 2>&1; st=$?; set -e
  if [ $st = 3 ]; then files_api=0; log "$(cat "$WORK/probe.txt")"
  elif [ $st != 0 ]; then cat "$WORK/probe.txt" >&2; die "probe of the files API failed"; fi

  if [ "$files_api" = 1 ]; then
    # PATCH targets: one slice of 256 files per connection count and one for the warm-up, plus
    # one file for the probe
    local nconns; nconns=$(wc -w <<<"$CONNS")
    seed patchpool --count $(( (nconns + 1) * 256 + 1 )) >&2 || die "could not create the PATCH targets"
    cut -f1 "$WORK/patch_ids.tsv" | tail -1 >"$WORK/patch_probe_id"
  fi

  local size
  for size in "${SIZES[@]}"; do
    local full=0; [ "$size" = "$LAST_SIZE" ] && full=1
    if [ "$files_api" = 1 ]; then
      log "$pass: seeding files $seeded..$size"
      seed seed --pass "$pass" --from "$seeded" --to "$size" >&2 || log "seeding reported failures (counted in the table)"
      seeded=$size
      disk_usage "$pass" "$size"
      cut -f2 "$WORK/projects.tsv" >"$WORK/project_ids.txt"
      st=$(probe POST /api/v1/files/search '{"filter":{},"size":1}')
      if is_missing "$st"; then search_api=0; fi
      [ "$search_api" = 1 ] && seed check --pass "$pass" --day "$DAY" >&2 || true
    fi
    local c k
    if [ "$full" = 0 ]; then
      # smaller sizes: the searches only, for the growth figure. The first runs after start-up get
      # a longer warm-up (the JIT has seen nothing yet).
      for k in $SEARCH_KINDS; do
        if [ "$files_api" = 0 ] || [ "$search_api" = 0 ]; then
          [ "$files_api" = 1 ] && unavailable "$pass" "$size" "search $k" "endpoint answers 404/405"
          continue
        fi
        WARM_DUR=$((WARMUP * 3)) run_wrk "$pass" "$size" atelier "search $k" warmup search.lua $(search_env "$k")
        for c in $SMALL_CONNS; do run_wrk "$pass" "$size" atelier "search $k" "$c" search.lua $(search_env "$k"); done
      done
      continue
    fi

    # largest size: the whole matrix
    run_wrk "$pass" "$size" atelier "GET info" warmup info.lua
    profile_start
    for c in $CONNS; do run_wrk "$pass" "$size" atelier "GET info" "$c" info.lua; done
    profile_stop "$pass-get-info"

    if [ "$files_api" = 1 ]; then
      seed static --sample 2000 >&2
      start_nginx
      run_wrk "$pass" "$size" atelier "GET file" warmup get_file.lua BENCH_IDS="$WORK/get_ids.txt"
      run_wrk "$pass" "$size" nginx "GET file" warmup get_file.lua BENCH_IDS="$WORK/get_ids.txt"
      profile_start
      for c in $CONNS; do
        run_wrk "$pass" "$size" atelier "GET file" "$c" get_file.lua BENCH_IDS="$WORK/get_ids.txt"
        run_wrk "$pass" "$size" nginx "GET file" "$c" get_file.lua BENCH_IDS="$WORK/get_ids.txt"
      done
      profile_stop "$pass-get-file"
      stop_nginx
    else
      unavailable "$pass" "$size" "GET file" "files API answers 404/405"
      unavailable "$pass" "$size" "GET file (nginx)" "no file responses to serve"
    fi

    for k in $SEARCH_KINDS; do
      if [ "$files_api" = 0 ] || [ "$search_api" = 0 ]; then unavailable "$pass" "$size" "search $k" "endpoint answers 404/405"; continue; fi
      run_wrk "$pass" "$size" atelier "search $k" warmup search.lua $(search_env "$k")
      profile_start
      for c in $CONNS; do run_wrk "$pass" "$size" atelier "search $k" "$c" search.lua $(search_env "$k"); done
      profile_stop "$pass-search-$k"
    done

    if [ "$files_api" = 1 ]; then
      local pid; pid=$(cat "$WORK/patch_probe_id")
      st=$(probe PATCH "/api/v1/files/$pid" "{\"content\":$(head -1 "$WORK/patch_content.txt")\",\"revision\":1}")
      if is_missing "$st"; then patch_api=0; fi
      if [ "$patch_api" = 1 ]; then
        local from=256   # slice 0 is for the warm-up
        run_wrk "$pass" "$size" atelier "PATCH file" warmup patch_file.lua BENCH_IDS="$WORK/patch_ids.tsv" \
          BENCH_PATCH_FROM=0 BENCH_PATCH_COUNT=256 BENCH_PATCH_CONTENT="$WORK/patch_content.txt"
        profile_start
        for c in $CONNS; do
          run_wrk "$pass" "$size" atelier "PATCH file" "$c" patch_file.lua BENCH_IDS="$WORK/patch_ids.tsv" \
            BENCH_PATCH_FROM=$from BENCH_PATCH_COUNT=256 BENCH_PATCH_CONTENT="$WORK/patch_content.txt"
          from=$((from + 256))
        done
        profile_stop "$pass-patch-file"
      else
        unavailable "$pass" "$size" "PATCH file" "endpoint answers $st"
      fi
      # POST last: it adds files to the data set
      local env_post=(BENCH_POST_BODIES="$WORK/post_bodies.txt" BENCH_POST_PROJECT="$(cat "$WORK/post_project.txt")")
      run_wrk "$pass" "$size" atelier "POST file" warmup post_file.lua "${env_post[@]}"
      profile_start
      for c in $CONNS; do run_wrk "$pass" "$size" atelier "POST file" "$c" post_file.lua "${env_post[@]}"; done
      profile_stop "$pass-post-file"
    else
      unavailable "$pass" "$size" "PATCH file" "files API answers 404/405"
      unavailable "$pass" "$size" "POST file" "files API answers 404/405"
    fi
  done

  # restart on the filled database: start-up and idle memory with data
  stop_atelier
  start_atelier "$pass" "$seeded files"
  stop_atelier
  [ "$pass" = postgres ] && stop_pg
  return 0
}

T_START=$(date +%s)
log "passes: $PASSES; sizes: ${SIZES[*]}; ${DURATION}s per run; connections: $CONNS (smaller sizes: $SMALL_CONNS)"
for pass in $PASSES; do run_pass "$pass"; done
T_END=$(date +%s)

mkdir -p "$BENCH_DIR/results"
python3 "$BENCH_DIR/report.py" --results "$RESULTS" --meta "$META" --seed "$WORK/seed-stats.jsonl" \
  --sizes "$FILES" --conns "$CONNS" --duration "$DURATION" --elapsed $((T_END - T_START)) \
  --jar "$JAR_SRC" >"$BENCH_DIR/results/latest.md"
cat "$BENCH_DIR/results/latest.md"
log "written to bench/results/latest.md (raw data in $WORK)"
