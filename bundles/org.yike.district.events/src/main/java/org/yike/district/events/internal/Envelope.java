package org.yike.district.events.internal;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One school event as it travels: its id (the de-duplication key at the broker and at the district),
 * the school, the EventAdmin topic, when it happened and its properties as JSON.
 */
record Envelope(String eventId, String school, String topic, long occurred, JsonNode payload) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The stream's subjects: yike.&lt;school&gt;.&lt;topic&gt;. */
    static final String SUBJECTS = "yike.>";

    /** yike.&lt;school&gt;.recording.STOPPED for org/yike/recording/STOPPED of that school. */
    String subject() {
        return "yike." + token(school) + "." + topic.replaceFirst("^org/yike/", "").replace('/', '.');
    }

    byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("an event does not write as JSON: " + eventId, e);
        }
    }

    static Envelope read(byte[] data) throws IOException {
        Envelope e = JSON.readValue(data, Envelope.class);
        if (e.eventId() == null || e.school() == null || e.topic() == null) throw new IOException("not a school event");
        return e;
    }

    /** A subject token: NATS gives '.', '*', '>' and blanks a meaning. */
    private static String token(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The value of a payload's property as text, null where it has none. */
    String text(String property) {
        JsonNode v = payload.get(property);
        return v == null || v.isNull() ? null : v.asText();
    }

    static JsonNode payload(Map<String, Object> properties) {
        return JSON.valueToTree(properties);
    }
}
