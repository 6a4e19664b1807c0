/** What Yike's media bundles need to know about the FFmpeg runtime; no FFmpeg types. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package org.yike.media;
