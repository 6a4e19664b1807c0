// rtsp-streaming-server for RtspCameraTest: node server.js <publish port> <client port> <first RTP port>
// A publisher (ffmpeg -f rtsp) sends ANNOUNCE/RECORD to the publish port; cameras' clients
// DESCRIBE/PLAY on the client port. The server does RTP over UDP only, not interleaved in TCP.
const RtspServer = require('rtsp-streaming-server').default;

const [publish, client, rtp] = process.argv.slice(2).map(Number);
new RtspServer({ serverPort: publish, clientPort: client, rtpPortStart: rtp, rtpPortCount: 100 })
  .start()
  .then(() => console.log(`listening: publish ${publish}, clients ${client}`),
        (e) => { console.error(e); process.exit(1); });
