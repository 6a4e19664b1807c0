package org.yike.recording.internal;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.recording.RecordingService;
import org.yike.api.runtime.Settings;
import org.yike.settings.FrameworkSettings;

/**
 * With {@code yike.record.on.start=true}, starts a lesson in every classroom once its cameras have
 * appeared (drivers start in any order, so it watches for up to {@link #WAIT_MILLIS}).
 */
@Component(immediate = true, service = {})
public class StartOnBoot {

    private static final Logger LOG = LoggerFactory.getLogger(StartOnBoot.class);
    private static final long WAIT_MILLIS = 8000;
    /** Devices of one classroom register within moments of each other. */
    private static final long SETTLE_MILLIS = 300;

    private final Thread thread;

    @Activate
    public StartOnBoot(BundleContext context, @Reference RecordingService recording) {
        if (!FrameworkSettings.of(context).recordOnStart()) {
            thread = null;
            return;
        }
        thread = new Thread(() -> startAll(recording), "yike-start-on-boot");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (thread == null) return;
        thread.interrupt();
        // a start under way is let finish: the recording service stops the lesson it began
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void startAll(RecordingService recording) {
        try {
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (recording.classrooms().isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(100);
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            return;
        }
        if (recording.classrooms().isEmpty()) {
            LOG.warn("{} is set, but no classroom has a camera after {} s", Settings.RECORD_ON_START, WAIT_MILLIS / 1000);
        }
        for (String room : recording.classrooms()) {
            try {
                recording.start(room, null);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the service's refusals (no camera online, the disk full) say why in their message
                LOG.error("Classroom {} could not start recording: {}", room, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Classroom {} could not start recording", room, e);
            }
        }
    }
}
