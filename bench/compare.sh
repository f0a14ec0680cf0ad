#!/usr/bin/env bash
# Before/after: two builds of Atelier on one seeded database, taking turns (base, new, new, base, ...)
# so that both meet the same machine noise. Prints and writes bench/results/compare-latest.md.
# See bench/README.md ("Before and after").
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")
source "$BENCH_DIR/lib.sh"

BASE=""
NEW=""
DB="postgres"
FILES=20000
OPS="info,get-file,search-project,search-name,search-created,search-updated,search-deep,patch-file,post-file"
ROUNDS=2
DURATION=5
CONNS="16"
WARM=30
INSTALL=1
BUILD=1
WORK="${BENCH_WORK:-/tmp/wm-bench-compare}"
FIXTURES="${BENCH_FIXTURES:-}"
PROFILE=0

usage() {
  cat <<EOF
Usage: bench/compare.sh --base REF|JAR [options]
  --base REF|JAR   the build to compare against: a jar, or a git ref of this repository (built
                   from a clean export of that commit)
  --new JAR        the build under test (default: this working tree, built to target/atelier.jar)
  --db postgres|h2 database (default postgres)
  --files N        files seeded before the runs (default $FILES)
  --ops LIST       comma list of: $OPS
                   (default all)
  --rounds N       turns per build (default $ROUNDS); each round runs both builds, in alternating order
  --duration S     seconds per wrk run (default $DURATION)
  --conns "16 64"  connection counts (default "$CONNS")
  --warmup S       at most this much warm-up load per operation after each start (default $WARM;
                   it ends sooner once throughput settles)
  --no-build       use target/atelier.jar as it is
  --no-install     do not apt-get install wrk, nginx, postgresql-15
  --folders N      folders per project in the data set (default 4)
  --work DIR       scratch directory (default $WORK; wiped at start)
Ports as for bench/run.sh (BENCH_API_PORT, BENCH_MGMT_PORT, BENCH_IDP_PORT, BENCH_PG_PORT).
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --base) BASE="$2"; shift 2 ;;
    --new) NEW="$2"; BUILD=0; shift 2 ;;
    --db) DB="$2"; shift 2 ;;
    --files) FILES="$2"; shift 2 ;;
    --ops) OPS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --conns) CONNS="$2"; shift 2 ;;
    --warmup) WARM="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --no-install) INSTALL=0; shift ;;
    --folders) export BENCH_FOLDERS="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
[ -n "$BASE" ] || { echo "compare.sh: --base is required" >&2; usage >&2; exit 2; }
case "$DB" in postgres|h2) ;; *) echo "compare.sh: --db must be postgres or h2" >&2; exit 2 ;; esac
[[ "$FILES" =~ ^[0-9]+$ ]] && [[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "compare.sh: --files and --rounds take numbers" >&2; exit 2; }
IFS=',' read -r -a OP_LIST <<<"$OPS"
for op in "${OP_LIST[@]}"; do
  case "$op" in info|get-file|search-project|search-name|search-created|search-updated|search-deep|patch-file|post-file) ;;
    *) echo "compare.sh: unknown operation '$op' (one of $OPS)" >&2; exit 2 ;; esac
done
WARMUP=2
if [ -z "$FIXTURES" ]; then
  for d in "$REPO/../shared/fixtures/models" "/work/shared/fixtures/models"; do
    [ -d "$d" ] && { FIXTURES=$(cd "$d" && pwd); break; }
  done
fi
[ -d "$FIXTURES" ] || { echo "compare.sh: fixture models not found (set BENCH_FIXTURES)" >&2; exit 2; }

NEED_PG=0; [ "$DB" = postgres ] && NEED_PG=1
get_ready compare.sh "$NEED_PG"

# ------------------------------------------------------------------ the two builds
if [ -z "$NEW" ]; then
  NEW="$REPO/target/atelier.jar"
  if [ "$BUILD" = 1 ]; then
    log "building the new jar from the working tree"
    build_jar "$REPO"
  fi
fi
[ -f "$NEW" ] || die "no jar at $NEW"
prepare_work "$NEW"
cp "$NEW" "$WORK/new.jar"
if [ -f "$BASE" ]; then
  cp "$BASE" "$WORK/base.jar"
  BASE_NAME="$BASE"
else
  commit=$(git -C "$REPO" rev-parse --verify --quiet "$BASE^{commit}") || die "--base $BASE is neither a jar nor a git ref"
  BASE_NAME="$(git -C "$REPO" log -1 --format='%h %s' "$commit")"
  log "building the base jar from $BASE_NAME"
  mkdir -p "$WORK/base-src"
  git -C "$REPO" archive "$commit" | tar -x -C "$WORK/base-src"
  build_jar "$WORK/base-src"
  cp "$WORK/base-src/target/atelier.jar" "$WORK/base.jar"
fi
NEW_NAME="$NEW"
[ "$NEW" = "$REPO/target/atelier.jar" ] && NEW_NAME="working tree at $(git -C "$REPO" log -1 --format='%h')$(git -C "$REPO" diff --quiet HEAD -- src pom.xml || echo ' with uncommitted changes')"

# ------------------------------------------------------------------ one data set for both
[ "$DB" = postgres ] && start_pg
start_atelier "$DB" "seeding (new build)" "$WORK/new.jar"
nconns=$(wc -w <<<"$CONNS")
log "seeding $FILES files"
seed seed --pass "$DB" --from 0 --to "$FILES" >&2 || log "seeding reported failures"
# every PATCH run (warm-ups included) gets a slice of 256 files of its own, so revisions stay known
patch_targets=$(( ROUNDS * 2 * (nconns + WARM / WARM_SLICE + 1) * 256 ))
seed patchpool --count "$patch_targets" >&2 || die "could not create the PATCH targets"
seed static --sample 2000 >&2
if [ "$DB" = postgres ]; then pg_vacuum; fi
cut -f2 "$WORK/projects.tsv" >"$WORK/project_ids.txt"
stop_atelier

PATCH_SLICE_FROM=0
# run_op PASS OP CONNS: one measured wrk run of an operation, or with CONNS "warmup" the runs that
# warm it up until its throughput settles
run_op() {
  local pass=$1 op=$2 c=$3 script env_args=()
  case "$op" in
    info) script=info.lua ;;
    get-file) script=get_file.lua; env_args=(BENCH_IDS="$WORK/get_ids.txt") ;;
    search-*) script=search.lua
      env_args=(SEARCH_KIND="${op#search-}" BENCH_PROJECTS="$WORK/project_ids.txt" BENCH_NAMES="$WORK/names.txt") ;;
    patch-file) script=patch_file.lua
      env_args=(BENCH_IDS="$WORK/patch_ids.tsv" BENCH_PATCH_CONTENT="$WORK/patch_content.txt") ;;
    post-file) script=post_file.lua
      env_args=(BENCH_POST_BODIES="$WORK/post_bodies.txt" BENCH_POST_PROJECT="$(cat "$WORK/post_project.txt")") ;;
  esac
  if [ "$c" = warmup ]; then
    WARM_MAX=$WARM warm_up "$pass" "$FILES" "$op" "$script" "${env_args[@]}"
    return
  fi
  if [ "$op" = patch-file ]; then
    env_args+=(BENCH_PATCH_FROM=$PATCH_SLICE_FROM BENCH_PATCH_COUNT=256)
    PATCH_SLICE_FROM=$((PATCH_SLICE_FROM + 256))
  fi
  run_wrk "$pass" "$FILES" atelier "$op" "$c" "$script" "${env_args[@]}"
}

# measure SIDE ROUND: a fresh start of one build, each operation warmed up until it settles and
# measured at once
measure() {
  local side=$1 round=$2 op c
  start_atelier "$DB" "$side build, round $round" "$WORK/$side.jar"
  for op in "${OP_LIST[@]}"; do
    run_op "$side#$round" "$op" warmup
    for c in $CONNS; do run_op "$side#$round" "$op" "$c"; done
  done
  stop_atelier
}

T_START=$(date +%s)
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then measure base "$round"; measure new "$round"
  else measure new "$round"; measure base "$round"; fi
done
[ "$DB" = postgres ] && stop_pg

mkdir -p "$BENCH_DIR/results"
python3 "$BENCH_DIR/compare_report.py" --results "$RESULTS" --meta "$META" --db "$DB" --files "$FILES" \
  --conns "$CONNS" --duration "$DURATION" --elapsed $(( $(date +%s) - T_START )) \
  --base "$BASE_NAME" --new "$NEW_NAME" >"$BENCH_DIR/results/compare-latest.md"
cat "$BENCH_DIR/results/compare-latest.md"
log "written to bench/results/compare-latest.md (raw data in $WORK)"
