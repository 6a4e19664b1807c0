package org.yike.driver.alsa.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.DeviceDriver;
import org.yike.driver.support.FactoryDriver;

/**
 * Local microphones. {@link #discover} lists the capture devices the kernel knows, each adopted as
 * {@code plughw:CARD=<id>,DEV=<n>}: the card's id stays the same whatever order cards are found in,
 * and {@code plughw} converts to the configured rate and channels where the card has others.
 */
@Component(service = DeviceDriver.class)
public class AlsaDriver extends FactoryDriver {

    static final String ID = "alsa";
    private static final Logger LOG = LoggerFactory.getLogger(AlsaDriver.class);

    private final SoundCards cards;

    public AlsaDriver() {
        this(Path.of("/proc"));
    }

    /** @param proc where procfs is mounted */
    AlsaDriver(Path proc) {
        super(ID, "Local microphone or audio input (ALSA)", AlsaMicrophone.PID);
        this.cards = new SoundCards(proc);
    }

    @Override
    public List<Discovered> discover(Duration timeout) {
        List<Discovered> found = new ArrayList<>();
        try {
            for (SoundCards.Capture c : cards.captures()) {
                found.add(new Discovered(c.cardName() + ": " + c.name(), Map.of("name", c.cardName(),
                        "device", "plughw:CARD=" + c.cardId() + ",DEV=" + c.device())));
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the sound cards", e);
        }
        return found;
    }
}
