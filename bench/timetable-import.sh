#!/usr/bin/env bash
# Import time of a 60-room school's timetable for a whole term, through the HTTP API of the product
# jar: bells (2 profiles x 8 periods), the autumn-2025 calendar of the unit tests (National Day,
# make-up days, a bell switch, an exam day) and 2,400 lesson rows (60 rooms x 5 days x 8 periods;
# weeks all / odd / even / ranges), then the same sessions exported and imported back as iCalendar.
# Appends its figures to bench/RESULTS.md.
#
#   bench/timetable-import.sh [REPEATS]     default 5; takes about a minute
set -euo pipefail
. "$(dirname "$0")/lib.sh"

REPEATS="${1:-5}"
bench_start timetable-import
FIXTURES="$ROOT/bundles/org.yike.timetable/src/test/resources/autumn2025"

"$PY" - "$WORK" <<'PY'
import sys
work = sys.argv[1]
with open(f"{work}/bells.csv", "w") as f:
    f.write("profile,period,label,start,end\n")
    for profile, first in (("夏季", 8 * 60), ("冬季", 8 * 60 + 10)):
        for p in range(1, 9):
            start = first + (p - 1) * 55 + (90 if p > 4 else 0)
            f.write(f"{profile},{p},第{p}节,{start // 60:02d}:{start % 60:02d},{(start + 45) // 60:02d}:{(start + 45) % 60:02d}\n")
courses = ["语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "政治", "体育", "音乐", "美术", "信息技术"]
weeks = ["all", "all", "all", "odd", "even", "1-8,10-16", "1-16周", "1-15周(单)", "2-16周(双)", "9-20周"]
rows = 0
with open(f"{work}/timetable.csv", "w") as f:
    f.write("room,weekday,period,weeks,course,teacher,class,record\n")
    for r in range(60):
        room = f"{1 + r // 20}{r % 20 + 1:02d}"
        for day in range(1, 6):
            for p in range(1, 9):
                i = r * 40 + (day - 1) * 8 + p
                course = courses[i % len(courses)]
                w = weeks[i % len(weeks)]
                f.write(f'{room},{day},{p},"{w}",{course},{course[0]}老师{i % 37},高{1 + r // 20}({r % 20 + 1})班,{"no" if course == "体育" else "yes"}\n')
                rows += 1
print(f"{rows} lesson rows", file=sys.stderr)
PY

start_yike
for _ in $(seq 300); do curl -sf "$API/status" >/dev/null 2>&1 && break; yike_alive "before its API answered"; sleep 0.1; done
TOKEN="$(admin_token)"
put() { # put PART FILE TYPE: prints the seconds curl took; dies unless 200
  local code
  code="$(curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}' -X PUT -H "Authorization: Bearer $TOKEN" \
    -H "Content-Type: $3" --data-binary "@$2" "$API/$1")"
  [[ "${code%% *}" == 200 ]] || die "PUT $1 answered ${code%% *}: $(head -c 400 "$WORK/answer.json")"
  echo "${code#* }"
}
put timetable/bells "$WORK/bells.csv" text/csv >/dev/null
put timetable/calendar "$FIXTURES/calendar.csv" text/csv >/dev/null
log "importing 2,400 lesson rows $REPEATS times"
CSV_TIMES=()
for i in $(seq "$REPEATS"); do
  # every other import changes one teacher, so half the imports really change sessions
  if (( i % 2 == 0 )); then sed 's/,语文,语老师1,/,语文,语老师X,/' "$WORK/timetable.csv" >"$WORK/edited.csv"; else cp "$WORK/timetable.csv" "$WORK/edited.csv"; fi
  CSV_TIMES+=("$(put timetable/lessons "$WORK/edited.csv" text/csv)")
done
SESSIONS="$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["imported"]["sessions"])' "$WORK/answer.json")"
EXPORT_S="$(curl -s -o "$WORK/term.ics" -w '%{time_total}' "$API/timetable")"
ICS_BYTES="$(stat -c %s "$WORK/term.ics")"
log "importing the exported iCalendar ($ICS_BYTES bytes) $REPEATS times"
ICS_TIMES=()
for i in $(seq "$REPEATS"); do ICS_TIMES+=("$(put timetable "$WORK/term.ics" text/calendar)"); done
SAME="$("$PY" -c 'import json,sys; a=json.load(open(sys.argv[1]))["imported"]; print(a["sessions"], a["added"], a["changed"], a["removed"])' "$WORK/answer.json")"
WEEK_S="$(curl -s -o "$WORK/week.json" -w '%{time_total}' "$API/schedule?from=2025-11-10&to=2025-11-14")"
WEEK_N="$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/week.json")"
RSS="$(awk '/VmRSS/{print $2}' "/proc/$JPID/status")"
stop_yike

stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "median %.2f s (min %.2f, max %.2f)", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[1], a[NR]}'; }
FFMPEG="$DATA/native/linux-x86_64/ffmpeg"
results_file
{
  echo
  echo "## Timetable import, 60 rooms, one term ($(date '+%Y-%m-%d %H:%M'))"
  echo
  machine_lines "$FFMPEG"
  echo "- load average before: $LOAD_BEFORE (other work on the machine slows these figures)"
  echo "- 2,400 lesson rows (60 rooms x 5 days x 8 periods; weeks all, odd, even and ranges), 2 bell profiles, the autumn-2025 calendar: **$SESSIONS sessions**"
  echo "- PUT /api/timetable/lessons (CSV, $REPEATS imports, parse + check + materialise + conflicts + store): **$(stats "${CSV_TIMES[@]}")**"
  echo "- GET /api/timetable (all sessions as iCalendar, $ICS_BYTES bytes): $EXPORT_S s"
  echo "- PUT /api/timetable (that iCalendar back, $REPEATS imports, through iCal4j): **$(stats "${ICS_TIMES[@]}")**; last import: sessions, added, changed, removed = $SAME"
  echo "- GET /api/schedule for one week, all rooms: $WEEK_N sessions in $WEEK_S s; JVM resident memory at the end: $((RSS / 1024)) MiB"
} | tee -a "$RESULTS"
