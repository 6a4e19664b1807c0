// What the lesson player decides: which of a lesson's files it plays, which is main and which is the
// picture-in-picture, when a secondary video has drifted from the main one, which chapter is playing.
// No DOM here, so node --test checks it.
import { t } from './i18n.js';

/** One frame at the recording's 25 fps: how far apart two streams may be before one is corrected. */
export const FRAME_S = 0.04;
/** Farther apart than this a nudge of speed would take too long: the secondary seeks. */
export const SEEK_BEYOND_S = 0.5;
/** A secondary off by d plays d / CATCH_UP_S faster or slower (within NUDGE): caught up in about that. */
export const CATCH_UP_S = 0.5;
export const NUDGE = { least: 0.02, most: 0.25 };
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];
export const SEEK_STEP_S = 5;
/** The program's stream key, whichever of its profiles plays. */
export const PROGRAM = 'program';

// the picture roles of org.yike.api.device.Role as a source's name says them
const SOURCE_ROLES = {
  teacher: 'TEACHER_CLOSEUP', teacher_wide: 'TEACHER_WIDE', student: 'STUDENT_CLOSEUP', student_wide: 'STUDENT_WIDE',
  courseware: 'COURSEWARE', blackboard: 'BLACKBOARD',
};

const isVideo = (f) => /\.mp4$/i.test(f?.name ?? '');

/** "教师特写" for a source "cam1/teacher", else the source's key as it is. */
export function sourceLabel(source) {
  const last = String(source ?? '').split('/').pop().toLowerCase();
  return Object.hasOwn(SOURCE_ROLES, last) ? t(`sourceRole.${SOURCE_ROLES[last]}`) : String(source ?? '');
}

/**
 * The streams the player offers, the program first: its file is the mobile profile on a narrow screen
 * where the lesson has one, else the recording profile (program.mp4); then each camera's own video
 * (role "resource"). Each {key, label, file}; the program's key stays "program" whichever file it plays,
 * so turning a phone keeps the choice of main stream.
 */
export function playerStreams(lesson, narrow = false) {
  const videos = (lesson?.files ?? []).filter(isVideo);
  const programs = videos.filter((f) => f.role === 'program');
  const mobile = programs.find((f) => f.profile === 'mobile');
  const full = programs.find((f) => f.name === 'program.mp4') ?? programs.find((f) => f.profile !== 'mobile') ?? programs[0];
  const program = narrow && mobile ? mobile : full;
  const streams = program ? [{ key: PROGRAM, label: t('player.program'), file: program }] : [];
  for (const f of videos.filter((v) => v.role === 'resource')) {
    streams.push({ key: f.name, label: sourceLabel(f.source ?? f.name.replace(/\.mp4$/i, '')), file: f });
  }
  return streams;
}

/**
 * When a stream's file begins on the lesson's clock, in seconds: a camera's own file starts when the
 * camera first gave a picture (startOffsetMillis), the program with the lesson.
 */
export function startOffset(stream) {
  return (stream?.file?.startOffsetMillis ?? 0) / 1000;
}

/**
 * The main stream and the picture-in-picture for a wish {main, pip}: the main one asked for where the
 * lesson has it, else the first; the pip asked for unless it is the main one or missing, else the first
 * other stream; null when there is none or pip is switched off (pip === null).
 */
export function mainAndPip(streams, { main, pip } = {}) {
  const first = streams[0] ?? null;
  const chosen = streams.find((s) => s.key === main) ?? first;
  if (!chosen || pip === null) return { main: chosen, pip: null };
  const others = streams.filter((s) => s.key !== chosen.key);
  return { main: chosen, pip: others.find((s) => s.key === pip) ?? others[0] ?? null };
}

/** The wish after the switch control: the pip becomes main and main the pip. */
export const swapped = ({ main, pip }) => ({ main: pip?.key, pip: main?.key });

/**
 * What a secondary video at otherS does while the main one is at mainS and plays at rate: seek there
 * when more than SEEK_BEYOND_S apart; when more than one frame apart, play faster or slower in
 * proportion (so that it is caught up in about CATCH_UP_S, and smoothly, without overshooting), and
 * keep at it until within a quarter frame (correcting: it was already nudged); else play at rate.
 * Answers {seek: boolean, rate, correcting}.
 */
export function driftCorrection(mainS, otherS, rate, correcting = false) {
  const drift = otherS - mainS;
  const off = Math.abs(drift);
  if (off > SEEK_BEYOND_S) return { seek: true, rate, correcting: false };
  if (off > FRAME_S || (correcting && off > FRAME_S / 4)) {
    const nudge = Math.min(NUDGE.most, Math.max(NUDGE.least, off / CATCH_UP_S));
    return { seek: false, rate: rate * (drift > 0 ? 1 - nudge : 1 + nudge), correcting: true };
  }
  return { seek: false, rate, correcting: false };
}

/** The index of the chapter playing at millis (the last one begun), -1 before the first. */
export function chapterAt(chapters, millis) {
  let at = -1;
  (chapters ?? []).forEach((c, i) => {
    if (c.atMillis <= millis && (at < 0 || c.atMillis >= chapters[at].atMillis)) at = i;
  });
  return at;
}

/** A file's address as a download (an attachment named after the lesson's title). */
export function downloadUrl(url) {
  return `${url}${url.includes('?') ? '&' : '?'}download=1`;
}

/** The next speed up or down from rate, staying within SPEEDS. */
export function nextSpeed(rate, step) {
  const at = SPEEDS.indexOf(rate);
  const i = at < 0 ? SPEEDS.indexOf(1) : at;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, i + step))];
}

/** How much of a lesson a player plays before it is a view (浏览量), as the server counts one. */
export const VIEW_MS = 10_000;
/** A step of more than this between two times of a playing video is a seek, not play. */
const MAX_STEP_S = 2;

/**
 * Adds up how much of the lesson a player has played from the lesson times it reports while playing
 * (at(t)); stop() after a pause or before a seek, so that the jump is not counted. Calls
 * counted(playedMillis) once, when VIEW_MS is reached.
 */
export function viewTimer(counted) {
  let last = null;
  let played = 0;
  let done = false;
  return {
    at(t) {
      if (last !== null && t > last && t - last <= MAX_STEP_S) played += (t - last) * 1000;
      last = t;
      if (!done && played >= VIEW_MS) {
        done = true;
        counted(Math.round(played));
      }
    },
    stop() { last = null; },
  };
}
