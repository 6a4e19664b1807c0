package org.yike.api.vision;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The pictures of the cameras that running lessons read, for analysis. A subscription outlives lessons:
 * a detector subscribes once and sees each lesson's pictures while it runs.
 */
@ProviderType
public interface Pictures {

    /** The video sources read now. */
    List<PictureSource> sources();

    /** Pictures as {@code request} asks, from now on. */
    PictureSubscription subscribe(PictureRequest request);
}
