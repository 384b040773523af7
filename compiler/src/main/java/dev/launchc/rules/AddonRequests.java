package dev.launchc.rules;

import dev.launchc.resolve.AddonRef;
import dev.launchc.catalog.Catalog;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.Part;
import java.util.ArrayList;
import java.util.List;

/** The addon entries of a native config, in the order MicroK8s runs them, with their names taken apart. */
final class AddonRequests {
    private AddonRequests() {}

    /** Receives one entry with a name; {@code addon} is what it stands for on the track (an alias's target). */
    @FunctionalInterface
    interface Visitor {
        void visit(Part part, AddonRequest request, AddonRef name, String addon);
    }

    /** One entry with a name, taken apart once per lint for every rule that walks the addons. */
    record Named(Part part, AddonRequest request, AddonRef name, String addon) {}

    /** Every addon entry whose name is not blank, in part and list order. */
    static void forEach(RuleContext ctx, Visitor visitor) {
        for (Named n : ctx.addonRequests()) {
            visitor.visit(n.part(), n.request(), n.name(), n.addon());
        }
    }

    /** The entries {@link #forEach} visits, for {@link RuleContext#addonRequests()}. */
    static List<Named> named(RuleContext ctx) {
        List<Named> out = new ArrayList<>();
        for (Part part : ctx.config().parts()) {
            for (AddonRequest a : part.addons()) {
                AddonRef an = AddonRef.parse(a.name());
                if (!an.name().isEmpty()) {
                    out.add(new Named(part, a, an, Catalog.get().addonFacts(an.name()).canonical(ctx.track().name())));
                }
            }
        }
        return out;
    }

    /** True when the entry names core's or community's addon (not one of a repository the config adds). */
    static boolean bundled(AddonRef an) {
        return an.repo() == null || AddonNameRule.BUNDLED.contains(an.repo());
    }
}
