// How much of a live stream the player keeps buffered, learnt from the connection as it goes: as little
// as the stream's own pacing allows on a quiet network, more after each stall, less again once it has
// played a while without one (a jitter buffer, as real-time players keep). The player holds the buffer
// at the target by playing a little faster or slower, never by jumping.

/** The least kept: the server sends a picture every 40 ms (25 fps) with the sound before it. */
export const MIN_TARGET_S = 0.08;
/** The most kept: a connection that needs more than this is not one to chase. */
export const MAX_TARGET_S = 0.5;
export const START_TARGET_S = 0.12;
/** Added to the target at each stall. */
export const STALL_STEP_S = 0.08;
/** Taken off the target after each such stretch without a stall. */
export const CALM_MS = 15000;
export const CALM_STEP_S = 0.02;
/** Beyond target + this, play faster until back at the target; below target - SLOW_BELOW_S, slower. */
export const FAST_ABOVE_S = 0.06;
export const SLOW_BELOW_S = 0.04;
export const FAST_RATE = 1.1;
export const SLOW_RATE = 0.92;

export class LiveBuffer {
  constructor(now) {
    this.target = START_TARGET_S;
    this.calmSince = now;
    this.rate = 1;
  }

  /** The picture waited for data (a stall): keep more from now on. */
  stalled(now) {
    this.target = Math.min(MAX_TARGET_S, this.target + STALL_STEP_S);
    this.calmSince = now;
  }

  /** The playback rate for {@code bufferedS} seconds held ahead of the picture shown at {@code now}. */
  pace(bufferedS, now) {
    if (now - this.calmSince >= CALM_MS) {
      this.target = Math.max(MIN_TARGET_S, this.target - CALM_STEP_S);
      this.calmSince = now;
    }
    if (bufferedS > this.target + FAST_ABOVE_S) this.rate = FAST_RATE;
    else if (bufferedS < this.target - SLOW_BELOW_S) this.rate = SLOW_RATE;
    // between the bounds a faster or slower pace goes on until the target is crossed, then real time
    else if ((this.rate > 1 && bufferedS <= this.target) || (this.rate < 1 && bufferedS >= this.target)) this.rate = 1;
    return this.rate;
  }
}
