package dev.launchc.rules;

import dev.launchc.catalog.AddonFacts;
import dev.launchc.catalog.CatalogHistory;
import dev.launchc.resolve.AddonRef;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.catalog.TrackAddon;
import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.model.internal.AddonRepo;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.Part;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Addon names (not their arguments: {@link AddonArgsRule}) checked against the addons the target track bundles (its core and community
 * repositories). A name is read as {@code microk8s enable} reads it: {@code [repo/]name[:args]}.
 * Every finding points at the {@code name} value.
 *
 * <ul>
 *   <li>LC1026 (UNKNOWN_ADDON): no catalog track knows the name (MicroK8s prints "Addon … not
 *       found" and goes on, so the addon is silently missing); also a name under the wrong one of
 *       core/community, and a misspelt repository.</li>
 *   <li>LC1027 (ADDON_NOT_AVAILABLE): the name exists in other catalog tracks, not in the target.</li>
 *   <li>LC2001 (DEPRECATED_ADDON_ALIAS): a deprecated alias, e.g. {@code storage} for
 *       {@code hostpath-storage} (addons-extra.json {@code aliasOf.deprecated}).</li>
 * </ul>
 * Bare names are not checked when the config adds repositories of its own: such a repository may
 * provide them. Architecture filters are not applied: a native file does not say the node's arch.
 */
public final class AddonNameRule implements Rule {
    static final List<String> BUNDLED = List.of("core", "community");

    /** {@code [repo/]name[:args]} taken apart. */
    @Override
    public void check(RuleContext ctx) {
        Set<String> ownRepos = new HashSet<>();
        for (Part part : ctx.config().parts()) {
            for (AddonRepo r : part.addonRepositories()) {
                if (!BUNDLED.contains(r.name())) {
                    ownRepos.add(r.name());
                }
            }
        }
        for (Part part : ctx.config().parts()) {
            for (AddonRequest a : part.addons()) {
                if (!a.name().isBlank()) {
                    check(ctx, part, a, ownRepos);
                }
            }
        }
    }

    private static void check(RuleContext ctx, Part part, AddonRequest request, Set<String> ownRepos) {
        Track track = ctx.track();
        String pointer = request.pointer() + "/name";
        AddonRef an = AddonRef.parse(request.name());
        Map<String, TrackAddon> addons = track.addons();
        if (an.repo() != null && !BUNDLED.contains(an.repo())) {
            if (!ownRepos.contains(an.repo())) {
                // MicroK8s prints "Addon … not found" and goes on, so the addon is silently missing.
                ctx.atValue(Code.UNKNOWN_ADDON, part, pointer, "unknown addon repository " + an.repo() + " in " + an.repo()
                        + "/" + an.name() + ": it is neither core, community nor one that addonRepositories adds",
                        DidYouMean.closest(an.repo(), BUNDLED).map(r -> "did you mean " + r + "/" + an.name() + "?")
                                .orElse("add the repository to addonRepositories (name and url), or use core/ or community/"));
            }
            return;
        }
        if (an.repo() == null && !ownRepos.isEmpty()) {
            checkAlias(ctx, part, pointer, an, addons);
            return;
        }
        TrackAddon addon = addons.get(an.name());
        if (addon != null && an.repo() != null && !an.repo().equals(addon.repository())) {
            String real = addon.repository();
            ctx.atValue(Code.UNKNOWN_ADDON, part, pointer, "unknown addon " + an.repo() + "/" + an.name() + ": "
                    + an.name() + " is in the " + real + " repository on " + track.name(),
                    "use " + real + "/" + an.name());
            return;
        }
        if (addon != null) {
            checkAlias(ctx, part, pointer, an, addons);
            return;
        }
        List<String> elsewhere = new ArrayList<>();
        for (String t : Catalog.get().tracks()) {
            if (!t.equals(track.name()) && Catalog.get().track(t).map(o -> o.addons().containsKey(an.name())).orElse(false)) {
                elsewhere.add(t);
            }
        }
        if (!elsewhere.isEmpty()) {
            ctx.atValue(Code.ADDON_NOT_AVAILABLE, part, pointer, an.name() + " is not available on " + track.name()
                    + " (available " + CatalogHistory.trackSpan(elsewhere) + ")", substitute(an, track));
            return;
        }
        Set<String> names = new TreeSet<>();
        addons.forEach((n, a) -> {
            if (an.repo() == null || an.repo().equals(a.repository())) {
                names.add(n);
            }
        });
        ctx.atValue(Code.UNKNOWN_ADDON, part, pointer, "unknown addon " + an.written(an.name()) + " on " + track.name(),
                DidYouMean.closest(an.name(), names).map(n -> "did you mean " + an.written(n) + "?").orElse(null));
    }

    /** LC2001 for a deprecated alias that the target track has. */
    private static void checkAlias(RuleContext ctx, Part part, String pointer, AddonRef an, Map<String, TrackAddon> addons) {
        if (!addons.containsKey(an.name())) {
            return;
        }
        AddonFacts.Alias alias = Catalog.get().addonFacts(an.name()).aliasOn(ctx.track().name());
        if (alias == null || !alias.deprecated()) {
            return;
        }
        String target = alias.addon() == null ? "" : alias.addon();
        ctx.atValue(Code.DEPRECATED_ADDON_ALIAS, part, pointer, an.written(an.name()) + " is a deprecated alias of "
                + target + " on " + ctx.track().name(), "use " + an.written(target));
    }

    /** An addon of the target track that the catalog records as an alias of the missing one (gpu for nvidia). */
    private static String substitute(AddonRef an, Track track) {
        for (String n : track.addons().keySet()) {
            AddonFacts.Alias alias = Catalog.get().addonFacts(n).aliasOf();
            if (alias != null && an.name().equals(alias.addon())) {
                return "on " + track.name() + " the " + an.written(n) + " addon fills this role (its arguments differ)";
            }
        }
        return null;
    }
}
