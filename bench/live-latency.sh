#!/usr/bin/env bash
# Glass-to-glass latency of a room's live picture in a browser (issue 16): WebSocket-FLV (the room page,
# mpegts.js) and HLS (the same page with hls.js), each for SECONDS, read back frame by frame from the
# virtual classroom's time code by bench/live-latency.mjs in Debian's chromium (playwright-core).
#
# Usage: bench/live-latency.sh [SECONDS]   (default 60, at least 10; takes about 2 x SECONDS + 60 s)
#
# The lesson keeps real time on a 2-core box: sources, recording and live profile 960x540
# (YIKE_BENCH_SIZE=WxH for another), see live_lesson_config in lib.sh. The page plays the `live` profile
# (YIKE_BENCH_STREAM for another). Prints median, p95 and max latency, stalls (gaps over 0.5 s
# between presented frames) and the frames read, and appends them to bench/RESULTS.md.
#
# Environment: YIKE_JAR, YIKE_JAVA_OPTS, YIKE_BENCH_KEEP=1, YIKE_BENCH_NO_RESULTS=1 (as the other
# benches), YIKE_BENCH_SIZE (WxH, default 960x540), YIKE_BENCH_STREAM (default live).
# Builds nothing. Needs: java, curl, node, /usr/bin/chromium and itests/browser's harness (./yike deps).
set -euo pipefail

DURATION="${1:-60}"
if ! [[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || (( DURATION < 10 )); then
  echo "error: SECONDS must be a whole number of seconds, at least 10, got '$DURATION'" >&2
  exit 2
fi
SIZE="${YIKE_BENCH_SIZE:-960x540}"
[[ "$SIZE" =~ ^([1-9][0-9]*)x([1-9][0-9]*)$ ]] || { echo "error: YIKE_BENCH_SIZE must be WxH, got '$SIZE'" >&2; exit 2; }
W="${BASH_REMATCH[1]}"; H="${BASH_REMATCH[2]}"
STREAM="${YIKE_BENCH_STREAM:-live}"
ROOM=101
WARMUP=5

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CMDLINE="bench/live-latency.sh $DURATION"
bench_start live-latency node
[[ -d "$ROOT/itests/browser/node_modules/playwright-core" ]] || die "the browser harness is not installed in itests/browser/node_modules; run: ./yike deps"
[[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || die "chromium not found at ${CHROMIUM:-/usr/bin/chromium}; run: ./yike deps"
log "load average before: $LOAD_BEFORE"

live_lesson_config "$W" "$H"
log "lesson: $LIVE_CONFIG"
start_yike -Dyike.record.on.start=true
wait_lesson 120
wait_live "$ROOM" "$STREAM" 30
PAGE="${API%/api}/room/$ROOM?stream=$STREAM"
log "Yike: lesson $LESSON recording; page $PAGE"
# the pages need a login: the browser logs in through the form as admin, whose first password is the admin token
YIKE_PASSWORD="$(admin_token)"
export YIKE_USER=admin YIKE_PASSWORD

# measure KIND [--hls]: one browser run; its summary line in $WORK/KIND.json
measure() {
  local kind="$1" c0 t0
  shift
  log "$kind: ${DURATION}s after the first frame (+${WARMUP}s warm-up, not counted in the latency)"
  c0="$(proc_cpu "$JPID")"; t0="$(now)"
  node "$BENCH_DIR/live-latency.mjs" "$PAGE" "$DURATION" --warmup "$WARMUP" "$@" >"$WORK/$kind.log" 2>&1 \
    || { tail -20 "$WORK/$kind.log" >&2; die "the $kind browser run failed"; }
  yike_alive "during the $kind run"
  grep '"summary"' "$WORK/$kind.log" | tail -1 >"$WORK/$kind.json"
  echo "{\"cpu\": $(awk -v a="$(proc_cpu "$JPID")" -v b="$c0" 'BEGIN{print a-b}'), \"wall\": $(awk -v a="$(now)" -v b="$t0" 'BEGIN{print a-b}')}" >"$WORK/$kind.cpu.json"
}
measure ws-flv
measure hls --hls
stop_lesson
REALTIME="$(realtime_words)"
log "Yike: $REALTIME"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
stop_yike

REPORT="$("$PY" - "$WORK" "$STREAM" <<'PY'
import json, sys
work, stream = sys.argv[1:3]
goals = {"ws-flv": "goal: median <= 400 ms, p95 <= 600 ms, no stall", "hls": "goal: <= 3000 ms"}
rows = ["| player | frames read (unreadable) | fps | median, ms | p95, ms | min-max, ms | of it buffered in the player (median), ms | stalls > 0.5 s | first frame after, ms | Yike CPU, % of a core | goal |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
for kind, name in (("ws-flv", f"WebSocket-FLV, room page (mpegts.js), `{stream}`"), ("hls", f"HLS, room page (hls.js), `{stream}`")):
    s = json.load(open(f"{work}/{kind}.json"))["summary"]
    c = json.load(open(f"{work}/{kind}.cpu.json"))
    rows.append(f"| {name} | {s['framesMeasured'] - s['unreadable']} ({s['unreadable']}) | {s['fps']} | **{s['medianMs']}** | **{s['p95Ms']}** "
                f"| {s['minMs']}-{s['maxMs']} | {s['bufferedMedianMs']} | {s['stalls']}{' ' + str(s['stallMs']) if s['stalls'] else ''} | {s['firstFrameAfterMs']} "
                f"| {c['cpu'] / c['wall'] * 100:.0f} | {goals[kind]} |")
print("\n".join(rows))
PY
)"
echo
echo "$REPORT"
echo "Recording: $REALTIME"

append_results "live-latency, ${DURATION} s per player" "$(
  echo "- chromium: $("${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null | head -1), playwright-core $(node -p 'require(process.argv[1]).version' "$ROOT/itests/browser/node_modules/playwright-core/package.json"), headless, on loopback"
  echo "- load average before: $LOAD_BEFORE; after: $LOAD_AFTER (the machine is shared with other engineers building and testing)"
  echo "- lesson: $LIVE_CONFIG (the default 1080p lesson does not keep real time on this box)"
  echo "- latency = wall clock when chromium expects to show the frame (requestVideoFrameCallback's expectedDisplayTime) minus the time code drawn into it when the source paced it; the first ${WARMUP} s after the first frame are not counted; stalls count over the whole run"
  echo "- recording: $REALTIME"
)"
