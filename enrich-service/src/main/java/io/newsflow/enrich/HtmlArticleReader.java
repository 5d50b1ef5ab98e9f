package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads HTML articles with jsoup. Ad and tracking containers go (script, style, iframe, noscript,
 * {@code ins.adsbygoogle}, elements whose class or id marks an ad, sponsor, promo, share or newsletter box), images
 * and embeds become media references, a trailing "Source" link becomes the source URL, and every other piece of
 * text is kept, in order: block elements and line breaks separate paragraphs.
 */
final class HtmlArticleReader {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "blockquote", "pre", "section", "article", "header", "footer", "main", "table", "tr", "td", "th",
            "figure", "figcaption", "dd", "dt", "dl", "hr", "br", "address", "center", "body", "aside", "nav");
    /** Parts of a class or id (split at - and _) that mark page furniture. */
    private static final Set<String> FURNITURE_PARTS = Set.of("ad", "ads", "adv", "advert", "adverts",
            "advertisement", "advertising", "adsense", "adslot", "adsbygoogle", "dfp", "sponsor", "sponsored",
            "sponsors", "promo", "promoted", "promotion", "share", "sharing", "social", "newsletter", "subscribe",
            "subscription", "outbrain", "taboola", "skip", "backtotop", "paywall", "cookie", "cookies", "related");
    private static final Set<String> FURNITURE_TOKENS = Set.of("back-to-top", "skip-link", "skip-to-text-link",
            "skip-to-content", "screen-reader-text");
    private static final Pattern SOURCE_LINK = Pattern.compile(
            "^(?:source|original source|fuente|source originale|quelle|fonte|bron)\\s*:?$", Pattern.CASE_INSENSITIVE);

    private HtmlArticleReader() {
    }

    /** The headline (h1, else the page title, else empty) and the paragraphs of an HTML article. */
    static ArticleText read(String html, CleaningReport report) {
        Document document = Jsoup.parse(TextCleaning.removeShortcodes(html, report));
        clean(document.body(), report);
        Element h1 = document.body().selectFirst("h1");
        String headline = h1 != null ? TextCleaning.normalize(h1.text()) : TextCleaning.normalize(document.title());
        if (h1 != null) {
            h1.remove();
        }
        List<String> paragraphs = TextCleaning.paragraphs(blockTexts(document.body()), report);
        return new ArticleText(headline, paragraphs);
    }

    /** The paragraphs of an HTML body whose headline is known from elsewhere (an envelope's title). */
    static List<String> bodyParagraphs(String html, CleaningReport report) {
        Document document = Jsoup.parseBodyFragment(TextCleaning.removeShortcodes(html, report));
        clean(document.body(), report);
        return TextCleaning.paragraphs(blockTexts(document.body()), report);
    }

    private static void clean(Element body, CleaningReport report) {
        for (Element element : body.select("script, style, noscript, template, form, button, svg, input, select")) {
            element.remove();
        }
        for (Element frame : body.select("iframe, embed, video, audio, object")) {
            report.media("embed", frame.absUrl("src").isEmpty() ? frame.attr("src") : frame.absUrl("src"), null);
            report.boilerplate++;
            frame.remove();
        }
        for (Element element : body.select("[class], [id]")) {
            if (element.parent() != null && isFurniture(element)) {
                report.boilerplate++;
                element.remove();
            }
        }
        for (Element image : body.select("img, picture source")) {
            report.media("image", image.attr("src"), image.attr("alt"));
            image.remove();
        }
        for (Element caption : body.select("figcaption")) {
            // A figure's caption describes the image, it is not article text.
            if (!report.media.isEmpty()) {
                var last = report.media.remove(report.media.size() - 1);
                report.media(last.type(), last.url(), caption.text());
            }
            caption.remove();
        }
        for (Element link : body.select("a")) {
            String text = TextCleaning.normalize(link.text());
            if (SOURCE_LINK.matcher(text).matches()) {
                report.sourceUrl = link.attr("href").strip();
                link.remove();
            } else if (Boilerplate.isBoilerplate(text) && !text.isEmpty()) {
                report.boilerplate++;
                link.remove();
            }
        }
    }

    private static boolean isFurniture(Element element) {
        List<String> tokens = new ArrayList<>(element.classNames());
        if (!element.id().isEmpty()) {
            tokens.add(element.id());
        }
        for (String token : tokens) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (FURNITURE_TOKENS.contains(lower)) {
                return true;
            }
            for (String part : lower.split("[-_]")) {
                if (FURNITURE_PARTS.contains(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Text in document order, a new paragraph at every block element or line break. */
    private static List<String> blockTexts(Element root) {
        List<String> texts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    flush();
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    flush();
                } else if (node instanceof Element element && !element.normalName().equals("a")
                        && current.length() > 0 && isInlineSeparator(element)) {
                    current.append(' ');
                }
            }

            private void flush() {
                if (!current.toString().isBlank()) {
                    texts.add(current.toString());
                }
                current.setLength(0);
            }
        }, root);
        if (!current.toString().isBlank()) {
            texts.add(current.toString());
        }
        return texts;
    }

    private static boolean isInlineSeparator(Element element) {
        return element.normalName().equals("td") || element.normalName().equals("th");
    }
}
