package dev.launchc.rules;

import dev.launchc.catalog.KubeFlags;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Code;
import dev.launchc.diag.Reporter;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.resolve.ResolvedConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What a rule sees: the internal model, the target track's catalog, and where findings go. */
public final class RuleContext {
    private final LaunchConfig config;
    private final Track track;
    private final KubeFlags kube;
    private final Reporter reporter;

    /** How messages name the map of a service file, as the user wrote it: a native or a cluster key. */
    private final Function<ServiceFile, String> sectionNames;

    public RuleContext(LaunchConfig config, Track track, KubeFlags kube, Reporter reporter) {
        this(config, track, kube, reporter, ServiceFile::nativeKey);
    }

    public RuleContext(LaunchConfig config, Track track, KubeFlags kube, Reporter reporter,
            Function<ServiceFile, String> sectionNames) {
        this.config = config;
        this.track = track;
        this.kube = kube;
        this.reporter = reporter;
        this.sectionNames = sectionNames;
    }

    /** The key under which the input sets {@code file}'s args: extraKubeletArgs, or services.kubelet in a cluster file. */
    public String sectionName(ServiceFile file) {
        return sectionNames.apply(file);
    }

    public LaunchConfig config() {
        return config;
    }

    public Track track() {
        return track;
    }

    /**
     * True once the file has as many findings as are listed: a rule may then skip the cost of
     * building a message (a "did you mean" search, say) and only {@link #countDropped()} it.
     */
    public boolean findingsFull() {
        return reporter.isFull();
    }

    /** Counts a finding that was not built because {@link #findingsFull()}. */
    public void countDropped() {
        reporter.countDropped();
    }

    /** Flags of the track's Kubernetes minor; null when the catalog does not cover it. */
    public KubeFlags kube() {
        return kube;
    }

    /**
     * Whether a part joins the node as a worker, which then runs no control plane (no API server,
     * controller manager or scheduler): MicroK8s' join.py marks it clustered and restarts kubelite
     * without them, reaching the control plane through apiserver-proxy ({@link Part#joinsAsWorker}).
     */
    public boolean joinsAsWorker() {
        return config.parts().stream().anyMatch(Part::joinsAsWorker);
    }

    /** The services a worker does not run, which {@code microk8s leave} starts again (scripts/wrappers/leave.py). */
    private static final java.util.Set<String> CONTROL_PLANE = java.util.Set.of("kube-apiserver", "kube-controller-manager",
            "kube-scheduler", "k8s-dqlite");

    /**
     * For a finding that stops {@code service}: when that happens. A node that joins as a worker
     * runs no control plane once joined, but it runs one before: the snap's install hook runs the
     * cluster agent's {@code init --pre-init}, which writes every args file and joins nothing
     * (pkg/k8sinit/apply.go: the join only when not preInit), and the node starts as a standalone
     * control plane until the agent applies the file again and joins. Its args files stay as written,
     * and {@code microk8s leave} (scripts/wrappers/leave.py reset_current_dqlite_worker_installation)
     * resets only the kubelet's and kube-proxy's before it restarts every service. Empty for every
     * other service and config.
     */
    public String whenItRuns(String service) {
        return CONTROL_PLANE.contains(service) && joinsAsWorker()
                ? " (this node joins as a worker, which runs no " + service
                        + " once joined; it runs with these args from install until the join, and again after microk8s leave)" : "";
    }

    /**
     * The kube-apiserver flags that a worker's join sets to the values of the node it joins
     * (MicroK8s scripts/wrappers/join.py update_apiserver, through set_arg: every line that starts
     * with the key is replaced).
     */
    private static final java.util.Set<String> SET_BY_WORKER_JOIN = java.util.Set.of("--authorization-mode", "--secure-port");

    /**
     * As {@link #whenItRuns(String)}, for the value of {@code flag} as {@code part} writes it: a
     * worker's join in that part or a later one replaces --authorization-mode and --secure-port of
     * kube-apiserver, so such a value runs only from install until the join.
     */
    public String whenItRuns(String service, String flag, Part part) {
        if ("kube-apiserver".equals(service) && SET_BY_WORKER_JOIN.contains(flag)
                && config.parts().stream().anyMatch(p -> p.index() >= part.index() && p.joinsAsWorker())) {
            return " (this node joins as a worker, which runs no kube-apiserver once joined; it runs with this value from"
                    + " install until the join, which sets " + flag + " to the joined node's value)";
        }
        return whenItRuns(service);
    }

    private ResolvedConfig resolved;

    /** The facts several rules derive from the same config (the effective cni-env, the service network), computed once per lint. */
    public ResolvedConfig resolved() {
        if (resolved == null) {
            resolved = new ResolvedConfig(config, track);
        }
        return resolved;
    }

    private List<AddonRequests.Named> addonRequests;

    /** The addon entries with a name, taken apart once per lint: several rules walk them. */
    List<AddonRequests.Named> addonRequests() {
        if (addonRequests == null) {
            addonRequests = AddonRequests.named(this);
        }
        return addonRequests;
    }

    /** Receives one value-setting entry of a Kubernetes component's args file. */
    @FunctionalInterface
    public interface KubeArgVisitor {
        void visit(Part part, String component, ArgEntry entry);
    }

    /**
     * Every entry of the five Kubernetes args files that sets a value, in part order. Removals
     * (null values) only delete a line, so nothing reaches the component and they are skipped.
     */
    public void forEachKubeArg(KubeArgVisitor visitor) {
        for (Part part : config.parts()) {
            for (Map.Entry<ServiceFile, List<ArgEntry>> files : part.serviceArgs().entrySet()) {
                String component = files.getKey().kubeComponent();
                if (component == null) {
                    continue;
                }
                for (ArgEntry e : files.getValue()) {
                    if (!e.isRemoval()) {
                        visitor.visit(part, component, e);
                    }
                }
            }
        }
    }

    /** Receives one entry of any service's args or env map, removals included. */
    @FunctionalInterface
    public interface ServiceArgVisitor {
        void visit(Part part, ServiceFile file, ArgEntry entry);
    }

    /** Every entry of every service map, in part order, removals (null values) included. */
    public void forEachServiceArg(ServiceArgVisitor visitor) {
        for (Part part : config.parts()) {
            for (Map.Entry<ServiceFile, List<ArgEntry>> files : part.serviceArgs().entrySet()) {
                for (ArgEntry e : files.getValue()) {
                    visitor.visit(part, files.getKey(), e);
                }
            }
        }
    }

    /** A finding about the value at {@code pointer} in {@code part}. */
    public void atValue(Code code, Part part, String pointer, String message, String hint) {
        reporter.report(code, part.source().valuePos(pointer), pointer, message, hint);
    }

    /** As {@link #atValue(Code, Part, String, String, String)}, with the safe fix that resolves it (null: none). */
    public void atValue(Code code, Part part, String pointer, String message, String hint, dev.launchc.diag.Fix fix) {
        reporter.report(code, part.source().valuePos(pointer), pointer, message, hint, fix);
    }

    /** A finding about the key at {@code pointer} in {@code part} (unknown or misspelt names). */
    public void atKey(Code code, Part part, String pointer, String message, String hint) {
        atKey(code, part, pointer, message, hint, null);
    }

    /** As {@link #atKey(Code, Part, String, String, String)}, with the safe fix that resolves it (null: none). */
    public void atKey(Code code, Part part, String pointer, String message, String hint, dev.launchc.diag.Fix fix) {
        reporter.report(code, part.source().keyPos(pointer), pointer, message, hint, fix);
    }
}
