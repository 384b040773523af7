package dev.launchc.lint;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.convert.ClusterV1alpha1Converter;
import dev.launchc.diag.Code;
import dev.launchc.diag.Reporter;
import dev.launchc.load.LoadedFile;
import dev.launchc.load.YDocument;
import dev.launchc.load.YMap;
import dev.launchc.load.YScalar;
import dev.launchc.load.YSeq;
import dev.launchc.model.bind.RecordBinder;
import dev.launchc.model.cluster.v1alpha1.ClusterV1alpha1;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.rules.Rule;
import dev.launchc.rules.RuleContext;
import dev.launchc.rules.cluster.ClusterRule;
import dev.launchc.rules.cluster.ClusterRuleContext;
import dev.launchc.schema.SchemaCheck;
import dev.launchc.schema.SchemaId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A cluster file through the pipeline: schema, versioned model, internal cluster model, rules. */
public final class ClusterLinter {
    public static final SchemaId SCHEMA = new SchemaId("cluster", "v1alpha1");

    private ClusterLinter() {}

    /** The result: the cluster and the track it was checked against, or a null cluster when it could not be read. */
    public record Result(Cluster cluster, Track track) {}

    /**
     * @param target the track from the command line
     * @param targetExplicit true when --target was given: it then wins over spec.microk8s
     * @param maxNodes most entries in spec.nodes (LoadLimits.maxClusterNodes)
     */
    public static Result lint(LoadedFile file, Track target, boolean targetExplicit, int maxNodes, Reporter reporter) {
        List<YDocument> docs = file.documents().stream().filter(d -> !d.isEmpty()).toList();
        if (docs.size() != 1) {
            reporter.report(Code.TYPE_MISMATCH, docs.size() > 1 ? docs.get(1).start() : null, "",
                    "a cluster file holds exactly one document, not " + docs.size(), "split it into one file per cluster");
            return new Result(null, target);
        }
        YDocument doc = docs.get(0);
        // Before the schema: every node costs a seed, a lint and its files, and the schema check alone is per node.
        if (doc.at("/spec/nodes") instanceof YSeq nodes && nodes.items().size() > maxNodes) {
            reporter.report(Code.LIMIT_EXCEEDED, doc.keyPos("/spec/nodes"), "/spec/nodes", "the cluster has "
                    + nodes.items().size() + " nodes; the limit is " + maxNodes,
                    "raise it with --max-cluster-nodes if the cluster really has this many nodes");
            return new Result(null, target);
        }
        boolean wellFormed = new SchemaCheck(SCHEMA, Map.of()).check(doc, reporter);
        if (!(doc.root() instanceof YMap)) {
            return new Result(null, target);
        }
        if (!wellFormed) {
            // Schema errors must not hide the rest of the file's mistakes: the parts that bind are
            // judged too, in the same run. Values of the wrong shape bound to null; a rule that
            // cannot judge such a model stays silent (its input is already reported), and the
            // cluster is not handed on, so nothing compiles from it.
            try {
                judge(doc, target, targetExplicit, reporter);
            } catch (RuntimeException e) {
                // the schema findings stand for this part of the file
            }
            return new Result(null, target);
        }
        return judge(doc, target, targetExplicit, reporter);
    }

    private static Result judge(YDocument doc, Track target, boolean targetExplicit, Reporter reporter) {
        Cluster cluster = ClusterV1alpha1Converter.toInternal(doc, RecordBinder.bind(doc.root(), ClusterV1alpha1.class));
        Track track = target;
        if (cluster.track() != null && !targetExplicit) {
            var named = Catalog.get().track(cluster.track().text());
            if (named.isEmpty()) {
                reporter.report(Code.UNKNOWN_TRACK, doc.valuePos("/spec/microk8s"), "/spec/microk8s",
                        "MicroK8s track '" + cluster.track().text() + "' is not in the catalog",
                        "use one of " + String.join(", ", Catalog.get().tracks()));
                return new Result(null, target);
            }
            track = named.get();
        }
        ClusterRuleContext ctx = new ClusterRuleContext(cluster, track, reporter);
        for (ClusterRule rule : RuleSet.clusterRules()) {
            rule.check(ctx);
        }
        checkServiceArgs(cluster, track, reporter);
        return new Result(cluster, track);
    }

    /**
     * The native rules that judge service maps and addon names, over a view of the file as
     * launch-config parts whose pointers lead into the cluster file.
     */
    private static void checkServiceArgs(Cluster cluster, Track track, Reporter reporter) {
        List<Part> parts = new ArrayList<>();
        for (Map<ServiceFile, List<ArgEntry>> services : cluster.serviceMaps()) {
            if (!services.isEmpty()) {
                parts.add(Part.builder(parts.size(), cluster.source()).serviceArgs(services, Map.of()).build());
            }
        }
        parts.add(Part.builder(parts.size(), cluster.source()).addons(cluster.addons(), cluster.addonRepositories()).build());
        List<dev.launchc.model.internal.Value> sans = new ArrayList<>(cluster.extraSANs());
        cluster.nodes().forEach(n -> sans.addAll(n.extraSANs()));
        if (!sans.isEmpty()) {
            parts.add(Part.builder(parts.size(), cluster.source()).extraSANs(sans, "/spec/extraSANs").build());
        }
        RuleContext ctx = new RuleContext(new LaunchConfig(cluster.source().toString(), "cluster", parts), track,
                Catalog.get().kube(track.kubernetesMinor()).orElse(null), reporter, ClusterV1alpha1Converter::servicesKey);
        for (Rule rule : RuleSet.clusterViewRules()) {
            rule.check(ctx);
        }
    }

    /** True when the document declares itself a launchc cluster file. */
    static boolean isCluster(YDocument doc) {
        return doc.root() instanceof YMap m && m.get("apiVersion") instanceof YScalar s
                && s.text().startsWith("launchc.dev/");
    }
}
