package org.yike.storage.s3.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%storage.name", description = "%storage.description")
public @interface S3Storage {

    @AttributeDefinition(name = "%endpoint.name", description = "%endpoint.description", required = false)
    String endpoint() default "";

    @AttributeDefinition(name = "%region.name", description = "%region.description")
    String region() default "us-east-1";

    @AttributeDefinition(name = "%bucket.name", description = "%bucket.description")
    String bucket();

    @AttributeDefinition(name = "%accessKey.name", description = "%accessKey.description")
    String accessKey();

    @AttributeDefinition(name = "%secretKey.name", description = "%secretKey.description", type = AttributeType.PASSWORD)
    String secretKey();

    @AttributeDefinition(name = "%pathStyle.name", description = "%pathStyle.description")
    boolean pathStyle() default true;

    @AttributeDefinition(name = "%presignMinutes.name", description = "%presignMinutes.description", min = "1", max = "10080")
    int presignMinutes() default 240;

    @AttributeDefinition(name = "%partMiB.name", description = "%partMiB.description", min = "5", max = "512")
    int partMiB() default 16;
}
