package dev.launchc.rules;

import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.model.internal.ServiceFile;
import java.util.List;

/**
 * LC1003 (UNKNOWN_FLAG) for the services that are not Kubernetes components and whose flags the
 * track's catalog lists ({@code serviceFlags}: the cluster agent, canonical/microk8s-cluster-agent
 * {@code cmd/cluster-agent.go}). Their wrapper passes every line of the args file to the binary,
 * whose flag parser (cobra) exits with "unknown flag", so the service does not start: for the
 * cluster agent, no node joins and no later launch configuration is applied. Services the catalog
 * does not list are not judged; removals (null values) delete a line and are skipped.
 */
public final class ServiceFlagRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        ctx.forEachServiceArg((part, file, e) -> {
            List<String> known = file.kind() == ServiceFile.Kind.ARGS && file.kubeComponent() == null
                    ? ctx.track().serviceFlags(file.fileName()) : List.of();
            if (!known.isEmpty() && !e.isRemoval() && KubeFlagRule.isFlagShaped(e.key()) && !known.contains(e.key())) {
                ctx.atKey(Code.UNKNOWN_FLAG, part, e.pointer(), "unknown " + file.fileName() + " flag " + e.key()
                        + ": the " + file.fileName() + " service exits with \"unknown flag\" and does not start",
                        DidYouMean.hint(e.key(), known).orElse("its flags: " + String.join(", ", known)));
            }
        });
    }
}
