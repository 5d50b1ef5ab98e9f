package io.newsflow.publish.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedTextTest {

    @Test
    void removesEveryCharacterXml10Forbids() {
        String forbidden = "\u0000\u0001\u0008\u000B\u000C\u000E\u001F" // C0 controls but tab, LF, CR
                + "\uDC00" + "\uD800" // a lone low and a lone high surrogate (in this order they are no pair)
                + "\uFFFE\uFFFF";
        assertThat(FeedText.clean("a" + forbidden + "b")).isEqualTo("ab");
        assertThat(FeedText.clean("x\uDBFF")).as("a high surrogate at the very end").isEqualTo("x");
    }

    @Test
    void keepsEverythingXmlCanCarry() {
        String allowed = "tab\tLF\nCR\r <script>&]]> \u007F\u0085 \uE000 \uFFFD 😀 \uD83D\uDE00 Ünïcödé";
        assertThat(FeedText.clean(allowed)).isSameAs(allowed);
    }

    @Test
    void leavesNullAlone() {
        assertThat(FeedText.clean(null)).isNull();
    }
}
