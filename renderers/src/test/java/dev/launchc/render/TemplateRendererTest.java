package dev.launchc.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.plan.FileContent;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
    @Test
    void containerdTemplateIsByteExactForEveryTrack() {
        for (String name : Catalog.get().tracks()) {
            Track track = Catalog.get().track(name).orElseThrow();
            String rendered = TemplateRenderer.render(new FileContent.ContainerdTemplate(track.pauseImage()));
            assertEquals(track.defaultArgs().get("containerd-template.toml"), rendered, "track " + name);
        }
    }

    @Test
    void stockCsrTemplateIsByteExactForEveryTrack() {
        for (String name : Catalog.get().tracks()) {
            Track track = Catalog.get().track(name).orElseThrow();
            String rendered = TemplateRenderer.render(new FileContent.CsrConf(false,
                    List.of("kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster",
                            "kubernetes.default.svc.cluster.local"),
                    List.of("127.0.0.1", "10.152.183.1")));
            assertEquals(track.csrTemplate(), rendered, "track " + name);
        }
    }

    @Test
    void generatedCsrNumbersFromZeroAsTheClusterAgentDoes() {
        String rendered = TemplateRenderer.render(new FileContent.CsrConf(true,
                List.of("kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster",
                        "kubernetes.default.svc.cluster.local", "microk8s.example.com"),
                List.of("127.0.0.1", "10.152.183.1", "10.10.10.10")));
        assertTrue(rendered.startsWith("\n[ req ]\n"));
        assertTrue(rendered.contains("DNS.0 = kubernetes\n"));
        assertTrue(rendered.contains("DNS.5 = microk8s.example.com\n\n\nIP.0 = 127.0.0.1\n"));
        assertTrue(rendered.contains("IP.2 = 10.10.10.10\n\n#MOREIPS\n"));
    }

    @Test
    void hostileValuesCannotAddATableToHostsToml() throws Exception {
        String evil = "http://x\"]\n[host.\"http://evil\"]\ncapabilities = [\"push\"]\n#\u2028";
        String rendered = TemplateRenderer.render(new FileContent.HostsToml("https://docker.io\"\n[evil]",
                List.of(new FileContent.HostEntry(evil, List.of("pull", "resolve\"]"), "/ca\\\".pem", null, null, true, false))));
        JsonNode toml = new TomlMapper().readTree(rendered);
        assertEquals(2, toml.size(), rendered);
        assertEquals(1, toml.path("host").size(), "exactly one host table");
        assertEquals(evil, toml.path("host").fieldNames().next());
        assertEquals("https://docker.io\"\n[evil]", toml.path("server").asText());
        assertTrue(toml.path("host").path(evil).path("skip_verify").asBoolean());
    }
}
