package org.yike.driver.alsa.internal;

import static org.yike.driver.support.ConfigCheck.text;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
import org.yike.api.device.Device;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamLocator;
import org.yike.driver.support.ConfigCheck;
import org.yike.driver.support.LocalDeviceWatch;
import org.yike.driver.support.WatchedDevice;
import org.yike.media.MediaInfo;
import org.yike.media.MediaRuntime;

/**
 * A microphone on this machine, read through FFmpeg's {@code alsa} input at the configured rate
 * and channels. The recording engine opens it itself and mixes it with the classroom's others;
 * the device only says whether it is there and opens.
 */
@Component(service = Device.class, configurationPid = AlsaMicrophone.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AlsaMicrophoneConfig.class, factory = true)
public class AlsaMicrophone extends WatchedDevice<LocalDeviceWatch> {

    static final String PID = "org.yike.driver.alsa.microphone";
    static final String FORMAT = "alsa";
    private static final Duration OPEN_TIME = Duration.ofSeconds(5);

    @Activate
    public AlsaMicrophone(AlsaMicrophoneConfig config, @Reference MediaRuntime media) {
        this(config, media, Path.of("/proc"));
    }

    /** @param proc where procfs is mounted */
    AlsaMicrophone(AlsaMicrophoneConfig config, MediaRuntime media, Path proc) {
        super(AlsaDriver.ID, config.id(), config.name(), config.classroom(), problem(config));
        if (isRefused()) return;
        StreamLocator locator = locator(config);
        watch(List.of(new Source(id(), "mic", name(), Role.MICROPHONE, locator)), new LocalDeviceWatch(id(),
                "ALSA " + locator.uri(), new Input(locator, media, new SoundCards(proc)), Duration.ofSeconds(config.checkSeconds()),
                "yike-alsa-").start());
    }

    @Deactivate
    void deactivate() {
        stopWatching();
    }

    /** What is wrong with a configuration, in words, or {@code null}. */
    static String problem(AlsaMicrophoneConfig c) {
        return new ConfigCheck().identity(c.id(), c.classroom())
                .require(text(c.role()).toLowerCase(Locale.ROOT).equals("microphone"),
                        "role '" + text(c.role()) + "' must be microphone")
                // ALSA names are words, with : , = and . between them (hw:1,0, plughw:CARD=USB,DEV=0, default)
                .require(text(c.device()).matches("[A-Za-z0-9_][A-Za-z0-9_:,=.-]*"),
                        "device '" + text(c.device()) + "' must be an ALSA name such as default, hw:1,0 or plughw:CARD=USB,DEV=0")
                .range("sample rate", c.sampleRate(), 8000, 192000, "Hz")
                .range("channels", c.channels(), 1, 8, "")
                .range("check every", c.checkSeconds(), 1, 3600, "s").problem();
    }

    /** The microphone as FFmpeg's {@code alsa} input opens it. */
    static StreamLocator locator(AlsaMicrophoneConfig c) {
        return new StreamLocator(text(c.device()), FORMAT,
                Map.of("sample_rate", Integer.toString(c.sampleRate()), "channels", Integer.toString(c.channels())));
    }

    /**
     * The ALSA device: a name that points at a card ({@code hw:1,0}) is looked for in
     * {@code /proc/asound}; any other ({@code default}, a plugin) only opening tells.
     */
    static final class Input extends LocalDeviceWatch.Probed {

        private final SoundCards cards;
        private final Optional<SoundCards.Named> card;

        Input(StreamLocator locator, MediaRuntime media, SoundCards cards) {
            super(locator, media, OPEN_TIME);
            this.cards = cards;
            this.card = SoundCards.named(locator.uri());
        }

        @Override
        public String absence() {
            return card.map(cards::absence).orElse(null);
        }

        @Override
        protected IOException refusal(String ffmpeg) {
            // FFmpeg says "Input/output error" whatever ALSA said; the kernel's lists tell more
            Optional<String> holder = card.flatMap(cards::holder);
            if (holder.isPresent()) return new LocalDeviceWatch.Busy(locator.uri() + " is held by process " + holder.get());
            return new IOException("cannot open ALSA device '" + locator.uri() + "' (FFmpeg: " + ffmpeg
                    + "); arecord -L lists the names there are");
        }

        @Override
        protected String delivers(MediaInfo info) throws IOException {
            MediaInfo.Stream a = info.audio().orElseThrow(() -> new IOException(locator.uri() + " opened without sound"));
            return a.codec() + " " + a.sampleRate() + " Hz, " + a.channels() + (a.channels() == 1 ? " channel" : " channels");
        }
    }
}
