package io.newsflow.launcher;

import io.newsflow.contract.config.Env;
import io.newsflow.enrich.EnrichApp;
import io.newsflow.ingest.IngestApp;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.publish.PublishApp;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@code newsflow} command: run, enrich, broker, start. */
public final class NewsflowCli {

    static final String USAGE = """
            Usage: newsflow COMMAND [OPTIONS]
              run [--once] [DIR]           the whole pipeline in one process, on an embedded broker
              enrich FILE...               print the ninjs document the pipeline would publish for each file
              broker                       just the embedded Kafka broker on 127.0.0.1:9092
              start ingest|enrich|publish  one service, as in production (reads KAFKA_BOOTSTRAP_SERVERS)
            'newsflow COMMAND --help' tells more.""";

    /** Set by the shutdown hook of {@code run}: the JVM is exiting on a signal. */
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
        if (SHUTTING_DOWN.get()) {
            // SIGTERM / Ctrl-C during `run`: the JVM is already exiting and run's hook is waiting for this thread;
            // System.exit here would block until that hook gave up (60 s).
            return;
        }
        // The broker's and clients' threads are not daemons: leave explicitly once the command is done. After SIGTERM
        // of `start`, this call blocks while the shutdown hooks drain, and the JVM leaves with 143 (see ServiceRunner).
        System.exit(status);
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
            default -> throw new UsageException("unknown command '" + command + "'\n" + USAGE);
        }
    }

    private static int runPipeline(RunOptions options) throws InterruptedException {
        if (!options.once()) {
            // Ctrl-C: interrupt the command so it closes services and broker in order, then let the JVM go.
            Thread command = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                SHUTTING_DOWN.set(true);
                command.interrupt();
                try {
                    command.join(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "newsflow-shutdown"));
        }
        return new RunCommand(Env.system(), System.out, System.err).run(options);
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
