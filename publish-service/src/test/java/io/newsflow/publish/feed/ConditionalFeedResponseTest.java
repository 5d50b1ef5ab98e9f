package io.newsflow.publish.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConditionalFeedResponseTest {

    private static final String ETAG = ConditionalFeedResponse.etag("feed".getBytes(StandardCharsets.UTF_8));

    @Test
    void theEtagIsAStrongHashOfTheBody() {
        assertThat(ETAG).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
        assertThat(ConditionalFeedResponse.etag("feed".getBytes(StandardCharsets.UTF_8))).isEqualTo(ETAG);
        assertThat(ConditionalFeedResponse.etag("feed!".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(ETAG);
    }

    @Test
    void ifNoneMatchNamesTheEtagAloneInAListWeaklyOrAsStar() {
        assertThat(ConditionalFeedResponse.matches(ETAG, ETAG)).isTrue();
        assertThat(ConditionalFeedResponse.matches("\"other\", " + ETAG, ETAG)).isTrue();
        assertThat(ConditionalFeedResponse.matches("W/" + ETAG, ETAG)).isTrue();
        assertThat(ConditionalFeedResponse.matches(" * ", ETAG)).isTrue();
    }

    @Test
    void anyOtherIfNoneMatchDoesNot() {
        assertThat(ConditionalFeedResponse.matches(null, ETAG)).isFalse();
        assertThat(ConditionalFeedResponse.matches("\"other\"", ETAG)).isFalse();
        assertThat(ConditionalFeedResponse.matches(ETAG.replace("\"", ""), ETAG)).as("unquoted").isFalse();
    }
}
