package org.yike.driver.gb28181.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.TooManyListenersException;
import java.util.Vector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sdp.Attribute;
import javax.sdp.Connection;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
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
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.DeviceStatus;
import org.yike.lib.sip.SipListenerBase;
import org.yike.lib.sip.Digest;
import org.yike.lib.sip.GbSdp;
import org.yike.lib.sip.Manscdp;
import org.yike.lib.sip.Sip;

/**
 * Yike as a GB/T 28181 platform on NIST's SIP stack: devices REGISTER with digest authentication
 * (realm: the domain, the first 10 digits of the platform's id), keep alive with MESSAGEs, are asked
 * their Catalog, then DeviceInfo, then DeviceStatus once registered, and are INVITEd to send a
 * channel's PS over RTP.
 */
final class SipPlatform extends SipListenerBase implements AutoCloseable {

    /** What configures a platform; {@code keepalive} is the devices' interval, three missed make one offline. */
    record Settings(String address, int port, String id, String password, Duration keepalive) {

        String domain() {
            return id.substring(0, 10);
        }
    }

    /** A channel that a registered device's catalog names, for discovery. */
    record Found(Registered device, Manscdp.Channel channel) {
    }

    /**
     * A stream INVITEd: ended by {@link #bye}, or by the device's BYE, which runs {@code ended}.
     * {@code media} is where the device's answer says it sends from (or listens, for a TCP
     * connection Yike makes); {@code null} where the answer names none.
     */
    static final class Call {
        final String callId;
        final String ssrc;
        final Runnable ended;
        volatile Dialog dialog;
        volatile InetSocketAddress media;

        Call(String callId, String ssrc, Runnable ended) {
            this.callId = callId;
            this.ssrc = ssrc;
            this.ended = ended;
        }
    }

    static final int MISSED_KEEPALIVES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(SipPlatform.class);
    private static final String GB_ID = "\\d{20}";

    private final Settings settings;
    private final Clock clock;
    private final Digest digest;
    private final SipStack stack;
    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final ExecutorService queries;
    private final Map<String, Registered> devices = new ConcurrentHashMap<>();
    /** Catalog items received so far per device, until as many as SumNum said have come. */
    private final Map<String, Map<String, Manscdp.Channel>> catalogs = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<InetSocketAddress>> invites = new ConcurrentHashMap<>();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    /** Queries whose Response someone waits for, by SN. */
    private final Map<String, CompletableFuture<Manscdp.Message>> answers = new ConcurrentHashMap<>();
    private final AtomicLong sn = new AtomicLong(1);
    private final AtomicLong cseq = new AtomicLong(1);
    private final AtomicInteger ssrcs = new AtomicInteger();

    SipPlatform(Settings settings, Clock clock) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.digest = new Digest(clock);
        try {
            stack = Sip.stack("yike-gb28181");
            SipFactory factory = SipFactory.getInstance();
            addresses = factory.createAddressFactory();
            headers = factory.createHeaderFactory();
            messages = factory.createMessageFactory();
            ListeningPoint udp = stack.createListeningPoint(settings.address(), settings.port(), ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(settings.address(), settings.port(), ListeningPoint.TCP);
            provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            provider.addSipListener(this);
            stack.start();
        } catch (SipException | InvalidArgumentException | TooManyListenersException e) {
            throw new IOException("cannot listen for SIP on " + settings.address() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        queries = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "yike-gb28181-queries");
            t.setDaemon(true);
            return t;
        });
        LOG.info("GB/T 28181 platform {} listening for SIP on {}:{} (UDP and TCP), domain {}", settings.id(),
                settings.address(), settings.port(), settings.domain());
    }

    Settings settings() {
        return settings;
    }

    /** Each channel of the catalog of each device whose registration holds. */
    List<Found> channels() {
        List<Found> found = new ArrayList<>();
        Instant now = clock.instant();
        for (Registered d : devices.values()) {
            if (d.expires().isBefore(now)) continue;
            for (Manscdp.Channel c : d.channels()) found.add(new Found(d, c));
        }
        return found;
    }

    /** Whether {@code deviceId} is registered and kept alive, and names {@code channelId} in its catalog, switched on. */
    DeviceStatus status(String deviceId, String channelId) {
        Registered d = devices.get(deviceId);
        if (d == null) return DeviceStatus.offline("device " + deviceId + " has not registered");
        Instant now = clock.instant();
        if (d.expires().isBefore(now)) return DeviceStatus.offline("the registration of device " + deviceId + " expired");
        Duration silent = Duration.between(d.lastHeard(), now);
        if (silent.compareTo(settings.keepalive().multipliedBy(MISSED_KEEPALIVES)) > 0) {
            return DeviceStatus.offline("device " + deviceId + " missed " + MISSED_KEEPALIVES + " keepalives (silent for "
                    + silent.toSeconds() + " s)");
        }
        Optional<Manscdp.Channel> channel = d.channels().stream().filter(c -> c.id().equals(channelId)).findFirst();
        if (channel.isEmpty()) {
            return DeviceStatus.offline(d.channels().isEmpty() ? "device " + deviceId + " has not answered the catalog query"
                    : "device " + deviceId + " has no channel " + channelId);
        }
        if (channel.get().off()) return DeviceStatus.offline("device " + deviceId + " reports channel " + channelId + " OFF");
        if (d.online().equalsIgnoreCase("OFFLINE")) return DeviceStatus.offline("device " + deviceId + " reports itself OFFLINE");
        return new DeviceStatus(DeviceStatus.State.ONLINE, channel.get().name() + " on " + d.label()
                + (d.model().isEmpty() ? "" : " (" + d.manufacturer() + " " + d.model() + ")")
                + (d.health().isEmpty() ? "" : ", status " + d.health()));
    }

    // ---- requests from devices

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.REGISTER -> register(event);
                case Request.MESSAGE -> message(event);
                case Request.BYE -> bye(event);
                case Request.ACK -> { /* nothing to answer */ }
                default -> respond(event, response(Response.METHOD_NOT_ALLOWED, request));
            }
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("GB/T 28181: cannot answer a {} from {}: {}", request.getMethod(), Sip.remote(request), e.toString());
        }
    }

    private void register(RequestEvent event) throws ParseException, SipException, InvalidArgumentException {
        Request request = event.getRequest();
        String deviceId = ((SipURI) ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI()).getUser();
        if (deviceId == null || !deviceId.matches(GB_ID)) {
            LOG.warn("GB/T 28181: REGISTER from {} refused: '{}' is no 20-digit device id", Sip.remote(request), deviceId);
            respond(event, response(Response.FORBIDDEN, request));
            return;
        }
        AuthorizationHeader answer = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (answer == null || !digest.verifies(answer, Request.REGISTER, settings.domain(), settings.password())) {
            if (answer != null) LOG.warn("GB/T 28181: device {} at {} gave a wrong password", deviceId, Sip.remote(request));
            Response challenge = response(Response.UNAUTHORIZED, request);
            WWWAuthenticateHeader www = headers.createWWWAuthenticateHeader("Digest");
            www.setRealm(settings.domain());
            www.setNonce(digest.nonce());
            www.setAlgorithm("MD5");
            challenge.addHeader(www);
            respond(event, challenge);
            return;
        }
        int expires = expires(request);
        Response ok = response(Response.OK, request);
        Calendar now = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
        ok.addHeader(headers.createDateHeader(now));
        ok.addHeader(headers.createExpiresHeader(expires));
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        if (contact != null) ok.addHeader(contact);
        respond(event, ok);
        if (expires == 0) {
            devices.remove(deviceId);
            LOG.info("GB/T 28181 device {} unregistered", deviceId);
            return;
        }
        String host = Sip.remoteAddress(request).getHostAddress();
        int port = Sip.remotePort(request);
        String transport = ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport().toLowerCase(Locale.ROOT);
        Instant until = clock.instant().plusSeconds(expires);
        Registered was = devices.get(deviceId);
        Registered registered = was == null ? Registered.first(deviceId, host, port, transport, until, clock.instant())
                : was.again(host, port, transport, until, clock.instant());
        devices.put(deviceId, registered);
        if (was == null) LOG.info("GB/T 28181 device {} registered from {}:{} over {}", deviceId, host, port, transport);
        queries.execute(() -> ask(deviceId, "Catalog"));
    }

    /** The registration's lifetime the device asks for, in seconds: Expires, else its Contact's, else an hour. */
    private static int expires(Request request) {
        ExpiresHeader e = request.getExpires();
        if (e != null) return e.getExpires();
        ContactHeader c = (ContactHeader) request.getHeader(ContactHeader.NAME);
        return c != null && c.getExpires() >= 0 ? c.getExpires() : 3600;
    }

    private void message(RequestEvent event) throws ParseException, SipException, InvalidArgumentException {
        Request request = event.getRequest();
        String deviceId = ((SipURI) ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI()).getUser();
        Registered device = deviceId == null ? null : devices.get(deviceId);
        if (device == null) {
            // a device that registered before Yike restarted: a refusal makes it register again
            respond(event, response(Response.FORBIDDEN, request));
            return;
        }
        InetAddress from = Sip.remoteAddress(request);
        if (from == null || !from.getHostAddress().equals(device.host())) {
            // an id is no secret: only the address that registered with the password speaks for the device
            LOG.warn("GB/T 28181: a MESSAGE as device {} from {} refused: it registered from {}", deviceId, Sip.remote(request), device.host());
            respond(event, response(Response.FORBIDDEN, request));
            return;
        }
        Manscdp.Message m;
        try {
            m = Manscdp.parse(request.getRawContent() == null ? new byte[0] : request.getRawContent());
        } catch (IOException e) {
            LOG.warn("GB/T 28181 device {}: a MESSAGE refused: {}", deviceId, e.getMessage());
            respond(event, response(Response.BAD_REQUEST, request));
            return;
        }
        respond(event, response(Response.OK, request));
        devices.computeIfPresent(deviceId, (k, d) -> d.heard(clock.instant()));
        CompletableFuture<Manscdp.Message> awaited = m.root().equals("Response") ? answers.remove(m.sn()) : null;
        if (awaited != null) awaited.complete(m);
        switch (m.cmdType()) {
            case "Keepalive" -> { /* heard, above */ }
            case "Catalog" -> {
                if (m.root().equals("Response")) catalog(deviceId, m);
                // a device tells of a change in its catalog: the whole of it is asked again
                else if (m.root().equals("Notify")) queries.execute(() -> ask(deviceId, "Catalog"));
            }
            case "DeviceInfo" -> {
                if (m.root().equals("Response")) {
                    devices.computeIfPresent(deviceId, (k, d) -> d.withInfo(m.text("Manufacturer"), m.text("Model"), m.text("DeviceName")));
                    queries.execute(() -> ask(deviceId, "DeviceStatus"));
                }
            }
            case "DeviceStatus" -> {
                if (m.root().equals("Response")) devices.computeIfPresent(deviceId, (k, d) -> d.withStatus(m.text("Online"), m.text("Status")));
            }
            default -> LOG.debug("GB/T 28181 device {}: {} {} not used", deviceId, m.root(), m.cmdType());
        }
    }

    /** A part of a catalog: the device's channels once all SumNum of them have come. */
    private void catalog(String deviceId, Manscdp.Message m) {
        Map<String, Manscdp.Channel> part = catalogs.computeIfAbsent(deviceId, k -> new LinkedHashMap<>());
        synchronized (part) {
            for (Manscdp.Channel c : m.channels()) part.put(c.id(), c);
            if (part.size() < m.sumNum()) return;
            List<Manscdp.Channel> all = List.copyOf(part.values());
            catalogs.remove(deviceId);
            devices.computeIfPresent(deviceId, (k, d) -> d.withChannels(all));
            LOG.info("GB/T 28181 device {} has {} channels: {}", deviceId, all.size(),
                    all.stream().map(c -> c.id() + " " + c.name()).toList());
        }
        queries.execute(() -> ask(deviceId, "DeviceInfo"));
    }

    private void bye(RequestEvent event) throws ParseException, SipException, InvalidArgumentException {
        Request request = event.getRequest();
        respond(event, response(Response.OK, request));
        Call call = calls.remove(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
        if (call != null) {
            LOG.info("GB/T 28181: the device ended stream {}", call.callId);
            call.ended.run();
        }
    }

    private Response response(int status, Request request) throws ParseException {
        Response r = messages.createResponse(status, request);
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (status >= 200 && to.getTag() == null) to.setTag(Long.toHexString(System.nanoTime()));
        return r;
    }

    /** Answers in the request's server transaction; a retransmission already in one is answered by the stack. */
    private void respond(RequestEvent event, Response response) throws SipException, InvalidArgumentException {
        ServerTransaction t = event.getServerTransaction();
        if (t == null) {
            try {
                t = provider.getNewServerTransaction(event.getRequest());
            } catch (TransactionAlreadyExistsException e) {
                return;
            }
        }
        t.sendResponse(response);
    }

    // ---- requests to devices

    /** Sends a Query of {@code cmdType} to a registered device; its Response comes as a MESSAGE of its own. */
    void ask(String deviceId, String cmdType) {
        if (cmdType.equals("Catalog")) catalogs.remove(deviceId);
        try {
            send(deviceId, "Query", cmdType, deviceId, Map.of(), sn.getAndIncrement());
        } catch (IOException e) {
            LOG.warn("GB/T 28181 device {}: cannot send the {} query: {}", deviceId, cmdType, e.getMessage());
        }
    }

    /** The Response to a Query of {@code cmdType} about {@code targetId} (a channel) of {@code deviceId}, within {@code time}. */
    CompletableFuture<Manscdp.Message> query(String deviceId, String targetId, String cmdType, Duration time) {
        CompletableFuture<Manscdp.Message> answer = new CompletableFuture<>();
        try {
            long number = sn.getAndIncrement();
            answers.put(Long.toString(number), answer);
            answer.whenComplete((m, e) -> answers.remove(Long.toString(number)));
            send(deviceId, "Query", cmdType, targetId, Map.of(), number);
        } catch (IOException e) {
            answer.completeExceptionally(e);
        }
        return answer.orTimeout(time.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A DeviceControl MESSAGE to {@code targetId} (a channel) of {@code deviceId}, e.g. a PTZCmd. */
    void control(String deviceId, String targetId, Map<String, String> children) throws IOException {
        send(deviceId, "Control", "DeviceControl", targetId, children, sn.getAndIncrement());
    }

    private void send(String deviceId, String root, String cmdType, String targetId, Map<String, String> children, long number)
            throws IOException {
        Registered d = devices.get(deviceId);
        if (d == null) throw new IOException("device " + deviceId + " has not registered");
        try {
            byte[] body = Manscdp.write(root, cmdType, number, targetId, children);
            Request r = request(Request.MESSAGE, d, targetId, headers.createContentTypeHeader(Manscdp.CONTENT_TYPE, Manscdp.CONTENT_SUBTYPE), body);
            provider.getNewClientTransaction(r).sendRequest();
        } catch (ParseException | SipException | InvalidArgumentException e) {
            throw new IOException("cannot send " + cmdType + " to device " + deviceId + ": " + e, e);
        }
    }

    /**
     * INVITEs {@code channelId} of {@code deviceId} to send its live picture as PS over RTP to
     * {@code rtpPort} on the platform's address, by {@code protocol} ({@code RTP/AVP}: UDP;
     * {@code TCP/RTP/AVP}: over TCP, {@code setup} saying who connects); completes once the device
     * answered 200 and was ACKed, with the media address of its answer.
     */
    CompletableFuture<Call> invite(String deviceId, String channelId, int rtpPort, String protocol, String setup, Runnable ended) {
        Registered d = devices.get(deviceId);
        if (d == null) return CompletableFuture.failedFuture(new IOException("device " + deviceId + " has not registered"));
        // y=: 0 for live, the domain's digits 4-8, and a number of this platform's
        String ssrc = "0" + settings.id().substring(3, 8) + String.format("%04d", ssrcs.incrementAndGet() % 10000);
        try {
            Request invite = request(Request.INVITE, d, channelId, headers.createContentTypeHeader("application", "sdp"),
                    offer(rtpPort, protocol, setup, ssrc));
            invite.addHeader(headers.createSubjectHeader(channelId + ":" + ssrc + "," + settings.id() + ":0"));
            ClientTransaction t = provider.getNewClientTransaction(invite);
            Call call = new Call(((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId(), ssrc, ended);
            call.dialog = provider.getNewDialog(t);
            CompletableFuture<InetSocketAddress> answered = new CompletableFuture<>();
            invites.put(call.callId, answered);
            t.sendRequest();
            return answered.thenApply(media -> {
                call.media = media;
                calls.put(call.callId, call);
                return call;
            });
        } catch (ParseException | SipException | InvalidArgumentException | SdpException e) {
            return CompletableFuture.failedFuture(new IOException("cannot INVITE channel " + channelId + ": " + e, e));
        }
    }

    /**
     * The SDP offer: receive only, PS at 90 kHz on {@code rtpPort}, over UDP or TCP, GB/T 28181's {@code y=} line (the
     * SSRC) after it.
     */
    private byte[] offer(int rtpPort, String protocol, String setup, String ssrc) throws SdpException {
        SdpFactory sdp = SdpFactory.getInstance();
        // RFC 4145: passive, the device connects to the platform's port; active, the platform to the device's; for this stream only
        List<Attribute> tcp = setup == null ? List.of()
                : List.of(sdp.createAttribute("setup", setup), sdp.createAttribute("connection", "new"));
        return GbSdp.play(settings.id(), settings.address(), rtpPort, protocol, 96, "recvonly", tcp, ssrc).bytes();
    }

    /** Ends an INVITEd stream; one that the device ended already is gone. */
    void bye(Call call) {
        if (calls.remove(call.callId) == null || call.dialog == null) return;
        try {
            Request bye = call.dialog.createRequest(Request.BYE);
            call.dialog.sendRequest(provider.getNewClientTransaction(bye));
            LOG.info("GB/T 28181: stream {} ended (BYE)", call.callId);
        } catch (SipException e) {
            LOG.warn("GB/T 28181: cannot send BYE for stream {}: {}", call.callId, e.toString());
        }
    }

    /** A new out-of-dialog request to {@code target} (the device, or one of its channels) where it registered from. */
    private Request request(String method, Registered d, String target, ContentTypeHeader type, byte[] body)
            throws ParseException, InvalidArgumentException {
        SipURI uri = addresses.createSipURI(target, d.host() + ":" + d.port());
        if (!d.transport().equals("udp")) uri.setTransportParam(d.transport());
        Address from = addresses.createAddress(addresses.createSipURI(settings.id(), settings.domain()));
        Address to = addresses.createAddress(addresses.createSipURI(target, settings.domain()));
        List<ViaHeader> via = new ArrayList<>(List.of(headers.createViaHeader(settings.address(), settings.port(), d.transport(), null)));
        Request r = messages.createRequest(uri, method, provider.getNewCallId(), headers.createCSeqHeader(cseq.getAndIncrement(), method),
                headers.createFromHeader(from, Long.toHexString(System.nanoTime())), headers.createToHeader(to, null), via,
                headers.createMaxForwardsHeader(70), type, body);
        r.addHeader(headers.createContactHeader(addresses.createAddress(
                addresses.createSipURI(settings.id(), settings.address() + ":" + settings.port()))));
        return r;
    }

    // ---- answers to Yike's requests

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseqHeader = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (!Request.INVITE.equals(cseqHeader.getMethod())) {
            if (response.getStatusCode() >= 300) {
                LOG.warn("GB/T 28181: a device answered {} with {} {}", cseqHeader.getMethod(), response.getStatusCode(),
                        response.getReasonPhrase());
            }
            return;
        }
        String callId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        int status = response.getStatusCode();
        if (status < 200) return;
        try {
            Dialog dialog = event.getDialog();
            if (status < 300 && dialog != null) dialog.sendAck(dialog.createAck(cseqHeader.getSeqNumber()));
        } catch (SipException | InvalidArgumentException e) {
            LOG.warn("GB/T 28181: cannot ACK stream {}: {}", callId, e.toString());
        }
        CompletableFuture<InetSocketAddress> invite = invites.remove(callId);
        if (invite == null) return;
        if (status >= 300) {
            invite.completeExceptionally(new IOException("the device refused the INVITE: " + status + " " + response.getReasonPhrase()));
            return;
        }
        try {
            invite.complete(media(response));
        } catch (SdpException | RuntimeException e) {
            invite.completeExceptionally(new IOException("the device's answer to the INVITE has no SDP that can be read: " + e.getMessage()));
        }
    }

    /** The address and port of the video in a 200's SDP, {@code null} where it has none. */
    private static InetSocketAddress media(Response ok) throws SdpException {
        byte[] body = ok.getRawContent();
        if (body == null || body.length == 0) return null;
        SessionDescription s = GbSdp.parse(body).description();
        Vector<?> media = s.getMediaDescriptions(false);
        if (media == null || media.isEmpty()) return null;
        MediaDescription video = (MediaDescription) media.get(0);
        Connection c = video.getConnection() != null ? video.getConnection() : s.getConnection();
        return c == null ? null : new InetSocketAddress(c.getAddress(), video.getMedia().getMediaPort());
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) return;
        Request r = event.getClientTransaction().getRequest();
        String callId = ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
        CompletableFuture<InetSocketAddress> invite = invites.remove(callId);
        if (invite != null) invite.completeExceptionally(new IOException("the device did not answer the INVITE"));
        else LOG.debug("GB/T 28181: no answer to {} {}", r.getMethod(), r.getRequestURI());
    }

    @Override
    public void close() {
        for (Call c : List.copyOf(calls.values())) bye(c);
        queries.shutdownNow();
        provider.removeSipListener(this);
        stack.stop();
        LOG.info("GB/T 28181 platform on {}:{} stopped", settings.address(), settings.port());
    }
}
