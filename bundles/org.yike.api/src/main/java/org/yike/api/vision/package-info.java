/**
 * The pictures the rooms' cameras deliver, small and at a low rate, for analysis plugins (detectors of
 * stand-ups, teacher tracking, board writing): handed out from what the recording reads already, never
 * a second connection to a camera, and never in the recording's way.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.api.vision;
