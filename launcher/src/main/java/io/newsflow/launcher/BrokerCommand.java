package io.newsflow.launcher;

import io.newsflow.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code newsflow broker}: just the embedded broker, for services started separately or any Kafka client. */
final class BrokerCommand {

    static final String USAGE = """
            Usage: newsflow broker [--data-dir DIR] [--broker-port N]
              Runs the embedded single-node Kafka broker (KRaft) on 127.0.0.1:9092 until stopped (Ctrl-C).
              --data-dir DIR   broker data (default data/; the broker keeps it under DIR/broker)
              --broker-port N  port (default 9092)""";

    private BrokerCommand() {
    }

    static int run(List<String> args) throws InterruptedException {
        RunOptions options = RunOptions.parse(args);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                EmbeddedKafkaBroker.Options.of(options.dataDir().resolve("broker"), options.brokerPort()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        System.err.println("newsflow: Kafka broker listening on " + broker.bootstrapServers() + " (data in "
                + Path.of(options.dataDir().toString(), "broker").toAbsolutePath() + "); Ctrl-C to stop");
        stopped.await();
        return 0;
    }
}
