/**
 * Contests that pick the best lessons (优课评选): rounds, nominations, judges assigned blind and never from
 * an entry's own school, a third judge where two disagree, rankings and comments to the teachers.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.api.selection;
