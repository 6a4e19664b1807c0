package org.yike.connector.gb28181.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveSubscription;
import org.yike.api.live.LiveTrack;

/**
 * One INVITEd {@code s=Play}: a room's live pictures (and AAC sound, where the profile has it) as PS over RTP/UDP to the address the platform's
 * offer named, on a thread of its own from the ACK to the BYE (or the lesson's end, which runs
 * {@code ended}). The live stream never waits for it: its subscription drops what it cannot send.
 */
final class LivePlay implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LivePlay.class);
    /** How long a stop may wait for the thread to see it: the subscription is polled this often. */
    private static final long POLL_MILLIS = 100;

    private final String name;
    private final LiveSubscription live;
    private final DatagramSocket socket;
    private final InetSocketAddress to;
    private final Runnable ended;
    private final AnnexB annexB;
    /** {@code null} where the stream has no AAC sound: then only pictures go. */
    private final Adts adts;
    private final PsWriter ps;
    private final RtpPacketizer rtp;
    private volatile boolean stopped;
    private Thread thread;

    LivePlay(String name, LiveSubscription live, DatagramSocket socket, InetSocketAddress to, int ssrc, Runnable ended) {
        this.name = name;
        this.live = live;
        this.socket = socket;
        this.to = to;
        this.ended = ended;
        this.annexB = new AnnexB(live.stream().video().config());
        LiveTrack sound = live.stream().audio();
        this.adts = sound != null && sound.codec().equals("aac") ? new Adts(sound.config()) : null;
        this.ps = new PsWriter(PsWriter.H264, adts != null ? PsWriter.AAC : 0);
        this.rtp = new RtpPacketizer(ssrc, (int) (System.nanoTime() & 0xFFFF));
    }

    int localPort() {
        return socket.getLocalPort();
    }

    synchronized void start() {
        if (thread != null || stopped) return;
        thread = new Thread(this, "yike-gb28181-play-" + name);
        thread.setDaemon(true);
        thread.start();
        LOG.info("GB/T 28181 upstream: sending {} as PS over RTP to {}", name, to);
    }

    /** Ends the sending within {@link #POLL_MILLIS}; the socket and subscription are closed by the thread, or here if it never ran. */
    synchronized void stop() {
        stopped = true;
        if (thread == null) close();
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                LivePacket p = live.take(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (p == null) {
                    if (live.ended()) {
                        LOG.info("GB/T 28181 upstream: {} ended with its lesson", name);
                        if (!stopped) ended.run();
                        return;
                    }
                    continue;
                }
                if (p.video()) send(p);
                else if (adts != null) sendSound(p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!stopped) LOG.warn("GB/T 28181 upstream: cannot send {} to {}: {}", name, to, e.getMessage());
            if (!stopped) ended.run();
        } finally {
            close();
        }
    }

    private void send(LivePacket p) throws IOException {
        long pts = p.ptsMicros() * 9 / 100;
        long dts = p.dtsMicros() * 9 / 100;
        byte[] frame = ps.video(annexB.accessUnit(p.data(), p.key()), p.key(), pts, dts);
        for (byte[] packet : rtp.packets(frame, pts)) socket.send(new DatagramPacket(packet, packet.length, to));
    }

    private void sendSound(LivePacket p) throws IOException {
        long pts = p.ptsMicros() * 9 / 100;
        for (byte[] packet : rtp.packets(ps.audio(adts.frame(p.data()), pts), pts)) {
            socket.send(new DatagramPacket(packet, packet.length, to));
        }
    }

    private void close() {
        live.close();
        socket.close();
    }
}
