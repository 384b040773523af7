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
    /**
     * A flag as a component accepts it; {@code defaultValue} as the upstream reference prints it, or null;
     * {@code description} the first sentence of the Kubernetes reference's text for it, or null.
     */
    public record Flag(String name, String type, boolean deprecated, boolean upstreamOnly, String deprecation, String defaultValue,
            String description) {
        public Flag(String name, String type, boolean deprecated, boolean upstreamOnly, String deprecation) {
            this(name, type, deprecated, upstreamOnly, deprecation, null, null);
        }

        public Flag(String name, String type, boolean deprecated, boolean upstreamOnly) {
            this(name, type, deprecated, upstreamOnly, null, null, null);
        }

        public boolean isBool() {
            return "bool".equals(type);
        }

        /**
         * Deprecated as a flag, slated for removal ({@code deprecation: flag-deprecated}); not the
         * kubelet's "set it via the config file instead" notice ({@code use-config-file}).
         */
        public boolean flagDeprecated() {
            return deprecated && "flag-deprecated".equals(deprecation);
        }
    }

    /** A feature gate in this minor. */
    public record Gate(String name, String stage, boolean defaultValue, boolean locked) {}

    private final String minor;
    private final Map<String, Map<String, Flag>> byComponent = new HashMap<>();
    private final Map<String, Gate> gates = new HashMap<>();
    private final Map<String, String> shorthands = new HashMap<>();
    private final Map<String, Map<String, Boolean>> gateComponentDefaults = new HashMap<>();
    private final Map<String, String> removedGates = new HashMap<>();
    private final Map<String, List<String>> gatePrefixes = new HashMap<>();
    /** "component flag" to the minor that removed it, for flags gone before the catalog's oldest minor. */
    private final Map<String, String> removedFlags = new HashMap<>();
    private final Map<String, String> removedAdmissionPlugins = new HashMap<>();
    /**
     * The names a flag's value must be one of (matched exactly): one name, or with {@code list} a
     * comma-separated list of them, each once unless {@code repeatsAllowed}; {@code emptyAllowed}:
     * an empty value means the default. {@code gatedValues}: names the component accepts only while
     * a feature gate of its own is on (value to gate), such as kube-proxy's nftables mode.
     * {@code noun}: what the names are, for a list too long to print in a message (or null).
     * {@code deprecatedValues}: names the component still takes but has deprecated, to the minor
     * that deprecated each. {@code readOnlyWithGate}: a feature gate without which the component
     * never reads the flag (the kubelet's memory manager up to 1.31), or null.
     */
    public record Choices(List<String> values, boolean list, boolean emptyAllowed, Map<String, String> gatedValues,
            boolean repeatsAllowed, String noun, Map<String, String> deprecatedValues, String readOnlyWithGate) {
        public Choices(List<String> values, boolean list, boolean emptyAllowed) {
            this(values, list, emptyAllowed, Map.of(), false, null, Map.of(), null);
        }
    }

    private final Map<String, Choices> choices = new HashMap<>();
    /**
     * A map-valued flag: {@code separator} splits each comma-separated item into key and value ("="
     * for component-base's MapStringString, "<" for its LangleSeparatedMapStringString); {@code keys}
     * the only keys the component takes, or empty when it takes any; {@code values} "quantity" when
     * each value must be a non-negative Kubernetes quantity, else null.
     */
    public record MapFlag(String separator, List<String> keys, String values) {}

    /** "component flag" to its map form. */
    private final Map<String, MapFlag> mapFlags = new HashMap<>();
    /** The --enforce-node-allocatable items the kubelet of this minor takes with --cgroups-per-qos=false. */
    private final Set<String> kubeletEnforcementsWithoutPodCgroups = new TreeSet<>();
    /** Every admission plugin kube-apiserver of this minor registers; empty when the catalog does not list them. */
    private final Set<String> admissionPlugins = new TreeSet<>();
    /** Admission plugins that newer minors register, to the minor that added each. */
    private final Map<String, String> laterAdmissionPlugins = new HashMap<>();

    KubeFlags(JsonNode data) {
        this.minor = data.path("minor").asText();
        data.path("components").fields().forEachRemaining(c -> {
            Map<String, Flag> flags = new HashMap<>();
            c.getValue().path("flags").fields().forEachRemaining(f -> {
                JsonNode v = f.getValue();
                Flag flag = new Flag(f.getKey(), v.path("type").asText(""), v.path("deprecated").asBoolean(false),
                        v.path("upstreamOnly").asBoolean(false), v.path("deprecation").asText(null),
                        v.path("default").asText(null), v.path("description").asText(null));
                flags.put(normalize(f.getKey()), flag);
            });
            byComponent.put(c.getKey(), flags);
        });
        data.path("featureGates").fields().forEachRemaining(g -> gates.put(g.getKey(), new Gate(g.getKey(),
                g.getValue().path("stage").asText(""), g.getValue().path("default").asBoolean(false),
                g.getValue().path("locked").asBoolean(false))));
        data.path("shorthands").fields().forEachRemaining(s -> shorthands.put(s.getKey(), s.getValue().asText()));
        data.path("featureGates").fields().forEachRemaining(g -> g.getValue().path("perComponent").fields()
                .forEachRemaining(c -> gateComponentDefaults.computeIfAbsent(g.getKey(), k -> new HashMap<>())
                        .put(c.getKey(), c.getValue().path("default").asBoolean(false))));
        data.path("removedFeatureGates").fields().forEachRemaining(g -> removedGates.put(g.getKey(), g.getValue().asText()));
        data.path("removedFlags").fields().forEachRemaining(c -> c.getValue().fields().forEachRemaining(
                f -> removedFlags.put(c.getKey() + " " + normalize(f.getKey()), f.getValue().asText())));
        data.path("featureGatePrefixes").fields().forEachRemaining(p -> gatePrefixes.put(p.getKey(), Catalog.strings(p.getValue())));
        data.path("removedAdmissionPlugins").fields().forEachRemaining(p -> removedAdmissionPlugins.put(p.getKey(),
                p.getValue().asText()));
        data.path("admissionPlugins").forEach(p -> admissionPlugins.add(p.asText()));
        data.path("flagValues").fields().forEachRemaining(c -> c.getValue().fields().forEachRemaining(f -> choices.put(
                c.getKey() + " " + normalize(f.getKey()), new Choices(Catalog.strings(f.getValue().path("values")),
                        f.getValue().path("list").asBoolean(false), f.getValue().path("emptyAllowed").asBoolean(false),
                        stringMap(f.getValue().path("gatedValues")), f.getValue().path("repeatsAllowed").asBoolean(false),
                        f.getValue().path("noun").asText(null), stringMap(f.getValue().path("deprecatedValues")),
                        f.getValue().path("readOnlyWithGate").asText(null)))));
        data.path("mapFlags").fields().forEachRemaining(c -> c.getValue().fields().forEachRemaining(
                f -> mapFlags.put(c.getKey() + " " + normalize(f.getKey()), new MapFlag(f.getValue().path("separator").asText(),
                        Catalog.strings(f.getValue().path("keys")), f.getValue().path("values").asText(null)))));
        data.path("kubeletEnforcementsWithoutPodCgroups").forEach(v -> kubeletEnforcementsWithoutPodCgroups.add(v.asText()));
        data.path("laterAdmissionPlugins").fields().forEachRemaining(p -> laterAdmissionPlugins.put(p.getKey(),
                p.getValue().asText()));
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new java.util.TreeMap<>();
        node.fields().forEachRemaining(v -> map.put(v.getKey(), v.getValue().asText()));
        return Map.copyOf(map);
    }

    public String minor() {
        return minor;
    }

    /** The map form of a map-valued flag, or null for any other flag. */
    public MapFlag mapFlag(String component, String flag) {
        return mapFlags.get(component + " " + normalize(shorthands.getOrDefault(flag, flag)));
    }

    /**
     * The {@code --enforce-node-allocatable} items the kubelet takes while {@code --cgroups-per-qos}
     * is false: {@code none} from 1.31, nothing before (an empty list passes in every minor).
     */
    public Set<String> kubeletEnforcementsWithoutPodCgroups() {
        return Collections.unmodifiableSet(kubeletEnforcementsWithoutPodCgroups);
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

    /** A gate's default as a component sees it (a few gates differ per component in a minor). */
    public boolean gateDefault(String name, String component) {
        Boolean own = gateComponentDefaults.getOrDefault(name, Map.of()).get(component);
        Gate gate = gates.get(name);
        return own != null ? own : gate != null && gate.defaultValue();
    }

    /** The minor that removed a flag older than the catalog's minors, or null. */
    public String flagRemovedIn(String component, String key) {
        return removedFlags.get(component + " " + normalize(key));
    }

    /** The minor that removed a gate which no longer exists in this minor, or null. */
    public String gateRemovedIn(String name) {
        return removedGates.get(name);
    }

    /** The minor that removed an admission plugin kube-apiserver of this minor no longer registers, or null. */
    public String admissionPluginRemovedIn(String name) {
        return removedAdmissionPlugins.get(name);
    }

    /** The names a component's flag takes, or null when any value is a matter for the component. */
    public Choices choices(String component, String key) {
        return choices.get(component + " " + normalize(shorthands.getOrDefault(key, key)));
    }

    /** The admission plugins kube-apiserver of this minor registers (empty: the catalog does not know them). */
    public Set<String> admissionPlugins() {
        return Collections.unmodifiableSet(admissionPlugins);
    }

    /** The newer minor that added an admission plugin this minor does not have yet, or null. */
    public String admissionPluginAddedIn(String name) {
        return laterAdmissionPlugins.get(name);
    }

    /** Component prefixes ({@code kube:Name=true}) a component accepts in {@code --feature-gates}. */
    public List<String> gatePrefixes(String component) {
        return gatePrefixes.getOrDefault(component, List.of());
    }

    public List<String> gateNames() {
        return List.copyOf(new TreeSet<>(gates.keySet()));
    }
}
