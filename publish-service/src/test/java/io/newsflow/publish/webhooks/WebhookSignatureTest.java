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

    @Test
    void signsIdTimestampAndBodyAsTheStandardWebhooksSpecificationsOwnExample() {
        // The Standard Webhooks reference vector, which its libraries test against; also computed with Python's hmac.
        assertThat(WebhookSignature.signStandard("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aStandardSignatureChangesWithTheTimeSoAReplayedRequestCanBeTold() {
        byte[] body = "{\"uri\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.signStandard("0123456789abcdef", "s1/urn:newsflow:article:a/1", 1_700_000_000L, body))
                .isNotEqualTo(WebhookSignature.signStandard("0123456789abcdef", "s1/urn:newsflow:article:a/1",
                        1_700_000_001L, body))
                .isNotEqualTo(WebhookSignature.signStandard("0123456789abcdef", "s1/urn:newsflow:article:a/2",
                        1_700_000_000L, body));
    }

    @Test
    void keysAPlainSecretWithItsTextAndAWhsecOneThatIsNotBase64AlsoWithItsText() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        // Python: base64.b64encode(hmac.new(b"whsec_not base64!", b"id.1.{}", sha256).digest())
        assertThat(WebhookSignature.signStandard("whsec_not base64!", "id", 1L, body))
                .isEqualTo("v1," + base64HmacSha256("whsec_not base64!", "id.1.{}"));
        assertThat(WebhookSignature.signStandard("0123456789abcdef", "id", 1L, body))
                .isEqualTo("v1," + base64HmacSha256("0123456789abcdef", "id.1.{}"));
    }

    private static String base64HmacSha256(String key, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
