package org.yike.driver.alsa.internal;

import static org.junit.Assert.assertNotNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A microphone without a sound card: a capture PCM made of libasound's own plugins, written into
 * the ALSA configuration that this bundle's surefire run names in {@code ALSA_CONFIG_PATH}. The
 * {@code file} plugin hands out the samples of a tone file; the {@code null} PCM under it paces the
 * capture in real time, as a card's clock would. FFmpeg's {@code alsa} input opens it like any card.
 */
final class TonePcm {

    static final String NAME = "yike_tone";
    static final int RATE = 48000;
    static final int CHANNELS = 2;

    private final Path tone;
    private final Path unplugged;

    private TonePcm(Path tone) {
        this.tone = tone;
        this.unplugged = tone.resolveSibling("tone.unplugged");
    }

    /** Writes {@code seconds} of a sine at {@code hz} (16-bit stereo at 48 kHz, half scale) and the PCM that plays it. */
    static TonePcm install(double hz, int seconds) throws IOException {
        String configPath = System.getenv("ALSA_CONFIG_PATH");
        assertNotNull("run through Maven: surefire sets ALSA_CONFIG_PATH (this bundle's pom.xml)", configPath);
        Path config = Path.of(configPath);
        Files.createDirectories(config.getParent());
        Path tone = config.resolveSibling("tone.raw");
        ByteBuffer samples = ByteBuffer.allocate(RATE * seconds * CHANNELS * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < RATE * seconds; i++) {
            short s = (short) Math.round(16384 * Math.sin(2 * Math.PI * hz * i / RATE));
            for (int c = 0; c < CHANNELS; c++) samples.putShort(s);
        }
        Files.write(tone, samples.array());
        Files.deleteIfExists(tone.resolveSibling("tone.unplugged"));
        Files.writeString(config, """
                pcm.%s {
                    type file
                    slave.pcm { type null }
                    infile "%s"
                    file "/dev/null"
                    format raw
                }
                """.formatted(NAME, tone));
        return new TonePcm(tone);
    }

    /** The PCM no longer opens (its file is gone), as a USB microphone pulled out. */
    void unplug() throws IOException {
        Files.move(tone, unplugged, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Brings it back; nothing to do where it was not unplugged. */
    void plugIn() throws IOException {
        if (Files.exists(unplugged)) Files.move(unplugged, tone, StandardCopyOption.REPLACE_EXISTING);
    }
}
