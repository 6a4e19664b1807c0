package org.yike.api.publish;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes finished lessons to targets through a persistent queue: jobs survive a restart, retry
 * with backoff and resume where the transfer broke. Errors a caller can fix come as
 * {@link IllegalArgumentException} (unknown lesson, target, room, job) or
 * {@link IllegalStateException} (a name taken, a lesson not finished).
 */
@ProviderType
public interface PublishService {

    /** The targets, each with its configuration less its secrets. */
    List<Target> targets();

    /**
     * Adds a target of connector {@code type}, or replaces the one of that name. {@code config}
     * holds values already checked against the connector's Metatype; its secrets are stored sealed.
     */
    Target putTarget(String type, String name, Map<String, Object> config);

    Target removeTarget(String name);

    /**
     * The target's secrets opened, by attribute: only for an export that seals them again under the
     * school's passphrase. Never answer them to a caller.
     */
    Map<String, String> targetSecrets(String name);

    /** Queues one lesson for a target; republishing replaces the files already there. */
    Job publish(String recordingId, String target);

    /** Queues the room's newest finished lesson for a target. */
    Job publishNewest(String room, String target);

    List<Rule> rules();

    /** Every lesson of {@code room} is queued for {@code target} as it finishes. */
    Rule addRule(String room, String target);

    Rule removeRule(String room, String target);

    /** Every job, newest first. */
    List<Job> jobs();

    Optional<Job> job(String id);

    /** Stops a job: a running transfer ends, its temporary file stays for no one to see. */
    Job cancel(String id);
}
