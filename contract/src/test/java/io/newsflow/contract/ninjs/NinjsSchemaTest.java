package io.newsflow.contract.ninjs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.contract.Json;
import io.newsflow.contract.ninjs.NinjsDocument.AltId;
import io.newsflow.contract.ninjs.NinjsDocument.Association;
import io.newsflow.contract.ninjs.NinjsDocument.Body;
import io.newsflow.contract.ninjs.NinjsDocument.Description;
import io.newsflow.contract.ninjs.NinjsDocument.Entity;
import io.newsflow.contract.ninjs.NinjsDocument.Headline;
import io.newsflow.contract.ninjs.NinjsDocument.Subject;
import java.util.List;
import org.junit.jupiter.api.Test;

class NinjsSchemaTest {

    private static final NinjsDocument FULL = new NinjsDocument("urn:newsflow:article:a1", "2", "text", "usable", "en",
            List.of(new Headline("main", "text/plain", "Talks in Riyadh")),
            List.of(new Body("main", "text/plain", "The talks began.", 3, 16)),
            "2026-11-24T09:00:00Z", "2026-11-24T09:00:01Z",
            List.of(new Entity("Marco Rubio", null, null)), List.of(new Entity("NATO", null, null)),
            List.of(new Entity("Riyadh", null, null)),
            List.of(new Subject("politics", "http://cv.iptc.org/newscodes/mediatopic/11000000", "about", 100),
                    new Subject("peace talks", null, "keyword", null)),
            "2026-11-23T10:00:00Z", "2026-11-25T00:00:00Z", "By Jane Doe", "Riyadh",
            List.of(new Description("summary", "text/plain", "The talks began.")),
            List.of(new AltId("sha256", "ab12"), new AltId("source-url", "https://example.com/a")),
            List.of(new Association("near-duplicate-of", "urn:newsflow:article:a0", "text")));

    @Test
    void acceptsEveryFieldNewsflowWrites() {
        assertThat(NinjsSchema.violations(FULL)).isEmpty();
        assertThat(NinjsSchema.violations(FULL.withPubstatus("canceled"))).isEmpty();
    }

    @Test
    void rejectsWhatNinjs21Forbids() {
        ObjectNode document = Json.mapper().valueToTree(FULL);
        document.put("pubstatus", "deleted");
        document.put("keywords", "not a ninjs field");
        ((ObjectNode) document.withArray("subjects").get(0)).put("relevance", 150);
        document.put("versioncreated", "yesterday");
        assertThat(NinjsSchema.violations(document)).hasSizeGreaterThanOrEqualTo(4).anySatisfy(message ->
                assertThat(message).contains("pubstatus")).anySatisfy(message ->
                assertThat(message).contains("keywords")).anySatisfy(message ->
                assertThat(message).contains("relevance")).anySatisfy(message ->
                assertThat(message).contains("versioncreated"));
        assertThat(NinjsSchema.violations(Json.mapper().createObjectNode())).isNotEmpty(); // uri is required
    }
}
