#!/usr/bin/env bash
# Records one lesson of the virtual classroom for SECONDS (default 2700: a 45-minute lesson) with
# the product jar as shipped, then reads the sync marker back (bench/sync_analysis.py): how far
# sound and picture are apart at the start and at the end, and how much that changed.
#   bench/sync-45min.sh [SECONDS]        needs: a built distribution/target/yike.jar, python3 + numpy, curl
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-2700}
jar=distribution/target/yike.jar
[ -f "$jar" ] || { echo "no $jar: run mvn -B -DskipTests install first" >&2; exit 2; }
work=$(mktemp -d /tmp/yike-sync.XXXXXX)
cp "$jar" "$work/yike.jar"   # a rebuild during the run must not change the running jar
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Dyike.data="$work/data" -Dyike.http.port="$port" -Dyike.record.on.start=true -jar "$work/yike.jar" \
  </dev/null >"$work/yike.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
id=""
for _ in $(seq 1 150); do
  id=$(curl -sf "http://127.0.0.1:$port/api/status" | python3 -c 'import json,sys; r=json.load(sys.stdin)["recording"]; print(r[0] if r else "")' 2>/dev/null || true)
  [ -n "$id" ] && break
  sleep 0.2
done
[ -n "$id" ] || { echo "no lesson started; see $work/yike.log" >&2; exit 1; }
echo "recording lesson $id for $seconds s in $work"
sleep "$seconds"
curl -sf -X POST "http://127.0.0.1:$port/api/recordings/$id/stop" >/dev/null
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "behind-real-time warnings: $(grep -c 'behind real time' "$work/yike.log" || true)"
python3 bench/sync_analysis.py "$(dirname "$(find "$work/data/recordings" -name lesson.json | head -1)")"
