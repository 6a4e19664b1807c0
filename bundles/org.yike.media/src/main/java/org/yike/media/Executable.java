package org.yike.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One of the FFmpeg executables that came with the libraries, run to completion. */
final class Executable {

    private final Path program;

    Executable(Path program) {
        this.program = program;
    }

    /** Runs it with these arguments; answers its standard output, or throws with its last error line. */
    byte[] run(List<String> arguments, long timeoutSeconds) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        // The executable's RUNPATH finds FFmpeg's libraries, but not what those need in turn (libva).
        builder.environment().put("LD_LIBRARY_PATH", program.getParent().toString());
        Process p = builder.start();
        p.getOutputStream().close();
        StringBuilder errors = new StringBuilder();
        Thread drain = new Thread(() -> {
            try {
                errors.append(new String(p.getErrorStream().readAllBytes()));
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "yike-" + program.getFileName() + "-errors");
        drain.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(program.getFileName() + " did not finish within " + timeoutSeconds + " s");
            }
            drain.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + program.getFileName(), e);
        }
        if (p.exitValue() != 0) {
            String[] lines = errors.toString().strip().split("\n");
            throw new IOException(program.getFileName() + " failed: " + lines[lines.length - 1]);
        }
        return out;
    }
}
