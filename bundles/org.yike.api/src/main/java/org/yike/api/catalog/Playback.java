package org.yike.api.catalog;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What players need beside a lesson's files, made from its media on first request and kept in its
 * folder: HLS VOD of each recorded video, cut without re-encoding, a poster and a picture per
 * chapter. Errors as {@link Catalog}'s: {@link IllegalArgumentException} for what the lesson does not
 * have, {@link IllegalStateException} while it records.
 */
@ProviderType
public interface Playback {

    /**
     * A file of the HLS VOD of one of the lesson's videos ({@code stream}: the video's file name
     * without {@code .mp4}, e.g. {@code program}, {@code program-mobile}): {@code index.m3u8}, the
     * init segment or a media segment it names.
     */
    Optional<Path> hls(String id, String stream, String name);

    /** A picture of the lesson, from its program. */
    Path poster(String id);

    /** A picture of the lesson's chapter, numbered from 0, as it begins. */
    Path thumbnail(String id, int chapter);
}
