package org.yike.api.publish;

/**
 * EventAdmin topics of publishing jobs: {@code org/yike/publish/<STATE>} when a job changes state
 * (QUEUED, UPLOADING, RETRYING, DONE, FAILED, CANCELLED) and {@link #PROGRESS} about once a second
 * while it sends. Every event carries {@link #JOB}, {@link #TARGET}, {@link #RECORDING},
 * {@link #STATE}, {@link #BYTES_SENT}, {@link #TOTAL}, {@link #PERCENT}, and {@link #ERROR} when there is one.
 * A live target (RTMP) tells its state on {@link #LIVE}: {@link #TARGET}, {@link #RECORDING},
 * {@link #STATE} (CONNECTING, PUSHING, RECONNECTING, ENDED) and {@link #REASON} in words.
 */
public final class PublishEvents {

    public static final String TOPIC_PREFIX = "org/yike/publish/";
    /** A job has sent everything to its target: the lesson is published there. */
    public static final String DONE = TOPIC_PREFIX + "DONE";
    public static final String PROGRESS = TOPIC_PREFIX + "PROGRESS";
    public static final String LIVE = TOPIC_PREFIX + "LIVE";

    public static final String JOB = "job";
    public static final String TARGET = "target";
    public static final String RECORDING = "recording";
    public static final String STATE = "state";
    public static final String BYTES_SENT = "bytesSent";
    public static final String TOTAL = "total";
    public static final String PERCENT = "percent";
    public static final String ERROR = "error";
    public static final String REASON = "reason";

    private PublishEvents() {
    }
}
