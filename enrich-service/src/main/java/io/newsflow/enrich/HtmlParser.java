package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads HTML articles with jsoup: paragraphs, headings and list items become paragraphs in document order, markup
 * and scripts go. The page's h1 (or title) is the headline. A first cut: deeper boilerplate removal is enrich's next
 * step.
 */
final class HtmlParser {

    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre";

    private HtmlParser() {
    }

    /** An HTML article: the h1 (or title) is the headline, else the first paragraph is. */
    static ArticleText parse(String html) {
        Document document = clean(html);
        Element h1 = document.selectFirst("h1");
        String headline = h1 != null ? TextCleaning.cleanLine(h1.text()) : TextCleaning.cleanLine(document.title());
        if (h1 != null) {
            h1.remove();
        }
        List<String> paragraphs = paragraphs(document);
        return headline.isEmpty() ? PlainTextParser.headlineFirst(paragraphs) : new ArticleText(headline, paragraphs);
    }

    /** The paragraphs of an HTML body whose headline is known from elsewhere (the envelope's title). */
    static List<String> bodyParagraphs(String html) {
        return paragraphs(clean(html));
    }

    private static Document clean(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, iframe, noscript, template, ins.adsbygoogle").remove();
        return document;
    }

    private static List<String> paragraphs(Document document) {
        List<String> paragraphs = new ArrayList<>();
        for (Element block : document.body().select(BLOCKS)) {
            if (block.select(BLOCKS).size() > 1) {
                continue; // a container of blocks: its children are read one by one
            }
            String text = TextCleaning.cleanLine(block.text());
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        if (paragraphs.isEmpty()) {
            // No block markup: read the text with line breaks as paragraph breaks.
            document.select("br").after("\n");
            paragraphs = PlainTextParser.cleanLines(List.of(document.body().wholeText().split("\n")));
        }
        return paragraphs;
    }
}
