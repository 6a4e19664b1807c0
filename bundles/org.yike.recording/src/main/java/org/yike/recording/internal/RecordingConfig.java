package org.yike.recording.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Recording", description = "How lessons are directed and encoded.")
public @interface RecordingConfig {

    @AttributeDefinition(name = "Director strategy", description = "The id of the director strategy: classroom (the default), manual, patrol or audio.")
    String director() default "classroom";

    @AttributeDefinition(name = "Director strategy per classroom", description = "Lines 'classroom=strategy', e.g. "
            + "'101=patrol'; classrooms not named use the strategy above. A change applies to running lessons at once.")
    String[] directors() default {};

    @AttributeDefinition(name = "Encoder backend", description = "The backend the recording profile prefers; another available one is used when it is missing.")
    String backend() default "openh264";

    @AttributeDefinition(name = "Recording width", description = "The program is made at the recording profile's size.",
            min = "16", max = "3840")
    int width() default 1920;

    @AttributeDefinition(name = "Height", min = "16", max = "2160")
    int height() default 1080;

    @AttributeDefinition(name = "Frames per second", min = "1", max = "60")
    int fps() default 25;

    @AttributeDefinition(name = "Video bitrate (kbit/s)", min = "50")
    int videoKbps() default 4000;

    @AttributeDefinition(name = "Key frame every (frames)", min = "1")
    int gopFrames() default 50;

    @AttributeDefinition(name = "Audio bitrate (kbit/s)", description = "AAC, for every profile.", min = "16")
    int audioKbps() default 128;

    @AttributeDefinition(name = "Microphone gains", description = "One per microphone: its source key, '=', and a "
            + "gain in dB or 'mute', e.g. virtual-101/mic=-6. Microphones not named mix at 0 dB. Applies at once.")
    String[] microphones() default {};

    @AttributeDefinition(name = "Speech level (dBFS)", description = "A microphone at or above this level counts as "
            + "someone speaking (MICROPHONE_ACTIVE, for directors that follow the voice).", min = "-90", max = "0")
    double speechDb() default -40;

    @AttributeDefinition(name = "Quiet after (ms)", description = "Below the speech level this long, a microphone "
            + "counts as quiet again (MICROPHONE_QUIET).", min = "200")
    int quietMillis() default 1500;

    @AttributeDefinition(name = "Sound delay (ms)", description = "How far behind the picture sound is mixed, so that "
            + "a microphone's late delivery (a reader thread stalled on a loaded machine) is heard, not lost. Live viewers "
            + "are this much further behind the room: a browser plays only as far as it has sound.", min = "20", max = "1000")
    int soundDelayMillis() default 100;

    @AttributeDefinition(name = "Live width", min = "16", max = "3840")
    int liveWidth() default 1280;

    @AttributeDefinition(name = "Live height", min = "16", max = "2160")
    int liveHeight() default 720;

    @AttributeDefinition(name = "Live frames per second", min = "1", max = "60")
    int liveFps() default 25;

    @AttributeDefinition(name = "Live video bitrate (kbit/s)", description = "0: no live stream.", min = "0")
    int liveKbps() default 1500;

    @AttributeDefinition(name = "Live key frame every (frames)", min = "1")
    int liveGopFrames() default 25;

    @AttributeDefinition(name = "Mobile width", min = "16", max = "3840")
    int mobileWidth() default 640;

    @AttributeDefinition(name = "Mobile height", min = "16", max = "2160")
    int mobileHeight() default 360;

    @AttributeDefinition(name = "Mobile frames per second", min = "1", max = "60")
    int mobileFps() default 25;

    @AttributeDefinition(name = "Mobile video bitrate (kbit/s)", description = "0: no mobile stream.", min = "0")
    int mobileKbps() default 400;

    @AttributeDefinition(name = "Mobile key frame every (frames)", min = "1")
    int mobileGopFrames() default 25;

    @AttributeDefinition(name = "Transition (ms)", description = "0: a hard cut between shots; otherwise a dissolve "
            + "this long, starting when the new shot has its first picture.", min = "0", max = "2000")
    int transitionMillis() default 0;

    @AttributeDefinition(name = "Resource mode", description = "Also write each video source to its own file: a "
            + "camera that sends H.264 or H.265 as it came (not decoded, not encoded again), with its sound (converted "
            + "to AAC where MP4 cannot hold it); a raw source (capture card, USB camera without an encoder) encoded at "
            + "its own size and frame rate, pictures only, at the bitrate of its role below.")
    boolean resourceMode() default true;

    @AttributeDefinition(name = "Raw teacher camera's own file (kbit/s)", description = "Resource mode: the bitrate of "
            + "the own file of a raw source in the teacher or teacher_wide role; 0: none. The defaults of the four "
            + "roles fit a semester of 600 h in 2 TB beside the program's three profiles (README, Disk budget).", min = "0")
    int teacherResourceKbps() default 400;

    @AttributeDefinition(name = "Raw student camera's own file (kbit/s)", description = "The same for the student and "
            + "student_wide roles; 0: none.", min = "0")
    int studentResourceKbps() default 300;

    @AttributeDefinition(name = "Raw courseware's own file (kbit/s)", description = "The same for courseware (a "
            + "computer's screen through a capture card: still pictures, few bits); 0: none.", min = "0")
    int coursewareResourceKbps() default 200;

    @AttributeDefinition(name = "Raw blackboard camera's own file (kbit/s)", description = "The same for the "
            + "blackboard role; 0: none.", min = "0")
    int blackboardResourceKbps() default 300;

    @AttributeDefinition(name = "Lost after (ms)", description = "A network camera or microphone that delivers "
            + "nothing this long counts as lost: the program shows a slate for it and it is reconnected with backoff.",
            min = "200")
    long lostAfterMillis() default 5000;

    @AttributeDefinition(name = "Decode cameras off screen", description = "Keep decoding cameras the program does "
            + "not show, so a cut to one is at once instead of at its next key frame; costs a decoder per camera.")
    boolean decodeOffScreen() default false;

    @AttributeDefinition(name = "Least free disk space (MB)", description = "Below it no lesson starts, and a running "
            + "lesson ends cleanly with a readable file and a DISK_LOW alert.", min = "0")
    long minFreeMegabytes() default 1024;
}
