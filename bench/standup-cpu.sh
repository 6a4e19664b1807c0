#!/usr/bin/env bash
# The stand-up detector's CPU per camera at its default rate (640x360 grey, 5 pictures a second), on a
# drawn classroom with flickering light, moving heads and a student standing up every 20 s; appended to
# bench/RESULTS.md. Needs `mvn -B -DskipTests install` first; runs the bundle's StandUpBench (test
# classes) on the bundle's own class path, where org.yike.lib.opencv's jar carries OpenCV.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SECONDS_OF_CAMERA="${1:-120}"
MODULE="$ROOT/bundles/org.yike.vision.standup"
[[ -d "$MODULE/target/test-classes" ]] || die "build first: mvn -B -DskipTests install"
WORK="$(mktemp -d /tmp/yike-standup-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
CP_FILE="$WORK/classpath"
(cd "$MODULE" && mvn -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null)
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
log "stand-up detector bench: $SECONDS_OF_CAMERA s of one camera in $WORK (load $LOAD_BEFORE)"
OUT="$WORK/out.md"
java -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$CP_FILE")" \
  -Dorg.bytedeco.javacpp.cachedir="$WORK/native" \
  org.yike.vision.standup.internal.StandUpBench "$SECONDS_OF_CAMERA" 2>"$WORK/err.log" | tee "$OUT"
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M') UTC -- standup-cpu, $SECONDS_OF_CAMERA s of one camera"
  echo
  echo "Command: \`bench/standup-cpu.sh $SECONDS_OF_CAMERA\`"
  echo
  echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
  echo "- java: $(java -version 2>&1 | head -1)"
  echo "- git HEAD $(git -C "$ROOT" rev-parse --short HEAD); load average before the run: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- StandUpDetector.see on pictures drawn beforehand, in one JVM, no OSGi; the process's CPU time (OpenCV's threads included) over the feeding; goal: at most 10 % of a core per student camera"
  echo
  cat "$OUT"
} >> "$RESULTS"
log "appended to $RESULTS"
