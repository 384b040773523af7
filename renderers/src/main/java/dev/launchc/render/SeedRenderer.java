package dev.launchc.render;

import dev.launchc.model.internal.ServiceFile;
import dev.launchc.compile.NodeSeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A node seed as native launch-config YAML (seed.yaml.ftl). */
public final class SeedRenderer {
    private SeedRenderer() {}

    public static String render(String clusterName, NodeSeed seed) {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (NodeSeed.Part p : seed.parts()) {
            Map<String, Object> m = new HashMap<>();
            m.put("comment", p.comment());
            m.put("version", p.version());
            put(m, "token", p.persistentClusterToken());
            put(m, "joinUrl", p.joinUrl());
            m.put("worker", p.worker());
            put(m, "sans", p.extraSANs());
            m.put("args", argMaps(p.args()));
            List<Map<String, Object>> registries = new ArrayList<>();
            p.registries().forEach((ns, toml) -> registries.add(Map.of("k", ns, "v", TemplateRenderer.render(toml))));
            m.put("registries", registries);
            List<Map<String, Object>> addons = new ArrayList<>();
            for (NodeSeed.Addon a : p.addons()) {
                addons.add(Map.of("name", a.name(), "args", a.args(), "disable", a.disable()));
            }
            m.put("addons", addons);
            List<Map<String, Object>> repos = new ArrayList<>();
            for (NodeSeed.Repository r : p.repositories()) {
                Map<String, Object> rm = new HashMap<>();
                rm.put("name", r.name());
                rm.put("url", r.url());
                put(rm, "reference", r.reference());
                repos.add(rm);
            }
            m.put("repositories", repos);
            parts.add(m);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("cluster", clusterName);
        model.put("node", seed.node());
        model.put("parts", parts);
        return TemplateRenderer.render("seed.yaml.ftl", model);
    }

    /** Flag maps as the templates list them: per file its YAML key and its entries (no "v" for a null that removes the key). */
    static List<Map<String, Object>> argMaps(Map<ServiceFile, Map<String, String>> maps) {
        List<Map<String, Object>> args = new ArrayList<>();
        maps.forEach((file, entries) -> {
            List<Map<String, Object>> es = new ArrayList<>();
            entries.forEach((k, v) -> {
                Map<String, Object> e = new HashMap<>();
                e.put("k", k);
                put(e, "v", v);
                es.add(e);
            });
            args.add(Map.of("key", file.nativeKey(), "entries", es));
        });
        return args;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
