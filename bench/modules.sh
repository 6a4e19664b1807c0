#!/usr/bin/env bash
# Benchmark: installing and updating modules on a running Yike while a lesson records.
# Publishes the signed virtualboard driver and patrol director (1.0.0 and 1.1.0, made by the
# itests into itests/target/module-fixtures) into the runtime's own repository, then times through
# the API: a fresh install of the driver, its update to 1.1.0 and its uninstall, ROUNDS times
# (median and range printed); then updates the patrol director the lesson is directed by, back and
# forth ROUNDS times, and reads from lesson.json how long the program was held still ("(hold)"
# decisions) and whether any frame was lost.
#
# Usage: bench/modules.sh [ROUNDS]   (default 5)
# Needs the itests' fixtures: mvn -B verify -pl itests -Dtest=ModulesTest (or ./yike test) first.
set -euo pipefail
ROUNDS="${1:-5}"
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
FIXTURES="$ROOT/itests/target/module-fixtures"
[[ -f "$FIXTURES/done" ]] || die "no signed test bundles in $FIXTURES; run: mvn -B verify -pl itests -Dtest=ModulesTest"

bench_start modules
mkdir -p "$DATA/config/org/yike"
printf '%s\n' 'service.pid="org.yike.recording"' 'width=I"640"' 'height=I"360"' 'liveKbps=I"0"' 'mobileKbps=I"0"' \
  'directors=["101=patrol"]' > "$DATA/config/org/yike/recording.config"
# the school side reads the index the runtime writes into its own repository folder
start_yike -Dyike.trust="$FIXTURES/keys/district.pem" -Dyike.record.on.start=true \
  -Dyike.repositories="file://$DATA/repository/index.xml"
for _ in $(seq 150); do curl -sf "$API/modules" >/dev/null && curl -sf "$API/repository/bundles" >/dev/null && break; sleep 0.2; done
TOKEN="$(admin_token)"
AUTH=(-H "Authorization: Bearer $TOKEN")
for j in driver-1.0.0 driver-1.1.0 director-1.0.0 director-1.1.0; do
  curl -sf "${AUTH[@]}" -H 'Content-Type: application/java-archive' --data-binary "@$FIXTURES/$j.jar" \
    "$API/repository/bundles" >/dev/null || die "publishing $j failed"
done

# seconds a POST takes (the call returns once the bundles are started and healthy)
timed() { local t0 t1; t0="$(now)"; curl -sS --fail-with-body "${AUTH[@]}" "$@" >"$WORK/answer" || die "call failed: $* $(cat "$WORK/answer")"; t1="$(now)";
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", b-a}'; }
module() { timed -H 'Content-Type: application/json' -d "{\"bsn\": \"$1\", \"version\": \"$2\"}" "$API/modules"; }

INSTALL=(); UPDATE=(); DIRECTOR=()
LESSON="$(curl -sf "$API/status" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["recording"][0])')"
for r in $(seq "$ROUNDS"); do
  INSTALL+=("$(module org.yike.driver.virtualboard 1.0.0)")
  UPDATE+=("$(module org.yike.driver.virtualboard 1.1.0)")
  curl -sf "${AUTH[@]}" -X DELETE "$API/modules/org.yike.driver.virtualboard" >/dev/null
  v=$([[ $((r % 2)) == 1 ]] && echo 1.0.0 || echo 1.1.0)
  DIRECTOR+=("$(module org.yike.director.patrol "$v")")
  sleep 2
done
STOPPED="$(curl -sf -X POST "$API/recordings/$LESSON/stop")"
stop_yike
"$PY" - "$STOPPED" "${INSTALL[*]}" "${UPDATE[*]}" "${DIRECTOR[*]}" <<'PYEOF'
import json, statistics, sys, pathlib
lesson = json.loads(sys.argv[1])
def line(name, xs):
    xs = [float(x) for x in xs.split()]
    print(f"{name:<34} median {statistics.median(xs):.3f} s  (min {min(xs):.3f}, max {max(xs):.3f}, n={len(xs)})")
line("driver install (fresh)", sys.argv[2])
line("driver update 1.0.0 -> 1.1.0", sys.argv[3])
line("director update (in use)", sys.argv[4])
program = next(f["path"] for f in lesson["files"] if f["kind"] != "metadata")
meta = json.loads((pathlib.Path(program).parent / "lesson.json").read_text())
holds, since = [], None
for d in meta["decisions"]:
    if since is not None: holds.append(d["atMillis"] - since)
    since = d["atMillis"] if d["strategy"] == "(hold)" else None
print(f"program held during director updates: longest {max(holds or [0])} ms over {len(holds)} holds; "
      f"source events {len(meta.get('sourceEvents', []))}")
PYEOF
