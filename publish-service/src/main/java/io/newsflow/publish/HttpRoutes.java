package io.newsflow.publish;

import io.javalin.Javalin;

/**
 * A part of the publish HTTP API (feeds, the live stream, the page, subscriptions, health and metrics): each registers
 * its own routes, so every surface lives in a file of its own.
 */
public interface HttpRoutes {

    void register(Javalin app);
}
