package org.yike.api.analysis;

/** A lesson's type by its S-T analysis, tested in this order. */
public enum LessonType {
    /** 练习型: Rt ≤ 0.3. */
    PRACTICE("练习型"),
    /** 讲授型: Rt ≥ 0.7. */
    LECTURE("讲授型"),
    /** 对话型: Ch ≥ 0.4. */
    DIALOGUE("对话型"),
    /** 混合型: the others. */
    MIXED("混合型");

    private final String chinese;

    LessonType(String chinese) {
        this.chinese = chinese;
    }

    /** The type's name in Chinese, as reports print it. */
    public String chinese() {
        return chinese;
    }

    /** The type of a lesson with these ratios. */
    public static LessonType of(double rt, double ch) {
        if (rt <= 0.3) return PRACTICE;
        if (rt >= 0.7) return LECTURE;
        if (ch >= 0.4) return DIALOGUE;
        return MIXED;
    }
}
