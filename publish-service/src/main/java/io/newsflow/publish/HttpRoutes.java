package io.newsflow.publish;

import io.javalin.Javalin;

/**
 * A part of the publish HTTP API (feeds, the live stream, the page, subscriptions): each registers its own routes,
 * so every consumer-facing surface lives in a file of its own.
 */
public interface HttpRoutes {

    void register(Javalin app);
}
