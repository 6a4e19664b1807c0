package org.yike.api.device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** EventAdmin for a detector's unit test: keeps the classroom events posted or sent, in order. */
public final class PostedEvents implements EventAdmin {

    private final List<ClassroomEvent> events = new ArrayList<>();

    /** What was posted so far. */
    public synchronized List<ClassroomEvent> events() {
        return List.copyOf(events);
    }

    /** The first event of {@code type} posted, waiting for it up to {@code seconds}. */
    public synchronized ClassroomEvent await(ClassroomEvent.Type type, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            for (ClassroomEvent e : events) {
                if (e.type() == type) return e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("no " + type + " within " + seconds + " s: " + events);
            wait(left / 1_000_000 + 1);
        }
    }

    @Override
    public synchronized void postEvent(Event event) {
        Map<String, Object> p = new HashMap<>();
        for (String name : event.getPropertyNames()) p.put(name, event.getProperty(name));
        ClassroomEvent e = ClassroomEvent.fromProperties(p);
        if (!event.getTopic().equals(e.topic())) throw new AssertionError("posted on " + event.getTopic() + ": " + e);
        events.add(e);
        notifyAll();
    }

    @Override
    public void sendEvent(Event event) {
        postEvent(event);
    }
}
