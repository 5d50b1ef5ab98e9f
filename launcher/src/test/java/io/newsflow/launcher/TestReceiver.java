package io.newsflow.launcher;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A webhook subscriber on loopback: answers 200 and keeps each request's body and signature. */
final class TestReceiver implements AutoCloseable {

    record Delivery(byte[] body, String signature) {
    }

    private final HttpServer server;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    private TestReceiver(HttpServer server) {
        this.server = server;
    }

    static TestReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestReceiver receiver = new TestReceiver(server);
            server.createContext("/hook", exchange -> {
                receiver.deliveries.add(new Delivery(exchange.getRequestBody().readAllBytes(),
                        exchange.getRequestHeaders().getFirst("X-Newsflow-Signature")));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    Delivery next(Duration timeout) throws InterruptedException {
        Delivery delivery = deliveries.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (delivery == null) {
            throw new AssertionError("no webhook delivery within " + timeout);
        }
        return delivery;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
