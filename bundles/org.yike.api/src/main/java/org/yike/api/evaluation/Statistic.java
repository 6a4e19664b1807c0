package org.yike.api.evaluation;

/** The submitted evaluations of one group (a teacher, a course, a grade, a term): how many, their mean, lowest and highest totals. */
public record Statistic(String group, long count, double mean, double min, double max) {
}
