/**
 * Small helpers on FFmpeg's own types for the bundles that call FFmpeg directly (the recording
 * engine, the live muxers): errors in words, codec configuration, fragmented MP4 files.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.yike.media.ffmpeg;
