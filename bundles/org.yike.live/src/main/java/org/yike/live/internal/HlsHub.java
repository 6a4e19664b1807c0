package org.yike.live.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveSubscription;
import org.yike.media.LiveMuxer;

/**
 * One stream's HLS live playlist and segments in a folder of their own, made by FFmpeg's HLS muxer from
 * the stream's packets on a thread of its own, for as long as the playlist is read: it ends with the
 * stream or after a quiet spell, and deletes its folder.
 */
final class HlsHub implements Runnable {

    static final String PLAYLIST = "index.m3u8";

    private static final Logger LOG = LoggerFactory.getLogger(HlsHub.class);

    private final LiveSubscription subscription;
    private final Path folder;
    private final Limits limits;
    private final Consumer<HlsHub> gone;
    private final Thread thread;
    private volatile long lastRead = System.nanoTime();
    private volatile boolean stopped;

    /** @param gone called on the hub's thread when it has ended, before its folder is deleted */
    HlsHub(LiveSubscription subscription, Path folder, Limits limits, Consumer<HlsHub> gone) {
        this.subscription = subscription;
        this.folder = folder;
        this.limits = limits;
        this.gone = gone;
        this.thread = new Thread(this, "yike-hls-" + subscription.stream().room() + "-" + subscription.stream().name());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The playlist or a segment was asked for: the stream goes on. */
    void read() {
        lastRead = System.nanoTime();
    }

    /**
     * A file of the stream's, {@code null} where there is none of that name; the playlist once its
     * first segment is there, waiting up to {@code maxWait} for it.
     */
    Path file(String name, long maxWaitMillis) throws InterruptedException {
        read();
        Path f = folder.resolve(name);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        while (!stopped && !Files.isRegularFile(f) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50); // FFmpeg writes it when its first segment is complete
        }
        return Files.isRegularFile(f) ? f : null;
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.join(5000);
    }

    @Override
    public void run() {
        long quiet = limits.hlsIdle().toNanos();
        try (LiveMuxer muxer = LiveMuxer.hls(subscription.stream(), folder, limits.hlsSegmentSeconds(), limits.hlsListSize())) {
            while (!stopped && !subscription.ended() && System.nanoTime() - lastRead < quiet) {
                LivePacket p = subscription.take(200, TimeUnit.MILLISECONDS);
                if (p != null) muxer.write(p);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("HLS of live stream {} of room {} failed: {}", subscription.stream().name(), subscription.stream().room(),
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped = true;
            subscription.close();
            gone.accept(this);
            try {
                delete(folder);
            } catch (IOException e) {
                LOG.debug("HLS folder {} left behind: {}", folder, e.getMessage());
            }
        }
    }

    /** Deletes a hub's folder and what is in it. */
    static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
