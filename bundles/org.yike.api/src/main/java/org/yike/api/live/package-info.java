/**
 * Encoded live streams of the rooms, as they leave the encoder (a lesson's profiles) or arrive from a
 * camera (its own stream, never decoded): what live players, pushes and upstream platforms read.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.api.live;
