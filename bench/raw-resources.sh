#!/usr/bin/env bash
# Benchmark: a 1080p25 lesson of the virtual classroom in resource mode, its three raw 1080p
# sources (teacher, students, courseware) each encoded into a file of its own beside the
# program's three profiles, vs. the bundled FFmpeg CLI doing the same in one process: the same
# live sources, the program composed on the lesson's timeline and encoded in the same profiles,
# and each source split off and encoded at its own size with its own file's bitrate and GOP
# (lesson.json's resourceProfiles). bench/record-1080p.sh with the own files on; its figures
# go to bench/RESULTS.md under "raw-resources".
#
# Usage: bench/raw-resources.sh [DURATION_SECONDS]   (default 60)
# Environment: as bench/record-1080p.sh.
set -euo pipefail
YIKE_BENCH_RAW_RESOURCES=1 exec "$(dirname "${BASH_SOURCE[0]}")/record-1080p.sh" "$@"
