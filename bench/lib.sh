# Shell functions shared by the bench/ scripts; sourced (`. "$BENCH_DIR/lib.sh"`), not run.
#
# Sets BENCH_DIR, ROOT, RESULTS, CLK_TCK, and after bench_start: PY, WORK, DATA, JAR_SHA, JAR_INFO,
# LOAD_BEFORE. Every process a script starts is signalled by bench_cleanup only by its own pid:
# JPID (the JVM) and those added to BENCH_PIDS.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
RESULTS="$BENCH_DIR/RESULTS.md"
CLK_TCK="$(getconf CLK_TCK)"
JPID=""
TIME_PID=""
BENCH_PIDS=()

die() { echo "error: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*"; }
now() { date +%s.%N; }

# CPU seconds (user+sys) of a live process, from /proc/PID/stat.
proc_cpu() {
  local rest
  rest="$(sed 's/^.*) //' "/proc/$1/stat")"
  # after "pid (comm) ": field 1 = state ... field 12 = utime, field 13 = stime
  awk -v hz="$CLK_TCK" '{ printf "%.2f", ($12 + $13) / hz }' <<<"$rest"
}

# Sum of proc_cpu over the pids given that are still alive.
procs_cpu() {
  local total=0 p
  for p in "$@"; do
    [[ -r "/proc/$p/stat" ]] && total="$(awk -v a="$total" -v b="$(proc_cpu "$p" 2>/dev/null || echo 0)" 'BEGIN{printf "%.2f", a+b}')"
  done
  echo "$total"
}

# Busy CPU seconds of the whole machine so far (user+nice+system+irq+softirq+steal).
sys_busy() { awk -v hz="$CLK_TCK" '/^cpu /{ printf "%.2f", ($2+$3+$4+$7+$8+$9) / hz }' /proc/stat; }

# A TCP port nobody listens on now.
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# bench_start NAME TOOL...: checks the jar, GNU time and the tools; makes the work folder WORK
# (data in DATA) and a private copy of the jar in it (the jar may be rebuilt while the benchmark
# runs); records the load average; installs bench_cleanup on exit.
bench_start() {
  local name="$1" t
  shift
  JAR="${YIKE_JAR:-$ROOT/distribution/target/yike.jar}"
  [[ -f "$JAR" ]] || die "Yike jar not found at $JAR -- build it first; run: mvn -B -DskipTests install"
  [[ -x /usr/bin/time ]] || die "GNU time not found at /usr/bin/time"
  for t in java python3 curl pgrep "$@"; do
    command -v "$t" >/dev/null || die "'$t' is required but not on PATH"
  done
  # Resolve the real interpreter once (python3 may be a slow pyenv shim).
  PY="$(python3 -c 'import sys; print(sys.executable)')"
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/yike-$name.XXXXXX")"
  DATA="$WORK/data"
  mkdir -p "$DATA"
  trap bench_cleanup EXIT
  cp "$JAR" "$WORK/yike.jar"
  JAR_SHA="$(sha256sum "$WORK/yike.jar" | cut -c1-12)"
  JAR_INFO="$(stat -c '%s bytes, built %y' "$JAR" | cut -d. -f1)"
  # Other busy processes skew CPU figures on a small box: record the load.
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
}

# forget_pids PID...: processes that have ended and been waited for (their pids may be reused).
forget_pids() {
  local keep=() p q gone
  for p in "${BENCH_PIDS[@]}"; do
    gone=""
    for q in "$@"; do [[ "$p" == "$q" ]] && gone=1; done
    [[ -n "$gone" ]] || keep+=("$p")
  done
  BENCH_PIDS=("${keep[@]}")
}

bench_cleanup() {
  local p i all=()
  # Only ever signal the processes this script started: SIGTERM (the last started first), then
  # SIGKILL for those still there after 3 s; reaped quietly.
  for (( i = ${#BENCH_PIDS[@]} - 1; i >= 0; i-- )); do all+=("${BENCH_PIDS[$i]}"); done
  [[ -n "$JPID" ]] && all+=("$JPID")
  for p in "${all[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for _ in $(seq 30); do
    for p in "${all[@]}"; do kill -0 "$p" 2>/dev/null && break; p=""; done
    [[ -z "${p:-}" ]] && break
    sleep 0.1
  done
  for p in "${all[@]}"; do kill -0 "$p" 2>/dev/null && kill -KILL "$p" 2>/dev/null || true; done
  for p in "${all[@]}" ${TIME_PID:+"$TIME_PID"}; do wait "$p" 2>/dev/null || true; done
  if [[ "${YIKE_BENCH_KEEP:-0}" == 1 ]]; then
    echo "work folder kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}

# start_yike JAVA_ARG...: runs the private jar under GNU time (to $WORK/yike.time) with the data
# folder DATA, the API on a free port (API=http://127.0.0.1:PORT/api) and the arguments given
# (before -jar), logging to $WORK/yike.log; sets TIME_PID, JPID, API, T0 (start) and BUSY_Y0.
start_yike() {
  local port
  port="$(free_port)"
  API="http://127.0.0.1:$port/api"
  log "Yike: starting a copy of $JAR (data $DATA, port $port)"
  T0="$(now)"
  BUSY_Y0="$(sys_busy)"
  # shellcheck disable=SC2086
  ( cd "$WORK" && exec /usr/bin/time -o "$WORK/yike.time" -f "%e %U %S %M" \
      java ${YIKE_JAVA_OPTS:-} -Dyike.data="$DATA" -Dyike.http.port="$port" "$@" \
      -jar "$WORK/yike.jar" </dev/null >"$WORK/yike.log" 2>&1 ) &
  TIME_PID=$!
  for _ in $(seq 100); do
    JPID="$(pgrep -P "$TIME_PID" || true)"
    [[ -n "$JPID" ]] && break
    sleep 0.1
  done
  [[ -n "$JPID" ]] || die "could not find the java process under /usr/bin/time (pid $TIME_PID)"
}

# curl as the administrator once the runtime has made its admin token (every API call needs a login):
# the scripts' curl calls, unchanged, go through this.
curl() {
  if [[ -n "${DATA:-}" && -s "$DATA/admin.token" ]]; then
    command curl -H "Authorization: Bearer $(<"$DATA/admin.token")" "$@"
  else
    command curl "$@"
  fi
}

# Prints the admin token once the runtime has made it (its access bundle may start after a lesson does).
admin_token() {
  for _ in $(seq 600); do
    [[ -s "$DATA/admin.token" ]] && { cat "$DATA/admin.token"; return; }
    sleep 0.1
  done
  die "no admin token in $DATA/admin.token after 60 s"
}

# Dies with the log's tail if the JVM is gone.
yike_alive() {
  if ! kill -0 "$JPID" 2>/dev/null; then
    echo "--- yike.log (tail) ---" >&2; tail -40 "$WORK/yike.log" >&2
    die "Yike exited: $1"
  fi
}

# stop_yike: SIGTERM, wait up to 60 s, else SIGKILL (KILLED says so); waits for GNU time.
stop_yike() {
  KILLED=""
  kill -TERM "$JPID"
  for _ in $(seq 600); do
    kill -0 "$JPID" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$JPID" 2>/dev/null; then
    KILLED="(JVM did not exit 60s after SIGTERM; SIGKILLed)"
    kill -KILL "$JPID" || true
  fi
  wait "$TIME_PID" || true
  JPID=""
}

# machine_lines FFMPEG: the "- machine/java/ffmpeg/jar" lines of a RESULTS.md section.
machine_lines() {
  local ffmpeg="$1"
  echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores, $(free -m | awk '/^Mem:/{print $2}') MiB RAM"
  echo "- java: $(java -version 2>&1 | head -1)"
  echo "- ffmpeg: $(LD_LIBRARY_PATH="$(dirname "$ffmpeg")" "$ffmpeg" -hide_banner -version | head -1 | cut -d' ' -f1-3) (bundled in the jar)"
  echo "- jar: $JAR_INFO, sha256 $JAR_SHA; git HEAD $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
}

# The header RESULTS.md starts with when it is missing.
results_file() {
  [[ -f "$RESULTS" ]] || printf '# Benchmark results\n\nAppended by the scripts in bench/; see bench/README.md.\n' >"$RESULTS"
}

# append_results TITLE DETAILS: a dated section of RESULTS.md: the command, the machine, DETAILS (lines
# of the bench's own), then REPORT. Needs CMDLINE, DATA, REPORT; left out with YIKE_BENCH_NO_RESULTS=1.
append_results() {
  [[ "${YIKE_BENCH_NO_RESULTS:-0}" == 1 ]] && return 0
  results_file
  {
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M UTC') -- $1"
    echo
    echo "Command: \`$CMDLINE\`"
    echo
    machine_lines "$DATA/native/linux-x86_64/ffmpeg"
    printf '%s\n' "$2"
    echo
    echo "$REPORT"
  } >>"$RESULTS"
  echo "appended to $RESULTS"
}

# ------------------------------------------- lessons; the live benches (live-*.sh) ----
# live_lesson_config W H: the lesson the live benches record, written to the data folder's store before
# the first start: the virtual classroom's sources W x H with the time code on; the profiles recording
# and live W x H at 1500 kbit/s each (live's default rate, so that a viewer gets what a school's would),
# mobile its default 640x360 400 kbit/s; no raw sources' own files; the manual director, which holds the
# teacher full screen, so the program shows the time code's strip whole. The default 1080p lesson does
# not keep real time on a 2-core box. LIVE_CONFIG says what was configured, in words.
live_lesson_config() {
  mkdir -p "$DATA/config/org/yike/driver/virtual"
  printf '%s\n' 'service.pid="org.yike.recording"' "width=I\"$1\"" "height=I\"$2\"" 'videoKbps=I"1500"' \
    "liveWidth=I\"$1\"" "liveHeight=I\"$2\"" 'liveKbps=I"1500"' 'director="manual"' 'teacherResourceKbps=I"0"' \
    'studentResourceKbps=I"0"' 'coursewareResourceKbps=I"0"' 'blackboardResourceKbps=I"0"' >"$DATA/config/org/yike/recording.config"
  printf '%s\n' 'service.pid="org.yike.driver.virtual.classroom"' "width=I\"$1\"" "height=I\"$2\"" 'timeCode=B"true"' \
    >"$DATA/config/org/yike/driver/virtual/classroom.config"
  LIVE_CONFIG="virtual classroom 101 at ${1}x${2} 25 fps with the time code; profiles recording and live ${1}x${2} 1500 kbit/s GOP 50 and 25, mobile 640x360 400 kbit/s (openh264, AAC 128 kbit/s); manual director (teacher full screen); no raw sources' own files"
}

# wait_lesson LIMIT: waits until /api/status lists a recording lesson (LESSON), at most LIMIT seconds
# after the JVM started (T0); sets T_REC.
wait_lesson() {
  local status
  LESSON=""
  while :; do
    yike_alive "before a lesson started recording"
    status="$(curl -fsS --max-time 2 "$API/status" 2>/dev/null || true)"
    # No python here: starting an interpreter (pyenv shim) on a 2-core box that
    # the booting JVM saturates takes seconds and would delay the detection.
    if [[ "$status" =~ \"recording\"[[:space:]]*:[[:space:]]*\[[[:space:]]*\"([^\"]+)\" ]]; then
      LESSON="${BASH_REMATCH[1]}"
      break
    fi
    if awk -v a="$(now)" -v b="$T0" -v l="$1" 'BEGIN{exit !(a-b > l)}'; then
      echo "--- last /api/status: ${status:-<no answer>}" >&2
      echo "--- yike.log (tail) ---" >&2; tail -40 "$WORK/yike.log" >&2
      die "no lesson was recording ${1}s after start"
    fi
    sleep 0.2
  done
  T_REC="$(now)"
}

# wait_live ROOM STREAM LIMIT: waits until GET /api/live/ROOM lists STREAM (its hub can be opened).
wait_live() {
  local deadline=$(( $(date +%s) + $3 ))
  until curl -fsS --max-time 2 "$API/live/$1" 2>/dev/null | grep -q "\"name\" *: *\"$2\""; do
    yike_alive "before stream $2 of room $1 was live"
    (( $(date +%s) < deadline )) || die "room $1 has no live stream $2 after $3 s: $(curl -sS --max-time 2 "$API/live/$1" || true)"
    sleep 0.2
  done
}

# stop_lesson: stops LESSON; sets STOP_S (how long the answer took: a backlog shows there), LAG (the
# lesson's "behind real time" log lines) and REC_S (the recording profile's video duration, ffprobe,
# from the lesson's folder) against WALL_S (its wall time from the start its id names, to the second, to
# the stop's answer); LESSON_FOLDER.
stop_lesson() {
  local t_stop code native
  t_stop="$(now)"
  code="$(curl -sS -o "$WORK/stop.json" -w '%{http_code}' --max-time 300 -X POST "$API/recordings/$LESSON/stop" || echo 000)"
  [[ "$code" == 200 ]] || { cat "$WORK/stop.json" >&2 2>/dev/null || true; die "POST /api/recordings/$LESSON/stop answered HTTP $code"; }
  STOP_S="$(awk -v a="$(now)" -v b="$t_stop" 'BEGIN{printf "%.1f", a-b}')"
  [[ "$LESSON" =~ ^([0-9]{8})-([0-9]{2})([0-9]{2})([0-9]{2}) ]] || die "lesson id $LESSON does not name its start"
  WALL_S="$(awk -v a="$(now)" -v b="$(date -d "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}:${BASH_REMATCH[3]}:${BASH_REMATCH[4]}" +%s)" 'BEGIN{printf "%.1f", a-b}')"
  LAG="$(grep -c "Lesson $LESSON: encoding runs" "$WORK/yike.log" || true)"
  native="$DATA/native/linux-x86_64"
  LESSON_FOLDER="$(dirname "$(find "$DATA/recordings" -path "*/$LESSON/lesson.json" | head -1)")"
  REC_S="$(LD_LIBRARY_PATH="$native" "$native/ffprobe" -v error -select_streams v -show_entries stream=duration \
    -of csv=p=0 "$LESSON_FOLDER/program.mp4" 2>/dev/null | head -1)"
  REC_S="$(printf '%.1f' "${REC_S:-0}")"
}

# The real-time verdict of the lesson stop_lesson stopped, in words.
realtime_words() {
  local late
  late="$(awk -v l="$LAG" -v s="$STOP_S" 'BEGIN{print (l > 0 || s > 2) ? 1 : 0}')"
  echo "$( [[ $late == 1 ]] && echo 'FELL BEHIND' || echo 'kept real time' ): ${REC_S} s of program.mp4 in ${WALL_S} s wall, ${LAG} 'behind real time' log lines, stop answered in ${STOP_S} s"
}
