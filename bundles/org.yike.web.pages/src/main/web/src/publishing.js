// Publishing as the console shows it: jobs from GET /api/publish/jobs and the changes the server's
// events bring (GET /api/events: org/yike/publish/PROGRESS about once a second while a job sends,
// org/yike/publish/<STATE> when its state changes); no DOM here, so node --test checks it.
import { labelsOf, worded } from './labels.js';
import { formatBytes } from './units.js';

export const PUBLISH_PREFIX = 'org/yike/publish/';
/** A job's states (org.yike.api.publish.Job.State), as the jobs list writes them (lower case). */
export const JOB_STATES = worded('jobState', {
  queued: { tag: 'info' },
  uploading: { tag: 'primary' },
  retrying: { tag: 'warning' },
  done: { tag: 'success' },
  failed: { tag: 'danger' },
  cancelled: { tag: 'info' },
});
const ENDED = new Set(['done', 'failed', 'cancelled']);
/** The topics the jobs page listens to: progress and every state. */
export const JOB_TOPICS = ['PROGRESS', ...Object.keys(JOB_STATES)].map((s) => PUBLISH_PREFIX + s.toUpperCase());

export const { label: jobStateLabel, tag: jobStateTag } = labelsOf(JOB_STATES);
export const jobEnded = (state) => ENDED.has(state);
/** Waiting or sending: it can be cancelled. */
export const jobCancellable = (state) => Boolean(JOB_STATES[state]) && !jobEnded(state);

/** The progress bar's colour class: sending, waiting to retry, failed or done. */
export function jobBar(job) {
  if (job.state === 'done') return 'success';
  if (job.state === 'failed') return 'exception';
  if (job.state === 'retrying') return 'warning';
  return '';
}

/** "1.2 GB / 3.4 GB", or what was sent alone while the total is not known. */
export function jobBytes(job) {
  return Number(job.total) > 0 ? `${formatBytes(job.bytesSent)} / ${formatBytes(job.total)}` : formatBytes(job.bytesSent);
}

/**
 * One server-sent event as a change to a job: {id, target, recording, state (lower case, as the jobs
 * list), bytesSent, total, percent, error, updated}. data: the event's data as sent (JSON text) or
 * parsed. null for any other event, a live target's (LIVE, no job), or data that is not JSON.
 */
export function jobUpdate(topic, data) {
  if (!String(topic).startsWith(PUBLISH_PREFIX)) return null;
  let d = data;
  if (typeof d === 'string') {
    try {
      d = JSON.parse(d);
    } catch {
      return null;
    }
  }
  if (!d || typeof d !== 'object' || !d.job) return null;
  const kind = String(topic).slice(PUBLISH_PREFIX.length).toLowerCase();
  const state = String(d.state ?? (kind === 'progress' ? 'uploading' : kind)).toLowerCase();
  if (!JOB_STATES[state]) return null;
  const number = (v) => (v === undefined || v === null || !Number.isFinite(Number(v)) ? undefined : Number(v));
  const update = { id: String(d.job), state, bytesSent: number(d.bytesSent), total: number(d.total), percent: number(d.percent),
    error: d.error ?? null, updated: d.at ?? null };
  if (d.target !== undefined) update.target = d.target;
  if (d.recording !== undefined) update.recording = d.recording;
  return Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined));
}

/**
 * The jobs with an update applied: the job merged (a job that has ended does not start again from a
 * late progress event), or added when unknown (known: false, so the page reads the list for its room).
 */
export function applyJobUpdate(jobs, update) {
  const list = jobs ?? [];
  const at = list.findIndex((j) => j.id === update.id);
  if (at < 0) return { jobs: [{ room: null, attempts: 0, ...update, created: update.updated }, ...list], known: false };
  const job = list[at];
  if (jobEnded(job.state) && !jobEnded(update.state)) return { jobs: list, known: true };
  const merged = { ...job, ...update };
  return { jobs: list.map((j, i) => (i === at ? merged : j)), known: true };
}

/** Newest first. */
export function sortJobs(jobs) {
  return [...(jobs ?? [])].sort((a, b) => String(b.created ?? '').localeCompare(String(a.created ?? '')) || String(b.id).localeCompare(String(a.id)));
}

const { label: targetLabel, tag: targetTag } = labelsOf(worded('targetState', {
  pushing: { tag: 'success' }, reconnecting: { tag: 'warning' }, idle: { tag: 'info' }, connecting: { tag: 'warning' },
}));

/** A live target's status ("pushing: …") in words, with its tag colour; null for a target that tells none. */
export function targetStatus(status) {
  if (!status) return null;
  const [word] = String(status).split(':');
  return { label: targetLabel(word.trim()), tag: targetTag(word.trim()), text: String(status) };
}
