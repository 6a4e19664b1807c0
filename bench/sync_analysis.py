#!/usr/bin/env python3
"""Reads the virtual classroom's sync marker back from a recorded lesson.

The teacher camera lights a white square in its top-right corner on the first frame of every
second; the microphone beeps (twice its pitch, 40 ms) at the start of every second. For every
flash seen while the teacher is full screen, the nearest beep gives one offset (sound minus
picture). Prints the offsets at the start and at the end of the lesson and the drift between them.

usage: sync_analysis.py LESSON_FOLDER [PROFILE_FILE]   (default: the smallest program file)
Needs: numpy, and the ffmpeg that Yike extracted (DATA/native/linux-x86_64/ffmpeg, found from the folder).
"""
import json
import os
import subprocess
import sys

import numpy as np


def ffmpeg_for(folder):
    d = os.path.abspath(folder)
    while d != '/':
        candidate = os.path.join(d, 'native', 'linux-x86_64', 'ffmpeg')
        if os.path.exists(candidate):
            return candidate
        d = os.path.dirname(d)
    sys.exit('no ffmpeg under a native/linux-x86_64 folder above ' + folder)


def run(ffmpeg, args):
    env = dict(os.environ, LD_LIBRARY_PATH=os.path.dirname(ffmpeg))
    return subprocess.run([ffmpeg, '-v', 'error', '-nostdin'] + args, env=env, check=True,
                          stdout=subprocess.PIPE).stdout


def teacher_full_intervals(lesson, end):
    cuts = [(d['atMillis'] / 1000.0, d['layout'] == 'FULL' and d['sources'][0].endswith('/teacher'))
            for d in lesson['decisions']]
    spans = []
    for i, (start, teacher) in enumerate(cuts):
        stop = cuts[i + 1][0] if i + 1 < len(cuts) else end
        if teacher and stop - start > 1.5:
            spans.append((start + 0.5, stop - 0.5))  # away from cuts and their hold
    return spans


def main():
    folder = sys.argv[1]
    lesson = json.load(open(os.path.join(folder, 'lesson.json')))
    programs = [f for f in lesson['files'] if f['kind'] == 'program']
    profiles = {p['name']: p for p in lesson['profiles']}
    chosen = sys.argv[2] if len(sys.argv) > 2 else min(
        programs, key=lambda f: profiles[f['profile']]['width'])['path']
    w, h, fps = next((profiles[f['profile']]['width'], profiles[f['profile']]['height'],
                      profiles[f['profile']]['fps']) for f in programs if f['path'] == chosen)
    ffmpeg = ffmpeg_for(folder)

    # picture: the marker square's brightness, frame by frame
    size = max(4, (h // 24) & ~1)
    crop = 'crop=%d:%d:%d:%d,format=gray' % (size, size, w - h // 24 - size // 2, h // 24 - size // 2)
    raw = np.frombuffer(run(ffmpeg, ['-i', chosen, '-vf', crop, '-f', 'rawvideo', '-']), dtype=np.uint8)
    lit = raw.reshape(-1, size * size).mean(axis=1) > 200
    flashes = np.flatnonzero(lit[1:] & ~lit[:-1]) + 1
    env = dict(os.environ, LD_LIBRARY_PATH=os.path.dirname(ffmpeg))
    start = float(subprocess.run([os.path.join(os.path.dirname(ffmpeg), 'ffprobe'), '-v', 'error', '-select_streams',
                                  'v:0', '-show_entries', 'stream=start_time', '-of', 'csv=p=0', chosen], env=env,
                                 check=True, stdout=subprocess.PIPE).stdout.decode().strip() or 0)
    flash_times = start + flashes / float(fps)

    # sound: zero crossings per 10 ms; the beep doubles them
    rate = 48000
    pcm = np.frombuffer(run(ffmpeg, ['-i', chosen, '-map', '0:a', '-ac', '1', '-ar', str(rate), '-f', 's16le', '-']),
                        dtype=np.int16)
    window = rate // 100
    n = len(pcm) // window
    signs = np.signbit(pcm[:n * window]).reshape(n, window)
    crossings = np.count_nonzero(np.diff(signs, axis=1), axis=1)
    high = crossings > 13
    beep_times = (np.flatnonzero(high[1:] & ~high[:-1]) + 1) * 0.01

    end = len(lit) / float(fps)
    spans = teacher_full_intervals(lesson, end)
    pairs = []
    for t in flash_times:
        if not any(a <= t <= b for a, b in spans):
            continue
        j = np.searchsorted(beep_times, t)
        near = [beep_times[k] for k in (j - 1, j) if 0 <= k < len(beep_times)]
        if near:
            b = min(near, key=lambda x: abs(x - t))
            if abs(b - t) < 0.5:
                pairs.append((t, b - t))
    if len(pairs) < 20:
        sys.exit('only %d flash/beep pairs found in %s' % (len(pairs), chosen))
    times = np.array([p[0] for p in pairs])
    offsets = np.array([p[1] for p in pairs]) * 1000
    first = offsets[times < times[0] + 60]
    last = offsets[times > times[-1] - 60]
    slope = np.polyfit(times / 60.0, offsets, 1)[0]
    print('file: %s (%dx%d, %.1f min)' % (chosen, w, h, end / 60))
    print('flash/beep pairs while the teacher is full screen: %d' % len(pairs))
    print('sound minus picture, first minute: mean %.1f ms (min %.0f, max %.0f)' % (first.mean(), first.min(), first.max()))
    print('sound minus picture, last minute:  mean %.1f ms (min %.0f, max %.0f)' % (last.mean(), last.min(), last.max()))
    print('drift, last minute minus first minute: %.1f ms' % (last.mean() - first.mean()))
    print('fitted drift: %.2f ms per minute; largest offset %.0f ms' % (slope, np.abs(offsets).max()))


if __name__ == '__main__':
    main()
