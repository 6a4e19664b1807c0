package org.yike.api.modules;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Every change to the code a runtime runs or offers: who, what, when, with what result. */
@ProviderType
public interface AuditLog {

    record Entry(Instant at, String who, String action, String subject, String result) {
    }

    void record(String who, String action, String subject, String result);

    /** The newest {@code count} entries, oldest first. */
    List<Entry> last(int count);
}
