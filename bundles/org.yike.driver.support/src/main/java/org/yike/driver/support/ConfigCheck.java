package org.yike.driver.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Role;

/**
 * The problems of a device configuration, collected check by check into one sentence a person can
 * act on. No check quotes a password or a URL (which may hold credentials).
 */
public final class ConfigCheck {

    private final List<String> problems = new ArrayList<>();

    /** A configured text without the spaces around it, {@code ""} for none. */
    public static String text(String s) {
        return s == null ? "" : s.trim();
    }

    /** A user name or password as given (spaces may belong to it), {@code ""} for none. */
    public static String raw(String s) {
        return s == null ? "" : s;
    }

    /** The id (it names files and URLs), the classroom and the role of the camera's picture. */
    public ConfigCheck device(String id, String classroom, String role) {
        return identity(id, classroom)
                .require(Role.named(role) != null, "role '" + text(role) + "' must be one of " + String.join(", ", Role.OPTIONS));
    }

    /** The id (it names files and URLs) and the classroom, for a device whose role is fixed. */
    public ConfigCheck identity(String id, String classroom) {
        require(text(id).matches("[A-Za-z0-9._-]+"), "id '" + text(id) + "' must be letters, digits, . _ -");
        return require(!text(classroom).isEmpty(), "classroom is empty");
    }

    /** {@code url} parsed, or {@code null} with the problem noted when it is empty or no URL. */
    public URI url(String url) {
        if (text(url).isEmpty()) {
            problems.add("url is empty");
            return null;
        }
        try {
            return new URI(text(url));
        } catch (URISyntaxException e) {
            problems.add("url is not a URL: " + e.getReason() + " at character " + (e.getIndex() + 1));
            return null;
        }
    }

    public ConfigCheck credentials(String user, String password) {
        return require(!raw(user).isEmpty() || raw(password).isEmpty(), "a password needs a username");
    }

    /** {@code what value unit must be min..max}, e.g. {@code timeout 0 s must be 1..60}; {@code unit} may be empty. */
    public ConfigCheck range(String what, int value, int min, int max, String unit) {
        String amount = unit.isEmpty() ? Integer.toString(value) : value + " " + unit;
        return require(value >= min && value <= max, what + " " + amount + " must be " + min + ".." + max);
    }

    /** Each entry {@code key=EVENT_TYPE}; {@code keyName} says what the key is, e.g. {@code topic}. */
    public ConfigCheck events(String[] entries, String keyName) {
        for (String entry : entries == null ? new String[0] : entries) {
            require(event(entry, UnaryOperator.identity()) != null, "event mapping '" + entry + "' must be " + keyName + "="
                    + String.join("|", Arrays.stream(ClassroomEvent.Type.values()).map(Enum::name).toList()));
        }
        return this;
    }

    public ConfigCheck require(boolean ok, String problem) {
        if (!ok) problems.add(problem);
        return this;
    }

    /** The problems found, {@code "; "} between them, or {@code null} where there is none. */
    public String problem() {
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /**
     * The event mapping of checked entries: each key as {@code key} normalises it (a camera's
     * spelling), to the classroom event it makes.
     */
    public static Map<String, ClassroomEvent.Type> events(String[] entries, UnaryOperator<String> key) {
        Map<String, ClassroomEvent.Type> events = new LinkedHashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            Map.Entry<String, ClassroomEvent.Type> e = event(entry, key);
            events.put(e.getKey(), e.getValue());
        }
        return events;
    }

    /** {@code VMD=TEACHER_MOVED} as (key, event type), the type's case ignored, or {@code null}. */
    private static Map.Entry<String, ClassroomEvent.Type> event(String entry, UnaryOperator<String> key) {
        int eq = entry == null ? -1 : entry.lastIndexOf('=');
        if (eq <= 0 || entry.substring(0, eq).isBlank()) return null;
        String type = entry.substring(eq + 1).trim();
        for (ClassroomEvent.Type t : ClassroomEvent.Type.values()) {
            if (t.name().equalsIgnoreCase(type)) return Map.entry(key.apply(entry.substring(0, eq).trim()), t);
        }
        return null;
    }
}
