#!/usr/bin/python3
"""A real RTSP server for the itests: Debian's GStreamer RTSP server on loopback.

Serves Matroska clips as live cameras, H.264 or H.265 with AAC or G.711 (mu-law), with or without
digest authentication. Also makes those clips (GStreamer encoders), so the test can
compare what a camera sent with what Yike wrote.

  server.py make CLIP.mkv {h264|h265} {aac|pcmu} SECONDS
  server.py serve PORT [USER:PASSWORD] /path=CLIP.mkv:{h264|h265}:{aac|pcmu} ...

With USER:PASSWORD every mount asks for digest authentication.

Prints "ready PORT" once it listens; runs until killed.
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

VIDEO = {
    "h264": ("openh264enc gop-size=25 bitrate=800000", "h264parse", "rtph264pay config-interval=-1"),
    "h265": ("x265enc speed-preset=ultrafast key-int-max=25 bitrate=800", "h265parse", "rtph265pay config-interval=-1"),
}
AUDIO = {
    "aac": ("audio/x-raw,rate=48000,channels=1 ! avenc_aac", "aacparse", "rtpmp4gpay"),
    "pcmu": ("audio/x-raw,rate=8000,channels=1 ! mulawenc", "identity", "rtppcmupay"),
}


def make(clip, video, audio, seconds):
    frames = int(seconds) * 25
    encode, parse, _ = VIDEO[video]
    sound, _, _ = AUDIO[audio]
    pipeline = Gst.parse_launch(
        f"matroskamux name=m ! filesink location={clip} "
        f"videotestsrc num-buffers={frames} pattern=smpte ! video/x-raw,width=640,height=360,framerate=25/1,format=I420 "
        f"! {encode} ! {parse} ! m. "
        f"audiotestsrc num-buffers={int(seconds) * 50} samplesperbuffer=960 freq=440 ! audio/x-raw,rate=48000 "
        f"! audioconvert ! audioresample ! {sound} ! m.")
    pipeline.set_state(Gst.State.PLAYING)
    message = pipeline.get_bus().timed_pop_filtered(Gst.CLOCK_TIME_NONE, Gst.MessageType.EOS | Gst.MessageType.ERROR)
    pipeline.set_state(Gst.State.NULL)
    if message.type == Gst.MessageType.ERROR:
        sys.exit(f"cannot make {clip}: {message.parse_error()[0].message}")


def token(role):
    t = GstRtspServer.RTSPToken()
    t.set_string("media.factory.role", role)
    return t


def serve(port, args):
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(port))
    role = None
    if "=" not in args[0]:
        role, password = args.pop(0).split(":", 1)
        auth = GstRtspServer.RTSPAuth()
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
        auth.add_digest(role, password, token(role))
        server.set_auth(auth)
    for mount in args:
        path, spec = mount.split("=", 1)
        clip, video, audio = spec.split(":")
        _, vparse, vpay = VIDEO[video]
        _, aparse, apay = AUDIO[audio]
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(
            f"( filesrc location={clip} ! matroskademux name=d "
            f"d.video_0 ! queue ! {vparse} ! {vpay} name=pay0 pt=96 "
            f"d.audio_0 ! queue ! {aparse} ! {apay} name=pay1 pt=97 )")
        factory.set_shared(True)
        if role:
            factory.add_role_from_structure(Gst.Structure.new_from_string(
                f"{role}, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"))
        server.get_mount_points().add_factory(path, factory)
    if server.attach(None) == 0:
        sys.exit(f"cannot listen on 127.0.0.1:{port}")
    print(f"ready {port}", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    Gst.init(None)
    if sys.argv[1] == "make":
        make(*sys.argv[2:6])
    elif sys.argv[1] == "serve":
        serve(int(sys.argv[2]), sys.argv[3:])
    else:
        sys.exit(__doc__)
