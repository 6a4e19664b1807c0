// Every address the pages use, in one place: the rooms and their streams (the live delivery bundle,
// org.yike.live serves them), the login session, the users, the lesson catalog, the devices and drivers,
// the timetable, publishing, modules, the runtime's status, recordings and directing, and its events.
const seg = encodeURIComponent;

export const sessionUrl = () => '/api/session';
export const usersUrl = () => '/api/users';
export const userUrl = (name) => `/api/users/${seg(name)}`;

/** query: lessonsQuery's "?q=…&page=0&size=12". A lesson's files, poster and chapter pictures: the addresses it names. */
export const lessonsUrl = (query = '') => `/api/lessons${query}`;
export const lessonUrl = (id) => `/api/lessons/${seg(id)}`;
/** POST: its teacher asks for the lesson to be published. */
export const reviewRequestUrl = (id) => `/api/lessons/${seg(id)}/review-request`;
/** POST {decision: publish | reject, reason}: a reviewer decides. */
export const reviewUrl = (id) => `/api/lessons/${seg(id)}/review`;
/** POST {view, playedMillis}: a player played 10 s of the lesson. */
export const viewsUrl = (id) => `/api/lessons/${seg(id)}/views`;
/** GET: the lesson's analysis (S-T, stand-ups, the teacher's places); 404 until it has ended and been analysed. */
export const analysisUrl = (id) => `/api/lessons/${seg(id)}/analysis`;
/** The school's figures from one day to another (YYYY-MM-DD). */
/** rooms: those of a building, say (none: the whole school). */
export const dashboardUrl = (from, to, rooms = []) => `/api/dashboard?${new URLSearchParams({ from, to, ...(rooms.length ? { rooms: rooms.join(',') } : {}) })}`;

/** The contests (优课评选): POST a new one, GET the list. */
export const contestsUrl = () => '/api/contests';
export const contestUrl = (id) => `/api/contests/${seg(id)}`;
/** POST {lesson}: a lesson nominated into the first round. */
export const entriesUrl = (id) => `/api/contests/${seg(id)}/entries`;
/** what: entries (GET), assign (POST), ranking (GET) or close (POST) of round n (from 1). */
export const roundUrl = (id, n, what) => `/api/contests/${seg(id)}/rounds/${n}/${what}`;
/** The calling judge's entries of the running round, blind. */
export const assignedUrl = (id) => `/api/contests/${seg(id)}/assigned`;
/** PUT {score, comment}: a judge's score of an entry. */
export const entryScoreUrl = (id, entry) => `/api/contests/${seg(id)}/entries/${seg(entry)}/score`;
/** The caller's lessons in the closed contests: where each stopped, the judges' comments. */
export const myContestsUrl = () => '/api/contests/mine';
/** The judges' comments on a lesson, once the contest has closed. */
export const commentsUrl = (id, lesson) => `/api/contests/${seg(id)}/comments/${seg(lesson)}`;

/** The rubrics (评价量表): GET the newest of each, POST one to import. */
export const rubricsUrl = () => '/api/rubrics';
/** One version of a rubric, as JSON to import elsewhere. */
export const rubricUrl = (id, version) => `/api/rubrics/${seg(id)}/${version}`;
/** POST {lesson, rubric}: an evaluation started; lesson given: GET that lesson's evaluations. */
export const evaluationsUrl = (lesson) => (lesson ? `/api/evaluations?${new URLSearchParams({ lesson })}` : '/api/evaluations');
export const evaluationUrl = (id) => `/api/evaluations/${seg(id)}`;
/** PUT {score}: an indicator's score. */
export const evaluationScoreUrl = (id, indicator) => `/api/evaluations/${seg(id)}/scores/${seg(indicator)}`;
/** POST {atMillis, text}: a note on the lesson's timeline. */
export const evaluationNotesUrl = (id) => `/api/evaluations/${seg(id)}/notes`;
export const evaluationSubmitUrl = (id) => `/api/evaluations/${seg(id)}/submit`;
/** by: teacher, course, grade or term; format: xlsx or pdf for a file to download, none for JSON. */
export function statisticsUrl(by, format) {
  const params = new URLSearchParams({ by });
  if (format) params.set('format', format);
  return `/api/evaluations/statistics?${params}`;
}

export const devicesUrl = () => '/api/devices';
export const deviceUrl = (id) => `/api/devices/${seg(id)}`;
export const driversUrl = () => '/api/drivers';
/** What the driver finds on the network within timeout seconds. */
export const discoveredUrl = (driver, timeout = 3) => `/api/drivers/${seg(driver)}/discovered?timeout=${timeout}`;

/** part: bells, calendar or lessons (PUT, text/csv). */
export const timetableUrl = (part) => `/api/timetable/${seg(part)}`;
/** The sessions from one day to another (YYYY-MM-DD), all rooms unless room. */
export function scheduleUrl(from, to, room) {
  const params = new URLSearchParams({ from, to });
  if (room) params.set('room', room);
  return `/api/schedule?${params}`;
}

export const publishTypesUrl = () => '/api/publish/types';
export const publishTargetsUrl = () => '/api/publish/targets';
export const publishTargetUrl = (name) => `/api/publish/targets/${seg(name)}`;
/** GET, POST and DELETE, the rule {room, target} in the body. */
export const publishRulesUrl = () => '/api/publish/rules';
/** The one button: the room's newest finished lesson to the target. */
export const publishNewestUrl = () => '/api/publish/newest';
export const publishJobsUrl = () => '/api/publish/jobs';
export const publishJobUrl = (id) => `/api/publish/jobs/${seg(id)}`;

export const modulesUrl = () => '/api/modules';
export const moduleUrl = (bsn) => `/api/modules/${seg(bsn)}`;
export const moduleRollbackUrl = (bsn) => `/api/modules/${seg(bsn)}/rollback`;

export const statusUrl = () => '/api/status';
export const recordingsUrl = () => '/api/recordings';
/** POST {layout, sources, framing, cause}: an operator's shot in the room's running lesson. */
export const cutUrl = (room) => `/api/classrooms/${seg(room)}/cut`;
/** POST: the room's own strategy directs again. */
export const resumeUrl = (room) => `/api/classrooms/${seg(room)}/resume`;
/** {key: [preset]}: the presets of the cameras of the room's running lesson that can turn. */
export const presetsUrl = (room) => `/api/classrooms/${seg(room)}/presets`;

/** Server-sent events: event is the topic, data its properties as JSON. */
export const eventsUrl = () => '/api/events';

export const roomsUrl = () => '/api/live';
export const roomUrl = (room) => `/api/live/${seg(room)}`;

function wsBase() {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** WebSocket-FLV: one binary FLV message stream; closes 1000 "ended" at the lesson's end, 1008 when behind. */
export const flvSocketUrl = (room, stream) => `${wsBase()}/live/${seg(room)}/${seg(stream)}`;
export const hlsUrl = (room, stream) => `/live/${seg(room)}/${seg(stream)}/index.m3u8`;

/** The page's own routes. */
export const wallPath = () => '/';
export const roomPath = (room) => `/room/${seg(room)}`;
export const loginPath = () => '/login';
export const usersPath = () => '/users';
export const lessonsPath = () => '/lessons';
export const lessonPath = (id) => `/lessons/${seg(id)}`;
export const reviewPath = () => '/review';
export const dashboardPath = () => '/dashboard';
/** contest: the one opened, else the list alone. */
export const contestsPath = (contest) => (contest ? `/contests?${new URLSearchParams({ contest })}` : '/contests');
/** A judge's entry: its lesson played blind, scored and commented. */
export const judgePath = (contest, entry) => `/contests/${seg(contest)}/entries/${seg(entry)}`;
export const evaluationsPath = () => '/evaluations';
export const consoleDevicesPath = () => '/console/devices';
export const consoleTimetablePath = () => '/console/timetable';
export const consolePublishingPath = () => '/console/publishing';
export const consoleModulesPath = () => '/console/modules';
export const consoleSystemPath = () => '/console/system';
export const consoleDirectingPath = () => '/console/directing';
