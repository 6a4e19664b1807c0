package org.yike.web.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.yike.api.evaluation.Evaluations;
import org.yike.api.evaluation.Statistic;
import org.yike.api.report.Table;

/** The evaluation statistics as a report table, in Chinese or, where the caller's languages prefer it, English. */
final class StatisticsTable {

    private StatisticsTable() {
    }

    static Table of(Evaluations.By by, List<Statistic> statistics, String acceptLanguage) {
        boolean english = english(acceptLanguage);
        String group = switch (by) {
            case TEACHER -> english ? "Teacher" : "教师";
            case COURSE -> english ? "Course" : "学科";
            case GRADE -> english ? "Grade" : "年级";
            case TERM -> english ? "Term" : "学期";
        };
        String title = english ? "Evaluation statistics by " + group.toLowerCase(Locale.ROOT) : "评课统计（按" + group + "）";
        List<String> headings = english ? List.of(group, "Evaluations", "Mean", "Lowest", "Highest")
                : List.of(group, "评课数", "平均分", "最低分", "最高分");
        return new Table(title, headings, statistics.stream()
                .map(s -> Arrays.<Object>asList(s.group(), s.count(), s.mean(), s.min(), s.max())).toList());
    }

    /** Whether the Accept-Language header prefers English to Chinese; without one, Chinese. */
    static boolean english(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return false;
        try {
            return "en".equals(Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("zh", "en")));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
