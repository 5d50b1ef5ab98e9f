package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.EnrichedArticle.MediaReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlArticleReaderTest {

    @Test
    void readsTheWordPressFragmentKeepingEveryTextInOrder() {
        CleaningReport report = new CleaningReport();
        String html = "[ad_1]<br><div><p>First <a href=\"/x\">linked</a> para.</p><h3>A subhead</h3>"
                + "<ul><li>Item one</li><li>Item two</li></ul>Loose text in the div."
                + "<a class=\"skip-to-text-link\">Go Back to Top. Skip To: Start of Article.</a></div><br>[ad_2]<br>"
                + "<a href=\"https://example.com/story\">Source </a>";
        ArticleText text = HtmlArticleReader.read(html, report);
        assertThat(text).isEqualTo(new ArticleText("",
                List.of("First linked para.", "A subhead", "Item one", "Item two", "Loose text in the div.")));
        assertThat(report.sourceUrl).isEqualTo("https://example.com/story");
        assertThat(report.adMarkers).isEqualTo(2);
        assertThat(report.boilerplate).isEqualTo(1);
    }

    @Test
    void dropsAdAndTrackingContainersAndLabels() {
        CleaningReport report = new CleaningReport();
        String html = "<html><head><title>Page title</title><script>var a=1;</script></head><body>"
                + "<h1>The headline</h1><p>Kept one.</p><div class=\"ad-slot\">Buy now</div>"
                + "<ins class=\"adsbygoogle\">ad</ins><iframe src=\"https://video.example/1\"></iframe>"
                + "<p>Advertisement</p><aside class=\"promo\">Promo text</aside><div id=\"sponsored-box\">Sp</div>"
                + "<p class=\"share\">Share this article on Facebook</p><div class=\"newsletter\">Subscribe</div>"
                + "<noscript>Enable JS</noscript><style>p{}</style><p>Kept two.</p></body></html>";
        ArticleText text = HtmlArticleReader.read(html, report);
        assertThat(text).isEqualTo(new ArticleText("The headline", List.of("Kept one.", "Kept two.")));
        assertThat(report.media).containsExactly(new MediaReference("embed", "https://video.example/1", null));
    }

    @Test
    void turnsImagesIntoMediaReferencesNotText() {
        CleaningReport report = new CleaningReport();
        ArticleText text = HtmlArticleReader.read("<h1>T</h1><figure><img src=\"https://img.example/a.jpg\" "
                + "alt=\"A flooded street\"><figcaption>Water rose overnight.</figcaption></figure><p>Body.</p>",
                report);
        assertThat(text.paragraphs()).containsExactly("Body.");
        assertThat(report.media).containsExactly(
                new MediaReference("image", "https://img.example/a.jpg", "Water rose overnight."));
    }

    @Test
    void keepsCaptionShortcodeTextAndDropsEmbeds() {
        CleaningReport report = new CleaningReport();
        List<String> paragraphs = HtmlArticleReader.bodyParagraphs("<p>[caption id=\"x\"]The caption stays.[/caption]"
                + "</p><p>[embed]https://youtube.example/v[/embed]</p><p>[adsense]Text.</p>", report);
        assertThat(paragraphs).containsExactly("The caption stays.", "Text.");
        assertThat(report.media).containsExactly(new MediaReference("embed", "https://youtube.example/v", null));
    }
}
