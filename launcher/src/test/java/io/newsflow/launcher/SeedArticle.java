package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.contract.Json;
import java.nio.file.Path;

/** The quick start's sample article and what its published ninjs document must say. */
final class SeedArticle {

    static final Path SEEDS = Path.of("..", "seeds");
    static final Path FILE = SEEDS.resolve("000_d5f5171de51368a9.txt");
    static final String URI = "urn:newsflow:article:000_d5f5171de51368a9";
    static final String HEADLINE = "Russia reset: On the U.S., Russia, their first major diplomatic interaction";
    static final String BODY_START = "The talks between U.S. and Russian officials in Riyadh";

    private SeedArticle() {
    }

    /** Checks one printed line is the seed's ninjs document; returns it parsed. */
    static JsonNode assertIsSeedDocument(String line) throws Exception {
        JsonNode document = Json.mapper().readTree(line);
        assertThat(document.get("uri").asText()).isEqualTo(URI);
        assertThat(document.get("version").asText()).isEqualTo("1");
        assertThat(document.get("type").asText()).isEqualTo("text");
        assertThat(document.get("headlines").get(0).get("role").asText()).isEqualTo("main");
        assertThat(document.get("headlines").get(0).get("value").asText()).isEqualTo(HEADLINE);
        JsonNode body = document.get("bodies").get(0);
        assertThat(body.get("role").asText()).isEqualTo("main");
        assertThat(body.get("contenttype").asText()).isEqualTo("text/plain");
        assertThat(body.get("value").asText()).startsWith(BODY_START).doesNotContain(HEADLINE);
        assertThat(body.get("wordcount").asInt()).isEqualTo(423);
        assertThat(body.get("charcount").asInt()).isEqualTo(2611);
        assertThat(line).doesNotContain("[ad_");
        assertThat(document.get("firstcreated").asText()).isNotBlank();
        assertThat(document.get("versioncreated").asText()).isNotBlank();
        return document;
    }

    /** The document without its timestamps: what must be equal between two ways of making it. */
    static JsonNode withoutTimes(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.remove("firstcreated");
        copy.remove("versioncreated");
        return copy;
    }
}
