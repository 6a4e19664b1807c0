#!/usr/bin/env bash
# The analysis plugins' cost (issue 19), in two runs of the product jar recording the same lesson: the
# virtual classroom 101 with people (a teacher walking, students rising every 20 s, a new slide every
# 30 s; it posts none of it itself) at 960x540, the recording profile alone (960x540, 1500 kbit/s).
#  1. without detectors: teacher tracking pointed at no camera, no board detector;
#  2. with them: teacher tracking on the teacher camera, the board detector on the courseware and the
#     board, and the stand-up detector installed as a school would, from the runtime's own repository
#     through /api/modules (signed here with a key made for the run), OpenCV coming along.
# Over a window of WINDOW seconds (after 15 s of warm-up) each run measures the JVM's CPU, the share of
# its source readers (which scale the detectors' pictures), each detector thread's CPU and what the
# detectors told (from lesson.json); the lesson must keep real time. Goal: each detector at most 10 % of
# a core per camera, the recording's CPU within noise.
#
# Usage: bench/vision.sh [WINDOW]   (default 60; about 2 x (WINDOW + 40) s)
# Environment: YIKE_JAR, YIKE_JAVA_OPTS, YIKE_BENCH_KEEP=1, YIKE_BENCH_NO_RESULTS=1 (as the other benches).
# Builds nothing (needs bundles/org.yike.lib.opencv and org.yike.vision.standup built). Needs: java,
# keytool, jarsigner, curl, python3.
set -euo pipefail

WINDOW="${1:-60}"
[[ "$WINDOW" =~ ^[1-9][0-9]*$ ]] || { echo "error: the window is whole seconds, got '$WINDOW'" >&2; exit 2; }
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CMDLINE="bench/vision.sh${*:+ $*}"
bench_start vision
log "load average before: $LOAD_BEFORE"
MODULES=("$ROOT/bundles/org.yike.lib.opencv/target/org.yike.lib.opencv-"*.jar "$ROOT/bundles/org.yike.vision.standup/target/org.yike.vision.standup-"*.jar)
for m in "${MODULES[@]}"; do [[ -f "$m" ]] || die "$m not built; run: mvn -B -DskipTests install"; done
# the district's key for this run: the stand-up detector and OpenCV are signed with it and trusted
keytool -genkeypair -alias bench -keyalg RSA -keysize 2048 -dname "CN=Yike vision bench" -validity 2 \
  -keystore "$WORK/bench.p12" -storetype PKCS12 -storepass bench-pass >/dev/null 2>&1 || die "keytool could not make a key"
keytool -exportcert -rfc -alias bench -keystore "$WORK/bench.p12" -storepass bench-pass >"$WORK/bench.pem" 2>/dev/null
mkdir -p "$WORK/signed"
for m in "${MODULES[@]}"; do
  jarsigner -keystore "$WORK/bench.p12" -storepass bench-pass -signedjar "$WORK/signed/$(basename "$m")" "$m" bench >/dev/null \
    || die "jarsigner could not sign $m"
done

# threads PID: "name<TAB>cpu seconds" per thread name (summed), from /proc
threads() {
  "$PY" - "$1" "$CLK_TCK" <<'PY'
import glob, sys, collections
pid, hz = sys.argv[1], int(sys.argv[2])
cpu = collections.Counter()
for task in glob.glob(f"/proc/{pid}/task/*"):
    try:
        comm = open(f"{task}/comm").read().strip()
        f = open(f"{task}/stat").read().rsplit(")", 1)[1].split()
        cpu[comm] += (int(f[11]) + int(f[12])) / hz
    except OSError:
        pass
for name, s in cpu.items():
    print(f"{name}\t{s:.2f}")
PY
}

# double VALUE: a double as Felix's configuration files keep it (D and the IEEE 754 bits as a long)
double() { "$PY" -c 'import struct, sys; print("D\"%d\"" % struct.unpack(">q", struct.pack(">d", float(sys.argv[1])))[0])' "$1"; }

# configure PHASE: the data folder's configuration for a run, written before its start
configure() {
  rm -rf "$DATA"
  mkdir -p "$DATA/config/org/yike/driver/virtual/classroom" "$DATA/config/org/yike/vision/board" "$DATA/config/org/yike/director"
  printf '%s\n' 'service.pid="org.yike.recording"' 'width=I"960"' 'height=I"540"' 'videoKbps=I"1500"' 'liveKbps=I"0"' \
    'mobileKbps=I"0"' 'teacherResourceKbps=I"0"' 'studentResourceKbps=I"0"' 'coursewareResourceKbps=I"0"' \
    'blackboardResourceKbps=I"0"' >"$DATA/config/org/yike/recording.config"
  printf '%s\n' 'service.factoryPid="org.yike.driver.virtual.classroom"' 'service.pid="org.yike.driver.virtual.classroom.bench"' \
    'id="virtual-101"' 'width=I"960"' 'height=I"540"' 'people=B"true"' 'scriptedEvents=B"false"' \
    'studentStandsEverySeconds=I"20"' 'coursewareChangesEverySeconds=I"30"' >"$DATA/config/org/yike/driver/virtual/classroom/bench.config"
  printf '%s\n' 'service.pid="org.yike.director.classroom"' "teacherCropSize=$(double 0.5)" >"$DATA/config/org/yike/director/classroom.config"
  if [[ "$1" == with ]]; then
    printf '%s\n' 'service.pid="org.yike.vision.tracking"' 'role="teacher"' "podiumLeft=$(double 0.6)" "podiumRight=$(double 1.0)" \
      >"$DATA/config/org/yike/vision/tracking.config"
    printf '%s\n' 'service.factoryPid="org.yike.vision.board"' 'service.pid="org.yike.vision.board.bench"' \
      >"$DATA/config/org/yike/vision/board/bench.config"
  else
    printf '%s\n' 'service.pid="org.yike.vision.tracking"' 'source="none/none"' >"$DATA/config/org/yike/vision/tracking.config"
  fi
}

declare -A RESULT
run() {
  local phase="$1" cpu0 cpu1 t0 t1 load j
  configure "$phase"
  start_yike -Dyike.record.on.start=true -Dyike.trust="$WORK/bench.pem" -Dyike.repositories="file://$DATA/repository/index.xml"
  wait_lesson 120
  if [[ "$phase" == with ]]; then
    for j in "$WORK/signed/"*.jar; do
      curl -sS --fail-with-body -H 'Content-Type: application/java-archive' --data-binary "@$j" "$API/repository/bundles" >/dev/null \
        || die "publishing $(basename "$j") failed"
    done
    curl -sS --fail-with-body -H 'Content-Type: application/json' -d '{"bsn": "org.yike.vision.standup"}' "$API/modules" \
      >"$WORK/install.json" || die "installing the stand-up detector failed: $(cat "$WORK/install.json")"
    log "with detectors: the stand-up detector installed during lesson $LESSON, OpenCV with it"
  fi
  log "$phase detectors: lesson $LESSON recording; warming up 15 s"
  sleep 15
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  threads "$JPID" >"$WORK/$phase-threads-0.tsv"
  cpu0="$(proc_cpu "$JPID")"; t0="$(now)"
  sleep "$WINDOW"
  cpu1="$(proc_cpu "$JPID")"; t1="$(now)"
  threads "$JPID" >"$WORK/$phase-threads-1.tsv"
  stop_lesson
  RESULT[$phase]="$load|$(awk -v a="$cpu0" -v b="$cpu1" -v s="$t0" -v e="$t1" 'BEGIN{printf "%.1f", (b-a)/(e-s)*100}')|$(awk -v s="$t0" -v e="$t1" 'BEGIN{printf "%.1f", e-s}')|$(realtime_words)"
  cp "$LESSON_FOLDER/lesson.json" "$WORK/$phase-lesson.json"
  stop_yike
}

run without
run with
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

REPORT="$("$PY" - "$WORK" "${RESULT[without]}" "${RESULT[with]}" <<'PY'
import json, sys, collections
work = sys.argv[1]
runs = {"without": sys.argv[2].split("|"), "with": sys.argv[3].split("|")}
def threads(phase):
    read = lambda i: {l.split("\t")[0]: float(l.split("\t")[1]) for l in open(f"{work}/{phase}-threads-{i}.tsv") if "\t" in l}
    a, b = read(0), read(1)
    return {n: b[n] - a.get(n, 0) for n in b}
def told(phase):
    c = collections.Counter(e["type"] for e in json.load(open(f"{work}/{phase}-lesson.json"))["classroomEvents"])
    return ", ".join(f"{k} {v}" for k, v in sorted(c.items())) or "nothing"
L = ["| detectors | load before | JVM CPU, % of a core | source readers (yike-source-*), % | detector threads, % of a core (threads of one name summed) | told (lesson.json) | recording |",
     "|---|---|---:|---:|---|---|---|"]
detectors = ("yike-tracking", "yike-vision-boa", "stand-ups")  # Java's names, cut at 15 characters
for phase, (load, cpu, window, words) in runs.items():
    t = threads(phase)
    w = float(window)
    readers = sum(s for n, s in t.items() if n.startswith("yike-source")) / w * 100
    det = ", ".join(f"{n} {s / w * 100:.1f}" for n, s in sorted(t.items()) if n.startswith(detectors)) or "-"
    L.append(f"| {phase} | {load} | **{float(cpu):.0f}** | {readers:.0f} | {det} | {told(phase)} | {words} |")
a, b = float(runs["without"][1]), float(runs["with"][1])
L += ["", f"- with the detectors the JVM used {b - a:+.1f} % of a core ({(b - a) / a * 100:+.1f} %); the window was {runs['with'][2]} s each;"
      " the two runs are separate JVMs on a shared machine, so a few % either way is noise"]
print("\n".join(L))
PY
)"
echo "$REPORT"
append_results "vision, ${WINDOW} s per run" "- load average before: $LOAD_BEFORE; after: $LOAD_AFTER (the machine is shared with other engineers building and testing)
- lesson: virtual classroom 101 at 960x540 25 fps with people (teacher walking 8 s / 4 s, a student rising every 20 s for 6 s, a slide every 30 s; scriptedEvents=false), the recording profile alone 960x540 1500 kbit/s (openh264), classroom director with teacherCropSize 0.5
- detectors: teacher tracking (320x180 grey, 8 fps), board detector on courseware and blackboard (320x180, 2 fps), stand-up detector (640x360 grey, 5 fps; installed through /api/modules from the runtime's repository once the lesson recorded, OpenCV with it)"
