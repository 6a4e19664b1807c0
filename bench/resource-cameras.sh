#!/usr/bin/env bash
# Benchmark (b) of issue 3: Yike in resource mode with N network cameras (H.264 1080p25, GOP 50,
# about 4 Mbit/s, with AAC sound) from an RTSP server on loopback, against the bundled FFmpeg CLI
# doing the same resource work as a simple NVR would: one `ffmpeg -c copy` per camera into
# fragmented MP4. Both sides read the same cameras, one after the other, for SECONDS each.
#
# Usage: bench/resource-cameras.sh [SECONDS] [N...]   (default 30; N: 1 4 8 16 64; 1 is always run)
#
# For each N, ascending:
#   - N publishers `ffmpeg -re -stream_loop -1 -i camera.mp4 -c copy -f rtsp` are the cameras (their
#     CPU and the RTSP server's is not counted on either side, only reported);
#   - ffmpeg: N processes each record one camera for SECONDS (`-t`), under GNU time;
#   - Yike: N rtsp devices in classroom "bench" (c01 role teacher, the others student_wide) and one
#     lesson of SECONDS; the JVM's CPU and each of its threads' from /proc over the lesson.
# The program is kept small and the same in every run (640x360 400 kbit/s, no live or mobile
# profile, the manual director holding c01 full screen), so Yike's cost per camera is the slope
# (CPU(N) - CPU(1)) / (N - 1): the off-screen cameras are read and written, never decoded.
# Stops trying larger N once Yike falls behind.
#
# The RTSP server (bench/rtsp-server.js) does not pass the publishers' RTCP sender reports on to
# the clients: ffmpeg as a publisher maps its sound and picture to wall-clock time 0.1-0.2 s apart,
# and a client that re-times the streams from the first sender report (FFmpeg's rtpdec does, a few
# seconds after PLAY) steps one of them by that much, back in time half of the time. The ffmpeg CLI
# fixes such timestamps with a "Non-monotonic DTS" warning; Yike's resource file stops at the first
# one ("non monotonically increasing dts", then "resource file ... stopped"). YIKE_BENCH_RTCP=1
# passes the sender reports on, to see that.
#
# Environment (all optional):
#   YIKE_JAR          jar to run (default: distribution/target/yike.jar)
#   YIKE_JAVA_OPTS    extra JVM options for the Yike run (default: none)
#   YIKE_BENCH_KEEP=1 keep the temp work folder (recordings, logs)
#   YIKE_BENCH_NO_RESULTS=1  do not append to bench/RESULTS.md
#   YIKE_BENCH_RTCP=1 the RTSP server passes the cameras' RTCP sender reports on (see above)
#
# Builds nothing. Needs: java, python3, curl, node with the itests' RTSP server (./yike deps), GNU time.
set -euo pipefail

ARGS=("$@")
DURATION="${1:-30}"
if ! [[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || (( DURATION < 10 )); then
  echo "error: SECONDS must be a whole number of seconds, at least 10, got '$DURATION'" >&2
  exit 2
fi
[[ $# -gt 0 ]] && shift
for n in "$@"; do
  if ! [[ "$n" =~ ^[1-9][0-9]*$ ]] || (( n > 99 )); then
    echo "error: a number of cameras must be 1..99, got '$n'" >&2
    exit 2
  fi
done
if [[ $# -eq 0 ]]; then COUNTS=(1 4 8 16 64); else COUNTS=(1 "$@"); fi
mapfile -t COUNTS < <(printf '%s\n' "${COUNTS[@]}" | sort -n -u)
NMAX="${COUNTS[-1]}"

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CMDLINE="bench/resource-cameras.sh${ARGS[*]:+ ${ARGS[*]}}"
HELPER="$BENCH_DIR/resource_cameras.py"
WARMUP=20
# FFmpeg's words for packets lost or damaged on the way (rtpdec, rtsp, h264)
LOSS='RTP: missed|max delay reached|dropping old packet|without a start chunk|error while decoding|concealing|decode_slice_header|non-existing PPS|Invalid NAL|corrupt'

bench_start bench-cameras node
[[ -d "$ROOT/itests/rtsp-server/node_modules/rtsp-streaming-server" ]] \
  || die "the RTSP server is not installed in itests/rtsp-server/node_modules; run: ./yike deps"
UPTIME="$(uptime)"
LOAD1="${LOAD_BEFORE%% *}"
log "before measuring: $UPTIME"
if awk -v l="$LOAD1" 'BEGIN{exit !(l > 1.5)}'; then
  echo "warning: 1-min load average is $LOAD1 (above 1.5) before the benchmark: the results are marked DISTURBED" >&2
fi
mkdir -p "$WORK/steps"

# ------------------------------------------------------------- Yike boots ----
# The recording configuration, before the first start: a file in the data folder's configuration
# store (<data>/config), which ConfigAdmin reads at start.
mkdir -p "$DATA/config/org/yike"
cat >"$DATA/config/org/yike/recording.config" <<'CFG'
service.pid="org.yike.recording"
width=I"640"
height=I"360"
videoKbps=I"400"
liveKbps=I"0"
mobileKbps=I"0"
director="manual"
resourceMode=B"true"
decodeOffScreen=B"false"
CFG
start_yike
for _ in $(seq 600); do
  yike_alive "while booting"
  curl -fsS --max-time 2 "$API/status" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS --max-time 2 "$API/status" >/dev/null || die "no answer from $API/status after 120 s"
NATIVE="$DATA/native/linux-x86_64"
FFMPEG="$NATIVE/ffmpeg"
export FFPROBE="$NATIVE/ffprobe"
[[ -x "$FFMPEG" && -x "$FFPROBE" ]] || die "bundled ffmpeg/ffprobe not found in $NATIVE (Yike extracts them on boot)"
# FFmpeg's and ffprobe's libraries are beside them
LIBS="$NATIVE${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
helper() { LD_LIBRARY_PATH="$LIBS" "$PY" "$HELPER" "$@"; }
log "Yike: up at $API"

# ------------------------------------------------------------ the camera ----
CLIP="$WORK/camera.mp4"
CLIP_ARGS=(-hide_banner -nostdin -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=25" -f lavfi
  -i "sine=frequency=440:sample_rate=48000" -t 20 -c:v libopenh264 -b:v 4000k -g 50 -allow_skip_frames 0
  -rc_mode bitrate -pix_fmt yuv420p -c:a aac -b:a 64k -ar 48000 -ac 2 -movflags +faststart)
CLIP_TEXT="ffmpeg$(printf ' %q' "${CLIP_ARGS[@]}") camera.mp4"
log "making the camera clip (20 s, looped by the publishers)"
LD_LIBRARY_PATH="$LIBS" "$FFMPEG" "${CLIP_ARGS[@]}" "$CLIP" || die "cannot make the camera clip"
CLIP_INFO="$(LD_LIBRARY_PATH="$LIBS" "$FFPROBE" -v error -select_streams v -show_entries packet=size,flags -of csv=p=0 "$CLIP" \
  | awk -F, '{n++; s+=$1} $2 ~ /K/ {k++} END{printf "%d frames, %d key frames, %.0f kbit/s video", n, k, s*8/20/1000}')"
log "camera clip: $CLIP_INFO"

# ------------------------------------------------------- the RTSP server ----
PUB_PORT="$(free_port)"
CLI_PORT="$(free_port)"
while [[ "$CLI_PORT" == "$PUB_PORT" ]]; do CLI_PORT="$(free_port)"; done
# each published stream and each client's takes an RTP/RTCP pair: video + sound, publisher + client,
# and the server gives a client's pair back only on TEARDOWN: plenty
RTP_COUNT=$(( 20 * NMAX + 200 ))
RTP_BASE="$("$PY" - "$RTP_COUNT" <<'PYPORTS'
import random, socket, sys
count = int(sys.argv[1])
for _ in range(200):
    base = random.randrange(20000, 60000 - count) & ~1
    socks = []
    try:
        for p in range(base, base + count):
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            socks.append(s)
            s.bind(("0.0.0.0", p))
    except OSError:
        continue
    finally:
        for s in socks:
            s.close()
    print(base)
    break
else:
    sys.exit("no free range of UDP ports")
PYPORTS
)"
# Without sender reports by default: see the header. YIKE_BENCH_RTCP=1 passes them on.
RTCP_FLAG=(--no-rtcp)
[[ "${YIKE_BENCH_RTCP:-0}" == 1 ]] && RTCP_FLAG=()
node "$BENCH_DIR/rtsp-server.js" "$PUB_PORT" "$CLI_PORT" "$RTP_BASE" "$RTP_COUNT" "${RTCP_FLAG[@]}" </dev/null >"$WORK/rtsp-server.log" 2>&1 &
SERVER_PID=$!
BENCH_PIDS+=("$SERVER_PID")
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PUB_PORT") 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/rtsp-server.log" >&2; die "the RTSP server did not start"; }
  sleep 0.1
done
log "RTSP server: $(head -1 "$WORK/rtsp-server.log")"

PUBLISHERS=()
# Cameras 1..N publish (those not publishing yet start).
publish_up_to() {
  local k id
  for (( k = ${#PUBLISHERS[@]} + 1; k <= $1; k++ )); do
    id="$(printf 'cam%02d' "$k")"
    LD_LIBRARY_PATH="$LIBS" "$FFMPEG" -hide_banner -nostdin -nostats -v warning -re -stream_loop -1 -i "$CLIP" -c copy \
      -f rtsp -rtsp_transport udp "rtsp://127.0.0.1:$PUB_PORT/$id" </dev/null >"$WORK/publish-$id.log" 2>&1 &
    PUBLISHERS+=($!)
    BENCH_PIDS+=($!)
  done
  sleep 2
  for k in "${!PUBLISHERS[@]}"; do
    kill -0 "${PUBLISHERS[$k]}" 2>/dev/null || { tail -5 "$WORK/publish-cam$(printf %02d $((k + 1))).log" >&2; die "camera $((k + 1))'s publisher ended"; }
  done
}
cameras_cpu() { procs_cpu "$SERVER_PID" "${PUBLISHERS[@]}"; }

DEVICES=0
# Yike devices c01..cN (those missing are added), then waits until all are ONLINE.
devices_up_to() {
  local k code role
  for (( k = DEVICES + 1; k <= $1; k++ )); do
    role=student_wide
    (( k == 1 )) && role=teacher
    code="$(curl -sS -o "$WORK/device.json" -w '%{http_code}' --max-time 30 -X POST "$API/devices" \
      -H 'Content-Type: application/json' -d "$(printf '{"driver": "rtsp", "id": "c%02d", "name": "Bench camera %d", "classroom": "bench", "role": "%s", "config": {"url": "rtsp://127.0.0.1:%s/cam%02d", "transport": "udp"}}' \
      "$k" "$k" "$role" "$CLI_PORT" "$k")")"
    [[ "$code" == 201 ]] || { cat "$WORK/device.json" >&2; die "POST /api/devices for camera $k answered HTTP $code"; }
  done
  DEVICES=$1
  local deadline=$(( $(date +%s) + 60 + 2 * $1 )) states
  until states="$(curl -fsS --max-time 5 "$API/devices" | helper online "$1")"; do
    yike_alive "while its cameras came online"
    (( $(date +%s) < deadline )) || die "Yike's cameras are not ONLINE: $states"
    sleep 1
  done
}

# Both sides are measured in the steady state: the window of SECONDS starts once every camera's
# file has started (the cameras opened and sent a key frame); the opening is reported apart.
# How long N cameras may take to open before the run is called failed: both sides open them in
# parallel (the goal is 5 s for any N), but a box too busy for N may take much longer.
open_limit() { echo $(( 30 + $1 )); }

# ------------------------------------------------------------ ffmpeg run ----
FF_OUT_ARGS=(-movflags +frag_keyframe+empty_moov+delay_moov+default_base_moof -frag_duration 1000000 -flush_packets 1 -f mp4)
FF_OUT_TEXT="ffmpeg -hide_banner -nostdin -nostats -v warning -rtsp_transport udp -i rtsp://127.0.0.1:PORT/camK -map 0 -c copy ${FF_OUT_ARGS[*]} camK.mp4"
run_ffmpeg() {
  local n=$1 k p f dir="$WORK/ffmpeg-$1" pids=() files=() rcs="" rc t_spawn t_open cpu_open b0 c0 f0 t0 b1 f1 t2 c1 started w0 w1 y0 y1
  local limit
  limit="$(open_limit "$n")"
  mkdir -p "$dir"
  log "ffmpeg: $n processes record $n cameras"
  t_spawn="$(now)"
  for (( k = 1; k <= n; k++ )); do
    files+=("$dir/cam$k.mp4")
    # -t: a safety net only; each is stopped with SIGINT (q) after the window
    LD_LIBRARY_PATH="$LIBS" "$FFMPEG" -hide_banner -nostdin -nostats -v warning -rtsp_transport udp \
      -i "rtsp://127.0.0.1:$CLI_PORT/$(printf 'cam%02d' "$k")" -map 0 -c copy -t $(( DURATION + $limit + 60 )) \
      "${FF_OUT_ARGS[@]}" "$dir/cam$k.mp4" </dev/null >"$dir/cam$k.log" 2>&1 &
    pids+=($!)
    BENCH_PIDS+=($!)
  done
  # recording once its file has data (the muxer writes at the first key frame)
  for (( k = 0; k < 10 * $limit; k++ )); do
    started=0
    for f in "${files[@]}"; do [[ -s "$f" ]] && started=$((started + 1)); done
    (( started == n )) && break
    sleep 0.1
  done
  t_open="$(now)"; cpu_open="$(procs_cpu "${pids[@]}")"
  (( started == n )) || log "ffmpeg: only $started of $n files started in ${limit}s"
  c0="$(cameras_cpu)"; y0="$(proc_cpu "$JPID")"; b0="$(sys_busy)"; f0="$(procs_cpu "${pids[@]}")"; t0="$(now)"
  w0="$(cat "$dir"/cam*.log | grep -cE "$LOSS" || true)"
  sleep "$DURATION"
  b1="$(sys_busy)"; f1="$(procs_cpu "${pids[@]}")"; t2="$(now)"; y1="$(proc_cpu "$JPID")"; c1="$(cameras_cpu)"
  w1="$(cat "$dir"/cam*.log | grep -cE "$LOSS" || true)"
  for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done
  local failed=()
  for k in "${!pids[@]}"; do
    rc=0
    wait "${pids[$k]}" || rc=$?
    rcs+="${rcs:+, }$rc"
    [[ $rc == 0 || $rc == 255 ]] || failed+=("$dir/cam$((k + 1)).log")
  done
  forget_pids "${pids[@]}"
  helper probe "$dir/probe.json" "${files[@]}"
  local warnings
  warnings="$(cat "$dir"/cam*.log | grep -cE "$LOSS" || true)"
  cat >"$WORK/steps/$n-ffmpeg.json" <<JSON
{"n": $n, "side": "ffmpeg", "window": $(awk -v a="$t2" -v b="$t0" 'BEGIN{print a-b}'),
 "open_s": $(awk -v a="$t_open" -v b="$t_spawn" 'BEGIN{print a-b}'), "open_cpu": $cpu_open, "started": $started,
 "cpu0": $f0, "cpu1": $f1, "busy0": $b0, "busy1": $b1, "cameras0": $c0, "cameras1": $c1, "yike0": $y0, "yike1": $y1,
 "warnings": ${warnings:-0}, "warnings_window": $((w1 - w0)), "warning_lines": $(helper warnings "$LOSS" "$dir"/cam*.log),
 "rcs": [$rcs], "errors": $(helper tails "${failed[@]}"), "files": $(cat "$dir/probe.json")}
JSON
  [[ "${YIKE_BENCH_KEEP:-0}" == 1 ]] || rm -f "$dir"/*.mp4
}

# -------------------------------------------------------------- Yike run ----
# lesson N SECONDS [measure]: one lesson of the classroom's cameras; with "measure", the step's figures.
LESSON_OK=1
lesson() {
  local n=$1 secs=$2 measure="${3:-}" dir="$WORK/yike-$1" k off code lesson_id t_post j_post t_open j_open started
  local b0 c0 j0 t0 b1 c1 j1 t2 t3 w0 w1
  local limit
  limit="$(open_limit "$n")"
  mkdir -p "$dir"
  off="$(stat -c %s "$WORK/yike.log")"
  t_post="$(now)"; j_post="$(proc_cpu "$JPID")"
  code="$(curl -sS -o "$dir/start.json" -w '%{http_code}' --max-time 30 -X POST "$API/recordings" \
    -H 'Content-Type: application/json' -d "{\"classroom\": \"bench\", \"title\": \"bench: $n cameras\"}" || echo 000)"
  [[ "$code" == 201 ]] || { cat "$dir/start.json" >&2 2>/dev/null || true; die "POST /api/recordings answered HTTP $code"; }
  [[ "$(cat "$dir/start.json")" =~ \"id\"[[:space:]]*:[[:space:]]*\"([^\"]+)\" ]] || die "no lesson id in $(cat "$dir/start.json")"
  lesson_id="${BASH_REMATCH[1]}"
  # recording once the lesson lists a resource file for every camera (written from its first key frame)
  for (( k = 0; k < 5 * $limit; k++ )); do
    started="$(curl -fsS --max-time 5 "$API/recordings/$lesson_id" | grep -o '"kind" *: *"resource"' | wc -l || true)"
    (( started == n )) && break
    sleep 0.2
  done
  t_open="$(now)"; j_open="$(proc_cpu "$JPID")"
  (( started == n )) || log "Yike: only $started of $n resource files started in ${limit}s"
  log "Yike: lesson $lesson_id with $n cameras, ${secs}s${measure:+ (measured)}"
  [[ -n "$measure" ]] && helper threads "$JPID" "$dir/threads0.json"
  c0="$(cameras_cpu)"; b0="$(sys_busy)"; j0="$(proc_cpu "$JPID")"; t0="$(now)"
  w0="$(tail -c +"$((off + 1))" "$WORK/yike.log" | grep -cE "$LOSS" || true)"
  sleep "$secs"
  yike_alive "during lesson $lesson_id"
  b1="$(sys_busy)"; j1="$(proc_cpu "$JPID")"; t2="$(now)"; c1="$(cameras_cpu)"
  w1="$(tail -c +"$((off + 1))" "$WORK/yike.log" | grep -cE "$LOSS" || true)"
  [[ -n "$measure" ]] && helper threads "$JPID" "$dir/threads1.json"
  code="$(curl -sS -o "$dir/stop.json" -w '%{http_code}' --max-time 300 -X POST "$API/recordings/$lesson_id/stop" || echo 000)"
  t3="$(now)"
  [[ "$code" == 200 ]] || { cat "$dir/stop.json" >&2 2>/dev/null || true; die "POST /api/recordings/$lesson_id/stop answered HTTP $code"; }
  tail -c +"$((off + 1))" "$WORK/yike.log" >"$dir/yike.log"
  local step="$WORK/steps/$n-yike.json" lag warnings folder
  [[ -z "$measure" ]] && step="$dir/warm-up.json"
  lag="$(grep -c "Lesson $lesson_id: encoding runs" "$dir/yike.log" || true)"
  warnings="$(grep -cE "$LOSS" "$dir/yike.log" || true)"
  cat >"$step" <<JSON
{"n": $n, "side": "yike", "lesson": "$lesson_id", "window": $(awk -v a="$t2" -v b="$t0" 'BEGIN{print a-b}'),
 "open_s": $(awk -v a="$t_open" -v b="$t_post" 'BEGIN{print a-b}'), "open_cpu": $(awk -v a="$j_open" -v b="$j_post" 'BEGIN{print a-b}'),
 "started": $started, "stop_s": $(awk -v a="$t3" -v b="$t2" 'BEGIN{print a-b}'),
 "cpu0": $j0, "cpu1": $j1, "busy0": $b0, "busy1": $b1, "cameras0": $c0, "cameras1": $c1,
 "lag": ${lag:-0}, "warnings": ${warnings:-0}, "warnings_window": $((w1 - w0)),
 "warning_lines": $(helper warnings "$LOSS" "$dir/yike.log"), "threads0": "$dir/threads0.json", "threads1": "$dir/threads1.json"}
JSON
  # adds the program's and the resource files' probes; checks the program showed c01 throughout
  # (and, for the warm-up, that the configuration applied: one 640x360 profile)
  folder="$(helper lesson "$dir/stop.json" "$step" ${measure:---warm-up})" \
    || die "lesson $lesson_id is not what the benchmark configured (see $dir)"
  [[ "${YIKE_BENCH_KEEP:-0}" == 1 ]] || rm -rf "$folder"
  [[ -n "$measure" ]] || return 0
  LESSON_OK=0
  helper verdict "$step" && LESSON_OK=1
  log "Yike: $n cameras: $( [[ $LESSON_OK == 1 ]] && echo 'kept up' || echo 'FELL BEHIND'); lag warnings $lag, RTP/decoder warnings $warnings"
}

# ------------------------------------------------------------------ runs ----
publish_up_to 1
devices_up_to 1
log "Yike: warm-up lesson (${WARMUP}s, not measured; also checks the configuration)"
lesson 1 "$WARMUP"

TRIED=()
for n in "${COUNTS[@]}"; do
  publish_up_to "$n"
  run_ffmpeg "$n"
  devices_up_to "$n"
  lesson "$n" "$DURATION" measure
  TRIED+=("$n")
  if [[ "$LESSON_OK" != 1 ]]; then
    log "Yike fell behind with $n cameras: larger N not tried"
    break
  fi
done

log "Yike: stopping the JVM (SIGTERM)"
stop_yike
log "Yike: JVM exited ${KILLED}"
Y_WARN="$(grep -cE ' (WARN|ERROR) ' "$WORK/yike.log" || true)"

cat >"$WORK/run.json" <<JSON
{"duration": $DURATION, "counts": [$(IFS=,; echo "${COUNTS[*]}")], "load1": $LOAD1}
JSON
REPORT="$(helper report "$WORK")" || die "the report failed (set YIKE_BENCH_KEEP=1 to keep $WORK)"
echo
echo "$REPORT"
echo

if [[ "${YIKE_BENCH_NO_RESULTS:-0}" != 1 ]]; then
  results_file
  DISTURBED="$(cat "$WORK/disturbed.txt" 2>/dev/null || true)"
  {
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M UTC') -- resource-cameras, ${DURATION} s, N = ${TRIED[*]}${DISTURBED:+ -- DISTURBED ($DISTURBED)}"
    echo
    echo "Command: \`$CMDLINE\`"
    echo
    machine_lines "$FFMPEG"
    echo "- before measuring: \`$(sed 's/^ *//' <<<"$UPTIME")\`"
    echo "- camera: \`$CLIP_TEXT\` ($CLIP_INFO), published N times by \`ffmpeg -re -stream_loop -1 -i camera.mp4 -c copy -f rtsp -rtsp_transport udp\` to rtsp-streaming-server on loopback (bench/rtsp-server.js$( ((${#RTCP_FLAG[@]})) && echo ', RTCP sender reports not passed on')), read over UDP"
    echo "- ffmpeg, one per camera: \`$FF_OUT_TEXT\`"
    echo "- Yike: java -jar yike.jar, org.yike.recording (a file in <data>/config): 640x360 400 kbit/s, live and mobile off, director manual (c01 full screen throughout), resourceMode, no decodeOffScreen; cameras added with POST /api/devices (c01 teacher, the others student_wide, transport udp); a ${WARMUP} s warm-up lesson first; ${Y_WARN} WARN/ERROR log lines in all${KILLED:+; $KILLED}"
    echo
    echo "$REPORT"
  } >>"$RESULTS"
  echo "appended to $RESULTS"
fi
