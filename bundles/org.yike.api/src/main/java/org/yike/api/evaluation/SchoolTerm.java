package org.yike.api.evaluation;

import java.time.LocalDate;

/**
 * The school term a day belongs to, as evaluations and lesson analyses group by it: 2026秋 from August
 * to January, 2027春 from February to July.
 *
 * @since 1.2
 */
public final class SchoolTerm {

    private SchoolTerm() {
    }

    public static String of(LocalDate day) {
        int m = day.getMonthValue();
        if (m >= 2 && m <= 7) return day.getYear() + "春";
        return (m == 1 ? day.getYear() - 1 : day.getYear()) + "秋";
    }
}
