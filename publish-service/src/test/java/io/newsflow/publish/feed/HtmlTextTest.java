package io.newsflow.publish.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void escapesTextSoHtmlShowsItInsteadOfRunningIt() {
        assertThat(HtmlText.escape("<img src=x onerror=\"alert('1')\"> & co"))
                .isEqualTo("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co");
    }

    @Test
    void keepsACarriageReturnThatHtmlParsersWouldTurnIntoALineFeed() {
        assertThat(HtmlText.escape("one\r\ntwo")).isEqualTo("one&#13;\ntwo");
    }
}
