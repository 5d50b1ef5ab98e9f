package io.newsflow.publish.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * RSS 2.0 through ROME's RSS model. RSS readers treat {@code description} (and {@code content:encoded}) as HTML, so
 * article text goes there {@link HtmlText#escape escaped as HTML}; titles are plain text. RSS has no paging of its
 * own: the self and next links are Atom links ({@code atom:link}, as the RSS Advisory Board recommends) added as ROME
 * foreign markup. The byline is {@code dc:creator} ({@code author} must be an e-mail address).
 */
final class RssFeedWriter implements FeedWriter {

    static final String MEDIA_TYPE = "application/rss+xml; charset=utf-8";
    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public byte[] write(FeedPage page) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(page.title());
        channel.setLink(page.homeUrl());
        channel.setDescription(FeedPage.DESCRIPTION);
        channel.setLanguage(page.language());
        if (!page.entries().isEmpty()) {
            channel.setLastBuildDate(Date.from(page.updated()));
        }
        List<Element> links = new ArrayList<>(List.of(atomLink("self", page.selfUrl())));
        if (page.nextUrl() != null) {
            links.add(atomLink("next", page.nextUrl()));
        }
        channel.setForeignMarkup(links);
        channel.setItems(page.entries().stream().map(RssFeedWriter::item).toList());
        return WireFeedXml.write(channel);
    }

    private static Item item(FeedEntry entry) {
        Item item = new Item();
        item.setTitle(entry.title());
        item.setLink(entry.url());
        Guid guid = new Guid();
        guid.setValue(entry.id());
        guid.setPermaLink(false);
        item.setGuid(guid);
        item.setPubDate(Date.from(entry.published()));
        Description description = new Description();
        description.setType("text/html");
        description.setValue(HtmlText.escape(entry.summary() != null ? entry.summary() : entry.body()));
        item.setDescription(description);
        if (entry.summary() != null && !entry.body().isEmpty()) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(HtmlText.escape(entry.body()));
            item.setContent(content);
        }
        item.setCategories(entry.tags().stream().map(RssFeedWriter::category).toList());
        DCModule dc = new DCModuleImpl();
        dc.setCreator(entry.author());
        dc.setLanguage(entry.language());
        if (entry.author() != null || entry.language() != null) {
            item.setModules(new ArrayList<Module>(List.of(dc)));
        }
        return item;
    }

    private static Category category(FeedEntry.Tag tag) {
        Category category = new Category();
        category.setDomain(tag.scheme());
        category.setValue(tag.name());
        return category;
    }

    /** {@code <atom:link rel=".." href=".." type="application/rss+xml"/>}: built as a JDOM element, never as text. */
    private static Element atomLink(String rel, String href) {
        return new Element("link", ATOM)
                .setAttribute("rel", rel)
                .setAttribute("href", href)
                .setAttribute("type", "application/rss+xml");
    }
}
