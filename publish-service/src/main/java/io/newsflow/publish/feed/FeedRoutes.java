package io.newsflow.publish.feed;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newsflow.publish.ArticleQueries;
import io.newsflow.publish.ArticleQuery;
import io.newsflow.publish.HttpRoutes;

/**
 * The feeds: {@code GET /feed.json} (JSON Feed 1.1), {@code /feed.atom} (Atom 1.0) and {@code /feed.rss} (RSS 2.0),
 * newest first, with the filters, {@code limit} and {@code cursor} of {@link ArticleQuery} (as {@code GET /articles}),
 * a next-page link while there are more, and ETag / 304 / Cache-Control for polling readers. A bad parameter is a 400
 * problem document (thrown as {@code BadRequest}, answered by {@code PublishHttpServer}).
 */
public final class FeedRoutes implements HttpRoutes {

    private final ArticleQueries articles;

    public FeedRoutes(ArticleQueries articles) {
        this.articles = articles;
    }

    @Override
    public void register(Javalin app) {
        FeedWriter json = new JsonFeedWriter();
        FeedWriter atom = new AtomFeedWriter();
        FeedWriter rss = new RssFeedWriter();
        app.get("/feed.json", ctx -> serve(ctx, json));
        app.get("/feed.atom", ctx -> serve(ctx, atom));
        app.get("/feed.rss", ctx -> serve(ctx, rss));
    }

    private void serve(Context ctx, FeedWriter writer) {
        ArticleQuery query = ArticleQuery.parse(ctx.queryParamMap());
        FeedLinks links = FeedLinks.of(ctx, query);
        FeedPage page = FeedPage.of(articles.find(query), links);
        ConditionalFeedResponse.send(ctx, writer.mediaType(), writer.write(page));
    }
}
