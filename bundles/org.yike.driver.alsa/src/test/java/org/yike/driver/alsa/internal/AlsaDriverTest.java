package org.yike.driver.alsa.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.device.DeviceDriver.Discovered;

/** Discovery on a /proc/asound laid out as the kernel writes it for an on-board card, a webcam and a USB microphone. */
public class AlsaDriverTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void captureDevicesAreFoundUnderTheirCardsId() throws Exception {
        Path proc = folder.getRoot().toPath();
        Path asound = Files.createDirectories(proc.resolve("asound"));
        Files.writeString(asound.resolve("cards"), """
                 0 [PCH            ]: HDA-Intel - HDA Intel PCH
                                      HDA Intel PCH at 0xf7f10000 irq 32
                 1 [C920           ]: USB-Audio - HD Pro Webcam C920
                                      HD Pro Webcam C920 at usb-0000:00:14.0-1, high speed
                 2 [HDMI           ]: HDA-Intel - HDA Intel HDMI
                                      HDA Intel HDMI at 0xf7e14000 irq 33
                """);
        Files.writeString(asound.resolve("pcm"), """
                00-00: ALC892 Analog : ALC892 Analog : playback 1 : capture 1
                00-01: ALC892 Digital : ALC892 Digital : playback 1
                01-00: USB Audio : USB Audio : capture 1
                02-03: HDMI 0 : HDMI 0 : playback 1
                """);

        List<Discovered> found = new AlsaDriver(proc).discover(Duration.ofSeconds(1));

        assertEquals(List.of(
                new Discovered("HDA Intel PCH: ALC892 Analog", Map.of("name", "HDA Intel PCH", "device", "plughw:CARD=PCH,DEV=0")),
                new Discovered("HD Pro Webcam C920: USB Audio",
                        Map.of("name", "HD Pro Webcam C920", "device", "plughw:CARD=C920,DEV=0"))), found);
    }

    @Test
    public void aMachineWithoutSoundCardsHasNothingToFind() {
        assertEquals(List.of(), new AlsaDriver(folder.getRoot().toPath()).discover(Duration.ofSeconds(1)));
    }

    @Test
    public void namesThatPointAtACardAreLookedForTheOthersOnlyOpened() throws Exception {
        assertEquals(new SoundCards.Named("1", 0), SoundCards.named("hw:1,0").orElseThrow());
        assertEquals(new SoundCards.Named("USB", 2), SoundCards.named("plughw:CARD=USB,DEV=2").orElseThrow());
        assertEquals(new SoundCards.Named("C920", 0), SoundCards.named("sysdefault:CARD=C920").orElseThrow());
        assertEquals(new SoundCards.Named("2", 0), SoundCards.named("hw:2").orElseThrow());
        assertEquals(false, SoundCards.named("default").isPresent());
        assertEquals(false, SoundCards.named("yike_tone").isPresent());
        Path proc = folder.getRoot().toPath();
        Files.createDirectories(proc.resolve("asound/card1/pcm0p"));
        Files.createSymbolicLink(proc.resolve("asound/C920"), Path.of("card1"));
        SoundCards cards = new SoundCards(proc);
        assertEquals("sound card C920 has no capture device 0", cards.absence(new SoundCards.Named("C920", 0)));
        Files.createDirectories(proc.resolve("asound/card1/pcm0c"));
        assertEquals("", cards.absence(new SoundCards.Named("C920", 0)));
        assertEquals("", cards.absence(new SoundCards.Named("1", 0)));
        assertEquals("no sound card 2 (unplugged?)", cards.absence(new SoundCards.Named("2", 0)));
    }
}
