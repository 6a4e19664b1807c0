#!/usr/bin/python3
"""A live camera on a real RTSP server for the conformance kit: Debian's GStreamer RTSP server on
loopback, a moving test picture in H.264 (320x180, 25 fps, a key frame a second, about 300 kbit/s)
at each path, optionally behind digest authentication.

  rtsp-camera.py PORT [USER:PASSWORD] /path ...

Prints "ready PORT" once it listens; runs until killed.
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

PICTURE = ("( videotestsrc is-live=true pattern=ball ! video/x-raw,width=320,height=180,framerate=25/1,format=I420 "
           "! openh264enc gop-size=25 bitrate=300000 ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=-1 )")


def main(port, args):
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(port))
    role = None
    if args and not args[0].startswith("/"):
        role, password = args.pop(0).split(":", 1)
        auth = GstRtspServer.RTSPAuth()
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", role)
        auth.add_digest(role, password, token)
        server.set_auth(auth)
    for path in args:
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(PICTURE)
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
    main(int(sys.argv[1]), sys.argv[2:])
