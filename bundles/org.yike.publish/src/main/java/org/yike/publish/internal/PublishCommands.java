package org.yike.publish.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.api.publish.Job;
import org.yike.api.publish.PublishService;
import org.yike.api.publish.Target;

/** Gogo shell commands: {@code yike:targets}, {@code yike:publish}, {@code yike:jobs}, {@code yike:cancel}. */
@Component(service = PublishCommands.class, property = { "osgi.command.scope=yike", "osgi.command.function=targets",
        "osgi.command.function=publish", "osgi.command.function=jobs", "osgi.command.function=cancel" })
public class PublishCommands {

    @Reference
    PublishService publishing;

    public String targets() {
        StringBuilder out = new StringBuilder();
        for (Target t : publishing.targets()) {
            out.append(String.format("%-20s %-8s %s%n", t.name(), t.type(), t.config().getOrDefault("url", "")));
        }
        return out.toString();
    }

    /** {@code publish <lesson id> <target>}. */
    public String publish(String lesson, String target) {
        return describe(publishing.publish(lesson, target));
    }

    /** {@code publish newest <room> <target>}: the room's newest finished lesson. */
    public String publish(String newest, String room, String target) {
        if (!newest.equals("newest")) throw new IllegalArgumentException("publish <lesson> <target> or publish newest <room> <target>");
        return describe(publishing.publishNewest(room, target));
    }

    public String jobs() {
        StringBuilder out = new StringBuilder();
        for (Job j : publishing.jobs()) out.append(describe(j));
        return out.toString();
    }

    public String cancel(String job) {
        return describe(publishing.cancel(job));
    }

    private static String describe(Job j) {
        return String.format("%-22s %-24s %-12s %-10s %3d%% %d/%d bytes, attempt %d%s%n", j.id(), j.recording(), j.target(),
                j.state(), j.percent(), j.bytesSent(), j.total(), j.attempts(), j.error() == null ? "" : ": " + j.error());
    }
}
