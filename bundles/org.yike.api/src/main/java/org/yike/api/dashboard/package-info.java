/**
 * The school's figures at a glance (开课率, valid and invalid recordings, rooms at fault, the subject and
 * grade mix, views and evaluations), each with the sessions or lessons behind it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.yike.api.dashboard;
