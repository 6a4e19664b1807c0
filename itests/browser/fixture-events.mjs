// The runtime's events as fixture-server.mjs streams them, as Yike's GET /api/events does: a real
// text/event-stream, "event:" the topic, "data:" its properties as JSON with "at", a comment first and
// every 15 s. The other fixtures send through emit(); a test sends its own through
//   POST /_fixture/events {"topic", "data"}   (the alerts of the system page)

const streams = new Set();
const HEARTBEAT_MS = 15_000;

/** Sends one event to every open stream. */
export function emit(topic, data) {
  const frame = `event: ${topic}\ndata: ${JSON.stringify({ ...data, at: new Date().toISOString() })}\n\n`;
  for (const res of streams) res.write(frame);
}

/** Answers GET /api/events (the login's door is before it); false for any other path. */
export function eventsApi(req, res, path) {
  if (path !== '/api/events') return false;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
  res.write(': yike events\n\n');
  streams.add(res);
  const beat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(beat);
    streams.delete(res);
  });
  return true;
}

/** The fixture's own door: POST /_fixture/events sends the event in the body. */
export async function eventsControl(req, res, path) {
  if (path !== '/_fixture/events' || req.method !== 'POST') return false;
  let text = '';
  for await (const chunk of req) text += chunk;
  const { topic, data } = JSON.parse(text);
  emit(topic, data ?? {});
  res.writeHead(204).end();
  return true;
}
