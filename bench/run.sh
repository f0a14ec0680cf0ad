#!/usr/bin/env bash
# Atelier benchmark: one command, see bench/README.md.
# Starts PostgreSQL (Debian) and Atelier on it, then Atelier on its embedded H2; seeds real models;
# drives wrk at 1/16/64 connections against Atelier and against nginx serving the same bytes;
# writes bench/results/latest.md. Every process it starts is stopped on exit or interrupt.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")
source "$BENCH_DIR/lib.sh"

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
PROFILE=0

usage() {
  cat <<EOF
Usage: bench/run.sh [options]
  --files N,M[,..]   data set sizes, ascending; searches run at every size, everything at the
                     largest (default 10000,100000; add 1000000 for the big run)
  --db postgres|h2|both   database pass(es) (default both)
  --duration S       seconds per wrk run (default 4; 3 with --quick)
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
DURATION="${DURATION:-4}"
CONNS="${CONNS:-1 16 64}"
SMALL_CONNS="${SMALL_CONNS:-1 16}"
WARMUP=$(( DURATION >= 4 ? 2 : 1 ))   # nginx's warm-up; Atelier's settles (warm_up in lib.sh)
WARM_MAX="${BENCH_WARM_MAX:-6}"
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

NEED_PG=0; [[ " $PASSES " == *" postgres "* ]] && NEED_PG=1
get_ready run.sh "$NEED_PG"

# ------------------------------------------------------------------ build
if [ -z "$JAR" ]; then
  JAR="$REPO/target/atelier.jar"
  if [ "$BUILD" = 1 ]; then
    log "building $JAR (mvn package -DskipTests)"
    build_jar "$REPO"
  fi
fi
[ -f "$JAR" ] || die "no jar at $JAR"
JAR_SRC="$JAR"
prepare_work "$JAR"

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
    # PATCH targets: one slice of 256 files per connection count, one per warm-up run (at most
    # WARM_MAX / WARM_SLICE), plus one file for the probe
    local nconns; nconns=$(wc -w <<<"$CONNS")
    local patch_targets=$(( (nconns + WARM_MAX / WARM_SLICE) * 256 + 1 ))
    seed patchpool --count "$patch_targets" >&2 || die "could not create the PATCH targets"
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
      if [ "$pass" = postgres ]; then pg_vacuum; fi
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
        warm_up "$pass" "$size" "search $k" search.lua $(search_env "$k")
        for c in $SMALL_CONNS; do run_wrk "$pass" "$size" atelier "search $k" "$c" search.lua $(search_env "$k"); done
      done
      continue
    fi

    # largest size: the whole matrix
    warm_up "$pass" "$size" "GET info" info.lua
    profile_start
    for c in $CONNS; do run_wrk "$pass" "$size" atelier "GET info" "$c" info.lua; done
    profile_stop "$pass-get-info"

    if [ "$files_api" = 1 ]; then
      seed static --sample 2000 >&2
      start_nginx
      warm_up "$pass" "$size" "GET file" get_file.lua BENCH_IDS="$WORK/get_ids.txt"
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
      warm_up "$pass" "$size" "search $k" search.lua $(search_env "$k")
      profile_start
      for c in $CONNS; do run_wrk "$pass" "$size" atelier "search $k" "$c" search.lua $(search_env "$k"); done
      profile_stop "$pass-search-$k"
    done

    if [ "$files_api" = 1 ]; then
      local pid; pid=$(cat "$WORK/patch_probe_id")
      st=$(probe PATCH "/api/v1/files/$pid" "{\"content\":$(head -1 "$WORK/patch_content.txt")\",\"revision\":1}")
      if is_missing "$st"; then patch_api=0; fi
      if [ "$patch_api" = 1 ]; then
        local from=0   # measured runs take the first slices, warm-up runs the ones after them
        PATCH_SLICE_FROM=$((nconns * 256))
        warm_up "$pass" "$size" "PATCH file" patch_file.lua BENCH_IDS="$WORK/patch_ids.tsv" \
          BENCH_PATCH_CONTENT="$WORK/patch_content.txt"
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
      warm_up "$pass" "$size" "POST file" post_file.lua "${env_post[@]}"
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
