#!/usr/bin/env python3
"""Helpers of bench/resource-cameras.sh (run by it, one subcommand a call):

  threads PID OUT.json          CPU ticks of each thread of PID, with its name (/proc/PID/task/*/stat)
  online COUNT < devices.json   exit 0 when devices c01..cCOUNT are all ONLINE, else print their states
  probe OUT.json FILE...        ffprobe (FFPROBE in the environment) of each file: durations, frames, codecs
  lesson STOP.json STEP.json [--warm-up]   adds a finished lesson's program and resource files (probed, with
                                their start offsets) to STEP.json; checks c01 was on screen throughout (the
                                warm-up: also one 640x360 profile, one resource file); prints the lesson's folder
  tails FILE...                 the last line of each file, as JSON
  warnings PATTERN FILE...      the lines of the files that match PATTERN, most frequent first, as JSON
  verdict STEP.json             exit 0 if that Yike run kept up with real time, else say why
  report WORK                   the report: reads WORK/run.json and WORK/steps/*.json, prints Markdown
"""
import glob
import json
import os
import subprocess
import sys

HZ = os.sysconf("SC_CLK_TCK")


def threads(pid, out):
    found = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                s = f.read()
        except OSError:
            continue  # ended meanwhile
        fields = s[s.rindex(")") + 2:].split()
        found[tid] = [s[s.index("(") + 1:s.rindex(")")], int(fields[11]) + int(fields[12])]
    with open(out, "w") as f:
        json.dump(found, f)


def online(count):
    devices = {d["id"]: d for d in json.load(sys.stdin)}
    missing = []
    for k in range(1, count + 1):
        d = devices.get(f"c{k:02d}")
        if d is None or d["state"] != "ONLINE":
            missing.append(f"c{k:02d}: " + ("not there" if d is None else f"{d['state']} {d.get('reason', '')}"))
    if missing:
        print("; ".join(missing))
        sys.exit(1)


def probe_one(path):
    ffprobe = os.environ["FFPROBE"]
    r = {"path": path, "exists": os.path.isfile(path), "size": os.path.getsize(path) if os.path.isfile(path) else 0}
    if not r["exists"] or r["size"] == 0:
        return r
    p = subprocess.run([ffprobe, "-v", "error", "-show_entries", "format=duration:stream=index,codec_type,codec_name,width,height",
                        "-of", "json", path], capture_output=True, text=True)
    if p.returncode != 0:
        r["error"] = p.stderr.strip()[-300:]
        return r
    d = json.loads(p.stdout)
    streams = d.get("streams", [])
    v = next((s for s in streams if s.get("codec_type") == "video"), {})
    a = next((s for s in streams if s.get("codec_type") == "audio"), {})
    # packet times, not the header's durations: a fragmented file's header says little
    pk = subprocess.run([ffprobe, "-v", "error", "-show_entries", "packet=stream_index,pts_time,duration_time",
                         "-of", "csv=p=0", path], capture_output=True, text=True).stdout.split()
    span = {}
    frames = {}
    for line in pk:
        parts = line.split(",")
        if len(parts) < 2 or parts[1] in ("", "N/A"):
            continue
        i, t = int(parts[0]), float(parts[1])
        dur = float(parts[2]) if len(parts) > 2 and parts[2] not in ("", "N/A") else 0.0
        lo, hi = span.get(i, (t, t))
        span[i] = (min(lo, t), max(hi, t + dur))
        frames[i] = frames.get(i, 0) + 1
    vi, ai = v.get("index"), a.get("index")
    r.update(vcodec=v.get("codec_name"), width=v.get("width"), height=v.get("height"), acodec=a.get("codec_name"),
             vframes=frames.get(vi, 0), vdur=(span[vi][1] - span[vi][0]) if vi in span else 0.0,
             adur=(span[ai][1] - span[ai][0]) if ai in span else 0.0,
             fdur=float(d.get("format", {}).get("duration") or 0))
    return r


def probe(out, files):
    with open(out, "w") as f:
        json.dump([probe_one(p) for p in files], f, indent=1)


def lesson(stop, step, warm_up):
    d = json.load(open(stop))
    program = next(f for f in d["files"] if f["kind"] == "program")
    folder = os.path.dirname(program["path"])
    meta = json.load(open(os.path.join(folder, "lesson.json")))
    wrong = [x for x in meta["decisions"] if x["sources"] != ["c01/video"]]
    if wrong:
        sys.exit(f"the program did not show c01 throughout: {wrong}")
    files = [dict(probe_one(f["path"]), source=f["source"], offset_ms=f.get("startOffsetMillis") or 0)
             for f in d["files"] if f["kind"] == "resource"]
    if warm_up:
        p = meta["profiles"]
        if len(p) != 1 or (p[0]["width"], p[0]["height"]) != (640, 360):
            sys.exit(f"the recording configuration did not apply (<data>/config): profiles {p}")
        if len(files) != 1:
            sys.exit(f"the warm-up lesson wrote {len(files)} resource files, not 1")
    s = json.load(open(step))
    s.update(program=probe_one(program["path"]), files=files)
    with open(step, "w") as o:
        json.dump(s, o, indent=1)
    print(folder)


# ------------------------------------------------------------------ report ----

def pct(cpu, wall):
    return cpu / wall * 100 if wall > 0 else float("nan")


def group(name):
    """Thread groups of the Yike JVM, by the thread names top -H shows (15 characters at most)."""
    if name == "yike-source-c01":
        return "on-screen camera c01 (yike-source-c01: reads, decodes, writes its file)"
    if name.startswith("yike-source-c"):
        return "off-screen cameras (yike-source-cNN: read, write the file)"
    if name.startswith("yike-camera-"):
        return "camera state watches (yike-camera-cNN: the lesson's reads, RTSP OPTIONS when idle)"
    if name.startswith(("yike-lesson-", "yike-encode-")):
        return "program (yike-lesson, yike-encode)"
    if name.startswith("av:"):
        return "FFmpeg's own threads (av:*)"
    if name.startswith(("GC Thread", "G1 ", "VM ", "C1 Compiler", "C2 Compiler", "Sweeper", "VM Periodic")):
        return "JVM (GC, JIT, VM)"
    if name.startswith("qtp") or name.startswith("CM ") or name.startswith("Felix") or name.startswith("SCR "):
        return "HTTP API, OSGi"
    return "other threads"


def thread_deltas(before, after):
    """CPU seconds per thread group between two snapshots, and per camera-reading thread."""
    b = json.load(open(before))
    a = json.load(open(after))
    groups, sources = {}, {}
    for tid, (name, ticks) in a.items():
        d = (ticks - b.get(tid, [name, 0])[1]) / HZ
        groups[group(name)] = groups.get(group(name), 0) + d
        if name.startswith("yike-source-c"):
            sources[name] = sources.get(name, 0) + d
    return groups, sources


GOP_S = 2.0
FPS_LEAST = 24.5   # the cameras send 25: fewer means pictures were lost


def yike_why(y):
    """Why a Yike run did not keep up with real time; empty if it did."""
    why = []
    if y["lag"]:
        why.append(f"{y['lag']} 'behind real time' log lines")
    if y["stop_s"] > 2:
        why.append(f"stop answered in {y['stop_s']:.1f} s (a backlog)")
    if len(y["files"]) != y["n"]:
        why.append(f"{len(y['files'])} resource files for {y['n']} cameras")
    elif y["started"] != y["n"]:
        why.append(f"{y['started']} of {y['n']} resource files started before the window")
    program = y["program"].get("vdur", 0)
    for q in y["files"]:
        name = os.path.basename(q["path"])
        if not q.get("vframes"):
            why.append(f"{name}: no video")
            continue
        # The file runs from the camera's first key frame (it may come from the packets read while
        # the camera was opened, up to a second before the offset noted) to the end of the lesson:
        # shorter than the program after that offset means it was not written up to the end. (Longer
        # is no fault of real time: a file that starts before the lesson's clock does, while the
        # camera on screen is still opening, is noted at offset 0.)
        expected = program - q["offset_ms"] / 1000
        if q["vdur"] < expected - 0.5 or q["vdur"] < y["window"] - 0.5:
            why.append(f"{name}: {q['vdur']:.2f} s of video from {q['offset_ms'] / 1000:.1f} s into a "
                       f"{program:.1f} s program, measured {y['window']:.1f} s of it")
        if q["vframes"] / q["vdur"] < FPS_LEAST:
            why.append(f"{name}: {q['vframes'] / q['vdur']:.2f} fps")
        if not q.get("acodec"):
            why.append(f"{name}: no sound")
    if y["warnings"]:
        why.append(f"{y['warnings']} RTP/decoder warnings in its log ({y['warnings_window']} in the window)")
    return why


def warnings(pattern, files):
    import re
    seen = {}
    for path in files:
        with open(path, errors="replace") as f:
            for line in f:
                if re.search(pattern, line):
                    # one line per kind: without addresses, numbers and the time
                    key = re.sub(r"0x[0-9a-f]+|\d+", "N", line.strip())[:160]
                    seen[key] = seen.get(key, 0) + 1
    print(json.dumps([f"{n}x {text}" for text, n in sorted(seen.items(), key=lambda x: -x[1])[:3]]))


def tails(files):
    out = []
    for path in files:
        with open(path, errors="replace") as f:
            lines = [l.strip() for l in f if l.strip()]
        out.append(f"{os.path.basename(path)}: {lines[-1][:200] if lines else '(empty log)'}")
    print(json.dumps(out))


def verdict(step):
    why = yike_why(json.load(open(step)))
    for w in why:
        print("  " + w)
    sys.exit(1 if why else 0)


def fmt(x, nd=1):
    return "-" if x is None or x != x else f"{x:.{nd}f}"


def report(work):
    run = json.load(open(os.path.join(work, "run.json")))
    duration = run["duration"]
    steps = {}
    for p in glob.glob(os.path.join(work, "steps", "*.json")):
        s = json.load(open(p))
        steps.setdefault(s["n"], {})[s["side"]] = s
    ns = sorted(steps)
    warn, L = [], []

    # ---- per side and N: CPU, real time
    for n in ns:
        y, f = steps[n].get("yike"), steps[n].get("ffmpeg")
        if f:
            f["cpu"] = f["cpu1"] - f["cpu0"]
            f["pct"] = pct(f["cpu"], f["window"])
            f["per_camera"] = f["pct"] / max(f["started"], 1)   # the processes that recorded
            f["cams_pct"] = pct(f["cameras1"] - f["cameras0"], f["window"])
            # the Yike JVM waits meanwhile, its devices' status probes going on: ours, not "others"
            f["yike_pct"] = pct(f.get("yike1", 0) - f.get("yike0", 0), f["window"])
            f["others_pct"] = pct(f["busy1"] - f["busy0"] - f["cpu"] - (f["cameras1"] - f["cameras0"])
                                  - (f.get("yike1", 0) - f.get("yike0", 0)), f["window"])
            why = []
            if f["started"] != n:
                why.append(f"{f['started']} of {n} files started before the window")
            for rc, q in zip(f["rcs"], f["files"]):
                name = os.path.basename(q["path"])
                if rc not in (0, 255):   # 255: stopped by SIGINT, as asked
                    why.append(f"{name}: ffmpeg exited {rc}")
            for e in f.get("errors", []):
                why.append(f"`{e}`")
            for q in f["files"]:
                name = os.path.basename(q["path"])
                if not q.get("vframes"):
                    why.append(f"{name}: no video")
                    continue
                if q["vdur"] < f["window"] - 0.5:
                    why.append(f"{name}: {q['vdur']:.2f} s of video, measured {f['window']:.1f} s")
                if q["vframes"] / q["vdur"] < FPS_LEAST:
                    why.append(f"{name}: {q['vframes'] / q['vdur']:.2f} fps")
                if not q.get("acodec"):
                    why.append(f"{name}: no sound")
            if f["warnings"]:
                why.append(f"{f['warnings']} RTP/decoder warnings in its logs ({f['warnings_window']} in the window)")
            f["why"] = why
        if y:
            y["cpu"] = y["cpu1"] - y["cpu0"]
            y["pct"] = pct(y["cpu"], y["window"])
            y["cams_pct"] = pct(y["cameras1"] - y["cameras0"], y["window"])
            y["others_pct"] = pct(y["busy1"] - y["busy0"] - y["cpu"] - (y["cameras1"] - y["cameras0"]), y["window"])
            y["groups"], y["sources"] = thread_deltas(y["threads0"], y["threads1"])
            why = yike_why(y)
            y["why"] = why

    base = steps.get(1, {}).get("yike")
    real = [n for n in ns if steps[n].get("yike") and not steps[n]["yike"]["why"]]
    tried = [n for n in ns if steps[n].get("yike")]
    for n in ns:
        y = steps[n].get("yike")
        if y and base and n > 1:
            y["slope"] = (y["pct"] - base["pct"]) / (n - 1)

    # ---- the table
    L.append("| cameras | Yike JVM, % of one core | Yike per camera, % (slope from 1 camera) | ffmpeg, % of one core (N processes) "
             "| ffmpeg per camera, % | Yike/ffmpeg per camera | Yike real time | ffmpeg real time |")
    L.append("|---:|---:|---:|---:|---:|---:|---|---|")
    for n in ns:
        y, f = steps[n].get("yike"), steps[n].get("ffmpeg")
        slope = y.get("slope") if y else None
        ratio = slope / f["per_camera"] if slope is not None and f and f["per_camera"] > 0 else None
        L.append(f"| {n} | {fmt(y['pct']) if y else '-'} | {fmt(slope, 2) if slope is not None else '(baseline)' if y else '-'} "
                 f"| {fmt(f['pct']) if f else '-'} | {fmt(f['per_camera'], 2) if f else '-'} | {fmt(ratio, 2) if ratio else '-'} "
                 f"| {('yes' if not y['why'] else 'NO: ' + '; '.join(y['why'][:3])) if y else 'not tried'} "
                 f"| {('yes' if not f['why'] else 'NO: ' + '; '.join(f['why'][:3])) if f else 'not tried'} |")
    L.append("")

    # ---- headline
    top = max([n for n in real if n > 1], default=None)
    if base is None:
        L.append("No 1-camera run: no slope.")
    elif top is None:
        L.append("No run with more than one camera stayed real time: no slope.")
    else:
        y, f = steps[top]["yike"], steps[top].get("ffmpeg")
        pts = [(n, steps[n]["yike"]["pct"]) for n in real]
        fit = None
        if len(pts) >= 2:
            mx = sum(n for n, _ in pts) / len(pts)
            my = sum(c for _, c in pts) / len(pts)
            fit = sum((n - mx) * (c - my) for n, c in pts) / sum((n - mx) ** 2 for n, _ in pts)
        met = y["slope"] <= 3.0
        L.append(f"- **Yike, per camera: {y['slope']:.2f} % of one core** ((CPU({top}) - CPU(1)) / {top - 1}: "
                 f"{y['pct']:.1f} % - {base['pct']:.1f} %)" + (f"; least-squares slope over the {len(pts)} real-time runs: {fit:.2f} %" if fit is not None else ""))
        if f:
            L.append(f"- **ffmpeg CLI, per camera: {f['per_camera']:.2f} % of one core** ({f['started']} processes recording, `-c copy`); "
                     f"**Yike/ffmpeg: {y['slope'] / f['per_camera']:.2f}**" if f["per_camera"] > 0 else "- ffmpeg: no CPU measured")
        L.append(f"- goal (b), at most 3 % of one core per camera: **{'met' if met else 'NOT met'}** ({y['slope']:.2f} %)")
    if tried:
        largest = max(real, default=None)
        failed = [n for n in tried if n not in real]
        bound = (f"N = {min(failed)} fell behind" if failed else f"the largest N tried; more may keep up, not tried")
        untried = [n for n in run["counts"] if n not in tried]
        L.append(f"- **largest N that stayed real time: {largest if largest else 'none'}** of N tried = "
                 f"{', '.join(map(str, tried))} ({bound})" + (f"; not tried: {', '.join(map(str, untried))}" if untried else ""))

    # ---- opening (issue 22: every file begun within 5 s of the lesson's start)
    if tried:
        parts, late = [], []
        for n in tried:
            y, f = steps[n]["yike"], steps[n].get("ffmpeg")
            begun = "" if y["started"] == n else f", only {y['started']} of {n} begun"
            parts.append(f"N={n}: {y['open_s']:.1f} s{begun}" + (f" (ffmpeg: {f['open_s']:.1f} s)" if f else ""))
            if y["started"] != n or y["open_s"] > 5:
                late.append(n)
        L.append(f"- **last file begun after** (POST /api/recordings until the lesson lists every camera's file; goal: "
                 f"within 5 s): {'; '.join(parts)}: **{'met' if not late else 'NOT met for N = ' + ', '.join(map(str, late))}**")

    # ---- where the CPU goes
    if base and top:
        y = steps[top]["yike"]
        L.append("")
        L.append(f"Where Yike's CPU goes (per-thread CPU from /proc/PID/task, % of one core over each lesson; "
                 f"per camera = (N={top} - N=1) / {top - 1}; threads that ended during a lesson are missing):")
        L.append("")
        cols = [n for n in tried]
        L.append("| thread group | " + " | ".join(f"N={n}" for n in cols) + " | per camera |")
        L.append("|---|" + "---:|" * (len(cols) + 1))
        names = sorted(set().union(*(steps[n]["yike"]["groups"] for n in cols)), key=lambda g: -y["groups"].get(g, 0))
        for g in names:
            vals = {n: pct(steps[n]["yike"]["groups"].get(g, 0), steps[n]["yike"]["window"]) for n in cols}
            L.append(f"| {g} | " + " | ".join(f"{vals[n]:.2f}" for n in cols)
                     + f" | {(vals[top] - vals[1]) / (top - 1):+.2f} |")
        L.append("| whole JVM (/proc/PID/stat) | " + " | ".join(f"{steps[n]['yike']['pct']:.2f}" for n in cols)
                 + f" | {y['slope']:+.2f} |")
        off = [v for k, v in y["sources"].items() if k != "yike-source-c01"]
        on = y["sources"].get("yike-source-c01")
        if off and on is not None:
            off_pct = pct(sum(off) / len(off), y["window"])
            on_pct = pct(on, y["window"])
            L.append("")
            L.append(f"- on-screen camera (c01, decoded 1080p and scaled to the 640x360 program): its reading thread "
                     f"{on_pct:.2f} % of one core; an off-screen camera's (not decoded) {off_pct:.2f} % on average "
                     f"(min {pct(min(off), y['window']):.2f}, max {pct(max(off), y['window']):.2f}); "
                     f"**decoding the camera on screen: about {on_pct - off_pct:.1f} % of one core** "
                     f"(plus FFmpeg's own threads, if any, in the table)")

    # ---- details per run
    L.append("")
    L.append("Per run:")
    for n in ns:
        y, f = steps[n].get("yike"), steps[n].get("ffmpeg")
        if f:
            q = [x for x in f["files"] if x.get("vframes")]
            L.append(f"- N={n} ffmpeg: {len(q)}/{n} files, video "
                     + (f"{min(x['vdur'] for x in q):.2f}-{max(x['vdur'] for x in q):.2f} s, "
                        f"{min(x['vframes'] / x['vdur'] for x in q):.2f}-{max(x['vframes'] / x['vdur'] for x in q):.2f} fps, "
                        f"{sum(1 for x in q if x.get('acodec'))} with sound; " if q else "none; ")
                     + f"opening: all files started {f['open_s']:.1f} s after the start ({f['open_cpu']:.2f} CPU s); "
                     f"window {f['window']:.1f} s: {f['cpu']:.2f} CPU s; "
                     f"{f['warnings']} RTP/decoder warnings ({f['warnings_window']} in the window)"
                     + (" e.g. " + "; ".join(f"`{w}`" for w in f["warning_lines"]) if f["warning_lines"] else "")
                     + f"; cameras + RTSP server {f['cams_pct']:.1f} %, the waiting Yike JVM {f['yike_pct']:.1f} %, "
                     f"others {f['others_pct']:.1f} % of one core")
        if y:
            q = [x for x in y["files"] if x.get("vframes")]
            L.append(f"- N={n} Yike: lesson {y['lesson']}, program {y['program'].get('vdur', 0):.2f} s; "
                     f"{len(q)}/{n} resource files, starting {min(x['offset_ms'] for x in y['files']) / 1000:.1f}-"
                     f"{max(x['offset_ms'] for x in y['files']) / 1000:.1f} s into it, video "
                     + (f"{min(x['vdur'] for x in q):.2f}-{max(x['vdur'] for x in q):.2f} s, "
                        f"{min(x['vframes'] / x['vdur'] for x in q):.2f}-{max(x['vframes'] / x['vdur'] for x in q):.2f} fps, "
                        f"{sum(1 for x in q if x.get('acodec'))} with sound; " if q else "none; ")
                     + f"opening: all files started {y['open_s']:.1f} s after POST /api/recordings ({y['open_cpu']:.2f} CPU s); "
                     f"window {y['window']:.1f} s: {y['cpu']:.2f} CPU s; stop answered in "
                     f"{y['stop_s']:.1f} s; {y['lag']} lag warnings, {y['warnings']} RTP/decoder warnings "
                     f"({y['warnings_window']} in the window)"
                     + (" e.g. " + "; ".join(f"`{w}`" for w in y["warning_lines"]) if y["warning_lines"] else "") + "; "
                     f"cameras + RTSP server {y['cams_pct']:.1f} %, others {y['others_pct']:.1f} % of one core")
        if y:
            early = [(x["source"], x["vdur"] - (y["program"].get("vdur", 0) - x["offset_ms"] / 1000))
                     for x in y["files"] if x.get("vframes")]
            early = [(src, d) for src, d in early if d > 2.5]
            if early:
                L.append(f"  - N={n} Yike: " + ", ".join(f"{src} {d:.1f} s" for src, d in early)
                         + " longer than the program after its noted start offset (0 ms in lesson.json): the file "
                         "started before the lesson's clock (the on-screen camera was still opening), and lesson.json "
                         "does not say by how much")
        for side in (y, f):
            if side and side["others_pct"] > 10:
                warn.append(f"N={n} {side['side']}: other processes used {side['others_pct']:.0f} % of a core during the run: figures are skewed")
    disturbed = []
    if run["load1"] > 1.5:
        warn.append(f"1-min load average {run['load1']:.2f} before the benchmark (above 1.5): DISTURBED, rerun on a quiet machine")
        disturbed.append(f"load average {run['load1']:.2f} before the run")
    busy = [(side["others_pct"], n, side["side"]) for n in ns for side in steps[n].values() if side["others_pct"] > 10]
    if busy:
        top_busy = max(busy)
        disturbed.append(f"other processes used up to {top_busy[0]:.0f} % of a core, during N={top_busy[1]} {top_busy[2]}")
    with open(os.path.join(work, "disturbed.txt"), "w") as f:
        f.write("; ".join(disturbed))
    if warn:
        L.append("")
        L += ["WARNING: " + w for w in warn]
    print("\n".join(L))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "threads":
        threads(sys.argv[2], sys.argv[3])
    elif cmd == "online":
        online(int(sys.argv[2]))
    elif cmd == "probe":
        probe(sys.argv[2], sys.argv[3:])
    elif cmd == "lesson":
        lesson(sys.argv[2], sys.argv[3], "--warm-up" in sys.argv[4:])
    elif cmd == "tails":
        tails(sys.argv[2:])
    elif cmd == "warnings":
        warnings(sys.argv[2], sys.argv[3:])
    elif cmd == "verdict":
        verdict(sys.argv[2])
    elif cmd == "report":
        report(sys.argv[2])
    else:
        sys.exit(f"unknown subcommand {cmd}")
