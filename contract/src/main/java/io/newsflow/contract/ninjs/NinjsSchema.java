package io.newsflow.contract.ninjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.newsflow.contract.Json;
import java.util.List;

/**
 * The official IPTC ninjs 2.1 JSON Schema ({@code ninjs/ninjs-schema_2.1.json}, copied unchanged from
 * github.com/iptc/newsinjson, specification/ninjs-schema_2.1.json; CC BY 4.0, IPTC), and validation against it.
 * The schema's one remote reference (GeoJSON for {@code places[].geojson}, which newsflow never writes) is mapped to
 * a local placeholder: nothing is fetched from the network.
 */
public final class NinjsSchema {

    /** The ninjs version the published documents follow: the {@code schema-version} header of news.published. */
    public static final String VERSION = "2.1";
    static final String RESOURCE = "ninjs/ninjs-schema_2.1.json";
    private static final JsonSchema SCHEMA = load();

    private NinjsSchema() {
    }

    /** What is wrong with a document, one line per violation; empty when it is valid ninjs 2.1. */
    public static List<String> violations(JsonNode document) {
        return SCHEMA.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    public static List<String> violations(NinjsDocument document) {
        return violations(Json.mapper().valueToTree(document));
    }

    private static JsonSchema load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(mappers -> mappers
                        .mapPrefix("https://geojson.org/schema/GeoJSON.json", "classpath:ninjs/geojson-placeholder.json")
                        .mapPrefix("http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json", "classpath:" + RESOURCE)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of("classpath:" + RESOURCE), config);
    }
}
