#!/usr/bin/env bash
# Issue 15 §6 drill: kill -9 during a bulk import, then run it again.
# Expect: the rerun starts at once (the PostgreSQL left running by the killed process is shut down, see
# EmbeddedDatabase.recoverDataDir), the killed job is closed as FAILED "interrupted" (InterruptedImports), the rerun
# skips the files already stored and finishes; then 0 duplicates (resource_type, source_id) and every file DONE.
#
#   ./mvnw -B -Dskip.web=true -DskipTests package
#   tools/drills/kill9-import.sh DIR_WITH_FHIR_BUNDLES [seconds-before-kill]
set -euo pipefail
DIR=$(realpath "$1"); AFTER=${2:-20}
JAR=$(ls target/fuyou-*.jar | grep -v plain | head -1)
WORK=$(mktemp -d); PORT=54329
ARGS=(--fuyou.embedded-db.data-dir="$WORK/pg" --fuyou.embedded-db.port=$PORT --fuyou.import.dir="$DIR"
      --fuyou.import.institution=CQHCWC --spring.profiles.active=demo --server.port=0)
sql() { psql -h localhost -p $PORT -U postgres -d postgres -At -c "$1"; }

java -jar "$JAR" "${ARGS[@]}" > "$WORK/run1.log" 2>&1 & APP=$!
for _ in $(seq 1 600); do grep -q "bulk import" "$WORK/run1.log" 2>/dev/null && break; sleep 1; done
sleep "$AFTER"
echo "files done before the kill: $(sql "select coalesce(sum(files_done),0) from import_job")"
kill -9 $APP; wait $APP 2>/dev/null || true
echo "PostgreSQL left running: $(head -1 "$WORK/pg/postmaster.pid") ($(ps -o comm= -p "$(head -1 "$WORK/pg/postmaster.pid")" || echo gone))"

T0=$(date +%s%N)
java -jar "$JAR" "${ARGS[@]}" > "$WORK/run2.log" 2>&1 || { echo "RERUN FAILED"; tail -30 "$WORK/run2.log"; exit 1; }
echo "rerun finished in $(( ($(date +%s%N) - T0) / 1000000 )) ms"
grep -E "left running|interrupted|stale" "$WORK/run2.log" || true
# the rerun's process has exited; start PostgreSQL alone to count (fuyou stops it on exit)
java -jar "$JAR" --fuyou.embedded-db.data-dir="$WORK/pg" --fuyou.embedded-db.port=$PORT --server.port=0 > "$WORK/run3.log" 2>&1 & APP=$!
for _ in $(seq 1 600); do grep -q "is ready" "$WORK/run3.log" 2>/dev/null && break; sleep 1; done
echo "jobs: $(sql "select string_agg(status || ' ' || left(coalesce(message,''),40), ' | ') from import_job")"
echo "received resources: $(sql "select count(*) from received_resource"), duplicates: $(sql "select count(*) - count(distinct (resource_type, source_id, person_id)) from received_resource")"
echo "files: $(sql "select count(distinct file_name) from import_file where status = 'DONE'") done of $(find "$DIR" -name '*.json' -o -name '*.ndjson' | wc -l)"
kill $APP; wait $APP 2>/dev/null || true
