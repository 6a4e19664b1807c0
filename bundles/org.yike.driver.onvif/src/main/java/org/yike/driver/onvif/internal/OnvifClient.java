package org.yike.driver.onvif.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The ONVIF calls Yike needs of a Profile S device: clock, capabilities, profiles, stream and
 * snapshot URIs, PTZ and PullPoint events. Nothing else: no state beyond the service addresses
 * and profiles read by {@link #connect()}.
 */
final class OnvifClient {

    record Profile(String token, String name, String encoding, int width, int height, boolean ptz) {
        @Override
        public String toString() {
            return name + " " + encoding.toLowerCase(Locale.ROOT) + " " + width + "x" + height;
        }
    }

    /** One event message: its topic without namespace prefixes and its Data items. */
    record Notification(String topic, Map<String, String> data) {
    }

    private final URI deviceService;
    private final Soap soap;
    private URI media;
    private URI ptz;
    private URI events;
    private List<Profile> profiles = List.of();

    OnvifClient(URI deviceService, String user, String password, Duration timeout) {
        this.deviceService = deviceService;
        this.soap = new Soap(user, password, timeout);
    }

    /** Reads the camera's clock, its services and its profiles; throws with the reason in words. */
    void connect() throws IOException {
        Document time = systemDateAndTime();
        Instant camera = utc(time);
        if (camera != null) soap.clockOffset(Duration.between(Instant.now(), camera));
        Element get = Soap.request("tds", "GetCapabilities");
        Soap.add(get, "tds", "Category", "All");
        Document caps = soap.call(deviceService, get, true);
        media = service(caps, "Media");
        ptz = service(caps, "PTZ");
        events = service(caps, "Events");
        if (media == null) throw new Soap.Failure("GetCapabilities: the camera has no media service");
        Document answer = soap.call(media, Soap.request("trt", "GetProfiles"), true);
        List<Profile> found = new ArrayList<>();
        for (Element p : Soap.elements(answer, "//trt:GetProfilesResponse/trt:Profiles")) {
            found.add(new Profile(p.getAttribute("token"), Soap.text(p, "tt:Name"),
                    Soap.text(p, "tt:VideoEncoderConfiguration/tt:Encoding"),
                    number(Soap.text(p, "tt:VideoEncoderConfiguration/tt:Resolution/tt:Width")),
                    number(Soap.text(p, "tt:VideoEncoderConfiguration/tt:Resolution/tt:Height")),
                    !Soap.elements(p, "tt:PTZConfiguration").isEmpty()));
        }
        if (found.isEmpty()) throw new Soap.Failure("GetProfiles: the camera has no media profile");
        profiles = List.copyOf(found);
    }

    /**
     * Unsigned: ONVIF has cameras answer this to anyone, so that clients can sign the other calls in
     * the camera's time. Some firmwares refuse it so: it is asked again signed, in the camera's time
     * as last read (ours before the first answer).
     */
    private Document systemDateAndTime() throws IOException {
        try {
            return soap.call(deviceService, Soap.request("tds", "GetSystemDateAndTime"), false);
        } catch (Soap.Refused e) {
            if (!soap.signs()) throw e;
            return soap.call(deviceService, Soap.request("tds", "GetSystemDateAndTime"), true);
        }
    }

    Duration clockOffset() {
        return soap.clockOffset();
    }

    /** In the camera's order: the first is its main stream, the second (where there is one) its sub stream. */
    List<Profile> profiles() {
        return profiles;
    }

    boolean hasPtz() {
        return ptz != null;
    }

    boolean hasEvents() {
        return events != null;
    }

    /** The RTSP URI (RTP over RTSP, unicast) of a profile, as the camera gives it: without credentials. */
    String streamUri(String profile) throws IOException {
        Element get = Soap.request("trt", "GetStreamUri");
        Element setup = Soap.add(get, "trt", "StreamSetup", null);
        Soap.add(setup, "tt", "Stream", "RTP-Unicast");
        Soap.add(Soap.add(setup, "tt", "Transport", null), "tt", "Protocol", "RTSP");
        Soap.add(get, "trt", "ProfileToken", profile);
        return uri(soap.call(media, get, true), "GetStreamUri");
    }

    String snapshotUri(String profile) throws IOException {
        Element get = Soap.request("trt", "GetSnapshotUri");
        Soap.add(get, "trt", "ProfileToken", profile);
        return uri(soap.call(media, get, true), "GetSnapshotUri");
    }

    void continuousMove(String profile, double pan, double tilt, double zoom) throws IOException {
        Element move = Soap.request("tptz", "ContinuousMove");
        Soap.add(move, "tptz", "ProfileToken", profile);
        vector(Soap.add(move, "tptz", "Velocity", null), pan, tilt, zoom);
        soap.call(ptz(), move, true);
    }

    void absoluteMove(String profile, double pan, double tilt, double zoom) throws IOException {
        Element move = Soap.request("tptz", "AbsoluteMove");
        Soap.add(move, "tptz", "ProfileToken", profile);
        vector(Soap.add(move, "tptz", "Position", null), pan, tilt, zoom);
        soap.call(ptz(), move, true);
    }

    void stop(String profile) throws IOException {
        Element stop = Soap.request("tptz", "Stop");
        Soap.add(stop, "tptz", "ProfileToken", profile);
        Soap.add(stop, "tptz", "PanTilt", "true");
        Soap.add(stop, "tptz", "Zoom", "true");
        soap.call(ptz(), stop, true);
    }

    /** The presets of a profile: token to name (the name where the camera gives one, else the token). */
    Map<String, String> presets(String profile) throws IOException {
        Element get = Soap.request("tptz", "GetPresets");
        Soap.add(get, "tptz", "ProfileToken", profile);
        Map<String, String> presets = new LinkedHashMap<>();
        for (Element p : Soap.elements(soap.call(ptz(), get, true), "//tptz:GetPresetsResponse/tptz:Preset")) {
            String name = Soap.text(p, "tt:Name");
            presets.put(p.getAttribute("token"), name.isEmpty() ? p.getAttribute("token") : name);
        }
        return presets;
    }

    void gotoPreset(String profile, String preset) throws IOException {
        Element go = Soap.request("tptz", "GotoPreset");
        Soap.add(go, "tptz", "ProfileToken", profile);
        Soap.add(go, "tptz", "PresetToken", preset);
        soap.call(ptz(), go, true);
    }

    /** Opens a PullPoint subscription and answers its address, for {@link #pull}. */
    URI subscribe(Duration termination) throws IOException {
        if (events == null) throw new Soap.Failure("CreatePullPointSubscription: the camera has no event service");
        Element create = Soap.request("tev", "CreatePullPointSubscription");
        Soap.add(create, "tev", "InitialTerminationTime", termination.toString());
        Document answer = soap.call(events, create, true);
        String address = Soap.text(answer, "//tev:CreatePullPointSubscriptionResponse/tev:SubscriptionReference/wsa:Address");
        if (address.isEmpty()) throw new Soap.Failure("CreatePullPointSubscription: the answer has no address");
        return onDevice(URI.create(address));
    }

    /** Waits up to {@code wait} (on the camera) for at most {@code limit} event messages. */
    List<Notification> pull(URI pullPoint, Duration wait, int limit) throws IOException {
        Element pull = Soap.request("tev", "PullMessages");
        Soap.add(pull, "tev", "Timeout", wait.toString());
        Soap.add(pull, "tev", "MessageLimit", Integer.toString(limit));
        List<Notification> found = new ArrayList<>();
        for (Element n : Soap.elements(soap.call(pullPoint, pull, true), "//tev:PullMessagesResponse/wsnt:NotificationMessage")) {
            Map<String, String> data = new LinkedHashMap<>();
            for (Element item : Soap.elements(n, "wsnt:Message/tt:Message/tt:Data/tt:SimpleItem")) {
                data.put(item.getAttribute("Name"), item.getAttribute("Value"));
            }
            found.add(new Notification(topic(Soap.text(n, "wsnt:Topic")), data));
        }
        return found;
    }

    /** {@code tns1:RuleEngine/tns1:CellMotionDetector/Motion} → {@code RuleEngine/CellMotionDetector/Motion}. */
    static String topic(String expression) {
        StringBuilder t = new StringBuilder();
        for (String part : expression.strip().split("/")) {
            if (t.length() > 0) t.append('/');
            t.append(part.substring(part.indexOf(':') + 1));
        }
        return t.toString();
    }

    private URI ptz() throws Soap.Failure {
        if (ptz == null) throw new Soap.Failure("the camera has no PTZ service");
        return ptz;
    }

    /**
     * A service's address from GetCapabilities, on the host and port this client was configured
     * with: a camera behind NAT or port forwarding names its own LAN address there.
     */
    private URI service(Document caps, String name) {
        String address = Soap.text(caps, "//tds:Capabilities/tt:" + name + "/tt:XAddr");
        return address.isEmpty() ? null : onDevice(URI.create(address));
    }

    private URI onDevice(URI address) {
        return deviceService.resolve(address.getRawPath() + (address.getRawQuery() == null ? "" : "?" + address.getRawQuery()));
    }

    private static String uri(Document answer, String call) throws Soap.Failure {
        String uri = Soap.text(answer, "//trt:MediaUri/tt:Uri");
        if (uri.isEmpty()) throw new Soap.Failure(call + ": the answer has no URI");
        return uri;
    }

    private static void vector(Element parent, double pan, double tilt, double zoom) {
        Element panTilt = Soap.add(parent, "tt", "PanTilt", null);
        panTilt.setAttribute("x", Double.toString(pan));
        panTilt.setAttribute("y", Double.toString(tilt));
        Soap.add(parent, "tt", "Zoom", null).setAttribute("x", Double.toString(zoom));
    }

    private static Instant utc(Document time) {
        String date = "//tds:SystemDateAndTime/tt:UTCDateTime/tt:Date/tt:";
        String clock = "//tds:SystemDateAndTime/tt:UTCDateTime/tt:Time/tt:";
        if (Soap.text(time, date + "Year").isEmpty()) return null;
        return LocalDateTime.of(number(Soap.text(time, date + "Year")), number(Soap.text(time, date + "Month")),
                number(Soap.text(time, date + "Day")), number(Soap.text(time, clock + "Hour")),
                number(Soap.text(time, clock + "Minute")), number(Soap.text(time, clock + "Second")))
                .toInstant(ZoneOffset.UTC);
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
