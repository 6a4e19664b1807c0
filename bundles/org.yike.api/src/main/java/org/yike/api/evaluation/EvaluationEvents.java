package org.yike.api.evaluation;

/** EventAdmin topics of evaluating lessons. */
public final class EvaluationEvents {

    /**
     * An evaluation was submitted: carries {@link #ID}, {@link #LESSON}, {@link #RUBRIC},
     * {@link #RUBRIC_VERSION}, {@link #EVALUATOR} and {@link #TOTAL}.
     */
    public static final String SUBMITTED = "org/yike/evaluation/SUBMITTED";

    public static final String ID = "evaluation";
    public static final String LESSON = "lesson";
    public static final String RUBRIC = "rubric";
    public static final String RUBRIC_VERSION = "rubricVersion";
    public static final String EVALUATOR = "evaluator";
    public static final String TOTAL = "total";

    private EvaluationEvents() {
    }
}
