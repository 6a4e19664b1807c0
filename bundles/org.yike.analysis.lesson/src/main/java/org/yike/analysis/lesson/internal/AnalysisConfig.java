package org.yike.analysis.lesson.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%analysis.name", description = "%analysis.description")
public @interface AnalysisConfig {

    @AttributeDefinition(name = "%interval.name", description = "%interval.description", min = "1", max = "600")
    int intervalSeconds() default 30;

    @AttributeDefinition(name = "%student.name", description = "%student.description")
    String[] studentMicrophones() default {"*student*", "*学生*"};

    @AttributeDefinition(name = "%teacher.name", description = "%teacher.description")
    String[] teacherMicrophones() default {"*"};

    @AttributeDefinition(name = "%zones.name", description = "%zones.description")
    String[] zones() default {"podium: 0.35 0 0.65 0.7", "board: 0 0 1 0.7", "aisles: 0 0.7 1 1"};

    @AttributeDefinition(name = "%columns.name", min = "1", max = "100")
    int heatColumns() default 8;

    @AttributeDefinition(name = "%rows.name", min = "1", max = "100")
    int heatRows() default 6;
}
