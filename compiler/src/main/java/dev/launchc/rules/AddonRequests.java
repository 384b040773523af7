package dev.launchc.rules;

import dev.launchc.resolve.AddonRef;
import dev.launchc.catalog.Catalog;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.Part;

/** The addon entries of a native config, in the order MicroK8s runs them, with their names taken apart. */
final class AddonRequests {
    private AddonRequests() {}

    /** Receives one entry with a name; {@code addon} is what it stands for on the track (an alias's target). */
    @FunctionalInterface
    interface Visitor {
        void visit(Part part, AddonRequest request, AddonRef name, String addon);
    }

    /** Every addon entry whose name is not blank, in part and list order. */
    static void forEach(RuleContext ctx, Visitor visitor) {
        for (Part part : ctx.config().parts()) {
            for (AddonRequest a : part.addons()) {
                AddonRef an = AddonRef.parse(a.name());
                if (!an.name().isEmpty()) {
                    visitor.visit(part, a, an, Catalog.get().addonFacts(an.name()).canonical(ctx.track().name()));
                }
            }
        }
    }

    /** True when the entry names core's or community's addon (not one of a repository the config adds). */
    static boolean bundled(AddonRef an) {
        return an.repo() == null || AddonNameRule.BUNDLED.contains(an.repo());
    }
}
