package dev.launchc.rules.cluster;

/** One semantic check over the internal cluster model. */
public interface ClusterRule {
    void check(ClusterRuleContext ctx);
}
