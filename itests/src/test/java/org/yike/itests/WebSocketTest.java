package org.yike.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Hashtable;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import jakarta.servlet.Servlet;

import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;

/**
 * Felix HTTP serves WebSocket: a whiteboard servlet of Jetty's WebSocket API echoes the text and
 * binary messages of the JDK's client on loopback, and Jetty's WebSocket bundles log through the
 * runtime's slf4j into the OSGi Log Service (not slf4j's silent fallback).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebSocketTest extends InYike {

    private static final String CORE = "org.eclipse.jetty.websocket.core.common";

    @Inject
    BundleContext context;

    @Inject
    LoggerAdmin loggers;

    @Inject
    LogReaderService log;

    @Test
    public void aWhiteboardServletEchoesTextAndBinaryAndJettyLogsToTheLogService() throws Exception {
        BlockingQueue<LogEntry> coreDebug = new LinkedBlockingQueue<>();
        LogListener listener = e -> {
            if (e.getLogLevel() == LogLevel.DEBUG && CORE.equals(e.getBundle().getSymbolicName())) coreDebug.add(e);
        };
        log.addLogListener(listener);
        loggers.getLoggerContext(CORE).setLogLevels(Map.of("org.eclipse.jetty", LogLevel.DEBUG));
        ServiceRegistration<Servlet> servlet = context.registerService(Servlet.class, new EchoServlet(),
                new Hashtable<>(Map.of("osgi.http.whiteboard.servlet.pattern", "/itest/echo")));
        try {
            Echoes echoes = new Echoes();
            URI uri = URI.create("ws://127.0.0.1:" + Integer.getInteger("yike.http.port") + "/itest/echo");
            // the whiteboard deploys the servlet on its own thread: until then the handshake gets 404
            WebSocket socket = Await.value("a WebSocket to " + uri, 15,
                    () -> HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, echoes).get(5, TimeUnit.SECONDS));
            // Jetty's slf4j is the runtime's: the session's opening, at DEBUG, is an entry of Jetty's bundle
            LogEntry entry = coreDebug.poll(10, TimeUnit.SECONDS);
            assertNotNull("no DEBUG entry of " + CORE + " in the Log Service", entry);
            assertTrue(entry.getLoggerName(), entry.getLoggerName().startsWith("org.eclipse.jetty.websocket"));
            loggers.getLoggerContext(CORE).setLogLevels(Map.of());

            socket.sendText("第一节 数学", true).get(5, TimeUnit.SECONDS);
            assertEquals("第一节 数学", echoes.next());
            byte[] payload = new byte[48 * 1024];
            new Random(16).nextBytes(payload);
            socket.sendBinary(ByteBuffer.wrap(payload), true).get(5, TimeUnit.SECONDS);
            assertArrayEquals(payload, (byte[]) echoes.next());
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } finally {
            servlet.unregister();
            log.removeLogListener(listener);
        }
    }

    /**
     * Sends back what it receives. Public: Jetty, in a bundle of its own, reaches only a public
     * endpoint's methods (a package-private one fails the handshake with HTTP 500 "Unable to access
     * method ...onWebSocketOpen").
     */
    public static final class Echo implements Session.Listener.AutoDemanding {

        private Session session;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        @Override
        public void onWebSocketText(String text) {
            session.sendText(text, Callback.NOOP);
        }

        /** The payload stays Jetty's until {@code callback} completes: sent as is, then released. */
        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            session.sendBinary(payload, callback);
        }
    }

    /** Registered as a plain whiteboard servlet: Felix HTTP gives its context Jetty's WebSocket container. */
    public static final class EchoServlet extends JettyWebSocketServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void configure(JettyWebSocketServletFactory factory) {
            factory.register(Echo.class);
        }
    }

    /** The JDK client's side: each whole message received, text as a String, binary as bytes. */
    private static final class Echoes implements WebSocket.Listener {

        private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binary.writeBytes(part);
            if (last) {
                messages.add(binary.toByteArray());
                binary.reset();
            }
            socket.request(1);
            return null;
        }

        /** The next whole message, waited for at most 10 s. */
        Object next() throws InterruptedException {
            Object m = messages.poll(10, TimeUnit.SECONDS);
            if (m == null) throw new AssertionError("no echo within 10 s");
            return m;
        }
    }
}
