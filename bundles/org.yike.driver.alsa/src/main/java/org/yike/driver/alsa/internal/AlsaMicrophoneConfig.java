package org.yike.driver.alsa.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%microphone.name",
        description = "%microphone.description")
public @interface AlsaMicrophoneConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%label.name")
    String name();

    @AttributeDefinition(name = "%classroom.name")
    String classroom();

    @AttributeDefinition(name = "%role.name", description = "%role.description",
            options = @Option(value = "microphone", label = "%role.microphone"))
    String role() default "microphone";

    @AttributeDefinition(name = "%device.name", description = "%device.description")
    String device() default "default";

    @AttributeDefinition(name = "%sampleRate.name", description = "%sampleRate.description", min = "8000", max = "192000")
    int sampleRate() default 48000;

    @AttributeDefinition(name = "%channels.name", description = "%channels.description", min = "1", max = "8")
    int channels() default 2;

    @AttributeDefinition(name = "%check.name", description = "%check.description", min = "1", max = "3600")
    int checkSeconds() default 5;
}
