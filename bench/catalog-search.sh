#!/usr/bin/env bash
# Search latency of the lesson catalog at 10 000 and 100 000 lessons (or the sizes given): median and
# p95 of each kind of query, appended to bench/RESULTS.md. Needs `mvn -B -DskipTests install` first;
# runs the catalog bundle's SearchBench (test classes) on the bundle's own classpath.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(10000 100000)
MODULE="$ROOT/bundles/org.yike.catalog"
[[ -d "$MODULE/target/test-classes" ]] || die "build first: mvn -B -DskipTests install"
WORK="$(mktemp -d /tmp/yike-catalog-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
CP_FILE="$WORK/classpath"
(cd "$MODULE" && mvn -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null)
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
log "catalog search bench: ${SIZES[*]} lessons in $WORK (load $LOAD_BEFORE)"
OUT="$WORK/out.md"
java -Xmx1g -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$CP_FILE")" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  org.yike.catalog.internal.SearchBench "$WORK/data" "${SIZES[@]}" 2>"$WORK/err.log" | tee "$OUT"
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M') UTC -- catalog-search, ${SIZES[*]} lessons"
  echo
  echo "Command: \`bench/catalog-search.sh ${SIZES[*]}\`"
  echo
  echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
  echo "- java: $(java -version 2>&1 | head -1)"
  echo "- git HEAD $(git -C "$ROOT" rev-parse --short HEAD); load average before the run: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- LessonCatalog.find in one JVM (Lucene search + the page of 20 read from Derby), no HTTP; 200 runs per query after 20 warm-up"
  cat "$OUT"
} >> "$RESULTS"
log "appended to $RESULTS"
