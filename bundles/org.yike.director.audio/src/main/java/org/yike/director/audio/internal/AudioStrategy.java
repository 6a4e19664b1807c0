package org.yike.director.audio.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.director.Director;
import org.yike.api.director.DirectorStrategy;
import org.yike.api.director.ProgramSource;

@Component(property = DirectorStrategy.ID + "=" + AudioStrategy.ID, configurationPid = "org.yike.director.audio")
@Designate(ocd = AudioConfig.class)
public class AudioStrategy implements DirectorStrategy {

    static final String ID = "audio";

    private final AudioConfig config;
    private final Map<String, String> microphones = new LinkedHashMap<>();

    /** A line that is not {@code microphone=camera} is refused here, with the line, rather than at a lesson's start. */
    @Activate
    public AudioStrategy(AudioConfig config) {
        if (config.minShotMillis() < 0 || config.holdMillis() < 0) throw new IllegalArgumentException("times must not be negative");
        for (String line : config.microphones()) {
            String[] pair = line.split("=", 2);
            if (pair.length < 2 || pair[0].isBlank() || pair[1].isBlank()) {
                throw new IllegalArgumentException("microphone line '" + line + "' is not microphoneKey=sourceKey or microphoneKey=ROLE");
            }
            microphones.put(pair[0].trim(), pair[1].trim());
        }
        this.config = config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Director direct(String classroom, List<ProgramSource> sources) {
        return new AudioDirector(classroom, sources, microphones, config);
    }
}
