// What a viewer of the lesson player sees, for the tests and scripts that drive it: both videos read in
// one go, and a wait until they have played within a frame of each other for a second.
import { sleep } from './browser.mjs';

export const FRAME_S = 0.04;

/** Both videos: which stream each shows, its time on the lesson's clock, speed, whether it plays, its ready state. */
export const videos = (page) => page.evaluate(() => Object.fromEntries(['player-main', 'player-pip'].map((id) => {
  const v = document.querySelector(`[data-testid=${id}]`);
  return [id === 'player-main' ? 'main' : 'pip', v && { stream: v.dataset.stream, src: v.currentSrc,
    t: v.currentTime + Number(v.dataset.offset), rate: v.playbackRate, paused: v.paused, ready: v.readyState }];
})));

/**
 * Waits (5 s at most) until the two videos have been within a frame of each other for a second (ten
 * samples in a row): started together after a seek they may be a few frames apart until the player
 * has caught the secondary up. Answers {inStep: the first of those samples or null, apartMs: every
 * distance seen}.
 */
export async function inStep(page) {
  const apartMs = [];
  let run = [];
  const deadline = Date.now() + 5000;
  while (run.length < 10 && Date.now() < deadline) {
    const both = await videos(page);
    const off = Math.abs(both.main.t - both.pip.t);
    apartMs.push(Math.round(off * 1000));
    run = off <= FRAME_S ? [...run, both] : [];
    await sleep(100);
  }
  return { inStep: run.length === 10 ? run[0] : null, apartMs };
}
