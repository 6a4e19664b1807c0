package org.yike.driver.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;
import org.yike.api.device.Role;
import org.yike.api.device.StreamLocator;

public class RtspCameraTest {

    @Test
    public void aCompleteConfigurationHasNoProblem() {
        assertNull(RtspCamera.problem(Configs.of()));
        assertNull(RtspCamera.problem(Configs.of("url", "srt://10.0.0.9:9000?mode=caller", "role", "BLACKBOARD")));
    }

    @Test
    public void eachProblemIsSaidInWords() {
        assertEquals("url is empty", RtspCamera.problem(Configs.of("url", null)));
        assertEquals("url must start with rtsp://, rtsps://, rtmp://, srt://, http:// or https://, not ftp://",
                RtspCamera.problem(Configs.of("url", "ftp://cam/x")));
        assertEquals("url must start with rtsp://, rtsps://, rtmp://, srt://, http:// or https://",
                RtspCamera.problem(Configs.of("url", "192.168.1.64")));
        assertEquals("url names no host", RtspCamera.problem(Configs.of("url", "rtsp:///stream1")));
        assertEquals("role 'janitor' must be one of teacher, teacher_wide, student, student_wide, courseware, blackboard",
                RtspCamera.problem(Configs.of("role", "janitor")));
        assertEquals("role 'microphone' must be one of teacher, teacher_wide, student, student_wide, courseware, blackboard",
                RtspCamera.problem(Configs.of("role", "microphone")));
        assertEquals("id 'cam/1' must be letters, digits, . _ -; classroom is empty",
                RtspCamera.problem(Configs.of("id", "cam/1", "classroom", " ")));
        assertEquals("transport 'http' must be tcp, udp or auto; timeout 0 s must be 1..60",
                RtspCamera.problem(Configs.of("transport", "http", "timeoutSeconds", 0)));
        assertEquals("a password needs a username", RtspCamera.problem(Configs.of("password", "s3cret")));
        assertEquals("check every 0 s must be 1..3600", RtspCamera.problem(Configs.of("checkSeconds", 0)));
    }

    @Test
    public void aProblemNeverQuotesTheUrlOrThePassword() {
        String problem = RtspCamera.problem(Configs.of("url", "ftp://admin:s3cret@cam/x", "password", "s3cret"));
        assertFalse(problem, problem.contains("s3cret") || problem.contains("cam/x"));
        problem = RtspCamera.problem(Configs.of("url", "rtsp://admin:s3cret@cam/a b"));
        assertEquals("url is not a URL: Illegal character in path at character 26", problem);
    }

    @Test
    public void rolesAreTheFormsWordsOrTheEnumNames() {
        assertEquals(Role.TEACHER_CLOSEUP, Role.named("teacher"));
        assertEquals(Role.TEACHER_WIDE, Role.named("teacher_wide"));
        assertEquals(Role.STUDENT_CLOSEUP, Role.named("student"));
        assertEquals(Role.STUDENT_WIDE, Role.named("student_wide"));
        assertEquals(Role.COURSEWARE, Role.named("courseware"));
        assertEquals(Role.BLACKBOARD, Role.named("blackboard"));
        assertEquals(Role.TEACHER_CLOSEUP, Role.named("TEACHER_CLOSEUP"));
        assertEquals(Role.STUDENT_WIDE, Role.named(" Student_Wide "));
        assertNull(Role.named("MICROPHONE"));
        assertNull(Role.named(null));
    }

    @Test
    public void credentialsArePercentEncodedIntoTheUrl() {
        StreamLocator l = RtspCamera.locator(Configs.of("username", "admin", "password", "p@ss:w/rd 1%"));
        assertEquals("rtsp://admin:p%40ss%3Aw%2Frd%201%25@192.168.1.64:554/Streaming/Channels/101", l.uri());
        assertEquals("rtsp://***@192.168.1.64:554/Streaming/Channels/101", l.redacted());
        assertEquals("rtsp://%E8%80%81%E5%B8%88@192.168.1.64:554/Streaming/Channels/101",
                RtspCamera.locator(Configs.of("username", "老师")).uri());
    }

    @Test
    public void configuredCredentialsReplaceThoseInTheUrlAndOthersAreKept() {
        assertEquals("rtsp://admin:new@cam:554/s?channel=1", RtspCamera
                .locator(Configs.of("url", "rtsp://old:pw@cam:554/s?channel=1", "username", "admin", "password", "new"))
                .uri());
        assertEquals("rtsp://old:pw@cam/s", RtspCamera.locator(Configs.of("url", "rtsp://old:pw@cam/s")).uri());
        assertEquals("rtsp://admin@cam/s", RtspCamera.locator(Configs.of("url", "rtsp://admin@cam/s")).uri());
        assertEquals("rtsp://cam/s", RtspCamera.locator(Configs.of("url", " rtsp://cam/s ")).uri());
    }

    @Test
    public void credentialsWrittenIntoTheUrlAreEncodedSoThatRedactionMasksThemAll() {
        StreamLocator l = RtspCamera.locator(Configs.of("url", "rtsp://admin:p@ss+1@cam/s"));
        assertEquals("rtsp://admin:p%40ss%2B1@cam/s", l.uri());
        assertEquals("rtsp://***@cam/s", l.redacted());
        assertEquals("already encoded, kept", "rtsp://admin:p%40ss@cam/s",
                RtspCamera.locator(Configs.of("url", "rtsp://admin:p%40ss@cam/s")).uri());
        assertEquals("url is not a URL: Malformed escape pair at character 17",
                RtspCamera.problem(Configs.of("url", "rtsp://admin:100%@cam/s")));
    }

    @Test
    public void transportAndTimeoutBecomeTheOptionsOfTheProtocol() {
        assertEquals(Map.of("rtsp_transport", "tcp", "timeout", "5000000"), RtspCamera.locator(Configs.of()).options());
        assertEquals(Map.of("rtsp_transport", "udp", "timeout", "2000000"),
                RtspCamera.locator(Configs.of("transport", "udp", "timeoutSeconds", 2)).options());
        assertEquals(Map.of("timeout", "5000000"), RtspCamera.locator(Configs.of("transport", "auto")).options());
        assertEquals(Map.of("rtsp_transport", "tcp", "timeout", "5000000"),
                RtspCamera.locator(Configs.of("url", "RTSPS://cam/s")).options());
        assertEquals(Map.of("rw_timeout", "5000000"),
                RtspCamera.locator(Configs.of("url", "rtmp://cam/live/1", "transport", "udp")).options());
        assertEquals(Map.of("rw_timeout", "5000000"), RtspCamera.locator(Configs.of("url", "https://cam/v.flv")).options());
        assertTrue(RtspCamera.locator(Configs.of("url", "RTSPS://cam/s")).uri().startsWith("rtsps://"));
    }
}
