/**
 * Lesson analysis (课堂分析) from a lesson's classroom events and sound: the S-T analysis (teacher and student
 * behaviour sampled at a fixed interval, Rt, Ch and the lesson's type), stand-ups over time, and where the
 * teacher was; kept with the lesson and summed up per teacher and term.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.api.analysis;
