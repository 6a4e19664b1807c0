package org.yike.api.recording;

/**
 * EventAdmin topics of the recording lifecycle. Every event carries {@link #ID}, {@link #CLASSROOM}
 * and, where it has one, {@link #FILE} and {@link #REASON}.
 */
public final class RecordingEvents {

    public static final String TOPIC_PREFIX = "org/yike/recording/";
    public static final String STARTED = TOPIC_PREFIX + "STARTED";
    public static final String STOPPED = TOPIC_PREFIX + "STOPPED";
    public static final String FAILED = TOPIC_PREFIX + "FAILED";
    /** The director cut to another shot; carries {@link #SOURCES}, {@link #LAYOUT} and {@link #REASON}. */
    public static final String PROGRAM_CHANGED = TOPIC_PREFIX + "PROGRAM_CHANGED";
    /** A source of a running recording was lost or came back; carries {@link #SOURCES} and {@link #REASON}. */
    public static final String SOURCE_STATE = TOPIC_PREFIX + "SOURCE_STATE";

    /**
     * Free space on the recordings' disk fell below the configured minimum: a lesson was refused
     * or ended early. Carries {@link #FREE_BYTES} and {@link #REASON}; {@link #ID} when a lesson ended.
     */
    public static final String DISK_LOW = TOPIC_PREFIX + "DISK_LOW";

    /**
     * A microphone's level over the last 200 ms, for meters: carries {@link #SOURCES} (the
     * microphone), {@link #RMS_DB} and {@link #PEAK_DB} (dBFS, -120 is silence).
     */
    public static final String AUDIO_LEVEL = TOPIC_PREFIX + "AUDIO_LEVEL";

    public static final String ID = "recording";
    public static final String CLASSROOM = "classroom";
    public static final String FILE = "file";
    public static final String REASON = "reason";
    public static final String SOURCES = "sources";
    public static final String LAYOUT = "layout";
    public static final String FREE_BYTES = "freeBytes";
    public static final String RMS_DB = "rmsDb";
    public static final String PEAK_DB = "peakDb";

    private RecordingEvents() {
    }
}
