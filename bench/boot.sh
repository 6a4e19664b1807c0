#!/usr/bin/env bash
# Boot time (issue 22): from `java -jar` to the API answering (any HTTP answer of /api/status) and to
# the first recorded frame of a lesson that records on start (the virtual classroom, the product's
# defaults; the recording's "first frame" log line), RUNS times: the first start on an empty data
# folder, then restarts on the same data. Beside it, the same JVM starting an empty Felix with
# Declarative Services the way the product starts its own (a clean framework storage, bundles installed
# from jars): bench/FelixBoot.java, from the JVM's start to SCR's runtime service.
# Goals: API <= 1 s, first frame <= 1.5 s.
#
# Usage: bench/boot.sh [RUNS]   (default 5, at least 2; about 15 s a run)
# Environment: YIKE_JAR, YIKE_JAVA_OPTS, YIKE_BENCH_KEEP=1, YIKE_BENCH_NO_RESULTS=1 (as the other benches).
# Builds nothing. Needs: java, javac, python3, the Felix framework and SCR jars in ~/.m2 (mvn install).
set -euo pipefail

RUNS="${1:-5}"
[[ "$RUNS" =~ ^[0-9]+$ ]] && (( RUNS >= 2 )) || { echo "error: RUNS must be a whole number, at least 2, got '$RUNS'" >&2; exit 2; }

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CMDLINE="bench/boot.sh $RUNS"
bench_start boot javac
M2="${HOME}/.m2/repository"
FW="$M2/org/apache/felix/org.apache.felix.framework/7.0.5/org.apache.felix.framework-7.0.5.jar"
REF_BUNDLES=("$M2/org/osgi/org.osgi.util.function/1.2.0/org.osgi.util.function-1.2.0.jar"
  "$M2/org/osgi/org.osgi.util.promise/1.3.0/org.osgi.util.promise-1.3.0.jar"
  "$M2/org/osgi/org.osgi.service.component/1.5.1/org.osgi.service.component-1.5.1.jar"
  "$M2/org/apache/felix/org.apache.felix.scr/2.2.12/org.apache.felix.scr-2.2.12.jar")
for f in "$FW" "${REF_BUNDLES[@]}"; do [[ -f "$f" ]] || die "$f not found: run mvn -B -DskipTests install first"; done
javac -d "$WORK/ref" -cp "$FW" "$BENCH_DIR/FelixBoot.java"
log "load average before: $LOAD_BEFORE"

# first_answer PORT: prints the epoch (s.ms) of the first HTTP answer of /api/status, whatever its status
first_answer() {
  "$PY" - "$1" <<'PYEOF'
import http.client, sys, time
port, deadline = int(sys.argv[1]), time.time() + 120
while time.time() < deadline:
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        c.request("GET", "/api/status")
        c.getresponse()
        print(f"{time.time():.3f}")
        sys.exit(0)
    except OSError:
        time.sleep(0.005)
sys.exit(1)
PYEOF
}

# log_epoch FILE PATTERN: the epoch (s.ms) of the first log line matching PATTERN, waiting up to 120 s
log_epoch() {
  local line
  for _ in $(seq 1200); do
    line="$(grep -m1 -- "$2" "$1" 2>/dev/null || true)"
    [[ -n "$line" ]] && break
    sleep 0.1
  done
  [[ -n "$line" ]] || return 1
  "$PY" -c 'import datetime, sys; t = datetime.datetime.strptime(sys.argv[1], "%H:%M:%S.%f").time(); print(f"{datetime.datetime.combine(datetime.date.today(), t).timestamp():.3f}")' "${line%% *}"
}

ROWS=""
APIS=(); FRAMES=()
for run in $(seq "$RUNS"); do
  port="$(free_port)"
  : >"$WORK/run.log"
  t0="$(now)"
  # shellcheck disable=SC2086
  ( cd "$WORK" && exec java ${YIKE_JAVA_OPTS:-} -Dyike.data="$DATA" -Dyike.http.port="$port" -Dyike.record.on.start=true \
      -jar "$WORK/yike.jar" </dev/null >"$WORK/run.log" 2>&1 ) &
  JPID=$!
  api="$(first_answer "$port")" || die "run $run: the API did not answer in 120 s"
  frame="$(log_epoch "$WORK/run.log" "first frame")" || { tail -20 "$WORK/run.log" >&2; die "run $run: no first frame in 120 s"; }
  kill -TERM "$JPID"; wait "$JPID" || true; JPID=""
  api_ms="$(awk -v a="$api" -v b="$t0" 'BEGIN{printf "%d", (a-b)*1000}')"
  frame_ms="$(awk -v a="$frame" -v b="$t0" 'BEGIN{printf "%d", (a-b)*1000}')"
  kind="restart"; (( run == 1 )) && kind="first start (empty data folder)"
  (( run > 1 )) && { APIS+=("$api_ms"); FRAMES+=("$frame_ms"); }
  log "run $run ($kind): API answered after $api_ms ms, first frame after $frame_ms ms"
  ROWS+="| $run | $kind | $api_ms | $frame_ms |"$'\n'
done

REFS=()
for run in $(seq "$RUNS"); do
  t0="$(now)"
  out="$(java ${YIKE_JAVA_OPTS:-} -cp "$FW:$WORK/ref" FelixBoot "$WORK/ref-storage" "${REF_BUNDLES[@]}")"
  ms="$(sed -n 's/^scr-ready-ms //p' <<<"$out")"
  wall="$(awk -v a="$(now)" -v b="$t0" 'BEGIN{printf "%d", (a-b)*1000}')"
  REFS+=("$ms")
  log "empty Felix + SCR, run $run: SCR ready $ms ms after the JVM's start (the process ran $wall ms)"
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
REPORT="| run | start | API answered after, ms (goal <= 1000) | first recorded frame after, ms (goal <= 1500) |
|---:|---|---:|---:|
${ROWS}
Restarts, median: API **$(median "${APIS[@]}") ms**, first frame **$(median "${FRAMES[@]}") ms**; an empty Felix with SCR (FelixBoot, the same JVM, a clean storage): SCR ready after **$(median "${REFS[@]}") ms** from the JVM's start (runs: ${REFS[*]})."
echo
echo "$REPORT"
append_results "boot, $RUNS runs" "- load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared with other engineers building and testing)
- lesson: the product's defaults (virtual classroom 101), -Dyike.record.on.start=true; times from just before \`java -jar\` to the first answer of GET /api/status (any status) and to the recording's \"first frame\" log line (the lesson's clock starting)"
