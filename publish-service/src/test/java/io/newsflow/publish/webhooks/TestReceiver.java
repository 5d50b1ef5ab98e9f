package io.newsflow.publish.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on loopback for tests: answers each POST as scripted (200, 500, or not before the client's
 * time-out) and remembers what it got, in arrival order.
 */
public final class TestReceiver implements AutoCloseable {

    public enum Answer { OK, FAIL, HANG }

    /** One request as received; header names in lower case. */
    public record Received(String path, Map<String, String> headers, byte[] body, Answer answer) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private volatile Answer otherwise = Answer.OK;
    private final Duration hang;

    /** {@code hang}: how long a {@link Answer#HANG} answer takes (longer than the client's time-out). */
    public TestReceiver(Duration hang) {
        this.hang = hang;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor); // a hanging answer must not hold up the next request
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers, in order; after them, {@link #answerOtherwise(Answer)}'s. */
    public synchronized void script(Answer... answers) {
        script.addAll(List.of(answers));
    }

    public void answerOtherwise(Answer answer) {
        otherwise = answer;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private synchronized Answer next() {
        return script.isEmpty() ? otherwise : script.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            Answer answer = next();
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(headers), body, answer));
            if (answer == Answer.HANG) {
                try {
                    Thread.sleep(hang.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            exchange.sendResponseHeaders(answer == Answer.FAIL ? 500 : 200, -1);
        } catch (IOException e) {
            // the client gave up (time-out): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
