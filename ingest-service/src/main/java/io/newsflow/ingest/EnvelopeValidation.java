package io.newsflow.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import io.newsflow.contract.Outcome;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Checks the JSON envelope's fields before anything is acknowledged, naming the field that is wrong. Fields it does
 * not know are left in the payload untouched (enrich keeps them as {@code extra}): a newer sender is not an error.
 */
final class EnvelopeValidation {

    static final List<String> TEXT_FIELDS = List.of("title", "author", "source", "idempotencyKey", "id");
    static final List<String> TIME_FIELDS = List.of("publishedAt", "embargoedUntil");
    /** {@code withheld} is not offered: newsflow has no way yet to hold an article until a later usable version. */
    static final Set<String> PUBSTATUSES = Set.of("usable", "canceled");
    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private EnvelopeValidation() {
    }

    static Outcome<JsonNode> validate(String payload) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(payload);
        } catch (JacksonException e) {
            return Outcome.rejected("malformed-json", "the JSON envelope cannot be parsed: " + e.getOriginalMessage()
                    + location(e));
        }
        if (json == null || !json.isObject()) {
            return Outcome.rejected("invalid-envelope", "the JSON envelope must be an object with at least 'body'");
        }
        JsonNode body = json.get("body");
        boolean retraction = json.path("pubstatus").asText("").equals("canceled");
        if (retraction && (body == null || body.isNull())) {
            return Outcome.accepted(json); // a kill request names the article (id) and needs no text
        }
        if (body == null || body.isNull()) {
            return invalid("missing-field", "body", "is required: the article's text or HTML");
        }
        if (!body.isTextual() || body.asText().isBlank()) {
            return invalid("invalid-field", "body", "must be a non-empty string");
        }
        for (String field : TEXT_FIELDS) {
            JsonNode value = json.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                return invalid("invalid-field", field, "must be a string, got " + value.getNodeType()
                        .toString().toLowerCase());
            }
        }
        JsonNode key = json.get("idempotencyKey");
        if (key != null && key.isTextual() && key.asText().length() > MAX_IDEMPOTENCY_KEY) {
            return invalid("invalid-field", "idempotencyKey", "must be at most " + MAX_IDEMPOTENCY_KEY
                    + " characters");
        }
        for (String field : TIME_FIELDS) {
            JsonNode value = json.get(field);
            if (value != null && !value.isNull() && !isTimestamp(value)) {
                return invalid("invalid-field", field, "must be an ISO-8601 date-time with offset, e.g. "
                        + "2026-11-24T09:00:00Z; got " + value);
            }
        }
        JsonNode url = json.get("url");
        if (url != null && !url.isNull() && !isWebUrl(url)) {
            return invalid("invalid-field", "url", "must be an absolute http or https URL; got " + url);
        }
        JsonNode language = json.get("language");
        if (language != null && !language.isNull()
                && !(language.isTextual() && language.asText().matches("[a-zA-Z]{2}(-[a-zA-Z0-9]{2,8})*"))) {
            return invalid("invalid-field", "language", "must be an ISO 639-1 code such as \"en\"; got " + language);
        }
        JsonNode pubstatus = json.get("pubstatus");
        if (pubstatus != null && !pubstatus.isNull()
                && !(pubstatus.isTextual() && PUBSTATUSES.contains(pubstatus.asText()))) {
            return invalid("invalid-field", "pubstatus", "must be one of " + PUBSTATUSES + "; got " + pubstatus);
        }
        return Outcome.accepted(json);
    }

    private static Outcome<JsonNode> invalid(String error, String field, String problem) {
        return Outcome.rejected(error, "field '" + field + "' " + problem);
    }

    private static boolean isTimestamp(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            OffsetDateTime.parse(value.asText());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isWebUrl(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            URI uri = new URI(value.asText());
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
