package org.yike.api.vision;

import java.util.concurrent.TimeUnit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A subscriber's pictures. It holds one picture per source, the newest: one that is not taken before the
 * next comes is lost ({@link #lostPictures()}), so a slow analyser sees fewer pictures and never slows
 * the recording. Pictures come while a lesson reads a wanted source, and again in the next lesson. One
 * thread takes.
 */
@ProviderType
public interface PictureSubscription extends AutoCloseable {

    PictureRequest request();

    /**
     * The next picture of any wanted source, waiting up to {@code timeout}; {@code null} when none came
     * in time or the subscription is closed.
     */
    Picture take(long timeout, TimeUnit unit) throws InterruptedException;

    /** Pictures replaced by a newer one before this subscriber took them. */
    long lostPictures();

    /** Whether this subscription was closed, by its subscriber or because the runtime stops. */
    boolean closed();

    /** Stops the pictures. */
    @Override
    void close();
}
