#!/usr/bin/env bash
# Live delivery under load (issue 16), in one runtime recording one lesson all along:
#  1. the recording's CPU with and without subscribers: windows of SUB_SECONDS with none and with 3
#     WebSocket viewers (one each of `live`, `mobile` and `recording`), alternated twice;
#  2. N WebSocket viewers of `live` for each N, WINDOW seconds each once all play: the JVM's CPU and
#     RSS, each viewer's bytes/s (min/median) against the stream's full rate (program-live.mp4's), how many
#     were closed as behind (1008) or got under 90 % of the full rate, and whether the recording kept
#     real time meanwhile.
# The viewers are bench/live-viewers.mjs (node `ws`, one process); its own CPU is reported.
#
# Usage: bench/live-viewers.sh [N...]   (default 100 500 1000 2000; about 2.5 min + 40 s per N)
#
# Environment: YIKE_JAR, YIKE_JAVA_OPTS, YIKE_BENCH_KEEP=1, YIKE_BENCH_NO_RESULTS=1 (as the other
# benches), YIKE_BENCH_SIZE (WxH of the sources, recording and live profiles, default 960x540: see
# live_lesson_config in lib.sh), YIKE_BENCH_WINDOW (seconds per N, default 20), YIKE_BENCH_SUB_SECONDS
# (seconds per window of step 1, default 30; 0 leaves step 1 out).
# Builds nothing. Needs: java, curl, node and itests/browser's node_modules (ws; ./yike deps).
set -euo pipefail

for n in "$@"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] && (( n <= 5000 )) || { echo "error: a number of viewers must be 1..5000, got '$n'" >&2; exit 2; }
done
COUNTS=("$@")
[[ $# -gt 0 ]] || COUNTS=(100 500 1000 2000)
SIZE="${YIKE_BENCH_SIZE:-960x540}"
[[ "$SIZE" =~ ^([1-9][0-9]*)x([1-9][0-9]*)$ ]] || { echo "error: YIKE_BENCH_SIZE must be WxH, got '$SIZE'" >&2; exit 2; }
W="${BASH_REMATCH[1]}"; H="${BASH_REMATCH[2]}"
WINDOW="${YIKE_BENCH_WINDOW:-20}"
SUB_SECONDS="${YIKE_BENCH_SUB_SECONDS:-30}"
[[ "$WINDOW" =~ ^[1-9][0-9]*$ && "$SUB_SECONDS" =~ ^[0-9]+$ ]] || { echo "error: YIKE_BENCH_WINDOW and YIKE_BENCH_SUB_SECONDS are whole seconds" >&2; exit 2; }
ROOM=101

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CMDLINE="bench/live-viewers.sh${*:+ $*}"
bench_start live-viewers node
[[ -d "$ROOT/itests/browser/node_modules/ws" ]] || die "ws is not installed in itests/browser/node_modules; run: ./yike deps"
# a socket each on both sides, plus the JVM's own files
ulimit -n "$(( $(printf '%s\n' "${COUNTS[@]}" | sort -n | tail -1) * 2 + 4096 ))" 2>/dev/null || log "warning: could not raise the open-files limit ($(ulimit -n))"
log "load average before: $LOAD_BEFORE"

live_lesson_config "$W" "$H"
log "lesson: $LIVE_CONFIG"
start_yike -Dyike.record.on.start=true
wait_lesson 120
for s in live mobile recording; do wait_live "$ROOM" "$s" 30; done
WS="ws://${API#http://}"
WS="${WS%/api}/live/$ROOM"
log "Yike: lesson $LESSON recording; streams at $WS/{live,mobile,recording}"
mkdir -p "$WORK/steps"

lag_lines() { grep -c "Lesson $LESSON: encoding runs" "$WORK/yike.log" || true; }

# viewers STEP SECONDS N URL...: one run of the client; its lines in steps/STEP.json, with the load
# average before and the lesson's "behind real time" log lines during it
viewers() {
  local step="$1" secs="$2" n="$3" lag0 load
  shift 3
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  lag0="$(lag_lines)"
  YIKE_TOKEN="$(admin_token)" node "$BENCH_DIR/live-viewers.mjs" "$JPID" "$secs" "$n" "$@" >"$WORK/steps/$step.out" 2>"$WORK/steps/$step.err" \
    || { cat "$WORK/steps/$step.err" >&2; die "the viewers' client failed in step $step"; }
  yike_alive "with $n viewers"
  "$PY" - "$WORK/steps/$step.out" "$load" "$(( $(lag_lines) - lag0 ))" >"$WORK/steps/$step.json" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(json.dumps({"streams": lines, "load": sys.argv[2], "lag": int(sys.argv[3])}))
PY
}

# alone STEP SECONDS: the same window's figures with no viewer
alone() {
  local step="$1" secs="$2" lag0 load c0 t0
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  lag0="$(lag_lines)"
  c0="$(proc_cpu "$JPID")"; t0="$(now)"
  sleep "$secs"
  yike_alive "with no viewer"
  echo "{\"streams\": [{\"window\": $(awk -v a="$(now)" -v b="$t0" 'BEGIN{print a-b}'), \"serverCpu\": $(awk -v a="$(proc_cpu "$JPID")" -v b="$c0" 'BEGIN{print a-b}'), \"serverRssMb\": $(awk '/VmRSS/{print $2/1024}' "/proc/$JPID/status")}], \"load\": \"$load\", \"lag\": $(( $(lag_lines) - lag0 ))}" >"$WORK/steps/$step.json"
}

SUB_STEPS=()
if (( SUB_SECONDS > 0 )); then
  for round in 1 2; do
    log "recording alone, ${SUB_SECONDS}s (round $round)"
    alone "alone-$round" "$SUB_SECONDS"
    log "recording with 3 subscribers (live, mobile, recording), ${SUB_SECONDS}s (round $round)"
    viewers "three-$round" "$SUB_SECONDS" 3 "$WS/live" "$WS/mobile" "$WS/recording"
    SUB_STEPS+=("alone-$round" "three-$round")
  done
fi
for n in "${COUNTS[@]}"; do
  log "$n viewers of live, ${WINDOW}s once all play"
  viewers "n-$n" "$WINDOW" "$n" "$WS/live"
done

stop_lesson
REALTIME="$(realtime_words)"
log "Yike: $REALTIME"
# the rate a viewer of `live` should get: what the encoders made of the lesson, program-live.mp4's
# video and sound (FLV adds 15 bytes a tag, about 1 kB/s)
LIVE_BPS="$(LD_LIBRARY_PATH="$DATA/native/linux-x86_64" "$DATA/native/linux-x86_64/ffprobe" -v error \
  -show_entries format=bit_rate -of csv=p=0 "$LESSON_FOLDER/program-live.mp4" | head -1)"
[[ "$LIVE_BPS" =~ ^[0-9]+$ ]] || die "cannot read the bit rate of $LESSON_FOLDER/program-live.mp4"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
stop_yike

REPORT="$("$PY" - "$WORK/steps" "${SUB_STEPS[*]:-}" "${COUNTS[*]}" "$LIVE_BPS" <<'PY'
import json, statistics, sys
steps, subs, counts = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
full = int(sys.argv[4]) / 8  # bytes/s of program-live.mp4
load = lambda s: json.load(open(f"{steps}/{s}.json"))
L = []
if subs:
    L += ["Recording CPU with and without subscribers (the whole JVM over each window, in turn):", "",
          "| window | load before | subscribers | CPU s per minute | % of a core | bytes/s each (live, mobile, recording) | 'behind' log lines |",
          "|---|---|---|---:|---:|---|---:|"]
    per = {"alone": [], "three": []}
    for s in subs:
        d = load(s)
        first = d["streams"][0]
        pm = first["serverCpu"] / first["window"] * 60
        per[s.split("-")[0]].append(pm)
        rates = ", ".join(f"{x['medianBps'] / 1000:.0f} kB/s" + (f" closed {x['closed']}" if x["closed"] else "") for x in d["streams"] if "medianBps" in x)
        L.append(f"| {s} | {d['load']} | {'3' if s.startswith('three') else 'none'} | {pm:.1f} | {pm / 60 * 100:.0f} | {rates or '-'} | {d['lag']} |")
    a, t = statistics.mean(per["alone"]), statistics.mean(per["three"])
    spread = max(per["alone"]) - min(per["alone"])
    L += ["", f"- mean: alone {a:.1f}, with 3 subscribers {t:.1f} CPU s per minute ({(t - a) / a * 100:+.1f} %); "
          f"the two windows alone differ by {spread:.1f} CPU s per minute ({spread / a * 100:.1f} %: the noise)", ""]
    base = a / 60
else:
    base = None
L += [f"N WebSocket viewers of `live` (its full rate: {full / 1000:.0f} kB/s = {full * 8 / 1e6:.2f} Mbit/s, program-live.mp4's video and sound over the lesson):", "",
      "| N | load before | playing | opened in, s | window, s | JVM CPU, % of a core | over no viewer | JVM RSS, MB | per viewer kB/s min / median (max) | median, % of full rate | behind: under 90 % of full rate | pictures lost per viewer in the window, s (median / max) | closed 1008 / other | client CPU, % of a core | 'behind' log lines |",
      "|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|"]
busiest = []
for n in counts:
    d = load(f"n-{n}")
    x = d["streams"][0]
    cpu = x["serverCpu"] / x["window"]
    closed = x["closed"]
    c1008 = closed.get("1008", 0)
    other = sum(v for k, v in closed.items() if k != "1008")
    over = f"{(cpu - base) * 100:+.0f}" if base is not None else "-"
    L.append(f"| {n} | {d['load']} | {x['playing']} of {x['viewers']} | {x['openS']:.1f} | {x['window']:.1f} | **{cpu * 100:.0f}** | {over} | {x['serverRssMb']:.0f} "
             f"| {x['minBps'] / 1000:.0f} / {x['medianBps'] / 1000:.0f} ({x['maxBps'] / 1000:.0f}) | {x['medianBps'] / full * 100:.0f} | **{sum(r < 0.9 * full for r in x['rates'])}** | {x['lostMsMedian'] / 1000:.1f} / {x['lostMsMax'] / 1000:.1f} | {c1008} / {other} "
             f"| {x['clientCpu'] / x['window'] * 100:.0f} | {d['lag']} |")
    busiest.append(f"- {n} viewers: " + ", ".join(f"{t} {c} %" for t, c in x["busiest"]))
    if x["errors"]:
        L.append(f"|  | errors: {'; '.join(x['errors'])} |||||||||||||")
L += ["", "The JVM's busiest threads over each window (% of a core; Java names them, /proc cuts names at 15 characters):"] + busiest
print("\n".join(L))
PY
)"
echo
echo "$REPORT"
echo "Recording: $REALTIME"

append_results "live-viewers, N = ${COUNTS[*]}" "$(
  echo "- node $(node --version), ws $(node -p 'require(process.argv[1]).version' "$ROOT/itests/browser/node_modules/ws/package.json"), one client process on the same box, loopback"
  echo "- load average before: $LOAD_BEFORE; after: $LOAD_AFTER; before each window in the tables (the machine is shared with other engineers building and testing)"
  echo "- lesson: $LIVE_CONFIG (the default 1080p lesson does not keep real time on this box)"
  echo "- recording, over the whole run: $REALTIME"
)"
