package org.yike.recording.internal.live;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveStream;
import org.yike.api.live.LiveSubscription;
import org.yike.api.live.LiveTrack;

public class LiveChannelsTest {

    private static final int GOP = 5;
    private final LiveChannels live = new LiveChannels();

    private Channel started() {
        Channel c = live.channel("101", "live", LiveStream.Origin.PROGRAM, "lesson-1");
        c.tracks(LiveTrack.video("h264", 640, 360, new byte[] {0, 0, 0, 1, 0x67}), LiveTrack.audio("aac", 48000, 2, new byte[] {0x11, (byte) 0x90}));
        return c;
    }

    /** Packet {@code n} of the stream: a key frame every {@link #GOP}, its number in its data. */
    private static LivePacket packet(int n) {
        return new LivePacket(LiveTrack.Kind.VIDEO, n % GOP == 0, n * 40_000L, n * 40_000L, ByteBuffer.allocate(4).putInt(n).array());
    }

    private static int number(LivePacket p) {
        return ByteBuffer.wrap(p.data()).getInt();
    }

    private static List<Integer> drain(LiveSubscription s) throws InterruptedException {
        List<Integer> taken = new ArrayList<>();
        for (LivePacket p; (p = s.take(0, TimeUnit.MILLISECONDS)) != null;) taken.add(number(p));
        return taken;
    }

    @Test
    public void aSlowSubscriberLosesGroupsOfPicturesAndResumesAtKeyFramesWhileAFastOneLosesNothing() throws Exception {
        Channel c = started();
        LiveSubscription slow = live.subscribe("101", "live", 7);
        LiveSubscription fast = live.subscribe("101", "live", 1000);
        List<Integer> slowTook = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            c.packet(packet(n));
            // the slow one takes one packet for every three that come
            if (n % 3 == 0) {
                LivePacket p = slow.take(0, TimeUnit.MILLISECONDS);
                if (p != null) slowTook.add(number(p));
            }
        }
        slowTook.addAll(drain(slow));

        assertEquals("the fast one got everything", 200, drain(fast).size());
        assertEquals(0, fast.lostPackets());
        assertTrue("the slow one lost some: " + slow.lostPackets(), slow.lostPackets() > 50);
        assertEquals("what it got and what it lost is everything", 200, slowTook.size() + slow.lostPackets());
        assertEquals("it starts at a key frame", 0, (int) slowTook.get(0));
        for (int i = 1; i < slowTook.size(); i++) {
            int before = slowTook.get(i - 1);
            int now = slowTook.get(i);
            assertTrue("after a loss it resumes at a key frame: " + before + " then " + now,
                    now == before + 1 || now % GOP == 0);
        }
    }

    @Test
    public void aNewSubscriberStartsAtTheNextKeyFrameAndSeesTheEnd() throws Exception {
        Channel c = started();
        for (int n = 0; n < 3; n++) c.packet(packet(n));
        LiveSubscription late = live.subscribe("101", "live", 100);
        for (int n = 3; n < 12; n++) c.packet(packet(n));
        assertEquals(List.of(5, 6, 7, 8, 9, 10, 11), drain(late));
        assertEquals("what came before its start is no loss", 0, late.lostPackets());

        c.packet(packet(12));
        assertEquals(List.of(new LiveStream("101", "live", LiveStream.Origin.PROGRAM, "lesson-1", late.stream().video(),
                late.stream().audio())), live.streams());
        live.endLesson("lesson-1");
        assertFalse("one packet is still to take", late.ended());
        assertEquals(12, number(late.take(1, TimeUnit.SECONDS)));
        assertTrue(late.ended());
        assertNull("an ended stream answers at once", late.take(1, TimeUnit.DAYS));
        assertTrue("the stream is no longer listed", live.streams().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> live.subscribe("101", "live", 100));
    }

    @Test
    public void aStreamIsListedOnceItsTracksAreKnown() {
        Channel c = live.channel("101", "teacher/main", LiveStream.Origin.CAMERA, "lesson-1");
        assertTrue(live.streams().isEmpty());
        c.tracks(LiveTrack.video("h264", 1920, 1080, null), null);
        assertEquals("teacher/main", live.streams().get(0).name());
        assertFalse(live.streams().get(0).hasAudio());
        assertThrows(IllegalArgumentException.class, () -> live.subscribe("101", "teacher/main", 0));
        c.end();
        assertTrue(live.streams().isEmpty());
    }

    @Test
    public void aClosedSubscriptionTakesNothingMore() throws Exception {
        Channel c = started();
        LiveSubscription s = live.subscribe("101", "live", 10);
        c.packet(packet(0));
        s.close();
        c.packet(packet(1));
        assertNull(s.take(0, TimeUnit.MILLISECONDS));
        assertTrue(s.ended());
    }
}
