package org.yike.recording.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Source;

/** The classrooms the devices are in, and the sources a lesson in one of them records. */
final class Classrooms {

    private static final Logger LOG = LoggerFactory.getLogger(Classrooms.class);

    private final List<Device> devices;

    /** @param devices the recorder's devices, as they come and go */
    Classrooms(List<Device> devices) {
        this.devices = devices;
    }

    /** The classrooms with a camera, by name. */
    List<String> names() {
        TreeSet<String> rooms = new TreeSet<>();
        for (Device d : devices) {
            if (d.sources().stream().anyMatch(s -> !s.isAudio())) rooms.add(d.classroom());
        }
        return new ArrayList<>(rooms);
    }

    /** The classroom named, or the only one where none is; a clear error otherwise. */
    String choose(String wanted) {
        List<String> rooms = names();
        if (wanted == null || wanted.isBlank()) {
            if (rooms.size() == 1) return rooms.get(0);
            throw new IllegalArgumentException(rooms.isEmpty() ? "no classroom has a camera yet"
                    : "name the classroom to record: " + String.join(", ", rooms));
        }
        if (!rooms.contains(wanted)) {
            throw new IllegalArgumentException("no classroom '" + wanted + "' with a camera; classrooms: "
                    + (rooms.isEmpty() ? "none" : String.join(", ", rooms)));
        }
        return wanted;
    }

    /** The sources of the classroom's devices that are online; each source key once. */
    List<Source> sourcesOf(String room) {
        List<Source> sources = new ArrayList<>();
        for (Device d : devices) {
            if (!d.classroom().equals(room)) continue;
            if (d.status().state() != DeviceStatus.State.ONLINE) {
                LOG.warn("Classroom {}: device {} is {}, left out", room, d.id(), d.status());
                continue;
            }
            for (Source s : d.sources()) {
                if (sources.stream().noneMatch(o -> o.key().equals(s.key()))) sources.add(s);
            }
        }
        if (sources.stream().allMatch(Source::isAudio)) {
            throw new IllegalStateException("classroom " + room + " has no camera online");
        }
        return sources;
    }
}
