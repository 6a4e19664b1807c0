package org.yike.connector.gb28181.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TooManyListenersException;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sdp.Connection;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SessionDescription;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.live.LiveSubscription;
import org.yike.lib.sip.SipListenerBase;
import org.yike.lib.sip.Digest;
import org.yike.lib.sip.GbSdp;
import org.yike.lib.sip.Manscdp;
import org.yike.lib.sip.Sip;

/**
 * Yike as a GB/T 28181 device (an NVR, type 118) on one district platform: it REGISTERs with digest
 * authentication and again before the registration expires, keeps alive with MESSAGEs (three left
 * unanswered and it registers anew), answers the platform's Catalog (each classroom's program a
 * channel), DeviceInfo, DeviceStatus and RecordInfo queries, and sends a room's live pictures as PS
 * over RTP when INVITEd with {@code s=Play}, until BYE. Its own requests outside a dialog share one
 * Call-ID, as a registration's refreshes must.
 */
final class Upstream extends SipListenerBase implements AutoCloseable {

    /** What the school has to offer a platform. */
    interface School {

        /** The classrooms, sorted: a channel's number is its place here. */
        List<String> classrooms();

        /** Whether the room's live profile streams now. */
        boolean live(String room);

        /** The room's live profile; throws {@link IllegalArgumentException} where it is not recording. */
        LiveSubscription subscribe(String room);

        /** The room's recorded lessons that overlap {@code from}–{@code to}. */
        List<Span> recorded(String room, Instant from, Instant to);
    }

    /** A recorded lesson, as RecordInfo lists it. */
    record Span(String id, String title, Instant start, Instant end) {
    }

    static final int MISSED_KEEPALIVES = 3;
    /** Catalog items per MESSAGE: a Response stays well within a UDP datagram. */
    static final int ITEMS_PER_MESSAGE = 4;
    private static final Logger LOG = LoggerFactory.getLogger(Upstream.class);
    private static final DateTimeFormatter GB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final String name;
    private final UpstreamSettings settings;
    private final School school;
    private final Digest digest = new Digest(Clock.systemUTC());
    private final SipStack stack;
    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final ScheduledExecutorService timer;
    private final String callId;
    private final AtomicLong cseq = new AtomicLong(1);
    private final AtomicLong sn = new AtomicLong(1);
    private final Map<String, LivePlay> plays = new ConcurrentHashMap<>();
    private final Map<String, Dialog> dialogs = new ConcurrentHashMap<>();
    /** Guarded by this. */
    private String state = "registering";
    private int unanswered;
    private ScheduledFuture<?> keepalives;
    private ScheduledFuture<?> refresh;

    Upstream(String name, UpstreamSettings settings, School school) throws IOException {
        this.name = name;
        this.settings = settings;
        this.school = school;
        try {
            stack = Sip.stack("yike-gb28181-upstream");
            SipFactory factory = SipFactory.getInstance();
            addresses = factory.createAddressFactory();
            headers = factory.createHeaderFactory();
            messages = factory.createMessageFactory();
            ListeningPoint udp = stack.createListeningPoint(settings.localAddress(), settings.localPort(), ListeningPoint.UDP);
            provider = stack.createSipProvider(udp);
            provider.addSipListener(this);
            stack.start();
        } catch (SipException | InvalidArgumentException | TooManyListenersException e) {
            throw new IOException("cannot listen for SIP on " + settings.localAddress() + ":" + settings.localPort() + ": " + e.getMessage(), e);
        }
        callId = provider.getNewCallId().getCallId();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "yike-gb28181-upstream-" + name);
            t.setDaemon(true);
            return t;
        });
        timer.execute(this::register);
    }

    /** "state: reason", as the publishing API lists it. */
    synchronized String status() {
        return state;
    }

    private synchronized void state(String words) {
        if (words.equals(state)) return;
        state = words;
        LOG.info("GB/T 28181 upstream {}: {}", name, words);
    }

    // ---- registration and keepalives

    private void register() {
        send(Request.REGISTER, null, null, "registering");
    }

    private void keepalive() {
        synchronized (this) {
            if (unanswered >= MISSED_KEEPALIVES) {
                cancelTimers();
                state("registering: " + MISSED_KEEPALIVES + " keepalives to " + settings.platformAddress() + " went unanswered");
                timer.execute(this::register);
                return;
            }
            unanswered++;
        }
        message("Notify", "Keepalive", settings.deviceId(), sn.getAndIncrement(), Map.of("Status", "OK"));
    }

    private void message(String root, String cmdType, String about, long number, Map<String, ?> children) {
        byte[] body = Manscdp.write(root, cmdType, number, about, children);
        send(Request.MESSAGE, body, null, null);
    }

    /** Sends a request to the platform; a REGISTER answers {@code challenge} where one came. */
    private void send(String method, byte[] body, Response challenge, String failing) {
        try {
            Request r = request(method, body);
            if (challenge != null) {
                WWWAuthenticateHeader www = (WWWAuthenticateHeader) challenge.getHeader(WWWAuthenticateHeader.NAME);
                r.addHeader(digest.answer(headers, www, method, r.getRequestURI(), settings.deviceId(), settings.password()));
            }
            provider.getNewClientTransaction(r).sendRequest();
        } catch (ParseException | SipException | InvalidArgumentException e) {
            LOG.warn("GB/T 28181 upstream {}: cannot send {}: {}", name, method, e.toString());
            if (failing != null) retry(failing + ": " + e.getMessage());
        }
    }

    private Request request(String method, byte[] body) throws ParseException, InvalidArgumentException {
        SipURI uri = addresses.createSipURI(settings.platformId(), settings.platformAddress() + ":" + settings.platformPort());
        Address device = addresses.createAddress(addresses.createSipURI(settings.deviceId(), settings.deviceDomain()));
        Address to = method.equals(Request.REGISTER) ? device
                : addresses.createAddress(addresses.createSipURI(settings.platformId(), settings.platformDomain()));
        Request r = messages.createRequest(uri, method, headers.createCallIdHeader(callId), headers.createCSeqHeader(cseq.getAndIncrement(), method),
                headers.createFromHeader(device, Long.toHexString(System.nanoTime())), headers.createToHeader(to, null),
                new ArrayList<>(List.of(headers.createViaHeader(settings.localAddress(), settings.localPort(), "udp", null))),
                headers.createMaxForwardsHeader(70));
        r.addHeader(contact());
        if (method.equals(Request.REGISTER)) r.addHeader(headers.createExpiresHeader(settings.expirySeconds()));
        if (body != null) r.setContent(body, headers.createContentTypeHeader(Manscdp.CONTENT_TYPE, Manscdp.CONTENT_SUBTYPE));
        return r;
    }

    private ContactHeader contact() throws ParseException {
        return headers.createContactHeader(addresses.createAddress(
                addresses.createSipURI(settings.deviceId(), settings.localAddress() + ":" + settings.localPort())));
    }

    /** Registers again after a while: a platform that refused or did not answer may come round. */
    private void retry(String why) {
        state(why);
        long seconds = Math.min(settings.keepaliveSeconds(), 30);
        timer.schedule(this::register, seconds, TimeUnit.SECONDS);
    }

    private void registeredFor(Response ok) {
        ExpiresHeader e = ok.getExpires();
        int granted = e != null && e.getExpires() > 0 ? e.getExpires() : settings.expirySeconds();
        synchronized (this) {
            cancelTimers();
            unanswered = 0;
            // again before it expires: at four fifths of the time granted
            refresh = timer.schedule(this::register, granted * 4L / 5, TimeUnit.SECONDS);
            keepalives = timer.scheduleAtFixedRate(this::keepalive, 0, settings.keepaliveSeconds(), TimeUnit.SECONDS);
        }
        state("registered: to " + settings.platformId() + " at " + settings.platformAddress() + ":" + settings.platformPort()
                + " for " + granted + " s");
    }

    private synchronized void cancelTimers() {
        if (keepalives != null) keepalives.cancel(false);
        if (refresh != null) refresh.cancel(false);
        keepalives = null;
        refresh = null;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        String method = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
        int status = response.getStatusCode();
        if (status < 200) return;
        if (method.equals(Request.REGISTER)) {
            boolean answered = event.getClientTransaction() != null
                    && event.getClientTransaction().getRequest().getHeader(AuthorizationHeader.NAME) != null;
            if (status == Response.UNAUTHORIZED && !answered) send(Request.REGISTER, null, response, "registering");
            else if (status < 300) registeredFor(response);
            else retry("refused: the platform answered " + status + " " + response.getReasonPhrase()
                    + (status == Response.UNAUTHORIZED ? " (is the password right?)" : ""));
        } else if (method.equals(Request.MESSAGE)) {
            if (status < 300) {
                synchronized (this) {
                    unanswered = 0;
                }
            } else if (status == Response.FORBIDDEN || status == Response.UNAUTHORIZED) {
                // a platform that restarted knows this device no more
                cancelTimers();
                state("registering: the platform refused a MESSAGE with " + status);
                timer.execute(this::register);
            }
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) return;
        if (event.getClientTransaction().getRequest().getMethod().equals(Request.REGISTER)) {
            retry("unreachable: no answer from " + settings.platformAddress() + ":" + settings.platformPort());
        }
    }

    // ---- the platform's requests

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.MESSAGE -> query(event);
                case Request.INVITE -> invite(event);
                case Request.ACK -> {
                    LivePlay play = plays.get(callIdOf(request));
                    if (play != null) play.start();
                }
                case Request.BYE -> bye(event);
                default -> respond(event, response(Response.METHOD_NOT_ALLOWED, request));
            }
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("GB/T 28181 upstream {}: cannot answer a {} from {}: {}", name, request.getMethod(), Sip.remote(request), e.toString());
        }
    }

    /** Only the platform's address speaks for it: the id in a request is no secret. */
    private boolean fromPlatform(Request request) {
        InetAddress from = Sip.remoteAddress(request);
        try {
            return from != null && from.equals(InetAddress.getByName(settings.platformAddress()));
        } catch (IOException e) {
            return false;
        }
    }

    private void query(RequestEvent event) throws ParseException, SipException, InvalidArgumentException {
        Request request = event.getRequest();
        if (!fromPlatform(request)) {
            respond(event, response(Response.FORBIDDEN, request));
            return;
        }
        Manscdp.Message m;
        try {
            m = Manscdp.parse(request.getRawContent() == null ? new byte[0] : request.getRawContent());
        } catch (IOException e) {
            respond(event, response(Response.BAD_REQUEST, request));
            return;
        }
        respond(event, response(Response.OK, request));
        if (!m.root().equals("Query")) return;
        long number = parseSn(m.sn());
        timer.execute(() -> answer(m, number));
    }

    private static long parseSn(String sn) {
        try {
            return Long.parseLong(sn);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void answer(Manscdp.Message m, long number) {
        String device = settings.deviceId();
        List<String> rooms = school.classrooms();
        switch (m.cmdType()) {
            case "Catalog" -> {
                List<Map<String, String>> items = new ArrayList<>();
                for (int i = 0; i < rooms.size(); i++) items.add(channelItem(rooms.get(i), channel(i)));
                // a catalog without channels still says so, once
                for (int at = 0; at < items.size() || at == 0; at += ITEMS_PER_MESSAGE) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("SumNum", Integer.toString(items.size()));
                    body.put("DeviceList", items.subList(at, Math.min(items.size(), at + ITEMS_PER_MESSAGE)));
                    message("Response", "Catalog", device, number, body);
                    if (items.isEmpty()) break;
                }
            }
            case "DeviceInfo" -> {
                Map<String, String> body = new LinkedHashMap<>();
                body.put("DeviceName", name);
                body.put("Result", "OK");
                body.put("DeviceType", "NVR");
                body.put("Manufacturer", "Yike");
                body.put("Model", "Yike classroom recorder");
                body.put("Firmware", getClass().getPackage().getImplementationVersion() == null ? "Yike"
                        : getClass().getPackage().getImplementationVersion());
                body.put("Channel", Integer.toString(rooms.size()));
                message("Response", "DeviceInfo", device, number, body);
            }
            case "DeviceStatus" -> {
                Map<String, String> body = new LinkedHashMap<>();
                body.put("Result", "OK");
                body.put("Online", "ONLINE");
                body.put("Status", "OK");
                body.put("Encode", "ON");
                body.put("Record", rooms.stream().anyMatch(school::live) ? "ON" : "OFF");
                body.put("DeviceTime", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(GB_TIME));
                message("Response", "DeviceStatus", device, number, body);
            }
            case "RecordInfo" -> recordInfo(m, number, rooms);
            default -> LOG.debug("GB/T 28181 upstream {}: query {} not answered", name, m.cmdType());
        }
    }

    private void recordInfo(Manscdp.Message m, long number, List<String> rooms) {
        String channel = m.deviceId();
        int index = rooms.indexOf(roomOf(channel, rooms));
        Instant from;
        Instant to;
        try {
            from = LocalDateTime.parse(m.text("StartTime")).atZone(ZoneId.systemDefault()).toInstant();
            to = LocalDateTime.parse(m.text("EndTime")).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            LOG.warn("GB/T 28181 upstream {}: a RecordInfo query with times that are not GB/T 28181's: {}", name, e.getMessage());
            return;
        }
        List<Map<String, String>> items = new ArrayList<>();
        if (index >= 0) {
            for (Span s : school.recorded(rooms.get(index), from, to)) {
                Map<String, String> item = new LinkedHashMap<>();
                item.put("DeviceID", channel);
                item.put("Name", s.title());
                item.put("FilePath", s.id());
                item.put("Address", rooms.get(index));
                item.put("StartTime", local(s.start()));
                item.put("EndTime", local(s.end()));
                item.put("Secrecy", "0");
                item.put("Type", "time");
                items.add(item);
            }
        }
        for (int at = 0; at < items.size() || at == 0; at += ITEMS_PER_MESSAGE) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Name", index >= 0 ? rooms.get(index) : channel);
            body.put("SumNum", Integer.toString(items.size()));
            body.put("RecordList", items.subList(at, Math.min(items.size(), at + ITEMS_PER_MESSAGE)));
            message("Response", "RecordInfo", channel, number, body);
            if (items.isEmpty()) break;
        }
    }

    private static String local(Instant t) {
        return LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.SECONDS), ZoneId.systemDefault()).format(GB_TIME);
    }

    /** The channel of the {@code index}th classroom: the device's domain, type 131 (a camera), its number from 1. */
    String channel(int index) {
        return settings.deviceDomain() + "131" + String.format("%07d", index + 1);
    }

    /** The classroom a channel id names, {@code null} where none. */
    private String roomOf(String channel, List<String> rooms) {
        for (int i = 0; i < rooms.size(); i++) {
            if (channel(i).equals(channel)) return rooms.get(i);
        }
        return null;
    }

    private Map<String, String> channelItem(String room, String channel) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("DeviceID", channel);
        item.put("Name", room);
        item.put("Manufacturer", "Yike");
        item.put("Model", "classroom program");
        item.put("Owner", "Yike");
        item.put("CivilCode", settings.deviceDomain().substring(0, 6));
        item.put("Address", room);
        item.put("Parental", "0");
        item.put("ParentID", settings.deviceId());
        item.put("SafetyWay", "0");
        item.put("RegisterWay", "1");
        item.put("Secrecy", "0");
        item.put("Status", school.live(room) ? "ON" : "OFF");
        return item;
    }

    // ---- INVITE, ACK, BYE

    private void invite(RequestEvent event) throws ParseException, SipException, InvalidArgumentException {
        Request request = event.getRequest();
        ServerTransaction t = transaction(event);
        if (t == null) return;
        if (!fromPlatform(request)) {
            t.sendResponse(response(Response.FORBIDDEN, request));
            return;
        }
        String channel = ((SipURI) request.getRequestURI()).getUser();
        String room = channel == null ? null : roomOf(channel, school.classrooms());
        if (room == null) {
            refuse(t, request, Response.NOT_FOUND, "no channel " + channel);
            return;
        }
        GbSdp offer;
        String address;
        int port;
        try {
            offer = GbSdp.parse(request.getRawContent() == null ? new byte[0] : request.getRawContent());
            SessionDescription s = offer.description();
            if (!"Play".equalsIgnoreCase(s.getSessionName().getValue())) {
                refuse(t, request, Response.NOT_ACCEPTABLE_HERE, "only s=Play (live) is served, not s=" + s.getSessionName().getValue());
                return;
            }
            MediaDescription video = firstVideo(s);
            if (video == null || !video.getMedia().getProtocol().equals("RTP/AVP")) {
                refuse(t, request, Response.NOT_ACCEPTABLE_HERE, "only video over RTP/AVP (UDP) is served");
                return;
            }
            Connection c = video.getConnection() != null ? video.getConnection() : s.getConnection();
            address = c.getAddress();
            port = video.getMedia().getMediaPort();
        } catch (SdpException | RuntimeException e) {
            refuse(t, request, Response.BAD_REQUEST, "the SDP offer cannot be read: " + e.getMessage());
            return;
        }
        LiveSubscription live;
        try {
            live = school.subscribe(room);
        } catch (IllegalArgumentException e) {
            refuse(t, request, Response.TEMPORARILY_UNAVAILABLE, "room " + room + " is not recording");
            return;
        }
        if (!live.stream().video().codec().equals("h264")) {
            live.close();
            refuse(t, request, Response.NOT_ACCEPTABLE_HERE, "room " + room + "'s live profile is " + live.stream().video().codec() + ", not H.264");
            return;
        }
        String ssrc = offer.ssrc() != null ? offer.ssrc() : "0" + settings.deviceDomain().substring(3, 8) + "0001";
        int ssrcNumber;
        try {
            ssrcNumber = (int) Long.parseLong(ssrc);
        } catch (NumberFormatException e) {
            live.close();
            refuse(t, request, Response.BAD_REQUEST, "y=" + ssrc + " is no SSRC");
            return;
        }
        String id = callIdOf(request);
        LivePlay play;
        try {
            play = new LivePlay(room + "/" + channel, live, rtpSocket(), new InetSocketAddress(address, port), ssrcNumber, () -> ended(id));
        } catch (IOException e) {
            live.close();
            refuse(t, request, Response.SERVICE_UNAVAILABLE, e.getMessage());
            return;
        }
        try {
            Response ok = response(Response.OK, request);
            ok.addHeader(contact());
            ok.setContent(answerSdp(play.localPort(), ssrc), headers.createContentTypeHeader("application", "sdp"));
            dialogs.put(id, provider.getNewDialog(t));
            plays.put(id, play);
            t.sendResponse(ok);
        } catch (SdpException | ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            plays.remove(id);
            dialogs.remove(id);
            play.stop();
            LOG.warn("GB/T 28181 upstream {}: cannot answer the INVITE of channel {}: {}", name, channel, e.toString());
            return;
        }
        LOG.info("GB/T 28181 upstream {}: INVITEd to send room {} (channel {}) to {}:{} from port {}, SSRC {}", name, room, channel,
                address, port, play.localPort(), ssrc);
    }

    private static MediaDescription firstVideo(SessionDescription s) throws SdpException {
        Vector<?> media = s.getMediaDescriptions(false);
        if (media == null) return null;
        for (Object o : media) {
            MediaDescription m = (MediaDescription) o;
            if (m.getMedia().getMediaType().equals("video")) return m;
        }
        return null;
    }

    private byte[] answerSdp(int port, String ssrc) throws SdpException {
        return GbSdp.play(settings.deviceId(), settings.localAddress(), port, "RTP/AVP", RtpPacketizer.PAYLOAD_TYPE, "sendonly",
                List.of(), ssrc).bytes();
    }

    /** A socket on the first free port of the RTP range, which the answer names as the stream's source. */
    private DatagramSocket rtpSocket() throws IOException {
        for (int port = settings.rtpPortFirst(); port <= settings.rtpPortLast(); port++) {
            try {
                return new DatagramSocket(new InetSocketAddress(settings.localAddress(), port));
            } catch (BindException e) {
                // taken: the next
            }
        }
        throw new IOException("no free port in the RTP range " + settings.rtpPortFirst() + "-" + settings.rtpPortLast());
    }

    private void refuse(ServerTransaction t, Request request, int status, String why) throws ParseException, SipException,
            InvalidArgumentException {
        LOG.warn("GB/T 28181 upstream {}: INVITE refused ({}): {}", name, status, why);
        t.sendResponse(response(status, request));
    }

    private void bye(RequestEvent event) throws ParseException, SipException, InvalidArgumentException {
        Request request = event.getRequest();
        respond(event, response(Response.OK, request));
        String id = callIdOf(request);
        dialogs.remove(id);
        LivePlay play = plays.remove(id);
        if (play != null) {
            play.stop();
            LOG.info("GB/T 28181 upstream {}: the platform ended stream {} (BYE)", name, id);
        }
    }

    /** The lesson ended, or the stream could not be sent: the platform is told by BYE. */
    private void ended(String id) {
        plays.remove(id);
        Dialog d = dialogs.remove(id);
        if (d == null) return;
        try {
            ClientTransaction t = provider.getNewClientTransaction(d.createRequest(Request.BYE));
            d.sendRequest(t);
        } catch (SipException e) {
            LOG.warn("GB/T 28181 upstream {}: cannot send BYE for stream {}: {}", name, id, e.toString());
        }
    }

    private static String callIdOf(Request r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private ServerTransaction transaction(RequestEvent event) throws SipException {
        ServerTransaction t = event.getServerTransaction();
        if (t != null) return t;
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null; // a retransmission, which the stack answers
        }
    }

    private void respond(RequestEvent event, Response response) throws SipException, InvalidArgumentException {
        ServerTransaction t = transaction(event);
        if (t != null) t.sendResponse(response);
    }

    private Response response(int status, Request request) throws ParseException {
        Response r = messages.createResponse(status, request);
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (status >= 200 && to.getTag() == null) to.setTag(Long.toHexString(System.nanoTime()));
        return r;
    }

    /**
     * Ends every stream (BYE) and stops the stack. No unregistering: the platform sees the device
     * offline once its keepalives stop, as after a power cut.
     */
    @Override
    public void close() {
        cancelTimers();
        timer.shutdownNow();
        for (String id : List.copyOf(plays.keySet())) {
            LivePlay p = plays.remove(id);
            if (p != null) p.stop();
            ended(id);
        }
        provider.removeSipListener(this);
        stack.stop();
        state("stopped");
    }
}
