package io.newsflow.publish.feed;

import static io.newsflow.publish.feed.FeedFixtures.HOSTILE_TEXT_IN_FEEDS;
import static io.newsflow.publish.feed.FeedFixtures.HOSTILE_URI;
import static io.newsflow.publish.feed.FeedFixtures.SEED_HEADLINE;
import static io.newsflow.publish.feed.FeedFixtures.SEED_URI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import io.newsflow.publish.ArticleQuery;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Each writer on the seed and the hostile article, read back with the JDK's own XML parser and Jackson. */
class FeedWritersTest {

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final String ORIGIN = "http://news.example:8080";

    @Test
    void atomShowsTheHostileArticleAsTextInOneEntry() throws Exception {
        Document atom = xml(new AtomFeedWriter().write(page("/feed.atom", ArticleQuery.all())));

        List<Element> entries = children(atom.getDocumentElement(), ATOM_NS, "entry");
        assertThat(entries).extracting(e -> text(e, ATOM_NS, "id")).containsExactly(HOSTILE_URI, SEED_URI);
        Element hostile = entries.get(0);
        assertThat(text(hostile, ATOM_NS, "title")).isEqualTo(HOSTILE_TEXT_IN_FEEDS);
        assertThat(child(hostile, ATOM_NS, "title").getAttribute("type")).isEqualTo("text");
        assertThat(text(hostile, ATOM_NS, "summary")).isEqualTo(HOSTILE_TEXT_IN_FEEDS);
        assertThat(text(hostile, ATOM_NS, "content")).isEqualTo(HOSTILE_TEXT_IN_FEEDS);
        assertThat(text(child(hostile, ATOM_NS, "author"), ATOM_NS, "name")).isEqualTo("<i>Eve</i>");
        assertThat(text(entries.get(1), ATOM_NS, "title")).isEqualTo(SEED_HEADLINE);
        assertNoMarkupOrScriptLinks(atom);
    }

    @Test
    void atomLinksItselfTheArticlesAndTheNextPage() throws Exception {
        ArticleQuery query = ArticleQuery.parse(Map.of("limit", List.of("1"), "language", List.of("en")));
        Document atom = xml(new AtomFeedWriter().write(page("/feed.atom", query)));

        Element feed = atom.getDocumentElement();
        assertThat(text(feed, ATOM_NS, "id")).isEqualTo(ORIGIN + "/feed.atom?language=en&limit=1");
        assertThat(links(feed)).containsEntry("self", ORIGIN + "/feed.atom?language=en&limit=1")
                .containsEntry("alternate", ORIGIN + "/articles?language=en&limit=1")
                .hasEntrySatisfying("next", next -> assertThat(next)
                        .startsWith(ORIGIN + "/feed.atom?language=en&limit=1&cursor="));
        assertThat(text(feed, DC_NS, "language")).isEqualTo("en");
        assertThat(links(children(feed, ATOM_NS, "entry").get(0)))
                .containsEntry("alternate", ORIGIN + "/articles/hostile-1");
    }

    @Test
    void rssShowsTheHostileArticleInOneItemWithItsTextEscapedAsHtml() throws Exception {
        Document rss = xml(new RssFeedWriter().write(page("/feed.rss", ArticleQuery.all())));

        Element channel = child(rss.getDocumentElement(), null, "channel");
        List<Element> items = children(channel, null, "item");
        assertThat(items).extracting(i -> text(i, null, "guid")).containsExactly(HOSTILE_URI, SEED_URI);
        Element hostile = items.get(0);
        assertThat(text(hostile, null, "title")).isEqualTo(HOSTILE_TEXT_IN_FEEDS);
        assertThat(text(hostile, null, "description")).isEqualTo(HtmlText.escape(HOSTILE_TEXT_IN_FEEDS))
                .doesNotContain("<");
        assertThat(text(hostile, DC_NS, "creator")).isEqualTo("<i>Eve</i>");
        assertThat(text(hostile, null, "link")).isEqualTo(ORIGIN + "/articles/hostile-1");
        assertThat(text(items.get(1), null, "title")).isEqualTo(SEED_HEADLINE);
        assertNoMarkupOrScriptLinks(rss);
    }

    @Test
    void rssLinksTheNextPageWithAnAtomLink() throws Exception {
        ArticleQuery query = ArticleQuery.parse(Map.of("limit", List.of("1")));
        Document rss = xml(new RssFeedWriter().write(page("/feed.rss", query)));

        Element channel = child(rss.getDocumentElement(), null, "channel");
        assertThat(links(channel)).containsEntry("self", ORIGIN + "/feed.rss?limit=1")
                .hasEntrySatisfying("next", next -> assertThat(next).startsWith(ORIGIN + "/feed.rss?limit=1&cursor="));
        assertThat(text(channel, null, "link")).isEqualTo(ORIGIN + "/articles?limit=1");
    }

    @Test
    void jsonFeedShowsTheHostileArticleAsPlainTextAndLinksTheNextPage() throws Exception {
        ArticleQuery query = ArticleQuery.parse(Map.of("limit", List.of("1")));
        JsonNode feed = Json.mapper().readTree(new JsonFeedWriter().write(page("/feed.json", query)));

        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("feed_url").asText()).isEqualTo(ORIGIN + "/feed.json?limit=1");
        assertThat(feed.get("next_url").asText()).startsWith(ORIGIN + "/feed.json?limit=1&cursor=");
        assertThat(feed.get("items")).hasSize(1);
        JsonNode item = feed.get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo(HOSTILE_URI);
        assertThat(item.get("url").asText()).isEqualTo(ORIGIN + "/articles/hostile-1");
        assertThat(item.get("title").asText()).isEqualTo(HOSTILE_TEXT_IN_FEEDS);
        assertThat(item.get("summary").asText()).isEqualTo(HOSTILE_TEXT_IN_FEEDS);
        assertThat(item.get("content_text").asText()).isEqualTo(HOSTILE_TEXT_IN_FEEDS);
        assertThat(item.has("external_url")).as("a javascript: source URL is no link").isFalse();
        assertThat(item.get("date_published").asText()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(item.get("date_modified").asText()).isEqualTo("2026-11-24T10:30:00.250Z");
        assertThat(item.get("authors").get(0).get("name").asText()).isEqualTo("<i>Eve</i>");
        assertThat(item.get("language").asText()).isEqualTo("en");
        assertThat(item.get("tags").get(0).asText()).isEqualTo("]]><x>");
    }

    @Test
    void jsonFeedOfTheSeedCarriesItsSubjectsAsTags() throws Exception {
        ArticleQuery query = ArticleQuery.parse(Map.of("q", List.of("riyadh")));
        JsonNode feed = Json.mapper().readTree(new JsonFeedWriter().write(page("/feed.json", query)));

        assertThat(feed.has("next_url")).isFalse();
        assertThat(feed.get("title").asText()).isEqualTo("newsflow: q=riyadh");
        JsonNode seed = feed.get("items").get(0);
        assertThat(feed.get("items")).hasSize(1);
        assertThat(seed.get("title").asText()).isEqualTo(SEED_HEADLINE);
        assertThat(seed.get("content_text").asText()).startsWith("The talks between U.S. and Russian officials");
        assertThat(seed.get("tags")).extracting(JsonNode::asText)
                .containsExactly("politics", "conflict, war and peace", "russia reset", "diplomatic interaction");
    }

    @Test
    void anEmptyPageIsStillAValidFeedOfEachKind() throws Exception {
        ArticleQuery query = ArticleQuery.parse(Map.of("language", List.of("fi")));
        assertThat(Json.mapper().readTree(new JsonFeedWriter().write(page("/feed.json", query))).get("items"))
                .isEmpty();
        assertThat(children(xml(new AtomFeedWriter().write(page("/feed.atom", query))).getDocumentElement(),
                ATOM_NS, "entry")).isEmpty();
        assertThat(xml(new RssFeedWriter().write(page("/feed.rss", query))).getDocumentElement().getTagName())
                .isEqualTo("rss");
    }

    @Test
    void theSamePageGivesTheSameBytes() {
        for (FeedWriter writer : List.of(new JsonFeedWriter(), new AtomFeedWriter(), new RssFeedWriter())) {
            assertThat(writer.write(page("/feed", ArticleQuery.all())))
                    .isEqualTo(writer.write(page("/feed", ArticleQuery.all())));
        }
    }

    private static FeedPage page(String path, ArticleQuery query) {
        FeedLinks links = new FeedLinks(ORIGIN, path, query);
        return FeedPage.of(query.select(List.of(FeedFixtures.seed(), FeedFixtures.hostile())), links);
    }

    /** No element or attribute came from article text, and no link leads to a script. */
    private static void assertNoMarkupOrScriptLinks(Document document) {
        assertThat(document.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(document.getElementsByTagNameNS("*", "img").getLength()).isZero();
        assertThat(document.getElementsByTagNameNS("*", "x").getLength()).isZero();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            assertThat(element.getAttribute("href")).doesNotStartWithIgnoringCase("javascript:");
            assertThat(element.getTextContent().strip()).doesNotStartWithIgnoringCase("javascript:");
        }
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static Map<String, String> links(Element parent) {
        Map<String, String> links = new java.util.LinkedHashMap<>();
        for (Element link : children(parent, ATOM_NS, "link")) {
            links.put(link.getAttribute("rel"), link.getAttribute("href"));
        }
        return links;
    }

    private static String text(Element parent, String namespace, String name) {
        Element child = child(parent, namespace, name);
        return child == null ? null : child.getTextContent();
    }

    private static Element child(Element parent, String namespace, String name) {
        List<Element> children = children(parent, namespace, name);
        return children.isEmpty() ? null : children.get(0);
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> children = new ArrayList<>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && java.util.Objects.equals(namespace, element.getNamespaceURI())) {
                children.add(element);
            }
        }
        return children;
    }
}
