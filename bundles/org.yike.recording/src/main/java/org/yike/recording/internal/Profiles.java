package org.yike.recording.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.encoder.EncoderBackend;
import org.yike.api.encoder.Profile;

/** The profiles a lesson records, from the configuration, and the encoder backend of each. */
final class Profiles {

    private static final Logger LOG = LoggerFactory.getLogger(Profiles.class);
    /** The profile that is streamed live ({@link LessonRecorder#live}). */
    static final String LIVE = "live";
    /** The backend every build has, preferred when falling back. */
    private static final String DEFAULT_BACKEND = "openh264";

    /** A profile, naming the backend that encodes it. */
    record Encoder(Profile profile, EncoderBackend backend) {
    }

    private Profiles() {
    }

    /** The recording profile (first: the program is made at its size), then live and mobile where on. */
    static List<Profile> of(RecordingConfig c) {
        try {
            List<Profile> profiles = new ArrayList<>();
            profiles.add(new Profile("recording", c.width(), c.height(), c.fps(), c.videoKbps(), c.gopFrames(),
                    c.audioKbps(), 48000, 2, c.backend()));
            if (c.liveKbps() > 0) {
                profiles.add(new Profile(LIVE, c.liveWidth(), c.liveHeight(), c.liveFps(), c.liveKbps(),
                        c.liveGopFrames(), c.audioKbps(), 48000, 2, c.backend()));
            }
            if (c.mobileKbps() > 0) {
                profiles.add(new Profile("mobile", c.mobileWidth(), c.mobileHeight(), c.mobileFps(), c.mobileKbps(),
                        c.mobileGopFrames(), c.audioKbps(), 48000, 2, c.backend()));
            }
            return profiles;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the recording configuration (org.yike.recording) is wrong: " + e.getMessage(), e);
        }
    }

    /** The configured profiles, each with the backend it prefers, else another available one. */
    static List<Encoder> encoders(RecordingConfig c, List<EncoderBackend> backends) {
        List<Encoder> encoders = new ArrayList<>();
        for (Profile wanted : of(c)) {
            EncoderBackend backend = backend(wanted, backends);
            encoders.add(new Encoder(wanted.withBackend(backend.id()), backend));
        }
        return encoders;
    }

    /** The backend the profile prefers, else another available one, with a log line saying so. */
    private static EncoderBackend backend(Profile profile, List<EncoderBackend> backends) {
        EncoderBackend fallback = null;
        for (EncoderBackend b : backends) {
            if (!b.available()) continue;
            if (b.id().equals(profile.backend())) return b;
            if (fallback == null || b.id().equals(DEFAULT_BACKEND)) fallback = b;
        }
        if (fallback == null) throw new IllegalStateException("no encoder backend is installed and available");
        LOG.warn("Encoder backend {} is not available for profile {}; using {}", profile.backend(), profile.name(),
                fallback.id());
        return fallback;
    }
}
