package org.yike.lib.sip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import javax.sip.SipFactory;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;

import org.junit.Test;

/** Answers computed as RFC 2617 says, through the SIP stack's own header. */
public class DigestTest {

    private static final String REALM = "3402000000";
    private static final String URI = "sip:34020000002000000001@3402000000";

    private final Instant now = Instant.parse("2026-12-08T08:00:00Z");

    private AuthorizationHeader answer(String nonce, String password, String qop) throws Exception {
        HeaderFactory headers = SipFactory.getInstance().createHeaderFactory();
        AuthorizationHeader a = headers.createAuthorizationHeader("Digest");
        a.setUsername("34020000001320000001");
        a.setRealm(REALM);
        a.setNonce(nonce);
        a.setURI(SipFactory.getInstance().createAddressFactory().createURI(URI));
        a.setAlgorithm("MD5");
        String ha1 = Digest.md5("34020000001320000001:" + REALM + ":" + password);
        String ha2 = Digest.md5("REGISTER:" + URI);
        if (qop == null) {
            a.setResponse(Digest.md5(ha1 + ":" + nonce + ":" + ha2));
        } else {
            a.setQop(qop);
            a.setCNonce("0a4f113b");
            a.setNonceCount(1);
            a.setResponse(Digest.md5(ha1 + ":" + nonce + ":00000001:0a4f113b:" + qop + ":" + ha2));
        }
        return a;
    }

    @Test
    public void theRightPasswordVerifiesWithAndWithoutQop() throws Exception {
        Digest d = new Digest(Clock.fixed(now, ZoneOffset.UTC));
        String nonce = d.nonce();
        assertTrue(d.verifies(answer(nonce, "12345678", null), "REGISTER", REALM, "12345678"));
        assertTrue(d.verifies(answer(nonce, "12345678", "auth"), "REGISTER", REALM, "12345678"));
    }

    @Test
    public void aWrongPasswordRealmOrNonceDoesNot() throws Exception {
        Digest d = new Digest(Clock.fixed(now, ZoneOffset.UTC));
        String nonce = d.nonce();
        assertFalse(d.verifies(answer(nonce, "wrong", null), "REGISTER", REALM, "12345678"));
        assertFalse(d.verifies(answer(nonce, "12345678", null), "REGISTER", "3402000001", "12345678"));
        assertFalse("a nonce the platform never gave", d.verifies(answer("abcdef", "12345678", null), "REGISTER", REALM, "12345678"));
    }

    @Test
    public void anOldNonceDoesNot() throws Exception {
        Instant[] time = { now };
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return time[0];
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        Digest d = new Digest(clock);
        String nonce = d.nonce();
        time[0] = now.plus(Digest.NONCE_LIFE);
        assertTrue("still good at the end of its life", d.verifies(answer(nonce, "12345678", null), "REGISTER", REALM, "12345678"));
        time[0] = now.plus(Digest.NONCE_LIFE).plus(Duration.ofSeconds(1));
        assertFalse(d.verifies(answer(nonce, "12345678", null), "REGISTER", REALM, "12345678"));
    }

    /** The device's side answers a challenge as the platform's side checks it: with qop=auth where offered, without where not. */
    @Test
    public void aDevicesAnswerToAChallengeVerifies() throws Exception {
        Digest platform = new Digest(Clock.fixed(now, ZoneOffset.UTC));
        Digest device = new Digest(Clock.systemUTC());
        HeaderFactory headers = SipFactory.getInstance().createHeaderFactory();
        javax.sip.address.URI uri = SipFactory.getInstance().createAddressFactory().createURI(URI);
        for (String qop : new String[] { null, "auth" }) {
            javax.sip.header.WWWAuthenticateHeader challenge = headers.createWWWAuthenticateHeader("Digest");
            challenge.setRealm(REALM);
            challenge.setNonce(platform.nonce());
            challenge.setAlgorithm("MD5");
            if (qop != null) challenge.setQop(qop);
            AuthorizationHeader answer = device.answer(headers, challenge, "REGISTER", uri, "34020000001180000001", "12345678");
            assertEquals(qop, answer.getQop());
            assertTrue("qop " + qop, platform.verifies(answer, "REGISTER", REALM, "12345678"));
            assertFalse(platform.verifies(device.answer(headers, challenge, "REGISTER", uri, "34020000001180000001", "wrong"), "REGISTER",
                    REALM, "12345678"));
        }
    }
}
