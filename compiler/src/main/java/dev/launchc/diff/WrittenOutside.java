package dev.launchc.diff;

import dev.launchc.catalog.AddonFacts;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What MicroK8s and its addons write under {@code args/} outside any launch configuration, so a
 * difference there is shown as theirs, not as drift of the user's config.
 */
final class WrittenOutside {
    /**
     * Files MicroK8s' own scripts generate on the node, which no compile preview holds: the
     * containerd wrapper renders {@code containerd.toml} from the template (MK
     * {@code wrappers/run-containerd-with-args}, launch-config-facts §5.1); generate-cni.sh and the CNI
     * addons write {@code cni-network/} (MK {@code scripts/generate-cni.sh}, §4.6); the
     * apiserver-proxy wrapper renders {@code traefik/traefik.yaml} from its template (the path
     * named in the default {@code args/apiserver-proxy}, §5).
     */
    private static final Map<String, String> GENERATED = Map.of(
            "containerd.toml", "MicroK8s (rendered from containerd-template.toml at containerd start)",
            "cni-network/", "MicroK8s (generate-cni.sh or a CNI addon)",
            "traefik/traefik.yaml", "MicroK8s (rendered from traefik-template.yaml by apiserver-proxy)");

    /** One flag an addon sets: its value when fixed, else null (it depends on the addon's arguments). */
    private record AddonFlag(String addon, String value) {}

    private final Map<String, List<AddonFlag>> addonFlags = new HashMap<>();

    WrittenOutside(Track track) {
        for (AddonFacts addon : Catalog.get().addonFacts()) {
            for (AddonFacts.ServiceArg fact : addon.serviceArgs()) {
                if (fact.range().holds(track.name())) {
                    addonFlags.computeIfAbsent(fact.service() + "\0" + fact.arg(), k -> new ArrayList<>())
                            .add(new AddonFlag(addon.name(), fact.value()));
                }
            }
        }
    }

    /** Who writes this whole file on the node, or null. */
    String file(String path) {
        for (Map.Entry<String, String> e : GENERATED.entrySet()) {
            if (e.getKey().endsWith("/") ? path.startsWith(e.getKey()) : path.equals(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * The addon that writes {@code flag} with the node's value {@code actual} into {@code file}
     * (catalog addons-extra.json {@code serviceArgs}), or null. A flag with a fixed value counts only
     * when the node has that value; otherwise any value counts (dns takes its IP from its arguments).
     */
    String flag(String file, String flag, String actual) {
        for (AddonFlag f : addonFlags.getOrDefault(file + "\0" + flag, List.of())) {
            if (actual != null && (f.value() == null || f.value().equals(actual))) {
                return "addon " + f.addon();
            }
        }
        return null;
    }
}
