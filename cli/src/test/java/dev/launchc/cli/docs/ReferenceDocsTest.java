package dev.launchc.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed reference pages must be what the schemas and codes generate today. */
class ReferenceDocsTest {
    static final Path DOCS = Path.of(System.getProperty("launchc.repo", "..")).resolve("docs/reference");

    @Test
    void committedDocsAreNotStale() throws IOException {
        Map<String, String> pages = ReferenceDocs.pages();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = DOCS.resolve(page.getKey());
            assertTrue(Files.exists(file), file + " is missing: run ./launchc docs -o docs/reference");
            assertEquals(page.getValue(), Files.readString(file, StandardCharsets.UTF_8),
                    file + " is stale: run ./launchc docs -o docs/reference");
        }
        try (var listing = Files.list(DOCS)) {
            assertEquals(pages.size(), listing.count(), "docs/reference holds pages nothing generates any more");
        }
    }

    @Test
    void everyFieldAndEveryCodeIsDocumented() {
        Map<String, String> pages = ReferenceDocs.pages();
        String native02 = pages.get("native-0.2.0.md");
        for (String field : new String[] {"extraKubeletArgs", "extraCNIEnv", "join.url", "join.worker", "addons[].name",
            "addons[].args", "addonRepositories[].reference", "containerdRegistryConfigs"}) {
            assertTrue(native02.contains("## `" + field + "`"), field);
        }
        String cluster = pages.get("cluster-v1alpha1.md");
        for (String field : new String[] {"spec.network.ipv4.serviceCIDR", "spec.nodes[].gpu.migConfig", "spec.join.token.fromEnv",
            "spec.registries.hosts"}) {
            assertTrue(cluster.contains("## `" + field + "`"), field);
        }
        for (Code c : Code.values()) {
            assertTrue(pages.get("codes.md").contains("## " + c.id()), c.id());
        }
    }
}
