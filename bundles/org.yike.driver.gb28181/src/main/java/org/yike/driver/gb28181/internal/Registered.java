package org.yike.driver.gb28181.internal;

import java.time.Instant;
import java.util.List;
import org.yike.lib.sip.Manscdp;

/**
 * A device (camera or NVR) as its last REGISTER left it: where it is reached, until when its
 * registration holds, when it was last heard (any MESSAGE counts as a keepalive), the channels its
 * catalog named and what its DeviceInfo and DeviceStatus told. Immutable: the platform replaces it.
 */
record Registered(String id, String host, int port, String transport, Instant expires, Instant lastHeard,
        List<Manscdp.Channel> channels, String manufacturer, String model, String name, String online, String health) {

    Registered {
        channels = List.copyOf(channels);
    }

    static Registered first(String id, String host, int port, String transport, Instant expires, Instant now) {
        return new Registered(id, host, port, transport, expires, now, List.of(), "", "", "", "", "");
    }

    /** Registered again (from where it is now), its catalog and information kept. */
    Registered again(String host, int port, String transport, Instant expires, Instant now) {
        return new Registered(id, host, port, transport, expires, now, channels, manufacturer, model, name, online, health);
    }

    Registered heard(Instant now) {
        return new Registered(id, host, port, transport, expires, now, channels, manufacturer, model, name, online, health);
    }

    Registered withChannels(List<Manscdp.Channel> list) {
        return new Registered(id, host, port, transport, expires, lastHeard, list, manufacturer, model, name, online, health);
    }

    Registered withInfo(String manufacturer, String model, String name) {
        return new Registered(id, host, port, transport, expires, lastHeard, channels, manufacturer, model, name, online, health);
    }

    /** What its DeviceStatus said: {@code Online} (ONLINE or OFFLINE) and {@code Status} (OK or ERROR). */
    Registered withStatus(String online, String health) {
        return new Registered(id, host, port, transport, expires, lastHeard, channels, manufacturer, model, name, online, health);
    }

    /** The name a person knows it by: the one DeviceInfo told, or its id. */
    String label() {
        return name.isEmpty() ? id : name;
    }
}
