// A live player that keeps itself live: WebSocket-FLV through mpegts.js where the browser has Media
// Source Extensions, HLS (hls.js, or the browser's own) where it has not; reconnects by itself while
// the room is live, waits while it is idle, and stays near the live edge.
import { flvSocketUrl, hlsUrl } from './endpoints.js';
import { LiveBuffer } from './liveBuffer.js';

/**
 * Waits before reconnect tries: short first, never over 1 s, so a restarted runtime plays again within 3 s
 * (the first four tries together wait 2.5 s, leaving room for the connection itself on a busy machine).
 */
export const RETRY_DELAYS_MS = [250, 500, 750, 1000];
export const retryDelay = (attempt) => RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];

/** How often an idle room is asked whether it is live again. */
export const IDLE_POLL_MS = 2000;
/** A socket that brings no picture in this long is given up (a stream starts at its next key frame). */
const CONNECT_TIMEOUT_MS = 6000;
/** A live picture that stops this long means a dead connection, even if the socket has not said so. */
const STALL_MS = 3000;
/** Behind the live edge by more than this (after a stall or a busy machine), jump to it. */
const CATCH_UP_S = 1.5;
const CATCH_UP_REMAIN_S = 0.2;

/** Whether this browser can play FLV through Media Source Extensions (mpegts.js); otherwise HLS. */
export function hasMse() {
  return typeof window.MediaSource === 'function'
    && window.MediaSource.isTypeSupported('video/mp4; codecs="avc1.42E01E,mp4a.40.2"');
}

async function openFlv(video, url, stream, fail) {
  const { default: mpegts } = await import('mpegts.js');
  mpegts.LoggingControl.applyConfig({ ...mpegts.LoggingControl.getConfig(),
    enableVerbose: false, enableDebug: false, enableInfo: false });
  const player = mpegts.createPlayer(
    { type: 'flv', isLive: true, url, hasAudio: Boolean(stream.audio), hasVideo: true },
    {
      enableWorker: false,
      enableStashBuffer: false,
      lazyLoad: false,
      autoCleanupSourceBuffer: true,
      // the buffer is held by LivePlayer's pace (a little faster or slower); a jump only for a large gap
      liveBufferLatencyChasing: true,
      liveBufferLatencyMaxLatency: CATCH_UP_S,
      liveBufferLatencyMinRemain: CATCH_UP_REMAIN_S,
    });
  // mpegts.js reports any close of the socket, "ended", 1008 or a dropped connection, as complete
  player.on(mpegts.Events.LOADING_COMPLETE, () => fail('closed'));
  player.on(mpegts.Events.ERROR, (type, detail) => fail(`${type}: ${detail}`));
  player.attachMediaElement(video);
  player.load();
  return {
    chase: true,
    destroy() {
      player.unload();
      player.detachMediaElement();
      player.destroy();
    },
  };
}

async function openHls(video, url, fail) {
  const { default: Hls } = await import('hls.js');
  if (Hls.isSupported()) {
    // segments are 1 s: play 1.2 s behind the playlist's end, speed up (not jump) until there again
    const hls = new Hls({ lowLatencyMode: true, liveSyncDuration: 1.2, liveMaxLatencyDuration: 3,
      maxLiveSyncPlaybackRate: 1.5, manifestLoadingMaxRetry: 1 });
    hls.on(Hls.Events.ERROR, (_, data) => data.fatal && fail(`hls: ${data.details}`));
    hls.loadSource(url);
    hls.attachMedia(video);
    return { chase: false, destroy: () => hls.destroy() };
  }
  if (video.canPlayType('application/vnd.apple.mpegurl')) {
    const ended = () => fail('hls ended');
    video.addEventListener('ended', ended);
    video.addEventListener('error', ended);
    video.src = url;
    return {
      chase: false,
      destroy() {
        video.removeEventListener('ended', ended);
        video.removeEventListener('error', ended);
        video.removeAttribute('src');
        video.load();
      },
    };
  }
  throw new Error('neither MSE nor HLS in this browser');
}

/**
 * Plays one stream of one room into a <video>. States: connecting, live, reconnecting, idle.
 * checkRoom() answers the room's state now ('live', 'idle', 'faulty'), or throws when the runtime
 * cannot be reached; it decides whether a dropped stream is tried again or waited for.
 */
export class LivePlayer {
  constructor(video, { room, stream, checkRoom, onState = () => {}, onSoundBlocked = () => {} }) {
    Object.assign(this, { video, room, stream, checkRoom, onState, onSoundBlocked });
    this.state = null;
    this.engine = null;
    this.generation = 0;
    this.attempt = 0;
    this.timer = null;
    this.stopped = false;
    this.lastProgress = 0;
    this.lastTime = -1;
    this.buffer = new LiveBuffer(performance.now());
    // the picture waits for data while live: a stall, so keep more buffered from now on; not the wait
    // after a jump to the live edge, which is no sign of a slow connection
    video.addEventListener('waiting', () => {
      if (this.state !== 'live' || !this.engine?.chase || video.seeking) return;
      this.buffer.stalled(performance.now());
      console.info(`[yike] ${this.room}/${this.stream.name}: stalled, keeping ${this.buffer.target.toFixed(2)} s buffered`);
    });
  }

  /** Starts playing now if the room is known live, otherwise asks the room first. */
  start(roomState) {
    this.watchdog = setInterval(() => this.watch(), 500);
    this.watchFrames();
    if (roomState === 'idle') this.recover();
    else this.open('connecting');
  }

  stop() {
    this.stopped = true;
    clearInterval(this.watchdog);
    clearTimeout(this.timer);
    this.close();
  }

  setState(state) {
    if (state === this.state) return;
    this.state = state;
    this.onState(state);
  }

  async open(state) {
    this.close();
    this.setState(state);
    const generation = ++this.generation;
    const fail = (reason) => generation === this.generation && this.dropped(reason);
    this.openedAt = performance.now();
    try {
      const engine = hasMse()
        ? await openFlv(this.video, flvSocketUrl(this.room, this.stream.name), this.stream, fail)
        : await openHls(this.video, hlsUrl(this.room, this.stream.name), fail);
      if (generation !== this.generation || this.stopped) {
        engine.destroy();
        return;
      }
      this.engine = engine;
      this.play();
    } catch (e) {
      fail(String(e));
    }
  }

  play() {
    this.video.play().catch((e) => {
      if (e.name !== 'NotAllowedError' || this.video.muted) return;
      // no click on this page yet: the browser allows only silent autoplay
      this.video.muted = true;
      this.onSoundBlocked();
      this.video.play().catch(() => {});
    });
  }

  close() {
    this.generation++;
    if (this.engine) {
      this.engine.destroy();
      this.engine = null;
    }
  }

  dropped(reason) {
    if (this.stopped) return;
    console.info(`[yike] ${this.room}/${this.stream.name}: ${reason}`);
    this.close();
    this.recover();
  }

  /** Asks the room what to do after a drop: reconnect soon while it is live, poll while it is idle. */
  async recover() {
    clearTimeout(this.timer);
    let roomState = null;
    try {
      roomState = await this.checkRoom();
    } catch {
      // the runtime is restarting or the network is down: keep trying at the reconnect pace
    }
    if (this.stopped) return;
    if (roomState === 'idle') {
      this.setState('idle');
      this.attempt = 0;
      this.timer = setTimeout(() => this.recover(), IDLE_POLL_MS);
      return;
    }
    if (this.state !== 'connecting') this.setState('reconnecting');
    const next = this.state;
    this.timer = setTimeout(() => (roomState ? this.open(next) : this.recover()), retryDelay(this.attempt++));
  }

  /** Counts shown frames: the only proof that the picture is live. */
  watchFrames() {
    const seen = () => {
      this.lastProgress = performance.now();
      if (this.engine && this.state !== 'live') {
        this.attempt = 0;
        this.setState('live');
      }
      if (this.engine?.chase) this.pace();
    };
    if ('requestVideoFrameCallback' in HTMLVideoElement.prototype) {
      const frame = () => {
        if (this.stopped) return;
        seen();
        this.video.requestVideoFrameCallback(frame);
      };
      this.video.requestVideoFrameCallback(frame);
    } else {
      this.video.addEventListener('timeupdate', () => {
        if (this.video.currentTime !== this.lastTime) {
          this.lastTime = this.video.currentTime;
          seen();
        }
      });
    }
  }

  watch() {
    // a hidden page renders no frames: nothing to judge until it is shown again
    if (document.hidden) {
      this.lastProgress = performance.now();
      return;
    }
    const now = performance.now();
    if (this.state === 'live' && now - this.lastProgress > STALL_MS) {
      this.dropped('stalled');
    } else if ((this.state === 'connecting' || this.state === 'reconnecting') && this.engine
        && now - this.openedAt > CONNECT_TIMEOUT_MS) {
      this.dropped('no picture');
    } else if (this.state === 'live' && this.engine?.chase) {
      this.catchUp();
    }
  }

  /** Holds the buffer ahead of the picture at the learnt target by the playback rate. */
  pace() {
    const { buffered, currentTime } = this.video;
    if (!buffered.length) return;
    const rate = this.buffer.pace(buffered.end(buffered.length - 1) - currentTime, performance.now());
    if (this.video.playbackRate !== rate) this.video.playbackRate = rate;
  }

  catchUp() {
    const { buffered, currentTime } = this.video;
    if (!buffered.length) return;
    const end = buffered.end(buffered.length - 1);
    if (end - currentTime > CATCH_UP_S) this.video.currentTime = end - CATCH_UP_REMAIN_S;
  }
}
