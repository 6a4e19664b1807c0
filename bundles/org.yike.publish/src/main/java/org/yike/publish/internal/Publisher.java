package org.yike.publish.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.connector.PlatformConnector;
import org.yike.api.publish.Job;
import org.yike.api.publish.PublishEvents;
import org.yike.api.publish.PublishService;
import org.yike.api.publish.Rule;
import org.yike.api.publish.Target;
import org.yike.api.recording.Recording;
import org.yike.api.recording.RecordingEvents;
import org.yike.api.recording.RecordingService;
import org.yike.settings.FrameworkSettings;

/** The publishing service: targets, rules and the queue, kept in the data folder's {@code publish}. */
@Component(service = { PublishService.class, EventHandler.class }, configurationPid = "org.yike.publish",
        property = EventConstants.EVENT_TOPIC + "=" + RecordingEvents.STOPPED)
@Designate(ocd = PublishConfig.class)
public class Publisher implements PublishService, EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final RecordingService recordings;
    private final Targets targets;
    private final Rules rules;
    private final Queue queue;

    @Activate
    public Publisher(BundleContext context, @Reference RecordingService recordings, @Reference ConfigurationAdmin configurations,
            @Reference MetaTypeService metatypes, @Reference EventAdmin events, PublishConfig config) throws IOException {
        this.recordings = recordings;
        Path folder = FrameworkSettings.of(context).dataFolder().resolve("publish");
        this.targets = new Targets(configurations, metatypes, new Sealed(folder.resolve("secret.key")));
        this.rules = new Rules(folder.resolve("rules.json"));
        Queue.Retry retry = new Queue.Retry(Duration.ofMillis(Math.round(config.retryFirstSeconds() * 1000)),
                Duration.ofMillis(Math.round(config.retryLongestSeconds() * 1000)), config.attempts());
        this.queue = new Queue(new Journal(folder.resolve("jobs")), recordings::get, targets,
                (topic, job) -> events.postEvent(new Event(topic, properties(job))), retry, config.parallel(),
                Clock.systemDefaultZone());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeConnector")
    void addConnector(PlatformConnector connector, ServiceReference<PlatformConnector> reference) {
        targets.installed(connector, reference.getBundle());
        tell(connector.type());
    }

    void removeConnector(PlatformConnector connector) {
        targets.removed(connector);
    }

    @Deactivate
    void deactivate() {
        queue.close();
    }

    @Override
    public List<Target> targets() {
        return targets.list();
    }

    @Override
    public Target putTarget(String type, String name, Map<String, Object> config) {
        Target t = targets.put(type, name, config);
        LOG.info("Publishing target {} ({}) configured", name, type);
        tell(type);
        return t;
    }

    @Override
    public Map<String, String> targetSecrets(String name) {
        return targets.secrets(name);
    }

    @Override
    public Target removeTarget(String name) {
        Target t = targets.remove(name);
        tell(t.type());
        return t;
    }

    /** Hands a connector its targets as they are now; a connector that fails at it harms no other. */
    private void tell(String type) {
        targets.connector(type).ifPresent(c -> {
            try {
                c.targets(targets.opened(type));
            } catch (RuntimeException e) {
                LOG.error("Connector {} could not take its targets", type, e);
            }
        });
    }

    @Override
    public Job publish(String recordingId, String target) {
        Recording lesson = recordings.get(recordingId)
                .orElseThrow(() -> new IllegalArgumentException("no lesson " + recordingId));
        return queue.add(lesson, target);
    }

    @Override
    public Job publishNewest(String room, String target) {
        List<Recording> finished = recordings.list().stream().filter(r -> r.state() == Recording.State.FINISHED)
                .toList();
        Recording newest = finished.stream().filter(r -> r.classroom().equals(room))
                .max(Comparator.comparing(Recording::ended, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElseThrow(() -> new IllegalArgumentException("room " + room + " has no finished lesson; rooms with one: "
                        + String.join(", ", finished.stream().map(Recording::classroom).distinct().sorted().toList())));
        return queue.add(newest, target);
    }

    @Override
    public List<Rule> rules() {
        return rules.list();
    }

    @Override
    public Rule addRule(String room, String target) {
        targets.find(target);
        try {
            return rules.add(new Rule(room, target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Rule removeRule(String room, String target) {
        try {
            return rules.remove(new Rule(room, target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Job> jobs() {
        return queue.jobs();
    }

    @Override
    public Optional<Job> job(String id) {
        return queue.job(id);
    }

    @Override
    public Job cancel(String id) {
        return queue.cancel(id);
    }

    /** A lesson finished: the rules of its room queue it. */
    @Override
    public void handleEvent(Event event) {
        String id = (String) event.getProperty(RecordingEvents.ID);
        String room = (String) event.getProperty(RecordingEvents.CLASSROOM);
        for (Rule r : rules.list()) {
            if (!r.room().equals(room)) continue;
            try {
                Job job = publish(id, r.target());
                LOG.info("Lesson {} of room {} queued for {} by a rule (job {})", id, room, r.target(), job.id());
            } catch (RuntimeException e) {
                LOG.warn("Lesson {} of room {} could not be queued for {}", id, room, r.target(), e);
            }
        }
    }

    private static Map<String, Object> properties(Job job) {
        Map<String, Object> p = new HashMap<>();
        p.put(PublishEvents.JOB, job.id());
        p.put(PublishEvents.TARGET, job.target());
        p.put(PublishEvents.RECORDING, job.recording());
        p.put(PublishEvents.STATE, job.state().name());
        p.put(PublishEvents.BYTES_SENT, job.bytesSent());
        p.put(PublishEvents.TOTAL, job.total());
        p.put(PublishEvents.PERCENT, job.percent());
        if (job.error() != null) p.put(PublishEvents.ERROR, job.error());
        return p;
    }
}
