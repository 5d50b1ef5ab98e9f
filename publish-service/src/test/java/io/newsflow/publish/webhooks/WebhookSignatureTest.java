package io.newsflow.publish.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void isTheHexHmacSha256OfTheBodyPrefixedWithTheAlgorithm() {
        // RFC 4231, test case 2
        assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void coversEveryByteOfTheBody() {
        String secret = "0123456789abcdef";
        assertThat(WebhookSignature.sign(secret, "{\"uri\":\"a\"}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(WebhookSignature.sign(secret, "{\"uri\": \"a\"}".getBytes(StandardCharsets.UTF_8)))
                .startsWith("sha256=")
                .hasSize("sha256=".length() + 64);
    }
}
