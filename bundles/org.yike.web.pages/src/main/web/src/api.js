import { ref } from 'vue';
import {
  analysisUrl, assignedUrl, commentsUrl, contestsUrl, contestUrl, myContestsUrl, entriesUrl, entryScoreUrl, evaluationNotesUrl, evaluationScoreUrl,
  evaluationsUrl, evaluationSubmitUrl, roundUrl, rubricsUrl, rubricUrl, statisticsUrl,
  cutUrl, dashboardUrl, deviceUrl, devicesUrl, discoveredUrl, driversUrl, lessonUrl, lessonsUrl, moduleRollbackUrl, moduleUrl, modulesUrl,
  presetsUrl, publishJobUrl, publishJobsUrl, publishNewestUrl, publishRulesUrl, publishTargetUrl, publishTargetsUrl, publishTypesUrl,
  recordingsUrl, resumeUrl, reviewRequestUrl, reviewUrl, roomUrl, roomsUrl, scheduleUrl, statusUrl, timetableUrl, userUrl, usersUrl, viewsUrl,
} from './endpoints.js';
import { language } from './i18n.js';
import { request } from './session.js';

export const fetchRooms = () => request(roomsUrl());
export const fetchRoom = (room) => request(roomUrl(room));

export const fetchUsers = () => request(usersUrl());
export const addUser = (user) => request(usersUrl(), { method: 'POST', body: user });
export const changeUser = (name, changes) => request(userUrl(name), { method: 'PATCH', body: changes });
export const deleteUser = (name) => request(userUrl(name), { method: 'DELETE' });

export const fetchLessons = (query) => request(lessonsUrl(query));
export const fetchLesson = (id) => request(lessonUrl(id));
/** Replaces whom the lesson is shared with (login names); answers the lesson. */
export const shareLesson = (id, sharedWith) => request(lessonUrl(id), { method: 'PATCH', body: { sharedWith } });
/** Its teacher (or an admin) asks for the lesson to be published; answers the lesson. */
export const askReview = (id) => request(reviewRequestUrl(id), { method: 'POST' });
/** A reviewer publishes the lesson, or rejects it with a reason (reason given); answers the lesson. */
export const decideReview = (id, reason) => request(reviewUrl(id),
  { method: 'POST', body: reason === undefined ? { decision: 'publish' } : { decision: 'reject', reason } });

/** A view of the lesson: this player (view, its own id) played playedMillis of it. */
export const countView = (id, view, playedMillis) => request(viewsUrl(id), { method: 'POST', body: { view, playedMillis } });

export const fetchAnalysis = (id) => request(analysisUrl(id));

export const fetchDashboard = (from, to, rooms) => request(dashboardUrl(from, to, rooms));

export const fetchContests = () => request(contestsUrl());
export const fetchContest = (id) => request(contestUrl(id));
export const fetchMyContests = () => request(myContestsUrl());
/** body: {name, rounds: [{name, advance}], threshold, maxScore}; answers the contest in its first round. */
export const createContest = (body) => request(contestsUrl(), { method: 'POST', body });
export const nominate = (id, lesson) => request(entriesUrl(id), { method: 'POST', body: { lesson } });
export const fetchEntries = (id, round) => request(roundUrl(id, round, 'entries'));
export const assignJudges = (id, round) => request(roundUrl(id, round, 'assign'), { method: 'POST' });
export const fetchRanking = (id, round) => request(roundUrl(id, round, 'ranking'));
export const closeRound = (id, round) => request(roundUrl(id, round, 'close'), { method: 'POST' });
export const fetchAssigned = (id) => request(assignedUrl(id));
export const scoreEntry = (id, entry, score, comment) => request(entryScoreUrl(id, entry), { method: 'PUT', body: { score, comment } });
export const fetchComments = (id, lesson) => request(commentsUrl(id, lesson));

export const fetchRubrics = () => request(rubricsUrl());
export const fetchRubric = (id, version) => request(rubricUrl(id, version));
/** body: the rubric's JSON as exported ({id, name, indicators}); answers the version kept. */
export const importRubric = (body) => request(rubricsUrl(), { method: 'POST', body });
export const fetchEvaluations = (lesson) => request(evaluationsUrl(lesson));
export const startEvaluation = (lesson, rubric) => request(evaluationsUrl(), { method: 'POST', body: { lesson, rubric } });
export const scoreIndicator = (id, indicator, score) => request(evaluationScoreUrl(id, indicator), { method: 'PUT', body: { score } });
export const addNote = (id, atMillis, text) => request(evaluationNotesUrl(id), { method: 'POST', body: { atMillis, text } });
export const submitEvaluation = (id) => request(evaluationSubmitUrl(id), { method: 'POST' });
export const fetchStatistics = (by) => request(statisticsUrl(by));

export const fetchDevices = () => request(devicesUrl());
/** The drivers with their forms, labelled in the pages' language. */
export const fetchDrivers = () => request(driversUrl(), { headers: { 'Accept-Language': language() } });
export const fetchDiscovered = (driver) => request(discoveredUrl(driver));
export const addDevice = (body) => request(devicesUrl(), { method: 'POST', body });
export const deleteDevice = (id) => request(deviceUrl(id), { method: 'DELETE' });

/** Replaces a part of the timetable with a CSV file (a File or Blob as picked, or pasted text). */
export const importTimetable = (part, csv) => request(timetableUrl(part), { method: 'PUT', body: csv, type: 'text/csv' });
export const fetchSchedule = (from, to, room) => request(scheduleUrl(from, to, room));

/** The publishing connectors with their targets' forms, labelled in the pages' language. */
export const fetchPublishTypes = () => request(publishTypesUrl(), { headers: { 'Accept-Language': language() } });
export const fetchTargets = () => request(publishTargetsUrl());
export const addTarget = (body) => request(publishTargetsUrl(), { method: 'POST', body });
export const deleteTarget = (name) => request(publishTargetUrl(name), { method: 'DELETE' });
export const fetchRules = () => request(publishRulesUrl());
export const addRule = (rule) => request(publishRulesUrl(), { method: 'POST', body: rule });
export const deleteRule = (rule) => request(publishRulesUrl(), { method: 'DELETE', body: rule });
export const publishNewest = (room, target) => request(publishNewestUrl(), { method: 'POST', body: { room, target } });
export const fetchJobs = () => request(publishJobsUrl());
export const cancelJob = (id) => request(publishJobUrl(id), { method: 'DELETE' });

export const fetchModules = () => request(modulesUrl());
/** Installs or updates; version null: the newest offered. */
export const installModule = (bsn, version) => request(modulesUrl(), { method: 'POST', body: version ? { bsn, version } : { bsn } });
export const uninstallModule = (bsn) => request(moduleUrl(bsn), { method: 'DELETE' });
export const rollbackModule = (bsn) => request(moduleRollbackUrl(bsn), { method: 'POST' });

export const fetchStatus = () => request(statusUrl());
export const fetchRecordings = () => request(recordingsUrl());
export const cut = (room, shot) => request(cutUrl(room), { method: 'POST', body: shot });
export const resume = (room) => request(resumeUrl(room), { method: 'POST' });
export const fetchPresets = (room) => request(presetsUrl(room));

/** A room's state for the player: a room that is gone (404) counts as idle; unreachable throws. */
export async function roomState(room) {
  try {
    return (await fetchRoom(room)).state;
  } catch (e) {
    if (e.status === 404) return 'idle';
    throw e;
  }
}

const visible = ref(typeof document === 'undefined' || !document.hidden);
if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => { visible.value = !document.hidden; });
}

/** Whether the tab is shown (false while it is in the background or minimised). */
export const pageVisible = () => visible;

/**
 * Calls load() now and every intervalMs until stop(); keeps the last answer or error. intervalMs may
 * be a function of the last answer and error, for a pace that depends on what was seen.
 */
export function poll(load, intervalMs) {
  const data = ref(null);
  const error = ref(null);
  let timer = null;
  let stopped = false;
  const tick = async () => {
    try {
      data.value = await load();
      error.value = null;
    } catch (e) {
      error.value = e;
    }
    if (!stopped) timer = setTimeout(tick, typeof intervalMs === 'function' ? intervalMs(data.value, error.value) : intervalMs);
  };
  tick();
  return { data, error, stop: () => { stopped = true; clearTimeout(timer); } };
}
