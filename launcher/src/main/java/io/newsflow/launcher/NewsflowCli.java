package io.newsflow.launcher;

import io.newsflow.contract.config.Env;
import io.newsflow.enrich.EnrichApp;
import io.newsflow.ingest.IngestApp;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.launcher.bench.BenchCommand;
import io.newsflow.launcher.bench.BenchOptions;
import io.newsflow.publish.PublishApp;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@code newsflow} command: run, enrich, broker, start, bench. */
public final class NewsflowCli {

    static final String USAGE = """
            Usage: newsflow COMMAND [OPTIONS]
              run [--once] [DIR]           the whole pipeline in one process, on an embedded broker
              enrich FILE...               print the ninjs document the pipeline would publish for each file
              broker                       just the embedded Kafka broker on 127.0.0.1:9092
              start ingest|enrich|publish  one service, as in production (reads KAFKA_BOOTSTRAP_SERVERS)
              bench [--quick]              throughput and latency of the pipeline against Kafka alone
            'newsflow COMMAND --help' tells more.""";

    private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();

    private NewsflowCli() {
    }

    public static void main(String[] args) throws Exception {
        int status;
        try {
            status = run(List.of(args));
        } catch (UsageException | IllegalArgumentException e) {
            System.err.println("newsflow: " + e.getMessage());
            status = 64;
        } catch (Exception e) {
            // e.g. a port already taken at start: say so and leave, rather than hang on the clients' threads.
            System.err.println("newsflow: failed: " + e);
            status = 1;
        }
        // The broker's and clients' threads are not daemons: leave explicitly once the command is done. Not when
        // Ctrl-C stopped it: the JVM is shutting down already, and System.exit would block until the hook that waits
        // for this thread gave up.
        if (!SHUTTING_DOWN.get()) {
            System.exit(status);
        }
    }

    static int run(List<String> args) throws Exception {
        if (args.isEmpty() || isHelp(args.get(0))) {
            System.out.println(USAGE);
            return args.isEmpty() ? 64 : 0;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        boolean help = rest.stream().anyMatch(NewsflowCli::isHelp);
        if (!help) {
            LauncherSettings.CATALOGUE.requireKnown(Env.system());
        }
        switch (command) {
            case "run" -> {
                if (help) {
                    System.out.println(RunOptions.USAGE);
                    return 0;
                }
                return runPipeline(RunOptions.parse(rest));
            }
            case "enrich" -> {
                if (help) {
                    System.out.println(EnrichFilesCommand.USAGE);
                    return 0;
                }
                return new EnrichFilesCommand(IngestConfig.fromEnv(Env.system()), Clock.systemUTC(), System.out,
                        System.err).run(rest.stream().map(Path::of).toList());
            }
            case "broker" -> {
                if (help) {
                    System.out.println(BrokerCommand.USAGE);
                    return 0;
                }
                return BrokerCommand.run(rest);
            }
            case "start" -> {
                return startService(rest);
            }
            case "bench" -> {
                if (help) {
                    System.out.println(BenchOptions.USAGE);
                    return 0;
                }
                BenchOptions options = BenchOptions.parse(rest);
                Thread hook = interruptOnShutdown();
                try {
                    return new BenchCommand(Env.system(), System.out, System.err).run(options);
                } finally {
                    forget(hook);
                }
            }
            default -> throw new UsageException("unknown command '" + command + "'\n" + USAGE);
        }
    }

    private static int runPipeline(RunOptions options) throws InterruptedException {
        if (!options.once()) {
            interruptOnShutdown();
        }
        return new RunCommand(Env.system(), System.out, System.err).run(options);
    }

    /** Ctrl-C: interrupt the command so it closes services and broker in order, then let the JVM go. */
    private static Thread interruptOnShutdown() {
        Thread command = Thread.currentThread();
        Thread hook = new Thread(() -> {
            SHUTTING_DOWN.set(true);
            command.interrupt();
            try {
                command.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsflow-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** A command that ended by itself must not be waited for by its hook when main then calls System.exit. */
    private static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down already (Ctrl-C): the hook is running and sees the command end
        }
    }

    private static int startService(List<String> rest) throws InterruptedException {
        if (rest.isEmpty() || isHelp(rest.get(0))) {
            System.out.println("Usage: newsflow start ingest|enrich|publish [--help]");
            return rest.isEmpty() ? 64 : 0;
        }
        String[] serviceArgs = rest.subList(1, rest.size()).toArray(String[]::new);
        // One shell may start every service: each accepts all of newsflow's settings here.
        switch (rest.get(0)) {
            case "ingest" -> IngestApp.start(serviceArgs, Env.system(), LauncherSettings.CATALOGUE);
            case "enrich" -> EnrichApp.start(serviceArgs, Env.system(), LauncherSettings.CATALOGUE);
            case "publish" -> PublishApp.start(serviceArgs, Env.system(), LauncherSettings.CATALOGUE);
            default -> throw new UsageException("unknown service '" + rest.get(0) + "': ingest, enrich or publish");
        }
        return 0;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }
}
