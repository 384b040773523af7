package dev.launchc.rules;

import dev.launchc.resolve.Semver;
import dev.launchc.diag.Code;
import dev.launchc.diag.Fix;
import dev.launchc.diag.Pos;
import dev.launchc.load.YNode;
import dev.launchc.load.YScalar;
import dev.launchc.model.internal.Part;

/**
 * LC1005, LC1006: the part's version must parse as semver and lie in the track's accepted range.
 * LC0032 (info): a part below 0.2.0 that uses a key which first shipped with the 0.2.0 parser
 * (extraCNIEnv, extraFIPSEnv; reference launch-config-facts §2): MicroK8s 1.28 and later read it
 * alike, since fields are not gated by version, but the version no longer says what the file needs.
 * Fixed by the same rewrite as {@code launchc migrate}: {@link #upgradeFix}.
 */
public final class VersionRule implements Rule {
    static final Semver V0_2_0 = Semver.parse("0.2.0");
    private static final java.util.List<String> KEYS_OF_0_2 = java.util.List.of("extraCNIEnv", "extraFIPSEnv");

    /**
     * The edit that rewrites a version scalar below 0.2.0 as 0.2.0, in place (a quoted version keeps
     * its quotes), or null when the node is no such version.
     */
    public static Fix upgradeFix(YNode node) {
        if (!(node instanceof YScalar s) || s.text().contains("\n")) {
            return null;
        }
        Semver v = Semver.parse(s.text());
        if (v == null || v.compareTo(V0_2_0) >= 0) {
            return null;
        }
        Pos start = s.plain() ? s.pos() : new Pos(s.pos().line(), s.pos().column() + 1);
        return Fix.replace("rewrite version " + s.text() + " as 0.2.0", start, s.text(), "0.2.0");
    }

    @Override
    public void check(RuleContext ctx) {
        Semver min = Semver.parse(ctx.track().launchConfigMin());
        Semver max = Semver.parse(ctx.track().launchConfigMax());
        for (Part part : ctx.config().parts()) {
            if (part.version() == null) {
                if (part.source() != null && part.source().at("/version") != null) {
                    // yaml.v2 reads a null version (version:, ~, null, NULL) into the string field as "";
                    // pkg/k8sinit/schema.go skips the part only when nothing else is set either.
                    ctx.atValue(Code.BAD_VERSION, part, "/version", "'version' is null, which MicroK8s reads as an empty"
                            + " version; it rejects a part that sets anything else without a version",
                            "write 'version: " + ctx.track().launchConfigMax() + "'");
                    continue;
                }
                ctx.atValue(Code.BAD_VERSION, part, "", "'version' is missing; MicroK8s requires it in every non-empty part",
                        "add 'version: " + ctx.track().launchConfigMax() + "' at the top of the part");
                continue;
            }
            String text = part.version().text();
            Semver v = Semver.parse(text);
            if (v == null) {
                ctx.atValue(Code.BAD_VERSION, part, "/version", "version '" + text + "' is not a semantic version (MAJOR.MINOR.PATCH)",
                        "write it as " + ctx.track().launchConfigMax());
            } else if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                ctx.atValue(Code.VERSION_OUT_OF_RANGE, part, "/version", "version " + text + " is outside "
                        + ctx.track().launchConfigMin() + "–" + ctx.track().launchConfigMax()
                        + ", the range MicroK8s " + ctx.track().name() + " accepts",
                        v.compareTo(max) > 0 ? "use version " + ctx.track().launchConfigMax() + " or a newer --target"
                                : "use version " + ctx.track().launchConfigMin());
            } else if (v.compareTo(V0_2_0) < 0 && max.compareTo(V0_2_0) >= 0) {
                String newer = KEYS_OF_0_2.stream().filter(k -> part.source().at("/" + k) != null).findFirst().orElse(null);
                if (newer != null) {
                    ctx.atValue(Code.VERSION_BELOW_KEYS, part, "/version", "version " + text + " with " + newer
                            + ", a key that first shipped with the 0.2.0 parser (MicroK8s 1.28); MicroK8s 1.27 would ignore it",
                            "write version 0.2.0 (launchc migrate or lint --fix)", upgradeFix(part.source().at("/version")));
                }
            }
        }
    }
}
