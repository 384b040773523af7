package dev.launchc.rules;

import dev.launchc.catalog.KubeFlags;
import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.resolve.KubeArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * LC1044 (REMOVED_ADMISSION_PLUGIN): an admission plugin in kube-apiserver's
 * {@code --enable-admission-plugins}, {@code --disable-admission-plugins} or
 * {@code --admission-control} that the track's Kubernetes minor no longer registers (catalog
 * {@code removedAdmissionPlugins}: PodSecurityPolicy from 1.25, SecurityContextDeny from 1.30,
 * PersistentVolumeLabel from 1.31). The API server validates both lists against its registered
 * plugins and refuses to start ("plugin … is unknown"), so the control plane does not come up.
 *
 * <p>LC1046 (UNKNOWN_ADMISSION_PLUGIN): any other name the minor does not register (catalog
 * {@code admissionPlugins}, from kube-apiserver's {@code AllOrderedPlugins} in
 * {@code pkg/kubeapiserver/options/plugins.go} of that release): a misspelt plugin
 * ({@code NodeRestrictions}, {@code noderestriction}: names are matched exactly), or one that only
 * a newer minor has (catalog {@code laterAdmissionPlugins}). The same refusal to start follows.
 */
public final class AdmissionPluginRule implements Rule {
    private static final Set<String> PLUGIN_LISTS = Set.of(
            "--enable-admission-plugins", "--disable-admission-plugins", "--admission-control");

    @Override
    public void check(RuleContext ctx) {
        KubeFlags kube = ctx.kube();
        if (kube == null) {
            return;
        }
        ctx.forEachKubeArg((part, component, e) -> {
            if (!"kube-apiserver".equals(component) || !PLUGIN_LISTS.contains(KubeFlags.normalize(e.key()))) {
                return;
            }
            List<String> removed = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            Set<String> registered = kube.admissionPlugins();
            for (String item : KubeArgs.kubeliteView(e.value()).split(",", -1)) {
                String plugin = item.strip();
                String since = kube.admissionPluginRemovedIn(plugin);
                if (since != null) {
                    removed.add(plugin + " (removed in " + since + ")");
                } else if (!plugin.isEmpty()) {
                    kept.add(plugin);
                    // An empty list in the catalog: the minor's plugins are not known, so none is unknown.
                    if (!registered.isEmpty() && !registered.contains(plugin)) {
                        unknown.add(plugin);
                    }
                }
            }
            for (String plugin : unknown) {
                String addedIn = kube.admissionPluginAddedIn(plugin);
                String hint = addedIn != null ? "it arrives in Kubernetes " + addedIn + ": target a track with that minor or newer,"
                        + " or remove it"
                        : DidYouMean.closest(plugin, registered).map(n -> "did you mean " + n + "? (names are matched exactly)")
                                .orElse("remove it; kube-apiserver " + kube.minor() + " registers " + String.join(", ", registered));
                ctx.atValue(Code.UNKNOWN_ADMISSION_PLUGIN, part, e.pointer(), e.key() + " names " + plugin
                        + (addedIn != null ? ", which Kubernetes " + kube.minor() + " does not have yet" : ", which is not an admission"
                                + " plugin of Kubernetes " + kube.minor())
                        + ": the API server refuses unknown admission plugins and does not start" + ctx.whenItRuns("kube-apiserver"), hint);
            }
            if (!removed.isEmpty()) {
                ctx.atValue(Code.REMOVED_ADMISSION_PLUGIN, part, e.pointer(), e.key() + " names "
                        + String.join(", ", removed) + ", which Kubernetes " + kube.minor() + " no longer has: the API"
                        + " server refuses unknown admission plugins and does not start" + ctx.whenItRuns("kube-apiserver"),
                        kept.isEmpty() ? "remove the flag" : "write " + e.key() + ": " + String.join(",", kept)
                                + (removed.stream().anyMatch(r -> r.startsWith("PodSecurityPolicy"))
                                        ? "; Pod Security Admission (PodSecurity, on by default) replaces PodSecurityPolicy" : ""));
            }
        });
    }
}
