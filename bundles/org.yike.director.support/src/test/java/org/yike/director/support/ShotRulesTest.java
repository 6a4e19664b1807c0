package org.yike.director.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.yike.api.director.Framing;
import org.yike.api.director.Layout;
import org.yike.api.director.ProgramDecision;

public class ShotRulesTest {

    private static final ProgramDecision TEACHER = ProgramDecision.full(0, "cam/teacher", "lesson started");
    private final ShotRules rules = new ShotRules(3000, 2000);

    private static ProgramDecision shot(String source, String cause) {
        return ProgramDecision.full(0, source, cause);
    }

    @Test
    public void aChangeAfterTheMinimumIsCutAtOnce() {
        rules.open(TEACHER);
        ProgramDecision cut = rules.want(shot("cam/student", "student stood up"), 5000).get();
        assertEquals(5000, cut.atMillis());
        assertEquals("cam/student", cut.mainSource());
        assertEquals(cut, rules.current());
    }

    @Test
    public void aChangeTooSoonWaitsForTheFirstTickAfterTheMinimum() {
        rules.open(TEACHER);
        assertFalse(rules.want(shot("cam/student", "student stood up"), 1000).isPresent());
        assertFalse(rules.tick(2960).isPresent());
        ProgramDecision cut = rules.tick(3000).get();
        assertEquals("cut when it is cut, for the reason it was wanted", 3000, cut.atMillis());
        assertEquals("student stood up", cut.cause());
        assertFalse("once", rules.tick(3040).isPresent());
    }

    @Test
    public void aWaitingChangeNoLongerWantedIsDropped() {
        rules.open(TEACHER);
        rules.want(shot("cam/student", "student stood up"), 1000);
        assertFalse(rules.want(shot("cam/teacher", "student sat down"), 1500).isPresent());
        assertFalse(rules.tick(3000).isPresent());
        assertEquals("lesson started", rules.current().cause());
    }

    @Test
    public void rapidAlternationCollapsesToTheLastWish() {
        rules.open(TEACHER);
        for (long at = 100; at < 3000; at += 400) {
            rules.want(shot(at % 800 == 100 ? "cam/student" : "cam/courseware", "flap " + at), at);
        }
        Optional<ProgramDecision> cut = rules.tick(3000);
        assertEquals("cam/courseware", cut.get().mainSource());
        assertEquals("flap 2900", cut.get().cause());
    }

    @Test
    public void wantingTheWaitingShotAgainKeepsItsFirstCause() {
        rules.open(TEACHER);
        rules.want(shot("cam/student", "student stood up"), 1000);
        assertEquals("student stood up", rules.want(shot("cam/student", "still standing"), 3000).get().cause());
    }

    @Test
    public void aShotJustTakenOffCannotComeBackWithinTheMinimum() {
        rules.open(TEACHER);
        assertTrue(rules.want(shot("cam/student", "student stood up"), 10_000).isPresent());
        assertFalse(rules.want(shot("cam/teacher", "student sat down"), 10_040).isPresent());
        assertFalse(rules.tick(12_960).isPresent());
        assertEquals(13_000, rules.tick(13_000).get().atMillis());
    }

    @Test
    public void theSameShotForAnotherReasonIsNoCut() {
        rules.open(TEACHER);
        assertFalse(rules.want(shot("cam/teacher", "teacher returned"), 9000).isPresent());
    }

    @Test
    public void anotherFramingOfTheSameSourceIsAnotherShot() {
        rules.open(TEACHER);
        ProgramDecision cropped = new ProgramDecision(0, Layout.FULL, List.of("cam/teacher"), "zoom",
                Map.of("cam/teacher", Framing.crop(0.25, 0.25, 0.5, 0.5)));
        assertTrue(rules.want(cropped, 4000).isPresent());
    }

    @Test
    public void aHoldLastsItsTimeAfterTheEnd() {
        assertTrue(rules.held(5000, 6999));
        assertFalse(rules.held(5000, 7000));
        assertFalse("nothing ended yet", rules.held(Long.MIN_VALUE, 0));
    }

    @Test
    public void noMinimumCutsEveryChange() {
        ShotRules free = new ShotRules(0, 0);
        free.open(TEACHER);
        assertTrue(free.want(shot("cam/student", "a"), 0).isPresent());
        assertTrue(free.want(shot("cam/teacher", "b"), 40).isPresent());
    }

    /** A crop that follows the teacher moves with them: no minimum, and the shot's own minimum runs on. */
    @Test
    public void theShotOnAirReframedGoesOutAtOnce() {
        rules.open(TEACHER);
        rules.want(shot("cam/student", "student stood up"), 500);
        ProgramDecision followed = new ProgramDecision(0, Layout.FULL, List.of("cam/teacher"), "teacher moved",
                Map.of("cam/teacher", Framing.crop(0.2, 0.2, 0.5, 0.5)));
        ProgramDecision reframed = rules.want(followed, 1000).get();
        assertEquals(1000, reframed.atMillis());
        assertEquals("the shot's cause stays", "lesson started", reframed.cause());
        assertEquals(Framing.crop(0.2, 0.2, 0.5, 0.5), reframed.framing().get("cam/teacher"));
        assertFalse("the waiting change is no longer wanted", rules.tick(3000).isPresent());
        assertTrue("the minimum counts from the cut, not the reframe", rules.want(shot("cam/student", "again"), 3000).isPresent());
    }

    /** A preset moves a real camera: the same shot at another preset is a cut, and waits for the minimum. */
    @Test
    public void anotherPresetIsACutNotAReframe() {
        ProgramDecision front = new ProgramDecision(0, Layout.FULL, List.of("cam/student"), "stood up", Map.of("cam/student", Framing.preset("1")));
        rules.open(front);
        ProgramDecision back = new ProgramDecision(0, Layout.FULL, List.of("cam/student"), "stood up", Map.of("cam/student", Framing.preset("2")));
        assertFalse(back.reframes(front));
        assertFalse("too soon for a cut", rules.want(back, 1000).isPresent());
        assertTrue(rules.tick(3000).isPresent());
    }

    @Test(expected = IllegalStateException.class)
    public void aWishBeforeTheOpeningShotIsAMistake() {
        rules.want(TEACHER, 0);
    }

    @Test(expected = IllegalArgumentException.class)
    public void negativeTimesAreRefused() {
        new ShotRules(-1, 0);
    }
}
