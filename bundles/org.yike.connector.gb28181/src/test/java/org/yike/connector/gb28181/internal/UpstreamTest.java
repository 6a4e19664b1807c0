package org.yike.connector.gb28181.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.DatagramSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.yike.api.live.LiveSubscription;
import org.yike.lib.sip.Digest;
import org.yike.lib.sip.Manscdp;
import org.yike.lib.sip.Sip;

/**
 * The registration's life against a platform on loopback made of the same NIST stack: the digest
 * challenge answered, the registration renewed before the time the platform granted runs out, and
 * registered anew after three keepalives left unanswered.
 */
public class UpstreamTest {

    private static final String PLATFORM = "34020000002000000001";
    private static final String DEVICE = "34020000001180000001";
    private static final String PASSWORD = "up-28181";

    private final List<String> heard = new ArrayList<>();
    /** What the platform does with keepalives: answers them, or lets them go. */
    private volatile boolean answering = true;
    private volatile int granted = 2;
    private SipStack stack;
    private Upstream upstream;

    @Before
    public void platform() throws Exception {
        int port = freePort();
        stack = Sip.stack("test-platform");
        SipFactory f = SipFactory.getInstance();
        HeaderFactory headers = f.createHeaderFactory();
        MessageFactory messages = f.createMessageFactory();
        Digest digest = new Digest(Clock.systemUTC());
        ListeningPoint lp = stack.createListeningPoint("127.0.0.1", port, ListeningPoint.UDP);
        SipProvider provider = stack.createSipProvider(lp);
        provider.addSipListener(new SipListener() {
            @Override
            public void processRequest(RequestEvent e) {
                try {
                    Request r = e.getRequest();
                    ServerTransaction t = provider.getNewServerTransaction(r);
                    Response answer;
                    if (r.getMethod().equals(Request.REGISTER)) {
                        AuthorizationHeader a = (AuthorizationHeader) r.getHeader(AuthorizationHeader.NAME);
                        if (a == null || !digest.verifies(a, Request.REGISTER, "3402000000", PASSWORD)) {
                            answer = messages.createResponse(Response.UNAUTHORIZED, r);
                            WWWAuthenticateHeader www = headers.createWWWAuthenticateHeader("Digest");
                            www.setRealm("3402000000");
                            www.setNonce(digest.nonce());
                            www.setQop("auth");
                            answer.addHeader(www);
                            note(a == null ? "challenged" : "wrong digest");
                        } else {
                            answer = messages.createResponse(Response.OK, r);
                            answer.addHeader(headers.createExpiresHeader(granted));
                            note("registered");
                        }
                    } else {
                        String cmd = Manscdp.parse(r.getRawContent()).cmdType();
                        if (!answering) {
                            note("unanswered " + cmd);
                            return;
                        }
                        answer = messages.createResponse(Response.OK, r);
                        note(cmd);
                    }
                    ((ToHeader) answer.getHeader(ToHeader.NAME)).setTag("p" + System.nanoTime());
                    t.sendResponse(answer);
                } catch (Exception x) {
                    throw new IllegalStateException(x);
                }
            }

            // the rest of a listener's events mean nothing to this platform
            @Override public void processResponse(javax.sip.ResponseEvent e) { }
            @Override public void processTimeout(javax.sip.TimeoutEvent e) { }
            @Override public void processIOException(javax.sip.IOExceptionEvent e) { }
            @Override public void processTransactionTerminated(javax.sip.TransactionTerminatedEvent e) { }
            @Override public void processDialogTerminated(javax.sip.DialogTerminatedEvent e) { }
        });
        stack.start();
        int rtp = freePort();
        upstream = new Upstream("test", UpstreamSettings.of(Map.of("platformAddress", "127.0.0.1", "platformPort", port, "platformId",
                PLATFORM, "deviceId", DEVICE, "password", PASSWORD, "localAddress", "127.0.0.1", "localPort", freePort(),
                "keepaliveSeconds", 1, "rtpPortFirst", rtp, "rtpPortLast", rtp)), new NoSchool());
    }

    @After
    public void stop() {
        if (upstream != null) upstream.close();
        if (stack != null) stack.stop();
    }

    @Test
    public void theChallengeIsAnsweredAndTheRegistrationRenewedBeforeItExpires() throws Exception {
        await("registered", () -> count("registered") >= 1);
        assertEquals("one challenge, answered at once: " + heard(), List.of("challenged", "registered"), heard().subList(0, 2));
        assertTrue(upstream.status(), upstream.status().startsWith("registered: to " + PLATFORM));
        long registered = System.nanoTime();
        await("a keepalive at once", () -> count("Keepalive") >= 1);
        // granted 2 s: renewed at four fifths of them, with the challenge answered again
        await("registered again", () -> count("registered") >= 2);
        long seconds = (System.nanoTime() - registered) / 1_000_000_000L;
        assertTrue("renewed after " + seconds + " s", seconds < 2);
        assertEquals("no wrong digest: " + heard(), 0, count("wrong digest"));
    }

    @Test
    public void threeUnansweredKeepalivesMakeItRegisterAgain() throws Exception {
        granted = 3600;
        await("registered", () -> count("registered") >= 1);
        answering = false;
        await("three keepalives unanswered", () -> count("unanswered Keepalive") >= 3);
        assertEquals("not before the fourth is due: " + heard(), 1, count("registered"));
        await("registered again", () -> count("registered") >= 2);
        List<String> heard = heard();
        List<String> before = heard.subList(0, heard.lastIndexOf("registered"));
        assertEquals("on the fourth interval, not sooner: " + heard, 3, before.stream().filter("unanswered Keepalive"::equals).count());
    }

    private synchronized void note(String what) {
        heard.add(what);
    }

    private synchronized List<String> heard() {
        return List.copyOf(heard);
    }

    private long count(String what) {
        return heard().stream().filter(what::equals).count();
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 10 s: " + what);
            Thread.sleep(20);
        }
    }

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static final class NoSchool implements Upstream.School {
        @Override
        public List<String> classrooms() {
            return List.of("101");
        }

        @Override
        public boolean live(String room) {
            return false;
        }

        @Override
        public LiveSubscription subscribe(String room) {
            throw new IllegalArgumentException("not recording");
        }

        @Override
        public List<Upstream.Span> recorded(String room, Instant from, Instant to) {
            return List.of();
        }
    }
}
