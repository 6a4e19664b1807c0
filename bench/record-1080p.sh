#!/usr/bin/env bash
# Benchmark: Yike recording a 1080p25 lesson from the virtual classroom vs. the
# bundled FFmpeg CLI doing the same work: the same four lavfi sources generated
# live, the same program timeline (the director's cuts and picture-in-picture,
# read from the lesson's lesson.json) composed in one filter graph, and the
# same encode profiles (recording 1080p, live 720p, mobile 360p by default),
# all in one process. Measured with GNU time (CPU user+sys, peak RSS).
#
# Usage: bench/record-1080p.sh [DURATION_SECONDS]   (default 60)
#
# The program only: the raw sources' own files of resource mode are off (their bitrates 0);
# bench/raw-resources.sh runs this script with them on, the ffmpeg CLI then also encoding each
# source into a file of its own.
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

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# YIKE_BENCH_RAW_RESOURCES=1 (bench/raw-resources.sh): the raw sources' own files too
RAW_RESOURCES="${YIKE_BENCH_RAW_RESOURCES:-0}"
NAME="record-1080p"
[[ "$RAW_RESOURCES" == 1 ]] && NAME="raw-resources"
CMDLINE="bench/$NAME.sh $*"
[[ $# -eq 0 ]] && CMDLINE="bench/$NAME.sh"

bench_start bench
if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN{exit !(l > 0.5)}'; then
  echo "warning: 1-min load average is ${LOAD_BEFORE%% *} before the benchmark; other work will skew the figures" >&2
fi

# ---------------------------------------------------------------- 1. Yike ----
# The recording configuration, before the first start, in the data folder's store (<data>/config,
# Felix's file format). The defaults, but for the raw sources' own files.
mkdir -p "$DATA/config/org/yike"
{
  echo 'service.pid="org.yike.recording"'
  [[ "$RAW_RESOURCES" == 1 ]] || printf '%s\n' 'teacherResourceKbps=I"0"' 'studentResourceKbps=I"0"' \
    'coursewareResourceKbps=I"0"' 'blackboardResourceKbps=I"0"'
} >"$DATA/config/org/yike/recording.config"
start_yike -Dyike.record.on.start=true
log "Yike: recording ${DURATION}s once a lesson starts"

# Wait until a lesson is recording.
BOOT_LIMIT=120
wait_lesson "$BOOT_LIMIT"
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

stop_yike
T_END="$(now)"
BUSY_Y1="$(sys_busy)"
log "Yike: JVM exited ${KILLED}"
YIKE_TIME_RAW="$(cat "$WORK/yike.time")"
read -r Y_WALL Y_USER Y_SYS Y_RSS <<<"$(tail -1 "$WORK/yike.time")"
Y_EXIT_NOTE="$(grep -v '^[0-9.]* [0-9.]* [0-9.]* [0-9]*$' "$WORK/yike.time" || true)"
Y_WARN="$(grep -cE ' (WARN|ERROR) ' "$WORK/yike.log" || true)"

Y_LAG="$(grep -c 'behind real time' "$WORK/yike.log" || true)"

# -------------------------------------------------------------- 2. ffmpeg ----
NATIVE="$DATA/native/linux-x86_64"
FFMPEG="$NATIVE/ffmpeg"
FFPROBE="$NATIVE/ffprobe"
[[ -x "$FFMPEG" && -x "$FFPROBE" ]] || die "bundled ffmpeg/ffprobe not found in $NATIVE (Yike extracts them on boot)"

# From lesson.json: the profiles, the sources and the director's decisions
# become one ffmpeg command (NUL-separated arguments in ff.args) whose filter
# graph composes the same program timeline; plan.json describes it for the report.
FF_DIR="$WORK/ffmpeg"
mkdir -p "$FF_DIR"
"$PY" - "$LESSON_JSON" "$DURATION" "$FF_DIR" "$WORK/plan.json" "$WORK/ff.args" <<'PY' || die "cannot plan the ffmpeg run from $LESSON_JSON"
import json, os, re, sys

lesson_path, duration, ff_dir, plan_path, args_path = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
d = json.load(open(lesson_path))

def fail(msg):
    sys.stderr.write("error: " + msg + "\n")
    sys.exit(1)

# --- profiles and the files Yike wrote for them (the recording profile first: the program is made at its size)
profiles = d.get("profiles") or ([d["profile"]] if d.get("profile") else [])
if not profiles:
    fail("lesson.json names no profiles")
programs = [f for f in d.get("files", []) if f.get("kind") == "program"]
for i, p in enumerate(profiles):
    f = next((f for f in programs if f.get("profile") == p["name"]), programs[i] if i < len(programs) else None)
    if f is None or not os.path.isfile(f["path"]) or os.path.getsize(f["path"]) == 0:
        fail(f"Yike wrote no file for profile {p['name']} ({f['path'] if f else 'not listed in lesson.json'})")
    p["yike"] = f["path"]
    p["ffmpeg"] = os.path.join(ff_dir, os.path.basename(f["path"]))
    if p.get("backend", "openh264") != "openh264":
        sys.stderr.write(f"warning: Yike encoded profile {p['name']} with backend '{p['backend']}'; the ffmpeg run uses libopenh264\n")
W, H, FPS = profiles[0]["width"], profiles[0]["height"], profiles[0]["fps"]
ARATE, ACH = profiles[0]["audioSampleRate"], profiles[0]["audioChannels"]
# raw sources' own files (resource mode): each encoded at its own size and rate, named after its source
own = d.get("resourceProfiles") or []
for p in own:
    f = next((f for f in d.get("files", []) if f.get("kind") == "resource" and f.get("source") == p["name"]), None)
    if f is None or not os.path.isfile(f["path"]) or os.path.getsize(f["path"]) == 0:
        fail(f"Yike wrote no own file for {p['name']}")
    p["yike"] = f["path"]
    p["ffmpeg"] = os.path.join(ff_dir, os.path.basename(f["path"]))

# --- sources: every one becomes a live lavfi input, in lesson.json's order
video, audio = [], []
for i, s in enumerate(d["sources"]):
    loc = s["locator"]
    is_audio = s.get("role") == "MICROPHONE" or "arealtime" in loc or loc.startswith(("sine", "anullsrc", "aevalsrc"))
    (audio if is_audio else video).append((i, s))
if not video or not audio:
    fail(f"lesson.json needs at least one video and one audio source (found {len(video)} video, {len(audio)} audio)")
vindex = {s["key"]: i for i, s in video}
def short(key):
    return key.rsplit("/", 1)[-1]
# colour key of each virtual source (drawbox in the bottom-right corner), for the timeline check
keys = {}
for i, s in video:
    m = re.search(r"drawbox=x=iw-(\d+):y=ih-\d+:w=(\d+):h=\d+:color=0x([0-9A-Fa-f]{6})", s["locator"])
    if m:
        keys[s["key"]] = {"size": int(m.group(2)), "rgb": [int(m.group(3)[k:k + 2], 16) for k in (0, 2, 4)],
                          "name": short(s["key"])}

# --- the program timeline: the decisions as [from, to) intervals of the first DURATION seconds
SOURCES_OF = {"FULL": 1, "PIP_TOP_LEFT": 2, "PIP_TOP_RIGHT": 2, "PIP_BOTTOM_LEFT": 2, "PIP_BOTTOM_RIGHT": 2,
              "SIDE_BY_SIDE": 2, "QUAD": 4}
decisions = sorted(d.get("decisions") or [], key=lambda x: x["atMillis"])
if not decisions:
    decisions = [{"atMillis": 0, "layout": "FULL", "sources": [video[0][1]["key"]]}]
shots = []   # {"from", "to", "layout", "sources"}
for k, dec in enumerate(decisions):
    a = max(0.0, dec["atMillis"] / 1000)
    b = min(duration, decisions[k + 1]["atMillis"] / 1000 if k + 1 < len(decisions) else duration)
    layout = dec["layout"]
    if layout not in SOURCES_OF:
        fail(f"unknown layout {layout} in lesson.json's decisions")
    srcs = dec["sources"][:SOURCES_OF[layout]]
    if any(s not in vindex for s in srcs):   # Yike keeps the shot it has
        if not shots:
            layout, srcs = "FULL", [video[0][1]["key"]]
        else:
            layout, srcs = shots[-1]["layout"], shots[-1]["sources"]
    if shots and shots[-1]["layout"] == layout and shots[-1]["sources"] == srcs:
        shots[-1]["to"] = max(shots[-1]["to"], b)
        continue
    if b <= a:
        continue
    shots.append({"from": a, "to": b, "layout": layout, "sources": srcs})
if not shots:
    shots = [{"from": 0.0, "to": duration, "layout": "FULL", "sources": [video[0][1]["key"]]}]
shots[0]["from"] = 0.0

def describe(layout, srcs):
    if layout == "FULL":
        return short(srcs[0])
    if layout.startswith("PIP_"):
        return f"{short(srcs[0])} + {short(srcs[1])} PiP {layout[4:].lower().replace('_', '-')}"
    return f"{layout.lower().replace('_', ' ')} of " + ", ".join(short(s) for s in srcs)
for s in shots:
    s["text"] = describe(s["layout"], s["sources"])

# --- the filter graph
def even(n):
    return n & ~1
distinct = []   # (layout, sources) in order of first appearance
for s in shots:
    k = (s["layout"], tuple(s["sources"]))
    if k not in distinct:
        distinct.append(k)
uses = {key: 0 for key in vindex}
for layout, srcs in distinct:
    for key in srcs:
        uses[key] += 1
for p in own:
    if p["name"] not in vindex:
        fail(f"lesson.json has an own file of {p['name']}, which is no video source")
    uses[p["name"]] += 1
graph = []
pads = {}   # source key -> labels still free
for i, s in video:
    n = uses[s["key"]]
    if n == 0:   # generated and decoded like in Yike, shown never
        graph.append(f"[{i}:v]nullsink")
    elif n == 1:
        pads[s["key"]] = [f"[{i}:v]"]
    else:
        labels = [f"[v{i}s{j}]" for j in range(n)]
        graph.append(f"[{i}:v]split={n}" + "".join(labels))
        pads[s["key"]] = labels

half = 0.5 / FPS   # a cut at frame n (n / FPS s) takes effect from that frame on
def when(layout, srcs):
    terms = []
    for s in shots:
        if s["layout"] == layout and tuple(s["sources"]) == srcs:
            lo = "" if s["from"] <= 0 else f"gte(t,{s['from'] - half:.3f})"
            hi = "" if s["to"] >= duration else f"lt(t,{s['to'] - half:.3f})"
            terms.append("*".join(x for x in (lo, hi) if x) or "1")
    return "+".join(terms)

# the same graphs as org.yike.recording.internal.program.Composer
def compose(n, layout, srcs, enable):
    ins = [pads[key].pop() for key in srcs]
    out = f"[shot{n}]"
    margin, pw, ph, hw, hh = even(H // 30), even(W // 4), even(H // 4), even(W // 2), even(H // 2)
    if layout == "FULL":
        return ins[0]
    if layout.startswith("PIP_"):
        left = layout in ("PIP_TOP_LEFT", "PIP_BOTTOM_LEFT")
        top = layout in ("PIP_TOP_LEFT", "PIP_TOP_RIGHT")
        x, y = (margin if left else W - pw - margin), (margin if top else H - ph - margin)
        graph.append(f"{ins[1]}scale={pw}:{ph}[pip{n}];{ins[0]}[pip{n}]overlay=x={x}:y={y}:format=yuv420"
                     f"{enable},format=yuv420p{out}")
        return out
    if layout == "SIDE_BY_SIDE":
        graph.append(f"{ins[0]}scale={hw}:{hh}[sa{n}];{ins[1]}scale={hw}:{hh}[sb{n}];[sa{n}][sb{n}]hstack=inputs=2,"
                     f"pad={W}:{H}:0:{even((H - hh) // 2)}:black,format=yuv420p{out}")
        return out
    q = "".join(f"[q{n}{c}]" for c in "abcd")
    graph.append(";".join(f"{ins[j]}scale={hw}:{hh}[q{n}{'abcd'[j]}]" for j in range(4))
                 + f";{q}xstack=inputs=4:layout=0_0|w0_0|0_h0|w0_h0,pad={W}:{H},format=yuv420p{out}")
    return out

layout0, srcs0 = distinct[0]
cur = compose(0, layout0, srcs0, "")
for n, (layout, srcs) in enumerate(distinct[1:], 1):
    expr = when(layout, srcs)
    pic = compose(n, layout, srcs, f":enable='{expr}'")
    graph.append(f"{cur}{pic}overlay=x=0:y=0:enable='{expr}'[prog{n}]")
    cur = f"[prog{n}]"
if not cur.startswith("[prog"):   # one shot throughout: give the program a label of its own
    graph.append(f"{cur}null[prog]")
    cur = "[prog]"
P = len(profiles)
vouts = []
if P == 1:
    vouts = [cur]
else:
    graph.append(f"{cur}split={P}" + "".join(f"[p{j}]" for j in range(P)))
    vouts = [f"[p{j}]" for j in range(P)]
for j, p in enumerate(profiles):
    if (p["width"], p["height"]) != (W, H):   # Yike: swscale in the profile's recorder, bilinear (javacv's default)
        graph.append(f"{vouts[j]}scale={p['width']}:{p['height']}:flags=bilinear[o{j}]")
        vouts[j] = f"[o{j}]"
# sound: each microphone as 16-bit PCM at the profile's rate and channels, summed (Yike's Mixer,
# gain 1), the same samples to every profile's AAC encoder
layout_name = {1: "mono", 2: "stereo"}[ACH]
fmt = f"aformat=sample_fmts=s16:sample_rates={ARATE}:channel_layouts={layout_name}"
if len(audio) == 1:
    mix = f"[{audio[0][0]}:a]{fmt}"
else:
    mix = "".join(f"[{i}:a]{fmt}[m{i}];" for i, _ in audio) + "".join(f"[m{i}]" for i, _ in audio) \
        + f"amix=inputs={len(audio)}:normalize=0,{fmt}"
graph.append(mix + (f",asplit={P}" + "".join(f"[a{j}]" for j in range(P)) if P > 1 else "[a0]"))
for k, p in enumerate(own):   # the source as it came, at its own size: Yike gives its encoder the picture it read
    graph.append(f"{pads[p['name']].pop()}null[own{k}]")
    p["pad"] = f"[own{k}]"
graph_text = ";".join(graph)

# --- the command
args = ["-hide_banner", "-nostdin", "-nostats", "-y"]
for i, s in enumerate(d["sources"]):
    args += ["-f", "lavfi", "-t", f"{duration:g}", "-i", s["locator"]]
args += ["-filter_complex", graph_text]
for j, p in enumerate(profiles):
    args += ["-map", vouts[j], "-map", f"[a{j}]",
             "-c:v", "libopenh264", "-b:v", f"{p['videoKbps']}k", "-g", str(p["gopFrames"]),
             "-allow_skip_frames", "0", "-rc_mode", "bitrate", "-pix_fmt", "yuv420p", "-r", str(p["fps"]),
             "-c:a", "aac", "-b:a", f"{p['audioKbps']}k", "-ar", str(p["audioSampleRate"]), "-ac", str(p["audioChannels"]),
             "-movflags", "+frag_keyframe+empty_moov+delay_moov+default_base_moof",
             "-frag_duration", "1000000", "-flush_packets", "1", p["ffmpeg"]]
for p in own:
    args += ["-map", p["pad"], "-an",
             "-c:v", "libopenh264", "-b:v", f"{p['videoKbps']}k", "-g", str(p["gopFrames"]),
             "-allow_skip_frames", "0", "-rc_mode", "bitrate", "-pix_fmt", "yuv420p", "-r", str(p["fps"]),
             "-movflags", "+frag_keyframe+empty_moov+delay_moov+default_base_moof",
             "-frag_duration", "1000000", "-flush_packets", "1", p["ffmpeg"]]
open(args_path, "w").write("\0".join(args) + "\0")

# --- what the report needs
def region(x, y, w, h):
    return {"x": int(x), "y": int(y), "w": int(w), "h": int(h)}
for s in shots:
    checks = []
    main = keys.get(s["sources"][0])
    if main and s["layout"] in SOURCES_OF and (s["layout"] == "FULL" or s["layout"].startswith("PIP_")):
        # the main picture's key: its bottom-right-most pixels, which no PiP corner covers
        checks.append({"what": "picture", "expect": s["sources"][0], **region(W - 16, H - 16, 12, 12)})
    if s["layout"].startswith("PIP_") and keys.get(s["sources"][1]):
        margin, pw, ph = even(H // 30), even(W // 4), even(H // 4)
        left, top = s["layout"] in ("PIP_TOP_LEFT", "PIP_BOTTOM_LEFT"), s["layout"] in ("PIP_TOP_LEFT", "PIP_TOP_RIGHT")
        x, y = (margin if left else W - pw - margin), (margin if top else H - ph - margin)
        kx, ky = keys[s["sources"][1]]["size"] * pw / W, keys[s["sources"][1]]["size"] * ph / H
        side = max(2, int(min(kx, ky) / 2))
        checks.append({"what": "PiP", "expect": s["sources"][1],
                       **region(x + pw - kx / 2 - side / 2, y + ph - ky / 2 - side / 2, side, side)})
    s["checks"] = checks
json.dump({"profiles": profiles, "own": own, "program": {"width": W, "height": H, "fps": FPS}, "shots": shots, "keys": keys,
           "graph": graph_text, "inputs": {"video": [i for i, _ in video], "audio": [i for i, _ in audio]}},
          open(plan_path, "w"), indent=1)
print(f"{len(video)} video + {len(audio)} audio live sources, {P} profiles ("
      + ", ".join(f"{p['name']} {p['width']}x{p['height']}" for p in profiles) + f"), {len(own)} own files; timeline: "
      + "; ".join(f"{s['from']:.2f} s {s['text']}" for s in shots))
PY
mapfile -d '' FF_ARGS <"$WORK/ff.args"
GRAPH="$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["graph"])' "$WORK/plan.json")"
FF_CMD_TEXT="LD_LIBRARY_PATH=\$NATIVE ffmpeg"
for a in "${FF_ARGS[@]}"; do
  if [[ "$a" == "$GRAPH" ]]; then FF_CMD_TEXT+=' "$GRAPH"'; else FF_CMD_TEXT+=" $(printf '%q' "$a")"; fi
done

log "ffmpeg: the same sources, timeline and profiles for ${DURATION}s"
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
cat >"$WORK/measured.json" <<JSON
{"duration": $DURATION,
 "yike": {"wall": $Y_WALL, "user": $Y_USER, "sys": $Y_SYS, "rss_kb": $Y_RSS, "busy0": $BUSY_Y0, "busy1": $BUSY_Y1,
          "lag_warnings": ${Y_LAG:-0}, "boot_wall": $BOOT_WALL, "cpu_boot": $CPU_BOOT, "cpu_stop": $CPU_STOP,
          "t_rec": $T_REC, "t_stop": $T_STOP, "t_stop_done": $T_STOP_DONE},
 "ffmpeg": {"wall": $F_WALL, "user": $F_USER, "sys": $F_SYS, "rss_kb": $F_RSS, "busy0": $BUSY_F0, "busy1": $BUSY_F1}}
JSON
log "probing the files and checking the timeline"
REPORT="$(LD_LIBRARY_PATH="$NATIVE" "$PY" - "$WORK" "$FFPROBE" "$FFMPEG" <<'PY'
import json, os, subprocess, sys

work, ffprobe, ffmpeg = sys.argv[1:4]
plan = json.load(open(os.path.join(work, "plan.json")))
m = json.load(open(os.path.join(work, "measured.json")))
profiles, shots, keys, own = plan["profiles"], plan["shots"], plan["keys"], plan.get("own", [])
W, H = plan["program"]["width"], plan["program"]["height"]
SIDES = (("yike", "Yike"), ("ffmpeg", "ffmpeg"))

def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return 0.0

def probe(path):
    d = json.loads(subprocess.run([ffprobe, "-v", "error", "-show_entries",
                                   "format=duration,size:stream=index,codec_type,codec_name,profile,width,height,sample_rate,channels,duration",
                                   "-of", "json", path], capture_output=True, text=True, check=True).stdout)
    pk = subprocess.run([ffprobe, "-v", "error", "-show_entries", "packet=stream_index,size,flags", "-of", "csv=p=0", path],
                        capture_output=True, text=True, check=True).stdout.split()
    f = d.get("format", {})
    v = next((s for s in d.get("streams", []) if s.get("codec_type") == "video"), {})
    a = next((s for s in d.get("streams", []) if s.get("codec_type") == "audio"), {})
    vbytes = vframes = vkeys = aframes = longest = last_key = 0
    for line in pk:
        idx, size, flags = line.split(",")[:3]
        if int(idx) == v.get("index"):
            vframes += 1
            vbytes += int(size)
            if "K" in flags:   # baseline: no B-frames, packet order is picture order
                vkeys += 1
                longest = max(longest, vframes - 1 - last_key)
                last_key = vframes - 1
        elif int(idx) == a.get("index"):
            aframes += 1
    fdur = num(f.get("duration"))
    vdur, adur = num(v.get("duration")) or fdur, num(a.get("duration")) or fdur
    return dict(vdur=vdur, adur=adur, fdur=fdur, size=int(f.get("size", 0) or 0), vbytes=vbytes,
                vcodec=v.get("codec_name", "-"), vprofile=v.get("profile", ""), w=v.get("width", 0), h=v.get("height", 0),
                vframes=vframes, vkeys=vkeys, longest=max(longest, vframes - last_key), acodec=a.get("codec_name", "-"), aprofile=a.get("profile", ""),
                arate=a.get("sample_rate", "-"), ach=a.get("channels", 0), aframes=aframes)

warn, L = [], []
probes = {}
for p in profiles + own:
    for side, _ in SIDES:
        probes[(p["name"], side)] = probe(p[side])

# --- timeline
L.append("Program timeline (lesson.json's decisions, followed by the ffmpeg graph):")
L.append("- " + "; ".join(f"{s['from']:.2f}-{s['to']:.2f} s {s['text']}" for s in shots))
share = {}
for s in shots:
    share[s["text"]] = share.get(s["text"], 0) + s["to"] - s["from"]
total = sum(share.values()) or 1
L.append("- share of the first %g s: " % m["duration"] + ", ".join(f"{t} {v / total * 100:.0f}%" for t, v in share.items()))

def frame_rgb(path, t):
    out = subprocess.run([ffmpeg, "-v", "error", "-nostdin", "-ss", f"{t:.3f}", "-i", path, "-frames:v", "1",
                          "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], capture_output=True).stdout
    return out if len(out) == W * H * 3 else None

def colour(img, r):
    n, acc = 0, [0, 0, 0]
    for y in range(r["y"], r["y"] + r["h"]):
        row = (y * W + r["x"]) * 3
        for x in range(r["w"]):
            for c in range(3):
                acc[c] += img[row + 3 * x + c]
            n += 1
    rgb = [a / n for a in acc]
    best, dist = None, 1e9
    for key, k in keys.items():
        dd = sum((rgb[c] - k["rgb"][c]) ** 2 for c in range(3)) ** 0.5
        if dd < dist:
            best, dist = key, dd
    return best if dist < 120 else None

rec = profiles[0]
shortest = min(probes[(rec["name"], side)]["vdur"] for side, _ in SIDES)
checked, bad = 0, []
for s in shots:
    if not s["checks"] or s["to"] - s["from"] < 1.0:
        continue
    t = (s["from"] + min(s["to"], shortest)) / 2
    if t > shortest - 0.5:
        continue
    for side, name in SIDES:
        img = frame_rgb(rec[side], t)
        for c in s["checks"]:
            got = colour(img, c) if img else None
            if got != c["expect"]:
                bad.append(f"{name} at {t:.1f} s ({s['text']}): {c['what']} shows "
                           f"{keys[got]['name'] if got else 'no known colour key'}, expected {keys[c['expect']]['name']}")
    checked += 1
if keys:
    L.append(f"- check: colour keys decoded from both {rec['name']} files at the middle of {checked} shots: "
             + ("all as the timeline says" if not bad else f"{len(bad)} differences (see warnings)"))
    warn += bad

# --- per-profile sanity
L.append("")
L.append("Sanity (ffprobe), per profile and own file:")
L.append("")
L.append("| profile (target) | side | video | frames in s (fps), key frames | audio | size, MB | video kbit/s (of target) | overall kbit/s |")
L.append("|---|---|---|---:|---|---:|---:|---:|")
for p in profiles + own:
    target = f"{p['name']}: {p['width']}x{p['height']} {p['fps']} fps {p['videoKbps']}k GOP {p['gopFrames']}"
    frames = {}
    for side, name in SIDES:
        q = probes[(p["name"], side)]
        fps = q["vframes"] / q["vdur"] if q["vdur"] else 0
        vk = q["vbytes"] * 8 / q["vdur"] / 1000 if q["vdur"] else 0
        overall = q["size"] * 8 / q["fdur"] / 1000 if q["fdur"] else 0
        L.append(f"| {target if side == 'yike' else ''} | {name} | {q['vcodec']} {q['vprofile']} {q['w']}x{q['h']} "
                 f"| {q['vframes']} in {q['vdur']:.2f} ({fps:.2f}), {q['vkeys']} (longest gap {q['longest']}) "
                 f"| {q['acodec']} {q['aprofile']} {q['arate']} Hz {q['ach']} ch, {q['adur']:.2f} s "
                 f"| {q['size'] / 1e6:.1f} | {vk:.0f} ({vk / p['videoKbps'] * 100:.0f}%) | {overall:.0f} |")
        who = f"{name} {p['name']}"
        if (q["w"], q["h"]) != (p["width"], p["height"]):
            warn.append(f"{who}: {q['w']}x{q['h']}, profile says {p['width']}x{p['height']}")
        if q["vdur"] and abs(fps - p["fps"]) > 0.5:
            warn.append(f"{who}: {fps:.2f} fps, profile says {p['fps']}")
        if p in profiles and abs(q["vdur"] - q["adur"]) > 1:
            warn.append(f"{who}: audio and video lengths differ by {q['adur'] - q['vdur']:+.1f} s")
        if q["longest"] > p["gopFrames"]:
            warn.append(f"{who}: {q['longest']} frames without a key frame, profile says {p['gopFrames']}")
        expected = ("h264", "aac" if p in profiles else "-")
        if (q["vcodec"], q["acodec"]) != expected:
            warn.append(f"{who}: {q['vcodec']}/{q['acodec']}, expected {'/'.join(expected)}")

# --- headline
y, f = probes[(rec["name"], "yike")], probes[(rec["name"], "ffmpeg")]
Y, F = m["yike"], m["ffmpeg"]
for X in (Y, F):
    X["cpu"] = X["user"] + X["sys"]
    X["rss"] = X["rss_kb"] / 1024
    X["other"] = X["busy1"] - X["busy0"] - X["cpu"]
def per_min(cpu, dur):
    return cpu / (dur / 60) if dur > 0 else float("nan")
def ratio(a, b):
    return a / b if b else float("nan")
ypm, fpm = per_min(Y["cpu"], y["vdur"]), per_min(F["cpu"], f["vdur"])
win_wall = Y["t_stop"] - Y["t_rec"]
win_cpu = Y["cpu_stop"] - Y["cpu_boot"]
stop_s = Y["t_stop_done"] - Y["t_stop"]
y_late = Y["lag_warnings"] > 0 or stop_s > 2
f_behind = F["wall"] - f["vdur"]
f_late = f_behind > max(2.0, 0.03 * f["vdur"])
y_rt = (("FELL BEHIND" if y_late else "kept up") + f": {Y['lag_warnings']} 'behind real time' log lines, "
        f"stop answered in {stop_s:.1f} s")
f_rt = (("FELL BEHIND" if f_late else "kept up") + f": {F['wall']:.1f} s wall for {f['vdur']:.1f} s of live sources")
if y_late:
    warn.append(f"Yike did not keep up with real time ({y_rt})")
if f_late:
    warn.append(f"ffmpeg did not keep up with real time ({f_rt})")
L.append("")
L.append("| | Yike (JVM) | ffmpeg CLI | Yike/ffmpeg |")
L.append("|---|---:|---:|---:|")
L.append(f"| recorded duration, s (ffprobe, {rec['name']} video) | {y['vdur']:.2f} | {f['vdur']:.2f} | |")
L.append(f"| process wall time, s | {Y['wall']:.2f} | {F['wall']:.2f} | |")
L.append(f"| real time | {y_rt} | {f_rt} | |")
L.append(f"| CPU user + sys, s | {Y['user']:.2f} + {Y['sys']:.2f} = {Y['cpu']:.2f} | {F['user']:.2f} + {F['sys']:.2f} = {F['cpu']:.2f} | {ratio(Y['cpu'], F['cpu']):.2f} |")
L.append(f"| **CPU s per recorded minute** | **{ypm:.1f}** | **{fpm:.1f}** | **{ratio(ypm, fpm):.2f}** |")
L.append(f"| **peak RSS, MB** | **{Y['rss']:.0f}** | **{F['rss']:.0f}** | **{ratio(Y['rss'], F['rss']):.2f}** |")
L.append(f"| other processes' CPU during the run, s (machine busy time minus the measured process) | {Y['other']:.2f} | {F['other']:.2f} | |")
for name, X in (("Yike", Y), ("ffmpeg", F)):
    if X["wall"] and X["other"] / X["wall"] > 0.10:
        warn.append(f"other processes used {X['other']:.1f} CPU s ({X['other'] / X['wall'] * 100:.0f}% of a core) during the {name} run: figures are skewed")
L.append("")
L.append("Yike CPU breakdown (from /proc/PID/stat; all of it is included above, nothing subtracted):")
L.append(f"- boot (JVM start until /api/status lists the lesson, {Y['boot_wall']:.1f} s wall): {Y['cpu_boot']:.2f} CPU s")
wpm = per_min(win_cpu, win_wall)
L.append(f"- recording window ({win_wall:.1f} s wall): {win_cpu:.2f} CPU s = {wpm:.1f} CPU s/min "
         f"({ratio(wpm, fpm):.2f}x ffmpeg's per-minute figure, {win_cpu / win_wall * 100 if win_wall else 0:.0f}% of one core)")
L.append(f"- stop + JVM shutdown: {Y['cpu'] - Y['cpu_stop']:.2f} CPU s (POST .../stop took {stop_s:.1f} s to answer)")
L.append(f"- ffmpeg for comparison: {F['cpu'] / F['wall'] * 100 if F['wall'] else 0:.0f}% of one core over its {F['wall']:.1f} s wall")
if warn:
    L.append("")
    L += ["WARNING: " + w for w in warn]
print("\n".join(L))
PY
)" || die "the report failed (set YIKE_BENCH_KEEP=1 to keep $WORK)"

echo
echo "$REPORT"
echo
[[ -n "$Y_EXIT_NOTE" ]] && echo "GNU time on Yike: $Y_EXIT_NOTE"
[[ -n "$KILLED" ]] && echo "$KILLED"
echo "Yike log: $Y_WARN WARN/ERROR lines"

if [[ "${YIKE_BENCH_NO_RESULTS:-0}" != 1 ]]; then
  PROFILES_TEXT="$("$PY" -c '
import json, sys
p = json.load(open(sys.argv[1]))["profiles"]
words = {1: "one profile", 2: "two profiles", 3: "three profiles", 4: "four profiles"}
print(words.get(len(p), "%d profiles" % len(p)))' "$WORK/plan.json")"
  results_file
  {
    echo
    OWN_TEXT=""
    [[ "$RAW_RESOURCES" == 1 ]] && OWN_TEXT=", the raw sources' own files"
    echo "## $(date -u '+%Y-%m-%d %H:%M UTC') -- $NAME, ${DURATION} s, ${PROFILES_TEXT}, movie mode$OWN_TEXT"
    echo
    echo "Command: \`$CMDLINE\`"
    echo
    machine_lines "$FFMPEG"
    echo "- load average before the run: $LOAD_BEFORE"
    echo "- Yike: java ${YIKE_JAVA_OPTS:+$YIKE_JAVA_OPTS }-Dyike.record.on.start=true -jar yike.jar (org.yike.recording in <data>/config: $(grep -v service.pid "$DATA/config/org/yike/recording.config" | tr '\n' ' ' || true)defaults otherwise); lesson $LESSON; stop answered HTTP $HTTP_CODE ($STOP_STATE); ${Y_WARN} WARN/ERROR log lines${Y_EXIT_NOTE:+; GNU time: $Y_EXIT_NOTE}${KILLED:+; $KILLED}"
    echo "- ffmpeg: \`${FF_CMD_TEXT}\`"
    echo "- where GRAPH is: \`${GRAPH}\`"
    echo
    echo "$REPORT"
  } >>"$RESULTS"
  echo "appended to $RESULTS"
fi
