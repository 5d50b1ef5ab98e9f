package io.newsflow.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Options of {@code newsflow run}.
 *
 * @param once       exit once every file present at start is published (0) or rejected (1)
 * @param dir        the folder whose files are ingested (default {@code seeds/})
 * @param dataDir    where the embedded broker and the state stores keep their data (default {@code data/})
 * @param fresh      wipe the data directory first
 * @param brokerPort the embedded broker's port on 127.0.0.1 (default 9092)
 * @param timeout    how long {@code --once} waits before giving up (default 120 s)
 * @param watch      a drop folder to watch while running (files move to .processed/ or .failed/), if any
 */
public record RunOptions(boolean once, Path dir, Path dataDir, boolean fresh, int brokerPort, Duration timeout,
                         Optional<Path> watch) {

    public static final int DEFAULT_BROKER_PORT = 9092;
    static final String USAGE = """
            Usage: newsflow run [--once] [--data-dir DIR] [--fresh] [--broker-port N] [--timeout SECONDS]
                                [--watch DROP] [DIR]
              Runs the whole pipeline in one process: an embedded Kafka broker on 127.0.0.1:9092 (unless
              KAFKA_BOOTSTRAP_SERVERS is set), ingest (API on :8081), enrich (health and metrics on :8082) and
              publish (HTTP on :8080). Ingests every file of DIR (default seeds/; files are read, never moved) and
              prints each published ninjs document as one JSON line on stdout. Logs go to stderr.
              --once            exit 0 once every file is published (also by an earlier run on the same data
                                dir); exit 1 if any was rejected, 2 on time-out
              --data-dir DIR    broker and state data (default data/); kept between runs
              --fresh           wipe the data directory first
              --broker-port N   embedded broker port (default 9092)
              --timeout S       how long --once waits (default 120)
              --watch DROP      also ingest files dropped into DROP while running; each moves to
                                DROP/.processed/ once written or DROP/.failed/ (with NAME.error.txt)""";

    public static RunOptions parse(List<String> args) {
        boolean once = false;
        boolean fresh = false;
        Path dir = null;
        Path dataDir = Path.of("data");
        int brokerPort = DEFAULT_BROKER_PORT;
        Duration timeout = Duration.ofSeconds(120);
        Path watch = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--once" -> once = true;
                case "--fresh" -> fresh = true;
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--broker-port" -> brokerPort = number(value(args, ++i, arg), arg, 1, 65535);
                case "--watch" -> watch = Path.of(value(args, ++i, arg));
                case "--timeout" -> timeout = Duration.ofSeconds(number(value(args, ++i, arg), arg, 1, 86_400));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    if (dir != null) {
                        throw new UsageException("only one folder can be given; got " + dir + " and " + arg);
                    }
                    dir = Path.of(arg);
                }
            }
        }
        if (once && watch != null) {
            throw new UsageException("--watch keeps running: it cannot be combined with --once");
        }
        return new RunOptions(once, dir == null ? Path.of("seeds") : dir, dataDir, fresh, brokerPort, timeout,
                Optional.ofNullable(watch));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int number(String value, String option, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " takes a whole number from " + min + " to " + max + ", got '" + value + "'");
    }
}
