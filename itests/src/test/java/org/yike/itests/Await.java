package org.yike.itests;

import java.util.function.Predicate;

/**
 * Waiting for a condition with a deadline: polls until it holds, or fails naming what did not
 * happen and what was seen last. A check that throws counts as "not yet" (a server still starting
 * refuses the connection); its last exception is the failure's cause.
 */
final class Await {

    private static final long POLL_MILLIS = 100;

    /** A look at the thing awaited: a value, a state, an answer. */
    @FunctionalInterface
    interface Look<T> {
        T get() throws Exception;
    }

    private Await() {
    }

    /** Waits until {@code condition} is true, at most {@code seconds}; {@code what}: the condition, in words. */
    static void until(String what, int seconds, Look<Boolean> condition) throws InterruptedException {
        until(what, seconds, condition, Boolean.TRUE::equals);
    }

    /** Waits until {@code look} answers something other than null, at most {@code seconds}; answers it. */
    static <T> T value(String what, int seconds, Look<T> look) throws InterruptedException {
        return until(what, seconds, look, v -> v != null);
    }

    /** Waits until {@code done} accepts what {@code look} answers, at most {@code seconds}; answers that. */
    static <T> T until(String what, int seconds, Look<T> look, Predicate<? super T> done) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        T last = null;
        Exception failed = null;
        while (true) {
            try {
                last = look.get();
                failed = null;
                if (done.test(last)) return last;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failed = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("not within " + seconds + " s: " + what + "; last seen: "
                        + (failed != null ? failed : last));
                if (failed != null) error.initCause(failed);
                throw error;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
