package io.newsflow.publish.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a subscription written as JSON, the same way wherever it comes from (the configuration or
 * {@code POST /v1/subscriptions}), and names the field that is wrong.
 */
public final class SubscriptionValidation {

    public static final int MIN_SECRET_LENGTH = 16;
    static final int MAX_SECRET_LENGTH = 1024;
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_FILTER_VALUE_LENGTH = 500;
    /** A configured subscription's id: safe in a URL path, a header and a Kafka key. */
    static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private SubscriptionValidation() {
    }

    /** What a client asks for with {@code POST /v1/subscriptions}; the id is newsflow's to give. */
    public record NewSubscription(String url, String secret, SubscriptionFilter filter) {
    }

    /** A field that is missing or wrong; {@code field} is its JSON path, e.g. {@code filter.language}. */
    public static final class InvalidField extends IllegalArgumentException {
        private final String field;

        InvalidField(String field, String message) {
            super("field '" + field + "' " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** {@code {url, secret, filter?}}, as posted to the API. */
    public static NewSubscription request(JsonNode json) {
        requireObject(json);
        allowOnly(json, List.of("url", "secret", "filter"), "a subscription has url, secret and filter "
                + "(the id is given by newsflow)");
        return new NewSubscription(url(json), secret(json), filter(json.get("filter")));
    }

    /** {@code {id, url, secret, filter?}}, as written in NEWSFLOW_WEBHOOKS or NEWSFLOW_WEBHOOKS_FILE. */
    public static Subscription configured(JsonNode json) {
        requireObject(json);
        allowOnly(json, List.of("id", "url", "secret", "filter"), "a subscription has id, url, secret and filter");
        String id = text(json, "id", "is required: 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        if (!VALID_ID.matcher(id).matches()) {
            throw new InvalidField("id", "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-' (starting with a "
                    + "letter or digit), got '" + id + "'");
        }
        return new Subscription(id, url(json), secret(json), filter(json.get("filter")), Subscription.CONFIG, null);
    }

    private static String url(JsonNode json) {
        String url = text(json, "url", "is required: the absolute http or https URL to POST articles to");
        String problem = "must be an absolute http or https URL, got '" + abbreviate(url) + "'";
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidField("url", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidField("url", problem);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidField("url", problem);
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidField("url", "must not contain credentials: the signature tells the receiver the "
                    + "request is newsflow's, and URLs are shown by GET /v1/subscriptions");
        }
        return url;
    }

    private static String secret(JsonNode json) {
        String secret = text(json, "secret", "is required: at least " + MIN_SECRET_LENGTH
                + " characters, the key each delivery is signed with (HMAC-SHA256)");
        if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            throw new InvalidField("secret", "must be " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH
                    + " characters long, got " + secret.length());
        }
        return secret;
    }

    private static SubscriptionFilter filter(JsonNode filter) {
        if (filter == null || filter.isNull()) {
            return SubscriptionFilter.NONE;
        }
        if (!filter.isObject()) {
            throw new InvalidField("filter", "must be an object with any of " + SubscriptionFilter.PROPERTIES);
        }
        for (Iterator<String> names = filter.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SubscriptionFilter.PROPERTIES.contains(name)) {
                throw new InvalidField("filter." + name, "is not known: a filter has "
                        + String.join(", ", SubscriptionFilter.PROPERTIES));
            }
        }
        return new SubscriptionFilter(filterValue(filter, "language"), filterValue(filter, "subject"),
                filterValue(filter, "person"), filterValue(filter, "organisation"), filterValue(filter, "place"));
    }

    private static String filterValue(JsonNode filter, String name) {
        JsonNode value = filter.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_FILTER_VALUE_LENGTH) {
            throw new InvalidField("filter." + name, "must be a non-empty string of at most "
                    + MAX_FILTER_VALUE_LENGTH + " characters (matched exactly)");
        }
        return value.asText();
    }

    private static String text(JsonNode json, String field, String whenMissing) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidField(field, whenMissing);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidField(field, "must be a non-empty string");
        }
        return value.asText();
    }

    private static void requireObject(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidField("(body)", "must be a JSON object");
        }
    }

    private static void allowOnly(JsonNode json, List<String> allowed, String hint) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidField(name, "is not known: " + hint);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
