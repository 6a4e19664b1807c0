package org.yike.catalog.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Lesson catalog", description = "The catalog of recorded lessons and how long they are kept.")
public @interface CatalogConfig {

    @AttributeDefinition(name = "School", description = "The school's name, given to every lesson of this runtime.")
    String school() default "";

    @AttributeDefinition(name = "Retention", description = "Delete the oldest lessons, neither protected nor published, "
            + "when free space runs low.")
    boolean retention() default true;

    @AttributeDefinition(name = "Keep free beyond the recorder's least (MB)", description = "Retention starts when "
            + "free space falls below the recording service's least free disk space plus this, so lessons never "
            + "stop for want of space.", min = "0")
    long retentionMarginMegabytes() default 20480;

    @AttributeDefinition(name = "Days kept by category", description = "category=days: lessons tagged with the "
            + "category (e.g. 常态课=30) are deleted that many days after they ended; * stands for lessons with none of "
            + "the tags listed. A lesson with several listed tags is kept the longest of theirs. Published, protected "
            + "and pending lessons are kept. Empty: lessons are kept until free space runs low.")
    String[] keepDays() default {};

    @AttributeDefinition(name = "Check retention every (s)", min = "5")
    int retentionCheckSeconds() default 60;

    @AttributeDefinition(name = "Scheduled lessons ahead (days)", description = "The timetable's sessions to record "
            + "from now to this many days ahead are in the catalog as scheduled lessons; 0 leaves them out.", min = "0")
    int scheduledDays() default 14;
}
