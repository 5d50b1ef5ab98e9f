package io.newsflow.publish.feed;

import io.javalin.http.Context;
import io.newsflow.publish.ArticleQuery;
import io.newsflow.publish.BadRequest;
import io.newsflow.publish.PageCursor;
import java.util.regex.Pattern;

/**
 * The absolute URLs a feed names: itself (its first page and this page), the next page with the same filters, the
 * article list and each article. Feed readers need absolute URLs; they are made from the address the reader used
 * (scheme and Host header).
 *
 * @param origin {@code scheme://host[:port]}
 * @param path   the feed's path, e.g. {@code /feed.atom}
 * @param query  the query this feed answers
 */
record FeedLinks(String origin, String path, ArticleQuery query) {

    /** A host name, IPv4 or bracketed IPv6 address, with an optional port: nothing that could change a URL's shape. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+])(:[0-9]{1,5})?");

    static FeedLinks of(Context ctx, ArticleQuery query) {
        String host = ctx.host();
        if (host == null) {
            host = ctx.req().getServerName() + ":" + ctx.req().getServerPort();
        }
        if (!HOST.matcher(host).matches()) {
            throw new BadRequest("the Host header must be a host name with an optional port, got '" + host + "'");
        }
        return new FeedLinks(ctx.scheme() + "://" + host, ctx.path(), query);
    }

    /** The feed itself: its first page. Its identity (Atom id, JSON Feed feed_url) does not change as it is paged. */
    String feed() {
        return withQuery(path, query.startingAfter(null));
    }

    /** This page. */
    String self() {
        return withQuery(path, query);
    }

    String next(PageCursor cursor) {
        return withQuery(path, query.startingAfter(cursor));
    }

    /** The same articles as ninjs: {@code GET /articles} with the same filters. */
    String articles() {
        return withQuery("/articles", query.startingAfter(null));
    }

    String article(String id) {
        return origin + "/articles/" + id;
    }

    private String withQuery(String targetPath, ArticleQuery target) {
        String queryString = target.queryString();
        return origin + targetPath + (queryString.isEmpty() ? "" : "?" + queryString);
    }
}
