package org.yike.driver.alsa.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaInfo;
import org.yike.media.MediaRuntime;

/**
 * A microphone on this machine, read through FFmpeg's {@code alsa} input at the configured rate
 * and channels. The recording engine opens it itself and mixes it with the classroom's others;
 * the device only says whether it is there and opens.
 */
@Component(configurationPid = AlsaMicrophone.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AlsaMicrophoneConfig.class, factory = true)
public class AlsaMicrophone implements Device {

    static final String PID = "org.yike.driver.alsa.microphone";
    static final String FORMAT = "alsa";
    private static final Logger LOG = LoggerFactory.getLogger(AlsaMicrophone.class);
    private static final Duration OPEN_TIME = Duration.ofSeconds(5);

    private final String id;
    private final String name;
    private final String classroom;
    private final List<Source> sources;
    private final DeviceStatus refused;
    private final DeviceWatch watch;

    @Activate
    public AlsaMicrophone(AlsaMicrophoneConfig config, @Reference MediaRuntime media) {
        this(config, media, Path.of("/proc"));
    }

    /** @param proc where procfs is mounted */
    AlsaMicrophone(AlsaMicrophoneConfig config, MediaRuntime media, Path proc) {
        id = text(config.id());
        name = text(config.name()).isEmpty() ? id : text(config.name());
        classroom = text(config.classroom());
        String problem = problem(config);
        if (problem != null) {
            LOG.error("Microphone {}: configuration refused: {}", id, problem);
            sources = List.of();
            refused = DeviceStatus.offline("configuration: " + problem);
            watch = null;
            return;
        }
        StreamLocator locator = locator(config);
        sources = List.of(new Source(id, "mic", name, Role.MICROPHONE, locator));
        refused = null;
        watch = new DeviceWatch(id, "ALSA " + locator.uri(), new Input(locator, media, new SoundCards(proc)),
                Duration.ofSeconds(config.checkSeconds()), "yike-alsa-");
        watch.start();
    }

    @Deactivate
    void deactivate() {
        if (watch != null) watch.close();
    }

    /** What is wrong with a configuration, in words, or {@code null}. */
    static String problem(AlsaMicrophoneConfig c) {
        List<String> p = new ArrayList<>();
        if (!text(c.id()).matches("[A-Za-z0-9._-]+")) p.add("id '" + text(c.id()) + "' must be letters, digits, . _ -");
        if (text(c.classroom()).isEmpty()) p.add("classroom is empty");
        if (!text(c.role()).toLowerCase(Locale.ROOT).equals("microphone")) {
            p.add("role '" + text(c.role()) + "' must be microphone");
        }
        // ALSA names are words, with : , = and . between them (hw:1,0, plughw:CARD=USB,DEV=0, default)
        if (!text(c.device()).matches("[A-Za-z0-9_][A-Za-z0-9_:,=.-]*")) {
            p.add("device '" + text(c.device()) + "' must be an ALSA name such as default, hw:1,0 or plughw:CARD=USB,DEV=0");
        }
        if (c.sampleRate() < 8000 || c.sampleRate() > 192000) p.add("sample rate " + c.sampleRate() + " Hz must be 8000..192000");
        if (c.channels() < 1 || c.channels() > 8) p.add("channels " + c.channels() + " must be 1..8");
        if (c.checkSeconds() < 1 || c.checkSeconds() > 3600) p.add("check every " + c.checkSeconds() + " s must be 1..3600");
        return p.isEmpty() ? null : String.join("; ", p);
    }

    /** The microphone as FFmpeg's {@code alsa} input opens it. */
    static StreamLocator locator(AlsaMicrophoneConfig c) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("sample_rate", Integer.toString(c.sampleRate()));
        options.put("channels", Integer.toString(c.channels()));
        return new StreamLocator(text(c.device()), FORMAT, options);
    }

    /**
     * The ALSA device: a name that points at a card ({@code hw:1,0}) is looked for in
     * {@code /proc/asound}; any other ({@code default}, a plugin) only opening tells.
     */
    static final class Input implements DeviceWatch.Local {

        private final StreamLocator locator;
        private final MediaRuntime media;
        private final SoundCards cards;
        private final Optional<SoundCards.Named> card;

        Input(StreamLocator locator, MediaRuntime media, SoundCards cards) {
            this.locator = locator;
            this.media = media;
            this.cards = cards;
            this.card = SoundCards.named(locator.uri());
        }

        @Override
        public String absence() {
            return card.map(cards::absence).orElse(null);
        }

        @Override
        public String open() throws IOException {
            MediaInfo info;
            try {
                info = media.probe(locator, OPEN_TIME);
            } catch (IOException e) {
                // FFmpeg says "Input/output error" whatever ALSA said; the kernel's lists tell more
                Optional<String> holder = card.flatMap(cards::holder);
                if (holder.isPresent()) throw new DeviceWatch.Busy(locator.uri() + " is held by process " + holder.get());
                throw new IOException("cannot open ALSA device '" + locator.uri() + "' (FFmpeg: " + e.getMessage()
                        + "); arecord -L lists the names there are");
            }
            MediaInfo.Stream a = info.audio().orElseThrow(() -> new IOException(locator.uri() + " opened without sound"));
            return a.codec() + " " + a.sampleRate() + " Hz, " + a.channels() + (a.channels() == 1 ? " channel" : " channels");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String driver() {
        return AlsaDriver.ID;
    }

    @Override
    public String classroom() {
        return classroom;
    }

    @Override
    public DeviceStatus status() {
        return watch == null ? refused : watch.status();
    }

    @Override
    public List<Source> sources() {
        return sources;
    }
}
