package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextParserTest {

    @Test
    void takesTheSeedsTrailingLineAsHeadlineAndKeepsBothParagraphs() {
        ArticleText text = PlainTextParser.parse(Seed.text(), new CleaningReport());
        assertThat(text.headline()).isEqualTo(Seed.HEADLINE);
        assertThat(text.paragraphs()).hasSize(2);
        assertThat(text.paragraphs().get(0)).startsWith(Seed.BODY_START)
                .endsWith("America’s disastrous war in Vietnam.");
        assertThat(text.paragraphs().get(1)).startsWith("Mr. Trump’s push for stability")
                .endsWith("acceptable to all parties — the U.S., Russia, Europe and Ukraine.");
        assertThat(String.join("\n", text.paragraphs())).doesNotContain("[ad_").doesNotContain(Seed.HEADLINE);
    }

    @Test
    void stripsEveryAdMarkerWhereverItStands() {
        ArticleText text = PlainTextParser.parse("[ad_1]\nFirst [ad_3] part.\n[AD]\nSecond.[ad_12]\n[ad_2]\nTitle",
                new CleaningReport());
        assertThat(text).isEqualTo(new ArticleText("Title", List.of("First part.", "Second.")));
    }

    @Test
    void readsHeadlineFirstTextWithoutMarkers() {
        assertThat(PlainTextParser.parse("Title line\n\nBody one.\nBody two.\n", new CleaningReport()))
                .isEqualTo(new ArticleText("Title line", List.of("Body one.", "Body two.")));
    }

    @Test
    void leavesALoneParagraphWithoutHeadline() {
        assertThat(PlainTextParser.parse("[ad_1]\nJust a body.\n[ad_2]", new CleaningReport()))
                .isEqualTo(new ArticleText("", List.of("Just a body.")));
    }

    @Test
    void normalizesUnicodeAndSpacesButKeepsTypography() {
        assertThat(PlainTextParser.parse("T\nCafe\u0301\u00A0 costs  $5 — 20% “more”", new CleaningReport()))
                .isEqualTo(new ArticleText("T", List.of("Café costs $5 — 20% “more”")));
    }
}
