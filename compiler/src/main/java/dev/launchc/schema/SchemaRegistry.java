package dev.launchc.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.launchc.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas packaged from {@code schema/}, each parsed and compiled once per process. Which ones
 * are published is {@code Linter.publishedSchemas()}: the launch-config versions' and the others.
 */
public final class SchemaRegistry {
    private static final Map<SchemaId, JsonNode> RAW = new ConcurrentHashMap<>();
    private static final Map<SchemaId, JsonSchema> COMPILED = new ConcurrentHashMap<>();
    /** Draft-07 plus the editor annotation {@code markdownDescription}, which validates nothing. */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            b -> b.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV7())
                    .keyword(new NonValidationKeyword("markdownDescription")).build()));

    private SchemaRegistry() {}

    public static String text(SchemaId id) {
        try (InputStream in = open(id)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level property names of a schema, in its order. */
    public static java.util.List<String> propertyNames(SchemaId id) {
        java.util.List<String> names = new java.util.ArrayList<>();
        raw(id).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The schema's tree, for the checks of this package. Outside it the schema is its text
     * ({@link #text}): the reference pages and the editor's hovers read their descriptions from it.
     */
    static JsonNode raw(SchemaId id) {
        return RAW.computeIfAbsent(id, k -> {
            try (InputStream in = open(k)) {
                return JsonTrees.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static JsonSchema compiled(SchemaId id) {
        return COMPILED.computeIfAbsent(id, k -> {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(false)
                    .build();
            return FACTORY.getSchema(raw(k), config);
        });
    }

    private static InputStream open(SchemaId id) {
        InputStream in = SchemaRegistry.class.getResourceAsStream(id.resource());
        if (in == null) {
            throw new IllegalArgumentException("no schema " + id);
        }
        return in;
    }
}
