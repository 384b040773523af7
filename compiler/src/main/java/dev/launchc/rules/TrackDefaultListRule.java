package dev.launchc.rules;

import dev.launchc.resolve.CniEnv;
import dev.launchc.diag.Code;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;
import dev.launchc.resolve.KubeArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LC2012 (TRACK_DEFAULT_DROPPED): a {@code --feature-gates} or {@code --enable-admission-plugins}
 * value that leaves out items the track's default args file sets on purpose, such as
 * {@code WatchList=false} on 1.32 ("Disable the watchlist feature until k8s-dqlite can handle it")
 * or {@code EventRateLimit}. MicroK8s replaces the whole line with the new value (reference
 * launch-config-facts §4.2), so the protective items are silently gone. Feature gates compare by
 * name (writing {@code WatchList=true} is a deliberate choice and not reported), plugins by name.
 * The defaults and their comments come from the track's default args in the catalog.
 */
public final class TrackDefaultListRule implements Rule {
    /** Flags whose items MicroK8s adds to the component's own defaults rather than replacing them. */
    private static final Set<String> ADDITIVE = Set.of("--feature-gates", "--enable-admission-plugins");

    @Override
    public void check(RuleContext ctx) {
        ctx.forEachKubeArg((part, component, e) -> {
            if (ADDITIVE.contains(e.key())) {
                check(ctx, part, component, e);
            }
        });
    }

    private static void check(RuleContext ctx, Part part, String component, ArgEntry e) {
        String file = ctx.track().defaultArgs().get(component);
        if (file == null) {
            return;
        }
        String comment = null;
        String defaultValue = null;
        for (String raw : file.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith(e.key() + "=")) {
                defaultValue = CniEnv.unquote(line.substring(e.key().length() + 1).strip());
                break;
            }
            comment = line.startsWith("# ") ? line.substring(2).strip() : null;
        }
        if (defaultValue == null) {
            return;
        }
        Map<String, String> mine = items(KubeArgs.kubeliteView(e.value()));
        List<String> dropped = new ArrayList<>();
        items(defaultValue).forEach((name, item) -> {
            if (!mine.containsKey(name)) {
                dropped.add(item);
            }
        });
        if (dropped.isEmpty()) {
            return;
        }
        String keep = String.join(",", dropped);
        ctx.atValue(Code.TRACK_DEFAULT_DROPPED, part, e.pointer(), e.key() + " replaces the " + component + " default "
                + e.key() + "=" + defaultValue + " of MicroK8s " + ctx.track().name() + (comment == null ? ""
                        : " (\"" + comment + "\")") + ", so " + keep + (dropped.size() == 1 ? " is" : " are") + " no longer set",
                (dropped.size() == 1 ? "keep it: " : "keep them: ") + e.key() + ": " + e.value().strip() + "," + keep);
    }

    /** The items of a comma-separated list by name: {@code Gate=false} under Gate, a plugin under itself. */
    private static Map<String, String> items(String list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : list.split(",", -1)) {
            String t = item.strip();
            if (!t.isEmpty()) {
                int eq = t.indexOf('=');
                out.put(eq < 0 ? t : t.substring(0, eq).strip(), t);
            }
        }
        return out;
    }
}
