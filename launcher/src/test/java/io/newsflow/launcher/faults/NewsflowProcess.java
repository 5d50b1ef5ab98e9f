package io.newsflow.launcher.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One {@code newsflow} command in its own JVM, from the packaged launcher ({@code target/newsflow.jar}, what
 * {@code ./newsflow} runs): a broker or one service, killed and restarted by fault tests as an operator or the kernel
 * would. Output goes to a log file that survives restarts.
 */
final class NewsflowProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "newsflow.jar").toAbsolutePath();

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private Process process;
    private int starts;

    private NewsflowProcess(String name, List<String> command, Map<String, String> env, Path log) {
        this.name = name;
        this.command = command;
        this.env = env;
        this.log = log;
    }

    /** Starts {@code newsflow ARGS...} with these environment variables (and none of the test JVM's Kafka ones). */
    static NewsflowProcess start(String name, Path logDir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The heap a service is sized for; one GC thread each, as five JVMs share two cores here.
                "-Xmx512m", "-XX:+UseSerialGC",
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        NewsflowProcess process = new NewsflowProcess(name, command, Map.copyOf(env), logDir.resolve(name + ".log"));
        process.start();
        return process;
    }

    String name() {
        return name;
    }

    /** How many times this process was started: 1 until it is restarted. */
    int starts() {
        return starts;
    }

    /** The environment this process runs with (its ports, state directory...). */
    Map<String, String> env() {
        return env;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is committed or closed. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " survived kill -9");
        }
    }

    /** SIGTERM, then waits for the exit; returns the exit status. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not exit within " + timeout + " of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    /** Starts the same command again (same environment, same data and state directories). */
    void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        start();
    }

    /** Waits until the log, since the last (re)start, contains {@code text}; fails if the process exits first. */
    void awaitLog(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String marker = startMarker(starts);
        while (true) {
            String output = readLog();
            int since = output.lastIndexOf(marker);
            if (since >= 0 && output.indexOf(text, since) >= 0) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before logging '" + text
                        + "'; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not log '" + text + "' within " + timeout + "; see " + log);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    String readLog() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start() {
        starts++;
        try {
            Files.writeString(log, startMarker(starts) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeIf(key -> key.startsWith("KAFKA_") || key.startsWith("NEWSFLOW_"));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private String startMarker(int start) {
        return "=== fault test: start " + start + " of " + name + " ===";
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
