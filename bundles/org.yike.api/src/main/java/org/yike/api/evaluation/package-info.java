/**
 * Evaluating lessons (评课): the district's rubrics, trees of weighted indicators kept in versions, and
 * evaluations of a lesson by a rubric's version, scored live or afterwards with notes stamped on the
 * lesson's timeline, and their statistics.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.yike.api.evaluation;
