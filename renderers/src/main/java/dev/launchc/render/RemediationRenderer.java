package dev.launchc.render;

import dev.launchc.convert.NativeV0_2Converter;
import dev.launchc.diff.Remediation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link Remediation} as a native launch config with a header comment (remediation.yaml.ftl). */
public final class RemediationRenderer {
    private RemediationRenderer() {}

    public static String render(String node, String track, Remediation r) {
        List<Map<String, Object>> args = new ArrayList<>();
        r.args().forEach((file, entries) -> {
            List<Map<String, Object>> es = new ArrayList<>();
            entries.forEach((k, v) -> {
                Map<String, Object> e = new HashMap<>();
                e.put("k", k);
                if (v != null) {
                    e.put("v", v);
                }
                es.add(e);
            });
            args.add(Map.of("key", NativeV0_2Converter.yamlKey(file), "entries", es));
        });
        Map<String, Object> model = new HashMap<>();
        model.put("node", node);
        model.put("track", track);
        model.put("version", r.version());
        model.put("changes", r.changes());
        model.put("restarts", r.restarts());
        model.put("manual", r.manual());
        model.put("args", args);
        model.put("registries", pairs(r.registries()));
        model.put("files", pairs(r.configFiles()));
        return TemplateRenderer.render("remediation.yaml.ftl", model);
    }

    private static List<Map<String, Object>> pairs(Map<String, String> map) {
        List<Map<String, Object>> out = new ArrayList<>();
        map.forEach((k, v) -> out.add(Map.of("k", k, "v", v)));
        return out;
    }
}
