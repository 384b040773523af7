package dev.launchc.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchc.convert.LaunchConfigVersion;
import dev.launchc.convert.LaunchConfigVersions;
import dev.launchc.lint.ClusterLinter;
import dev.launchc.lint.Linter;
import dev.launchc.schema.SchemaId;
import dev.launchc.schema.SchemaRegistry;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The description the published schema gives a key, found by walking the schema along the key's path. */
final class SchemaDocs {
    private SchemaDocs() {}

    static SchemaId schemaOf(Analysis analysis) {
        if (Linter.KIND_CLUSTER.equals(analysis.lint().kind())) {
            return ClusterLinter.SCHEMA;
        }
        // The oldest registered version that a document's version line starts with; else the newest.
        for (LaunchConfigVersion v : LaunchConfigVersions.all()) {
            if (Pattern.compile("(?m)^version:\\s*[\"']?" + Pattern.quote(v.version())).matcher(analysis.text()).find()) {
                return v.schema();
            }
        }
        return LaunchConfigVersions.newest().schema();
    }

    /** Each published schema's tree, read once: hovers come with every move of the cursor. */
    private static final java.util.Map<SchemaId, JsonNode> TREES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The (Markdown) description of the key at {@code path}, or empty when the schema has none there. */
    static Optional<String> describe(SchemaId id, List<String> path) {
        JsonNode root = TREES.computeIfAbsent(id, k -> dev.launchc.json.JsonTrees.parse(SchemaRegistry.text(k)));
        JsonNode node = resolve(root, root);
        for (String segment : path) {
            node = step(root, node, segment);
            if (node == null) {
                return Optional.empty();
            }
        }
        JsonNode text = node.has("markdownDescription") ? node.get("markdownDescription") : node.get("description");
        return text == null ? Optional.empty() : Optional.of(text.asText());
    }

    private static JsonNode step(JsonNode root, JsonNode node, String segment) {
        if ("-".equals(segment)) {
            JsonNode items = node.get("items");
            return items == null ? null : resolve(root, items);
        }
        JsonNode property = node.path("properties").get(segment);
        if (property != null) {
            return resolve(root, property);
        }
        for (String combiner : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode alternative : node.path(combiner)) {
                JsonNode found = step(root, resolve(root, alternative), segment);
                if (found != null) {
                    return found;
                }
            }
        }
        JsonNode additional = node.get("additionalProperties");
        return additional != null && additional.isObject() ? resolve(root, additional) : null;
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return current;
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
