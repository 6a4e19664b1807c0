// The runtime's events (GET /api/events, server-sent events): event is the topic, data its properties
// as JSON. A browser's EventSource carries the session cookie (same origin) and connects again by
// itself after a network error; one the server answered with an error (a 401, 503: too many streams)
// stays closed, so it is opened again after a while. The caller hears when the stream is down, to
// poll meanwhile, and when it is up again.
import { eventsUrl } from './endpoints.js';

export const REOPEN_MS = 10_000;

/**
 * Listens to topics (EventSource names each event by its topic, so one listener each), calling
 * onEvent(topic, data) with data as sent (JSON text). Answers close(). onDown when the stream
 * errs (once until it is up again), onUp when it opens.
 */
export function listenEvents(topics, onEvent, { onDown = () => {}, onUp = () => {}, Source = globalThis.EventSource,
  reopenMs = REOPEN_MS } = {}) {
  let source = null;
  let timer = null;
  let down = false;
  let closed = false;
  const open = () => {
    if (!Source) {
      onDown();
      return;
    }
    source = new Source(eventsUrl());
    source.onopen = () => {
      down = false;
      onUp();
    };
    source.onerror = () => {
      if (!down) {
        down = true;
        onDown();
      }
      if (source.readyState === 2 && !closed) { // CLOSED: the server refused it; EventSource will not retry
        source.close();
        timer = setTimeout(open, reopenMs);
      }
    };
    for (const topic of topics) source.addEventListener(topic, (e) => onEvent(topic, e.data));
  };
  open();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}
