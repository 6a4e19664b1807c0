package org.yike.driver.alsa.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sound cards the kernel lists in {@code /proc/asound}: which exist, which capture devices
 * they have, and who holds one open. Read from files, so that nothing is opened to find out.
 */
final class SoundCards {

    /** A capture device: card index, card id (stable across reboots), card name, device number, its name. */
    record Capture(int card, String cardId, String cardName, int device, String name) {
    }

    /** {@code hw:1,0}, {@code plughw:CARD=USB,DEV=0}, {@code sysdefault:CARD=C920}, {@code dsnoop:USB,0}. */
    private static final Pattern CARD_NAME =
            Pattern.compile("(?:hw|plughw|sysdefault|front|dsnoop):(?:CARD=)?([A-Za-z0-9_]+)(?:,(?:DEV=)?(\\d+))?");
    /** {@code " 1 [C920           ]: USB-Audio - HD Pro Webcam C920"} */
    private static final Pattern CARD = Pattern.compile("\\s*(\\d+) \\[(\\S+)\\s*\\]: .*? - (.*)");
    /** {@code "01-00: USB Audio : USB Audio : capture 1"} */
    private static final Pattern PCM = Pattern.compile("(\\d+)-(\\d+): ([^:]*?) :.*");

    private final Path asound;

    /** @param proc where procfs is mounted */
    SoundCards(Path proc) {
        this.asound = proc.resolve("asound");
    }

    /** The card and device an ALSA name points at ({@code card} a number or an id), if it names one. */
    record Named(String card, int device) {
    }

    static Optional<Named> named(String alsaName) {
        Matcher m = CARD_NAME.matcher(alsaName);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new Named(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
    }

    /** Why a named card's capture device is not there, or {@code ""} when it is. */
    String absence(Named n) {
        Path card = asound.resolve(n.card().matches("\\d+") ? "card" + n.card() : n.card());
        if (!Files.isDirectory(card)) return "no sound card " + n.card() + " (unplugged?)";
        if (!Files.isDirectory(card.resolve("pcm" + n.device() + "c"))) {
            return "sound card " + n.card() + " has no capture device " + n.device();
        }
        return "";
    }

    /** The process that holds the named capture device open, if one does. */
    Optional<String> holder(Named n) {
        Path card = asound.resolve(n.card().matches("\\d+") ? "card" + n.card() : n.card());
        try {
            for (String line : Files.readAllLines(card.resolve("pcm" + n.device() + "c/sub0/status"))) {
                if (line.startsWith("owner_pid")) return Optional.of(line.substring(line.indexOf(':') + 1).trim());
            }
        } catch (IOException gone) {
            // no such card or device: not held
        }
        return Optional.empty();
    }

    /** Every capture device, in the order of the cards. */
    List<Capture> captures() throws IOException {
        Path cards = asound.resolve("cards");
        Path pcm = asound.resolve("pcm");
        if (!Files.exists(cards) || !Files.exists(pcm)) return List.of();
        List<String[]> known = new ArrayList<>();
        for (String line : Files.readAllLines(cards)) {
            Matcher m = CARD.matcher(line);
            if (m.matches()) known.add(new String[] {m.group(1), m.group(2), m.group(3).trim()});
        }
        List<Capture> found = new ArrayList<>();
        for (String line : Files.readAllLines(pcm)) {
            Matcher m = PCM.matcher(line);
            if (!m.matches() || !line.contains(": capture ")) continue;
            int card = Integer.parseInt(m.group(1));
            for (String[] k : known) {
                if (Integer.parseInt(k[0]) == card) {
                    found.add(new Capture(card, k[1], k[2], Integer.parseInt(m.group(2)), m.group(3).trim()));
                }
            }
        }
        return found;
    }
}
