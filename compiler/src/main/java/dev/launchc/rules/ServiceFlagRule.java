package dev.launchc.rules;

import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.model.internal.ServiceFile;
import java.util.List;

/**
 * LC1003 (UNKNOWN_FLAG) for the services that are not Kubernetes components and whose flags the
 * track's catalog lists ({@code serviceFlags}, per track because the binaries change: the cluster
 * agent and its apiserver-proxy command, k8s-dqlite, containerd). Their wrappers pass every word of
 * the args file to the binary, whose flag parser refuses an unknown flag (cobra: "unknown flag";
 * containerd's urfave/cli: "flag provided but not defined") and the binary exits 1, so the service
 * does not start: no joins or launch configurations for the cluster agent, no datastore for
 * k8s-dqlite, no containers for containerd, no API server for a worker's apiserver-proxy. Services
 * the catalog does not list (etcd, flanneld) are not judged; removals (null values) delete a line
 * and are skipped.
 */
public final class ServiceFlagRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        ctx.forEachServiceArg((part, file, e) -> {
            List<String> known = file.kind() == ServiceFile.Kind.ARGS && file.kubeComponent() == null
                    ? ctx.track().serviceFlags(file.fileName()) : List.of();
            if (!known.isEmpty() && !e.isRemoval() && KubeFlagRule.isFlagShaped(e.key()) && !known.contains(e.key())) {
                String service = file.fileName();
                ctx.atKey(Code.UNKNOWN_FLAG, part, e.pointer(), "unknown " + service + " flag " + e.key() + " on track "
                        + ctx.track().name() + ": " + service + " refuses unknown flags and exits, so the "
                        + service + " service does not start",
                        DidYouMean.hint(e.key(), known).orElse("its flags: " + String.join(", ", canonical(known))));
            }
        });
    }

    /**
     * The flags as their help text spells them: {@code --name} and {@code -x}. containerd's list
     * also holds {@code -name} and {@code --x}, which Go's flag parser takes as well; listing them
     * in a hint only doubles it.
     */
    private static List<String> canonical(List<String> known) {
        return known.stream().filter(f -> f.startsWith("--") ? f.length() > 3 : f.length() == 2).toList();
    }
}
