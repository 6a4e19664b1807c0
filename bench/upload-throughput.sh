#!/usr/bin/env bash
# Benchmark: upload throughput of Yike's FTP and SFTP connectors against the tests' loopback
# servers (Apache FtpServer, Apache MINA SSHD with its SFTP subsystem, in one JVM), compared with
# `curl -T` (FTP) and OpenSSH's `sftp` (key login) sending the same file to the same servers.
# Yike's side sends the file as the publishing queue does (connect and log in, write to the
# temporary name from offset 0, close, rename), timed inside a warm JVM; the tools are timed as
# processes (their start is a few milliseconds).
#
# Usage: bench/upload-throughput.sh [MEBIBYTES] [RUNS]   (default 256 MiB, 3 runs each; medians)
#
# Environment (all optional):
#   YIKE_BENCH_KEEP=1        keep the temp work folder
#   YIKE_BENCH_NO_RESULTS=1  do not append to bench/RESULTS.md
#
# Builds nothing: needs `mvn -B -DskipTests install` done (the connectors' classes and test classes,
# the dependencies in the local repository). Needs: java, mvn, curl, sftp (openssh-client).
set -euo pipefail

MIB="${1:-256}"
RUNS="${2:-3}"
[[ "$MIB" =~ ^[1-9][0-9]*$ && "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [MEBIBYTES] [RUNS]" >&2; exit 2; }

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CMDLINE="bench/upload-throughput.sh $*"
[[ $# -eq 0 ]] && CMDLINE="bench/upload-throughput.sh"

for t in java mvn curl sftp python3; do command -v "$t" >/dev/null || die "'$t' is required but not on PATH"; done
PY="$(python3 -c 'import sys; print(sys.executable)')"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/yike-upload.XXXXXX")"
trap bench_cleanup EXIT
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

CP=""
for m in org.yike.connector.ftp org.yike.connector.sftp; do
  dir="$ROOT/bundles/$m"
  [[ -d "$dir/target/test-classes" ]] || die "$dir/target/test-classes missing -- build first: mvn -B -DskipTests install"
  mvn -B -o -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/$m.cp" -f "$dir/pom.xml" >/dev/null \
    || die "mvn could not list the classpath of $m (is the reactor installed?)"
  CP="$CP:$dir/target/classes:$dir/target/test-classes:$(cat "$WORK/$m.cp")"
done
CP="${CP#:}"
JAVA_RUN=(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dyike.data="$WORK/data" -cp "$CP" "$BENCH_DIR/UploadBench.java")

log "making a ${MIB} MiB file of random bytes"
head -c "$((MIB * 1048576))" /dev/urandom >"$WORK/lesson.bin"
SHA="$(sha256sum "$WORK/lesson.bin" | cut -d' ' -f1)"

log "starting the loopback servers"
mkfifo "$WORK/servers.in"
"${JAVA_RUN[@]}" servers "$WORK/srv" <"$WORK/servers.in" >"$WORK/servers.out" 2>"$WORK/servers.log" &
BENCH_PIDS+=($!)
exec 3>"$WORK/servers.in"
for _ in $(seq 300); do grep -q '^ready' "$WORK/servers.out" 2>/dev/null && break; sleep 0.1; done
read -r _ FTP_PORT SFTP_PORT <"$WORK/servers.out" || die "servers did not start: $(tail -5 "$WORK/servers.log")"
[[ -n "$SFTP_PORT" ]] || die "servers did not start: $(tail -5 "$WORK/servers.log")"
KEY="$WORK/srv/client-key.pem"

# seconds of one tool run
timed() {
  local t0
  t0="$(now)"
  "$@" >/dev/null
  awk -v a="$t0" -v b="$(now)" 'BEGIN{printf "%.3f\n", b-a}'
}

log "curl -T to ftp://127.0.0.1:$FTP_PORT ($RUNS runs)"
CURL_S=()
for i in $(seq "$RUNS"); do
  CURL_S+=("$(timed curl -sS -T "$WORK/lesson.bin" --user teacher:s3cret-pw "ftp://127.0.0.1:$FTP_PORT/curl-$i.bin")")
done
log "OpenSSH sftp put to 127.0.0.1:$SFTP_PORT ($RUNS runs)"
SFTP_S=()
for i in $(seq "$RUNS"); do
  SFTP_S+=("$(timed sftp -q -i "$KEY" -P "$SFTP_PORT" -o BatchMode=yes -o StrictHostKeyChecking=no \
    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -b <(echo "put $WORK/lesson.bin /openssh-$i.bin") teacher@127.0.0.1)")
done
log "Yike FTP connector ($RUNS runs)"
mapfile -t YFTP_S < <("${JAVA_RUN[@]}" upload ftp "$FTP_PORT" "$WORK/lesson.bin" "$KEY" "$RUNS")
log "Yike SFTP connector ($RUNS runs)"
mapfile -t YSFTP_S < <("${JAVA_RUN[@]}" upload sftp "$SFTP_PORT" "$WORK/lesson.bin" "$KEY" "$RUNS")

# every upload arrived whole
for f in "$WORK"/srv/ftp/curl-*.bin "$WORK"/srv/ftp/yike-*.bin "$WORK"/srv/sftp/openssh-*.bin "$WORK"/srv/sftp/yike-*.bin; do
  [[ "$(sha256sum "$f" | cut -d' ' -f1)" == "$SHA" ]] || die "$f differs from the file sent"
done
COUNT="$(ls "$WORK"/srv/ftp/*.bin "$WORK"/srv/sftp/*.bin | wc -l)"
[[ "$COUNT" -eq $((4 * RUNS)) ]] || die "expected $((4 * RUNS)) uploads on the servers, found $COUNT"

REPORT="$("$PY" - "$MIB" "${CURL_S[*]}" "${YFTP_S[*]}" "${SFTP_S[*]}" "${YSFTP_S[*]}" <<'PYEOF'
import statistics, sys
mib = int(sys.argv[1])
curl, yftp, sftp, ysftp = ([float(x) for x in a.split()] for a in sys.argv[2:6])
def row(name, tool, yike):
    t, y = statistics.median(tool), statistics.median(yike)
    return "| %s | %s | %s | %.1f | %.1f | **%.2f** |" % (
        name, " ".join("%.2f" % x for x in tool), " ".join("%.2f" % x for x in yike), mib / t, mib / y, t / y)
print("| protocol (tool) | tool, s per run | Yike, s per run | tool MiB/s (median) | Yike MiB/s (median) | Yike/tool throughput |")
print("|---|---|---|---:|---:|---:|")
print(row("FTP (curl -T)", curl, yftp))
print(row("SFTP (OpenSSH sftp)", sftp, ysftp))
PYEOF
)"
echo
echo "$REPORT"

if [[ "${YIKE_BENCH_NO_RESULTS:-0}" != 1 ]]; then
  results_file
  {
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M UTC') -- upload-throughput, ${MIB} MiB, ${RUNS} runs"
    echo
    echo "Command: \`$CMDLINE\`"
    echo
    echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores; load average before the run: $LOAD_BEFORE"
    echo "- java: $(java -version 2>&1 | head -1); $(curl --version | head -1 | cut -d' ' -f1-2); $(ssh -V 2>&1 | cut -d, -f1); git HEAD $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo "- servers: Apache FtpServer 1.2.1 (plain FTP, passive) and Apache MINA SSHD 2.20.0 (SFTP, RSA key login for both clients) in one JVM on loopback, the same for the tool and for Yike; every upload's SHA-256 checked"
    echo
    echo "$REPORT"
  } >>"$RESULTS"
  echo "appended to $RESULTS"
fi
