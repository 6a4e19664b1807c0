#!/usr/bin/env bash
# Benchmark: Yike recording a 1080p25 lesson from the virtual classroom vs. the
# bundled FFmpeg CLI doing the same work (same four lavfi sources, same encode
# profile), measured with GNU time (CPU user+sys, peak RSS).
#
# Usage: bench/record-1080p.sh [DURATION_SECONDS]   (default 60)
#
# Environment (all optional):
#   YIKE_JAR          jar to run (default: distribution/target/yike.jar)
#   YIKE_JAVA_OPTS    extra JVM options for the Yike run (default: none)
#   YIKE_BENCH_KEEP=1 keep the temp work folder (recordings, logs)
#   YIKE_BENCH_NO_RESULTS=1  do not append to bench/RESULTS.md
#
# Builds nothing. Needs: java, python3, curl, /usr/bin/time (GNU time).
set -euo pipefail

DURATION="${1:-60}"
if ! [[ "$DURATION" =~ ^[1-9][0-9]*$ ]]; then
  echo "error: duration must be a positive whole number of seconds, got '$DURATION'" >&2
  exit 2
fi

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
JAR="${YIKE_JAR:-$ROOT/distribution/target/yike.jar}"
RESULTS="$BENCH_DIR/RESULTS.md"
CMDLINE="bench/record-1080p.sh $*"
[[ $# -eq 0 ]] && CMDLINE="bench/record-1080p.sh"

die() { echo "error: $*" >&2; exit 1; }

[[ -f "$JAR" ]] || die "Yike jar not found at $JAR -- build it first; run: mvn -B -DskipTests install"
[[ -x /usr/bin/time ]] || die "GNU time not found at /usr/bin/time"
for t in java python3 curl pgrep; do
  command -v "$t" >/dev/null || die "'$t' is required but not on PATH"
done
# Resolve the real interpreter once (python3 may be a slow pyenv shim).
PY="$(python3 -c 'import sys; print(sys.executable)')"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/yike-bench.XXXXXX")"
DATA="$WORK/data"
mkdir -p "$DATA"
TIME_PID=""
JPID=""

cleanup() {
  # Only ever signal the processes this script started.
  if [[ -n "$JPID" ]] && kill -0 "$JPID" 2>/dev/null; then
    kill -TERM "$JPID" 2>/dev/null || true
    sleep 3
    kill -0 "$JPID" 2>/dev/null && kill -KILL "$JPID" 2>/dev/null || true
  fi
  if [[ "${YIKE_BENCH_KEEP:-0}" == 1 ]]; then
    echo "work folder kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

log() { echo "[$(date +%H:%M:%S)] $*"; }

CLK_TCK="$(getconf CLK_TCK)"
# CPU seconds (user+sys) of a live process, from /proc/PID/stat.
proc_cpu() {
  local rest
  rest="$(sed 's/^.*) //' "/proc/$1/stat")"
  # after "pid (comm) ": field 1 = state ... field 12 = utime, field 13 = stime
  awk -v hz="$CLK_TCK" '{ printf "%.2f", ($12 + $13) / hz }' <<<"$rest"
}
now() { date +%s.%N; }
# Busy CPU seconds of the whole machine so far (user+nice+system+irq+softirq+steal).
sys_busy() { awk -v hz="$CLK_TCK" '/^cpu /{ printf "%.2f", ($2+$3+$4+$7+$8+$9) / hz }' /proc/stat; }

# Run a private copy: the jar may be rebuilt while the benchmark runs.
cp "$JAR" "$WORK/yike.jar"
JAR_SHA="$(sha256sum "$WORK/yike.jar" | cut -c1-12)"
JAR_INFO="$(stat -c '%s bytes, built %y' "$JAR" | cut -d. -f1)"

# Other busy processes skew CPU figures on a small box: record the load.
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN{exit !(l > 0.5)}'; then
  echo "warning: 1-min load average is ${LOAD_BEFORE%% *} before the benchmark; other work will skew the figures" >&2
fi

PORT="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
API="http://127.0.0.1:$PORT/api"

# ---------------------------------------------------------------- 1. Yike ----
log "Yike: starting a copy of $JAR (data $DATA, port $PORT), recording ${DURATION}s"
T0="$(now)"
BUSY_Y0="$(sys_busy)"
# shellcheck disable=SC2086
( cd "$WORK" && exec /usr/bin/time -o "$WORK/yike.time" -f "%e %U %S %M" \
    java ${YIKE_JAVA_OPTS:-} -Dyike.data="$DATA" -Dyike.http.port="$PORT" \
    -Dyike.record.on.start=true -jar "$WORK/yike.jar" </dev/null >"$WORK/yike.log" 2>&1 ) &
TIME_PID=$!

for _ in $(seq 100); do
  JPID="$(pgrep -P "$TIME_PID" || true)"
  [[ -n "$JPID" ]] && break
  sleep 0.1
done
[[ -n "$JPID" ]] || die "could not find the java process under /usr/bin/time (pid $TIME_PID)"

# Wait until a lesson is recording.
LESSON=""
BOOT_LIMIT=120
while :; do
  if ! kill -0 "$JPID" 2>/dev/null; then
    echo "--- yike.log (tail) ---" >&2; tail -40 "$WORK/yike.log" >&2
    die "Yike exited before a lesson started recording"
  fi
  STATUS="$(curl -fsS --max-time 2 "$API/status" 2>/dev/null || true)"
  # No python here: starting an interpreter (pyenv shim) on a 2-core box that
  # the booting JVM saturates takes seconds and would delay the detection.
  if [[ "$STATUS" =~ \"recording\"[[:space:]]*:[[:space:]]*\[[[:space:]]*\"([^\"]+)\" ]]; then
    LESSON="${BASH_REMATCH[1]}"
    break
  fi
  if awk -v a="$(now)" -v b="$T0" -v l="$BOOT_LIMIT" 'BEGIN{exit !(a-b > l)}'; then
    echo "--- last /api/status: ${STATUS:-<no answer>}" >&2
    echo "--- yike.log (tail) ---" >&2; tail -40 "$WORK/yike.log" >&2
    die "no lesson was recording ${BOOT_LIMIT}s after start"
  fi
  sleep 0.2
done
T_REC="$(now)"
CPU_BOOT="$(proc_cpu "$JPID")"
BOOT_WALL="$(awk -v a="$T_REC" -v b="$T0" 'BEGIN{printf "%.2f", a-b}')"
LESSON_JSON="$(find "$DATA/recordings" -path "*/$LESSON/lesson.json" | head -1)"
[[ -n "$LESSON_JSON" ]] || die "lesson $LESSON is recording but no lesson.json found under $DATA/recordings"
LESSON_DIR="$(dirname "$LESSON_JSON")"
log "Yike: lesson $LESSON recording after ${BOOT_WALL}s (boot CPU ${CPU_BOOT}s); recording for ${DURATION}s"

sleep "$DURATION"

kill -0 "$JPID" 2>/dev/null || die "Yike died while recording (see $WORK/yike.log; set YIKE_BENCH_KEEP=1)"
CPU_STOP="$(proc_cpu "$JPID")"
T_STOP="$(now)"
HTTP_CODE="$(curl -sS -o "$WORK/stop.json" -w '%{http_code}' --max-time 300 -X POST "$API/recordings/$LESSON/stop" || echo 000)"
T_STOP_DONE="$(now)"
[[ "$HTTP_CODE" == 200 ]] || { cat "$WORK/stop.json" >&2 2>/dev/null || true; die "POST /api/recordings/$LESSON/stop answered HTTP $HTTP_CODE"; }
# Wait until the lesson is no longer listed as recording.
for _ in $(seq 150); do
  STATUS="$(curl -fsS --max-time 2 "$API/status" || true)"
  [[ -n "$STATUS" && "$STATUS" != *"\"$LESSON\""* ]] && break
  sleep 0.2
done
STOP_STATE="$("$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d.get("state"), "error=%s" % d.get("error"))' "$WORK/stop.json" 2>/dev/null || echo '?')"
log "Yike: stop answered HTTP $HTTP_CODE ($STOP_STATE); stopping the JVM (SIGTERM)"

kill -TERM "$JPID"
KILLED=""
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
T_END="$(now)"
BUSY_Y1="$(sys_busy)"
log "Yike: JVM exited ${KILLED}"
YIKE_TIME_RAW="$(cat "$WORK/yike.time")"
read -r Y_WALL Y_USER Y_SYS Y_RSS <<<"$(tail -1 "$WORK/yike.time")"
Y_EXIT_NOTE="$(grep -v '^[0-9.]* [0-9.]* [0-9.]* [0-9]*$' "$WORK/yike.time" || true)"
Y_WARN="$(grep -cE ' (WARN|ERROR) ' "$WORK/yike.log" || true)"

YIKE_MP4="$LESSON_DIR/program.mp4"
[[ -s "$YIKE_MP4" ]] || die "Yike produced no $YIKE_MP4"

# -------------------------------------------------------------- 2. ffmpeg ----
NATIVE="$DATA/native/linux-x86_64"
FFMPEG="$NATIVE/ffmpeg"
FFPROBE="$NATIVE/ffprobe"
[[ -x "$FFMPEG" && -x "$FFPROBE" ]] || die "bundled ffmpeg/ffprobe not found in $NATIVE (Yike extracts them on boot)"

# Sources and profile from lesson.json: prints NUL-separated fields.
mapfile -d '' SRC < <("$PY" - "$LESSON_JSON" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
p = d["profile"]
out = [str(p[k]) for k in ("width", "height", "fps", "videoKbps", "gopFrames",
                           "audioKbps", "audioSampleRate", "audioChannels", "backend")]
for s in d["sources"]:
    loc = s["locator"]
    audio = s.get("role") == "MICROPHONE" or "arealtime" in loc or loc.startswith(("sine", "anullsrc", "aevalsrc"))
    out += ["A" if audio else "V", loc]
sys.stdout.write("\0".join(out) + "\0")
PY
)
W="${SRC[0]}"; H="${SRC[1]}"; FPS="${SRC[2]}"; VKBPS="${SRC[3]}"; GOP="${SRC[4]}"
AKBPS="${SRC[5]}"; ARATE="${SRC[6]}"; ACH="${SRC[7]}"; BACKEND="${SRC[8]}"
[[ "$BACKEND" == openh264 ]] || echo "warning: lesson profile backend is '$BACKEND', the ffmpeg run uses libopenh264" >&2

INPUTS=(); VIDX=(); AIDX=(); i=0
for ((k = 9; k < ${#SRC[@]}; k += 2)); do
  INPUTS+=(-f lavfi -t "$DURATION" -i "${SRC[k+1]}")
  if [[ "${SRC[k]}" == A ]]; then AIDX+=("$i"); else VIDX+=("$i"); fi
  i=$((i + 1))
done
[[ ${#VIDX[@]} -ge 1 && ${#AIDX[@]} -ge 1 ]] || die "lesson.json needs at least one video and one audio source (found ${#VIDX[@]} video, ${#AIDX[@]} audio)"

FF_MP4="$WORK/ffmpeg.mp4"
OUTPUTS=(-map "${VIDX[0]}:v:0" -map "${AIDX[0]}:a:0"
  -c:v libopenh264 -b:v "${VKBPS}k" -g "$GOP" -allow_skip_frames 0 -rc_mode bitrate
  -pix_fmt yuv420p -s "${W}x${H}" -r "$FPS"
  -c:a aac -b:a "${AKBPS}k" -ar "$ARATE" -ac "$ACH"
  -movflags +frag_keyframe+empty_moov+delay_moov+default_base_moof "$FF_MP4")
for v in "${VIDX[@]:1}"; do OUTPUTS+=(-map "$v:v:0" -f null -); done
for a in "${AIDX[@]:1}"; do OUTPUTS+=(-map "$a:a:0" -f null -); done

FF_ARGS=(-hide_banner -nostdin -nostats -y "${INPUTS[@]}" "${OUTPUTS[@]}")
FF_CMD_TEXT="LD_LIBRARY_PATH=\$NATIVE ffmpeg$(printf ' %q' "${FF_ARGS[@]}")"
log "ffmpeg: ${#VIDX[@]} video + ${#AIDX[@]} audio lavfi sources for ${DURATION}s, encoding input ${VIDX[0]} + ${AIDX[0]}"
BUSY_F0="$(sys_busy)"
set +e
( export LD_LIBRARY_PATH="$NATIVE${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; cd "$WORK" && \
  exec /usr/bin/time -o "$WORK/ffmpeg.time" -f "%e %U %S %M" "$FFMPEG" "${FF_ARGS[@]}" ) \
  </dev/null >"$WORK/ffmpeg.log" 2>&1
FF_RC=$?
BUSY_F1="$(sys_busy)"
set -e
if [[ $FF_RC -ne 0 ]]; then
  echo "--- ffmpeg.log (tail) ---" >&2; tail -30 "$WORK/ffmpeg.log" >&2
  die "ffmpeg exited with status $FF_RC"
fi
log "ffmpeg: done"
read -r F_WALL F_USER F_SYS F_RSS <<<"$(tail -1 "$WORK/ffmpeg.time")"

# ---------------------------------------------------- 3. ffprobe + report ----
probe() {
  LD_LIBRARY_PATH="$NATIVE" "$FFPROBE" -v error -count_packets \
    -show_entries format=duration,size:stream=codec_type,codec_name,width,height,duration,nb_read_packets \
    -of json "$1"
}
probe "$YIKE_MP4" >"$WORK/yike.probe.json"
probe "$FF_MP4" >"$WORK/ffmpeg.probe.json"

REPORT="$("$PY" - "$WORK" <<PY
import json, sys, os
work = sys.argv[1]
def probe(name):
    d = json.load(open(os.path.join(work, name)))
    f = d.get("format", {})
    v = next((s for s in d.get("streams", []) if s.get("codec_type") == "video"), {})
    a = next((s for s in d.get("streams", []) if s.get("codec_type") == "audio"), {})
    num = lambda x: float(x) if x not in (None, "", "N/A") else 0.0
    fdur = num(f.get("duration"))
    vdur, adur = num(v.get("duration")) or fdur, num(a.get("duration")) or fdur
    # "recorded duration" = the video stream's duration (the format duration is
    # the longest stream, which hides an audio/video length mismatch)
    return dict(dur=vdur, vdur=vdur, adur=adur, fdur=fdur, size=int(f.get("size", 0) or 0),
                vcodec=v.get("codec_name", "-"), w=v.get("width", 0), h=v.get("height", 0),
                vframes=int(v.get("nb_read_packets", 0) or 0),
                acodec=a.get("codec_name", "-"), aframes=int(a.get("nb_read_packets", 0) or 0))
y, f = probe("yike.probe.json"), probe("ffmpeg.probe.json")
Y = dict(wall=float("$Y_WALL"), cpu=float("$Y_USER") + float("$Y_SYS"), user=float("$Y_USER"), sys=float("$Y_SYS"), rss=int("$Y_RSS") / 1024)
F = dict(wall=float("$F_WALL"), cpu=float("$F_USER") + float("$F_SYS"), user=float("$F_USER"), sys=float("$F_SYS"), rss=int("$F_RSS") / 1024)
boot_cpu, stop_cpu = float("$CPU_BOOT"), float("$CPU_STOP")
win_wall = float("$T_STOP") - float("$T_REC")
win_cpu = stop_cpu - boot_cpu
tail_cpu = Y["cpu"] - stop_cpu
def per_min(cpu, dur): return cpu / (dur / 60) if dur > 0 else float("nan")
def ratio(a, b): return a / b if b else float("nan")
ypm, fpm = per_min(Y["cpu"], y["dur"]), per_min(F["cpu"], f["dur"])
wpm = per_min(win_cpu, win_wall)
L = []
warn = []
L.append("Sanity (ffprobe):")
for name, p in (("Yike  ", y), ("ffmpeg", f)):
    fps = p["vframes"] / p["vdur"] if p["vdur"] else 0
    L.append(f"- {name}: {p['vcodec']} {p['w']}x{p['h']}, {p['vframes']} video frames in {p['vdur']:.3f} s "
             f"({fps:.2f} fps); {p['acodec']} {p['aframes']} audio frames in {p['adur']:.3f} s; "
             f"{p['size']/1e6:.1f} MB, {p['size']*8/p['fdur']/1000 if p['fdur'] else 0:.0f} kbit/s overall")
    if abs(p["vdur"] - p["adur"]) > 1:
        warn.append(f"{name.strip()}: audio and video lengths differ by {p['adur'] - p['vdur']:+.1f} s")
    if p["vdur"] and abs(fps - float("$FPS")) > 0.5:
        warn.append(f"{name.strip()}: {fps:.2f} fps, profile says $FPS")
L.append("")
L.append("| | Yike (JVM) | ffmpeg CLI | Yike/ffmpeg |")
L.append("|---|---:|---:|---:|")
L.append(f"| recorded duration, s (ffprobe) | {y['dur']:.2f} | {f['dur']:.2f} | |")
L.append(f"| process wall time, s | {Y['wall']:.2f} | {F['wall']:.2f} | |")
L.append(f"| CPU user + sys, s | {Y['user']:.2f} + {Y['sys']:.2f} = {Y['cpu']:.2f} | {F['user']:.2f} + {F['sys']:.2f} = {F['cpu']:.2f} | {ratio(Y['cpu'], F['cpu']):.2f} |")
L.append(f"| **CPU s per recorded minute** | **{ypm:.1f}** | **{fpm:.1f}** | **{ratio(ypm, fpm):.2f}** |")
L.append(f"| **peak RSS, MB** | **{Y['rss']:.0f}** | **{F['rss']:.0f}** | **{ratio(Y['rss'], F['rss']):.2f}** |")
oy = float('$BUSY_Y1') - float('$BUSY_Y0') - Y['cpu']
of = float('$BUSY_F1') - float('$BUSY_F0') - F['cpu']
L.append(f"| other processes' CPU during the run, s (machine busy time minus the measured process) | {oy:.2f} | {of:.2f} | |")
for name, o, wall in (("Yike", oy, Y["wall"]), ("ffmpeg", of, F["wall"])):
    if wall and o / wall > 0.10:
        warn.append(f"other processes used {o:.1f} CPU s ({o / wall * 100:.0f}% of a core) during the {name} run: figures are skewed")
L.append("")
L.append("Yike CPU breakdown (from /proc/PID/stat; all of it is included above, nothing subtracted):")
L.append(f"- boot (JVM start until /api/status lists the lesson, {float('$BOOT_WALL'):.1f} s wall): {boot_cpu:.2f} CPU s")
L.append(f"- recording window ({win_wall:.1f} s wall): {win_cpu:.2f} CPU s = {wpm:.1f} CPU s/min "
         f"({ratio(wpm, fpm):.2f}x ffmpeg's per-minute figure, {win_cpu/win_wall*100 if win_wall else 0:.0f}% of one core)")
L.append(f"- stop + JVM shutdown: {tail_cpu:.2f} CPU s (POST .../stop took {float('$T_STOP_DONE') - float('$T_STOP'):.1f} s to answer)")
L.append(f"- ffmpeg for comparison: {F['cpu']/F['wall']*100 if F['wall'] else 0:.0f}% of one core over its {F['wall']:.1f} s wall")
if warn:
    L.append("")
    L += ["WARNING: " + w for w in warn]
print("\n".join(L))
PY
)"

echo
echo "$REPORT"
echo
[[ -n "$Y_EXIT_NOTE" ]] && echo "GNU time on Yike: $Y_EXIT_NOTE"
[[ -n "$KILLED" ]] && echo "$KILLED"
echo "Yike log: $Y_WARN WARN/ERROR lines"

if [[ "${YIKE_BENCH_NO_RESULTS:-0}" != 1 ]]; then
  [[ -f "$RESULTS" ]] || printf '# Benchmark results\n\nAppended by `bench/record-1080p.sh`; see bench/README.md.\n' >"$RESULTS"
  {
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M UTC') -- record-1080p, ${DURATION} s"
    echo
    echo "Command: \`$CMDLINE\`"
    echo
    echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores, $(free -m | awk '/^Mem:/{print $2}') MiB RAM"
    echo "- java: $(java -version 2>&1 | head -1)"
    echo "- ffmpeg: $(LD_LIBRARY_PATH="$NATIVE" "$FFMPEG" -hide_banner -version | head -1 | cut -d' ' -f1-3) (bundled in the jar)"
    echo "- jar: $JAR_INFO, sha256 $JAR_SHA; git HEAD $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo "- load average before the run: $LOAD_BEFORE"
    echo "- Yike: java ${YIKE_JAVA_OPTS:+$YIKE_JAVA_OPTS }-Dyike.record.on.start=true -jar yike.jar; lesson $LESSON; stop answered HTTP $HTTP_CODE ($STOP_STATE); ${Y_WARN} WARN/ERROR log lines${Y_EXIT_NOTE:+; GNU time: $Y_EXIT_NOTE}${KILLED:+; $KILLED}"
    echo "- ffmpeg: \`${FF_CMD_TEXT}\`"
    echo
    echo "$REPORT"
  } >>"$RESULTS"
  echo "appended to $RESULTS"
fi
