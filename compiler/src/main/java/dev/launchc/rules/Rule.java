package dev.launchc.rules;

/** One semantic check over the internal model. Rules are small, stateless and independent. */
public interface Rule {
    void check(RuleContext ctx);
}
