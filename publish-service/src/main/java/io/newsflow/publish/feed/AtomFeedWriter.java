package io.newsflow.publish.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.synd.SyndPerson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Atom 1.0 (RFC 4287) through ROME's Atom model. Every text construct is {@code type="text"}, so readers show article
 * text as text, never as markup. Paging is RFC 5005's {@code link rel="next"}.
 */
final class AtomFeedWriter implements FeedWriter {

    static final String MEDIA_TYPE = "application/atom+xml; charset=utf-8";

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public byte[] write(FeedPage page) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(page.feedUrl());
        feed.setTitleEx(text(page.title()));
        feed.setSubtitle(text(FeedPage.DESCRIPTION));
        feed.setUpdated(date(page.updated()));
        // ROME's Atom generator writes no xml:lang, so the language goes where it writes it for entries too.
        feed.setModules(language(page.language()));
        // Atom wants an author for every entry; entries without a byline take the feed's.
        feed.setAuthors(List.of(person(FeedPage.NAME)));
        feed.setAlternateLinks(List.of(link("alternate", page.homeUrl(), "application/json")));
        List<Link> others = new ArrayList<>(List.of(link("self", page.selfUrl(), "application/atom+xml")));
        if (page.nextUrl() != null) {
            others.add(link("next", page.nextUrl(), "application/atom+xml"));
        }
        feed.setOtherLinks(others);
        feed.setEntries(page.entries().stream().map(AtomFeedWriter::entry).toList());
        return WireFeedXml.write(feed);
    }

    private static Entry entry(FeedEntry source) {
        Entry entry = new Entry();
        entry.setId(source.id());
        entry.setTitleEx(text(source.title()));
        entry.setUpdated(date(source.updated()));
        entry.setPublished(date(source.published()));
        if (source.author() != null) {
            entry.setAuthors(List.of(person(source.author())));
        }
        entry.setAlternateLinks(List.of(link("alternate", source.url(), "application/json")));
        if (source.externalUrl() != null) {
            entry.setOtherLinks(List.of(link("via", source.externalUrl(), null)));
        }
        entry.setCategories(source.tags().stream().map(AtomFeedWriter::category).toList());
        if (source.summary() != null) {
            entry.setSummary(text(source.summary()));
        }
        entry.setContents(List.of(text(source.body())));
        entry.setModules(language(source.language()));
        return entry;
    }

    /** {@code dc:language}, or no module when the language is not known. */
    private static List<Module> language(String language) {
        List<Module> modules = new ArrayList<>();
        if (language != null) {
            DCModule dc = new DCModuleImpl();
            dc.setLanguage(language);
            modules.add(dc);
        }
        return modules;
    }

    private static Category category(FeedEntry.Tag tag) {
        Category category = new Category();
        if (tag.code() == null) {
            category.setTerm(tag.name());
        } else {
            category.setScheme(tag.scheme());
            category.setTerm(tag.code());
            category.setLabel(tag.name());
        }
        return category;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static SyndPerson person(String name) {
        Person person = new Person();
        person.setName(name);
        return person;
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
