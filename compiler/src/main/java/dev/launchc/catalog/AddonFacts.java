package dev.launchc.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The cross-track facts of one addon ({@code addons.<name>} of addons-extra.json): aliases,
 * dependencies, conflicts, network needs, prompts, argument specs, service args and images.
 * An addon the facts do not describe has {@link #known()} false and every list empty.
 *
 * @param repository       core or community, or "" when the facts do not say
 * @param cniReplaces      the CNI the addon replaces when enabled ({@code cni.replaces}), or null
 * @param images           the addon's images per track, in file order
 * @param imagesTxtDiffers per track, the tags MicroK8s' images.txt lists where they differ from {@code images}
 * @param imagesInferred   the tracks whose image list is inferred rather than read
 * @param imagesSource     where the image lists come from, or null
 */
public record AddonFacts(String name, boolean known, String repository, Alias aliasOf, String cniReplaces,
        List<Dependency> dependencies, List<Conflict> conflicts, List<Network> network, List<Prompt> prompts,
        List<AddonArgumentSpec> args, List<ServiceArg> serviceArgs, Map<String, List<String>> images,
        Map<String, List<String>> imagesTxtDiffers, List<String> imagesInferred, String imagesSource) {

    /**
     * The addon is another one's alias ({@code storage} for {@code hostpath-storage}).
     *
     * @param addon        the addon it stands for, or null when the facts do not name it
     * @param forwardsArgs "all", "first" or "none": which arguments the alias passes on
     */
    public record Alias(String addon, String forwardsArgs, boolean deprecated, TrackRange range) {}

    /** An addon this one requires or enables; {@code conditional} when only a condition or a flag enables it. */
    public record Dependency(String kind, String addon, boolean conditional, TrackRange range) {
        /** Required, or enabled by the enable script whatever the arguments. */
        public boolean unconditional() {
            return kind.equals("requires") || kind.equals("enables") && !conditional;
        }

        /** The dependency's name without its repository ({@code core/dns} → {@code dns}). */
        public String addonName() {
            return addon.substring(addon.indexOf('/') + 1);
        }
    }

    /** An addon this one cannot run beside; {@code reason} may be null. */
    public record Conflict(String addon, String reason) {}

    /** What enabling the addon fetches on some tracks. */
    public record Network(boolean needsInternet, List<String> fetches, List<Workaround> workarounds, List<String> issues,
            TrackRange range) {}

    /** A way to enable an addon offline; {@code note} and {@code kind} may be null. */
    public record Workaround(boolean available, List<String> flags, String note, String kind, boolean inferred) {}

    /** An interactive prompt of the addon's script for {@code action}; the texts may be null. */
    public record Prompt(String action, String what, String when, String avoid) {}

    /** A service flag enabling the addon writes ({@code value} null when it depends on the node). */
    public record ServiceArg(String service, String arg, String value, TrackRange range) {}

    static AddonFacts none(String name) {
        return new AddonFacts(name, false, "", null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Map.of(), Map.of(), List.of(), null);
    }

    static AddonFacts parse(String name, JsonNode n) {
        JsonNode alias = n.path("aliasOf");
        return new AddonFacts(name, true, n.path("repository").asText(""),
                alias.isObject() ? new Alias(text(alias, "addon"), alias.path("forwardsArgs").asText("all"),
                        alias.path("deprecated").asBoolean(false), TrackRange.of(alias)) : null,
                n.path("cni").path("replaces").asText(null),
                list(n.path("dependencies"), d -> new Dependency(d.path("kind").asText(), d.path("addon").asText(),
                        d.has("condition") || d.has("viaFlag"), TrackRange.of(d))),
                list(n.path("conflicts"), c -> new Conflict(c.path("addon").asText(), text(c, "reason"))),
                list(n.path("network"), e -> new Network(e.path("needsInternet").asBoolean(false), Catalog.strings(e.path("fetches")),
                        list(e.path("workarounds"), w -> new Workaround(w.path("available").asBoolean(true),
                                Catalog.strings(w.path("flags")), text(w, "note"), text(w, "kind"), w.path("inferred").asBoolean(false))),
                        Catalog.strings(e.path("issues")), TrackRange.of(e))),
                list(n.path("prompts"), p -> new Prompt(p.path("action").asText(), text(p, "what"), text(p, "when"), text(p, "avoid"))),
                list(n.path("args"), AddonArgumentSpec::parse),
                list(n.path("serviceArgs"), s -> new ServiceArg(s.path("service").asText(), s.path("arg").asText(),
                        text(s, "value"), TrackRange.of(s))),
                perTrack(n.path("images")), perTrack(n.path("imagesTxtDiffers")), Catalog.strings(n.path("imagesInferred")),
                text(n, "imagesSource"));
    }

    /** The addon a written reference names, without repository or colon arguments: {@code core/dns:1.1.1.1} → {@code dns}. */
    public static String baseName(String written) {
        String n = written.contains("/") ? written.substring(written.indexOf('/') + 1) : written;
        return n.contains(":") ? n.substring(0, n.indexOf(':')) : n;
    }

    /** The name the facts' {@code conflicts} entries use: {@code repository/name}, or the bare name. */
    public String fullName() {
        return repository.isEmpty() ? name : repository + "/" + name;
    }

    /** The alias fact when it holds on {@code track}, else null. */
    public Alias aliasOn(String track) {
        return aliasOf != null && aliasOf.range().holds(track) ? aliasOf : null;
    }

    /** The addon this name enables on {@code track}: the alias target when the facts say so, else the name itself. */
    public String canonical(String track) {
        Alias a = aliasOn(track);
        return a == null || a.addon() == null ? name : a.addon();
    }

    /** The args spec for {@code action} ("enable" or "disable") on {@code track}, or null when the facts have none. */
    public AddonArgumentSpec argsFor(String action, String track) {
        for (AddonArgumentSpec s : args) {
            if (s.action().equals(action) && s.range().holds(track)) {
                return s;
            }
        }
        return null;
    }

    /** The first network fact that holds on {@code track}, or null. */
    public Network networkOn(String track) {
        for (Network n : network) {
            if (n.range().holds(track)) {
                return n;
            }
        }
        return null;
    }

    /** Names of the addons the enable script enables in turn on {@code track}, with or without repository. */
    public List<String> enablesOn(String track) {
        List<String> out = new ArrayList<>();
        for (Dependency d : dependencies) {
            if ("enables".equals(d.kind()) && d.range().holds(track)) {
                out.add(d.addon());
            }
        }
        return out;
    }

    static String text(JsonNode parent, String key) {
        JsonNode v = parent.path(key);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> parse) {
        List<T> out = new ArrayList<>();
        array.forEach(e -> out.add(parse.apply(e)));
        return List.copyOf(out);
    }

    private static Map<String, List<String>> perTrack(JsonNode byTrack) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (byTrack.isObject()) {
            byTrack.fields().forEachRemaining(e -> {
                if (e.getValue().isArray()) {
                    out.put(e.getKey(), Catalog.strings(e.getValue()));
                }
            });
        }
        return Collections.unmodifiableMap(out);
    }
}
