package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlParserTest {

    @Test
    void turnsBlocksIntoParagraphsInOrderAndDropsMarkupAndScripts() {
        String html = "[ad_1]<br><div><h1>The headline</h1><p>First <a href=\"/x\">linked</a> para.</p>"
                + "<script>track()</script><h3>A subhead</h3><ul><li>Item one</li><li>Item two</li></ul>"
                + "<style>p{}</style></div><br>[ad_2]";
        assertThat(HtmlParser.parse(html)).isEqualTo(new ArticleText("The headline",
                List.of("First linked para.", "A subhead", "Item one", "Item two")));
    }

    @Test
    void readsLineBrokenHtmlWithoutBlocks() {
        assertThat(HtmlParser.parse("Title<br>Body text<br>[ad_2]"))
                .isEqualTo(new ArticleText("Title", List.of("Body text")));
    }
}
