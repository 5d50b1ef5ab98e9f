package io.newsflow.publish.webhooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link WebhookSender} on the JDK's HTTP client: HTTP/1.1, redirects not followed (a 3xx is not a delivery), a time
 * limit to connect and one for the answer. Its own daemon threads, released by {@link #close()}.
 */
public final class HttpWebhookSender implements WebhookSender {

    private final ExecutorService executor;
    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    public HttpWebhookSender(Duration connectTimeout, Duration requestTimeout) {
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "webhook-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }

    @Override
    public CompletionStage<AttemptResult> send(WebhookRequest request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(request.url())
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        try {
            return client.sendAsync(http.build(), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> error != null ? new AttemptResult.Failed(describe(error))
                            : response.statusCode() / 100 == 2 ? new AttemptResult.Delivered(response.statusCode())
                            : new AttemptResult.Failed("HTTP " + response.statusCode()));
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(new AttemptResult.Failed(describe(e)));
        }
    }

    String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection within " + DurationSetting.words(connectTimeout);
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + DurationSetting.words(requestTimeout);
        }
        if (cause instanceof ConnectException) {
            return "connection failed (" + (cause.getMessage() == null ? "refused" : cause.getMessage()) + ")";
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return (cause instanceof IOException ? "I/O error " : "error ") + cause.getClass().getSimpleName() + message;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
