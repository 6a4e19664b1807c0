package org.yike.lib.sip;

import java.net.InetAddress;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipStack;
import javax.sip.message.Message;

import org.yike.lib.sip.internal.StackLog;

import gov.nist.javax.sip.message.SIPMessage;

/** NIST's SIP stack as Yike runs it, and what only the stack's own classes tell about a message. */
public final class Sip {

    private static final AtomicInteger STACKS = new AtomicInteger();

    private Sip() {
    }

    /**
     * A new stack (not started), its log through slf4j, without automatic dialogs: MESSAGEs and
     * REGISTERs make none, INVITEs make theirs. SipFactory finds the stack's classes from this bundle.
     */
    public static SipStack stack(String name) throws PeerUnavailableException {
        StackLog.install();
        Properties p = new Properties();
        // SipFactory keeps its stacks by name: a new name for each, so one made again is a new stack
        p.setProperty("javax.sip.STACK_NAME", name + "-" + STACKS.incrementAndGet());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", StackLog.class.getName());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        return factory.createSipStack(p);
    }

    /** The address a received message came from; {@code null} for one this side made. */
    public static InetAddress remoteAddress(Message m) {
        return ((SIPMessage) m).getRemoteAddress();
    }

    /** The port a received message came from. */
    public static int remotePort(Message m) {
        return ((SIPMessage) m).getRemotePort();
    }

    /** "address:port" of a received message's sender, for logs. */
    public static String remote(Message m) {
        InetAddress a = remoteAddress(m);
        return (a == null ? "?" : a.getHostAddress()) + ":" + remotePort(m);
    }
}
