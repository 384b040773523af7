package dev.launchc.render;

import dev.launchc.diff.Remediation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link Remediation} as a native launch config with a header comment (remediation.yaml.ftl). */
public final class RemediationRenderer {
    private RemediationRenderer() {}

    public static String render(String node, String track, Remediation r) {
        Map<String, Object> model = new HashMap<>();
        model.put("node", node);
        model.put("track", track);
        model.put("version", r.version());
        model.put("changes", r.changes());
        model.put("restarts", r.restarts());
        model.put("manual", r.manual());
        model.put("args", SeedRenderer.argMaps(r.args()));
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
