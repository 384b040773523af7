package dev.launchc.rules;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.Part;

/** LC1005, LC1006: the part's version must parse as semver and lie in the track's accepted range. */
public final class VersionRule implements Rule {
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
            }
        }
    }
}
