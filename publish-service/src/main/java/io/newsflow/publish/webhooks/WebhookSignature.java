package io.newsflow.publish.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver knows a webhook came from newsflow, unaltered and not replayed. Two signatures, both HMAC-SHA256
 * keyed with the subscription's secret:
 * <ul>
 *   <li>{@link #STANDARD_HEADER} ({@code webhook-signature}), as the Standard Webhooks specification has it
 *   (standardwebhooks.com, the scheme of Svix and others, with verifying libraries in many languages): {@code v1,} and
 *   the base64 HMAC of {@code {webhook-id}.{webhook-timestamp}.{body}}. The signed time lets a receiver refuse a
 *   captured request sent again later (the specification suggests a tolerance of five minutes) and the id lets it
 *   drop one sent again within that time. The key is the secret's UTF-8 bytes, or, for a secret in the
 *   specification's own form {@code whsec_<base64>}, the bytes it encodes, so its libraries verify as they are.</li>
 *   <li>{@link #HEADER} ({@code X-Newsflow-Signature}): {@code sha256=} and the lower-case hex HMAC of the exact body
 *   bytes, keyed with the secret's UTF-8 bytes; kept for receivers written against it. It signs no time, so it
 *   cannot tell a replay from a delivery.</li>
 * </ul>
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Newsflow-Signature";
    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String STANDARD_HEADER = "webhook-signature";
    static final String PREFIX = "sha256=";
    static final String STANDARD_SECRET_PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** {@link #HEADER}'s value: the body alone, keyed with the secret's UTF-8 bytes. */
    public static String sign(String secret, byte[] body) {
        Mac mac = mac(secret.getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** {@link #STANDARD_HEADER}'s value for a request with this id, sent at this time (Unix seconds). */
    public static String signStandard(String secret, String id, long timestampSeconds, byte[] body) {
        Mac mac = mac(standardKey(secret));
        mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static byte[] standardKey(String secret) {
        if (secret.startsWith(STANDARD_SECRET_PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(STANDARD_SECRET_PREFIX.length()));
            } catch (IllegalArgumentException notBase64) {
                // a secret that merely starts like one: its text is the key, as for any other secret
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, e);
        }
    }
}
