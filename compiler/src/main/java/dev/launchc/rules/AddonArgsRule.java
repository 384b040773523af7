package dev.launchc.rules;

import dev.launchc.resolve.AddonRef;
import dev.launchc.catalog.AddonArgumentSpec;
import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Code;
import dev.launchc.load.Pointers;
import dev.launchc.model.internal.AddonRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * LC1040 (ADDON_ARGS_REJECTED): the arguments of an addon of the track's core or community
 * repository that its enable or disable script rejects, judged by {@link AddonArgumentSpec} against the
 * addon facts (a malformed MetalLB range, dns nameservers that are not IP addresses, an unknown
 * option…). MicroK8s runs the addon in the full-mode pass after install; the script exits non-zero,
 * the part fails and the cluster agent retries the file forever, so the addon never comes up.
 * Addons unknown to the track are AddonNameRule's; those of a repository the config adds are not
 * described by the facts and are left alone.
 */
public final class AddonArgsRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        String track = ctx.track().name();
        AddonRequests.forEach(ctx, (part, a, an, addon) -> {
            if (ctx.track().addons().containsKey(an.name()) && AddonRequests.bundled(an)) {
                AddonArgumentSpec.check(track, use(a, an, track)).problems().forEach(p -> ctx.atValue(
                        Code.ADDON_ARGS_REJECTED, part, p.pointer(), p.message(), p.hint()));
            }
        });
    }

    /** The request as {@code microk8s enable} receives it: the colon form's arguments first, then {@code args}. */
    static AddonArgumentSpec.Use use(AddonRequest a, AddonRef an, String track) {
        String namePointer = a.pointer() + "/name";
        List<AddonArgumentSpec.Arg> args = new ArrayList<>();
        List<String> colon = AddonArgumentSpec.colonArgs(a.name());
        colon.forEach(c -> args.add(new AddonArgumentSpec.Arg(c, namePointer)));
        for (int i = 0; i < a.args().size(); i++) {
            args.add(new AddonArgumentSpec.Arg(a.args().get(i), Pointers.child(a.pointer() + "/args", i)));
        }
        return new AddonArgumentSpec.Use(an.name(), Catalog.get().addonFacts(an.name()).canonical(track), a.disable(), args, namePointer,
                !colon.isEmpty());
    }
}
