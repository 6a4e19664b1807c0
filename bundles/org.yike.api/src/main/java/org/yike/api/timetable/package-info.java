/** The school's timetable: bell profiles, the term calendar, lessons, and the sessions they make. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.api.timetable;
