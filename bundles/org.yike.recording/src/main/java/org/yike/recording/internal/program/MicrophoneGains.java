package org.yike.recording.internal.program;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the configured microphone gains: {@code sourceKey=dB} or {@code sourceKey=mute}. */
public final class MicrophoneGains {

    private static final Logger LOG = LoggerFactory.getLogger(MicrophoneGains.class);

    private MicrophoneGains() {
    }

    /** Linear gains by source key; an entry that cannot be read is left out, with a log line saying why. */
    public static Map<String, Double> parse(String[] entries) {
        Map<String, Double> gains = new HashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            int eq = entry.lastIndexOf('=');
            String key = eq > 0 ? entry.substring(0, eq).trim() : "";
            String value = eq > 0 ? entry.substring(eq + 1).trim() : "";
            if (key.isEmpty()) {
                LOG.error("Microphone gain '{}' ignored: write sourceKey=dB or sourceKey=mute", entry);
            } else if (value.equalsIgnoreCase("mute")) {
                gains.put(key, 0.0);
            } else {
                try {
                    gains.put(key, Math.pow(10, Double.parseDouble(value) / 20));
                } catch (NumberFormatException e) {
                    LOG.error("Microphone gain '{}' ignored: '{}' is neither dB nor mute", entry, value);
                }
            }
        }
        return Map.copyOf(gains);
    }
}
