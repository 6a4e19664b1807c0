// The RTSP server of the itests (itests/rtsp-server, rtsp-streaming-server installed by ./yike deps),
// with as many RTP ports as bench/resource-cameras.sh needs: each published stream and each client's
// stream takes a pair, and itests/rtsp-server/server.js has 100 ports (50 pairs) only.
//   node bench/rtsp-server.js <publish port> <client port> <first RTP port> <RTP port count> [--no-rtcp]
// A publisher (ffmpeg -f rtsp) sends ANNOUNCE/RECORD to the publish port; clients DESCRIBE/PLAY on the
// client port. RTP over UDP only, not interleaved in TCP.
// --no-rtcp: the publishers' RTCP (sender reports) is not passed on to the clients. A client that gets
// a sender report re-times each stream from it (FFmpeg's rtpdec), and the stream synchronised second
// can step back in time by tens of milliseconds a few seconds after PLAY.
const path = require('path');
const lib = path.join(__dirname, '..', 'itests', 'rtsp-server', 'node_modules', 'rtsp-streaming-server');
const RtspServer = require(lib).default;

const args = process.argv.slice(2);
const noRtcp = args.includes('--no-rtcp');
const [publish, client, rtp, count] = args.filter((a) => a !== '--no-rtcp').map(Number);
if (noRtcp) require(path.join(lib, 'build', 'lib', 'Client.js')).Client.prototype.sendRtcp = () => {};
new RtspServer({ serverPort: publish, clientPort: client, rtpPortStart: rtp, rtpPortCount: count })
  .start()
  .then(() => console.log(`listening: publish ${publish}, clients ${client}, RTP ports ${rtp}-${rtp + count - 1}`
                          + (noRtcp ? ', sender reports not passed on' : '')),
        (e) => { console.error(e); process.exit(1); });
