package dev.launchc.rules;

import dev.launchc.catalog.CatalogHistory;
import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.model.internal.ServiceFile;
import java.util.List;
import java.util.Map;

/**
 * LC1003 (UNKNOWN_FLAG) for the services that are not Kubernetes components and whose flags the
 * track's catalog lists ({@code serviceFlags}, per track because the binaries change: the cluster
 * agent and its apiserver-proxy command, k8s-dqlite, containerd, etcd, flanneld). Their wrappers
 * pass every word of the args file to the binary, whose flag parser refuses an unknown flag (cobra:
 * "unknown flag"; Go's flag package in containerd, etcd and flanneld: "flag provided but not
 * defined") and the binary exits, so the service does not start: no joins or launch configurations
 * for the cluster agent, no datastore for k8s-dqlite or etcd, no containers for containerd, no way
 * to the API server for a worker's apiserver-proxy, no pod network for flanneld. Removals (null
 * values) delete a line and are skipped.
 */
public final class ServiceFlagRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        ctx.forEachServiceArg((part, file, e) -> {
            List<String> known = file.kind() == ServiceFile.Kind.ARGS && file.kubeComponent() == null
                    ? ctx.track().serviceFlags(file.fileName()) : List.of();
            if (!known.isEmpty() && !e.isRemoval() && KubeFlagRule.isFlagShaped(e.key()) && !known.contains(e.key())) {
                if (ctx.findingsFull()) {
                    // the hint searches up to 155 etcd flags and every track: skip it for a flood
                    ctx.countDropped();
                    return;
                }
                String service = file.fileName();
                ctx.atKey(Code.UNKNOWN_FLAG, part, e.pointer(), "unknown " + service + " flag " + e.key() + " on track "
                        + ctx.track().name() + ": " + service + " refuses unknown flags and exits, so the "
                        + service + " service does not start" + WHEN_IT_RUNS.getOrDefault(service, "") + ctx.whenItRuns(service),
                        hint(ctx.track().name(), service, e.key(), known));
            }
        });
    }

    /**
     * The services that run only on some nodes: MicroK8s' install hook marks etcd and flanneld not
     * to start ({@code var/lock/no-etcd}, {@code no-flanneld}, which their wrappers read; snap/hooks/install)
     * because the ha-cluster addon, on by default, runs k8s-dqlite and Calico instead. Disabling the
     * addon starts them with the args file as written, so a bad flag there still breaks the node.
     */
    private static final Map<String, String> WHEN_IT_RUNS = Map.of(
            "etcd", " (etcd runs when the ha-cluster addon is disabled)",
            "flanneld", " (flanneld runs when the ha-cluster addon is disabled)");

    /**
     * Beyond this many flags the hint points to the help text instead of listing them: k8s-dqlite's
     * up to 29 are still listed, flanneld's 32 or 33 and etcd's 122 to 155 are not.
     */
    private static final int LISTED_FLAGS_MAX = 30;

    /**
     * A flag that the service has on other tracks is no typo (etcd's --enable-v2 up to 1.33): say
     * where it exists rather than suggest an unrelated flag. Otherwise a did-you-mean, or the flags.
     */
    private static String hint(String track, String service, String key, List<String> known) {
        List<String> elsewhere = Catalog.get().tracks().stream().filter(t -> !t.equals(track))
                .filter(t -> Catalog.get().track(t).map(o -> o.serviceFlags(service).contains(key)).orElse(false))
                .toList();
        if (!elsewhere.isEmpty()) {
            return service + " takes " + key + " " + CatalogHistory.trackSpan(elsewhere)
                    + " only: drop it, or lint for the track you install (--target)";
        }
        return DidYouMean.hint(key, known).orElseGet(() -> flagList(service, canonical(known)));
    }

    private static String flagList(String service, List<String> flags) {
        return flags.size() <= LISTED_FLAGS_MAX ? "its flags: " + String.join(", ", flags)
                : "no flag of " + service + " is close; `" + service + " --help` lists its " + flags.size() + " flags";
    }

    /**
     * The flags as their help text spells them: {@code --name} and {@code -x}. The lists of the
     * services that parse with Go's flag package also hold {@code -name} and {@code --x}, which that
     * parser takes as well; listing them in a hint only doubles it.
     */
    private static List<String> canonical(List<String> known) {
        return known.stream().filter(f -> f.startsWith("--") ? f.length() > 3 : f.length() == 2).toList();
    }
}
