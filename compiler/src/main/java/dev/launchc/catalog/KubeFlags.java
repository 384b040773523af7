package dev.launchc.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The flags of each Kubernetes component and the feature gates of one minor. */
public final class KubeFlags {
    /** A flag as a component accepts it. */
    public record Flag(String name, String type, boolean deprecated, boolean upstreamOnly) {
        public boolean isBool() {
            return "bool".equals(type);
        }
    }

    /** A feature gate in this minor. */
    public record Gate(String name, String stage, boolean defaultValue, boolean locked) {}

    private final String minor;
    private final Map<String, Map<String, Flag>> byComponent = new HashMap<>();
    private final Map<String, Gate> gates = new HashMap<>();
    private final Map<String, String> shorthands = new HashMap<>();

    KubeFlags(JsonNode data) {
        this.minor = data.path("minor").asText();
        data.path("components").fields().forEachRemaining(c -> {
            Map<String, Flag> flags = new HashMap<>();
            c.getValue().path("flags").fields().forEachRemaining(f -> {
                JsonNode v = f.getValue();
                Flag flag = new Flag(f.getKey(), v.path("type").asText(""), v.path("deprecated").asBoolean(false),
                        v.path("upstreamOnly").asBoolean(false));
                flags.put(normalize(f.getKey()), flag);
            });
            byComponent.put(c.getKey(), flags);
        });
        data.path("featureGates").fields().forEachRemaining(g -> gates.put(g.getKey(), new Gate(g.getKey(),
                g.getValue().path("stage").asText(""), g.getValue().path("default").asBoolean(false),
                g.getValue().path("locked").asBoolean(false))));
        data.path("shorthands").fields().forEachRemaining(s -> shorthands.put(s.getKey(), s.getValue().asText()));
    }

    public String minor() {
        return minor;
    }

    /** Flags are matched with '_' and '-' as equal, as component-base's normaliser does. */
    public static String normalize(String flag) {
        return flag.replace('_', '-');
    }

    /** The flag a key names for a component, resolving shorthands such as {@code -v}. */
    public Flag flag(String component, String key) {
        Map<String, Flag> flags = byComponent.getOrDefault(component, Map.of());
        String name = shorthands.getOrDefault(key, key);
        return flags.get(normalize(name));
    }

    public Set<String> flagNames(String component) {
        Set<String> names = new TreeSet<>();
        byComponent.getOrDefault(component, Map.of()).values().forEach(f -> names.add(f.name()));
        return Collections.unmodifiableSet(names);
    }

    public Gate gate(String name) {
        return gates.get(name);
    }

    public List<String> gateNames() {
        return List.copyOf(new TreeSet<>(gates.keySet()));
    }
}
